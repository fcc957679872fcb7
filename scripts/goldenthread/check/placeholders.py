"""Placeholders left by `goldenthread new` (lines starting "TODO:") must be replaced."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..load.text import LineIndex

PLACEHOLDER = "TODO:"  # what `goldenthread new` and the forms start a line to fill in with

_LINE = re.compile(r"^[ \t>*-]*" + re.escape(PLACEHOLDER), re.MULTILINE)


def placeholders(text: str, first_line: int = 1) -> Iterator[int]:
    """The line of each placeholder in text."""
    lines = LineIndex(text)
    for match in _LINE.finditer(text):
        yield first_line + lines.at(match.start())[0] - 1
