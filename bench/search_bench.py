"""Benchmark (not a test): our search against Pagefind, on the same built site, in Chromium.

Quality. Every query of tests/search/queries.yaml (queries a teacher would type, each with
the pages that should come first, chosen by reading the content) is typed into our search
box on the repository's own site, and given to Pagefind (default configuration, indexing
the same built site) through its own JavaScript API, in the same Chromium. A query's rank
is the position of its first wanted page among the first ten results (none: not shown).
Reported for both engines, overall and by category: hit@1, hit@5 and the mean reciprocal
rank (MRR, 0 for a query whose wanted pages are not in the first ten).

Weight and speed. At 188 titles (the repository itself) and at 1,000 and 10,000 synthetic
titles (bench/synthetic.py, entries 1 per 20 titles), the site is built with
`goldenthread build`, indexed by Pagefind, and served as a web server would (text gzipped,
in its own process). In a fresh Chromium context (empty cache) for each search, a page is
opened and left to settle, the box is focused and a query typed: three surnames, each the
first author of a few titles. Our search is Material's box on the home page ("/" focuses
it); Pagefind's is its default UI on a page of its own. Reported, as medians:

- first search (KB gz): bytes transferred (bodies and headers) from focusing the box to
  the results all shown; and with the engine's script, which the page loaded before;
- the milliseconds to the query's first result from its last keystroke (typed as fast as
  the browser takes keys), and when pasted in one go (so nothing was fetched before it);
- the index: files and KB gzipped (each file on its own, as served); Pagefind's indexing time.

Needs Debian's Chromium (/usr/bin/chromium or CHROMIUM_PATH); never downloads a browser.
`--site DIR` measures an already built site instead (indexed by Pagefind in a copy);
`--quality` runs only the query set, `--detail` prints every query's ranks; `--ours` leaves
Pagefind out (where it is not installed: our numbers alone, to compare before and after a change).
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

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_repository

REPO = Path(__file__).resolve().parents[1]
QUERIES = REPO / "tests" / "search" / "queries.yaml"
SURNAMES = ("Surname17", "Surname42", "Surname63")  # each the first author of ~112 synthetic titles
OUR_SURNAMES = ("Sherrington", "Quigley", "Christodoulou")  # the first authors of 3 to 5 titles
SHOWN = 10  # results a rank is read from
PAGEFIND_PAGE = "pagefind-bench.html"
PAGEFIND_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pagefind</title>
<link href="pagefind/pagefind-ui.css" rel="stylesheet"><script src="pagefind/pagefind-ui.js"></script>
</head><body><main><div id="search"></div></main>
<script>
window.addEventListener("DOMContentLoaded", () => { new PagefindUI({ element: "#search" }); });
</script>
</body></html>
"""


# -- Sites --------------------------------------------------------------------------------------

def prepare(root: Path) -> Path:
    """A synthetic repository also needs the site's own files: mkdocs.yml and every
    hand-written file under docs/ (pages, assets, the theme's overrides, the texts the
    home and contributing pages are made from); not what the build generates there, nor
    what bench/synthetic.py wrote."""
    from goldenthread.generate.pages import GENERATED_PAGES, OWNED

    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for path in sorted((REPO / "docs").iterdir()):
        target = root / "docs" / path.name
        if path.name in (*OWNED, *GENERATED_PAGES) or path.name.startswith(".") or target.exists():
            continue
        if path.is_dir():
            shutil.copytree(path, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(path, target)
    return root


def build_synthetic(root: Path, titles: int, entries: int) -> tuple[Path, float]:
    """The built site/ of a synthetic repository, and how long `build` took (seconds)."""
    prepare(write_repository(root, titles, entries))
    return build_site(root)


def build_site(root: Path, site: Path | None = None) -> tuple[Path, float]:
    """Build a repository (into site, default root/site); the site and the seconds it took."""
    from goldenthread.mkdocs_plugin.build import build

    started = time.perf_counter()
    result = build(root, site)
    if result.site is None:
        raise SystemExit(f"the site did not build: {result.problems[:5]}")
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


def with_pagefind(site: Path) -> float:
    """Index a built site with Pagefind, default configuration (its files go to site/pagefind/),
    and add a page with Pagefind's default UI; the seconds the indexing took."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site)], check=True,
                   stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    (site / PAGEFIND_PAGE).write_text(PAGEFIND_HTML, "utf-8")
    return seconds


# -- Serving ------------------------------------------------------------------------------------

class _Gzip(http.server.SimpleHTTPRequestHandler):
    """Serves text compressed with gzip (Content-Encoding), as a production server would."""

    protocol_version = "HTTP/1.1"  # keep-alive, as a production server
    compressed: dict[str, bytes]
    lock = threading.Lock()
    TEXT = (".json", ".js", ".html", ".css", ".svg", ".pf_meta", ".pf_index", ".pf_fragment", ".pagefind")

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        # Pagefind's own files are gzipped already (they start with gzip's magic bytes).
        if not (wants and path.suffix in self.TEXT and path.is_file()) or path.suffix.startswith(".pf") \
                or path.suffix == ".pagefind":
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


# -- The two engines in the browser -------------------------------------------------------------

@dataclass(frozen=True)
class Engine:
    name: str
    path: str          # the page its box is on
    box: str           # the box's selector
    files: tuple[str, ...]   # site-relative prefixes of the engine's own files (script, index)
    results: str       # JS: the site-relative paths of the results shown, in order
    settled: str       # JS (query): whether the query's results are all shown
    shown: str         # JS (query): whether the query's first result is shown


OURS = Engine(
    "ours", "", ".md-search__input", ("assets/search.js", "search-index/"),
    "() => [...document.querySelectorAll('.md-search-result__item > a')].map(a => a.href)",
    """query => {
      const result = document.querySelector('.md-search-result');
      return result.getAttribute('data-gt-query') === query &&
        !result.querySelector('.md-search-result__list[aria-busy]');
    }""",
    """query => document.querySelector('.md-search-result').getAttribute('data-gt-query') === query
      && !!document.querySelector('.md-search-result__item')""")

PAGEFIND = Engine(
    "pagefind", PAGEFIND_PAGE, ".pagefind-ui__search-input", ("pagefind/",),
    "() => [...document.querySelectorAll('.pagefind-ui__result-link')].map(a => a.href)",
    """query => {
      const message = document.querySelector('.pagefind-ui__message');
      return !!message && message.textContent.trim().endsWith('for ' + query) &&
        document.querySelectorAll('.pagefind-ui__result').length ===
        document.querySelectorAll('.pagefind-ui__result-link').length;
    }""",
    """query => {
      const message = document.querySelector('.pagefind-ui__message');
      return !!message && message.textContent.trim().endsWith('for ' + query) &&
        !!document.querySelector('.pagefind-ui__result-link');
    }""")

SETTLED = OURS.settled  # tests/site/test_search.py waits for our results the same way

_ARM = """([query, shown]) => {
  const isShown = eval(shown);
  window.__gt = {};
  window.addEventListener('input', () => {
    if (window.__gt.typed === undefined) { window.__gt.typed = performance.now(); }
    window.__gt.last = performance.now();
  }, true);
  new MutationObserver(() => {   // the first result of the whole query, not of a part typed so far
    if (window.__gt.shown === undefined && isShown(query)) { window.__gt.shown = performance.now(); }
  }).observe(document.body, {childList: true, subtree: true, attributes: true, characterData: true});
}"""


@dataclass
class FirstSearch:
    milliseconds: float  # first keystroke of the query -> first result on screen
    after_typing: float  # last keystroke (the query complete) -> first result on screen
    transferred: int     # bytes from focusing the box to the results: bodies (gzip) and headers
    bodies: int          # of which bodies
    script: int          # the engine's files the page loaded before the box was focused
    requests: list[str]  # what was fetched from focusing the box, relative to the site root
    results: int         # results shown


def _size(response: Any) -> int:
    sizes = response.request.sizes()
    return int(sizes["responseBodySize"] + sizes["responseHeadersSize"])


def _relative(url: str, base: str) -> str:
    return urlsplit(url).path.removeprefix(urlsplit(base).path)


def focus(page: Any, engine: Engine) -> None:
    if engine is OURS:
        page.keyboard.press("/")
    else:
        page.click(engine.box)


def first_search(browser: Any, base: str, query: str, path: str | None = None, delay: float | None = 0,
                 engine: Engine = OURS) -> FirstSearch:
    """A fresh browser context (empty cache) opens the engine's page, lets it settle, focuses the
    box and types the query, a key every delay milliseconds (0: as fast as the browser takes
    them; None: all at once, as a paste, so nothing is fetched before the query is complete)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        before: list[Any] = []
        page.on("response", lambda response: before.append(response))
        page.goto(base + (engine.path if path is None else path), wait_until="networkidle")
        page.wait_for_timeout(500)
        page.evaluate(_ARM, [query, engine.shown])
        script = sum(_size(r) for r in before if _relative(r.url, base).startswith(engine.files))
        responses: list[Any] = []
        page.on("response", lambda response: responses.append(response))
        focus(page, engine)
        if delay is None:
            page.keyboard.insert_text(query)
        else:
            page.keyboard.type(query, delay=delay)
        page.wait_for_function(engine.settled, arg=query, timeout=20_000)
        timing = page.evaluate("window.__gt")
        return FirstSearch(
            timing["shown"] - timing["typed"], timing["shown"] - timing["last"],
            sum(_size(r) for r in responses), sum(r.request.sizes()["responseBodySize"] for r in responses),
            script, [_relative(r.url, base) for r in responses],
            int(page.evaluate(f"({engine.results})().length")))
    finally:
        context.close()


def index_bytes(site: Path, folder: str = "search-index") -> tuple[int, int, int]:
    """A search index: files, bytes, bytes gzipped (each file on its own, as served; Pagefind's
    files are gzipped already)."""
    files = [p for p in (site / folder).rglob("*") if p.is_file()]
    packed = sum(len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, 6))
                 for data in (p.read_bytes() for p in files))
    return len(files), sum(p.stat().st_size for p in files), packed


def launch(playwright: Any) -> Any:
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).is_file():
        raise SystemExit(f"no Chromium at {chromium}: install Debian's chromium or set CHROMIUM_PATH")
    return playwright.chromium.launch(executable_path=chromium, args=[
        "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"])


# -- Quality ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Query:
    query: str
    category: str
    wanted: tuple[str, ...]


def queries(path: Path = QUERIES) -> list[Query]:
    return [Query(str(q["query"]), str(q["category"]), tuple(q["wanted"]))
            for q in yaml.safe_load(path.read_text("utf-8"))]


def ours_shown(page: Any, base: str, query: str) -> list[str]:
    """The paths our search box shows for a query typed into it (the box cleared first)."""
    page.fill(OURS.box, "")
    page.focus(OURS.box)
    page.keyboard.type(query)
    page.wait_for_function(OURS.settled, arg=query, timeout=10_000)
    return [_relative(h, base) for h in page.evaluate(OURS.results)][:SHOWN]


_PAGEFIND_SEARCH = """async query => {
  const pagefind = await import('./pagefind/pagefind.js');
  const found = await pagefind.search(query);
  const data = await Promise.all(found.results.slice(0, SHOWN).map(r => r.data()));
  return data.map(d => d.url);
}""".replace("SHOWN", str(SHOWN))


def pagefind_shown(page: Any, base: str, query: str) -> list[str]:
    """The paths Pagefind's own search (its JavaScript API, as its UI calls it) gives first."""
    return [_relative(url, base) for url in page.evaluate(_PAGEFIND_SEARCH, query)]


def rank(shown: list[str], wanted: tuple[str, ...]) -> int | None:
    return next((n for n, path in enumerate(shown, 1) if path in wanted), None)


def quality(browser: Any, base: str, engine: Engine, asked: list[Query]) -> list[int | None]:
    """Each query's rank in the engine's results (None: no wanted page in the first ten)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(base + engine.path, wait_until="networkidle")
        shown = ours_shown if engine is OURS else pagefind_shown
        return [rank(shown(page, base, q.query), q.wanted) for q in asked]
    finally:
        context.close()


@dataclass
class Scores:
    hit1: int
    hit5: int
    mrr: float
    count: int

    @classmethod
    def of(cls, ranks: list[int | None]) -> Scores:
        return cls(sum(r == 1 for r in ranks), sum(r is not None and r <= 5 for r in ranks),
                   sum(1 / r for r in ranks if r) / len(ranks), len(ranks))

    def cells(self) -> str:
        return f"{self.hit1}/{self.count} | {self.hit5}/{self.count} | {self.mrr:.2f}"


def print_quality(asked: list[Query], ranks: dict[str, list[int | None]], detail: bool) -> None:
    names = list(ranks)
    print("| queries | " + " | ".join(f"{n}: hit@1 | {n}: hit@5 | {n}: MRR" for n in names) + " |")
    print("|---|" + "---:|" * 3 * len(names))
    categories = sorted({q.category for q in asked}, key=[q.category for q in asked].index)
    for label, keep in [("all", None), *((c, c) for c in categories)]:
        rows = [n for n, q in enumerate(asked) if keep is None or q.category == keep]
        cells = " | ".join(Scores.of([ranks[name][n] for n in rows]).cells() for name in names)
        print(f"| {label} ({len(rows)}) | {cells} |")
    if detail:
        print("\n| query | category | " + " | ".join(names) + " |\n|---|---|" + "---:|" * len(names))
        for n, q in enumerate(asked):
            print(f"| {q.query} | {q.category} | "
                  + " | ".join(str(ranks[name][n] or "-") for name in names) + " |")


# -- The run ------------------------------------------------------------------------------------

def weigh(browser: Any, base: str, site: Path, surnames: tuple[str, ...], seconds: float,
          indexing: float, engines: tuple[Engine, ...]) -> list[str]:
    """The table's rows for one site: ours, then Pagefind."""
    rows = []
    folders = {OURS.name: "search-index", PAGEFIND.name: "pagefind"}
    for engine in engines:
        folder = folders[engine.name]
        fast = [first_search(browser, base, q, engine=engine) for q in surnames]
        pasted = [first_search(browser, base, q, delay=None, engine=engine) for q in surnames]
        files, _, packed = index_bytes(site, folder)
        median = statistics.median
        extra = f"{indexing:.1f}" if engine is PAGEFIND else "-"
        rows.append(
            f"| {title_count(site):,} | {engine.name} | {seconds:.0f} | {extra} | "
            f"{files:,}, {packed / 1e3:,.0f} | "
            f"{median([r.transferred for r in fast]) / 1e3:.1f} | "
            f"{median([r.transferred + r.script for r in fast]) / 1e3:.1f} | "
            f"{median([r.after_typing for r in fast]):.0f} | "
            f"{median([r.after_typing for r in pasted]):.0f} | "
            f"{median([r.milliseconds for r in fast]):.0f} | {median([len(r.requests) for r in fast]):.0f} |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[188, 1000, 10000],
                        help="titles; 188 (or any size not above the repository's) is the repository itself")
    parser.add_argument("--site", type=Path, help="measure this built site/ instead of building")
    parser.add_argument("--quality", action="store_true", help="only the query set, on the repository's site")
    parser.add_argument("--detail", action="store_true", help="print every query's rank")
    parser.add_argument("--ours", action="store_true", help="leave Pagefind out (not installed)")
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)  # gzip_server's own process
    args = parser.parse_args()
    engines = (OURS,) if args.ours else (OURS, PAGEFIND)
    if args.serve:
        serve(args.serve)
        return
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")
    ours = len(list((REPO / "library" / "titles").glob("*.yaml")))
    sizes = [ours] if args.quality else args.sizes
    rows: list[str] = []
    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        browser = launch(playwright)
        for titles in sizes:
            real = args.site is None and titles <= ours
            if args.site is not None:
                site = Path(scratch) / "site"
                shutil.copytree(args.site, site)
                seconds = float("nan")
            elif real:
                site, seconds = build_site(REPO, Path(scratch) / "site")
            else:
                site, seconds = build_synthetic(Path(scratch) / f"r{titles}", titles, max(8, titles // 20))
            indexing = with_pagefind(site) if PAGEFIND in engines else float("nan")
            server, base = gzip_server(site)
            try:
                if real or args.site is not None:
                    asked = queries()
                    ranks = {e.name: quality(browser, base, e, asked) for e in engines}
                    print(f"\nThe query set ({len(asked)} queries), {title_count(site)} titles:\n")
                    print_quality(asked, ranks, args.detail)
                if not args.quality:
                    rows += weigh(browser, base, site, OUR_SURNAMES if real else SURNAMES, seconds, indexing,
                                  engines)
            finally:
                server.shutdown()
            shutil.rmtree(site.parent if not real and args.site is None else site, ignore_errors=True)
        browser.close()
    if rows:
        print("\n| titles | engine | build (s) | Pagefind indexing (s) | index: files, KB gz | "
              "first search (KB gz) | with the engine's script (KB gz) | last key -> result (ms) | "
              "pasted -> result (ms) | first key -> result (ms) | requests |")
        print("|---:|---|" + "---:|" * 9)
        print("\n".join(rows))


if __name__ == "__main__":
    main()
