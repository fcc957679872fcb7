"""Writing generated pages: only what changed, and nothing stale left behind.

Unchanged files keep their modification time, so `mkdocs serve` does not rebuild in a
loop; files from records that were removed are deleted.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_UMASK = os.umask(0)
os.umask(_UMASK)


def write_atomically(path: Path, content: bytes) -> None:
    """Write through a temporary file and rename: no reader ever sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.chmod(temporary, 0o666 & ~_UMASK)  # mkstemp makes 0600; give a normal file's mode
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def copy_files(source: Path, docs: Path, relatives: set[str]) -> int:
    """Copy files (such as entry images) from the sources into docs/, only when changed."""
    copied = 0
    for relative in sorted(relatives):
        content = (source / relative).read_bytes()
        target = docs / relative
        if not (target.is_file() and target.read_bytes() == content):
            write_atomically(target, content)
            copied += 1
    return copied


def write_changed(path: Path, text: str) -> bool:
    """Write text to path unless it already holds exactly that; True if written."""
    content = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == content:
        return False
    write_atomically(path, content)
    return True


def write_pages(docs: Path, pages: dict[str, str], owned: tuple[str, ...],
                keep: frozenset[str] = frozenset()) -> int:
    """Write pages under docs; remove other files in the owned folders except those in keep
    (docs-relative paths written by a later step, such as the PDFs). Returns files written."""
    written = sum(write_changed(docs / relative, text) for relative, text in pages.items())
    wanted = {docs / relative for relative in [*pages, *keep]}
    for folder in owned:
        base = docs / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*"), reverse=True):
            if path.is_file() and path not in wanted:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return written
