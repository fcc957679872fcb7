"""All checks over all sources: each record alone, then the records against each other."""

from __future__ import annotations

import os
from pathlib import Path

from ..load.repository import Sources
from ..messages import say
from ..problems import Problem
from .entries import check_entry
from .glossary import check_glossary
from .isbn import normalise
from .markdown_safety import unsafe_content
from .pathways import check_pathways
from .vocabulary import Vocabularies

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".svg"}


def _suffix(name: str) -> str:
    """PurePath(name).suffix, without making a path of each name."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def library_images(root: Path) -> set[str]:
    """Every image under library/, as repository-relative paths (covers must be one): what
    library.rglob("*") finds (links to folders not followed), walked with plain strings,
    since library/ holds every catalogue record."""
    images: set[str] = set()
    pending = ["library"] if (root / "library").is_dir() else []
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(os.path.join(root, folder)) as found:
                entries = list(found)
        except OSError:
            continue
        for entry in entries:
            path = f"{folder}/{entry.name}"
            if entry.is_dir() and not entry.is_symlink():
                pending.append(path)
            if _suffix(entry.name).lower() in IMAGE_SUFFIXES:
                images.add(path)
    return images


def _duplicate_isbns(sources: Sources) -> list[Problem]:
    """Reported on every file that shares the ISBN, so each author sees it on their own file."""
    holders: dict[str, list[tuple[str, int, int]]] = {}
    for title in sources.titles:
        document = title.document
        if document is None or not isinstance(document.data, dict):
            continue
        isbn = document.data.get("isbn")
        if isinstance(isbn, str):
            holders.setdefault(normalise(isbn), []).append((title.path, *document.where(("isbn",))))
    problems = []
    for isbn, places in holders.items():
        for path, line, col in places if len(places) > 1 else ():
            others = ", ".join(other for other, _, _ in places if other != path)
            problems.append(Problem(path, line, col, "duplicate-isbn",
                                    say("duplicate-isbn", isbn=isbn, others=others)))
    return problems


def _duplicate_entry_ids(sources: Sources) -> list[Problem]:
    seen: dict[str, str] = {}
    problems = []
    for entry in sources.entries:
        if entry.id in seen:
            problems.append(Problem(entry.path, 1, 1, "duplicate-id",
                                    say("duplicate-id", id=entry.id, path=seen[entry.id])))
        else:
            seen[entry.id] = entry.path
    return problems


def source_paths(sources: Sources) -> list[str]:
    """Every file the site is made from that validate found, as repository-relative paths."""
    paths = list(sources.title_paths)
    for entry in sources.entries:
        paths.append(entry.path)
        if entry.bib is not None:
            paths.append(entry.bib.path)
    paths += [f"research/{folder}/{name}" for folder, names in sources.images.items() for name in names]
    return paths


def case_clashes(paths: list[str]) -> list[Problem]:
    """Files whose paths differ only in capitals: one file on Windows and Mac disks (and
    in the built site, when it is copied to one), two files here."""
    first: dict[str, str] = {}
    problems = []
    for path in sorted(paths):
        folded = path.casefold()
        if folded in first:
            problems.append(Problem(path, 1, 1, "case-clash",
                                    say("case-clash", path=path, other=first[folded])))
        else:
            first[folded] = path
    return problems


def check_pages(sources: Sources) -> list[Problem]:
    """The hand-written pages under docs/ and each year's foreword are published as they
    are: the same rule for active content."""
    forewords = {f"research/{year}/_foreword.md": text for year, text in sources.forewords.items()}
    texts = {**sources.pages, **forewords}
    return [Problem(path, line, col, code, message) for path, text in texts.items()
            for line, col, code, message in unsafe_content(text)]


def check_across(sources: Sources, vocabularies: Vocabularies) -> list[Problem]:
    """Entries, and what only shows when records are compared with each other.

    Each catalogue record is checked alone by check_title (in a worker, see validation.py).
    """
    return check_all_but_records(sources, vocabularies) + _duplicate_isbns(sources)


def check_all_but_records(sources: Sources, vocabularies: Vocabularies) -> list[Problem]:
    """check_across but for what needs the catalogue records loaded (their ISBNs):
    validate does this while the records are loaded and checked in worker processes."""
    problems = check_pathways(sources.pathways, vocabularies)
    problems += check_glossary(sources.glossary, vocabularies)
    for entry in sources.entries:
        problems += check_entry(entry, vocabularies, sources.images.get(entry.folder, set()))
    problems += _duplicate_entry_ids(sources)
    problems += case_clashes(source_paths(sources))
    problems += check_pages(sources)
    return problems


def check_records_across(sources: Sources) -> list[Problem]:
    """What only shows when the catalogue records (sources.titles) are compared."""
    return _duplicate_isbns(sources)
