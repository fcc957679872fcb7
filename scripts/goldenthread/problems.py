"""A problem found in a source: where it is, how bad it is, and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    INVALID = 1
    USAGE = 2


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at path:line:col. Paths are relative to the repository root, POSIX style."""

    path: str
    line: int
    col: int
    code: str
    message: str
    level: str = "error"

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "level": self.level,
            "code": self.code,
            "message": self.message,
        }


class GoldenThreadError(Exception):
    """Base of every error the package raises on purpose (usage or environment, exit 2)."""


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Sorted by path then line then column, duplicates removed."""
    # A key of plain tuples: the dataclass's own ordering compares field by field in Python,
    # which took most of validate's time on a body with 33,000 problems.
    return sorted(set(problems), key=_order)


def _order(problem: Problem) -> tuple[str, int, int, str, str, str]:
    return (problem.path, problem.line, problem.col, problem.code, problem.message, problem.level)
