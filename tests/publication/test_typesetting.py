"""Every year's publication and every offprint, read back from the PDF (pypdf) and checked
against the sources as the site renders them: soft line breaks are spaces, the running
head names the entry being read, quotes are typographic, text is hyphenated as en-GB,
no heading ends a page, and no paragraph leaves a single line alone at a page's foot or
head.

The oracle is the sources: paragraphs as the site's own Markdown renders them (mkdocs.yml's
extensions, citations as the site prints them), located among the PDF's lines; where each
entry begins comes from the PDF's bookmarks, not from its running heads.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO

import markdown
import pytest
from pypdf import PdfReader

from goldenthread.assemble import assemble
from goldenthread.cite.apa import reference_list
from goldenthread.cite.latex import plain
from goldenthread.generate.research import with_citations
from goldenthread.model import Entry, KnowledgeBase
from goldenthread.paths import offprint
from goldenthread.publish.pdf import annual_output, build_offprint, build_pdf, build_pdfs
from goldenthread.settings import load_settings
from goldenthread.validation import validate

from ..conftest import REPO

STAMP = 1_767_225_600
HYPHENS = "-\u00ad"  # a hyphen Typst adds at a line end reads as U+00AD (see test_pdf.squash)
SECTIONS = ("Research question", "Abstract", "References")


def squash(text: str) -> str:
    return re.sub(r"[\s\u00ad-]+", "", text)


def site_html(text: str) -> str:
    """Markdown as the site renders it (mkdocs.yml's extensions)."""
    options = load_settings(REPO).markdown
    return markdown.Markdown(extensions=list(options.extensions),
                             extension_configs=options.extension_configs()).convert(text)


def words_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def paragraphs(text: str) -> list[list[str]]:
    """Each paragraph the site renders from this Markdown, as its source lines."""
    return [[line.strip() for line in words_of(inner).split("\n") if line.strip()]
            for inner in re.findall(r"<p>(.*?)</p>", site_html(text), re.DOTALL)]


def entry_paragraphs(entry: Entry) -> list[list[str]]:
    references = {ref.key: ref for ref in reference_list(entry.references)}
    return [*paragraphs(entry.research_question), *paragraphs(entry.abstract),
            *paragraphs(with_citations(entry.body, references))]


@dataclass
class Line:
    page: int
    text: str


@dataclass
class Publication:
    name: str
    reader: PdfReader
    pages: list[str]          # each page's text as pypdf reads it
    heads: list[str | None]   # the running head each page should carry (None: no head)
    lines: list[Line]         # the body's lines, every page's head and page number removed
    sources: list[list[str]]  # its paragraphs, as their source lines
    headings: list[str]
    year: int
    first_number: int  # the printed number of the first page minus its index (the cover is unnumbered)
    cited: str = ""  # the words of its references' fields, as a reader sees them

    @property
    def text(self) -> str:
        return "\n".join(self.pages)


def _bookmarks(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(depth, title, page index) of every bookmark, in order."""
    found: list[tuple[int, str, int]] = []

    def walk(items: list[object], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, str(item.title), reader.get_destination_page_number(item)))  # type: ignore[attr-defined]

    walk(reader.outline, 0)
    return found


def _annual_heads(reader: PdfReader, pages: list[str]) -> list[str | None]:
    """The name each page's head should give: the entry (or foreword, contents, index) that
    begins on the page, else the last one to begin before it. The cover has none."""
    starts = [(page, title) for depth, title, page in _bookmarks(reader)
              if depth == 1 or title in ("Foreword", "Impact at a glance", "Index of contributors")]
    contents = next(i for i, text in enumerate(pages)
                    if squash(text.split("\n", 1)[-1]).startswith("Contents"))
    starts.append((contents, "Contents"))
    heads: list[str | None] = [None]
    for page in range(1, len(pages)):
        begun = [title for start, title in sorted(starts, key=lambda s: s[0]) if start <= page]
        here = [title for start, title in starts if start == page]
        heads.append(here[0] if here else begun[-1] if begun else "")
    return heads


def _body_lines(pages: list[str], heads: list[str | None], publication: str) -> list[Line]:
    """Each page's lines without its head (the entry's name) and foot (the publication's
    name and the page number, or on an offprint's first page how to cite it)."""
    lines: list[Line] = []
    foot = re.compile(rf"^({re.escape(squash(publication))})?\d*$")
    for number, (text, head) in enumerate(zip(pages, heads, strict=True)):
        page = text.split("\n")
        if head is not None:  # drop the head's line(s): as many as its words fill
            wanted, taken = squash(head), ""
            while page and len(taken) < len(wanted):
                taken += squash(page.pop(0))
        while page and foot.match(squash(page[-1])):
            page.pop()
        cited = [i for i, line in enumerate(page) if line.startswith("Cite as:")]  # an offprint's first foot
        page = page[:cited[-1]] if cited else page
        lines += [Line(number, line) for line in page if line.strip()]
    return lines


def _headings(entries: list[Entry], knowledge: KnowledgeBase) -> list[str]:
    academies = knowledge.named("academies")
    found = ["Foreword", "Contents", "Index of contributors", *SECTIONS]
    for entry in entries:
        found += [words_of(site_html(entry.title)), academies[entry.academy].name]
        found += [words_of(site_html(h)) for h in re.findall(r"^#{1,6}\s+(.+)$", entry.body, re.MULTILINE)]
    return found


def _read(name: str, pdf: bytes, knowledge: KnowledgeBase, entries: list[Entry], year: int,
          annual: bool) -> Publication:
    reader = PdfReader(BytesIO(pdf))
    pages = [page.extract_text() or "" for page in reader.pages]
    publication = f"Action Research {year}"
    if annual:
        heads = _annual_heads(reader, pages)
    else:
        title = words_of(site_html(entries[0].title))
        heads = [None, *([title] * (len(pages) - 1))]
    sources = [p for e in entries for p in entry_paragraphs(e)]
    if annual:
        sources += paragraphs(knowledge.forewords.get(year, ""))
    cited = " ".join(plain(value) for entry in entries for reference in entry.references
                     for value in reference.fields.values())
    return Publication(name, reader, pages, heads, _body_lines(pages, heads, publication), sources,
                       _headings(entries, knowledge), year, 1 if annual else 0, cited)


@pytest.fixture(scope="module")
def knowledge() -> KnowledgeBase:
    return assemble(validate(REPO).sources)


@pytest.fixture(scope="module")
def made(knowledge: KnowledgeBase) -> dict[str, bytes]:
    """Every year's publication and every entry's offprint, made as a build makes them."""
    return build_pdfs(REPO, knowledge, STAMP, years=knowledge.years, entries=knowledge.entries)


@pytest.fixture(scope="module")
def publications(knowledge: KnowledgeBase, made: dict[str, bytes]) -> list[Publication]:
    found = []
    for year in knowledge.years:
        entries = [e for e in knowledge.entries if e.year == year]
        found.append(_read(str(year), made[annual_output(year)], knowledge, entries, year, True))
    for entry in knowledge.entries:
        found.append(_read(entry.id, made[offprint(entry)], knowledge, [entry], entry.year, False))
    return found


@pytest.fixture(scope="module")
def annuals(publications: list[Publication]) -> list[Publication]:
    return [p for p in publications if p.name.isdigit()]


def located(publication: Publication) -> Iterator[tuple[list[str], list[Line]]]:
    """Each source paragraph with the PDF lines that print it (those found)."""
    squashed = [squash(line.text) for line in publication.lines]
    for source in publication.sources:
        target = squash("".join(source))
        if len(target) < 30:
            continue  # too short to place with confidence
        for start, first in enumerate(squashed):
            if not first or not target.startswith(first):
                continue
            at, end = len(first), start + 1
            while (at < len(target) and end < len(squashed) and squashed[end]
                   and target.startswith(squashed[end], at)):
                at, end = at + len(squashed[end]), end + 1
            if at == len(target):
                yield source, publication.lines[start:end]
                break


def test_the_paragraphs_are_found_in_the_pdf(publications: list[Publication]) -> None:
    """The oracle below reads what it must: nearly every paragraph is placed among the lines.
    (One is not: where one citation names two works by the same authors, Typst prints
    "(Black & Wiliam, 1998a; 1998b)" and the site "(Black & Wiliam, 1998a; Black & Wiliam,
    1998b)"; APA 7 asks for "1998a, 1998b".)"""
    sources = found = 0
    for publication in publications:
        placed = len(list(located(publication)))
        wanted = len([s for s in publication.sources if len(squash("".join(s))) >= 30])
        assert placed >= 0.85 * wanted, (publication.name, placed, wanted)
        sources, found = sources + wanted, found + placed
    assert found >= 0.97 * sources, (found, sources)


def test_soft_line_breaks_are_spaces(publications: list[Publication]) -> None:
    """A line end in a source paragraph is a line end in the PDF only by chance (it was
    98% of them when soft breaks were printed as hard ones)."""
    source_ends = same = 0
    for publication in publications:
        for source, lines in located(publication):
            ends, at = set(), 0
            for line in source[:-1]:
                at += len(squash(line))
                ends.add(at)
            printed, at = set(), 0
            for line in lines[:-1]:
                at += len(squash(line.text))
                printed.add(at)
            source_ends += len(ends)
            same += len(ends & printed)
    assert source_ends > 200
    assert same / source_ends < 0.2, f"{same} of {source_ends} source line ends are PDF line ends"


def test_running_heads_name_the_entry_being_read(publications: list[Publication]) -> None:
    for publication in publications:
        for number, (text, head) in enumerate(zip(publication.pages, publication.heads, strict=True)):
            if head is None:
                continue
            assert squash(text).startswith(squash(head)), (publication.name, number + 1, head, text[:160])
            foot = f"Action Research {publication.year}{number + 1 - publication.first_number}"
            assert squash(text).endswith(squash(foot)), (publication.name, number + 1, text[-60:])


def test_an_entry_that_begins_on_a_page_is_named_in_its_head(annuals: list[Publication]) -> None:
    """The case the head used to get wrong: on a page where an entry begins, the entry
    before it was named."""
    pages = 0
    for publication in annuals:
        for depth, title, page in _bookmarks(publication.reader):
            if depth == 1:
                head = publication.pages[page].split("\n")[0]
                assert squash(head) and squash(title).startswith(squash(head)), \
                    (publication.name, title, head)
                pages += 1
    assert pages >= 20


def test_quotes_are_typographic(publications: list[Publication], knowledge: KnowledgeBase) -> None:
    """The site's quotes (smarty), the same in the PDF; no straight quote is printed."""
    for publication in publications:
        entries = [e for e in knowledge.entries
                   if e.year == publication.year and publication.name in (str(e.year), e.id)]
        rendered = "".join(words_of(site_html(e.body)) for e in entries)
        quoted = re.findall(r"“[^”]{1,80}”", rendered)
        text = squash(publication.text)
        for words in quoted:
            assert squash(words) in text, (publication.name, words)
        assert '"' not in publication.text and "'" not in publication.text, publication.name
    sample = next(p for p in publications if p.name == "2024")
    assert "“active ingredients”" in sample.text and "school’s" in sample.text


def test_text_is_british_english_and_hyphenated(publications: list[Publication],
                                                knowledge: KnowledgeBase) -> None:
    """The document's language is en-GB; justified lines are hyphenated, and every word
    broken at a line end is a word of the sources (or a compound with its own hyphen)."""
    breaks = 0
    for publication in publications:
        assert publication.reader.trailer["/Root"]["/Lang"] == "en-GB"
        printed = " ".join(" ".join(s) for s in publication.sources) + " " + publication.cited
        printed += " " + " ".join(e.title for e in knowledge.entries)  # Impact at a glance names them
        words = set(re.findall(r"[\w’-]+", printed))
        lines = publication.lines
        for line, following in itertools.pairwise(lines):
            end = line.text.rstrip()
            if not end or end[-1] not in HYPHENS or not following.text.split():
                continue
            before = re.findall(r"[\w’]+$", end[:-1])
            after = re.findall(r"^[\w’]+", following.text.split()[0])
            if not before or not after:
                continue
            joined, compound = before[0] + after[0], f"{before[0]}-{after[0]}"
            if any(compound in word for word in words):
                continue  # the source's own hyphen
            assert any(joined in word for word in words), (publication.name, end, following.text)
            breaks += 1
    assert breaks >= 5, "justified text should hyphenate"


def test_no_heading_ends_a_page(publications: list[Publication]) -> None:
    for publication in publications:
        last_page = len(publication.pages) - 1
        headings = {squash(h) for h in publication.headings}
        for page in range(last_page):
            body = [line.text for line in publication.lines if line.page == page]
            if not body:
                continue
            ending = squash("".join(body[-3:]))
            assert not any(ending.endswith(h) for h in headings if h), \
                (publication.name, page + 1, body[-2:])


def test_no_single_line_widows_or_orphans(publications: list[Publication]) -> None:
    split = 0
    for publication in publications:
        for _, lines in located(publication):
            pages = [line.page for line in lines]
            if len(set(pages)) < 2:
                continue
            split += 1
            first, last = pages.count(pages[0]), pages.count(pages[-1])
            assert first >= 2, (publication.name, "orphan", lines[0].text)
            assert last >= 2, (publication.name, "widow", lines[-1].text)
    assert split >= 5, "some paragraphs must run over a page for this to test anything"


def test_offprints_have_their_own_title_block(publications: list[Publication],
                                              knowledge: KnowledgeBase) -> None:
    """Google Scholar's rules for a paper's PDF: the title largest at the top of the first
    page, the authors on a line of their own below it, references under a heading."""
    by_id = {entry.id: entry for entry in knowledge.entries}
    for publication in publications:
        entry = by_id.get(publication.name)
        if entry is None:
            continue
        first = publication.pages[0].split("\n")
        title = words_of(site_html(entry.title))
        assert squash(first[0]) == squash(f"The Trust · Action Research {entry.year}")
        block = squash("".join(first[1:7]))
        authors = ", ".join(words_of(site_html(a.name)) for a in entry.authors)
        assert block.startswith(squash(title) + squash(authors)), (entry.id, first[:4])
        assert _largest_text(publication.reader) == squash(title)
        assert ("Illustrative example." in publication.text) == entry.example
        if entry.references:
            assert "References" in publication.text
        name = words_of(site_html(entry.authors[0].name))
        # a role for a name ("Head of Mathematics") is cited whole, as an organisation is
        surname = name if " of " in name else name.split()[-1]
        assert squash(f"Cite as: {surname}") in squash(publication.text)


def _largest_text(reader: PdfReader) -> str:
    """The words set in the largest font on the first page."""
    sizes: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes.append((round(size * abs(tm[3] or tm[0]) * abs(cm[3] or cm[0]), 1), text))

    reader.pages[0].extract_text(visitor_text=visit)
    largest = max(size for size, _ in sizes)
    return squash("".join(text for size, text in sizes if size == largest))


def test_each_pdf_is_the_one_made_alone(knowledge: KnowledgeBase, made: dict[str, bytes]) -> None:
    """One Typst compiler makes every PDF of a build; what it keeps from one PDF to the next
    changes no byte of the next."""
    assert len(made) == len(knowledge.years) + len(knowledge.entries)
    last = knowledge.entries[-1]
    assert build_offprint(REPO, knowledge, last, STAMP) == made[offprint(last)]
    year = knowledge.years[-1]
    assert build_pdf(REPO, knowledge, year, STAMP) == made[annual_output(year)]
