"""`goldenthread new`: ready-to-fill files that validate only once their placeholders are filled."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from goldenthread.cli import main
from goldenthread.scaffold import NewEntry, entry_text

from .conftest import REPO

NEW_ENTRY = ["new", "research", "--title", "Does pre-teaching vocabulary help Year 5?",
             "--author", "A. Teacher", "--role", "Year 5 class teacher",
             "--academy", "ashdown-primary", "--year", "2025"]


def problems(repo: Path, capsys: pytest.CaptureFixture[str]) -> list[tuple[str, int, str]]:
    capsys.readouterr()
    main(["--root", str(repo), "validate"])
    out = capsys.readouterr().out
    return [(m[0], int(m[1]), m[2]) for m in re.findall(r"^(.+?):(\d+):\d+: error\[(.+?)\]", out, re.M)]


def fill(path: Path) -> None:
    text = path.read_text("utf-8")
    text = re.sub(r"TODO: [^\n]*", "Filled in by the teacher.", text)
    path.write_text(text, "utf-8")


def test_new_entry_fails_until_filled_then_passes(repo: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(repo), *NEW_ENTRY]) == 0
    entry = repo / "research/2025/does-pre-teaching-vocabulary-help-year-5.md"
    assert entry.is_file() and entry.with_suffix(".bib").is_file()
    found = problems(repo, capsys)
    assert {code for _, _, code in found} == {"placeholder"}
    assert {path for path, _, _ in found} == {"research/2025/does-pre-teaching-vocabulary-help-year-5.md"}
    lines = entry.read_text("utf-8").splitlines()
    assert all(lines[line - 1].lstrip().startswith("TODO:") for _, line, _ in found)
    assert len(found) == 6  # question, abstract and four body sections
    fill(entry)
    assert problems(repo, capsys) == []


def test_new_entry_refuses_to_overwrite(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(repo), *NEW_ENTRY]) == 0
    entry = repo / "research/2025/does-pre-teaching-vocabulary-help-year-5.md"
    entry.write_text("my work", "utf-8")
    assert main(["--root", str(repo), *NEW_ENTRY]) == 2
    assert "already exists" in capsys.readouterr().err
    assert entry.read_text("utf-8") == "my work"


def test_missing_options_without_a_terminal_is_a_usage_error(
        repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["--root", str(repo), "new", "research", "--title", "X"]) == 2
    assert "--author is required" in capsys.readouterr().err


def test_new_entry_prompts_on_a_terminal(repo: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter(["Asked title", "B. Teacher", "SENCo", "fernlea-school", "2025"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    assert main(["--root", str(repo), "new", "research"]) == 0
    text = (repo / "research/2025/asked-title.md").read_text("utf-8")
    assert 'name: "B. Teacher"' in text and "academy: fernlea-school" in text


def test_new_title_fails_until_summary_written(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(repo), "new", "title", "--title", "Closing the Reading Gap",
                 "--author", "Alex Quigley", "--year", "2020", "--topic", "literacy-and-oracy"]) == 0
    path = repo / "library/titles/closing-the-reading-gap.yaml"
    assert problems(repo, capsys) == [("library/titles/closing-the-reading-gap.yaml", 14, "placeholder")]
    fill(path)
    assert problems(repo, capsys) == []
    assert "isbn:" not in path.read_text("utf-8").replace("# isbn:", "")


def test_template_is_the_scaffold() -> None:
    expected = entry_text(NewEntry("TODO: your title as a question",
                                   (("TODO: your name", "TODO: your role"),), "TODO-academy-id", 2026))
    assert (REPO / "research" / "TEMPLATE.md").read_text("utf-8") == expected
