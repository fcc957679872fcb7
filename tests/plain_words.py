"""What a teacher never reads in a message: a field's key from the files (research_question),
an id (ashdown-primary), a file name or a folder (pre-teaching-vocabulary-in-year-5.bib,
library/academies.yaml), TODO in quotes (`TODO`, 'TODO: ...', (TODO: ...)) or a command
(goldenthread new, --id). One oracle for the registry's tests and the browser's."""

from __future__ import annotations

import re
from collections.abc import Iterable

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("a field key", re.compile(r"\b[a-z]+_[a-z_]+\b")),
    ("a file name", re.compile(r"\b[\w-]+\.(?:ya?ml|bib|md|json|cff|toml|py|js)\b", re.I)),
    ("a folder", re.compile(r"\b(?:library|research|docs|contributing)/")),
    ("TODO in quotes", re.compile(r"[`'\"‘“(]\s*TODO")),
    ("a command", re.compile(r"goldenthread|\bmkdocs\b|--[a-z]|\bgit\b|`")),
    ("a programmer's word", re.compile(r"\b(?:null|None|True|False|str|int|repr)\b")),
)


def unplain(message: str, ids: Iterable[str] = ()) -> list[str]:
    """What in `message` a teacher should not read (empty when it is plain)."""
    found = [what for what, pattern in _RULES if pattern.search(message)]
    found += [f"the id {ident}" for ident in ids
              if re.search(rf"(?<![\w-]){re.escape(ident)}(?![\w-])", message)]
    return found
