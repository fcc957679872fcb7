"""The site's scripts' own tests, tests/js/*.test.js, under Node's own test runner (node:test),
so that `make test` runs them (.ci/run runs them first too). They are given
contributing/form-data.json as the build makes it from this repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from goldenthread.assemble import assemble
from goldenthread.generate.form_data import rules_data
from goldenthread.load.repository import load_sources

REPO = Path(__file__).resolve().parents[1]


def test_the_scripts_tests_pass_under_node(tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("NODE TESTS SKIPPED: no node on PATH (tests/js/ needs Node 18 or newer)")
    data = tmp_path / "form-data.json"
    data.write_text(rules_data(assemble(load_sources(REPO))), "utf-8")
    run = subprocess.run([node, "--test", str(REPO / "tests" / "js")], capture_output=True, text=True,
                         timeout=300, cwd=REPO, env={**os.environ, "GT_FORM_DATA": str(data)})
    report = run.stdout[-4000:] + run.stderr[-2000:]
    assert run.returncode == 0, report
    passed = re.search(r"^# pass (\d+)$", run.stdout, re.MULTILINE)
    assert passed and int(passed.group(1)) >= 18 and "# fail 0" in run.stdout, report
