"""Reading a source file as text: size limit, UTF-8 (a BOM is fine), no NUL bytes."""

from __future__ import annotations

import bisect
import re
from pathlib import Path

from ..problems import Problem

MAX_FILE_BYTES = 1_048_576


def line_col_at(data: bytes | str, offset: int) -> tuple[int, int]:
    """1-based line and column of a byte or character offset."""
    newline: bytes | str = b"\n" if isinstance(data, bytes) else "\n"
    line = data.count(newline, 0, offset) + 1  # type: ignore[arg-type]
    start = data.rfind(newline, 0, offset) + 1  # type: ignore[arg-type]
    return line, offset - start + 1


class LineIndex:
    """Line and column of many offsets in one text, each found in O(log n): counting the
    newlines before each of many findings (line_col_at) is quadratic on a hostile file.
    Lines end at \\n only, as editors, git and GitHub count them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None  # where each line starts, found when first needed

    @property
    def starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [0, *(match.end() for match in re.finditer("\n", self.text))]
        return self._starts

    def at(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        starts = self.starts
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    def line(self, number: int) -> str | None:
        """The text of 1-based line `number` without its newline, or None past the end."""
        starts = self.starts
        if not 1 <= number <= len(starts):
            return None
        end = starts[number] - 1 if number < len(starts) else len(self.text)
        return self.text[starts[number - 1]:end]


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode a file's bytes, or say which line holds the first byte that is not UTF-8."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            Problem(path, 1, 1, "file-too-large",
                    f"the file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}: "
                    "split it or shorten the longest fields")
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, col = line_col_at(raw, error.start)
        return None, [
            Problem(path, line, col, "not-utf8",
                    f"byte 0x{raw[error.start]:02x} is not UTF-8: save the file as UTF-8 "
                    "(in most editors: Save As, Encoding, UTF-8)")
        ]
    nul = text.find("\0")
    if nul >= 0:
        line, col = line_col_at(text, nul)
        return None, [Problem(path, line, col, "control-character",
                              "the file contains a NUL character: remove it")]
    return text, []


def read_text(root: Path, path: str) -> tuple[str | None, list[Problem]]:
    """Read root/path (path relative, POSIX) as UTF-8 text."""
    try:
        raw = (root / path).read_bytes()
    except OSError as error:
        return None, [Problem(path, 1, 1, "unreadable", f"cannot read the file: {error.strerror}")]
    return decode(raw, path)
