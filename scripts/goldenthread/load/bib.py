"""Reading a .bib file with bibtexparser 2, keeping each entry's and field's line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..messages import say
from ..problems import Problem

if TYPE_CHECKING:
    from bibtexparser.model import Entry


@dataclass
class BibEntry:
    """One reference: its type, key, fields (names lowercased) and 1-based lines."""

    key: str
    type: str
    fields: dict[str, str]
    line: int
    field_lines: dict[str, int] = field(default_factory=dict)


@dataclass
class BibSource:
    path: str
    entries: dict[str, BibEntry] = field(default_factory=dict)


def _first_line(raw: str) -> str:
    return raw.strip().splitlines()[0][:60] if raw.strip() else ""


def bib_entry(entry: Entry) -> BibEntry:
    first = entry.start_line or 0
    fields = {f.key.lower(): str(f.value) for f in entry.fields}
    lines = {f.key.lower(): (f.start_line or first) + 1 for f in entry.fields}
    return BibEntry(entry.key, entry.entry_type.lower(), fields, first + 1, lines)


def load_bib(text: str, path: str) -> tuple[BibSource, list[Problem]]:
    """Parse BibTeX; every block bibtexparser could not use becomes a problem at its line."""
    # Imported here, when a .bib is read: bibtexparser and its LaTeX decoder are a tenth of
    # validate's start-up, and a repository without references never needs them.
    import logging

    import bibtexparser
    from bibtexparser.model import DuplicateBlockKeyBlock, ParsingFailedBlock

    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)
    library = bibtexparser.parse_string(text)  # type: ignore[attr-defined]
    source = BibSource(path)
    problems: list[Problem] = []
    for block in library.failed_blocks:
        line = (block.start_line or 0) + 1
        if isinstance(block, DuplicateBlockKeyBlock):
            problems.append(Problem(path, line, 1, "bib-duplicate-key",
                                    say("bib-duplicate-key", key=block.key)))
        elif isinstance(block, ParsingFailedBlock):
            problems.append(Problem(path, line, 1, "bib-syntax",
                                    f"this reference cannot be read ({_first_line(block.raw or '')!r}): "
                                    "check its braces, quotes and the commas between fields"))
    for entry in library.entries:
        source.entries[entry.key] = bib_entry(entry)
    return source, problems
