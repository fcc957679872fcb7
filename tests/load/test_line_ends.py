"""Windows line ends (CRLF) and a byte-order mark are legal in every source kind; a year
folder is four digits from 2000 to next year, and an entry's year is no later."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from goldenthread.validation import validate

from ..conftest import VALID_ENTRY, build_repo

NEXT_YEAR = datetime.date.today().year + 1
KINDS = ["research/2025/valid-entry.md", "research/2025/valid-entry.bib",
         "library/titles/make-it-stick.yaml", "library/topics.yaml", "library/academies.yaml",
         "library/career-stages.yaml", "docs/framework.yaml", "research/2025/_foreword.md",
         "docs/support.md"]
FORMS = {
    "crlf": lambda text: text.replace("\n", "\r\n").encode(),
    "bom": lambda text: b"\xef\xbb\xbf" + text.encode(),
    "bom and crlf": lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode(),
    "mixed": lambda text: "".join(line + ("\r\n" if n % 2 else "\n")
                                  for n, line in enumerate(text.split("\n")[:-1])).encode(),
}


@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("path", KINDS)
def test_windows_line_ends_and_a_bom_are_legal(tmp_path: Path, path: str, form: str) -> None:
    root = build_repo(tmp_path / "repo")
    source = root / path
    text = source.read_text("utf-8") if source.exists() else "An introduction to the year.\n\nMore.\n"
    source.write_bytes(FORMS[form](text))
    result = validate(root)
    assert result.problems == [] and result.ok


def test_an_entry_with_crlf_keeps_its_lines(tmp_path: Path) -> None:
    root = build_repo(tmp_path / "repo")
    text = VALID_ENTRY.replace("Retrieval helps", "<script>x</script> helps").replace("\n", "\r\n")
    (root / "research/2025/valid-entry.md").write_bytes(text.encode())
    found = [(p.line, p.code) for p in validate(root).problems]
    assert found == [(16, "unsafe-html")]


FOLDERS = ["0000", "0001", "1000", "1999", "2051", str(NEXT_YEAR + 1), "9999", "20255", "202", "abcd",
           "２０２５", "2025a", "-2025"]


@pytest.mark.parametrize("folder", FOLDERS)
def test_a_folder_that_is_not_a_year_of_the_research_is_refused(tmp_path: Path, folder: str) -> None:
    root = build_repo(tmp_path / "repo")
    (root / "research" / folder).mkdir()
    (root / "research" / folder / "_foreword.md").write_text("A foreword.\n", "utf-8")
    entry = VALID_ENTRY.replace("year: 2025", f"year: {folder}").replace("library: [make-it-stick]\n", "")
    (root / "research" / folder / "e.md").write_text(entry, "utf-8")
    result = validate(root)
    found = [(p.path, p.line, p.code) for p in result.problems]
    assert (f"research/{folder}", 1, "unexpected-file") in found
    assert not any(p.path.startswith(f"research/{folder}/") for p in result.problems)
    assert folder not in result.sources.forewords and all(e.folder != folder for e in result.sources.entries)


@pytest.mark.parametrize("year", [2000, 2025, NEXT_YEAR])
def test_a_year_from_2000_to_next_year_is_a_folder(tmp_path: Path, year: int) -> None:
    root = build_repo(tmp_path / "repo")
    (root / "research" / str(year)).mkdir(exist_ok=True)
    entry = VALID_ENTRY.replace("year: 2025", f"year: {year}").replace(" [@roediger2006]", "")
    (root / "research" / str(year) / "another.md").write_text(entry, "utf-8")
    assert validate(root).problems == []


@pytest.mark.parametrize("year", [NEXT_YEAR + 1, 2051, 2099, 2100])
def test_an_entry_year_beyond_next_year_is_refused_at_its_line(tmp_path: Path, year: int) -> None:
    root = build_repo(tmp_path / "repo")
    entry = VALID_ENTRY.replace("year: 2025", f"year: {year}")
    (root / "research/2025/valid-entry.md").write_text(entry, "utf-8")
    found = [(p.line, p.code) for p in validate(root).problems if p.path == "research/2025/valid-entry.md"]
    assert (7, "out-of-range") in found
