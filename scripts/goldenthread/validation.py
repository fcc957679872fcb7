"""Load then check: the one entry point every command uses to validate a repository."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .check.sources import check_sources
from .load.repository import Sources, load_sources
from .problems import Problem


@dataclass
class Validation:
    sources: Sources
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not any(p.level == "error" for p in self.problems)


def validate(root: Path) -> Validation:
    sources = load_sources(root)
    return Validation(sources, check_sources(sources))
