"""Benchmark (not a test): what the first search costs a reader, at 150, 1,000 and 10,000 titles.

For each size it builds a synthetic repository (entries 1 per 20 titles) with
`goldenthread build`, serves the site as a web server would (text gzipped, in its own
process), and in a fresh Chromium context (empty cache) opens the home page, lets it
settle, presses "/" and enters an author's surname. It reports, as medians over three
surnames:

- the bytes (gzip) the home page fetches, and of those Material's own search index;
- the bytes transferred from pressing "/" until the results are all shown (bodies and
  headers), typed as fast as the browser takes keys and typed at 150 ms a key (a search
  runs as the reader types, so a slow typist fetches a little more);
- the milliseconds to the query's first result: from its first keystroke (which includes
  how long Playwright takes to type it), from its last keystroke, and when pasted in one
  go (so nothing was fetched before the query was complete);
- the requests of the first search, the search index's size and the build time.

Needs Debian's Chromium (/usr/bin/chromium or CHROMIUM_PATH); never downloads a browser.
`--site DIR` measures an already built site instead. tests/site/test_search.py uses the same
functions for its 10,000-title budget test.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_repository

REPO = Path(__file__).resolve().parents[1]
SURNAMES = ("Surname17", "Surname42", "Surname63")  # each the first author of ~112 synthetic titles


def prepare(root: Path) -> Path:
    """A synthetic repository also needs the site's own files: mkdocs.yml, its theme override,
    pages, assets."""
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", root / "overrides", dirs_exist_ok=True)
    for name in ("index.md", "support.md", "accessibility.md"):
        shutil.copy(REPO / "docs" / name, root / "docs" / name)
    for folder in ("_text", "assets"):
        shutil.copytree(REPO / "docs" / folder, root / "docs" / folder, dirs_exist_ok=True)
    return root


def build_synthetic(root: Path, titles: int, entries: int) -> tuple[Path, float]:
    """The built site/ of a synthetic repository, and how long `build` took (seconds)."""
    from goldenthread.mkdocs_plugin.build import build

    prepare(write_repository(root, titles, entries))
    started = time.perf_counter()
    result = build(root)
    if result.site is None:
        raise SystemExit(f"the synthetic site did not build: {result.problems[:5]}")
    return result.site, time.perf_counter() - started


def title_count(site: Path) -> int:
    """How many titles a built site lists (its catalogue's JSON)."""
    return len(json.loads((site / "library" / "catalogue.json").read_text("utf-8"))["title"])


def sites_to_measure(site: Path | None, sizes: list[int], scratch: Path) -> Iterator[tuple[Path, float]]:
    """The given built site (build time unknown), or a synthetic site of each size in turn
    (entries in proportion, 1 per 20 titles), with how long its build took."""
    if site is not None:
        yield site, float("nan")
        return
    for titles in sizes:
        yield build_synthetic(scratch / f"r{titles}", titles, max(8, titles // 20))


class _Gzip(http.server.SimpleHTTPRequestHandler):
    """Serves text compressed with gzip (Content-Encoding), as a production server would."""

    protocol_version = "HTTP/1.1"  # keep-alive, as a production server
    compressed: dict[str, bytes]
    lock = threading.Lock()

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants and path.suffix in (".json", ".js", ".html", ".css", ".svg") and path.is_file()):
            super().do_GET()
            return
        with self.lock:
            body = self.compressed.get(str(path))
            if body is None:
                body = self.compressed[str(path)] = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(site: Path) -> None:
    """Serve site/ on a free loopback port (printed first) until killed."""
    cache: dict[str, bytes] = {}

    class Handler(_Gzip):
        compressed = cache

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(site), **kwargs)

    class Threading(http.server.ThreadingHTTPServer):
        request_queue_size = 128

    server = Threading(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


class Server:
    """The gzip server in its own process, so that it never waits for the measuring one."""

    def __init__(self, site: Path) -> None:
        self.process = subprocess.Popen([sys.executable, __file__, "--serve", str(site)],
                                        stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        self.url = f"http://127.0.0.1:{int(self.process.stdout.readline())}/"

    def shutdown(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def gzip_server(site: Path) -> tuple[Server, str]:
    """A loopback web server for site/ that gzips text (call .shutdown() when done), and its URL."""
    server = Server(site)
    return server, server.url


@dataclass
class FirstSearch:
    milliseconds: float  # first keystroke of the query -> first result on screen
    after_typing: float  # last keystroke (the query complete) -> first result on screen
    transferred: int     # bytes from pressing "/" to the results: bodies (gzip) and headers
    bodies: int          # of which bodies
    requests: list[str]  # what was fetched, relative to the site root
    results: int         # results shown


_ARM = """query => {
  window.__gt = {start: performance.now()};
  const box = document.querySelector('.md-search__input');
  box.addEventListener('input', () => {
    if (window.__gt.typed === undefined) { window.__gt.typed = performance.now(); }
    window.__gt.last = performance.now();
  }, true);
  const result = document.querySelector('.md-search-result');
  new MutationObserver(() => {   // the first result of the whole query, not of a part typed so far
    if (window.__gt.shown === undefined && result.getAttribute('data-gt-query') === query &&
        result.querySelector('.md-search-result__item')) {
      window.__gt.shown = performance.now();
    }
  }).observe(result, {childList: true, subtree: true, attributes: true});
}"""

SETTLED = """query => {
  const result = document.querySelector('.md-search-result');
  return result.getAttribute('data-gt-query') === query &&
    !result.querySelector('.md-search-result__list[aria-busy]');
}"""


def first_search(browser: Any, base: str, query: str, path: str = "", delay: float | None = 0) -> FirstSearch:
    """A fresh browser context (empty cache) opens a page, lets it settle, presses "/" and
    types the query, a key every delay milliseconds (0: as fast as the browser takes them;
    None: all at once, as a paste, so nothing is fetched before the query is complete)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(base + path, wait_until="networkidle")
        page.wait_for_timeout(500)
        page.evaluate(_ARM, query)
        responses: list[Any] = []
        page.on("response", lambda response: responses.append(response))
        page.keyboard.press("/")
        if delay is None:
            page.keyboard.insert_text(query)
        else:
            page.keyboard.type(query, delay=delay)
        page.wait_for_function(SETTLED, arg=query, timeout=20_000)
        timing = page.evaluate("window.__gt")
        sizes = [response.request.sizes() for response in responses]
        return FirstSearch(
            timing["shown"] - timing["typed"], timing["shown"] - timing["last"],
            sum(s["responseBodySize"] + s["responseHeadersSize"] for s in sizes),
            sum(s["responseBodySize"] for s in sizes),
            [urlsplit(r.url).path.removeprefix(urlsplit(base).path) for r in responses],
            page.locator(".md-search-result__item").count())
    finally:
        context.close()


def index_bytes(site: Path) -> tuple[int, int, int]:
    """The search index: files, bytes, bytes gzipped (each file on its own, as served)."""
    files = [p for p in (site / "search-index").rglob("*") if p.is_file()]
    return (len(files), sum(p.stat().st_size for p in files),
            sum(len(gzip.compress(p.read_bytes(), 6)) for p in files))


def page_load(browser: Any, base: str) -> tuple[int, int]:
    """Bytes a fresh browser fetches to open the home page (until the network is idle), and of
    those, Material's own search index."""
    context = browser.new_context()
    try:
        page = context.new_page()
        responses: list[Any] = []
        page.on("response", lambda response: responses.append(response))
        page.goto(base, wait_until="networkidle")
        total = theme = 0
        for response in responses:
            sizes = response.request.sizes()
            total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
            if response.url.endswith("search/search_index.json"):
                theme += sizes["responseBodySize"]
        return total, theme
    finally:
        context.close()


def launch(playwright: Any) -> Any:
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).is_file():
        raise SystemExit(f"no Chromium at {chromium}: install Debian's chromium or set CHROMIUM_PATH")
    return playwright.chromium.launch(executable_path=chromium, args=[
        "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"])


def main() -> None:

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[150, 1000, 10000])
    parser.add_argument("--site", type=Path, help="measure this built site/ instead of building")
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)  # gzip_server's own process
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")
    print("| titles | build (s) | index: files, KB, KB gz | home page load (KB gz) | of which Material's "
          "index | first search (KB gz) | at 150 ms a key (KB gz) | first key -> result (ms) | "
          "last key -> result (ms) | pasted -> result (ms) | requests |")
    print("|" + "---:|" * 11)
    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        browser = launch(playwright)
        for site, seconds in sites_to_measure(args.site, args.sizes, Path(scratch)):
            files, raw, packed = index_bytes(site)
            server, base = gzip_server(site)
            try:
                load, theme = page_load(browser, base)
                fast = [first_search(browser, base, surname) for surname in SURNAMES]
                slow = [first_search(browser, base, surname, delay=150) for surname in SURNAMES]
                pasted = [first_search(browser, base, surname, delay=None) for surname in SURNAMES]
            finally:
                server.shutdown()

            def median(values: list[float]) -> float:
                return statistics.median(values)

            print(f"| {title_count(site):,} | {seconds:.0f} | "
                  f"{files:,}, {raw / 1e3:,.0f}, {packed / 1e3:,.0f} | "
                  f"{load / 1e3:,.0f} | {theme / 1e3:,.0f} | "
                  f"{median([r.transferred for r in fast]) / 1e3:.1f} | "
                  f"{median([r.transferred for r in slow]) / 1e3:.1f} | "
                  f"{median([r.milliseconds for r in fast]):.0f} | "
                  f"{median([r.after_typing for r in fast]):.0f} | "
                  f"{median([r.after_typing for r in pasted]):.0f} | "
                  f"{median([len(r.requests) for r in fast]):.0f} |", flush=True)
        browser.close()


if __name__ == "__main__":
    main()
