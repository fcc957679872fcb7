"""Shared fixtures: a small valid repository built from the real vocabularies."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Hypothesis, for every test module (registered here, before any test module is imported, so
# that a test's own @settings inherit it). A property example builds a small repository and
# validates it: a few milliseconds. The deadline is generous because the machine may be busy
# (2 cores, other jobs running) and a stalled example would fail as flaky; the properties'
# harness.run_validate bounds each validation the same way (harness.SECONDS) and its watchdog
# interrupts one that never returns.
DEADLINE_MS = 15_000
EXAMPLES = 100
_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large]

settings.register_profile("ci", max_examples=EXAMPLES, deadline=DEADLINE_MS, derandomize=True,
                          database=None, print_blob=True, suppress_health_check=_SLOW_OK)
settings.register_profile("dev", max_examples=EXAMPLES, deadline=DEADLINE_MS, print_blob=True,
                          suppress_health_check=_SLOW_OK)

_profile = os.environ.get("GT_HYPOTHESIS_PROFILE") or (
    "ci" if os.environ.get("CI", "").lower() == "true" else "dev")
_examples = os.environ.get("GT_HYPOTHESIS_EXAMPLES", "").strip()
if _examples:
    settings.register_profile("deep", settings.get_profile(_profile), max_examples=int(_examples))
    _profile = "deep"
settings.load_profile(_profile)

REPO = Path(__file__).resolve().parents[1]

VALID_TITLE = """\
# yaml-language-server: $schema=../../scripts/goldenthread/schemas/title.schema.json
title: Make It Stick
subtitle: The Science of Successful Learning
authors:
  - Peter C. Brown
  - Henry L. Roediger III
  - Mark A. McDaniel
year: 2014
publisher: Belknap Press of Harvard University Press
isbn: "9780674729018"
topics: [cognitive-science]
aims: [research-informed]
building_blocks: [high-quality-teaching]
stages: [explore]
career_stages: [teacher]
formats: [print]
copies:
  castlegate-academy: 2
summary: >-
  How retrieval, spacing and interleaving make learning last.
added: 2024-09-02
"""

VALID_ENTRY = """\
---
title: A valid entry
authors:
  - name: Example Author
    role: Class teacher
academy: ashdown-primary
year: 2025
research_question: Does it work?
abstract: An example.
library: [make-it-stick]
example: true
---

## Context

Retrieval helps [@roediger2006].
"""

VALID_BIB = """\
@article{roediger2006,
  author  = {Roediger, Henry L. and Karpicke, Jeffrey D.},
  title   = {Test-enhanced learning},
  journal = {Psychological Science},
  year    = {2006},
  doi     = {10.1111/j.1467-9280.2006.01693.x}
}
"""

TRUST = """\
name: The Test Trust
email: hello@test-trust.example
library_requests: mailto:library@test-trust.example
submissions: research@test-trust.example
privacy: https://test-trust.example/privacy
"""

Write = Callable[[str, str | bytes], Path]


def build_repo(root: Path) -> Path:
    """A minimal valid repository: real framework and vocabularies, one title, one entry."""
    (root / "docs").mkdir(parents=True)
    shutil.copy(REPO / "docs" / "framework.yaml", root / "docs" / "framework.yaml")
    (root / "docs" / "trust.yaml").write_text(TRUST, "utf-8")  # every part set: no notices
    (root / "library" / "titles").mkdir(parents=True)
    for name in ("topics.yaml", "career-stages.yaml", "academies.yaml"):
        shutil.copy(REPO / "library" / name, root / "library" / name)
    (root / "library" / "titles" / "make-it-stick.yaml").write_text(VALID_TITLE, "utf-8")
    (root / "research" / "2025").mkdir(parents=True)
    (root / "research" / "2025" / "valid-entry.md").write_text(VALID_ENTRY, "utf-8")
    (root / "research" / "2025" / "valid-entry.bib").write_text(VALID_BIB, "utf-8")
    return root


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return build_repo(tmp_path / "repo")


@pytest.fixture
def write(repo: Path) -> Write:
    def put(relative: str, content: str | bytes) -> Path:
        path = repo / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, "utf-8")
        return path

    return put


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Lighthouse's scores; and say loudly when the browser tests could not run."""
    from .site.conftest import LIGHTHOUSE_SCORES, SKIPPED

    if LIGHTHOUSE_SCORES:
        terminalreporter.write_sep("-", "Lighthouse, mobile preset (best of the runs)")
        for kind, found, runs in LIGHTHOUSE_SCORES:
            terminalreporter.write_line(f"  {kind:16} " + "  ".join(f"{k} {v}" for k, v in found.items())
                                        + f"  ({runs} run{'s' if runs > 1 else ''})")
    if SKIPPED:
        terminalreporter.write_sep("!", "BROWSER TESTS WERE SKIPPED", red=True, bold=True)
        for reason in sorted(set(SKIPPED)):
            terminalreporter.write_line(f"  {reason}", red=True)
