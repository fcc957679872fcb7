"""The MkDocs hook (mkdocs.yml: hooks): a thin adapter over the generation step.

Before each build it regenerates the pages from library/, research/ and docs/ (unless
`goldenthread build` already did); under `mkdocs serve` it also watches library/ and
research/, so editing a record reloads the preview.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from goldenthread.publish.generation import generate_pages
from goldenthread.publish.mkdocs_build import READY
from goldenthread.report import as_text

log = logging.getLogger("mkdocs.plugins.goldenthread")


def _root(config: Any) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_pre_build(config: Any, **_: Any) -> None:
    if os.environ.get(READY):
        return
    from mkdocs.exceptions import PluginError

    generated = generate_pages(_root(config), pdf_years=set())
    if generated.knowledge is None:
        raise PluginError("the sources have problems:\n" + as_text(generated.validation.problems))
    log.info("goldenthread: %d pages generated, %d written", generated.pages, generated.written)


def on_serve(server: Any, config: Any, builder: Any, **_: Any) -> Any:
    root = _root(config)
    for folder in ("library", "research"):
        if (root / folder).is_dir():
            server.watch(str(root / folder))
    return server


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    """Keep pages out of Material's own search index, which every page load downloads whole
    (3.8 MB gzip at 10,000 titles): the site's sharded index (docs/search-index/, answered
    by assets/search.js in the same search box) serves search. Zensical runs no hooks, so
    its own search is unaffected."""
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return markdown
