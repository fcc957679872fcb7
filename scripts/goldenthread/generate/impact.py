"""The Impact pages: every finding as a forest plot with its table, overall and grouped by
topic, academy, year and the framework's dimensions (with a pooled estimate where three or
more two-group findings share a group); the page that explains the strength rating; and
the findings section of each entry's page."""

from __future__ import annotations

from ..impact import strength as rules
from ..impact.effect import MONTHS_TABLE, Z95, pool
from ..impact.finding import DESIGN_NAMES, Result
from ..impact.grouping import Grouping, Placed, findings, grouped, groupings, placed_in
from ..model import Entry, KnowledgeBase
from .forest import Row, forest, interval_words, number
from .links import entry_page, href, relative
from .text import attr, front_matter, md, plural

INDEX = "research/impact/index.md"
STRENGTH = "research/impact/strength.md"
CSV_NAME, JSON_NAME = "outcomes.csv", "outcomes.json"
ILLUSTRATIVE_WORDS = ("Illustrative: the numbers were invented to show the format; they are not "
                      "anyone's results")


def grouping_page(grouping: Grouping) -> str:
    return f"research/impact/{grouping.id.replace('_', '-')}.md"


# ---- a finding in words ---------------------------------------------------------------------

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


def _strength_link(page: str, result: Result) -> str:
    anchor = result.strength.name.lower().replace(" ", "-")
    return f"[{md(str(result.strength))}]({relative(page, STRENGTH)}#{anchor})"


def _entry_cell(page: str, placed: Placed) -> str:
    label = f"[{md(placed.entry.title)}]({relative(page, entry_page(placed.entry))})"
    return label + (" (illustrative)" if placed.entry.example else "")


COLUMNS = ("Measure", "Design", "Pupils", "Result", "95% interval", "Months' progress", "Strength")


def finding_cells(result: Result) -> list[str]:
    """A finding's cells in COLUMNS' order, as plain text: the site's tables and the PDF's."""
    interval = result.estimate.interval
    return [result.finding.measure, DESIGN_NAMES[result.finding.design], _pupils(result),
            _result_cell(result), interval_words(interval) if interval else "none", _months(result),
            str(result.strength)]


def findings_table(page: str, placed: list[Placed], with_entry: bool = True) -> str:
    """The data table a plot stands for: every number in it, and the strength."""
    head = ["Entry", *COLUMNS] if with_entry else list(COLUMNS)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for one in placed:
        cells = [md(cell) for cell in finding_cells(one.result)]
        if one.entry.example and not with_entry:
            cells[0] += " (illustrative)"
        cells[-1] = _strength_link(page, one.result)
        if with_entry:
            cells.insert(0, _entry_cell(page, one))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n\n"


# ---- plots ------------------------------------------------------------------------------------

def _label(page: str, placed: Placed, with_entry: bool) -> str:
    measure = attr(placed.result.finding.measure)
    if not with_entry:
        return measure
    link = f'<a href="{attr(href(page, entry_page(placed.entry)))}">{attr(placed.entry.title)}</a>'
    return f"{link}: {measure}"


def _row(page: str, placed: Placed, with_entry: bool) -> Row:
    result = placed.result
    return Row(_label(page, placed, with_entry), result.estimate.value, result.estimate.interval,
               result_words(result), placed.entry.example)


def _pooled_rows(effects: list[Placed]) -> list[Row]:
    """A pooled row for the real findings and one for the illustrative, each only with 3 or more:
    invented numbers are never pooled with real ones."""
    rows = []
    for illustrative in (False, True):
        chosen = [one.result.estimate for one in effects if one.entry.example == illustrative]
        if len(chosen) < 3:
            continue
        pooled = pool(chosen)
        label = (f"Pooled estimate{' of the illustrative findings' if illustrative else ''} "
                 f"(random effects, DerSimonian-Laird): {pooled.k} findings, "
                 f"I\u00b2 {round(pooled.i2 * 100)}%")
        interval = pooled.estimate.interval
        assert interval is not None
        words = f"g {number(pooled.estimate.value)} ({interval_words(interval)})"
        rows.append(Row(attr(label), pooled.estimate.value, interval, words, illustrative, True))
    return rows


POOLED_NOTE = ("The pooled estimate is labelled as such. It combines different measures from "
               "different classes, and counts the same pupils more than once where an entry "
               "reports several findings: read it as a summary of these findings, not as a "
               "result of its own. Illustrative findings are never pooled with real ones.\n\n")


def plots(page: str, ident: str, placed: list[Placed], with_entry: bool = True,
          pooled: bool = False) -> str:
    """The effects' plot (with pooled rows where asked and possible), the one-group changes'
    plot, and the table of them all."""
    effects = [one for one in placed if one.result.is_effect]
    changes = [one for one in placed if not one.result.is_effect]
    text = ""
    if effects:
        rows = [_row(page, one, with_entry) for one in effects]
        extra = _pooled_rows(effects) if pooled else []
        illustrative = any(one.entry.example for one in effects)
        caption = ("Effects of the approach, two groups compared: each mark is Hedges' g, the bar "
                   "its 95% interval, the dashed line zero (no difference); right of it, the "
                   "approach's group did better.")
        if illustrative:
            caption += " Illustrative findings are drawn hollow with a broken bar, and labelled."
        text += forest(f"{ident}-effects", caption, rows + extra)
        if extra:
            text += POOLED_NOTE
    if changes:
        rows = [_row(page, one, with_entry) for one in changes]
        caption = ("Changes in one group, before and after (not effects of the approach): each mark "
                   "is the change in standard deviations; there is no interval.")
        text += forest(f"{ident}-changes", caption, rows, unit="change in standard deviations")
    return text + findings_table(page, placed, with_entry)


# ---- the entry's own section -------------------------------------------------------------------

ENTRY_INTRO = ("How to read these: an effect size (Hedges' g) of 0.2 means the group that had "
               "the approach scored about a fifth of a standard deviation better than the group "
               "that did not. The 95% interval is the range of results that chance alone could "
               "easily have given; if it includes zero, the result fits no difference at all. "
               "Months' progress is the Education Endowment Foundation's conversion of an effect "
               "size, for two groups only. One class's result is not proof that an approach works "
               "elsewhere.")


def entry_findings(entry: Entry, page: str) -> str:
    """The entry page's section on its findings: plots, table and caveats ("" without findings)."""
    placed = placed_in(entry)
    if not placed:
        return ""
    text = ("## Findings\n\n" + ENTRY_INTRO
            + f" [How strong is each finding?]({relative(page, STRENGTH)})\n\n")
    if entry.example:
        text += f"**{ILLUSTRATIVE_WORDS}.**\n\n"
    text += plots(page, "findings", placed, with_entry=False)
    for one in placed:
        text += f"**{md(one.result.finding.measure)}.** " + " ".join(md(n) for n in caveats(one)) + "\n\n"
    return text


# ---- the Impact pages ------------------------------------------------------------------------------

INTRO = ("What changed, by how much and how surely, in every finding our action research "
         "reports. Two groups compared give an effect size (Hedges' g) with its 95% interval, "
         "the Education Endowment Foundation's months' progress and a strength rating; one "
         "group measured before and after gives only a change, which is never called an "
         "effect of the approach. Each finding links to its entry, where its caveats are.")


def _illustrative_notice(placed: list[Placed]) -> str:
    count = sum(one.entry.example for one in placed)
    if not count:
        return ""
    every = count == len(placed)
    return ('!!! note "Illustrative findings"\n    '
            + ("Every finding shown here so far" if every else f"{plural(count, 'finding')} shown here")
            + " comes from an illustrative entry: the numbers were invented to show the format, "
            "and they are marked \"Illustrative\" on every plot and table.\n\n")


def index_page(kb: KnowledgeBase, placed: list[Placed], kinds: list[Grouping], trust: str = "") -> str:
    heading = f"Impact across {trust}" if trust else "Impact"
    text = front_matter(title="Impact") + f"# {md(heading)}\n\n" + INTRO + "\n\n"
    text += _illustrative_notice(placed)
    text += (f"[How strong is a finding? How the rating and the months are worked out]"
             f"({relative(INDEX, STRENGTH)})\n\n")
    text += "## Grouped\n\n" + "".join(
        f"- [By {md(kind.name.lower())}]({relative(INDEX, grouping_page(kind))})\n" for kind in kinds)
    text += ("\nEvery finding, one row each, for a spreadsheet or an analyst: "
             f"[CSV]({relative(INDEX, 'research/' + CSV_NAME)}) · "
             f"[JSON]({relative(INDEX, 'research/' + JSON_NAME)}).\n\n")
    text += "## Every finding\n\n"
    if not placed:
        return text + "No entry reports a finding yet.\n"
    entries = plural(len({one.entry.id for one in placed}), "entry", "entries")
    return text + f"{plural(len(placed), 'finding')} from {entries}.\n\n" + plots(INDEX, "all", placed)


def grouped_page(grouping: Grouping, placed: list[Placed]) -> str:
    page = grouping_page(grouping)
    name = grouping.name.lower()
    text = front_matter(title=f"Impact by {name}") + f"# Impact by {md(name)}\n\n"
    text += (f"Every finding, grouped by its entry's {md(name)}; an entry in several groups is "
             "in each. Where three or more findings from two groups share a group, a pooled "
             f"estimate is shown, labelled as such. [All findings]({relative(page, INDEX)}) · "
             f"[How strong is a finding?]({relative(page, STRENGTH)})\n\n")
    text += _illustrative_notice(placed)
    groups = grouped(placed, grouping)
    if not groups:
        return text + "No entry reports a finding yet.\n"
    for ident, label, members in groups:
        text += f"## {md(label)}\n\n" + plots(page, f"{grouping.id}-{ident}", members, pooled=True)
    return text


LEVEL_WORDS = {
    4: "Two groups that a pre-test showed started level, enough pupils, and an interval clear of zero.",
    3: "Two groups, with one thing short: no pre-test, a small start apart, few pupils or an "
       "interval that includes zero.",
    2: "Two groups, with two things short, or groups that did not start level.",
    1: "One group before and after, or two groups with most things short: a change worth "
       "noting, not evidence that the approach caused it.",
}


def _months_table() -> str:
    lines = ["| Effect size | Months' progress |", "|---|---|"]
    low = 0
    for highest, months in MONTHS_TABLE:
        lines.append(f"| {low / 100:.2f} to {highest / 100:.2f} | {months} |")
        low = highest + 1
    lines.append("| above 1.00 | 12 or more |")
    return "\n".join(lines) + "\n\n"


def strength_page() -> str:
    """How a finding's strength is rated, and how its numbers are worked out: made from the
    same constants as the rating itself."""
    text = front_matter(title="How strong is a finding?") + "# How strong is a finding?\n\n"
    text += ("Every finding on this site carries a strength rating in plain words: how much "
             "weight it can bear. The rating is ours, in the spirit of the Education Endowment "
             "Foundation's evidence-strength ratings, and is worked out in the same way for every "
             "finding from three things: how the study was designed, how many pupils it measured, "
             "and whether its interval includes zero.\n\n")
    text += "## The levels\n\n" + "".join(
        f"### {rules.LEVELS[level]}\n\n{level} of {rules.TOP}. {LEVEL_WORDS[level]}\n\n"
        for level in sorted(rules.LEVELS, reverse=True))
    text += (
        "## How it is worked out\n\n"
        "1. Start from the design:\n"
        f"    - two groups, and a pre-test showed they started level (no more than "
        f"{rules.LEVEL_START:.2f} standard deviations apart): {rules.LEVELS[4]};\n"
        f"    - two groups a little apart on the pre-test ({rules.LEVEL_START:.2f} to "
        f"{rules.NOT_EQUIVALENT:.2f} standard deviations), two groups with no pre-test, or a "
        f"published result: {rules.LEVELS[3]};\n"
        f"    - two groups more than {rules.NOT_EQUIVALENT:.2f} standard deviations apart on the "
        f"pre-test: {rules.LEVELS[2]};\n"
        f"    - one group before and after: {rules.LEVELS[1]}, whatever else is true.\n"
        f"2. For two groups, one level down when there are fewer than {rules.SMALL} pupils in the "
        "two groups together, or their sizes are not given.\n"
        "3. For two groups, one level down when the 95% interval includes zero.\n"
        f"4. Never below {rules.LEVELS[1]}.\n\n"
        "The limits on starting level come from the What Works Clearinghouse's standards: groups "
        "more than 0.25 standard deviations apart before are not comparable, and 0.05 to 0.25 "
        "needs a statistical adjustment that these comparisons do not make.\n\n"
        "## What the rating cannot know\n\n"
        "Whether pupils were put into groups at random; whether the test suited both groups "
        "equally; whether the same adults taught both; whether the pupils knew they were being "
        "watched. Even a finding rated stronger comes from a few classes in one school: it is a "
        "reason to look closer, not a verdict.\n\n")
    text += (
        "## The numbers\n\n"
        "Two groups (Borenstein, Hedges, Higgins and Rothstein, 2009, *Introduction to "
        "Meta-Analysis*, chapter 4): the effect size is the difference between the groups' "
        "means after, divided by their pooled standard deviation, and multiplied by Hedges' "
        "small-sample correction, J = 1 − 3 / (4(n₁ + n₂ − 2) − 1). Its sign is turned round "
        "when a lower score is better, so a positive effect always means the approach's group "
        f"did better. The 95% interval is the effect plus or minus {Z95} standard errors. With a "
        "pre-test, the effect is still worked out from the scores after; the pre-test shows "
        "whether the groups started level.\n\n"
        "One group: the change is the difference between the means after and before, divided "
        "by their pooled standard deviation. It has no interval and no months: both need a "
        "comparison group, or how closely each pupil's two scores go together.\n\n"
        "Pooled estimates (DerSimonian and Laird, 1986, random effects) combine three or more "
        "findings from two groups that share a group on the Impact pages; I² (Higgins and "
        "Thompson, 2002) is the share of the spread between them beyond what chance would give.\n\n"
        "## Months' progress\n\n"
        "The Education Endowment Foundation's Teaching and Learning Toolkit converts an effect "
        "size, to two decimal places, into months of additional progress; a negative effect "
        "gives the same number of months, negative. The EEF asks that months be read beside the "
        "strength of the evidence.\n\n" + _months_table())
    return text


def impact_pages(kb: KnowledgeBase, trust: str = "") -> dict[str, str]:
    """The Impact page, a page per grouping, and the strength page. trust: the trust's name."""
    placed, kinds = findings(kb), groupings(kb)
    pages = {INDEX: index_page(kb, placed, kinds, trust), STRENGTH: strength_page()}
    for kind in kinds:
        pages[grouping_page(kind)] = grouped_page(kind, placed)
    return pages
