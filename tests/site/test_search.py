"""The site's search (assets/search.js over docs/search-index/) in Material's header box.

Each kind of query a teacher types has a test that fails if its kind of match breaks:
British or American spelling, another form of a word, a compound split or closed, one
typo, a one-word topic (the titles about it first), a phrase, a prefix being typed. The
wanted pages were chosen by reading the content. The browser's words must be the index's
words (search_words.py), tested on the site's own text and on random text. The slow test
builds 10,000 synthetic titles and measures what the first search costs.
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
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from goldenthread.audit.site import audit_site
from goldenthread.generate import search_index as si
from goldenthread.generate import search_words as sw
from goldenthread.paths import entry_page, title_page, url_of

from .conftest import BuiltSite, LargeSite, Visit
from .test_browser import AXE_TAGS

BUDGET_BYTES = 60_000  # the first search at 10,000 titles, as transferred (gzip), search.js included
BUDGET_MS = 300        # from the last keystroke to the first result shown
CLOSE = "Close match"  # the label of a result that needed a typo, or does not match every word

SETTLED = """query => {
  const result = document.querySelector('.md-search-result');
  return result.getAttribute('data-gt-query') === query &&
    !result.querySelector('.md-search-result__list[aria-busy]');
}"""


# -- The built index, read as search.js reads it ------------------------------------------------

class Index:
    def __init__(self, site: Path) -> None:
        folder = site / "search-index"
        self.manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
        self.urls = [doc[0] for n in range(-(-self.manifest["docs"] // self.manifest["chunk"]))
                     for doc in json.loads((folder / "d" / f"{n}.json").read_text("utf-8"))]
        self.postings: dict[str, list[int]] = {}
        for n in range(len(self.manifest["shards"])):
            self.postings.update(json.loads((folder / "t" / f"{n}.json").read_text("utf-8")))

    def shard(self, term: str) -> str:
        """The key of the shard a term is in: the longest that begins it."""
        return max((key for key in self.manifest["shards"] if term.startswith(key)), key=len, default="")

    def documents(self, term: str) -> set[str]:
        """The URLs of the documents a term is in."""
        doc, found = 0, set()
        for value in self.postings.get(term, []):
            doc += value // 64
            found.add(self.urls[doc])
        return found


@pytest.fixture(scope="module")
def index(built: BuiltSite) -> Index:
    return Index(built.site)


def one_typo(word: str) -> set[str]:
    """Every word a letter dropped, added, changed or two swapped away."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    dropped = {a + b[1:] for a, b in splits if b}
    swapped = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    changed = {a + c + b[1:] for a, b in splits if b for c in letters}
    return dropped | swapped | changed | {a + c + b for a, b in splits for c in letters}


# -- Driving the search box -------------------------------------------------------------------

def type_query(page: Any, query: str) -> None:
    page.keyboard.press("/")
    page.keyboard.type(query)


def results(page: Any, served: str, query: str) -> tuple[str, list[str]]:
    """The meta line and the shown results' URLs (relative to the site root) for the query."""
    page.wait_for_function(SETTLED, arg=query, timeout=10_000)
    meta = page.locator(".md-search-result__meta").inner_text()
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    return meta, [urlsplit(h).path.removeprefix(urlsplit(served).path) for h in hrefs]


def tags(page: Any) -> list[list[str]]:
    """The labels of each result shown: what it is (Book, Action research, ...), then how it
    matched, if not by every word itself (a close match, a glossary name)."""
    return list(page.eval_on_selector_all(".md-search-result__item", "items => items.map("
                                          "i => [...i.querySelectorAll('.md-tag')].map(t => t.textContent))"))


def labelled(page: Any) -> list[bool]:
    """Whether each result shown is labelled a close match."""
    return [CLOSE in labels for labels in tags(page)]


def search(open_page: Any, served: str, query: str, path: str = "") -> tuple[Visit, str, list[str]]:
    visit: Visit = open_page(path)
    type_query(visit.page, query)
    meta, urls = results(visit.page, served, query)
    return visit, meta, urls


pytestmark = pytest.mark.browser


# -- What a teacher types ----------------------------------------------------------------------

CATEGORIES = [  # (category, query, the pages any of which should come first)
    ("spelling", "optimize behavior", {"library/creating-a-culture/"}),  # "optimise behaviour"
    ("spelling", "practitioner inquiry", {"library/research-methods-in-education/"}),  # "enquiry"
    ("forms", "governors", {"library/governance-handbook/",
                            "library/a-competency-framework-for-governance/"}),
    ("forms", "dyslexic", {"library/overcoming-dyslexia/", "library/the-dyslexia-debate/",
                           "library/identifying-and-teaching-children-and-young-people-with-dyslexia-"
                           "and-literacy-difficulties/"}),
    ("compound", "self regulation", {"library/metacognition-and-self-regulated-learning/"}),
    ("compound", "well being", {"library/the-wellbeing-toolkit/", "library/flourish/",  # "Well-being"
                                "library/wellbeing-in-the-primary-classroom/"}),
    ("typo", "retreival practice", {"library/retrieval-practice/"}),
    ("phrase", "year 4", {"research/2025/retrieval-practice-in-year-4/"}),
    ("prefix", "rosensh", {"library/rosenshines-principles-in-action/"}),
    # library/glossary.yaml: the pages spell it out ("education, health and care plans")
    ("acronym", "ehcp", {"library/send-code-of-practice/"}),
    # the pages say early career teacher (ECT), the old name was NQT
    ("old name", "nqt", {"library/early-career-framework/",
                         "research/2026/mentor-meetings-for-early-career-teachers/",
                         "research/2024/coaching-cycles-for-early-career-teachers/"}),
    ("synonym", "walkthroughs", {"library/teaching-walkthrus/"}),  # the index holds "WalkThrus"
    # "how", "should" and "I" do not count
    ("question", "how should i deploy teaching assistants", {
        "library/making-best-use-of-teaching-assistants/",
        "library/maximising-the-impact-of-teaching-assistants/"}),
]


@pytest.mark.parametrize(("category", "query", "wanted"), CATEGORIES,
                         ids=[f"{c}: {q}" for c, q, _ in CATEGORIES])
def test_a_teachers_query_finds_what_they_mean(open_page: Any, served: str, category: str, query: str,
                                              wanted: set[str]) -> None:
    visit, meta, urls = search(open_page, served, query)
    assert urls and urls[0] in wanted, (meta, urls[:5])
    assert visit.console_errors == [] and visit.foreign_requests == []


def test_a_one_word_topic_lists_the_titles_about_it_first(built: BuiltSite, open_page: Any,
                                                          served: str) -> None:
    about = {url_of(title_page(t)) for t in built.knowledge.titles
             if re.search(r"\bdyslexi", f"{t.title} {t.subtitle}", re.I)}
    mention = {url_of(title_page(t)) for t in built.knowledge.titles
               if re.search(r"\bdyslexi", t.summary, re.I)} - about
    assert len(about) == 3 and mention  # the content this test reads
    _, _, urls = search(open_page, served, "dyslexia")
    assert set(urls[:len(about)]) == about and mention <= set(urls[len(about):]), urls


def test_spelling_is_marked_as_the_page_spells_it(open_page: Any, served: str) -> None:
    visit, _, _ = search(open_page, served, "behavior")
    first = visit.page.locator(".md-search-result__item").first
    assert "Behaviour" in first.locator("h1 mark").all_inner_texts()
    href = first.locator("a").get_attribute("href")
    assert "behaviour" in urlsplit(href).query  # Material marks it on the page opened


def test_a_surname_finds_its_titles(built: BuiltSite, open_page: Any, served: str) -> None:
    title = next(t for t in built.knowledge.titles if t.id == "rosenshines-principles-in-action")
    visit, meta, urls = search(open_page, served, "Sherrington")
    mine = {url_of(title_page(t)) for t in built.knowledge.titles if "Tom Sherrington" in t.authors}
    assert set(urls[:len(mine)]) == mine and url_of(title_page(title)) in urls
    first = visit.page.locator(".md-search-result__item").first
    assert "Sherrington" in first.locator("p mark").first.inner_text()  # the snippet marks the word
    assert meta == f"{len(urls)} results" and not any(labelled(visit.page))
    assert [labels for url, labels in zip(urls, tags(visit.page), strict=True) if url in mine] == [
        ["Book"]] * len(mine)  # each says what it is, and nothing more
    assert visit.console_errors == [] and visit.foreign_requests == []


def test_a_prefix_finds_the_whole_word(open_page: Any, served: str) -> None:
    visit, _, urls = search(open_page, served, "sherr")
    assert url_of(title_page("rosenshines-principles-in-action")) in urls
    assert visit.page.locator(".md-search-result__item mark", has_text="Sherrington").count() >= 1


def test_a_word_from_an_entry_body_finds_the_entry(built: BuiltSite, open_page: Any, served: str,
                                                   index: Index) -> None:
    entry = built.knowledge.entries[0]
    elsewhere = set(sw.tokens(" ".join([entry.title, entry.abstract, entry.research_question,
                                        *(a.name for a in entry.authors)])))
    candidates = [w for w in set(sw.tokens(si.plain_text(entry.body))) - elsewhere
                  if w.isalpha() and len(w) > 3 and "-" not in w]
    word = min(candidates, key=lambda w: (len(index.documents(sw.term(w))), w))
    _, _, urls = search(open_page, served, word + " ", "research/")
    assert url_of(entry_page(entry)) in urls


def test_every_word_must_match(built: BuiltSite, open_page: Any, served: str) -> None:
    _, _, both = search(open_page, served, "sherrington walkthrus")
    _, _, one = search(open_page, served, "sherrington")
    assert both == [url_of(title_page("teaching-walkthrus"))] and len(one) > 1


def test_exact_matches_come_before_typos_and_typos_are_labelled(built: BuiltSite, open_page: Any,
                                                                served: str, index: Index) -> None:
    """A rare word of the catalogue's authors and titles one typo away from a more common one in
    the same shard (a typo in the first letters is looked for only when nothing else matched):
    the documents with the word itself first, then those with the other, each labelled."""
    words = sorted({w for t in built.knowledge.titles for w in sw.tokens(" ".join([t.title, *t.authors]))
                    if re.fullmatch("[a-z]{5,}", w)})
    count = {term: len(index.documents(term)) for term in index.postings}
    pairs = [(w, t) for w in words for t in sorted({sw.term(v) for v in one_typo(w)} & set(count))
             if t != sw.term(w) and len(t) >= 4 and index.shard(t) == index.shard(sw.term(w))
             and count[t] > count.get(sw.term(w), 0) > 0 and count[sw.term(w)] <= 2]
    assert pairs
    word, other = pairs[0]
    exact = index.documents(sw.term(word))
    close = index.documents(other) - exact
    visit, meta, urls = search(open_page, served, word + " ")
    assert set(urls[:len(exact)]) == exact and close <= set(urls[len(exact):]), (word, other, urls)
    assert labelled(visit.page)[:len(exact)] == [False] * len(exact)
    assert all(labelled(visit.page)[len(exact):])
    assert meta.startswith(f"{len(exact)} result") and "close match" in meta


def test_a_typo_alone_shows_the_closest_matches_labelled(open_page: Any, served: str) -> None:
    visit, meta, urls = search(open_page, served, "Dylan William")  # the catalogue has Dylan Wiliam
    assert meta.startswith("No exact matches") and len(urls) >= 5
    assert url_of(title_page("embedded-formative-assessment")) in urls and all(labelled(visit.page))


def test_a_query_no_page_fully_matches_shows_the_closest(open_page: Any, served: str) -> None:
    visit, meta, urls = search(open_page, served, "sherrington zzyzxq")
    assert meta.startswith("No exact matches") and all(labelled(visit.page))
    assert url_of(title_page("rosenshines-principles-in-action")) in urls[:3]
    visit.page.fill(".md-search__input", "")
    visit.page.keyboard.type("zzyzxq qqxvw")
    assert results(visit.page, served, "zzyzxq qqxvw") == ("No results", [])


# -- The words English schools use (library/glossary.yaml) ----------------------------------------

def _via(labels: list[str]) -> list[str]:
    return [label for label in labels if label.startswith("matched ")]


def test_a_glossary_name_matches_its_other_names_after_the_name_itself(
        built: BuiltSite, open_page: Any, served: str, index: Index) -> None:
    """ECT: the pages with the word itself come first, unlabelled; then those that say early career
    teacher, each labelled with how it matched; and the glossary's entry is linked."""
    ect = next(term for term in built.knowledge.glossary if term.term == "ECT")
    assert "early career teacher" in ect.expansions  # the content this test reads
    literal = index.documents("ect")
    assert literal  # an entry says ECT
    visit, meta, urls = search(open_page, served, "ECT")
    labels = tags(visit.page)
    assert set(urls[:len(literal)]) == literal and not any(_via(x) for x in labels[:len(literal)])
    ways = (["matched ECT as early career teacher"],
            ["matched ECT through the topic Coaching and professional development"])
    assert urls[len(literal):] and all(_via(x) in ways for x in labels[len(literal):]), labels
    assert url_of(title_page("early-career-framework")) in urls[len(literal):]
    assert re.fullmatch(r"\d+ results", meta), meta
    link = visit.page.locator(".gt-search-glossary a")
    assert link.inner_text() == "ECT" and urlsplit(link.get_attribute("href")).fragment == "ect"
    with visit.page.expect_navigation():
        link.click()
    assert urlsplit(visit.page.url).path.endswith("/library/glossary/")
    assert visit.page.locator("#ect").is_visible()
    assert visit.console_errors == []


def test_an_old_name_finds_the_pages_that_use_the_new_one_and_says_so(open_page: Any, served: str) -> None:
    visit, meta, urls = search(open_page, served, "NQTs")  # a plural the stemmer keeps as it is
    labels = tags(visit.page)
    assert urls and not meta.startswith("No") and all(_via(x) for x in labels)
    assert "matched NQT as early career teacher" in {v for x in labels for v in _via(x)}
    visit.page.fill(".md-search__input", "")
    visit.page.keyboard.type("zzyzxq")  # no glossary name: no link
    results(visit.page, served, "zzyzxq")
    assert visit.page.locator(".gt-search-glossary").is_hidden()


def test_a_glossary_name_still_being_typed_is_taken_as_typed(open_page: Any, served: str,
                                                             index: Index) -> None:
    """SEN, with no space after it yet: the pages with the word SEN, then those matched through
    the glossary, all before the words SEN begins (senior, Senge) would bring."""
    literal = index.documents("sen")
    visit, _, urls = search(open_page, served, "SEN")
    labels = tags(visit.page)
    assert set(urls[:len(literal)]) == literal
    assert urls[len(literal):] and all(_via(x) for x in labels[len(literal):]), labels
    assert url_of(title_page("send-code-of-practice")) in urls[:3]


def test_each_result_says_what_it_is(built: BuiltSite, open_page: Any, served: str) -> None:
    entry = next(e for e in built.knowledge.entries if e.id == "mentor-meetings-for-early-career-teachers")
    visit, _, urls = search(open_page, served, "early career")
    kinds = dict(zip(urls, (labels[0] for labels in tags(visit.page)), strict=True))
    assert kinds[url_of(entry_page(entry))] == "Action research"
    assert kinds[url_of(title_page("early-career-framework"))] == "Report"  # a report, not a book
    visit, _, urls = search(open_page, served, "explore stage")
    assert tags(visit.page)[urls.index("framework/stages/explore/")][0] == "Framework"
    visit, _, urls = search(open_page, served, "accessibility statement")
    assert urls[0] == "accessibility/" and tags(visit.page)[0][0] == "Page"


def test_question_words_do_not_decide_the_ranking(open_page: Any, served: str) -> None:
    _, _, plain = search(open_page, served, "deploy teaching assistants")
    _, _, asked = search(open_page, served, "how should we deploy teaching assistants")
    assert asked[:5] == plain[:5]
    _, _, alone = search(open_page, served, "how")  # only filler: its words count
    assert url_of(title_page("how-learning-happens")) in alone


def test_a_question_only_a_hub_page_fully_matches_shows_the_closest_beside_it(
        built: BuiltSite, open_page: Any, served: str) -> None:
    """Every word of the question is on the library's pathways page, which lists many titles; the
    titles matching most of its words follow it, labelled as close matches."""
    visit, meta, urls = search(open_page, served, "how to help struggling readers in secondary")
    records = {url_of(title_page(t)) for t in built.knowledge.titles} | {
        url_of(entry_page(e)) for e in built.knowledge.entries}
    full = [u for u, close in zip(urls, labelled(visit.page), strict=True) if not close]
    assert full and len(full) <= 2 and not set(full) & records, urls
    assert meta.startswith(f"{len(full)} result") and "close match" in meta
    assert url_of(title_page("closing-the-reading-gap")) in urls[:5]


def test_search_works_from_a_page_at_any_depth(built: BuiltSite, open_page: Any, served: str) -> None:
    entry = built.knowledge.entries[0]
    visit, _, urls = search(open_page, served, "Sherrington", url_of(entry_page(entry)))
    target = url_of(title_page("rosenshines-principles-in-action"))
    assert target in urls
    with visit.page.expect_navigation():
        visit.page.locator(f".md-search-result__item a[href*='{target}']").click()
    assert urlsplit(visit.page.url).path.endswith("/" + target)
    assert "h=sherrington" in visit.page.url.lower()  # Material highlights the words on the page
    visit.page.locator("mark[data-md-highlight]").first.wait_for(timeout=10_000)
    assert visit.console_errors == []


def test_slash_focuses_the_box_and_the_keyboard_reaches_every_result(open_page: Any, served: str) -> None:
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
    visit, _, _ = search(open_page, served, "Sherrington")
    page = visit.page
    assert page.locator(".md-search-result__meta").get_attribute("role") == "status"
    assert page.locator(".md-search-result__list").count() == 1
    assert page.locator(".md-search-result__meta").count() == 1
    assert page.locator(".md-search__suggest").count() == 0
    page.keyboard.press("Escape")
    assert page.locator(".md-search-result__list").is_hidden()


def test_more_results_follow_as_the_list_scrolls(open_page: Any, served: str) -> None:
    visit, meta, first = search(open_page, served, "teaching")
    total = int(meta.split()[0])
    assert total > 30 and len(first) == 10
    page = visit.page
    for _ in range(10):
        page.keyboard.press("ArrowDown")  # the keyboard reaches the last result, and the next ten come
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length === 20")
    page.eval_on_selector(".md-search__scrollwrap", "e => e.scrollTop = e.scrollHeight")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length === 30")
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    shown = [urlsplit(h).path.removeprefix(urlsplit(served).path) for h in hrefs]
    assert shown[:10] == first and len(set(shown)) == 30


@pytest.mark.parametrize(("scheme", "query"), [("light", "sherrington"), ("dark", "sherrington"),
                                               ("light", "Dylan William")])
def test_no_accessibility_violations_with_results_open(open_page: Any, served: str, scheme: str,
                                                       query: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    visit: Visit = open_page("", scheme)
    type_query(visit.page, query)
    results(visit.page, served, query)
    assert visit.page.locator(".md-search-result__item").first.is_visible()
    found = Axe().run(visit.page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    violations = found.response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations] == []
    assert visit.console_errors == []


# -- The browser's words are the index's --------------------------------------------------------

def test_the_browser_makes_the_index_terms_of_the_sites_words(built: BuiltSite, open_page: Any) -> None:
    """Every word of every title and entry, and British and American spellings: the same
    stem, spelling and term in the browser as in search_words.py."""
    kb = built.knowledge
    text = " ".join([*(f"{t.full_title} {' '.join(t.authors)} {t.summary}" for t in kb.titles),
                     *(f"{e.title} {e.abstract} {e.research_question} {e.body}" for e in kb.entries)])
    words = sorted(set(sw.tokens(text)) | set(
        "behaviour behavioral organisations organizing centre centred catalogue cataloguing licence "
        "defence judgement paediatric modelling travellers programme quizzes practising enquiries "
        "analyse analyzing fibre whilst mums four hour size vogue".split()))
    page = open_page("").page
    stems, spelt, term = page.evaluate("async ws => { const s = await window.goldenthreadSearch.words(); "
                                       "return [ws.map(s.stem), ws.map(s.spelling), ws.map(s.term)]; }",
                                       words)
    from goldenthread.generate.search_stem import stem

    assert stems == [stem(w) for w in words]
    assert spelt == [sw.spelling(w) for w in words]
    assert term == [sw.term(w) for w in words]
    in_browser = page.evaluate("async t => (await window.goldenthreadSearch.words()).terms(t)", text)
    assert in_browser == sw.terms(text)


def test_the_browser_splits_words_as_the_index_does(open_page: Any) -> None:
    rng = random.Random(7)
    pool = ("abcxyzABCXYZ0123456789 .,;:-_'’()/&ÀÉîõüçñÅØßæœðþłıİĞşŒẞﬁﬂ½²Ⅻ‐‑"
            "αβγΆΣДжЁ中文字かなカナ한글\u0301\u0308\u0327\u093f\u200b\t\n")
    samples = ["Sánchez-Rodríguez", "STRAßE", "Ærø", "İstanbul", "ﬁnal", "x²", "Ⅻ chapters",
               "Dvořák's Œuvre", "naïve café", "C# and C++", "year-4 (2019/20)", "don’t", "e.g. i.e.",
               "well-being self‑regulated", "behaviour-centred", "-a-b- --c"]
    samples += ["".join(rng.choice(pool) for _ in range(rng.randint(1, 24))) for _ in range(300)]
    samples += [" ".join(rng.choice(["organise", "colour", "centre", "ab", "izer", "ourour", "tred", "aeae",
                                     "catalogue", "modelling", "fizz", "programme", "y", "yy", "sky"])
                         for _ in range(rng.randint(1, 6))) for _ in range(200)]
    page = open_page("").page
    tokens, terms = page.evaluate("async texts => { const s = await window.goldenthreadSearch.words(); "
                                  "return [texts.map(s.tokens), texts.map(s.terms)]; }", samples)
    assert tokens == [sw.tokens(text) for text in samples]
    assert terms == [sw.terms(text) for text in samples]


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
        type_query(page, "Sherington")  # a typo
        meta, urls = results(page, base, "Sherington")
        assert url_of(title_page("rosenshines-principles-in-action")) in urls and meta.startswith("No exact")
        page.fill(".md-search__input", "")
        page.keyboard.type("behavior")  # the American spelling
        _, urls = results(page, base, "behavior")
        assert url_of(title_page("improving-behaviour-in-schools")) in urls
    finally:
        context.close()
        server.terminate()
        server.wait(timeout=20)


# -- 10,000 titles: what the first search costs ------------------------------------------------

_ARM = """query => {
  window.__gt = {};
  document.querySelector('.md-search__input').addEventListener('input', () => {
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


def first_search(browser: Any, base: str, query: str) -> tuple[int, float, list[str], int]:
    """In a fresh context (empty cache): open the home page, let it settle, press "/" and type the
    query. The bytes of search.js and of everything fetched for the search (gzip, with headers),
    the milliseconds from the last keystroke to the first result, what was fetched, how many
    results are shown."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        responses: list[Any] = []
        page.on("response", lambda response: responses.append(response))
        page.goto(base, wait_until="networkidle")
        page.wait_for_timeout(500)
        script = [r for r in responses if urlsplit(r.url).path.endswith("/assets/search.js")]
        responses.clear()
        page.evaluate(_ARM, query)
        page.keyboard.press("/")
        page.keyboard.type(query)
        page.wait_for_function(SETTLED, arg=query, timeout=20_000)
        timing = page.evaluate("window.__gt")
        sizes = [r.request.sizes() for r in [*script, *responses]]
        return (sum(s["responseBodySize"] + s["responseHeadersSize"] for s in sizes),
                timing["shown"] - timing["last"], [urlsplit(r.url).path for r in responses],
                page.locator(".md-search-result__item").count())
    finally:
        context.close()


@pytest.mark.slow
def test_first_search_at_10000_titles_is_small_and_fast(browser: Any, large_site: LargeSite,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """Budget: the first search in a fresh browser transfers at most 60 KB (gzip, as served,
    search.js included) and shows its first result within 300 ms of the last keystroke
    (medians of three surnames, each the first author of about 112 synthetic titles)."""
    runs = [first_search(browser, large_site.url, f"Surname{n}") for n in (17, 42, 63)]
    with capsys.disabled():
        for transferred, after, requests, _ in runs:
            print(f"\n10,000 titles: first search {transferred / 1e3:.1f} KB, {after:.0f} ms after the "
                  f"last key, {len(requests)} requests")
    assert all(shown == 10 for *_, shown in runs)
    assert all("/search-index/" in path for _, _, requests, _ in runs for path in requests)
    assert statistics.median(transferred for transferred, *_ in runs) <= BUDGET_BYTES
    assert statistics.median(after for _, after, *_ in runs) <= BUDGET_MS
