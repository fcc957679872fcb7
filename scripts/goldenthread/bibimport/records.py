"""BibTeX entries -> new catalogue records: one per book or report, nothing invented."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from ..cite.latex import plain
from ..codes import level_of
from ..load.bib import BibEntry
from ..problems import Problem
from . import fields
from .names import catalogue_names
from .topics import TopicIndex

BOOKS = ("book", "mvbook", "collection")
REPORTS = ("techreport", "report")
CHAPTERS = ("incollection", "inbook", "inproceedings")
Value = TypeVar("Value", str, tuple[str, ...])


@dataclass(frozen=True)
class Record:
    """A catalogue record read from one BibTeX entry, before it has an id."""

    key: str
    line: int
    title: str
    authors: tuple[str, ...]
    year: int
    type: str = "book"
    subtitle: str = ""
    edition: str = ""
    publisher: str = ""
    isbn: str = ""
    url: str = ""
    topics: tuple[str, ...] = ()
    summary: str = ""
    chapter: bool = False  # the book a chapter or paper is in, not the entry itself


class Skip(Exception):
    """The entry gives no record; the message says why."""


@dataclass
class _Reading:
    """One entry being read, and what was noticed on the way."""

    entry: BibEntry
    path: str
    problems: list[Problem] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"@{self.entry.type}{{{self.entry.key}}}"

    def text(self, *names: str) -> str:
        """The first of the fields that has a value, as plain text."""
        return next((plain(self.entry.fields[n]) for n in names if self.entry.fields.get(n, "").strip()), "")

    def note(self, name: str, code: str, message: str) -> None:
        """A problem at the field's line (the entry's first line for a name it lacks), at the
        level the registry gives it for `library import`."""
        line = self.entry.field_lines.get(name, self.entry.line)
        self.problems.append(Problem(self.path, line, 1, code, message, level_of(code, "library import")))

    def required(self, value: Value, what: str) -> Value:
        if not value:
            raise Skip(f"{self.name} has no {what}: skipped; add it and import again")
        return value

    def authors(self, *names: str) -> tuple[str, ...]:
        source = next((n for n in names if self.entry.fields.get(n, "").strip()), "")
        return tuple(catalogue_names(self.entry.fields.get(source, "")))

    def year(self) -> int:
        raw = self.text("year", "date")
        found = fields.year(self.required(raw, "year"))
        if found is None:
            raise Skip(f"{self.name} has the year {raw!r}, which is not a year of publication "
                       f"between {fields.FIRST_YEAR} and {fields.LAST_YEAR}: skipped; correct it "
                       "and import again")
        return found

    def isbn(self) -> str:
        found, failures = fields.isbn(self.text("isbn"))
        for code, message in failures:
            self.note("isbn", code, f"{message} (imported without the ISBN)")
        return found

    def url(self) -> str:
        raw = self.entry.fields.get("url", "").strip()
        found = fields.url(raw)
        if raw and not found:
            self.note("url", "import-url", f"the url {raw!r} is not an http or https address: "
                                           "imported without it")
        return found

    def topics(self, index: TopicIndex) -> tuple[str, ...]:
        words = fields.keywords(self.text("keywords")) + fields.keywords(self.text("mendeley-tags"))
        found, others = index.topics(words)
        if others:
            self.note("keywords" if "keywords" in self.entry.fields else "mendeley-tags",
                      "import-keywords", "keywords that are not topics in library/topics.yaml "
                      f"were left out: {', '.join(others)}")
        return tuple(found)


def _work(reading: _Reading, kind: str, index: TopicIndex) -> Record:
    """A book or report described by the entry itself."""
    entry = reading.entry
    publisher = ("institution", "publisher") if kind == "report" else ("publisher",)
    return Record(
        key=entry.key, line=entry.line, type=kind,
        title=reading.required(reading.text("title"), "title"),
        authors=reading.required(reading.authors("author", "editor"), "author or editor"),
        year=reading.year(), subtitle=reading.text("subtitle"),
        edition=fields.edition(reading.text("edition")), publisher=reading.text(*publisher),
        isbn=reading.isbn(), url=reading.url(), topics=reading.topics(index),
        summary=reading.text("abstract"))


def _container(reading: _Reading) -> Record:
    """The book a chapter is in, when the entry (with its crossref) identifies it."""
    missing = [what for what, names in (("booktitle", ("booktitle",)), ("publisher", ("publisher",)),
                                        ("year", ("year", "date")), ("editor", ("bookauthor", "editor")))
               if not reading.text(*names)]
    if missing:
        raise Skip(f"{reading.name} is part of a book that the file does not identify (it has no "
                   f"{' or '.join(missing)}, nor a crossref to an entry that has): skipped")
    entry = reading.entry
    record = Record(key=entry.key, line=entry.line, title=reading.text("booktitle"), chapter=True,
                    authors=reading.required(reading.authors("bookauthor", "editor"), "editor"),
                    year=reading.year(), subtitle=reading.text("booksubtitle"),
                    edition=fields.edition(reading.text("edition")),
                    publisher=reading.text("publisher"), isbn=reading.isbn())
    reading.note("", "import-chapter", f"{reading.name} is a chapter or paper: the record is for "
                 f"the book it is in, {record.title!r}")
    return record


def entry_record(entry: BibEntry, index: TopicIndex, path: str) -> tuple[Record | None, list[Problem]]:
    """The record an entry gives, or None and the problem that says why not."""
    reading = _Reading(entry, path)
    try:
        if entry.type in BOOKS:
            return _work(reading, "book", index), reading.problems
        if entry.type in REPORTS:
            return _work(reading, "report", index), reading.problems
        if entry.type in CHAPTERS:
            return _container(reading), reading.problems
        raise Skip(f"{reading.name} is not a book or report: skipped")
    except Skip as skip:
        return None, [*reading.problems, Problem(path, entry.line, 1, "import-skipped", str(skip),
                                                 level_of("import-skipped", "library import"))]
