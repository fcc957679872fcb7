"""The library catalogue: static pages of PAGE_SIZE titles, and a compact JSON of every title.

Without JavaScript the catalogue is complete: `library/index.md` holds the first
PAGE_SIZE titles A to Z by title, `library/page/<n>/index.md` the n-th PAGE_SIZE, each with the
same pagination (a `<nav aria-label="Catalogue pages">`). With JavaScript,
`base/assets/catalogue.js` on the first page shows the filter form and, when a reader
first uses it (or opens a URL that carries filters), fetches `library/catalogue.json`,
filters and sorts it in memory and renders one page of results at a time. Pages 2 on are
plain lists; they point readers with JavaScript to the first page for filters.

`library/catalogue.json` is compact JSON (keys sorted, the same for the same sources), one
list a field, item n of each list being the n-th title in catalogue order (A to Z by
title); columns compress better than a record a title:

    {"size": PAGE_SIZE,                   titles a page
     "facets": [[field, id], ...],        the filter choices; codes index this list (field is
                                          the form field: topic, career, format, held, and one
                                          for each framework dimension the catalogue filters by)
     "id": [id or "", ...],               the title's page is <id>/ beside the file; "": the
                                          id is slug(title) (most are: `goldenthread new
                                          title` names the file so)
     "title": [title, ...],
     "subtitle": [subtitle or "", ...],   the full title is "title: subtitle" ("title?
                                          subtitle" after ? or !), as Title.full_title
     "authors": [[name, ...], ...],
     "short": {name: short name, ...},   authors not named by their last word (cite/people.py)
     "year": [year, ...],
     "report": [0 or 1, ...],             1: a report ("(report)" in its byline)
     "added": ["YYYY-MM-DD" or "", ...],
     "rank": [author rank, ...],          orders titles by their first author's surname
     "codes": [[facet code, ...], ...],
     "fold": {letter: ASCII, ...},        search_words.FOLDS: the letters fold spells in ASCII
     "suffixes": [suffix, ...]}           cite/people.SUFFIXES: the words last_word passes over

catalogue.js shows each title as the static pages do (`item`, `byline`), with the tables
the file carries (tests/js/catalogue_rules.test.js runs its rules under Node). The text
filter reads titles and authors; summaries are left out, as they would make the file
several times bigger: the site search covers them. The page links the file with a version (a
hash of its text), so a cached copy never outlives the page.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable

from ..cite.people import SUFFIXES, cited, short
from ..export.feeds import LIBRARY_FEED
from ..export.files import FORMATS as EXPORT_FORMATS
from ..export.files import LIBRARY
from ..model import KnowledgeBase, Named, Title
from ..paths import href, title_page
from .framework import filter_parameter
from .search_index import fold
from .search_words import FOLDS
from .text import attr, front_matter, md

INDEX = "library/index.md"
FEED_TITLE = "New titles in the library (Atom feed)"
FEED = (f"[{FEED_TITLE}](feed.xml): subscribe in a feed reader to hear of new titles.\n")
PAGES = "library/page"          # library/page/<n>/index.md, n >= 2 (index.md: links in raw HTML
                                # are relative to the file and to the URL alike, for Zensical)
DATA = "library/catalogue.json"
PAGE_SIZE = 100
HEADING = "Staff Professional Development Library"  # the default of the identity's library_title
FORMATS = {"print": "Print", "ebook": "Ebook", "audiobook": "Audiobook"}


# -- Filters ---------------------------------------------------------------------------------

class Filter:
    """One of the catalogue's filters: its form field, label, 'All' text, choices, and the
    choices a title has."""

    def __init__(self, name: str, label: str, everything: str, choices: list[tuple[str, str]],
                 of: Callable[[Title], Iterable[str]]) -> None:
        self.name, self.label, self.everything, self.choices, self.of = name, label, everything, choices, of


def _numbered(item: Named) -> str:
    return f"{item.number}. {item.name}" if item.number else item.name


def filters(kb: KnowledgeBase) -> list[Filter]:
    """The filters teachers reach for first (topic, career stage, format, where a title is
    held), then the framework's dimensions in its order; the year is added by the form."""
    found = [
        Filter("topic", "Topic", "All topics", [(t.id, t.name) for t in kb.topics],
               lambda t: t.topics),
        Filter("career", "Career stage", "All career stages",
               [(c.id, c.name) for c in kb.career_stages], lambda t: t.career_stages),
        Filter("format", "Format", "All formats", list(FORMATS.items()), lambda t: t.formats),
        Filter("held", "Held at", "Any academy", [(a.id, a.name) for a in kb.academies],
               lambda t: (academy for academy, _ in t.copies)),
    ]
    for dimension in kb.tagging:
        if dimension.filter:
            found.append(Filter(filter_parameter(dimension), dimension.one.capitalize(),
                                f"All {dimension.name.lower()}",
                                [(item.id, _numbered(item)) for item in dimension.items],
                                _tagged(dimension.id)))
    return found


def _tagged(dimension: str) -> Callable[[Title], Iterable[str]]:
    return lambda title: title.tagged(dimension)


# -- Order and text ----------------------------------------------------------------------------

def last_word(name: str) -> str:
    """The last word of a name that is not a suffix: 'E. D. Hirsch, Jr.' -> 'Hirsch'
    (catalogue.js's own rule, where catalogue.json gives no `short` name)."""
    words = [w.rstrip(",") for w in name.split()]
    while len(words) > 1 and words[-1].casefold() in SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def surname(name: str) -> str:
    """The family name, with its particle ('van Merriënboer'), or an organisation whole."""
    return short(name)


def byline(title: Title) -> str:
    """What the catalogue shows under a title, as APA 7 cites it: 'Sherrington, 2019',
    'Smith & Stein, 2011 (report)', 'Black et al., 2003', 'I CAN & Royal College of ...'."""
    kind = " (report)" if title.type == "report" else ""
    return f"{cited(title.authors)}, {title.year}{kind}"


def short_names(titles: list[Title]) -> dict[str, str]:
    """The authors whose short name is not their last word (organisations, particles), for
    catalogue.js."""
    return {name: short(name) for title in titles for name in title.authors
            if short(name) != last_word(name)}


def catalogue_order(kb: KnowledgeBase) -> list[Title]:
    """A to Z by title, accents and case ignored; equal titles by id."""
    return sorted(kb.titles, key=lambda t: (fold(t.full_title), t.full_title, t.id))


def slug(text: str) -> str:
    """Lower case ASCII letters and digits, other runs as one hyphen (catalogue.js repeats it)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def short_id(title: Title) -> str:
    """The id as catalogue.json holds it: "" when catalogue.js can make it from the title."""
    return "" if title.title.isascii() and slug(title.title) == title.id else title.id


def author_key(title: Title) -> str:
    return fold(surname(title.authors[0])) if title.authors else ""


def page_path(number: int) -> str:
    """The docs-relative Markdown path of the catalogue's page number (1-based)."""
    return INDEX if number == 1 else f"{PAGES}/{number}/index.md"


def page_count(titles: int, size: int = PAGE_SIZE) -> int:
    return max(1, -(-titles // size))


def shown_pages(current: int, pages: int) -> list[int | None]:
    """The page numbers the pagination links to, None for a gap: the first, the last, the
    current one and its neighbours (a gap of one page shows that page instead)."""
    wanted = sorted({1, pages, *range(max(1, current - 1), min(pages, current + 1) + 1)})
    shown: list[int | None] = []
    for number in wanted:
        if shown and number - (shown[-1] or 0) == 2:
            shown.append(number - 1)
        elif shown and number - (shown[-1] or 0) > 2:
            shown.append(None)
        shown.append(number)
    return shown


def count_text(shown: int, total: int, page: int, pages: int) -> str:
    """The status line: '188 titles, page 1 of 2' or '12 of 188 titles'."""
    titles = f"{total:,} title{'' if total == 1 else 's'}"
    words = titles if shown == total else f"{shown:,} of {titles}"
    return words + (f", page {page} of {pages}" if pages > 1 else "")


# -- HTML --------------------------------------------------------------------------------------

def item(page: str, title: Title) -> str:
    """One title in the list; catalogue.js renders the same from the JSON."""
    return (f'<li data-id="{attr(title.id)}"><a href="{href(page, title_page(title))}">'
            f'{attr(title.full_title)}</a><span class="gt-byline">{attr(byline(title))}</span></li>')


def pagination(page: str, current: int, pages: int) -> str:
    """The page links of the catalogue's page number current (nothing if there is one page)."""
    if pages < 2:
        return ""

    def link(number: int, text: str, extra: str = "") -> str:
        return f'<a href="{href(page, page_path(number))}"{extra}>{text}</a>'

    hidden = '<span class="gt-hidden"> page</span>'
    parts = []
    if current > 1:
        previous = link(current - 1, "Previous" + hidden, ' rel="prev"')
        parts.append(f'<li class="gt-page-step">{previous}</li>')
    for number in shown_pages(current, pages):
        if number is None:
            parts.append('<li class="gt-page-gap" aria-hidden="true">…</li>')
        else:
            extra = f' aria-label="Page {number}"' + (' aria-current="page"' if number == current else "")
            parts.append(f"<li>{link(number, str(number), extra)}</li>")
    if current < pages:
        following = link(current + 1, "Next" + hidden, ' rel="next"')
        parts.append(f'<li class="gt-page-step">{following}</li>')
    return f'<nav class="gt-pages" aria-label="Catalogue pages"><ul>{"".join(parts)}</ul></nav>'


def _select(name: str, label: str, everything: str, options: list[tuple[str, str]]) -> str:
    choices = "".join(f'<option value="{attr(v)}">{attr(text)}</option>' for v, text in options)
    return (f'<div class="gt-filter"><label for="gt-{name}">{label}</label>'
            f'<select id="gt-{name}" name="{name}"><option value="">{everything}</option>'
            f"{choices}</select></div>")


def filter_form(kb: KnowledgeBase, data_url: str) -> str:
    fields = ['<div class="gt-filter gt-filter-text"><label for="gt-q">Filter by words in the '
              "title or an author’s name</label>"
              '<input id="gt-q" name="q" type="search" autocomplete="off" aria-describedby="gt-q-hint">'
              '<span id="gt-q-hint" class="gt-hint">For words in the summaries, use the search box '
              "at the top of the page.</span></div>"]
    fields += [_select(f.name, f.label, f.everything, f.choices) for f in filters(kb)]
    years = sorted({t.year for t in kb.titles}, reverse=True)
    fields.append(_select("year", "Year", "All years", [(str(y), str(y)) for y in years]))
    fields.append(_select("sort", "Sort by", "Title (A to Z)", [
        ("author", "Author (A to Z)"), ("year", "Year (newest first)"),
        ("added", "Recently added")]))
    # One closed disclosure, in the page as sent: the titles come first on a phone, and the
    # script that makes the form work changes nothing around the list (no layout shift).
    return ('<details id="gt-filter-panel" class="gt-filter-panel"><summary>Filter and sort'
            '<span id="gt-filter-set" class="gt-filter-set"></span></summary>'
            '<p id="gt-filter-off" class="gt-hint">Filtering needs JavaScript, which is off in this '
            "browser. The pages below list every title A to Z by title.</p>"
            f'<form id="gt-filters" class="gt-filters" role="search" aria-label="Filter the '
            f'catalogue" data-src="{attr(data_url)}" hidden>' + "".join(fields)
            + '<button type="reset" class="md-button">Clear filters</button></form></details>')


def _list(page: str, titles: list[Title]) -> str:
    return f'<ul id="gt-catalogue" class="gt-catalogue">{"".join(item(page, t) for t in titles)}</ul>'


def first_page(kb: KnowledgeBase, intro: str, titles: list[Title], pages: int, data_version: str,
               heading: str = HEADING) -> str:
    data_url = f"{DATA.removeprefix('library/')}?v={data_version}"  # the first page is library/
    paging = f"The catalogue lists every title A to Z, {PAGE_SIZE} to a page.\n\n" if pages > 1 else ""
    return (front_matter(title=heading, feeds=[{"href": LIBRARY_FEED, "title": FEED_TITLE}])
            + f"# {md(heading)}\n\n" + intro.strip() + "\n\n" + paging
            + filter_form(kb, data_url) + "\n\n"
            f'<p id="gt-count" class="gt-count" role="status" tabindex="-1">'
            f"{count_text(len(kb.titles), len(kb.titles), 1, pages)}</p>\n\n"
            + _list(INDEX, titles[:PAGE_SIZE]) + "\n\n"
            '<p id="gt-none" class="gt-none" hidden>No titles match these filters. '
            "Clear a filter to see more.</p>\n\n"
            f'<div id="gt-pager">{pagination(INDEX, 1, pages)}</div>\n\n'
            "The whole catalogue, for a reference manager (Zotero, EndNote, Mendeley): "
            + " · ".join(f"[{EXPORT_FORMATS[suffix]}]({name.rsplit('/', 1)[1]})"
                         for suffix, name in LIBRARY.items())
            + ".\n\n" + FEED)


def later_page(number: int, titles: list[Title], pages: int, library: str = HEADING) -> str:
    page = page_path(number)
    start = (number - 1) * PAGE_SIZE
    shown = titles[start:start + PAGE_SIZE]
    heading = f"{library}: page {number} of {pages}"
    return (front_matter(title=heading, search={"exclude": True})
            + f"# {md(heading)}\n\n"
            f"Titles {start + 1:,} to {start + len(shown):,} of {len(titles):,}, A to Z by title.\n\n"
            f'<p id="gt-filter-link"><a href="{href(page, INDEX)}">Filter or sort the '
            "catalogue</a> on its first page.</p>\n\n"
            + _list(page, shown) + "\n\n"
            f'<div id="gt-pager">{pagination(page, number, pages)}</div>\n')


# -- JSON --------------------------------------------------------------------------------------

def catalogue_data(kb: KnowledgeBase) -> str:
    """The text of library/catalogue.json (the module's docstring describes it)."""
    found = filters(kb)
    facets = [[f.name, ident] for f in found for ident, _ in f.choices]
    code = {(name, ident): n for n, (name, ident) in enumerate(facets)}
    titles = catalogue_order(kb)
    ranks = {key: n for n, key in enumerate(sorted({author_key(t) for t in titles}))}
    data = {
        "size": PAGE_SIZE, "facets": facets,
        "id": [short_id(t) for t in titles], "title": [t.title for t in titles],
        "subtitle": [t.subtitle for t in titles],
        "authors": [list(t.authors) for t in titles], "year": [t.year for t in titles],
        "short": short_names(titles),
        "report": [int(t.type == "report") for t in titles], "added": [t.added for t in titles],
        "rank": [ranks[author_key(t)] for t in titles],
        "codes": [sorted({code[f.name, value] for f in found for value in f.of(t)
                          if (f.name, value) in code}) for t in titles],
        "fold": FOLDS, "suffixes": sorted(SUFFIXES),
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def version(data: str) -> str:
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:12]


def catalogue_pages(kb: KnowledgeBase, intro: str, heading: str = HEADING) -> dict[str, str]:
    """Every page of the catalogue: docs-relative path -> Markdown. heading: the library's name."""
    titles = catalogue_order(kb)
    pages = page_count(len(titles))
    result = {INDEX: first_page(kb, intro, titles, pages, version(catalogue_data(kb)), heading)}
    for number in range(2, pages + 1):
        result[page_path(number)] = later_page(number, titles, pages, heading)
    return result


def catalogue_files(kb: KnowledgeBase) -> dict[str, str]:
    """The files beside the catalogue's pages: docs-relative path -> text."""
    return {DATA: catalogue_data(kb)}
