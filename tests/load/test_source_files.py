"""Every source is a regular file inside the repository: a symbolic link (to a file or a
folder, inside or outside), a pipe or a device is refused at its path, and never read."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from goldenthread.load.text import read_text, source_problem
from goldenthread.validation import validate

from ..conftest import VALID_BIB, VALID_ENTRY, VALID_TITLE, build_repo
from ..publication.test_pdf import png_pixel

ENTRY = "research/2025/valid-entry.md"
BIB = "research/2025/valid-entry.bib"
TITLE = "library/titles/make-it-stick.yaml"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><text>a</text></svg>'


def _outside(tmp_path: Path, name: str, content: str | bytes) -> Path:
    target = tmp_path / "outside" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content.encode() if isinstance(content, str) else content)
    return target


def _link(root: Path, path: str, target: Path) -> None:
    link = root / path
    link.parent.mkdir(parents=True, exist_ok=True)
    if link.exists() or link.is_symlink():
        link.unlink()
    link.symlink_to(target)


def _entry_with_image(root: Path) -> None:
    (root / ENTRY).write_text(VALID_ENTRY + "\n![A chart](images/chart.png)\n", "utf-8")


# (what, how to make it, the path each problem must name)
def _cases(tmp_path: Path) -> list[tuple[str, object, str]]:
    out = tmp_path
    return [
        ("entry linked outside", lambda r: _link(r, ENTRY, _outside(out, "e.md", VALID_ENTRY)), ENTRY),
        ("entry linked inside", lambda r: (shutil.copy(r / ENTRY, r / "copy.md"),
                                           _link(r, ENTRY, r / "copy.md")), ENTRY),
        ("bib linked outside", lambda r: _link(r, BIB, _outside(out, "e.bib", VALID_BIB)), BIB),
        ("title record linked", lambda r: _link(r, TITLE, _outside(out, "t.yaml", VALID_TITLE)), TITLE),
        ("new title record linked", lambda r: _link(r, "library/titles/new.yaml",
                                                     _outside(out, "t.yaml", VALID_TITLE)),
         "library/titles/new.yaml"),
        ("vocabulary linked", lambda r: _link(r, "library/topics.yaml", _outside(
            out, "topics.yaml", (r / "library/topics.yaml").read_text("utf-8"))), "library/topics.yaml"),
        ("framework linked", lambda r: _link(r, "docs/framework.yaml", _outside(
            out, "f.yaml", (r / "docs/framework.yaml").read_text("utf-8"))), "docs/framework.yaml"),
        ("foreword linked", lambda r: _link(r, "research/2025/_foreword.md",
                                            _outside(out, "f.md", "Hello\n")), "research/2025/_foreword.md"),
        ("image linked", lambda r: (_entry_with_image(r), _link(r, "research/2025/images/chart.png",
                                                                _outside(out, "c.png", png_pixel()))),
         "research/2025/images/chart.png"),
        ("cover linked", lambda r: _link(r, "library/covers/c.svg", _outside(out, "c.svg", SVG)),
         "library/covers/c.svg"),
        ("year folder linked", lambda r: (shutil.move(r / "research/2025", out / "year"),
                                          _link(r, "research/2025", out / "year")), "research/2025"),
        ("images folder linked", lambda r: (_entry_with_image(r),
                                            _outside(out, "images/chart.png", png_pixel()),
                                            _link(r, "research/2025/images", out / "outside" / "images")),
         "research/2025/images"),
        ("titles folder linked", lambda r: (shutil.move(r / "library/titles", out / "titles"),
                                            _link(r, "library/titles", out / "titles")), TITLE),
        ("entry is a pipe", lambda r: ((r / ENTRY).unlink(), os.mkfifo(r / ENTRY)), ENTRY),
        ("title record is a pipe", lambda r: ((r / TITLE).unlink(), os.mkfifo(r / TITLE)), TITLE),
        ("bib is a pipe", lambda r: ((r / BIB).unlink(), os.mkfifo(r / BIB)), BIB),
        ("image is a pipe", lambda r: (_entry_with_image(r), (r / "research/2025/images").mkdir(),
                                       os.mkfifo(r / "research/2025/images/chart.png")),
         "research/2025/images/chart.png"),
        ("covers folder linked", lambda r: (_outside(out, "covers/c.svg", SVG),
                                            _link(r, "library/covers", out / "outside" / "covers")),
         "library/covers"),
        ("stray link in library", lambda r: _link(r, "library/notes.txt", _outside(out, "n.txt", "x")),
         "library/notes.txt"),
        ("link in a year's images subfolder", lambda r: (_entry_with_image(r),
                                                         _link(r, "research/2025/images/old/a.png",
                                                               _outside(out, "a.png", png_pixel()))),
         "research/2025/images/old/a.png"),
        ("page linked", lambda r: _link(r, "docs/support.md", _outside(out, "s.md", "# Support\n")),
         "docs/support.md"),
        ("intro page linked", lambda r: _link(r, "docs/_text/library.md", _outside(out, "l.md", "Hi\n")),
         "docs/_text/library.md"),
        ("site script linked", lambda r: _link(r, "docs/extra/x.js", _outside(out, "x.js", "1\n")),
         "docs/extra/x.js"),
        ("docs folder linked", lambda r: _link(r, "docs/extra", out / "outside"), "docs/extra"),
        ("page is a pipe", lambda r: (r / "docs/_text").mkdir() or os.mkfifo(r / "docs/_text/x.md"),
         "docs/_text/x.md"),
        ("dangling link as entry", lambda r: _link(r, "research/2025/gone.md", out / "nothing.md"),
         "research/2025/gone.md"),
    ]


CASE_NAMES = [name for name, _, _ in _cases(Path("/x"))]


@pytest.mark.parametrize("name", CASE_NAMES)
def test_a_source_that_is_not_a_regular_file_inside_is_refused(tmp_path: Path, name: str) -> None:
    root = build_repo(tmp_path / "repo")
    _, make, path = next(case for case in _cases(tmp_path) if case[0] == name)
    make(root)  # type: ignore[operator]
    result = validate(root)
    assert not result.ok
    assert (path, 1, "source-not-file") in [(p.path, p.line, p.code) for p in result.problems], \
        result.problems
    if "outside" in name:
        published = [e for e in result.sources.entries if e.markdown is not None]
        assert all(e.path != path for e in published)


def test_the_outside_text_is_never_read(tmp_path: Path) -> None:
    root = build_repo(tmp_path / "repo")
    _link(root, ENTRY, _outside(tmp_path, "secret.md", VALID_ENTRY.replace("A valid entry", "SECRET")))
    text, problems = read_text(root, ENTRY)
    assert text is None and [p.code for p in problems] == ["source-not-file"]
    assert "symbolic link" in problems[0].message


def test_paths_that_climb_out_are_refused(tmp_path: Path) -> None:
    root = build_repo(tmp_path / "repo")
    found = source_problem(root, "../outside.md")
    assert found is not None and found.code == "source-outside"


def test_a_hand_written_page_takes_the_same_rule_for_active_content(tmp_path: Path) -> None:
    root = build_repo(tmp_path / "repo")
    (root / "docs" / "support.md").write_text("# Support\n\n<h:script>x</h:script>\n", "utf-8")
    found = [(p.path, p.line, p.code) for p in validate(root).problems]
    assert ("docs/support.md", 3, "unsafe-html") in found


def test_ordinary_files_pass(tmp_path: Path) -> None:
    root = build_repo(tmp_path / "repo")
    for path in (ENTRY, BIB, TITLE, "library/topics.yaml", "docs/framework.yaml"):
        assert source_problem(root, path) is None
    assert validate(root).ok


def test_the_pages_generation_owns_are_not_read_as_hand_written() -> None:
    from goldenthread.base_files import FOLDERS
    from goldenthread.generate.pages import GENERATED_PAGES, OWNED
    from goldenthread.load.repository import GENERATED_DOCS

    assert set(GENERATED_DOCS) == {*OWNED, *GENERATED_PAGES, *FOLDERS}


def test_library_import_never_writes_through_a_link(tmp_path: Path) -> None:
    from goldenthread.bibimport import import_bibtex

    root = build_repo(tmp_path / "repo")
    shutil.move(root / "library/titles", tmp_path / "titles")
    _link(root, "library/titles", tmp_path / "titles")
    bib = tmp_path / "in.bib"
    bib.write_text("@book{new,\n  title = {T},\n  author = {Doe, J},\n  publisher = {P},\n"
                   "  year = {2020}\n}\n")
    report = import_bibtex(root, bib, dry_run=False)
    assert [p.code for p in report.problems] == ["source-not-file"] and report.created == []
    assert sorted(p.name for p in (tmp_path / "titles").iterdir()) == ["make-it-stick.yaml"]
