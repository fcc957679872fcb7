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
