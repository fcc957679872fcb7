"""Citations in entry bodies: [@key], [@key, p. 12], [@a; @b]."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..load.text import LineIndex
from .markdown_safety import without_code

KEY = r"[A-Za-z0-9_][A-Za-z0-9_:.#$%&+?<>~/-]*"
# KEY then anything but brackets, written so no two parts can take the same characters:
# KEY's tail and [^\[\]]* overlapping made `[@aaaa...` with no `]` quadratic (7.6 s at 40 KB).
_GROUP = re.compile(r"\[(-?@[A-Za-z0-9_][^\[\]]*+)\]")
_ITEM = re.compile(r"(?:^|;)\s*(-?)@(" + KEY + r")(?:\s*,\s*([^;]*))?")


@dataclass(frozen=True)
class Citation:
    key: str
    locator: str
    suppress_author: bool
    line: int
    col: int


@dataclass(frozen=True)
class CitationGroup:
    """One bracketed citation, as it stands in the text, with its items."""

    start: int
    end: int
    items: tuple[Citation, ...]


def citation_groups(body: str, first_line: int = 1) -> Iterator[CitationGroup]:
    scanned = without_code(body)
    lines = LineIndex(scanned)
    for group in _GROUP.finditer(scanned):
        items = []
        for item in _ITEM.finditer(group.group(1)):
            offset = group.start(1) + item.start(2) - 1
            line, col = lines.at(offset)
            items.append(Citation(item.group(2).rstrip(".,;:"), (item.group(3) or "").strip(),
                                  item.group(1) == "-", line + first_line - 1, col))
        if items:
            yield CitationGroup(group.start(), group.end(), tuple(items))


def citations(body: str, first_line: int = 1) -> list[Citation]:
    return [item for group in citation_groups(body, first_line) for item in group.items]
