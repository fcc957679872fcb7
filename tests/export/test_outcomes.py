"""research/outcomes.csv and outcomes.json: one row a finding, read back with the csv module
and json, holding the entry's place and the values computed for it."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import pytest

from goldenthread.assemble import assemble
from goldenthread.export.outcomes import fields, outcomes_csv, outcomes_json
from goldenthread.model import KnowledgeBase
from goldenthread.validation import validate

from ..conftest import VALID_ENTRY, Write

FINDINGS = """outcomes:
  - measure: "Reading, words correct per minute; a \\"cold\\" passage"
    design: two-group
    higher_is_better: true
    intervention: {n: 50, mean: 103, sd: 5.5}
    comparison: {n: 50, mean: 100, sd: 4.5}
  - measure: Errors in a dictation
    design: two-group-pretest
    higher_is_better: false
    intervention: {n: 20, mean: 4, sd: 2, pre: {mean: 6, sd: 2}}
    comparison: {n: 21, mean: 5, sd: 2, pre: {mean: 6.1, sd: 2}}
  - measure: Spelling age (months)
    design: two-group
    effect_size: {g: 1.31, ci: [0.9, 1.72]}
  - measure: Times tables check (out of 25)
    design: one-group
    higher_is_better: true
    before: {n: 20, mean: 17, sd: 4.5}
    after: {n: 19, mean: 19.5, sd: 4}
"""


@pytest.fixture
def knowledge(repo: Path, write: Write) -> KnowledgeBase:
    text = VALID_ENTRY.replace(
        "library: [make-it-stick]\n",
        "library: [make-it-stick]\ntopics: [cognitive-science]\naims: [research-informed]\n"
        "stages: [deliver, sustain]\n" + FINDINGS)
    write("research/2025/valid-entry.md", text)
    validation = validate(repo)
    assert validation.ok, validation.problems
    return assemble(validation.sources)


def test_the_csv_reads_back_one_row_a_finding(knowledge: KnowledgeBase) -> None:
    rows = list(csv.DictReader(io.StringIO(outcomes_csv(knowledge), newline="")))
    assert [row["finding"] for row in rows] == ["1", "2", "3", "4"]
    assert list(rows[0]) == fields(knowledge)
    first, pretest, published, change = rows
    assert first["measure"] == 'Reading, words correct per minute; a "cold" passage'
    assert (first["entry"], first["year"], first["academy"], first["illustrative"]) == (
        "valid-entry", "2025", "ashdown-primary", "true")
    assert first["academy_name"] == knowledge.academies[0].name
    assert (first["topics"], first["aims"], first["stages"], first["building_blocks"]) == (
        "cognitive-science", "research-informed", "deliver; sustain", "")
    # Borenstein et al. (2009), ch. 4's example: g 0.5924, SE 0.2028
    assert float(first["g"]) == pytest.approx(0.5924, abs=1e-4)
    assert float(first["ci_high"]) - float(first["ci_low"]) == pytest.approx(2 * 1.96 * 0.2028, abs=1e-3)
    assert (first["months"], first["months_or_more"], first["n_intervention"], first["n_comparison"]) == (
        "7", "false", "50", "50")
    assert (first["strength"], first["strength_level"]) == ("Moderate", "3")
    # fewer errors is better: the intervention's lower mean is a positive g
    assert float(pretest["g"]) > 0 and pretest["higher_is_better"] == "false"
    assert float(pretest["baseline_difference"]) == pytest.approx(-(6 - 6.1) / 2, abs=1e-4)
    assert (published["source"], published["g"], published["ci_low"], published["ci_high"]) == (
        "reported", "1.31", "0.9", "1.72")
    assert (published["months"], published["months_or_more"], published["n_intervention"]) == (
        "12", "true", "")
    assert (change["result"], change["g"], change["months"], change["ci_low"]) == ("change", "", "", "")
    assert change["standardised_change"] and change["n_before"] == "20" and change["n_after"] == "19"


def test_the_json_holds_the_same_rows(knowledge: KnowledgeBase) -> None:
    rows = json.loads(outcomes_json(knowledge))
    from_csv = list(csv.DictReader(io.StringIO(outcomes_csv(knowledge), newline="")))
    assert len(rows) == len(from_csv) == 4
    assert rows[0]["stages"] == ["deliver", "sustain"] and rows[3]["g"] is None
    for row, line in zip(rows, from_csv, strict=True):
        for name in ("g", "ci_low", "ci_high", "standardised_change"):
            assert (row[name] is None and line[name] == "") or math.isclose(row[name], float(line[name]))


def test_no_findings_still_gives_the_header(repo: Path) -> None:
    knowledge = assemble(validate(repo).sources)
    text = outcomes_csv(knowledge)
    assert text == ",".join(fields(knowledge)) + "\r\n" and json.loads(outcomes_json(knowledge)) == []
