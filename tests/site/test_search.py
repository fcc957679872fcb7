"""The site's search (assets/search.js over docs/search-index/) in Material's header box.

Results are checked against a reference search written here in Python over the same
files: the same words, the same AND, the same prefix on the last word, the same order.
The slow test builds 10,000 synthetic titles and measures what the first search costs.
"""

from __future__ import annotations

import json
import random
import re
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from goldenthread.audit.site import audit_site
from goldenthread.generate import search_index as si
from goldenthread.generate.links import entry_page, title_page, url_of

from .conftest import BuiltSite, LargeSite, Visit
from .test_browser import AXE_TAGS

BUDGET_BYTES = 250_000  # the first search, as transferred (gzip)
BUDGET_MS = 300         # from typing to the first result shown
MAX_SHARDS = 4          # as search.js: a last word spread over more shards waits for more letters


# -- A reference search over the built index --------------------------------------------------

@dataclass
class Index:
    site: Path
    manifest: dict[str, Any]
    urls: list[str]

    @classmethod
    def read(cls, site: Path) -> Index:
        folder = site / "search-index"
        manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
        urls = [doc[0] for n in range(-(-manifest["docs"] // manifest["chunk"]))
                for doc in json.loads((folder / "d" / f"{n}.json").read_text("utf-8"))]
        return cls(site, manifest, urls)

    def shard(self, n: int) -> dict[str, list[int]]:
        return dict(json.loads((self.site / "search-index" / "t" / f"{n}.json").read_text("utf-8")))

    def shard_of(self, term: str) -> int:
        keys = self.manifest["shards"]
        return next((keys.index(term[:n]) for n in range(len(term), 0, -1) if term[:n] in keys), -1)

    def shards(self, word: str, prefix: bool) -> set[int]:
        keys = self.manifest["shards"]
        return ({self.shard_of(word)} | ({n for n, key in enumerate(keys)
                                          if key.startswith(word) and len(key) > len(word)}
                                         if prefix else set())) - {-1}

    def scores(self, word: str, prefix: bool) -> dict[int, int]:
        found: dict[int, int] = {}
        for n in self.shards(word, prefix):
            for term, postings in self.shard(n).items():
                if term == word or (prefix and term.startswith(word)):
                    doc = 0
                    for value in postings:
                        doc += value // 16
                        weight = sum(w for bit, w in enumerate(self.manifest["weights"])
                                     if value % 16 & 1 << bit)
                        found[doc] = max(found.get(doc, 0), weight * (10 if term == word else 9))
        return found

    def search(self, query: str) -> list[str]:
        """The URLs search.js shows, best first (all of them, not only the first ten)."""
        words = re.findall(r"[^\W_]+", si.fold(query))
        typing = bool(words) and bool(re.search(r"[^\W_]$", si.fold(query)))
        parts = [(w, True) if i == len(words) - 1 and typing and len(w) > 1 else (w, False)
                 for i, w in enumerate(words)]
        parts = [(w, p) for w, p in parts if (p and len(self.shards(w, p)) <= MAX_SHARDS)
                 or (not p and w in si.tokens(w))]
        if not parts:
            return []
        maps = [self.scores(w, p) for w, p in parts]
        docs = set(maps[0]).intersection(*maps[1:])
        ranked = sorted(docs, key=lambda d: (-sum(m[d] for m in maps), d))
        return [self.urls[d] for d in ranked]


@pytest.fixture(scope="module")
def index(built: BuiltSite) -> Index:
    return Index.read(built.site)


# -- Driving the search box -------------------------------------------------------------------

def type_query(page: Any, query: str) -> None:
    page.keyboard.press("/")
    page.keyboard.type(query)


def results(page: Any, served: str, query: str) -> tuple[str, list[str]]:
    """The meta line and the shown results' URLs (relative to the site root) for the query."""
    page.wait_for_function(_bench().SETTLED, arg=query, timeout=10_000)
    meta = page.locator(".md-search-result__meta").inner_text()
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    return meta, [urlsplit(h).path.removeprefix(urlsplit(served).path) for h in hrefs]


def shown_for(index: Index, query: str) -> tuple[str, list[str]]:
    found = index.search(query)
    count = {0: "No matching documents", 1: "1 matching document"}.get(
        len(found), f"{len(found)} matching documents")
    return count, found[:10]


# -- The tests --------------------------------------------------------------------------------

pytestmark = pytest.mark.browser


def test_a_surname_finds_its_titles(built: BuiltSite, open_page: Any, served: str, index: Index) -> None:
    title = next(t for t in built.knowledge.titles if t.id == "rosenshines-principles-in-action")
    visit: Visit = open_page("")
    type_query(visit.page, "Sherrington")
    meta, urls = results(visit.page, served, "Sherrington")
    assert url_of(title_page(title)) == urls[0]
    assert (meta, urls) == shown_for(index, "Sherrington")
    first = visit.page.locator(".md-search-result__item").first
    assert first.locator("h1").inner_text() == title.full_title
    assert "Sherrington" in first.locator("p mark").first.inner_text()  # the snippet marks the word
    assert visit.console_errors == [] and visit.foreign_requests == []


def test_a_prefix_finds_the_whole_word(built: BuiltSite, open_page: Any, served: str,
                                       index: Index) -> None:
    visit: Visit = open_page("")
    type_query(visit.page, "sherr")
    meta, urls = results(visit.page, served, "sherr")
    assert url_of(title_page("rosenshines-principles-in-action")) in urls
    assert (meta, urls) == shown_for(index, "sherr")
    assert visit.page.locator(".md-search-result__item mark", has_text="Sherr").count() >= 1


def test_a_word_from_an_entry_body_finds_the_entry(built: BuiltSite, open_page: Any, served: str,
                                                   index: Index) -> None:
    entry = built.knowledge.entries[0]
    number = index.urls.index(url_of(entry_page(entry)))
    elsewhere = set(si.tokens(" ".join([entry.title, entry.abstract, entry.research_question,
                                        *(a.name for a in entry.authors)])))
    candidates = [w for w in set(si.tokens(si.plain_text(entry.body))) - elsewhere
                  if not w.isdigit() and len(w) > 3]
    word = min(candidates, key=lambda w: (len(index.scores(w, False)), w))
    assert index.scores(word, False)[number] == 10 * si.WEIGHTS[0]  # in the body only
    visit: Visit = open_page("research/")
    type_query(visit.page, word + " ")
    meta, urls = results(visit.page, served, word + " ")
    assert url_of(entry_page(entry)) in urls
    assert (meta, urls) == shown_for(index, word + " ")


def test_every_word_must_match(built: BuiltSite, open_page: Any, served: str, index: Index) -> None:
    visit: Visit = open_page("")
    type_query(visit.page, "sherrington walkthrus")
    meta, urls = results(visit.page, served, "sherrington walkthrus")
    assert urls[0] == url_of(title_page("teaching-walkthrus"))
    assert len(urls) < len(index.search("sherrington"))
    assert (meta, urls) == shown_for(index, "sherrington walkthrus")
    visit.page.fill(".md-search__input", "")
    visit.page.keyboard.type("sherrington zzyzxq")
    meta, urls = results(visit.page, served, "sherrington zzyzxq")
    assert (meta, urls) == ("No matching documents", [])


@pytest.mark.parametrize("query", ["teaching", "retrieval practice", "the", "year 4", "2019",
                                   "Sánchez", "evidence informed", "reading ", "rosenshine's"])
def test_results_are_the_reference_search(open_page: Any, served: str, index: Index, query: str) -> None:
    visit: Visit = open_page("library/")
    type_query(visit.page, query)
    assert results(visit.page, served, query) == shown_for(index, query)


def test_search_works_from_a_page_at_any_depth(built: BuiltSite, open_page: Any, served: str,
                                              index: Index) -> None:
    entry = built.knowledge.entries[0]
    visit: Visit = open_page(url_of(entry_page(entry)))
    type_query(visit.page, "Sherrington")
    assert results(visit.page, served, "Sherrington") == shown_for(index, "Sherrington")
    with visit.page.expect_navigation():
        visit.page.locator(".md-search-result__item a").first.click()
    target = url_of(title_page("rosenshines-principles-in-action"))
    assert urlsplit(visit.page.url).path.endswith("/" + target)
    assert "h=sherrington" in visit.page.url  # Material highlights the words on the page
    visit.page.locator("mark[data-md-highlight]").first.wait_for(timeout=10_000)
    assert visit.console_errors == []


def test_slash_focuses_the_box_and_the_keyboard_reaches_every_result(open_page: Any, served: str,
                                                                     index: Index) -> None:
    visit: Visit = open_page("support/")
    page = visit.page
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('.md-search__input')")
    page.keyboard.type("Sherrington")
    _, urls = results(page, served, "Sherrington")
    assert len(urls) >= 3
    for n in range(3):
        page.keyboard.press("ArrowDown")
        href = page.evaluate("document.activeElement.href || ''")
        assert urlsplit(href).path.endswith("/" + urls[n]), n
    page.keyboard.press("ArrowUp")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path.endswith("/" + urls[1])
    back = open_page("")
    back.page.keyboard.press("/")
    back.page.keyboard.type("Sherrington")
    results(back.page, served, "Sherrington")
    with back.page.expect_navigation():
        back.page.keyboard.press("Enter")  # Enter in the box opens the best result
    assert urlsplit(back.page.url).path.endswith("/" + urls[0])


def test_results_are_announced_and_material_shows_nothing_of_its_own(open_page: Any, served: str) -> None:
    visit: Visit = open_page("")
    page = visit.page
    type_query(page, "Sherrington")
    results(page, served, "Sherrington")
    assert page.locator(".md-search-result__meta").get_attribute("role") == "status"
    assert page.locator(".md-search-result__list").count() == 1
    assert page.locator(".md-search-result__meta").count() == 1
    assert page.locator(".md-search__suggest").count() == 0
    page.keyboard.press("Escape")
    assert page.locator(".md-search-result__list").is_hidden()


def test_more_results_follow_as_the_list_scrolls(open_page: Any, served: str, index: Index) -> None:
    found = index.search("teaching")
    assert len(found) > 20
    page = open_page("").page
    type_query(page, "teaching")
    assert results(page, served, "teaching")[1] == found[:10]
    for _ in range(10):
        page.keyboard.press("ArrowDown")  # the keyboard reaches the last result, and the next ten come
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length === 20")
    page.eval_on_selector(".md-search__scrollwrap", "e => e.scrollTop = e.scrollHeight")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length === 30")
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    assert [urlsplit(h).path.removeprefix(urlsplit(served).path) for h in hrefs] == found[:30]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations_with_results_open(open_page: Any, served: str, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    visit: Visit = open_page("", scheme)
    type_query(visit.page, "sherrington")
    results(visit.page, served, "sherrington")
    assert visit.page.locator(".md-search-result__item").first.is_visible()
    found = Axe().run(visit.page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    violations = found.response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations] == []
    assert visit.console_errors == []


def test_the_browser_splits_words_as_the_index_does(open_page: Any) -> None:
    rng = random.Random(7)
    pool = ("abcxyzABCXYZ0123456789 .,;:-_'’()/&ÀÉîõüçñÅØßæœðþłıİĞşŒẞﬁﬂ½²Ⅻ"
            "αβγΆΣДжЁ中文字かなカナ한글\u0301\u0308\u0327\u093f\u200b\t\n")
    samples = ["Sánchez-Rodríguez", "STRAßE", "Ærø", "İstanbul", "ﬁnal", "x²", "Ⅻ chapters",
               "Dvořák's Œuvre", "naïve café", "C# and C++", "year-4 (2019/20)", "don’t", "e.g. i.e."]
    samples += ["".join(rng.choice(pool) for _ in range(rng.randint(1, 24))) for _ in range(300)]
    stop = sorted(si.STOP_WORDS)
    page = open_page("").page
    in_browser = page.evaluate("([texts, stop]) => texts.map(t => window.goldenthreadSearch.tokens(t, stop))",
                               [samples, stop])
    assert in_browser == [si.tokens(text) for text in samples]


def test_a_record_missing_from_the_index_fails_the_audit(built: BuiltSite, tmp_path: Path) -> None:
    import shutil

    site = tmp_path / "site"
    shutil.copytree(built.site, site)
    chunk = site / "search-index" / "d" / "0.json"
    docs = json.loads(chunk.read_text("utf-8"))
    dropped = docs.pop(0)
    chunk.write_text(json.dumps(docs), "utf-8")
    problems = audit_site(site, built.knowledge)
    assert [(p.code, p.path) for p in problems] == [
        ("missing-search-entry", f"site/{dropped[0]}index.html")]


# -- Under `goldenthread serve` (mkdocs serve) ------------------------------------------------

def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_search_works_under_serve(browser: Any, tmp_path: Path) -> None:
    from .test_build import copy_repository

    root = copy_repository(tmp_path / "repo")
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "goldenthread", "--root", str(root), "serve",
                               "--dev-addr", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    context = browser.new_context()
    try:
        base = f"http://127.0.0.1:{port}/"
        page = context.new_page()
        deadline = time.monotonic() + 90
        while True:
            try:
                if page.goto(base + "search-index/manifest.json").ok:
                    break
            except Exception:  # the server is still starting
                pass
            assert time.monotonic() < deadline, "the preview never served the search index"
            time.sleep(0.5)
        page.goto(base + "library/", wait_until="load")
        type_query(page, "Sherrington")
        _, urls = results(page, base, "Sherrington")
        assert url_of(title_page("rosenshines-principles-in-action")) in urls
    finally:
        context.close()
        server.terminate()
        server.wait(timeout=20)


# -- 10,000 titles: what the first search costs ------------------------------------------------

def _bench() -> Any:
    bench = str(Path(__file__).resolve().parents[2] / "bench")
    if bench not in sys.path:
        sys.path.insert(0, bench)
    import search_bench

    return search_bench


@pytest.mark.slow
def test_first_search_at_10000_titles_is_small_and_fast(browser: Any, large_site: LargeSite,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """Budget: the first search in a fresh browser transfers at most 250 KB (gzip, as served)
    and shows its first result within 300 ms of the query being typed (median of three
    surnames). Typed: measured from the last keystroke, as Playwright's own typing speed is
    not the site's; pasted: the whole query in one input, so nothing was fetched before it."""
    bench = _bench()
    site, seconds, base = large_site.site, large_site.seconds, large_site.url
    typed = [bench.first_search(browser, base, surname) for surname in bench.SURNAMES]
    pasted = [bench.first_search(browser, base, surname, delay=None) for surname in bench.SURNAMES]
    files, raw, packed = bench.index_bytes(site)
    with capsys.disabled():
        print(f"\n10,000 titles: build {seconds:.0f} s; index {files} files, {raw / 1e6:.1f} MB, "
              f"{packed / 1e3:.0f} KB gzipped")
        for how, runs in (("typed", typed), ("pasted", pasted)):
            for run in runs:
                print(f"  {how}: {run.after_typing:.0f} ms after the query (first key: "
                      f"{run.milliseconds:.0f} ms), {run.transferred / 1e3:.1f} KB "
                      f"({run.bodies / 1e3:.1f} KB bodies) in {len(run.requests)} requests")
    for runs in (typed, pasted):
        assert all(run.results == 10 for run in runs)
        assert all(all(r.startswith("search-index/") for r in run.requests) for run in runs)
        assert statistics.median(run.transferred for run in runs) <= BUDGET_BYTES
        assert statistics.median(run.after_typing for run in runs) <= BUDGET_MS
