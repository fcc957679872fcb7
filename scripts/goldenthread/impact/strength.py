"""How much weight a finding can bear: a rating in plain words, from its design, the size
of its groups and whether its interval crosses zero. The site publishes these rules
(generate/impact.py writes them from the constants here)."""

from __future__ import annotations

from dataclasses import dataclass

from .effect import Interval

LEVELS: dict[int, str] = {4: "Stronger", 3: "Moderate", 2: "Limited", 1: "Very limited"}
TOP = max(LEVELS)
SMALL = 50            # fewer pupils than this in the two groups together: one level down
LEVEL_START = 0.05    # a pre-test difference up to this (in SDs): the groups started level
NOT_EQUIVALENT = 0.25  # above this the groups did not start level (What Works Clearinghouse)


@dataclass(frozen=True)
class Strength:
    """A level from 1 (very limited) to 4 (stronger), and the reasons, in plain words."""

    level: int
    reasons: tuple[str, ...]

    @property
    def name(self) -> str:
        return LEVELS[self.level]

    def __str__(self) -> str:
        return f"{self.name} ({self.level} of {TOP})"


# Each reason's words, as a template (the site's forms fill the same ones: generate/form_data.py).
REASONS: dict[str, str] = {
    "one-group": ("one group measured before and after, with no comparison group: the change may "
                  "have happened anyway, through teaching as usual or growing older"),
    "no-pretest": "two groups compared, with no pre-test to show they started level",
    "level": "two groups compared, and a pre-test showed they started level",
    "apart": ("two groups compared, but they started {apart} standard deviations apart on the "
              "pre-test, which this comparison does not adjust for"),
    "not-level": ("two groups compared, but they did not start level: {apart} standard deviations "
                  "apart on the pre-test"),
    "not-given": "the sizes of the groups are not given, so we cannot check them",
    "small": "{pupils} pupils in all: with fewer than {small}, chance moves a result a lot",
    "crosses": "the interval includes zero: the result fits no difference at all",
    "clear": "the interval does not include zero",
}
ONE_GROUP = REASONS["one-group"]


def _start(baseline: float | None, pretest: bool) -> tuple[int, str]:
    """The level the design allows, before size and the interval are looked at."""
    if not pretest or baseline is None:
        return 3, REASONS["no-pretest"]
    apart = abs(baseline)
    if apart <= LEVEL_START:
        return 4, REASONS["level"]
    if apart <= NOT_EQUIVALENT:
        return 3, REASONS["apart"].format(apart=f"{apart:.2f}")
    return 2, REASONS["not-level"].format(apart=f"{apart:.2f}")


def rate_one_group() -> Strength:
    return Strength(1, (ONE_GROUP,))


def rate_two_groups(interval: Interval, pupils: int | None, pretest: bool = False,
                    baseline: float | None = None) -> Strength:
    """A two-group finding's rating. pupils is both groups together (None when a reported
    result does not give it); baseline the pre-test difference in SDs, where there was one."""
    level, first = _start(baseline, pretest)
    reasons = [first]
    if pupils is None:
        level -= 1
        reasons.append(REASONS["not-given"])
    elif pupils < SMALL:
        level -= 1
        reasons.append(REASONS["small"].format(pupils=pupils, small=SMALL))
    if interval.crosses_zero:
        level -= 1
        reasons.append(REASONS["crosses"])
    else:
        reasons.append(REASONS["clear"])
    return Strength(max(1, level), tuple(reasons))
