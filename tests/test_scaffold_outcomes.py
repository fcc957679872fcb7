"""scaffold.py's findings (`outcomes:`), as the entry form writes them: numbers as typed read
back as those numbers, anything else as text that the check then names, and an entry with
findings validates like any other."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from goldenthread.load.frontmatter import split_front_matter
from goldenthread.scaffold import NewEntry, NewFinding, NewGroup, entry_text, figure, outcomes_text

from .test_scaffold import FILLED, REFERENCES, problems

# what a teacher types -> what YAML reads back from figure()
FIGURES: list[tuple[str, Any]] = [
    ("14", 14), ("92.5", 92.5), (" 18.20 ", 18.2), ("007", 7), ("14.0", 14), ("-3.", -3), (".5", 0.5),
    ("−2.50", -2.5), ("+4", 4), ("-0", 0), ("0.000", 0), ("1e5", "1e5"), ("3,5", "3,5"), ("1:30", "1:30"),
    ("fourteen", "fourteen"), ("-", "-"), (".", "."), ("0x1A", "0x1A"), ("12 pupils", "12 pupils"),
]


def _read(text: str) -> Any:
    source, found = split_front_matter(f"---\nx: {text}\n---\n", "x.md")
    assert found == [] and source is not None
    return source.front.data["x"]


@pytest.mark.parametrize(("typed", "value"), FIGURES)
def test_a_number_reads_back_as_typed(typed: str, value: Any) -> None:
    read = _read(figure(typed))
    assert read == value and type(read) is type(value), (typed, figure(typed), read)


def test_no_findings_write_nothing() -> None:
    assert outcomes_text(()) == ""
    assert "outcomes" not in entry_text(FILLED)


FINDINGS = (
    NewFinding("Reading fluency: words correct per minute", "two-group", True, (
        ("intervention", NewGroup("14", "92.5", "18.2")), ("comparison", NewGroup("13", "84.1", "17.6")))),
    NewFinding("Spelling errors in a dictation", "two-group-pretest", False, (
        ("intervention", NewGroup("30", "4.1", "2.2", "6.0", "2.5")),
        ("comparison", NewGroup("31", "5.2", "2.4", "6.1", "2.6")),
        ("before", NewGroup("9", "9", "9"))),  # typed, then the design changed: not written
        ("0", "20")),
    NewFinding("Words read in a minute", "one-group", True, (
        ("before", NewGroup("28", "12.5", "4.1")), ("after", NewGroup("28", "15.25", "3.9")))),
)


def test_findings_read_back_as_the_contract_fixes_them() -> None:
    text = entry_text(NewEntry(**{**FILLED.__dict__, "outcomes": FINDINGS}))
    source, found = split_front_matter(text, "x.md")
    assert found == [] and source is not None
    assert source.front.data["outcomes"] == [
        {"measure": "Reading fluency: words correct per minute", "design": "two-group",
         "higher_is_better": True, "intervention": {"n": 14, "mean": 92.5, "sd": 18.2},
         "comparison": {"n": 13, "mean": 84.1, "sd": 17.6}},
        {"measure": "Spelling errors in a dictation", "design": "two-group-pretest",
         "higher_is_better": False,
         "intervention": {"n": 30, "mean": 4.1, "sd": 2.2, "pre": {"mean": 6, "sd": 2.5}},
         "comparison": {"n": 31, "mean": 5.2, "sd": 2.4, "pre": {"mean": 6.1, "sd": 2.6}},
         "scale": {"min": 0, "max": 20}},
        {"measure": "Words read in a minute", "design": "one-group", "higher_is_better": True,
         "before": {"n": 28, "mean": 12.5, "sd": 4.1}, "after": {"n": 28, "mean": 15.25, "sd": 3.9}}]


def test_an_entry_with_findings_is_valid(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from goldenthread.scaffold import bib_text

    folder = repo / "research" / "2025"
    (folder / "measured.md").write_text(entry_text(NewEntry(**{**FILLED.__dict__, "outcomes": FINDINGS})),
                                        "utf-8")
    (folder / "measured.bib").write_text(bib_text(REFERENCES), "utf-8")
    assert problems(repo, capsys) == []


def test_a_number_left_empty_is_left_out_and_named(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from goldenthread.scaffold import bib_text

    gap = NewFinding("Quiz score", "two-group", True, (
        ("intervention", NewGroup("14", "", "2")), ("comparison", NewGroup("1", "5", "0"))))
    text = entry_text(NewEntry(**{**FILLED.__dict__, "outcomes": (gap,)}))
    assert "    intervention: {n: 14, sd: 2}\n    comparison: {n: 1, mean: 5, sd: 0}\n" in text
    folder = repo / "research" / "2025"
    (folder / "gap.md").write_text(text, "utf-8")
    (folder / "gap.bib").write_text(bib_text(REFERENCES), "utf-8")
    assert {code for _, _, code in problems(repo, capsys)} == {"missing-field"}


# -- A published result (effect_size), as the form writes it (form-rules.js is tested on the same
# table, tests/data/browser-rules/reported.json, by tests/js/form_rules.test.js) ------------------

REPORTED_JSON = Path(__file__).resolve().parent / "data" / "browser-rules" / "reported.json"
# (design, g, lowest, highest) as typed
REPORTED: list[tuple[str, str, str, str]] = [
    ("two-group", "0.31", "-0.05", "0.67"), ("two-group-pretest", "0.40", "0.10", "0.70"),
    ("two-group", "−0.2", "−0.50", "0.1"), ("two-group", ".5", "0.9", "0.2"),  # upside down
    ("two-group", "0.8", "0.1", "0.5"),  # g outside its interval
    ("two-group", "", "0.1", "0.5"), ("two-group", "0.3", "", "0.5"), ("two-group", "0.3", "", ""),
    ("two-group", "big", "0.1", "0.5"), ("two-group", "", "", ""),
]


def _reported(design: str, g: str, low: str, high: str) -> NewFinding:
    return NewFinding("Spelling age (months)", design, effect_size=(g, low, high))


def reported_table() -> list[dict[str, Any]]:
    rows = []
    for design, g, low, high in REPORTED:
        text = outcomes_text((_reported(design, g, low, high),))
        rows.append({"draft": {"measure": "Spelling age (months)", "design": design, "source": "reported",
                               "g": g, "ci_low": low, "ci_high": high},
                     "text": text.removeprefix("outcomes:\n"), "data": _read_outcomes(text)[0]})
    return rows


def _read_outcomes(text: str) -> Any:
    source, found = split_front_matter(f"---\n{text}---\n", "x.md")
    assert found == [] and source is not None
    return source.front.data["outcomes"]


def test_a_published_result_is_written_as_the_contract_fixes_it() -> None:
    text = outcomes_text((_reported("two-group", "0.31", "−0.05", "0.670"),))
    assert text == ("outcomes:\n  - measure: \"Spelling age (months)\"\n    design: two-group\n"
                    "    effect_size: {g: 0.31, ci: [-0.05, 0.67]}\n")
    assert _read_outcomes(text) == [{"measure": "Spelling age (months)", "design": "two-group",
                                     "effect_size": {"g": 0.31, "ci": [-0.05, 0.67]}}]
    # an end left empty is left out, and the check names it; none given, no interval at all
    assert "effect_size: {g: 0.3, ci: [0.5]}" in outcomes_text((_reported("two-group", "0.3", "", "0.5"),))
    assert "effect_size: {}" in outcomes_text((_reported("two-group", "", "", ""),))


def test_the_forms_table_of_published_results_is_scaffolds() -> None:
    expected = reported_table()
    if os.environ.get("GT_WRITE_FIXTURES"):
        text = json.dumps({"cases": expected}, indent=1, ensure_ascii=False)
        REPORTED_JSON.write_text(text + "\n", "utf-8")
    assert json.loads(REPORTED_JSON.read_text("utf-8"))["cases"] == json.loads(json.dumps(expected))


@pytest.mark.parametrize(("typed", "codes"), [
    (("two-group", "0.31", "-0.05", "0.67"), set()),
    (("two-group-pretest", "0.31", "0.05", "0.67"), set()),
    (("two-group", "0.8", "0.1", "0.5"), {"outcome-interval"}),
    (("two-group", "0.3", "0.9", "0.2"), {"outcome-interval"}),
    (("two-group", "0.3", "", "0.5"), {"empty-list"}),
    (("two-group", "", "0.1", "0.5"), {"missing-field"}),
    (("one-group", "0.3", "0.1", "0.5"), {"outcome-missing", "outcome-extra"}),
])
def test_a_published_result_validates(repo: Path, capsys: pytest.CaptureFixture[str],
                                      typed: tuple[str, str, str, str], codes: set[str]) -> None:
    from goldenthread.scaffold import bib_text

    folder = repo / "research" / "2025"
    (folder / "reported.md").write_text(
        entry_text(NewEntry(**{**FILLED.__dict__, "outcomes": (_reported(*typed),)})), "utf-8")
    (folder / "reported.bib").write_text(bib_text(REFERENCES), "utf-8")
    assert {code for _, _, code in problems(repo, capsys)} == codes
