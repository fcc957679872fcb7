"""The one-line summary of an import."""

from __future__ import annotations

from goldenthread.bibimport import Created, ImportReport, import_report_text
from goldenthread.problems import Problem


def problem(code: str) -> Problem:
    return Problem("refs.bib", 1, 1, code, "why", "notice")


def test_summary_counts_each_outcome() -> None:
    report = ImportReport("refs.bib", dry_run=False,
                          created=[Created("a", "library/titles/a.yaml", "a", 1),
                                   Created("b", "library/titles/b.yaml", "b", 9)],
                          problems=[problem("import-existing"), problem("import-existing"),
                                    problem("import-duplicate"), problem("import-skipped"),
                                    problem("bib-syntax"), problem("bib-comment")])
    assert import_report_text(report) == (
        "Created 2 records: a, b; 2 already in the catalogue; 1 repeat of a book earlier in the "
        "file; 2 skipped.\n")


def test_a_dry_run_says_would() -> None:
    report = ImportReport("refs.bib", dry_run=True, created=[Created("a", "library/titles/a.yaml", "a", 1)])
    assert import_report_text(report) == "Would create 1 record: a.\n"
    assert import_report_text(ImportReport("refs.bib", dry_run=True)) == "Would create 0 records.\n"
