"""The code stays ruff- and mypy-clean (STYLE.md): checked on every test run."""

from __future__ import annotations

import subprocess
import sys

from .conftest import REPO


def test_ruff() -> None:
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "scripts", "tests", "bench"],
                          cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def test_mypy_strict() -> None:
    done = subprocess.run([sys.executable, "-m", "mypy"], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
