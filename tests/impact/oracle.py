"""Independent judges of the arithmetic, written from the textbook formulas without the
code under test: decimal arithmetic at 80 digits (which neither overflows nor loses a
tiny SD), fractions for the pooling (exact: DerSimonian and Laird need no square root but
the interval's), and the EEF's table as ranges of hundredths."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

Z = Decimal("1.96")


def hedges(m1: float, s1: float, n1: int, m2: float, s2: float, n2: int,
           higher_is_better: bool = True) -> tuple[Decimal, Decimal, Decimal]:
    """(g, low, high) by Borenstein et al. (2009), ch. 4, in decimal arithmetic."""
    with localcontext() as ctx:
        ctx.prec = 80
        m1_, s1_, m2_, s2_ = (Decimal(x) for x in (m1, s1, m2, s2))
        df = n1 + n2 - 2
        s_within = (((n1 - 1) * s1_ * s1_ + (n2 - 1) * s2_ * s2_) / df).sqrt()
        d = (m1_ - m2_) / s_within
        if not higher_is_better:
            d = -d
        v_d = Decimal(n1 + n2) / (n1 * n2) + d * d / (2 * (n1 + n2))
        j = 1 - Decimal(3) / (4 * df - 1)
        g = j * d
        se = (j * j * v_d).sqrt()
        return +g, +(g - Z * se), +(g + Z * se)


def change(before: tuple[float, float, int], after: tuple[float, float, int],
           higher_is_better: bool = True) -> Decimal:
    """(after - before) / pooled SD of the two occasions."""
    with localcontext() as ctx:
        ctx.prec = 80
        (mb, sb, nb), (ma, sa, na) = before, after
        pooled = (((nb - 1) * Decimal(sb) ** 2 + (na - 1) * Decimal(sa) ** 2) / (nb + na - 2)).sqrt()
        value = (Decimal(ma) - Decimal(mb)) / pooled
        return +(value if higher_is_better else -value)


# months: the EEF's bands as (lowest, highest) in hundredths
BANDS = {0: (0, 1), 1: (2, 9), 2: (10, 18), 3: (19, 26), 4: (27, 35), 5: (36, 44), 6: (45, 52),
         7: (53, 61), 8: (62, 69), 9: (70, 78), 10: (79, 87), 11: (88, 95), 12: (96, 100)}


def months(g: float) -> tuple[int, bool]:
    """(months, or more) from the table, g taken to two places as written in decimal."""
    two = Decimal(repr(g)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    hundredths = abs(int(two * 100))
    sign = -1 if two < 0 else 1
    if hundredths > 100:
        return sign * 12, True
    for month, (low, high) in BANDS.items():
        if low <= hundredths <= high:
            return sign * month, False
    raise AssertionError(f"no band for {g}")


def dersimonian_laird(values: list[float], variances: list[float]) -> dict[str, Fraction]:
    """Exact: mean, its variance, tau^2, Q and I^2 (as fractions)."""
    y = [Fraction(v) for v in values]
    w = [1 / Fraction(v) for v in variances]
    k = len(y)
    sw = sum(w)
    # Q written as sum(w y^2) - (sum w y)^2 / sum w: a different form from the code's
    q = sum(wi * yi * yi for wi, yi in zip(w, y, strict=True)) - sum(
        wi * yi for wi, yi in zip(w, y, strict=True)) ** 2 / sw
    c = sw - sum(wi * wi for wi in w) / sw
    tau2 = max(Fraction(0), (q - (k - 1)) / c)
    ws = [1 / (Fraction(v) + tau2) for v in variances]
    mean = sum(wi * yi for wi, yi in zip(ws, y, strict=True)) / sum(ws)
    i2 = max(Fraction(0), (q - (k - 1)) / q) if q > 0 else Fraction(0)
    return {"mean": mean, "variance": 1 / sum(ws), "tau2": tau2, "q": q, "i2": i2}
