"""The catalogue: static pages of PAGE_SIZE titles with page links, and catalogue.json."""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import replace
from pathlib import Path

import pytest

from goldenthread.assemble import assemble
from goldenthread.generate import catalogue as cat
from goldenthread.generate import search_index as si
from goldenthread.generate.pages import site_files, site_pages
from goldenthread.load.repository import load_sources
from goldenthread.model import KnowledgeBase, Title
from goldenthread.paths import title_page, url_of
from goldenthread.publish.generation import hand_written_pages, hand_written_texts
from goldenthread.settings import load_settings
from goldenthread.validation import validate

from ..conftest import REPO

_ITEM = re.compile(r'<li data-id="([^"]+)"><a href="([^"]+)">')
_NAV = re.compile(r'<nav class="gt-pages" aria-label="Catalogue pages"><ul>(.*?)</ul></nav>')
_LINK = re.compile(r'<a href="([^"]+)"([^>]*)>(.*?)</a>')


@pytest.fixture(scope="module")
def real() -> KnowledgeBase:
    return assemble(validate(REPO).sources)


def grown(kb: KnowledgeBase, copies: int) -> KnowledgeBase:
    """The real catalogue, each title copies times (ids made distinct)."""
    titles = [replace(t, id=f"{t.id}-{n}") if n else t for n in range(copies) for t in kb.titles]
    bigger = replace(kb, titles=titles)
    bigger.index()
    return bigger


def resolve(page: str, link: str) -> str:
    """The site-root-relative URL an href on a generated page leads to."""
    return posixpath.normpath(posixpath.join(url_of(page), link)) + "/" if link != "./" else url_of(page)


def listed(markdown: str) -> list[str]:
    return [ident for ident, _ in _ITEM.findall(markdown)]


def nav_links(markdown: str) -> list[tuple[str, str, str]]:
    """(href, attributes, text) of each link in the page's pagination."""
    found = _NAV.search(markdown)
    return _LINK.findall(found.group(1)) if found else []


# -- Order, bylines, page numbers --------------------------------------------------------------

@pytest.mark.parametrize(("name", "expected"), [
    ("E. D. Hirsch, Jr.", "Hirsch"), ("Henry L. Roediger III", "Roediger"), ("Dylan Wiliam", "Wiliam"),
    ("Department for Education", "Department for Education"), ("Plato", "Plato"), ("III", "III"),
    ("Jeroen J. G. van Merriënboer", "van Merriënboer"), ("I CAN", "I CAN"),
])
def test_surname_skips_suffixes_and_keeps_organisations_whole(name: str, expected: str) -> None:
    assert cat.surname(name) == expected


def test_byline_is_apas_citation_of_the_authors() -> None:
    book = Title("x", "X", ("Peter C. Brown", "Henry L. Roediger III", "Mark A. McDaniel"), 2014, ())
    assert cat.byline(book) == "Brown et al., 2014"
    assert cat.byline(replace(book, authors=book.authors[:2])) == "Brown & Roediger, 2014"
    assert cat.byline(replace(book, authors=("E. D. Hirsch, Jr.",), type="report")) == \
        "Hirsch, 2014 (report)"
    bercow = replace(book, authors=("I CAN", "Royal College of Speech and Language Therapists"),
                     type="report")
    assert cat.byline(bercow) == "I CAN & Royal College of Speech and Language Therapists, 2014 (report)"
    black = replace(book, authors=("Paul Black", "Christine Harrison", "Clare Lee", "Bethan Marshall",
                                   "Dylan Wiliam"))
    assert cat.byline(black) == "Black et al., 2014"


def test_order_ignores_case_and_accents() -> None:
    titles = [Title(i, t, ("A",), 2000, ()) for i, t in
              [("b", "beta"), ("a2", "Alpha"), ("e", "Écoles"), ("z", "Zeta"), ("a1", "alpha")]]
    kb = KnowledgeBase(titles=titles)
    assert [t.id for t in cat.catalogue_order(kb)] == ["a2", "a1", "b", "e", "z"]


@pytest.mark.parametrize(("current", "pages", "expected"), [
    (1, 1, [1]), (1, 2, [1, 2]), (2, 2, [1, 2]), (1, 3, [1, 2, 3]),
    (1, 100, [1, 2, None, 100]), (3, 100, [1, 2, 3, 4, None, 100]),
    (4, 100, [1, 2, 3, 4, 5, None, 100]), (50, 100, [1, None, 49, 50, 51, None, 100]),
    (100, 100, [1, None, 99, 100]), (97, 100, [1, None, 96, 97, 98, 99, 100]),
])
def test_shown_pages(current: int, pages: int, expected: list[int | None]) -> None:
    assert cat.shown_pages(current, pages) == expected


def test_shown_pages_always_hold_the_ends_and_neighbours() -> None:
    for pages in range(1, 40):
        for current in range(1, pages + 1):
            shown = cat.shown_pages(current, pages)
            numbers = [n for n in shown if n is not None]
            assert numbers == sorted(set(numbers))
            assert {1, pages, current} | {n for n in (current - 1, current + 1) if 1 <= n <= pages} \
                <= set(numbers)
            for n, gap in enumerate(shown):  # a gap hides two pages or more
                if gap is None:
                    before, after = shown[n - 1], shown[n + 1]
                    assert before is not None and after is not None and after - before > 2


def test_count_text() -> None:
    assert cat.count_text(188, 188, 1, 2) == "188 titles, page 1 of 2"
    assert cat.count_text(12, 188, 1, 1) == "12 of 188 titles"
    assert cat.count_text(1, 10_000, 1, 1) == "1 of 10,000 titles"
    assert cat.count_text(1, 1, 1, 1) == "1 title"


# -- The static pages ---------------------------------------------------------------------------

def test_pages_list_every_title_once_in_order(real: KnowledgeBase) -> None:
    kb = grown(real, 3)  # 564 titles: 6 pages
    pages = cat.catalogue_pages(kb, "Intro.")
    count = cat.page_count(len(kb.titles))
    assert count == 6
    assert list(pages) == [cat.INDEX] + [f"library/page/{n}/index.md" for n in range(2, count + 1)]
    ids = [ident for text in pages.values() for ident in listed(text)]
    assert ids == [t.id for t in cat.catalogue_order(kb)]
    assert all(len(listed(text)) == cat.PAGE_SIZE for text in list(pages.values())[:-1])
    for path, text in pages.items():
        for ident, link in _ITEM.findall(text):
            assert resolve(path, link) == url_of(title_page(ident))


def test_page_links_lead_to_the_right_pages(real: KnowledgeBase) -> None:
    kb = grown(real, 3)
    pages = cat.catalogue_pages(kb, "Intro.")
    count = len(pages)
    for number in range(1, count + 1):
        path = cat.page_path(number)
        links = nav_links(pages[path])
        by_text = {re.sub(r"<[^>]+>", "", text): resolve(path, link) for link, _, text in links}
        current = [text for _, attributes, text in links if 'aria-current="page"' in attributes]
        assert current == [str(number)]
        assert by_text.get("Previous page") == (url_of(cat.page_path(number - 1)) if number > 1 else None)
        assert by_text.get("Next page") == (url_of(cat.page_path(number + 1)) if number < count else None)
        for shown in cat.shown_pages(number, count):
            if shown is not None:
                assert by_text[str(shown)] == url_of(cat.page_path(shown))
        labels = re.findall(r'aria-label="Page (\d+)"', pages[path])
        assert labels == [str(n) for n in cat.shown_pages(number, count) if n is not None]


def test_first_page_has_the_form_the_count_and_the_data_version(real: KnowledgeBase) -> None:
    pages = cat.catalogue_pages(real, "Our intro.")
    first = pages[cat.INDEX]
    assert "Our intro.\n\nThe catalogue lists every title A to Z, 100 to a page." in first
    assert '<form id="gt-filters"' in first and " hidden>" in first
    data = cat.catalogue_data(real)
    assert f'data-src="catalogue.json?v={cat.version(data)}"' in first
    assert f">{len(real.titles)} titles, page 1 of 2</p>" in first
    assert "title or an author’s name" in first and "search box" in first  # summaries: the site search
    later = pages["library/page/2/index.md"]
    assert "gt-filters" not in later and '<p id="gt-filter-link"><a href="../../">' in later
    assert later.splitlines()[1] == 'title: "Staff Professional Development Library: page 2 of 2"'


def test_a_small_catalogue_is_one_page_without_page_links(real: KnowledgeBase) -> None:
    small = replace(real, titles=real.titles[:cat.PAGE_SIZE])
    small.index()
    pages = cat.catalogue_pages(small, "")
    assert list(pages) == [cat.INDEX]
    assert len(listed(pages[cat.INDEX])) == cat.PAGE_SIZE
    assert "gt-pages" not in pages[cat.INDEX] and '<div id="gt-pager"></div>' in pages[cat.INDEX]
    assert f">{cat.PAGE_SIZE} titles</p>" in pages[cat.INDEX]
    assert "to a page" not in pages[cat.INDEX]


def test_later_pages_stay_out_of_the_search_index(real: KnowledgeBase) -> None:
    pages = site_pages(real, load_settings(REPO), hand_written_texts(load_sources(REPO)), set(real.years))
    urls = si.indexed_urls(si.search_files(real, pages, hand_written_pages(load_sources(REPO))).get)
    assert "library/" in urls
    assert "library/page/2/" not in urls and "library/page/2/index.md" in pages


# -- catalogue.json ------------------------------------------------------------------------------

def decoded(text: str) -> list[dict[str, object]]:
    """catalogue.json as one record a title, as catalogue.js reads it."""
    data = json.loads(text)
    facets = data["facets"]
    records = []
    for n, short in enumerate(data["id"]):
        title, subtitle = data["title"][n], data["subtitle"][n]
        full = (title + (" " if title.endswith(("?", "!")) else ": ") + subtitle) if subtitle else title
        chosen: dict[str, list[str]] = {}
        for code in data["codes"][n]:
            chosen.setdefault(facets[code][0], []).append(facets[code][1])
        records.append({"id": short or cat.slug(title), "full_title": full, "authors": data["authors"][n],
                        "year": data["year"][n], "report": data["report"][n], "added": data["added"][n],
                        "rank": data["rank"][n], **chosen})
    return records


def test_json_holds_every_title_in_catalogue_order(real: KnowledgeBase) -> None:
    kb = grown(real, 2)
    data = json.loads(cat.catalogue_data(kb))
    assert data["size"] == cat.PAGE_SIZE
    tables = ("size", "facets", "short", "fold", "suffixes")  # the rest: a column, an item a title
    columns = {key: column for key, column in data.items() if key not in tables}
    assert {len(column) for column in columns.values()} == {len(kb.titles)}
    assert data["short"]["I CAN"] == "I CAN"  # an organisation is named whole
    records = decoded(cat.catalogue_data(kb))
    order = cat.catalogue_order(kb)
    assert [r["id"] for r in records] == [t.id for t in order]
    fields = {"topic": lambda t: t.topics, "career": lambda t: t.career_stages,
              "format": lambda t: t.formats, "held": lambda t: [a for a, _ in t.copies]}
    fields |= {d.folder: (lambda t, d=d: t.tagged(d.id)) for d in kb.tagging}
    assert {"principles", "stages", "aims"} <= set(fields)
    for record, title in zip(records, order, strict=True):
        assert record["full_title"] == title.full_title
        assert record["authors"] == list(title.authors)
        assert (record["year"], record["added"]) == (title.year, title.added)
        assert record["report"] == (title.type == "report")
        for field, values in fields.items():
            assert sorted(record.get(field, [])) == sorted(values(title)), (title.id, field)


def test_most_ids_are_left_for_the_script_to_make(real: KnowledgeBase) -> None:
    data = json.loads(cat.catalogue_data(real))
    assert sum(1 for ident in data["id"] if not ident) > len(real.titles) // 2
    odd = Title("cafe-2", "Café", ("A",), 2000, ())
    assert cat.short_id(odd) == "cafe-2" and cat.short_id(replace(odd, id="caf")) == "caf"
    assert cat.short_id(Title("make-it-stick", "Make It Stick", ("A",), 2000, ())) == ""


def test_author_ranks_order_by_first_authors_surname(real: KnowledgeBase) -> None:
    records = decoded(cat.catalogue_data(real))
    by_rank = sorted(records, key=lambda r: (r["rank"], records.index(r)))
    keys = [si.fold(cat.surname(r["authors"][0])) for r in by_rank]  # type: ignore[index]
    assert keys == sorted(keys)
    assert len({r["rank"] for r in records}) == len(set(keys))


def test_json_is_compact_deterministic_and_versioned(real: KnowledgeBase) -> None:
    text = cat.catalogue_data(real)
    assert text == cat.catalogue_data(real)
    assert text == json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    assert "summary" not in text and real.titles[0].summary[:40] not in text
    changed = replace(real, titles=[replace(real.titles[0], year=1900), *real.titles[1:]])
    changed.index()
    assert cat.version(cat.catalogue_data(changed)) != cat.version(text)


def test_generation_writes_the_json_beside_the_pages(repo: Path) -> None:
    from goldenthread.publish.generation import generate_pages

    generated = generate_pages(repo)
    kb = generated.knowledge
    assert kb is not None
    written = (repo / "docs" / cat.DATA).read_text("utf-8")
    pages = site_pages(kb, load_settings(repo), hand_written_texts(load_sources(repo)), set(kb.years))
    assert site_files(kb, pages, hand_written_pages(load_sources(repo)))[cat.DATA] == written
    assert [r["id"] for r in decoded(written)] == ["make-it-stick"]
    assert not (repo / "docs" / "library" / "page").exists()  # one title: one page
