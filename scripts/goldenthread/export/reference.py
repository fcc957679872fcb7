"""One model of a reference, from a catalogue record or a .bib entry, that every export
format writes (export/ris.py, export/csl.py): what a reference manager needs of a work."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..cite.latex import plain
from ..cite.names import Name, parse_names
from ..load.bib import BibEntry
from ..model import Entry, Named, Title
from .bibtex import bib_name

# Kinds: book, report, chapter, article, webpage, thesis, paper (in proceedings), other.
_BIB_KINDS = {
    "book": "book", "techreport": "report", "report": "report", "incollection": "chapter",
    "inbook": "chapter", "article": "article", "online": "webpage", "phdthesis": "thesis",
    "mastersthesis": "thesis", "inproceedings": "paper",
}


@dataclass(frozen=True)
class Reference:
    key: str
    kind: str
    title: str
    authors: tuple[Name, ...] = ()
    editors: tuple[Name, ...] = ()
    year: str = ""
    container: str = ""  # the journal, the book a chapter is in, or the proceedings
    publisher: str = ""  # or the institution, for a report; the university, for a thesis
    place: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    edition: str = ""
    isbn: str = ""
    doi: str = ""
    url: str = ""
    accessed: str = ""  # YYYY-MM-DD, for a web page
    abstract: str = ""
    keywords: tuple[str, ...] = ()

    @property
    def first_page(self) -> str:
        return re.split(r"\s*[-\u2013]+\s*", self.pages, maxsplit=1)[0]

    @property
    def last_page(self) -> str:
        parts = re.split(r"\s*[-\u2013]+\s*", self.pages, maxsplit=1)
        return parts[1] if len(parts) > 1 else ""


def from_title(title: Title, topics: dict[str, Named] | None = None) -> Reference:
    """A catalogue record: a book, or a report (its topics as keywords, by name when given)."""
    return Reference(
        key=title.id, kind="report" if title.type == "report" else "book", title=title.full_title,
        authors=tuple(name for author in title.authors for name in parse_names(bib_name(author))),
        year=str(title.year), publisher=title.publisher, edition=title.edition, isbn=title.isbn,
        url=title.url, abstract=" ".join(title.summary.split()),
        keywords=tuple(topics[t].name if topics and t in topics else t for t in title.topics))


def from_entry(entry: Entry, trust: str, url: str = "") -> Reference:
    """An action-research entry, as the Trust publishes it: a report, numbered by its id."""
    return Reference(
        key=entry.id, kind="report", title=" ".join(entry.title.split()),
        authors=tuple(name for author in entry.authors for name in parse_names(bib_name(author.name))),
        year=str(entry.year), publisher=trust, url=url, abstract=" ".join(entry.abstract.split()))


def from_bib(entry: BibEntry) -> Reference:
    """An entry of a .bib file, its values as a reader should see them."""
    def field(name: str) -> str:
        return plain(entry.fields.get(name, ""))

    web = entry.type == "misc" and bool(entry.fields.get("url"))
    kind = _BIB_KINDS.get(entry.type, "webpage" if web else "other")
    year = field("year") or field("date")[:4]
    title = field("title") + (f": {field('subtitle')}" if field("subtitle") else "")
    return Reference(
        key=entry.key, kind=kind, title=title, authors=tuple(parse_names(entry.fields.get("author", ""))),
        editors=tuple(parse_names(entry.fields.get("editor", ""))), year=year,
        container=field("journal") or field("booktitle") or field("journaltitle"),
        publisher=field("publisher") or field("institution") or field("school") or field("organization"),
        place=field("address") or field("location"), volume=field("volume"), issue=field("number"),
        pages=field("pages"), edition=field("edition"), isbn=field("isbn"), doi=field("doi"),
        url=entry.fields.get("url", "").strip(), accessed=field("urldate"), abstract=field("abstract"))
