from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from goldenthread.cli import main

from .conftest import REPO


def test_repository_content_is_valid() -> None:
    done = subprocess.run([sys.executable, "-m", "goldenthread", "validate"], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""


def test_text_format_sorted_path_line(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "library/titles/b.yaml").write_text("title: B\n", "utf-8")
    (repo / "library/titles/a.yaml").write_text("title: A\nyear: x\n", "utf-8")
    assert main(["--root", str(repo), "validate"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("library/titles/a.yaml:1:1: error[missing-field]: ")
    assert [line.split(":")[0:2] for line in lines] == sorted(
        [line.split(":")[0:2] for line in lines], key=lambda p: (p[0], int(p[1])))


def test_github_format(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "library/titles/a.yaml").write_text("title: A\n", "utf-8")
    assert main(["--root", str(repo), "validate", "--format", "github"]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("::error file=library/titles/a.yaml,line=1,col=1,title=missing-field::")


def test_not_a_repository_is_a_usage_error(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(tmp_path), "validate"]) == 2
    assert "not a Golden Thread repository" in capsys.readouterr().err


def test_bad_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["validate", "--format", "xml"])
    assert stop.value.code == 2


@pytest.mark.parametrize("command", [[], ["validate"]])
def test_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main([*command, "--help"])
    assert stop.value.code == 0 and "usage: goldenthread" in capsys.readouterr().out


def test_library_import_command(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    messy = REPO / "tests" / "data" / "messy.bib"
    before = sorted(p.name for p in (repo / "library/titles").iterdir())
    assert main(["--root", str(repo), "library", "import", str(messy), "--dry-run"]) == 0
    assert "Would create" in capsys.readouterr().err
    assert sorted(p.name for p in (repo / "library/titles").iterdir()) == before
    assert main(["--root", str(repo), "library", "import", str(messy)]) == 0
    created = set(p.name for p in (repo / "library/titles").iterdir()) - set(before)
    assert len(created) >= 10
    assert main(["--root", str(repo), "library", "import", str(messy)]) == 0
    assert "Created 0 records" in capsys.readouterr().err


def test_library_export_command(tmp_path: Path) -> None:
    out = tmp_path / "library.bib"
    assert main(["--root", str(REPO), "library", "export", "-o", str(out)]) == 0
    text = out.read_text("utf-8")
    assert text.count("\n@") + text.startswith("@") >= 150
    assert "Hirsch, Jr., E. D." in text


@pytest.mark.parametrize(("name", "format_", "parse"), [
    ("library.ris", "ris", lambda text: text.count("\nER  -")),
    ("library.json", "csl-json", lambda text: len(json.loads(text))),
])
def test_library_export_in_each_format(tmp_path: Path, name: str, format_: str, parse: Any) -> None:
    out = tmp_path / name
    assert main(["--root", str(REPO), "library", "export", "--format", format_, "-o", str(out)]) == 0
    assert parse(out.read_text("utf-8")) >= 150
