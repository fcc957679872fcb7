"""The built site, served on loopback, and a Chromium driven by Playwright.

Browser tests use Debian's Chromium (/usr/bin/chromium or CHROMIUM_PATH) and never
download a browser. Without one they are skipped, and the run says so loudly.
"""

from __future__ import annotations

import functools
import http.server
import importlib
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from goldenthread.assemble import assemble
from goldenthread.mkdocs_plugin.build import build
from goldenthread.model import KnowledgeBase
from goldenthread.validation import validate

from ..conftest import REPO

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
HAVE_CHROMIUM = Path(CHROMIUM).is_file()
SKIPPED: list[str] = []
LIGHTHOUSE_SCORES: list[tuple[str, dict[str, float], int]] = []  # kind of page, best scores, runs


@dataclass
class BuiltSite:
    root: Path
    site: Path
    knowledge: KnowledgeBase


def build_into(root: Path, site: Path) -> BuiltSite:
    result = build(root, site)
    assert result.site is not None, result.problems
    return BuiltSite(root, site, assemble(validate(root).sources))


def bench_module(name: str) -> Any:
    """A module of bench/ (search_bench, catalogue_bench): the tests measure as the benchmarks do."""
    folder = str(REPO / "bench")
    if folder not in sys.path:
        sys.path.insert(0, folder)
    return importlib.import_module(name)


@dataclass
class LargeSite:
    """A synthetic repository of LARGE_TITLES titles, built and served once for the session."""

    root: Path
    site: Path
    url: str        # the site served gzipped, as a production server would (in its own process)
    seconds: float  # how long `goldenthread build` took

    @functools.cached_property
    def knowledge(self) -> KnowledgeBase:
        return assemble(validate(self.root).sources)


LARGE_TITLES, LARGE_ENTRIES = 10_000, 500


@pytest.fixture(scope="session")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LargeSite]:
    """10,000 titles and 500 entries (bench/synthetic.py), built with `goldenthread build` (about
    two minutes) and served gzipped by bench/search_bench.py's gzip_server."""
    bench = bench_module("search_bench")
    root = tmp_path_factory.mktemp("large") / "repo"
    site, seconds = bench.build_synthetic(root, LARGE_TITLES, LARGE_ENTRIES)
    server, url = bench.gzip_server(site)
    try:
        yield LargeSite(root, site, url, seconds)
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_into(REPO, tmp_path_factory.mktemp("built") / "site")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def served(built: BuiltSite) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(built.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not HAVE_CHROMIUM:
        SKIPPED.append(f"no Chromium at {CHROMIUM} (install Debian's chromium or set CHROMIUM_PATH)")
        pytest.skip(f"BROWSER TESTS SKIPPED: no Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield chromium
        chromium.close()


@dataclass
class Visit:
    page: Any
    console_errors: list[str]
    foreign_requests: list[str]


@pytest.fixture
def open_page(browser: Any, served: str) -> Iterator[Any]:
    contexts = []

    def visit(path: str, scheme: str = "light") -> Visit:
        context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        foreign: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: foreign.append(r.url)
                if not r.url.startswith((served, "data:", "blob:")) else None)
        page.goto(served + path, wait_until="load")
        return Visit(page, errors, foreign)

    yield visit
    for context in contexts:
        context.close()
