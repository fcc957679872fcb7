"""Findings (`outcomes:`) that validate refuses, each at the line it must name, and the
kinds it accepts. Line 10 of each entry is `outcomes:`; its first finding starts on 11."""

from __future__ import annotations

from pathlib import Path

import pytest

from goldenthread.codes import BY_CODE
from goldenthread.messages import TEMPLATES
from goldenthread.validation import validate

from ..conftest import Write
from ..test_malformed import entry

E = "research/2025/case.md"


def outcomes(*findings: str) -> str:
    return "outcomes:\n" + "".join(findings)


def two_group(intervention: str = "{n: 14, mean: 92.5, sd: 18.2}",
              comparison: str = "{n: 13, mean: 84.1, sd: 17.6}", design: str = "two-group",
              extra: str = "", better: str | None = "true") -> str:
    return ("  - measure: Reading fluency (words correct per minute)\n"      # 11
            f"    design: {design}\n"                                         # 12
            + (f"    higher_is_better: {better}\n" if better is not None else "")  # 13
            + f"    intervention: {intervention}\n"                           # 14
            f"    comparison: {comparison}\n" + extra)                        # 15


def reported(size: str = "{g: 0.31, ci: [-0.05, 0.67]}", design: str = "two-group", extra: str = "") -> str:
    return ("  - measure: Spelling age (months)\n"
            f"    design: {design}\n"
            f"    effect_size: {size}\n" + extra)                             # 13


def one_group(before: str = "{n: 20, mean: 17, sd: 4.5}", after: str = "{n: 19, mean: 19.5, sd: 4}",
              extra: str = "") -> str:
    return ("  - measure: Times tables check (out of 25)\n"
            "    design: one-group\n"
            "    higher_is_better: true\n"
            f"    before: {before}\n"                                          # 14
            f"    after: {after}\n" + extra)                                   # 15


PRE = "{n: 14, mean: 92.5, sd: 18.2, pre: {mean: 70, sd: 15}}"
PRE_C = "{n: 13, mean: 84.1, sd: 17.6, pre: {mean: 71, sd: 14}}"

VALID = {
    "two groups": outcomes(two_group()),
    "two groups, whole numbers": outcomes(two_group("{n: 14, mean: 92, sd: 18}",
                                                    "{n: 13, mean: 84, sd: 17}")),
    "two groups, lower is better": outcomes(two_group(better="false")),
    "with a pre-test": outcomes(two_group(PRE, PRE_C, "two-group-pretest")),
    "with a pre-test, in blocks": outcomes(
        "  - measure: Reading age\n    design: two-group-pretest\n    higher_is_better: true\n"
        "    intervention:\n      n: 30\n      mean: 101\n      sd: 9\n      pre:\n        mean: 95\n"
        "        sd: 8.5\n    comparison:\n      n: 31\n      mean: 98\n      sd: 9.5\n      pre:\n"
        "        mean: 95.5\n        sd: 9\n"),
    "a reported result": outcomes(reported()),
    "a reported result with a pre-test": outcomes(reported(design="two-group-pretest")),
    "one group": outcomes(one_group()),
    "within a scale": outcomes(one_group(extra="    scale: {min: 0, max: 25}\n")),
    "several": outcomes(two_group(), reported(), one_group()),
}


@pytest.mark.parametrize("name", list(VALID))
def test_valid_findings_pass(repo: Path, write: Write, name: str) -> None:
    write(E, entry(VALID[name]))
    assert [p for p in validate(repo).problems if p.level == "error"] == []


BAD: list[tuple[str, str, set[tuple[int, str]]]] = [
    # --- group sizes and spreads
    ("a group of one", outcomes(two_group(comparison="{n: 1, mean: 84.1, sd: 17.6}")),
     {(15, "outcome-group-size")}),
    ("no pupils", outcomes(one_group(before="{n: 0, mean: 31, sd: 6.5}")), {(14, "outcome-group-size")}),
    ("a standard deviation of 0", outcomes(two_group(intervention="{n: 14, mean: 92.5, sd: 0}")),
     {(14, "outcome-sd")}),
    ("a negative standard deviation", outcomes(one_group(after="{n: 19, mean: 35.5, sd: -6}")),
     {(15, "outcome-sd")}),
    ("a pre-test's standard deviation of 0",
     outcomes(two_group(PRE, "{n: 13, mean: 84.1, sd: 17.6, pre: {mean: 71, sd: 0}}", "two-group-pretest")),
     {(15, "outcome-sd")}),
    # --- the design's fields, and no others
    ("no comparison group", outcomes(
        "  - measure: Reading\n    design: two-group\n    higher_is_better: true\n"
        "    intervention: {n: 14, mean: 92.5, sd: 18.2}\n"), {(11, "outcome-missing")}),
    ("no higher_is_better", outcomes(two_group(better=None)), {(11, "outcome-missing")}),
    ("a pre-test design without pre-tests", outcomes(two_group(design="two-group-pretest")),
     {(14, "outcome-missing"), (15, "outcome-missing")}),
    ("a pre-test in a two-group design", outcomes(two_group(PRE)), {(14, "outcome-extra")}),
    ("before and after in a two-group design",
     outcomes(two_group(extra="    before: {n: 20, mean: 31, sd: 6.5}\n")), {(16, "outcome-extra")}),
    ("two groups in a one-group design",
     outcomes(one_group(extra="    comparison: {n: 13, mean: 84.1, sd: 17.6}\n")), {(16, "outcome-extra")}),
    ("groups beside a published result",
     outcomes(reported(extra="    intervention: {n: 14, mean: 92.5, sd: 18.2}\n")), {(14, "outcome-extra")}),
    ("higher_is_better beside a published result",
     outcomes(reported(extra="    higher_is_better: false\n")), {(14, "outcome-extra")}),
    ("a published result for one group", outcomes(reported(design="one-group")),
     {(11, "outcome-missing"), (13, "outcome-extra")}),
    # --- intervals
    ("an interval without its estimate", outcomes(reported("{g: 0.9, ci: [-0.05, 0.67]}")),
     {(13, "outcome-interval")}),
    ("an interval written highest first", outcomes(reported("{g: 0.31, ci: [0.67, -0.05]}")),
     {(13, "outcome-interval")}),
    ("an interval of three numbers", outcomes(reported("{g: 0.31, ci: [-0.05, 0.3, 0.67]}")),
     {(13, "outcome-interval")}),
    ("an interval on its own lines", outcomes(
        "  - measure: Spelling\n    design: two-group\n    effect_size:\n      g: -0.4\n      ci:\n"
        "        - -0.1\n        - 0.2\n"), {(16, "outcome-interval")}),
    # --- scales
    ("a mean above the scale", outcomes(one_group(after="{n: 19, mean: 26, sd: 6}",
                                                  extra="    scale: {min: 0, max: 25}\n")),
     {(15, "outcome-scale")}),
    ("a pre-test mean below the scale",
     outcomes(two_group(PRE, "{n: 13, mean: 84.1, sd: 17.6, pre: {mean: -1, sd: 14}}", "two-group-pretest",
                        extra="    scale: {min: 0, max: 120}\n")), {(15, "outcome-scale")}),
    ("a standard deviation wider than the scale",
     outcomes(one_group(before="{n: 20, mean: 12, sd: 30}", extra="    scale: {min: 0, max: 25}\n")),
     {(14, "outcome-scale")}),
    ("a scale upside down", outcomes(one_group(extra="    scale: {min: 25, max: 0}\n")),
     {(16, "outcome-scale")}),
    # --- numbers
    ("not a number", outcomes(two_group(intervention="{n: 14, mean: .nan, sd: 18.2}")),
     {(14, "outcome-number")}),
    ("an infinite interval", outcomes(reported("{g: 0.31, ci: [-.inf, 0.67]}")), {(13, "outcome-number")}),
    ("a spread so small the result overflows",
     outcomes(two_group("{n: 14, mean: 92.5, sd: 1.0e-320}", "{n: 13, mean: 84.1, sd: 1.0e-320}")),
     {(11, "outcome-number")}),
    ("a spread so small the result is enormous (a warning)",
     outcomes(two_group("{n: 14, mean: 92.5, sd: 1.0e-40}", "{n: 13, mean: 84.1, sd: 1.0e-40}")),
     {(11, "outcome-large")}),
    ("a standard error typed as an SD (a warning)",
     outcomes(two_group("{n: 14, mean: 92.5, sd: 2.1}", "{n: 13, mean: 84.1, sd: 2.0}")),
     {(11, "outcome-large")}),
    # --- the schema's own, reported once
    ("text for a number", outcomes(two_group(intervention="{n: 14, mean: 92.5, sd: about 18}")),
     {(14, "wrong-type")}),
    ("a whole number of pupils", outcomes(two_group(intervention="{n: 14.5, mean: 92.5, sd: 18}")),
     {(14, "wrong-type")}),
    ("an unknown design", outcomes(two_group(design="two-groups")), {(12, "not-allowed")}),
    ("an unknown field", outcomes(two_group(extra="    notes: x\n")), {(16, "unknown-field")}),
    ("no measure", outcomes("  - design: one-group\n    higher_is_better: true\n"
                            "    before: {n: 20, mean: 31, sd: 6.5}\n    after: {n: 20, mean: 33, sd: 6}\n"),
     {(11, "missing-field")}),
    ("no findings", "outcomes: []\n", {(10, "empty-list")}),
]


@pytest.mark.parametrize(("name", "front", "expected"), BAD, ids=[case[0] for case in BAD])
def test_bad_findings_are_refused_at_their_lines(repo: Path, write: Write, name: str, front: str,
                                                 expected: set[tuple[int, str]]) -> None:
    write(E, entry(front))
    found = {(p.line, p.code) for p in validate(repo).problems if p.path == E}
    assert found == expected
    for problem in validate(repo).problems:
        if problem.code.startswith("outcome-"):
            assert problem.level == BY_CODE[problem.code].level and BY_CODE[problem.code].fix
            assert problem.message[-1] not in ". " and ": " in problem.message  # says what to do


def test_every_outcome_message_has_a_template() -> None:
    codes = {code for code in BY_CODE if code.startswith("outcome-")}
    assert codes and all(code in TEMPLATES for code in codes)
