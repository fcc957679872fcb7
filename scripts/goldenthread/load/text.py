"""Reading a source file as text: a regular file inside the repository, a size limit,
UTF-8 (a BOM and Windows line ends are fine), no character that is not text."""

from __future__ import annotations

import bisect
import os
import re
import stat
from pathlib import Path

from ..problems import Problem
from .characters import NOT_TEXT, why_refused

MAX_FILE_BYTES = 1_048_576
MAX_REPORTED = 20  # characters refused in one file: enough to find them all, not a flood


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
    text = text.replace("\r\n", "\n")  # Windows line ends: the lines are the same
    refused = []
    if NOT_TEXT.search(text):
        lines = LineIndex(text)
        for found in NOT_TEXT.finditer(text):
            line, col = lines.at(found.start())
            refused.append(Problem(path, line, col, "control-character", why_refused(found.group(0))))
            if len(refused) == MAX_REPORTED:
                break
        return None, refused
    return text, []


def _refused_kind(mode: int) -> str | None:
    if stat.S_ISLNK(mode):
        return "a symbolic link (a shortcut to a file or folder elsewhere)"
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        return "a device, pipe or socket, not a file"
    return None


def source_problem(root: Path, path: str, checked: str = "") -> Problem | None:
    """A problem when root/path is not a regular file inside the repository: a symbolic
    link (the file or a folder on its way), a device or pipe, or a path that resolves
    outside the root. Checked before the file is opened (a pipe would never return).
    A folder passes: a folder where a file should be cannot be read, which reading says.

    Each part of the path is looked at with one lstat on a plain string (no Path objects:
    validate does this for every one of 10,000 records). `checked` is a folder that holds
    the path and that source_problem has just passed (the records' folder, once for many
    records): only the parts after it are looked at again."""
    if "\\" in path or os.path.isabs(path):  # pathlib knows the other systems' paths
        parts: tuple[str, ...] | list[str] = Path(path).parts
        outside = Path(path).is_absolute()
    else:
        parts = [part for part in path.split("/") if part and part != "."]  # as Path(path).parts
        outside = False
    if outside or ".." in parts:
        return Problem(path, 1, 1, "source-outside", "this path leads outside the repository: "
                       "copy the file into the repository")
    here = os.fspath(root)
    if checked and path.startswith(f"{checked}/") and ".." not in checked.split("/"):
        here = os.path.join(here, checked)
        parts = parts[len([part for part in checked.split("/") if part and part != "."]):]
    for part in parts:
        here = os.path.join(here, part)
        try:
            mode = os.lstat(here).st_mode
        except OSError:
            return None  # missing: the reader says so
        if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
            continue
        kind = _refused_kind(mode)
        if kind is not None:
            shown = Path(here).relative_to(root).as_posix()
            return Problem(path, 1, 1, "source-not-file",
                           f"{shown} is {kind}; the site publishes only ordinary files inside "
                           "the repository: replace it with a copy of the file itself")
    return None


def read_bytes(root: Path, path: str, checked: str = "") -> tuple[bytes | None, list[Problem]]:
    """The bytes of root/path, when it is a regular file inside the repository (`checked`:
    see source_problem)."""
    refused = source_problem(root, path, checked)
    if refused is not None:
        return None, [refused]
    try:
        with open(os.path.join(root, path), "rb") as file:
            return file.read(), []
    except OSError as error:
        return None, [Problem(path, 1, 1, "unreadable", f"cannot read the file: {error.strerror}")]


def read_text(root: Path, path: str, checked: str = "") -> tuple[str | None, list[Problem]]:
    """Read root/path (path relative, POSIX) as UTF-8 text (`checked`: see source_problem)."""
    raw, problems = read_bytes(root, path, checked)
    if raw is None:
        return None, problems
    return decode(raw, path)
