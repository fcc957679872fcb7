"""A finding as an entry states it (front matter `outcomes:`), and what is computed from it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from .effect import Estimate, Group, Months, baseline_difference, hedges_g, months, reported
from .effect import standardised_change as change
from .strength import Strength, rate_one_group, rate_two_groups

Design = Literal["two-group", "two-group-pretest", "one-group"]
DESIGNS: tuple[str, ...] = ("two-group", "two-group-pretest", "one-group")
DESIGN_NAMES = {"two-group": "Two groups compared after",
                "two-group-pretest": "Two groups compared after, with a pre-test",
                "one-group": "One group, before and after"}


@dataclass(frozen=True)
class Finding:
    """One outcome of an entry. Two groups give intervention and comparison (with pre-tests
    for two-group-pretest, of the same pupils) or a reported g with its interval; one group
    gives before and after."""

    measure: str
    design: str
    higher_is_better: bool = True
    intervention: Group | None = None
    comparison: Group | None = None
    intervention_pre: Group | None = None
    comparison_pre: Group | None = None
    before: Group | None = None
    after: Group | None = None
    reported: tuple[float, float, float] | None = None  # g, interval low, high
    scale: tuple[float, float] | None = None

    @property
    def two_groups(self) -> bool:
        return self.design != "one-group"

    @property
    def pupils(self) -> int | None:
        """Both groups together (None for a reported result, which does not give them)."""
        if self.intervention and self.comparison:
            return self.intervention.n + self.comparison.n
        return None


@dataclass(frozen=True)
class Result:
    """What a finding shows: an effect (two groups: Hedges' g, its interval, months) or a
    change (one group: standardised, no interval, no months), and its strength."""

    finding: Finding
    estimate: Estimate
    strength: Strength
    months: Months | None = None
    baseline: float | None = None   # the pre-test difference, where there was a pre-test
    source: Literal["computed", "reported"] = "computed"

    @property
    def is_effect(self) -> bool:
        return self.finding.two_groups


def _group(data: dict[str, Any], n: int | None = None) -> Group:
    return Group(int(data["n"] if n is None else n), float(data["mean"]), float(data["sd"]))


def finding_of(data: dict[str, Any]) -> Finding:
    """A validated finding's front matter as a Finding."""
    scale = data.get("scale")
    common: dict[str, Any] = {
        "measure": data["measure"], "design": data["design"],
        "higher_is_better": bool(data.get("higher_is_better", True)),
        "scale": (float(scale["min"]), float(scale["max"])) if scale else None}
    if "effect_size" in data:
        size = data["effect_size"]
        return Finding(**common, reported=(float(size["g"]), float(size["ci"][0]), float(size["ci"][1])))
    if data["design"] == "one-group":
        return Finding(**common, before=_group(data["before"]), after=_group(data["after"]))
    intervention, comparison = data["intervention"], data["comparison"]
    return Finding(
        **common, intervention=_group(intervention), comparison=_group(comparison),
        intervention_pre=_group(intervention["pre"], intervention["n"]) if "pre" in intervention else None,
        comparison_pre=_group(comparison["pre"], comparison["n"]) if "pre" in comparison else None)


def result_of(finding: Finding) -> Result:
    """Everything computed for a finding."""
    better = finding.higher_is_better
    if finding.reported is not None:
        g, low, high = finding.reported
        estimate = reported(g, low, high)
        assert estimate.interval is not None
        return Result(finding, estimate, rate_two_groups(estimate.interval, None), months(g),
                      source="reported")
    if finding.before is not None and finding.after is not None:
        value = change(finding.before, finding.after, better)
        return Result(finding, Estimate(value), rate_one_group())
    assert finding.intervention is not None and finding.comparison is not None
    estimate = hedges_g(finding.intervention, finding.comparison, better)
    assert estimate.interval is not None
    baseline = None
    if finding.intervention_pre is not None and finding.comparison_pre is not None:
        baseline = baseline_difference(finding.intervention_pre, finding.comparison_pre, better)
    strength = rate_two_groups(estimate.interval, finding.pupils,
                               finding.design == "two-group-pretest", baseline)
    return Result(finding, estimate, strength, months(estimate.value), baseline)
