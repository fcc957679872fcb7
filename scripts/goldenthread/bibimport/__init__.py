"""`goldenthread library import`: a BibTeX export (Zotero, Mendeley, a library system) ->
new catalogue records in library/titles/, with a reason for every entry not imported.

read -> crossref -> records -> plan -> write: each step is one module.
"""

from __future__ import annotations

from pathlib import Path

from ..codes import level_of
from ..load.repository import TITLES
from ..load.text import decode, source_problem
from ..problems import GoldenThreadError, Problem, sort_problems
from .catalogue import load_catalogue
from .crossref import resolve_crossrefs
from .plan import plan
from .read import read_bib
from .records import Record, entry_record
from .report import Created, ImportReport, import_report_text
from .topics import load_topics
from .write import record_yaml, write_record

__all__ = ["Created", "ImportReport", "import_bibtex", "import_report_text"]


def shown_path(root: Path, bib_path: Path) -> str:
    """The .bib path for problems: relative to the root when inside it, else as given."""
    try:
        return bib_path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(bib_path)


def _exists(path: str, line: int, record: str) -> Problem:
    return Problem(path, line, 1, "import-exists",
                   f"{record} appeared while importing: left as it is and this entry skipped; "
                   "import again", level_of("import-exists", "library import"))


def import_bibtex(root: Path, bib_path: Path, dry_run: bool) -> ImportReport:
    """Import every book and report in bib_path as a new record under root/library/titles.

    Records already in the catalogue are left alone, so importing twice changes nothing.
    With dry_run nothing is written; the report says what would be created.
    """
    path = shown_path(root, bib_path)
    report = ImportReport(path, dry_run)
    try:
        raw = bib_path.read_bytes()
    except OSError as error:
        raise GoldenThreadError(f"cannot read {bib_path}: {error.strerror}") from error
    text, problems = decode(raw, path)
    linked = source_problem(root, TITLES)  # records are written there: never through a link
    if text is None or linked is not None:
        report.problems = problems + ([linked] if linked is not None else [])
        return report
    bib = read_bib(text, path)
    entries, problems = resolve_crossrefs(bib.entries, path)
    topics, topic_problems = load_topics(root)
    problems += bib.problems + topic_problems
    records: list[Record] = []
    for entry in entries:
        record, found = entry_record(entry, topics, path)
        problems += found
        records += [record] if record is not None else []
    planned, found = plan(records, load_catalogue(root), path)
    problems += found
    for new in planned:
        created = Created(new.id, new.path, new.record.key, new.record.line)
        if dry_run or write_record(root, new, record_yaml(new.record, bib_path.name)):
            report.created.append(created)
        else:
            problems.append(_exists(path, new.record.line, new.path))
    report.created.sort(key=lambda created: created.line)
    report.problems = sort_problems(problems)
    return report
