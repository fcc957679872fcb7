"""Writes go through a temporary file and a rename: never half a file, never a stray temp."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from goldenthread.writer import write_atomically, write_pages


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "record.yaml"
    target.write_text("the contributor's words\n")

    def fail(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_atomically(target, b"new text")
    assert target.read_text() == "the contributor's words\n"
    assert [p.name for p in tmp_path.iterdir()] == ["record.yaml"]


def test_written_files_have_an_ordinary_mode(tmp_path: Path) -> None:
    target = tmp_path / "page.md"
    write_atomically(target, b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_unchanged_pages_are_not_rewritten_and_stale_ones_go(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    assert write_pages(docs, {"library/a.md": "A", "library/b.md": "B"}, ("library",)) == 2
    stamp = (docs / "library/a.md").stat().st_mtime_ns
    (docs / "library/sub").mkdir()
    (docs / "library/sub/old.md").write_text("old")
    assert write_pages(docs, {"library/a.md": "A"}, ("library",)) == 0
    assert (docs / "library/a.md").stat().st_mtime_ns == stamp
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*")) == ["library", "library/a.md"]
