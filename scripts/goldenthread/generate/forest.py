"""Forest plots as static HTML and SVG, readable without a script, in light and dark, and at
320 pixels wide: each row's words are HTML text (they wrap), its mark and interval a small
SVG strip on one axis shared by the figure. The strips are drawn for the eye only
(aria-hidden); the words beside each carry the same numbers, and a table follows."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..impact.effect import Interval
from .text import attr

NICE = (0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 5.0)
HEIGHT = 12  # the strip's height in its own units; its width is 100


@dataclass(frozen=True)
class Row:
    """One line of a plot: its label (HTML, already escaped), the value and its interval
    (None: a point alone), its numbers in words, and how it is drawn."""

    label: str
    value: float
    interval: Interval | None
    words: str
    illustrative: bool = False
    pooled: bool = False


def number(value: float, places: int = 2) -> str:
    """A value to two places with a true minus sign (read aloud as 'minus')."""
    text = f"{value:.{places}f}"
    if text.lstrip("-").strip("0.") == "":
        text = text.lstrip("-")
    return text.replace("-", "\u2212")


def interval_words(interval: Interval) -> str:
    return f"{number(interval.low)} to {number(interval.high)}"


def axis_limit(rows: list[Row]) -> float:
    """The axis runs from -limit to +limit: the smallest round number holding every row."""
    reach = max([abs(r.value) for r in rows] + [max(abs(r.interval.low), abs(r.interval.high))
                                                 for r in rows if r.interval] + [0.0])
    for nice in NICE:
        if reach <= nice:
            return nice
    digits = Decimal(repr(reach)).adjusted()
    step = 10.0 ** digits
    return float(-(-reach // step) * step)


def _x(value: float, limit: float) -> str:
    return f"{(min(max(value, -limit), limit) + limit) / (2 * limit) * 100:.2f}"


def _strip(row: Row, limit: float) -> str:
    middle = HEIGHT / 2
    parts = [f'<line class="gt-forest__zero" x1="50" x2="50" y1="0" y2="{HEIGHT}"/>']
    if row.interval is not None:
        parts.append(f'<line class="gt-forest__ci" x1="{_x(row.interval.low, limit)}" '
                     f'x2="{_x(row.interval.high, limit)}" y1="{middle}" y2="{middle}"/>')
    x = float(_x(row.value, limit))
    if row.pooled and row.interval is not None:
        low, high = _x(row.interval.low, limit), _x(row.interval.high, limit)
        parts.append(f'<polygon class="gt-forest__pooled" points="{low},{middle} {x:.2f},1 {high},{middle} '
                     f'{x:.2f},{HEIGHT - 1}"/>')
    else:
        parts.append(f'<rect class="gt-forest__point" x="{x - 1.2:.2f}" y="2.5" width="2.4" height="7"/>')
    return ('<svg class="gt-forest__strip" viewBox="0 0 100 12" preserveAspectRatio="none" '
            'aria-hidden="true" focusable="false">' + "".join(parts) + "</svg>")


def _row(row: Row, limit: float) -> str:
    kinds = " gt-forest__row--illustrative" if row.illustrative else ""
    kinds += " gt-forest__row--pooled" if row.pooled else ""
    tag = ' <span class="gt-illustrative">Illustrative</span>' if row.illustrative else ""
    return (f'<li class="gt-forest__row{kinds}"><span class="gt-forest__label">{row.label}{tag}</span>'
            f"{_strip(row, limit)}"
            f'<span class="gt-forest__value">{attr(row.words)}</span></li>')


def _axis(limit: float, unit: str) -> str:
    ticks = [-limit, -limit / 2, 0.0, limit / 2, limit]
    places = 2 if limit < 1 else 1
    labels = "".join(f'<span class="gt-forest__tick gt-forest__tick--{i}">{number(t, places)}</span>'
                     for i, t in enumerate(ticks))
    return (f'<div class="gt-forest__axis" aria-hidden="true"><span class="gt-forest__ticks">{labels}</span>'
            f'<span class="gt-forest__unit">{attr(unit)}</span></div>')


def forest(ident: str, caption: str, rows: list[Row], unit: str = "Hedges' g") -> str:
    """The figure: a caption, one line a row, and the shared axis. Raw HTML, one block."""
    limit = axis_limit(rows)
    items = "".join(_row(row, limit) for row in rows)
    return (f'<figure class="gt-forest" id="{attr(ident)}"><figcaption>{attr(caption)}</figcaption>'
            f'<ul class="gt-forest__rows">{items}</ul>{_axis(limit, unit)}</figure>\n\n')
