"""Checks on an entry's references, in the spirit of JOSS's editorial bot."""

from __future__ import annotations

import re

from ..codes import level_of
from ..load.bib import BibEntry, BibSource
from ..messages import say
from ..problems import Problem
from .sentence_case import sentence_case

# Fields each reference type needs; a tuple means any one of them will do.
REQUIRED: dict[str, tuple[str | tuple[str, ...], ...]] = {
    "article": (("author",), "title", "journal", "year"),
    "book": (("author", "editor"), "title", "publisher", "year"),
    "inbook": (("author", "editor"), "title", "publisher", "year"),
    "incollection": ("author", "title", "booktitle", "publisher", "year"),
    "inproceedings": ("author", "title", "booktitle", "year"),
    "report": (("author", "institution", "publisher"), "title", ("publisher", "institution"), "year"),
    "techreport": (("author", "institution", "publisher"), "title", ("publisher", "institution"),
                   "year"),
    "phdthesis": ("author", "title", "school", "year"),
    "mastersthesis": ("author", "title", "school", "year"),
    "online": ("title", "url"),  # and a date: see _web_date
    "misc": ("title", "year"),
}
WEB_ADDRESS = re.compile(r"^https?://[^\s]+$", re.IGNORECASE)
DOI = re.compile(r"^10\.[0-9]{4,9}/\S+$")
DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)


def _missing(entry: BibEntry) -> list[str]:
    missing = []
    for need in REQUIRED.get(entry.type, ()):
        options = need if isinstance(need, tuple) else (need,)
        if not any(entry.fields.get(name, "").strip() for name in options):
            missing.append(" or ".join(options))
    return missing


def _web_date(path: str, entry: BibEntry) -> Problem | None:
    """APA dates a web page (2024, May); an undated one is (n.d.) with the date it was read."""
    if entry.type != "online":
        return None
    fields = entry.fields
    dated = fields.get("date") or (fields.get("year") and fields.get("month"))
    if dated or (not fields.get("year") and fields.get("urldate")):
        return None
    return Problem(path, entry.line, 1, "bib-web-date", say("bib-web-date", key=entry.key))


def _doi_problem(path: str, entry: BibEntry) -> Problem | None:
    doi = entry.fields.get("doi")
    if doi is None:
        return None
    line = entry.field_lines.get("doi", entry.line)
    bare = DOI_PREFIX.sub("", doi.strip())
    if bare != doi.strip():
        return Problem(path, line, 1, "doi-prefix", say("doi-prefix", bare=bare))
    if not DOI.match(bare):
        return Problem(path, line, 1, "doi-format", say("doi-format", doi=doi))
    return None


def _title_case(path: str, entry: BibEntry) -> list[Problem]:
    """A notice for each title (a book's too) written in Title Case, with its sentence case."""
    problems = []
    for name in ("title", "booktitle"):
        value = entry.fields.get(name, "")
        sentence = sentence_case(" ".join(value.split())) if value else None
        if sentence is not None:
            problems.append(Problem(
                path, entry.field_lines.get(name, entry.line), 1, "bib-title-case",
                say("bib-title-case", name=name, sentence=sentence), level_of("bib-title-case")))
    return problems


def check_bib(source: BibSource) -> list[Problem]:
    problems = []
    for entry in source.entries.values():
        if entry.type not in REQUIRED:
            problems.append(Problem(source.path, entry.line, 1, "bib-type", say(
                "bib-type", type=entry.type, types=", ".join("@" + t for t in REQUIRED))))
        for field in _missing(entry):
            problems.append(Problem(source.path, entry.line, 1, "bib-missing-field",
                                    say("bib-missing-field", key=entry.key, type=entry.type,
                                        field=field)))
        web = _web_date(source.path, entry)
        if web:
            problems.append(web)
        doi = _doi_problem(source.path, entry)
        if doi:
            problems.append(doi)
        problems += _title_case(source.path, entry)
        url = entry.fields.get("url", "").strip()
        if url and not WEB_ADDRESS.match(url):
            problems.append(Problem(source.path, entry.field_lines.get("url", entry.line), 1,
                                    "bib-url", say("bib-url", url=url)))
    return problems
