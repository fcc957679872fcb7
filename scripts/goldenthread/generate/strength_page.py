"""The page that explains the strength rating and how a finding's numbers are worked out,
made from the same constants as the rating itself."""

from __future__ import annotations

from ..impact import strength as rules
from ..impact.effect import MONTHS_TABLE, Z95
from .text import front_matter

STRENGTH = "research/impact/strength/index.md"


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
