"""What an import did (or would do): the records created and a problem for everything else."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..problems import Problem

EXISTING = "import-existing"
DUPLICATE = "import-duplicate"
# Codes for entries that gave no record; other problems are about one field or a comment.
SKIPPED = ("import-skipped", "bib-syntax", "bib-duplicate-key", "bib-duplicate-field", "import-exists")


@dataclass(frozen=True)
class Created:
    """A record the import created (or, in a dry run, would create)."""

    id: str
    path: str
    key: str
    line: int


@dataclass
class ImportReport:
    """The outcome of one import: created records, and problems sorted by line."""

    bib: str
    dry_run: bool
    created: list[Created] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def with_code(self, *codes: str) -> list[Problem]:
        """The problems with any of these codes, in order."""
        return [problem for problem in self.problems if problem.code in codes]

    @property
    def existing(self) -> list[Problem]:
        """Entries whose book is already in the catalogue."""
        return self.with_code(EXISTING)

    @property
    def duplicates(self) -> list[Problem]:
        """Entries whose book an earlier entry of the file gives."""
        return self.with_code(DUPLICATE)

    @property
    def skipped(self) -> list[Problem]:
        """Entries that gave no record, and why."""
        return self.with_code(*SKIPPED)


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}{'' if number == 1 else 's'}"


def import_report_text(report: ImportReport) -> str:
    """One line: 'Created 3 records: a, b, c; 2 already in the catalogue; 4 skipped.'"""
    verb = "Would create" if report.dry_run else "Created"
    parts = [f"{verb} {_count(len(report.created), 'record')}"
             + (f": {', '.join(c.id for c in report.created)}" if report.created else "")]
    if report.existing:
        parts.append(f"{len(report.existing)} already in the catalogue")
    if report.duplicates:
        parts.append(f"{_count(len(report.duplicates), 'repeat')} of a book earlier in the file")
    if report.skipped:
        parts.append(f"{len(report.skipped)} skipped")
    return f"{'; '.join(parts)}.\n"
