"""Crossref: a chapter entry takes what it does not say about its book from the book's entry."""

from __future__ import annotations

from dataclasses import replace

from ..codes import level_of
from ..load.bib import BibEntry
from ..problems import Problem

# What a chapter inherits, under its own name, from the book it cross-references
# (biblatex's rules: the book's title is the chapter's booktitle, and so on).
RENAMED = {"title": "booktitle", "subtitle": "booksubtitle", "author": "bookauthor"}
INHERITED = ("booktitle", "booksubtitle", "bookauthor", "editor", "publisher", "institution",
             "address", "location", "year", "date", "edition", "isbn")


def _inherited(child: BibEntry, parent: BibEntry) -> BibEntry:
    fields = dict(child.fields)
    lines = dict(child.field_lines)
    offered = {name: name for name in parent.fields}
    offered.update({new: old for old, new in RENAMED.items() if old in parent.fields})
    for name in INHERITED:
        source = offered.get(name)
        if name not in fields and source is not None:
            fields[name] = parent.fields[source]
            lines[name] = parent.field_lines.get(source, parent.line)
    return replace(child, fields=fields, field_lines=lines)


def resolve_crossrefs(entries: list[BibEntry], path: str) -> tuple[list[BibEntry], list[Problem]]:
    """Entries with crossref'd fields filled in; a problem for each crossref to no entry."""
    by_key = {entry.key.casefold(): entry for entry in entries}
    resolved: list[BibEntry] = []
    problems: list[Problem] = []
    for entry in entries:
        target = entry.fields.get("crossref", "").strip()
        if not target:
            resolved.append(entry)
            continue
        parent = by_key.get(target.casefold())
        if parent is None or parent is entry:
            line = entry.field_lines.get("crossref", entry.line)
            problems.append(Problem(path, line, 1, "bib-crossref",
                                    f"entry {entry.key!r} cross-references {target!r}, which is "
                                    "not an entry in this file: nothing was inherited",
                                        level_of("bib-crossref", "library import")))
            resolved.append(entry)
        else:
            resolved.append(_inherited(entry, parent))
    return resolved, problems
