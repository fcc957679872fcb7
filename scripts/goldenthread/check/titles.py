"""Checks on one catalogue record."""

from __future__ import annotations

from pathlib import PurePosixPath

from ..load.repository import YamlFile
from ..load.yamldoc import Document
from ..messages import say
from ..problems import Problem
from .ids import id_problem
from .isbn import isbn_problem
from .markdown_safety import unsafe_in_field
from .placeholders import PLACEHOLDER
from .schema import check_document
from .vocabulary import Vocabularies, unknown_ids


def title_id(path: str) -> str:
    """PurePosixPath(path).stem, without making a path of each of 10,000 records' paths."""
    name = path.rstrip("/").rsplit("/", 1)[-1]
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def _markdown_problems(document: Document, field: str) -> list[Problem]:
    value = document.data.get(field)
    if not isinstance(value, str):
        return []
    return [Problem(document.path, l, c, code, message)
            for l, c, code, message in unsafe_in_field(document, (field,), value)]


def _cover_problem(document: Document, existing: set[str]) -> Problem | None:
    cover = document.data.get("cover")
    if not isinstance(cover, str):
        return None
    line, col = document.where(("cover",))
    parts = PurePosixPath(cover).parts
    if cover.startswith("/") or ".." in parts:
        return Problem(document.path, line, col, "cover-outside-library",
                       f"the cover {cover!r} points outside library/: put the image in "
                       "library/covers/ and write covers/<file>")
    if f"library/{cover}" not in existing:
        return Problem(document.path, line, col, "cover-missing",
                       f"there is no image library/{cover}: add it, or fix the name")
    return None


def check_title(loaded: YamlFile, vocabularies: Vocabularies, images: set[str]) -> list[Problem]:
    """Every problem in one catalogue record that can be seen without the other records."""
    problems = []
    bad_id = id_problem(loaded.path, title_id(loaded.path), ".yaml")
    if bad_id:
        problems.append(bad_id)
    document = loaded.document
    if document is None:
        return problems
    if document.data is None:
        return [*problems, Problem(loaded.path, 1, 1, "empty-file",
                                   "the file is empty: a catalogue record needs at least title, "
                                   "authors, year and topics (see How to contribute on the site)")]
    problems += check_document(document, "title", fields=vocabularies.fields)
    if not isinstance(document.data, dict):
        return problems
    isbn = document.data.get("isbn")
    if isinstance(isbn, str):
        found = isbn_problem(isbn)
        if found:
            line, col = document.where(("isbn",))
            problems.append(Problem(loaded.path, line, col, *found))
    problems += _markdown_problems(document, "summary")
    summary = document.data.get("summary")
    if isinstance(summary, str) and summary.startswith(PLACEHOLDER):
        line, col = document.where(("summary",))
        problems.append(Problem(loaded.path, line, col, "placeholder", say("placeholder.summary")))
    cover = _cover_problem(document, images)
    if cover:
        problems.append(cover)
    problems += unknown_ids(document, document.data, vocabularies)
    return problems
