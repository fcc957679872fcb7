"""The site's search index: documents, impacts, shards, determinism, every record present."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from goldenthread.assemble import assemble
from goldenthread.generate import search_index as si
from goldenthread.generate import search_words as sw
from goldenthread.generate.pages import site_files, site_pages
from goldenthread.load.repository import load_sources
from goldenthread.model import KnowledgeBase
from goldenthread.paths import entry_page, title_page, url_of
from goldenthread.publish.generation import hand_written_pages, hand_written_texts
from goldenthread.settings import load_settings
from goldenthread.validation import validate

from ..conftest import REPO


class Site:
    def __init__(self, kb: KnowledgeBase, pages: dict[str, str], hand: dict[str, str]) -> None:
        self.kb, self.pages, self.hand = kb, pages, hand
        self.files = si.search_files(kb, pages, hand)
        self.manifest = json.loads(self.files[si.MANIFEST])
        self.shards = [json.loads(self.files[f"search-index/t/{n}.json"])
                       for n in range(len(self.manifest["shards"]))]

    def docs(self) -> list[list[str]]:
        chunks = -(-self.manifest["docs"] // self.manifest["chunk"])
        return [doc for n in range(chunks) for doc in json.loads(self.files[f"search-index/d/{n}.json"])]

    def shard_of(self, term: str) -> dict[str, list[int]]:
        """What search.js does: the shard of the longest key that begins the term."""
        keys = self.manifest["shards"]
        for length in range(len(term), 0, -1):
            if term[:length] in keys:
                return self.shards[keys.index(term[:length])]
        return {}

    def prefixed(self, prefix: str) -> set[str]:
        keys = self.manifest["shards"]
        found = set(self.shard_of(prefix))
        for n, key in enumerate(keys):
            if key.startswith(prefix) and len(key) > len(prefix):
                found |= set(self.shards[n])
        return {term for term in found if term.startswith(prefix)}

    def postings(self, term: str) -> dict[int, int]:
        """document number -> impact (1 to 63; 32 and more: in the title, subtitle or authors)."""
        doc, found = 0, {}
        for value in self.shard_of(term).get(term, []):
            doc += value // 64
            found[doc] = value % 64
        return found

    def number(self, url: str) -> int:
        return [doc[0] for doc in self.docs()].index(url)


@pytest.fixture(scope="module")
def site() -> Site:
    kb = assemble(validate(REPO).sources)
    pages = site_pages(kb, load_settings(REPO), hand_written_texts(load_sources(REPO)), set(kb.years))
    return Site(kb, pages, hand_written_pages(load_sources(REPO)))


@pytest.mark.parametrize(("text", "expected"), [
    ("Make It Stick: The Science of Successful Learning",
     ["make", "stick", "science", "successful", "learning"]),
    ("Sánchez-Rodríguez, Zoë Ørsted and Ærø", ["sanchez", "rodriguez", "zoe", "orsted", "aero"]),
    ("STRAßE ﬁnal Œuvre", ["strasse", "final", "oeuvre"]),
    ("Year 4 pupils in 2019/20, 3.5 hours", ["year", "4", "pupils", "2019", "20", "3", "5", "hours"]),
    ("A B c d x1 e-mail snake_case", ["x1", "mail", "snake", "case"]),
    ("Ἀριστοτέλης and Дмитрий", ["αριστοτελης", "дмитрии"]),
    ("", []),
])
def test_tokens(text: str, expected: list[str]) -> None:
    assert si.tokens(text) == expected


def test_plain_text_keeps_the_words_a_reader_sees() -> None:
    markdown = ('---\ntitle: "X"\n---\n\n# Heading { #id }\n\nSome *emphasis*, a [link](../a.md "t"), '
                "a citation [@key, p. 4], ![a chart](c.png) and <b>bold</b> \\*stars\\*.\n\n"
                "```python\nprint(1)\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
                '!!! note "Said"\n    Inside.\n')
    text = si.plain_text(markdown)
    assert text == 'Heading Some emphasis, a link, a citation, a chart and bold *stars*. print(1) ' \
                   'a b 1 2 "Said" Inside.'
    assert si.plain_text("snake_case and _under_ and 1\\. x") == "snake_case and under and 1. x"


def test_every_title_entry_and_page_is_a_document(site: Site) -> None:
    urls = [doc[0] for doc in site.docs()]
    assert len(urls) == len(set(urls)) == site.manifest["docs"]
    titles = {url_of(title_page(t)) for t in site.kb.titles}
    entries = {url_of(entry_page(e)) for e in site.kb.entries}
    pages = {url_of(p) for p, text in {**site.pages, **site.hand}.items() if not si.opted_out(text)}
    assert titles | entries <= set(urls)
    assert set(urls) == pages  # every page of the site but those that opt out, nothing else
    assert "library/page/2/index.md" in site.pages and "library/page/2/" not in pages  # the catalogue's
    assert si.indexed_urls(site.files.get) == set(urls)
    # titles first, then entries, then the other pages: equal scores rank records first
    kinds = [doc[2] for doc in site.docs()]  # what each result is, as the reader is told
    group = {"Book": 0, "Report": 0, "Action research": 1, "Framework": 2, "Page": 2}
    assert [group[k] for k in kinds] == sorted(group[k] for k in kinds)
    assert kinds.count("Action research") == len(site.kb.entries)
    assert kinds.count("Book") + kinds.count("Report") == len(site.kb.titles)


def test_a_title_is_found_by_its_fields(site: Site) -> None:
    title = next(t for t in site.kb.titles if t.id == "rosenshines-principles-in-action")
    number = site.number(url_of(title_page(title)))
    assert site.postings("sherrington")[number] >= 32  # an author
    assert site.postings(sw.terms("Rosenshine's")[0])[number] >= 32  # the title
    assert 0 < site.postings(str(title.year))[number] < 32  # the year: among the topics
    named = sw.terms(" ".join([title.full_title, *title.authors]))
    summary_word = next(w for w in sw.terms(title.summary) if w not in named)
    assert 0 < site.postings(summary_word)[number] < 32
    doc = site.docs()[number]
    assert doc[1] == title.full_title and doc[2] == "Book"
    assert "Sherrington" in doc[3] and len(doc[3]) <= si.SNIPPET + 1


def test_an_entry_is_found_by_a_word_of_its_body_only(site: Site) -> None:
    entry = site.kb.entries[0]
    number = site.number(url_of(entry_page(entry)))
    elsewhere = set(sw.terms(" ".join([entry.title, entry.abstract, entry.research_question,
                                       *(a.name for a in entry.authors)])))
    word = next(w for w in sw.terms(si.plain_text(entry.body)) if w not in elsewhere)
    assert 0 < site.postings(word)[number] < 32
    assert site.postings(sw.terms(entry.authors[0].name)[-1])[number] >= 32


def test_only_a_title_subtitle_or_author_makes_a_term_titled(site: Site) -> None:
    """Every term of every title's title, subtitle and authors is titled (32 or more) in its
    document, and every other term of it is not: so a title about a word always outranks a
    page that only mentions it."""
    for title in site.kb.titles:
        number = site.number(url_of(title_page(title)))
        named = set(sw.terms(" ".join([title.title, title.subtitle, *title.authors])))
        others = set(sw.terms(" ".join([title.summary, title.publisher]))) - named
        assert all(site.postings(t)[number] >= 32 for t in named), title.id
        assert all(site.postings(t)[number] < 32 for t in others), title.id


def test_a_word_counts_more_in_a_short_title_and_where_it_is_repeated(site: Site) -> None:
    dyslexia = site.postings(sw.term("dyslexia"))
    short = site.number("library/overcoming-dyslexia/")
    long = site.number("library/identifying-and-teaching-children-and-young-people-with-dyslexia-and-"
                       "literacy-difficulties/")
    mention = site.number("library/proust-and-the-squid/")  # "considers dyslexia", once
    assert dyslexia[short] > dyslexia[long] >= 32 > dyslexia[mention]


def test_stop_words_are_not_indexed_and_numbers_are(site: Site) -> None:
    assert site.manifest["words"]["stop"].split() == sorted(si.STOP_WORDS)
    assert sw.terms(" ".join(si.STOP_WORDS)) == []
    for word in ("the", "and", "with", "from", "that", "this"):
        assert not site.postings(word)
    assert site.postings("2019")


def test_every_term_is_in_the_shard_search_js_looks_in(site: Site) -> None:
    seen: dict[str, int] = {}
    for n, shard in enumerate(site.shards):
        key = site.manifest["shards"][n]
        for term in shard:
            assert term.startswith(key) and term not in seen
            seen[term] = n
            assert site.shard_of(term) is shard
    assert len(seen) > 1000


def test_prefixes_find_every_term_that_begins_with_them(site: Site) -> None:
    every = {term for shard in site.shards for term in shard}
    assert "sherrington" in site.prefixed("sherr")
    for prefix in ("sh", "sherr", "te", "teach", "20", "rosen", "behavi"):
        assert site.prefixed(prefix) == {t for t in every if t.startswith(prefix)}


def test_big_shards_are_split_and_still_found(site: Site) -> None:
    small = si.search_files(site.kb, site.pages, site.hand, limit=600)
    split = Site.__new__(Site)
    split.files = small
    split.manifest = json.loads(small[si.MANIFEST])
    split.shards = [json.loads(small[f"search-index/t/{n}.json"])
                    for n in range(len(split.manifest["shards"]))]
    assert any(len(key) >= 3 for key in split.manifest["shards"])
    assert len(split.shards) > len(site.shards)
    every = {term for shard in site.shards for term in shard}
    assert {term for shard in split.shards for term in shard} == every
    for term in ("sherrington", "teach", "2019", sw.terms("Rosenshine's")[0], "behavior"):
        assert split.shard_of(term)[term] == site.shard_of(term)[term]
    for prefix in ("te", "sh", "sherr", "re", "co"):
        assert split.prefixed(prefix) == {t for t in every if t.startswith(prefix)}
    sizes = [len(small[f"search-index/t/{n}.json"]) for n in range(len(split.shards))]
    over = [split.manifest["shards"][n] for n, s in enumerate(sizes) if s > 600]
    assert all(len(split.shards[split.manifest["shards"].index(k)]) == 1 or
               all(len(t) <= len(k) for t in split.shards[split.manifest["shards"].index(k)])
               for k in over), over  # only a single term, or nothing left to split by, is bigger


def test_output_is_deterministic_compact_and_versioned(site: Site) -> None:
    again = si.search_files(site.kb, dict(reversed(list(site.pages.items()))), site.hand)
    assert again == site.files
    for path, text in site.files.items():
        assert path.startswith("search-index/") and path.endswith(".json")
        assert json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"),
                          sort_keys=True) == text
    changed = replace(site.kb.titles[0], summary=site.kb.titles[0].summary + " Zymurgy.")
    kb = replace(site.kb, titles=[changed, *site.kb.titles[1:]])
    kb.index()
    other = si.search_files(kb, site.pages, site.hand)
    assert json.loads(other[si.MANIFEST])["version"] != site.manifest["version"]
    assert sw.term("zymurgy") in json.dumps(other)


def test_chunks_hold_chunk_documents_each(site: Site) -> None:
    size = site.manifest["chunk"]
    chunks = sorted(p for p in site.files if p.startswith("search-index/d/"))
    assert len(chunks) == -(-site.manifest["docs"] // size)
    assert all(len(json.loads(site.files[p])) == size for p in chunks
               if p != f"search-index/d/{len(chunks) - 1}.json")


def test_site_files_is_the_index_and_generation_writes_it(repo: Path) -> None:
    from goldenthread.publish.generation import generate_pages

    generated = generate_pages(repo)
    assert generated.knowledge is not None
    folder = repo / "docs" / "search-index"
    written = {p.relative_to(repo / "docs").as_posix(): p.read_text("utf-8")
               for p in folder.rglob("*") if p.is_file()}
    kb = generated.knowledge
    pages = site_pages(kb, load_settings(repo), hand_written_texts(load_sources(repo)), set(kb.years))
    made = site_files(kb, pages, hand_written_pages(load_sources(repo)))
    assert written == {path: text for path, text in made.items() if path.startswith("search-index/")}
    stale = folder / "t" / "999.json"
    stale.write_text("{}")
    generate_pages(repo)
    assert not stale.exists()  # the folder is generation's own: what it did not write goes


def test_a_hand_written_page_can_opt_out(site: Site) -> None:
    hand = {**site.hand, "private.md": "---\ntitle: Private\nsearch:\n  exclude: true\n---\n\n# Private\n",
            "open.md": "---\ntitle: Open\nsearch: {boost: 2}\n---\n\nWords.\n",
            "broken.md": "---\ntitle: [unclosed\n---\n\n# Broken\n"}
    urls = si.indexed_urls(si.search_files(site.kb, site.pages, hand).get)
    assert "private/" not in urls and "open/" in urls and "broken/" in urls
