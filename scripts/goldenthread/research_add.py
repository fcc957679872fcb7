"""`goldenthread research add FILE`: a teacher's submission (submission.py), validated with the
repository as it would be with the entry in place, and placed when it is valid. It never
overwrites a file, and what it reports points at the submission's own lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem, sort_problems
from .submission import Submission, SubmissionError, split
from .validation import validate


@dataclass
class Added:
    problems: list[Problem]
    placed: list[str] = field(default_factory=list)  # repository-relative paths written

    @property
    def ok(self) -> bool:
        return not any(problem.level == "error" for problem in self.problems)


def _files(submission: Submission) -> dict[str, str]:
    files = {submission.path: submission.entry}
    if submission.bib.strip():
        files[submission.bib_path] = submission.bib
    return files


def _as_submitted(problem: Problem, submission: Submission, name: str) -> Problem | None:
    """A problem of the placed files at the submission's own line; None for other files'."""
    if problem.path == submission.path:
        return Problem(name, problem.line, problem.col, problem.code, problem.message, problem.level)
    if problem.path == submission.bib_path:
        return Problem(name, problem.line + submission.bib_line - 1, problem.col, problem.code,
                       problem.message, problem.level)
    return None


def _place(root: Path, files: dict[str, str]) -> list[str]:
    """Write each file, never over one that exists (exclusive create); the paths written."""
    written: list[str] = []
    try:
        for path, text in files.items():
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("x", encoding="utf-8", newline="\n") as out:
                written.append(path)
                out.write(text)
    except BaseException:
        _remove(root, written)
        raise
    return written


def _remove(root: Path, paths: list[str]) -> None:
    for path in paths:
        (root / path).unlink(missing_ok=True)
    for folder in {(root / path).parent for path in paths}:
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def add_submission(root: Path, source: Path, name: str, dry_run: bool = False) -> Added:
    """Validate the submission in `source` in place and keep it there if valid (never with
    dry_run). `name` is how problems name the submission."""
    try:
        submission = split(source.read_text("utf-8"))
    except SubmissionError as error:
        return Added([Problem(name, error.line, 1, "submission-format", str(error))])
    except UnicodeDecodeError:
        return Added([Problem(name, 1, 1, "not-utf8", "the file is not UTF-8 text: save it as UTF-8")])
    files = _files(submission)
    taken = [path for path in files if (root / path).exists()]
    if taken:
        return Added([Problem(name, 1, 1, "submission-exists", f"{path} already exists: nothing was "
                              "placed; rename the entry (its line '<!-- Golden Thread submission:' "
                              "and its file) or remove the file if it is an old copy") for path in taken])
    # what other files' problems the entry causes (an id another year's entry has, say) are
    # those that were not there before it
    before = set(validate(root, keep_data=False).problems)
    written = _place(root, files)
    try:
        found = validate(root, keep_data=False).problems
    except BaseException:
        _remove(root, written)
        raise
    problems = sort_problems([mapped for problem in found
                              if (mapped := _as_submitted(problem, submission, name)) is not None]
                             + [problem for problem in found if problem not in before
                                and problem.path not in files])
    added = Added(problems, written)
    if dry_run or not added.ok:
        _remove(root, written)
        added.placed = []
    return added
