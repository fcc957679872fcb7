"""A finding in words, the same on the site and in the PDF: its numbers as table cells, and
what to bear in mind about it, in plain words."""

from __future__ import annotations

from ..findings import Placed
from ..impact import strength as rules
from ..impact.finding import DESIGN_NAMES, Result
from .forest import interval_words, number

ILLUSTRATIVE_WORDS = ("Illustrative: the numbers were invented to show the format; they are not "
                      "anyone's results")


def result_words(result: Result) -> str:
    """The result as the plots' rows say it."""
    if not result.is_effect:
        return f"change {number(result.estimate.value)} SD, no interval"
    interval = result.estimate.interval
    return f"g {number(result.estimate.value)}" + (f" ({interval_words(interval)})" if interval else "")


def _pupils(result: Result) -> str:
    finding = result.finding
    if finding.intervention and finding.comparison:
        return f"{finding.intervention.n} and {finding.comparison.n}"
    if finding.before and finding.after:
        return f"{finding.before.n} before, {finding.after.n} after"
    return "not given"


def _result_cell(result: Result) -> str:
    value = number(result.estimate.value)
    return f"g = {value}" if result.is_effect else f"change of {value} SD (one group)"


def _months(result: Result) -> str:
    if result.months is None:
        return "none (one group)"
    return str(result.months).replace("-", "\u2212")


def caveats(placed: Placed) -> list[str]:
    """What to bear in mind about one finding, in plain words."""
    result, found = placed.result, []
    if placed.entry.example:
        found.append(ILLUSTRATIVE_WORDS + ".")
    if not result.is_effect:
        found.append("This is a change in one group, not an effect of the approach: pupils make "
                     "progress anyway, and with no comparison group nobody can tell how much of "
                     "the change the approach made.")
        found.append("It has no interval: that needs to know how closely each pupil's two scores "
                     "go together, which a mean and a standard deviation do not say.")
    if result.source == "reported":
        found.append("A published result: the numbers behind it are not given here.")
    if result.baseline is not None:
        apart = abs(result.baseline)
        side = "ahead" if result.baseline > 0 else "behind"
        if apart > rules.NOT_EQUIVALENT:
            found.append(f"The groups did not start level: the approach's group began {number(apart)} "
                         f"standard deviations {side}, so the difference after may be the difference "
                         "they started with.")
        elif apart > rules.LEVEL_START:
            found.append(f"The approach's group began {number(apart)} standard deviations {side} on the "
                         "pre-test; this comparison does not adjust for that.")
        else:
            found.append("The groups started level on the pre-test.")
    if result.months is not None and result.months.or_more:
        found.append("An effect above 1.00 is past the end of the EEF's table, and rare: check "
                     "the numbers, and read it with care.")
    if result.is_effect and result.estimate.interval and result.estimate.interval.crosses_zero:
        found.append("The interval includes zero: the result fits no difference at all.")
    return found


COLUMNS = ("Measure", "Design", "Pupils", "Result", "95% interval", "Months' progress", "Strength")


def finding_cells(result: Result) -> list[str]:
    """A finding's cells in COLUMNS' order, as plain text: the site's tables and the PDF's."""
    interval = result.estimate.interval
    return [result.finding.measure, DESIGN_NAMES[result.finding.design], _pupils(result),
            _result_cell(result), interval_words(interval) if interval else "none", _months(result),
            str(result.strength)]


ENTRY_INTRO = ("How to read these: an effect size (Hedges' g) of 0.2 means the group that had "
               "the approach scored about a fifth of a standard deviation better than the group "
               "that did not. The 95% interval is the range of results that chance alone could "
               "easily have given; if it includes zero, the result fits no difference at all. "
               "Months' progress is the Education Endowment Foundation's conversion of an effect "
               "size, for two groups only. One class's result is not proof that an approach works "
               "elsewhere.")
