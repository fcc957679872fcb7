"""The whole import: twice changes nothing, a dry run writes nothing, and validate agrees."""

from __future__ import annotations

from pathlib import Path

import pytest

from goldenthread.bibimport import import_bibtex, import_report_text
from goldenthread.problems import GoldenThreadError
from goldenthread.validation import validate

from ..conftest import REPO

MESSY = REPO / "tests" / "data" / "messy.bib"


def snapshot(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes()
            for path in sorted(root.rglob("*")) if path.is_file()}


def test_importing_twice_changes_nothing_the_second_time(repo: Path) -> None:
    first = import_bibtex(repo, MESSY, dry_run=False)
    assert first.created
    before = snapshot(repo)

    second = import_bibtex(repo, MESSY, dry_run=False)

    assert second.created == []
    assert snapshot(repo) == before
    existing = {p.line for p in second.existing}
    assert {c.line for c in first.created} <= existing
    assert import_report_text(second).startswith("Created 0 records; ")


def test_a_dry_run_writes_nothing_and_says_what_it_would_create(repo: Path, tmp_path: Path) -> None:
    before = snapshot(repo)
    dry = import_bibtex(repo, MESSY, dry_run=True)
    assert snapshot(repo) == before
    assert import_report_text(dry).startswith(f"Would create {len(dry.created)} records: ")

    real = import_bibtex(repo, MESSY, dry_run=False)
    assert (dry.created, dry.problems) == (real.created, real.problems)


def test_a_record_without_topics_fails_validate_until_topics_are_added(repo: Path) -> None:
    bib = repo / "imports" / "one.bib"
    bib.parent.mkdir()
    bib.write_text("@book{test-one,\n  author = {Tester, Tina},\n  title = {A Test Book},\n"
                   "  publisher = {Example Press},\n  year = {2020}\n}\n", "utf-8")
    report = import_bibtex(repo, bib, dry_run=False)
    [created] = report.created
    record = repo / created.path
    text = record.read_text("utf-8")
    topics_line = text.splitlines().index("topics: []") + 1

    problems = validate(repo).problems
    assert [(p.path, p.line, p.code) for p in problems] == [(created.path, topics_line, "empty-list")]

    record.write_text(text.replace("topics: []", "topics: [curriculum]"), "utf-8")
    assert validate(repo).problems == []


def test_problems_name_the_bib_relative_to_the_root_when_inside_it(repo: Path) -> None:
    bib = repo / "imports" / "refs.bib"
    bib.parent.mkdir()
    bib.write_text("@article{a,\n  title = {T}\n}\n", "utf-8")
    [problem] = import_bibtex(repo, bib, dry_run=True).problems
    assert (problem.path, problem.line, problem.code) == ("imports/refs.bib", 1, "import-skipped")


def test_a_file_that_is_not_utf8_is_a_problem_and_imports_nothing(repo: Path, tmp_path: Path) -> None:
    bib = tmp_path / "latin1.bib"
    bib.write_bytes("@book{a,\n  title = {Caf\u00e9}\n}\n".encode("latin-1"))
    report = import_bibtex(repo, bib, dry_run=False)
    assert report.created == []
    assert [(p.line, p.code) for p in report.problems] == [(2, "not-utf8")]


def test_a_missing_file_is_a_usage_error(repo: Path, tmp_path: Path) -> None:
    with pytest.raises(GoldenThreadError, match="cannot read"):
        import_bibtex(repo, tmp_path / "missing.bib", dry_run=False)


def test_books_exported_with_a_placeholder_isbn_are_imported_without_it(repo: Path) -> None:
    bib = repo / "placeholders.bib"
    bib.write_text("".join(
        f"@book{{test-{n},\n  author = {{Tester, Tina}},\n  title = {{A Test Book {n}}},\n"
        f"  year = {{2020}},\n  isbn = {{000-0000000000}}\n}}\n\n" for n in (1, 2)), "utf-8")
    report = import_bibtex(repo, bib, dry_run=False)
    assert [c.id for c in report.created] == ["test-1", "test-2"], "not taken for one book"
    assert [(p.line, p.level, p.code) for p in report.problems] == [
        (5, "warning", "isbn-placeholder"), (12, "warning", "isbn-placeholder")]
    written = (repo / "library" / "titles" / "test-1.yaml").read_text("utf-8")
    assert "isbn" not in written and "0000000000" not in written
