"""Checks on one action-research entry and its references."""

from __future__ import annotations

from ..load.repository import FIRST_YEAR, EntryFile, last_year
from ..load.yamldoc import Document
from ..messages import say
from ..problems import Problem
from .bib import check_bib
from .citations import citations
from .ids import id_problem
from .images import image_problem, images
from .markdown_safety import unsafe_content, unsafe_in_field
from .outcomes import check_outcomes
from .placeholders import PLACEHOLDER, placeholders
from .schema import check_document
from .vocabulary import Vocabularies, unknown_ids

MARKDOWN_FIELDS = ("title", "research_question", "abstract")


def _year_problem(entry: EntryFile, document: Document) -> Problem | None:
    year = document.data.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        return None
    line, col = document.where(("year",))
    if year > last_year():
        return Problem(entry.path, line, col, "out-of-range",
                       say("out-of-range", label="year", value=year, low=FIRST_YEAR, high=last_year()))
    if str(year) == entry.folder:
        return None
    return Problem(entry.path, line, col, "year-mismatch",
                   f"year is {year} but the entry is in research/{entry.folder}/: "
                   f"change year to {entry.folder}, or move the file to research/{year}/")


def _unsafe(entry: EntryFile, document: Document, body: str, body_line: int) -> list[Problem]:
    found = unsafe_content(body, body_line)
    for name in MARKDOWN_FIELDS:
        value = document.data.get(name)
        if isinstance(value, str):
            found += unsafe_in_field(document, (name,), value)
    return [Problem(entry.path, line, col, code, message) for line, col, code, message in found]


def _citation_problems(entry: EntryFile, body: str, body_line: int) -> list[Problem]:
    known = entry.bib.entries if entry.bib else {}
    problems = []
    for cited in citations(body, body_line):
        if cited.key in known:
            continue
        where = (say("unknown-citation.bib", id=entry.id) if entry.bib
                 else say("unknown-citation.no-bib", id=entry.id))
        problems.append(Problem(entry.path, cited.line, cited.col, "unknown-citation",
                                say("unknown-citation", key=cited.key, where=where)))
    return problems


def _placeholder_problems(entry: EntryFile, document: Document, body: str, body_line: int) -> list[Problem]:
    lines = list(placeholders(body, body_line))
    for name in MARKDOWN_FIELDS:
        value = document.data.get(name)
        if isinstance(value, str) and value.startswith(PLACEHOLDER):
            lines.append(document.where((name,))[0])
    return [Problem(entry.path, line, 1, "placeholder", say("placeholder")) for line in lines]


def _image_problems(entry: EntryFile, body: str, body_line: int, existing: set[str]) -> list[Problem]:
    found = []
    for image in images(body, body_line):
        problem = image_problem(image, existing)
        if problem:
            found.append(Problem(entry.path, image.line, image.col, *problem))
    return found


def check_entry(entry: EntryFile, vocabularies: Vocabularies,
                existing_images: set[str] = frozenset()) -> list[Problem]:  # type: ignore[assignment]
    """Every problem in one entry (front matter, body, citations, .bib)."""
    problems = []
    bad_id = id_problem(entry.path, entry.id, ".md")
    if bad_id:
        problems.append(bad_id)
    if entry.bib is not None:
        problems += check_bib(entry.bib)
    markdown = entry.markdown
    if markdown is None:
        return problems
    document = markdown.front
    if document.data is None:
        document.data = {}
    problems += check_document(document, "entry", fields=vocabularies.fields)
    if not isinstance(document.data, dict):
        return problems
    year = _year_problem(entry, document)
    if year:
        problems.append(year)
    problems += _unsafe(entry, document, markdown.body, markdown.body_line)
    problems += _citation_problems(entry, markdown.body, markdown.body_line)
    problems += _placeholder_problems(entry, document, markdown.body, markdown.body_line)
    problems += _image_problems(entry, markdown.body, markdown.body_line, set(existing_images))
    problems += unknown_ids(document, document.data, vocabularies)
    problems += check_outcomes(entry.path, document)
    return problems
