from __future__ import annotations

import json
from pathlib import Path

import pytest

from goldenthread.cli import main

GOOD = [{"career_stage": "teacher", "introduction": "For teachers.",
         "steps": [{"title": "make-it-stick", "why": "Memory."}] * 1}]


def run(repo: Path, pathways: object, capsys: pytest.CaptureFixture[str]) -> list[tuple[int, str]]:
    (repo / "library" / "pathways.yaml").write_text(json.dumps(pathways, indent=1), "utf-8")
    main(["--root", str(repo), "validate", "--format", "json"])
    return [(p["line"], p["code"]) for p in json.loads(capsys.readouterr().out)]


def steps(*titles: str) -> list[dict[str, str]]:
    return [{"title": t, "why": "Because."} for t in titles]


def test_valid_pathway(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    three = [{"career_stage": "teacher", "introduction": "For teachers.",
              "steps": steps("make-it-stick", "make-it-stick-2", "make-it-stick-3")}]
    for suffix in ("2", "3"):
        (repo / f"library/titles/make-it-stick-{suffix}.yaml").write_text(
            (repo / "library/titles/make-it-stick.yaml").read_text().replace(
                'isbn: "9780674729018"\n', ""), "utf-8")
    assert run(repo, three, capsys) == []


@pytest.mark.parametrize(("pathways", "expected"), [
    ([{"career_stage": "teacher", "introduction": "x", "steps": steps("make-it-stick")}],
     [(5, "empty-list")]),
    ([{"career_stage": "teachers", "introduction": "x",
       "steps": steps("make-it-stick", "make-it-stick", "nope")}],
     [(3, "unknown-career-stage"), (11, "duplicate-item"), (15, "unknown-title")]),
])
def test_pathway_problems(repo: Path, capsys: pytest.CaptureFixture[str],
                          pathways: object, expected: list[tuple[int, str]]) -> None:
    assert run(repo, pathways, capsys) == expected
