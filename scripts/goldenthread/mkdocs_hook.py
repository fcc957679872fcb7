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

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from goldenthread.publish.generation import generate_pages
from goldenthread.publish.mkdocs_build import BESIDE, READY
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


def on_files(files: Any, config: Any, **_: Any) -> Any:
    """Under `goldenthread build`: the titles' pages, PDFs and exports being written beside
    MkDocs are site files too, so links to them are checked and they are read or copied
    once written."""
    for beside in BESIDE:
        present = set(files.src_uris)
        for name in [*beside.pending, *beside.outputs]:
            if name not in present:
                files.append(File(name, config.docs_dir, config.site_dir, config.use_directory_urls))
        beside.site_ready()  # MkDocs has emptied the site folder by now
    if not BESIDE:
        return files
    # Where MkDocs' walk of docs/ would have put them had they been written (the order in
    # which it reads pages shows in its output: tags.json, for one).
    docs = [file for file in files if file.src_dir == config.docs_dir]
    return Files(sorted(docs, key=_walk_order) + [file for file in files if file.src_dir != config.docs_dir])


def _walk_order(file: Any) -> tuple[tuple[int, Any], ...]:
    """MkDocs' order (get_files): a folder's files (index first, then by name), then its
    folders, by name, each in turn."""
    *folders, name = file.src_uri.split("/")
    first = os.path.splitext(name)[0] in ("index", "README")
    return (*((1, folder) for folder in folders), (0, (not first, name)))


def on_pre_page(page: Any, config: Any, **_: Any) -> Any:
    """MkDocs reads the page next: a title's page being written beside MkDocs must be written."""
    for beside in BESIDE:
        beside.wait_for_page(page.file.src_uri)
    return page


def on_env(env: Any, config: Any, files: Any, **_: Any) -> Any:
    """MkDocs copies files next: the outputs must be written by now."""
    for beside in BESIDE:
        beside.wait_for_outputs()
    return env


@event_priority(-100)  # last, so what is audited is what is written
def on_post_page(output: str, page: Any, config: Any, **_: Any) -> str:
    for beside in BESIDE:
        beside.add_page(page.file.dest_uri, output)
    return output


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
