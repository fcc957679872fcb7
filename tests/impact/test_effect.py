"""The arithmetic against independent oracles (tests/impact/oracle.py): Hedges' g and its
interval, months' progress, a one-group change and DerSimonian-Laird pooling."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from goldenthread.impact import effect
from goldenthread.impact.effect import Estimate, Group, hedges_g, months, pool, reported

from . import oracle

sizes = st.integers(min_value=2, max_value=2_000)
means = st.floats(min_value=-1e4, max_value=1e4, allow_nan=False, allow_infinity=False)
# standard deviations across 300 orders of magnitude: a tiny one makes g enormous, a huge one ~0
sds = st.builds(lambda mantissa, exponent: mantissa * 10.0 ** exponent,
                st.floats(min_value=1.0, max_value=9.99), st.integers(min_value=-150, max_value=150))
ordinary_sds = st.floats(min_value=0.01, max_value=1e4)
groups = st.builds(Group, sizes, means, sds)


def close(actual: float, expected: Decimal, scale: Decimal) -> bool:
    """Equal to 1e-9 of the result's scale (an interval's end near zero keeps the
    absolute error of its parts)."""
    return abs(Decimal(actual) - expected) <= Decimal("1e-9") * max(Decimal(1), abs(scale))


def check_against_oracle(first: Group, second: Group, higher_is_better: bool) -> None:
    found = hedges_g(first, second, higher_is_better)
    g, low, high = oracle.hedges(first.mean, first.sd, first.n, second.mean, second.sd, second.n,
                                 higher_is_better)
    scale = abs(g) + (high - low)
    assert found.interval is not None
    assert close(found.value, g, scale), (found, g)
    assert close(found.interval.low, low, scale), (found, low)
    assert close(found.interval.high, high, scale), (found, high)


@given(groups, groups, st.booleans())
@settings(max_examples=400)
@example(Group(2, 10.0, 1.0), Group(2, 8.0, 1.5), True)           # n = 2 in each group
@example(Group(2, 10.0, 1e-150), Group(2, 9.0, 1e-150), True)     # tiny SDs: g near 1e150
@example(Group(30, 10.0, 1e150), Group(30, -10.0, 1e150), False)  # huge SDs: g near 0
def test_hedges_g_and_interval_match_the_oracle(first: Group, second: Group, higher: bool) -> None:
    check_against_oracle(first, second, higher)


@given(sizes, sizes, means, means, ordinary_sds, ordinary_sds)
def test_swapping_the_groups_negates_g_and_mirrors_the_interval(
        n1: int, n2: int, m1: float, m2: float, s1: float, s2: float) -> None:
    first, second = Group(n1, m1, s1), Group(n2, m2, s2)
    ahead, behind = hedges_g(first, second), hedges_g(second, first)
    assert ahead.interval and behind.interval
    assert math.isclose(ahead.value, -behind.value, rel_tol=1e-12, abs_tol=1e-12)
    assert math.isclose(ahead.interval.low, -behind.interval.high, rel_tol=1e-12, abs_tol=1e-12)
    lower_better = hedges_g(Group(n1, m1, s1), Group(n2, m2, s2), higher_is_better=False)
    assert lower_better.value == -ahead.value


@given(groups, groups)
def test_the_interval_holds_g_symmetrically(first: Group, second: Group) -> None:
    found = hedges_g(first, second)
    assert found.interval is not None and found.variance is not None
    assert found.interval.low < found.value < found.interval.high or found.value == 0 or \
        math.isclose(found.interval.low, found.interval.high)
    half = effect.Z95 * math.sqrt(found.variance)
    assert math.isclose(found.interval.high - found.value, half, rel_tol=1e-9)
    assert math.isclose(found.value - found.interval.low, half, rel_tol=1e-9)


@given(st.integers(min_value=2, max_value=500), means, ordinary_sds)
def test_more_pupils_narrow_the_interval(n: int, mean: float, sd: float) -> None:
    small = hedges_g(Group(n, mean + sd / 2, sd), Group(n, mean, sd))
    large = hedges_g(Group(n * 4, mean + sd / 2, sd), Group(n * 4, mean, sd))
    assert small.interval and large.interval
    assert large.interval.high - large.interval.low < small.interval.high - small.interval.low


def test_n_of_two_has_the_largest_correction() -> None:
    """J at its smallest: 1 - 3/(4*2 - 1) = 4/7 when both groups have two pupils."""
    assert math.isclose(effect.correction(2), 4 / 7)
    found = hedges_g(Group(2, 11.0, 1.0), Group(2, 10.0, 1.0))
    assert math.isclose(found.value, 4 / 7)


def test_borenstein_worked_example() -> None:
    """Borenstein et al. (2009), ch. 4: means 103 and 100, SDs 5.5 and 4.5, 50 in each group:
    S_within 5.0249, d 0.5970, J 0.9923, g 0.5924, V_g 0.0411, SE_g 0.2028."""
    first, second = Group(50, 103, 5.5), Group(50, 100, 4.5)
    assert round(effect.pooled_sd(first, second), 4) == 5.0249
    assert round(effect.cohens_d(first, second), 4) == 0.5970
    assert round(effect.correction(98), 4) == 0.9923
    found = hedges_g(first, second)
    assert found.variance is not None
    assert (round(found.value, 4), round(found.variance, 4), round(math.sqrt(found.variance), 4)) == (
        0.5924, 0.0411, 0.2028)


@pytest.mark.parametrize("bad", [Group(1, 5, 1), Group(5, 5, 0), Group(5, 5, -1), Group(5, 5, math.nan)])
def test_refuses_groups_it_cannot_compute(bad: Group) -> None:
    with pytest.raises(ValueError):
        hedges_g(bad, Group(10, 5, 1))


# ---- months ------------------------------------------------------------------------------------

@given(st.floats(min_value=-3, max_value=3, allow_nan=False))
@example(0.185)
@example(-0.185)
@example(0.005)
@example(1.005)
@example(-0.0)
def test_months_match_the_eefs_table(g: float) -> None:
    found = months(g)
    assert (found.value, found.or_more) == oracle.months(g)


@given(st.integers(min_value=-300, max_value=300))
def test_months_are_mirrored_for_negative_effects(hundredths: int) -> None:
    g = hundredths / 100
    assert months(-g).value == -months(g).value
    assert months(-g).or_more == months(g).or_more


@pytest.mark.parametrize(("g", "shown"), [
    (0.0, "0"), (0.01, "0"), (0.02, "1"), (0.09, "1"), (0.1, "2"), (0.26, "3"), (0.27, "4"),
    (0.52, "6"), (0.53, "7"), (0.95, "11"), (0.96, "12"), (1.0, "12"), (1.01, "12 or more"),
    (-0.27, "-4"), (-1.5, "-12 or more"), (0.094, "1"), (0.095, "2"), (2.0, "12 or more"),
    (1e150, "12 or more"), (-1e150, "-12 or more"),
])
def test_months_at_the_edges_of_each_band(g: float, shown: str) -> None:
    assert str(months(g)) == shown


# ---- a reported result, a one-group change ----------------------------------------------------

@given(st.floats(min_value=-2, max_value=2), st.floats(min_value=0.001, max_value=2),
       st.floats(min_value=0.001, max_value=2))
def test_a_reported_result_passes_through(g: float, below: float, above: float) -> None:
    found = reported(g, g - below, g + above)
    assert found.value == g and found.interval is not None
    assert (found.interval.low, found.interval.high) == (g - below, g + above)
    assert found.variance is not None
    assert math.isclose(math.sqrt(found.variance), ((g + above) - (g - below)) / (2 * 1.96))


@given(groups, groups, st.booleans())
def test_one_group_change_matches_the_oracle(before: Group, after: Group, higher: bool) -> None:
    found = effect.standardised_change(before, after, higher)
    expected = oracle.change((before.mean, before.sd, before.n), (after.mean, after.sd, after.n), higher)
    assert close(found, expected, expected)


# ---- pooling ---------------------------------------------------------------------------------

findings = st.lists(st.tuples(st.floats(min_value=-2, max_value=2),
                              st.floats(min_value=0.005, max_value=1.5)), min_size=3, max_size=12)


@given(findings)
@settings(max_examples=300)
def test_dersimonian_laird_matches_the_exact_oracle(pairs: list[tuple[float, float]]) -> None:
    values, variances = [p[0] for p in pairs], [p[1] for p in pairs]
    found = pool([Estimate(v, None, var) for v, var in pairs])
    exact = oracle.dersimonian_laird(values, variances)
    assume(exact["q"] > Fraction(1, 10**9) or exact["q"] == 0)  # Q~0: I^2 is 0/0 in floats
    assert math.isclose(found.estimate.value, float(exact["mean"]), rel_tol=1e-9, abs_tol=1e-9)
    assert found.estimate.variance is not None
    assert math.isclose(found.estimate.variance, float(exact["variance"]), rel_tol=1e-9)
    assert math.isclose(found.tau2, float(exact["tau2"]), rel_tol=1e-7, abs_tol=1e-9)
    assert math.isclose(found.i2, float(exact["i2"]), rel_tol=1e-7, abs_tol=1e-7)
    assert found.k == len(pairs)
    assert found.estimate.interval is not None
    assert found.estimate.interval.low < found.estimate.value < found.estimate.interval.high


def test_identical_findings_pool_to_themselves_with_no_heterogeneity() -> None:
    found = pool([Estimate(0.3, None, 0.04)] * 4)
    assert math.isclose(found.estimate.value, 0.3)
    assert found.tau2 == 0 and found.i2 == 0
    assert found.estimate.variance is not None
    assert math.isclose(found.estimate.variance, 0.01)


def test_pooling_needs_variances() -> None:
    with pytest.raises(ValueError):
        pool([Estimate(0.3), Estimate(0.2, None, 0.1), Estimate(0.1, None, 0.1)])
