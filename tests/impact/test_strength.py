"""The strength rating: each rule moves a finding's level as the published rules say."""

from __future__ import annotations

import pytest

from goldenthread.impact.effect import Group, Interval
from goldenthread.impact.finding import Finding, result_of
from goldenthread.impact.strength import LEVELS, rate_one_group, rate_two_groups

CLEAR = Interval(0.1, 0.7)
CROSSING = Interval(-0.2, 0.6)


@pytest.mark.parametrize(("interval", "pupils", "pretest", "baseline", "level"), [
    (CLEAR, 80, True, 0.02, 4),       # level start, large, clear of zero
    (CLEAR, 80, True, -0.05, 4),      # 0.05 apart still counts as level
    (CLEAR, 80, True, 0.12, 3),       # a little apart
    (CLEAR, 80, True, -0.4, 2),       # not equivalent
    (CLEAR, 80, False, None, 3),      # no pre-test
    (CLEAR, 30, False, None, 2),      # small
    (CROSSING, 80, False, None, 2),   # crosses zero
    (CROSSING, 30, False, None, 1),   # small and crosses zero
    (CROSSING, 20, True, 0.6, 1),     # everything against it: never below 1
    (CLEAR, None, False, None, 2),    # a reported result: sizes not given
    (Interval(0.0, 0.5), 80, False, None, 2),  # touching zero counts as including it
])
def test_two_group_levels(interval: Interval, pupils: int | None, pretest: bool,
                          baseline: float | None, level: int) -> None:
    found = rate_two_groups(interval, pupils, pretest, baseline)
    assert found.level == level
    assert found.name == LEVELS[level]
    assert str(found).startswith(LEVELS[level])
    assert all(reason and not reason[0].isupper() for reason in found.reasons)  # joined after a colon


def test_one_group_is_always_the_lowest_and_never_called_an_effect() -> None:
    found = rate_one_group()
    assert found.level == 1
    assert "no comparison group" in found.reasons[0]
    result = result_of(Finding("Spelling score", "one-group", before=Group(20, 10, 3),
                               after=Group(20, 14, 3)))
    assert not result.is_effect and result.months is None and result.estimate.interval is None
    assert "effect" not in " ".join(result.strength.reasons)


def test_a_pretest_finding_reports_how_far_apart_the_groups_started() -> None:
    result = result_of(Finding(
        "Reading age", "two-group-pretest", intervention=Group(40, 105, 10), comparison=Group(40, 100, 10),
        intervention_pre=Group(40, 96, 10), comparison_pre=Group(40, 93, 10)))
    assert result.baseline is not None and round(result.baseline, 2) == 0.3
    assert result.strength.level == 2 and "did not start level" in result.strength.reasons[0]
    # g is from the post-test alone (REFERENCES.md: the pre-test shows whether they started level)
    assert round(result.estimate.value, 4) == round(0.5 * (1 - 3 / (4 * 78 - 1)), 4)


def test_the_rating_never_uses_the_eefs_word() -> None:
    words = " ".join([*LEVELS.values(), *rate_two_groups(CROSSING, 10, True, 0.5).reasons,
                      *rate_one_group().reasons]).lower()
    assert "padlock" not in words
