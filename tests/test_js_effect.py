"""base/assets/effect.js's Node tests (tests/js/effect.test.js, node:test), run under pytest,
so a broken formula in the form's JavaScript fails the suite as a broken Python one does."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TESTS = sorted((ROOT / "tests" / "js").glob("effect*.test.js"))


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
@pytest.mark.parametrize("script", TESTS, ids=[path.name for path in TESTS])
def test_node(script: Path) -> None:
    done = subprocess.run(["node", "--test", str(script)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "# fail 0" in done.stdout


def test_there_are_node_tests() -> None:
    assert TESTS, "tests/js/effect.test.js is missing"
