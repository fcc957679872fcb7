"""The Impact pages: every finding as a forest plot with its table, overall and grouped by
topic, academy, year and the framework's dimensions (with a pooled estimate where three or
more two-group findings share a group); the page that explains the strength rating; and
the findings section of each entry's page. (A finding's words: finding_words.py; the
strength page: strength_page.py.)"""

from __future__ import annotations

from ..findings import Grouping, Placed, findings, grouped, groupings, placed_in
from ..impact.effect import pool
from ..impact.finding import Result
from ..model import Entry, KnowledgeBase
from ..paths import entry_page, href, relative
from .finding_words import COLUMNS, ENTRY_INTRO, ILLUSTRATIVE_WORDS, caveats, finding_cells, result_words
from .forest import Row, forest, interval_words, number
from .strength_page import STRENGTH, strength_page
from .text import attr, front_matter, md, plural

INDEX = "research/impact/index.md"
CSV_NAME, JSON_NAME = "outcomes.csv", "outcomes.json"


def grouping_page(grouping: Grouping) -> str:
    """A folder's index page, so that the plots' raw HTML links resolve alike in MkDocs and
    Zensical (which reads them from the file's folder)."""
    return f"research/impact/{grouping.id.replace('_', '-')}/index.md"


def _strength_link(page: str, result: Result) -> str:
    anchor = result.strength.name.lower().replace(" ", "-")
    return f"[{md(str(result.strength))}]({relative(page, STRENGTH)}#{anchor})"


def _entry_cell(page: str, placed: Placed) -> str:
    label = f"[{md(placed.entry.title)}]({relative(page, entry_page(placed.entry))})"
    return label + (" (illustrative)" if placed.entry.example else "")


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


def index_page(placed: list[Placed], kinds: list[Grouping], trust: str = "") -> str:
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


def impact_pages(kb: KnowledgeBase, trust: str = "") -> dict[str, str]:
    """The Impact page, a page per grouping, and the strength page. trust: the trust's name."""
    placed, kinds = findings(kb), groupings(kb)
    pages = {INDEX: index_page(placed, kinds, trust), STRENGTH: strength_page()}
    for kind in kinds:
        pages[grouping_page(kind)] = grouped_page(kind, placed)
    return pages
