"""Reading a .bib export: its entries with macros expanded, and a problem for everything else.

bibtexparser 2 splits the file and keeps every block's line; its middlewares resolve a
macro only when it is a whole value (not `pub # " Press"`), so macros.py does that part.
Nothing in the file is dropped silently: comments, preambles, broken blocks and repeated
keys each become a problem at their line.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

import bibtexparser
from bibtexparser.model import (
    Block,
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    ExplicitComment,
    ImplicitComment,
    ParsingFailedBlock,
    Preamble,
    String,
)

from ..codes import level_of
from ..load.bib import BibEntry
from ..problems import Problem
from .macros import MAX_EXPANDED, ExpansionTooLong, Macros

# bibtexparser logs every broken block; each one is reported as a problem instead.
logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)

_ENTRY_START = re.compile(r"@\s*(\w+)\s*[{(]\s*([^,\s{}()]*)")


@dataclass
class BibFile:
    """The entries of a .bib file in file order, and the problems found reading it."""

    path: str
    entries: list[BibEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _line(block: Block) -> int:
    return (block.start_line or 0) + 1


def _described(raw: str | None) -> str:
    """'@book{key' for a broken block, or its first line."""
    text = (raw or "").strip()
    match = _ENTRY_START.match(text)
    if match:
        return f"@{match.group(1)}{{{match.group(2)}"
    return text.splitlines()[0][:60] if text else ""


def _entry(entry: Entry, macros: Macros, bib: BibFile) -> BibEntry:
    first = _line(entry)
    fields: dict[str, str] = {}
    lines: dict[str, int] = {}
    for item in entry.fields:
        name = item.key.lower()
        lines[name] = (item.start_line if item.start_line is not None else first - 1) + 1
        try:
            fields[name], undefined = macros.expand(str(item.value))
        except ExpansionTooLong:
            bib.problems.append(_too_long(bib.path, lines[name], name))
            fields[name], undefined = "", []
        for macro in undefined:
            bib.problems.append(_undefined(bib.path, lines[name], macro, name))
    return BibEntry(entry.key, entry.entry_type.lower(), fields, first, lines)


def _undefined(path: str, line: int, macro: str, where: str) -> Problem:
    return Problem(path, line, 1, "bib-undefined-macro",
                   f"{where} uses {macro!r}, which no @string defines: read as empty; "
                   "put the value in braces or define the @string before it",
                       level_of("bib-undefined-macro", "library import"))


def _too_long(path: str, line: int, where: str) -> Problem:
    return Problem(path, line, 1, "bib-macro-too-long",
                   f"{where} expands to more than {MAX_EXPANDED:,} characters (@string "
                   "abbreviations repeated inside each other): refused and read as empty; write "
                   "the value out in braces", level_of("bib-macro-too-long", "library import"))


def _fields(names: set[str]) -> str:
    return ("the fields " if len(names) > 1 else "the field ") + ", ".join(sorted(names))


def _failed(block: ParsingFailedBlock, path: str) -> Problem:
    line = _line(block)
    if isinstance(block, DuplicateBlockKeyBlock) and isinstance(block.ignore_error_block, String):
        return Problem(path, line, 1, "bib-duplicate-key",
                       f"@string {block.key!r} was already defined at line "
                       f"{_line(block.previous_block)}: this definition was ignored; rename one",
                           level_of("bib-duplicate-key", "library import"))
    if isinstance(block, DuplicateBlockKeyBlock):
        return Problem(path, line, 1, "bib-duplicate-key",
                       f"the key {block.key!r} was already used at line "
                       f"{_line(block.previous_block)}: this entry was skipped; give it a key "
                       "of its own and import again", level_of("bib-duplicate-key", "library import"))
    if isinstance(block, DuplicateFieldKeyBlock):
        return Problem(path, line, 1, "bib-duplicate-field",
                       f"{_described(block.raw)!r} has {_fields(block.duplicate_keys)} twice: "
                       "skipped, because it "
                       "is not clear which value is right; keep one and import again",
                           level_of("bib-duplicate-field", "library import"))
    return Problem(path, line, 1, "bib-syntax",
                   f"{_described(block.raw)!r} cannot be read: skipped; check its braces, "
                   "quotes and the commas between fields", level_of("bib-syntax", "library import"))


def _ignored(block: Block, path: str) -> Problem:
    if isinstance(block, Preamble):
        return Problem(path, _line(block), 1, "bib-preamble",
                       "an @preamble holds LaTeX for typesetting, not a reference: ignored",
                           level_of("bib-preamble", "library import"))
    return Problem(path, _line(block), 1, "bib-comment",
                   f"{_described(block.raw)!r} is a comment or text between entries, "
                   "not a reference: ignored", level_of("bib-comment", "library import"))


def read_bib(text: str, path: str) -> BibFile:
    """Every entry of a .bib text, and a problem for each block that is not one."""
    library = bibtexparser.parse_string(text, parse_stack=[])  # type: ignore[attr-defined]
    bib = BibFile(path)
    macros = Macros()
    broken_until = 0
    for block in library.blocks:
        if isinstance(block, String):
            try:
                undefined = macros.define(block.key, str(block.value))
            except ExpansionTooLong:
                bib.problems.append(_too_long(path, _line(block), f"@string {block.key}"))
                continue
            for macro in undefined:
                bib.problems.append(_undefined(path, _line(block), macro, f"@string {block.key}"))
        elif isinstance(block, Entry):
            bib.entries.append(_entry(block, macros, bib))
        elif isinstance(block, ParsingFailedBlock):
            bib.problems.append(_failed(block, path))
            broken_until = _line(block) + (block.raw or "").count("\n")
        elif isinstance(block, ImplicitComment) and _line(block) == broken_until:
            continue  # the rest of the broken block's line, already reported with it
        elif isinstance(block, ExplicitComment | ImplicitComment | Preamble):
            bib.problems.append(_ignored(block, path))
    return bib
