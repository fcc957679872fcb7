"""`goldenthread serve`: the live preview, where a saved change shows at once.

The site is built in full once (as `goldenthread build` builds it, without the audit).
After that, each saved change is validated and generated again only where it matters
(publish/live.py), and MkDocs renders again only the pages whose Markdown changed, from
the structures of its first build (files, navigation, templates): the page a reader has
open first, when the browser reloads it, the rest in the background. The search index,
the catalogue's JSON, the PDFs and the exports follow in the background too.

A save that breaks a source leaves the last good site served: its problems are printed in
the terminal and shown at the top of every page until a save mends them. A change to
mkdocs.yml, or to the title of a page in the navigation, is rendered again in full.

This uses the engine's build steps one page at a time (engine.py's read_page and write_page,
private to MkDocs, so kept there and tested under MkDocs and ProperDocs alike).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import base_files
from ..codes import level_of
from ..generate.pages import GENERATED_PAGES, OWNED
from ..problems import Problem
from ..publish.live import LiveGeneration
from ..publish.session import BuildSession, InvalidSources
from ..publish.site_folder import build_lock
from ..report import as_html, as_text, summary
from ..validation import file_stamp
from . import engine
from .build import load_site, plugin_of, run_engine

log = engine.logger().getChild("plugins.goldenthread")
CONFIG = "mkdocs.yml"
GRACE = 0.3  # seconds the background waits after an update: the browsers' reloads come first
QUIET = 2.0  # seconds without a save before the search index, PDFs and exports are made again


class Preview:
    """The preview's site in `site`, and what is still to render in it."""

    def __init__(self, root: Path, site: Path) -> None:
        self.root, self.site = root, site
        self.live = LiveGeneration(root)
        self.lock = threading.RLock()  # MkDocs' structures: one page at a time
        self.problems: list[Problem] = []  # shown in the terminal and on every page
        self.rendered: list[str] = []  # docs-relative pages rendered since the last full build
        self.serve_url = ""
        self._config: Any = None
        self._plugin: Any = None
        self._stamps: dict[str, tuple[int, int, int]] = {}  # mkdocs.yml and hand-written docs/
        self._stale: dict[str, Any] = {}  # docs-relative page -> its File, to render again
        self._read: set[str] = set()  # of those, the pages whose Markdown changed
        self._outputs_due = False
        self._updated = 0.0  # time.monotonic() of the last update
        self._wake = threading.Condition(self.lock)
        self._stop = False
        self._waiting = 0  # updates and readers' pages waiting for the lock, ahead of the background
        self._counting = threading.Lock()

    @contextlib.contextmanager
    def _first(self) -> Iterator[None]:
        """Hold the lock ahead of the background, which renders one page at a time and lets
        anyone waiting go first (a lock alone would let it take the lock back at once)."""
        with self._counting:
            self._waiting += 1
        try:
            with self.lock:
                yield
        finally:
            with self._counting:
                self._waiting -= 1

    # -- building ---------------------------------------------------------------------

    def build(self) -> bool:
        """Build the whole site (at the start, and when mkdocs.yml changes); False if the
        sources have errors (the problems say which)."""
        with self._first(), build_lock(self.root / "site", wait=True):
            self._stamps = self._scan()
            config = load_site(self.root, self.site)
            if self.serve_url:
                config.site_url = self.serve_url
            session = BuildSession(self.root, self.site, cache=self.live.cache)
            try:
                run_engine(config, session)
                session.finish()
            except InvalidSources:
                self.problems = session.problems
                return False
            finally:
                session.close()
            self.live.adopt(session.plan)
            self._config, self._plugin = config, plugin_of(config)
            self.problems = [p for p in session.problems if p.level != "error"]
            self._stale.clear()
            self._read.clear()
            self.rendered = []
        return True

    def _scan(self) -> dict[str, tuple[int, int, int]]:
        """mkdocs.yml and every hand-written file under docs/, with their stamps."""
        stamps = {CONFIG: file_stamp(self.root / CONFIG)}
        docs = self.root / "docs"
        for folder, names, files in os.walk(docs):
            relative = Path(folder).relative_to(docs).as_posix()
            if relative == ".":
                names[:] = [name for name in names if name not in OWNED and name not in base_files.FOLDERS]
                files = [name for name in files if name not in GENERATED_PAGES]
            stamps.update({f"docs/{name}" if relative == "." else f"docs/{relative}/{name}":
                           file_stamp(Path(folder) / name) for name in files})
        return stamps

    def update(self) -> None:
        """A source changed: generate and render again what it changes (the server calls this
        once the saves have stopped, and reloads the browser when it returns)."""
        started = time.perf_counter()
        with self._first():
            stamps = self._scan()
            changed = {name for name in {*stamps, *self._stamps}
                       if stamps.get(name) != self._stamps.get(name)}
            if self._config is None or CONFIG in changed:
                if self.build():
                    self._report(started, "the whole site was built again")
                else:
                    self.report_problems()
                return
            with build_lock(self.root / "site", wait=True):
                refresh = self.live.refresh()
            self.problems = refresh.problems
            if not refresh.ok:
                self._report(started, "")
                return
            self._stamps = stamps
            docs = {name[len("docs/"):] for name in changed if name.startswith("docs/")}
            present = {name for name in docs if f"docs/{name}" in stamps}
            self._apply(refresh.written | refresh.due | present, refresh.removed | (docs - present))
            self._outputs_due = True
            self._updated = time.monotonic()
            self._wake.notify_all()
        self._report(started, f"{len(self._stale)} page{'s' if len(self._stale) != 1 else ''} to render")

    def _apply(self, written: set[str], removed: set[str]) -> None:
        """Bring MkDocs' files up to date with docs/ (docs-relative paths written, removed)."""
        config, files = self._config, self._plugin.files
        for name in sorted(removed):
            file = files.get_file_from_path(name)
            if file is not None:
                files.remove(file)
                self._stale.pop(name, None)
                with contextlib.suppress(FileNotFoundError):
                    os.remove(file.abs_dest_path)
        added = [engine.new_file(name, config)
                 for name in sorted(written) if files.get_file_from_path(name) is None]
        for file in added:
            files.append(file)
        if added:
            engine.exclude(files, config)
        nav_titles = {}
        for name in sorted(written):
            file = files.get_file_from_path(name)
            if file is None or file.inclusion.is_excluded():
                continue
            if not file.is_documentation_page():
                file.copy_file()
                continue
            if file.page is None:
                engine.Page(None, file, config)
            self._stale[name] = file
            self._read.add(name)
            if file.page in self._plugin.nav.pages:
                nav_titles[name] = file.page.title
        for name, title in nav_titles.items():  # the navigation shows these titles on every page
            self._render(self._stale.pop(name))
            if files.get_file_from_path(name).page.title != title:
                self._stale.update({file.src_uri: file for file in files.documentation_pages()})

    # -- rendering ----------------------------------------------------------------------

    def _render(self, file: Any) -> None:
        config, files, plugin = self._config, self._plugin.files, self._plugin
        with _warnings_kept() as warnings:
            self.live.write_due({file.src_uri})
            if file.src_uri in self._read:
                engine.read_page(file.page, config, files)
                self._read.discard(file.src_uri)
            engine.write_page(file.page, config, files, plugin.nav, plugin.env)
        self.rendered.append(file.src_uri)
        here = f"docs/{file.src_uri}"
        kept = [p for p in self.problems if not (p.code == "site-warning" and p.path == here)]
        self.problems = kept + [_site_warning(file, message) for message in warnings]

    def render_for(self, url_path: str) -> None:
        """The page at this address is about to be served: render it first if it is stale."""
        with self._first():
            if not self._stale:
                return
            wanted = url_path.strip("/")
            for name, file in self._stale.items():
                if file.url.strip("/") == wanted or file.dest_uri == wanted:
                    self._render(self._stale.pop(name))
                    return

    def render_all(self) -> None:
        """Render every stale page now (what the background does, one page at a time)."""
        while self._render_next():
            pass

    def _render_next(self) -> bool:
        while self._waiting and not self._stop:  # an update or a reader's page goes first
            time.sleep(0.005)
        with self.lock:
            if not self._stale or self._stop:
                return False
            name = next(iter(self._stale))
            self._render(self._stale.pop(name))
            return True

    def finish_outputs(self) -> None:
        """The search index, the catalogue's JSON and the outputs, for the newest sources."""
        with self.lock:
            if not self._outputs_due or self.live.plan is None:
                return
            self._outputs_due = False
        self.live.site_files(self.site)
        for name in self.live.outputs():
            target = self.site / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.root / "docs" / name, target)

    def background(self) -> None:
        """Render the stale pages, then the files beside them, until stopped. It starts a moment
        after an update, so that the pages the reloading browsers ask for come first."""
        while True:
            with self.lock:
                self._wake.wait_for(lambda: self._stop or bool(self._stale) or self._outputs_due)
                if self._stop:
                    return
            time.sleep(GRACE)
            try:
                self.render_all()
                if time.monotonic() - self._updated >= QUIET:  # an editor still saving: later
                    self.finish_outputs()
                else:
                    time.sleep(0.2)
            except Exception as error:  # shown, and the next save tries again
                log.error(f"goldenthread: the preview could not finish: {error}")

    def stop(self) -> None:
        """Stop the background after the page in hand (not waiting for it: it is a daemon)."""
        self._stop = True
        if self.lock.acquire(timeout=0.2):
            try:
                self._wake.notify_all()
            finally:
                self.lock.release()

    # -- reporting ----------------------------------------------------------------------

    def report_problems(self) -> None:
        """The sources have errors and nothing was built yet: say so, here and in the browser."""
        self._report(time.perf_counter(), "")
        (self.site / "index.html").write_text(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Preview</title></head>"
            "<body><main><h1>The preview appears here once the sources are valid</h1></main></body></html>",
            "utf-8")

    def _report(self, started: float, done: str) -> None:
        seconds = time.perf_counter() - started
        errors = [p for p in self.problems if p.level == "error"]
        if errors:
            sys.stderr.write(as_text(self.problems) + summary(self.problems)
                             + "The preview still shows the last good version.\n")
        else:
            sys.stderr.write(f"goldenthread: updated in {seconds:.2f} s ({done})\n")

    def problems_html(self) -> str:
        """The problems, for the top of every page (empty when there are none)."""
        return as_html([p for p in self.problems if p.level == "error" or p.code == "site-warning"])


def _site_warning(file: Any, message: str) -> Problem:
    """A warning MkDocs logged for a page, at the line of the link or name it quotes."""
    line = 1
    quoted = re.findall(r"'([^']+)'", message)
    source = file.page.markdown or "" if file.page else ""
    for text in quoted[1:] + quoted[:1]:
        at = source.find(text)
        if at >= 0:
            line = source.count("\n", 0, at) + 1 + _front_matter_lines(file)
            break
    return Problem(f"docs/{file.src_uri}", line, 1, "site-warning", message,
                   level_of("site-warning", "serve"))


def _front_matter_lines(file: Any) -> int:
    text = Path(file.abs_src_path).read_text("utf-8") if file.abs_src_path else ""
    match = re.match(r"---\n.*?\n---\n", text, re.DOTALL)
    return match.group(0).count("\n") if match else 0


class _Kept(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def _warnings_kept() -> Iterator[list[str]]:
    handler = _Kept()
    logger = engine.logger()
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
