"""The arithmetic of outcomes: pure functions, no I/O.

Two groups (Borenstein, Hedges, Higgins and Rothstein, 2009, *Introduction to
Meta-Analysis*, ch. 4; Hedges and Olkin, 1985):

    s_p = sqrt(((n1-1)s1^2 + (n2-1)s2^2) / (n1+n2-2))      pooled standard deviation
    d   = (m1 - m2) / s_p                                   sign flipped when lower is better
    J   = 1 - 3 / (4(n1+n2-2) - 1)                          small-sample correction
    g   = J d,  Var(g) = J^2 ((n1+n2)/(n1 n2) + d^2 / (2(n1+n2)))
    95% interval: g +/- 1.96 sqrt(Var(g))

The EEF's months' progress come from g rounded to two places (its Toolkit's table);
random-effects pooling is DerSimonian and Laird (1986) with I^2 as in Higgins and
Thompson (2002). Squares are taken of ratios to the larger SD, so neither a tiny nor a
huge SD overflows or vanishes on the way.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

Z95 = 1.96  # REFERENCES.md, "Effect sizes": the interval is g +/- 1.96 SE


@dataclass(frozen=True)
class Group:
    """One group's scores: how many, their mean and standard deviation."""

    n: int
    mean: float
    sd: float


@dataclass(frozen=True)
class Interval:
    low: float
    high: float

    @property
    def crosses_zero(self) -> bool:
        """True when the interval holds zero (touching it counts: no change is still possible)."""
        return self.low <= 0.0 <= self.high


@dataclass(frozen=True)
class Estimate:
    """A standardised difference with its 95% interval and variance (None when unknown)."""

    value: float
    interval: Interval | None = None
    variance: float | None = None


def _check_groups(*groups: Group) -> None:
    for group in groups:
        if group.n < 2 or not group.sd > 0 or not math.isfinite(group.sd) or not math.isfinite(group.mean):
            raise ValueError(f"a group needs n >= 2 and a finite sd > 0: {group}")


def pooled_sd(first: Group, second: Group) -> float:
    """The two groups' standard deviations pooled, weighted by their degrees of freedom."""
    _check_groups(first, second)
    scale = max(first.sd, second.sd)
    df = first.n + second.n - 2
    mix = ((first.n - 1) * (first.sd / scale) ** 2 + (second.n - 1) * (second.sd / scale) ** 2) / df
    return scale * math.sqrt(mix)


def correction(df: int) -> float:
    """Hedges' J for df degrees of freedom (the approximation REFERENCES.md gives)."""
    return 1.0 - 3.0 / (4.0 * df - 1.0)


def _oriented(difference: float, higher_is_better: bool) -> float:
    return difference if higher_is_better else -difference


def cohens_d(intervention: Group, comparison: Group, higher_is_better: bool = True) -> float:
    """The difference in means over the pooled SD, positive when the intervention did better."""
    spread = pooled_sd(intervention, comparison)
    return _oriented((intervention.mean - comparison.mean) / spread, higher_is_better)


def hedges_g(intervention: Group, comparison: Group, higher_is_better: bool = True) -> Estimate:
    """Hedges' g, small-sample corrected, with its 95% interval."""
    n1, n2 = intervention.n, comparison.n
    d = cohens_d(intervention, comparison, higher_is_better)
    j = correction(n1 + n2 - 2)
    # sqrt(a + d^2/(2N)) as a hypotenuse, so a very large d does not overflow when squared
    se_d = math.hypot(math.sqrt((n1 + n2) / (n1 * n2)), d / math.sqrt(2 * (n1 + n2)))
    g, se = j * d, j * se_d
    return Estimate(g, Interval(g - Z95 * se, g + Z95 * se), se * se)


def reported(g: float, low: float, high: float) -> Estimate:
    """A published g and its 95% interval, passed through; the variance is read off the
    interval's width (as a symmetric 95% interval would give it)."""
    se = (high - low) / (2 * Z95)
    return Estimate(g, Interval(low, high), se * se)


def standardised_change(before: Group, after: Group, higher_is_better: bool = True) -> float:
    """One group's change, after minus before, over the pooled SD of the two occasions;
    positive when it moved the better way. A change, not an effect of anything: without a
    comparison group nothing says what would have happened anyway."""
    spread = pooled_sd(before, after)
    return _oriented((after.mean - before.mean) / spread, higher_is_better)


def baseline_difference(intervention_pre: Group, comparison_pre: Group,
                        higher_is_better: bool = True) -> float:
    """How far apart the groups started, in pooled SDs of the pre-test (positive when the
    intervention group started ahead). What Works Clearinghouse: above 0.25 the groups are
    not equivalent; 0.05 to 0.25 needs statistical adjustment."""
    return cohens_d(intervention_pre, comparison_pre, higher_is_better)


# ---- EEF months' additional progress --------------------------------------------------------

# (highest effect size in hundredths, months), from the EEF Toolkit's table (REFERENCES.md)
MONTHS_TABLE: tuple[tuple[int, int], ...] = (
    (1, 0), (9, 1), (18, 2), (26, 3), (35, 4), (44, 5), (52, 6), (61, 7), (69, 8),
    (78, 9), (87, 10), (95, 11), (100, 12),
)
TOP = 100  # above 1.00 the table stops: "12 or more"


@dataclass(frozen=True)
class Months:
    """Months' additional progress; `or_more` when g is past the table's end (above 1.00)."""

    value: int
    or_more: bool = False

    def __str__(self) -> str:
        return f"{self.value} or more" if self.or_more else str(self.value)


def hundredths(g: float) -> int:
    """g rounded to two decimal places (halves away from zero), in hundredths."""
    return int(Decimal(repr(g)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) * 100)


def months(g: float) -> Months:
    """The EEF's months' progress for an effect size; a negative one is mirrored."""
    if not math.isfinite(g):
        raise ValueError(f"no months for a g of {g}")
    if abs(g) > 2 * TOP / 100:  # far past the table (and past decimal's precision for a huge g)
        return Months(int(math.copysign(MONTHS_TABLE[-1][1], g)), True)
    size = hundredths(g)
    sign = -1 if size < 0 else 1
    size = abs(size)
    if size > TOP:
        return Months(sign * MONTHS_TABLE[-1][1], True)
    found = next(month for highest, month in MONTHS_TABLE if size <= highest)
    return Months(sign * found)


# ---- Random-effects pooling ------------------------------------------------------------------

@dataclass(frozen=True)
class Pooled:
    """A DerSimonian-Laird random-effects estimate over k findings."""

    estimate: Estimate
    k: int
    q: float          # Cochran's Q
    tau2: float       # between-findings variance
    i2: float         # share of the variation beyond chance, 0 to 1


def pool(estimates: Sequence[Estimate]) -> Pooled:
    """DerSimonian and Laird's random-effects pooled estimate, with I^2 (needs variances)."""
    if len(estimates) < 2:
        raise ValueError("pooling needs at least two findings")
    values = [e.value for e in estimates]
    variances = [e.variance for e in estimates]
    if any(v is None or not v > 0 for v in variances):
        raise ValueError("pooling needs every finding's variance")
    weights = [1.0 / v for v in variances if v is not None]
    total = sum(weights)
    fixed = sum(w * y for w, y in zip(weights, values, strict=True)) / total
    q = sum(w * (y - fixed) ** 2 for w, y in zip(weights, values, strict=True))
    df = len(estimates) - 1
    c = total - sum(w * w for w in weights) / total
    tau2 = max(0.0, (q - df) / c) if c > 0 else 0.0
    random = [1.0 / (v + tau2) for v in variances if v is not None]
    mean = sum(w * y for w, y in zip(random, values, strict=True)) / sum(random)
    variance = 1.0 / sum(random)
    se = math.sqrt(variance)
    i2 = max(0.0, (q - df) / q) if q > 0 else 0.0
    return Pooled(Estimate(mean, Interval(mean - Z95 * se, mean + Z95 * se), variance),
                  len(estimates), q, tau2, i2)
