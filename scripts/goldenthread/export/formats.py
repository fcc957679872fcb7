"""The catalogue and each year's references in the formats reference managers import
besides BibTeX: RIS (EndNote, Zotero, Mendeley) and CSL-JSON (Zotero, citeproc, pandoc).

Both are made from one neutral record per work (`Work`): from a catalogue title, or from a
reference in an entry's .bib (its LaTeX decoded to plain text, as the site prints it).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..cite.latex import plain
from ..cite.names import Name, parse_names
from ..load.bib import BibEntry
from ..model import Title
from .bibtex import is_organisation


@dataclass(frozen=True)
class Work:
    key: str
    kind: str  # a CSL type: book, report, article-journal, chapter, thesis, webpage, ...
    title: str
    authors: tuple[Name, ...] = ()
    editors: tuple[Name, ...] = ()
    year: str = ""
    container: str = ""  # the journal, or the book a chapter is in
    publisher: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    edition: str = ""
    isbn: str = ""
    doi: str = ""
    url: str = ""
    accessed: str = ""  # YYYY-MM-DD
    abstract: str = ""
    keywords: tuple[str, ...] = field(default_factory=tuple)


CSL_TYPES = {"article": "article-journal", "book": "book", "inbook": "chapter", "incollection": "chapter",
             "inproceedings": "paper-conference", "report": "report", "techreport": "report",
             "phdthesis": "thesis", "mastersthesis": "thesis", "online": "webpage", "misc": "document"}
RIS_TYPES = {"book": "BOOK", "report": "RPRT", "article-journal": "JOUR", "chapter": "CHAP",
             "paper-conference": "CPAPER", "thesis": "THES", "webpage": "ELEC", "document": "GEN"}


def _name(text: str) -> Name:
    return Name(literal=text) if is_organisation(text) else parse_names(text)[0] if text.strip() else Name()


def title_work(title: Title) -> Work:
    """A catalogue title as a work."""
    return Work(title.id, "report" if title.type == "report" else "book", title.full_title,
                tuple(_name(a) for a in title.authors), year=str(title.year), publisher=title.publisher,
                edition=title.edition, isbn=title.isbn, url=title.url,
                abstract=" ".join(title.summary.split()), keywords=title.topics)


def reference_work(reference: BibEntry, key: str | None = None) -> Work:
    """A reference from an entry's .bib as a work."""
    fields = {name: plain(value) for name, value in reference.fields.items()}

    def first(*names: str) -> str:
        return next((fields[name] for name in names if fields.get(name)), "")

    return Work(
        key or reference.key, CSL_TYPES.get(reference.type, "document"), first("title"),
        tuple(parse_names(reference.fields.get("author", ""))),
        tuple(parse_names(reference.fields.get("editor", ""))),
        first("year") or first("date")[:4], first("journal", "booktitle"),
        first("publisher", "institution", "school", "organization"), first("volume"), first("number"),
        first("pages").replace("--", "\u2013"), first("edition"), first("isbn"), first("doi"), first("url"),
        first("urldate"), first("abstract"))


# ---- CSL-JSON ---------------------------------------------------------------------------

def _csl_name(name: Name) -> dict[str, str]:
    if name.literal:
        return {"literal": name.literal}
    found = {"family": name.family, "given": name.given, "suffix": name.suffix}
    return {key: value for key, value in found.items() if value}


def _csl_date(text: str) -> dict[str, list[list[int]]] | None:
    parts = [int(part) for part in re.findall(r"\d+", text)[:3]]
    return {"date-parts": [parts]} if parts else None


def csl_item(work: Work) -> dict[str, object]:
    item: dict[str, object] = {"id": work.key, "type": work.kind, "title": work.title}
    if work.authors:
        item["author"] = [_csl_name(n) for n in work.authors]
    if work.editors:
        item["editor"] = [_csl_name(n) for n in work.editors]
    for key, date in (("issued", _csl_date(work.year)), ("accessed", _csl_date(work.accessed))):
        if date:
            item[key] = date
    for key, value in (("container-title", work.container), ("publisher", work.publisher),
                       ("volume", work.volume), ("issue", work.issue), ("page", work.pages),
                       ("edition", work.edition), ("ISBN", work.isbn), ("DOI", work.doi), ("URL", work.url),
                       ("abstract", work.abstract), ("keyword", ", ".join(work.keywords))):
        if value:
            item[key] = value
    return item


def csl_json(works: Iterable[Work]) -> str:
    """CSL-JSON: an array of items, one a line, keys sorted (the same sources, the same bytes)."""
    items = [json.dumps(csl_item(work), ensure_ascii=False, sort_keys=True) for work in works]
    return "[\n" + ",\n".join(items) + "\n]\n"


# ---- RIS --------------------------------------------------------------------------------

def _ris_name(name: Name) -> str:
    return name.literal or ", ".join(part for part in (name.family, name.given, name.suffix) if part)


def ris_record(work: Work) -> str:
    lines = [("TY", RIS_TYPES.get(work.kind, "GEN")), ("ID", work.key), ("TI", work.title)]
    lines += [("AU", _ris_name(n)) for n in work.authors] + [("ED", _ris_name(n)) for n in work.editors]
    first, _, last = work.pages.partition("\u2013")
    for tag, value in (("PY", work.year), ("T2", work.container), ("PB", work.publisher), ("VL", work.volume),
                       ("IS", work.issue), ("SP", first), ("EP", last), ("ET", work.edition),
                       ("SN", work.isbn), ("DO", work.doi), ("UR", work.url), ("Y2", work.accessed),
                       ("AB", work.abstract)):
        if value:
            lines.append((tag, value))
    lines += [("KW", keyword) for keyword in work.keywords]
    body = "".join(f"{tag}  - {' '.join(value.split())}\r\n" for tag, value in lines)
    return body + "ER  - \r\n"


def ris(works: Iterable[Work]) -> str:
    """RIS: one record after another, each ended by ER (lines end in CR LF, as RIS has it)."""
    return "\r\n".join(ris_record(work) for work in works)
