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


ONE_GROUP = ("one group measured before and after, with no comparison group: the change may "
             "have happened anyway, through teaching as usual or growing older")


def _start(baseline: float | None, pretest: bool) -> tuple[int, str]:
    """The level the design allows, before size and the interval are looked at."""
    if not pretest or baseline is None:
        return 3, "two groups compared, with no pre-test to show they started level"
    apart = abs(baseline)
    if apart <= LEVEL_START:
        return 4, "two groups compared, and a pre-test showed they started level"
    if apart <= NOT_EQUIVALENT:
        return 3, (f"two groups compared, but they started {apart:.2f} standard deviations apart on "
                   "the pre-test, which this comparison does not adjust for")
    return 2, (f"two groups compared, but they did not start level: {apart:.2f} standard "
               "deviations apart on the pre-test")


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
        reasons.append("the sizes of the groups are not given, so we cannot check them")
    elif pupils < SMALL:
        level -= 1
        reasons.append(f"{pupils} pupils in all: with fewer than {SMALL}, chance moves a result a lot")
    if interval.crosses_zero:
        level -= 1
        reasons.append("the interval includes zero: the result fits no difference at all")
    else:
        reasons.append("the interval does not include zero")
    return Strength(max(1, level), tuple(reasons))
