"""The evidence map: the items of one framework dimension (its rows) against those of another
(its columns), as docs/framework.yaml's `map:` names them, drawn at build time.

The map is one HTML table: a row a row item, a column a column item, each cell shaded by
how much evidence it holds, saying its numbers in words and linking to that part of the
row item's page. On a phone each row stacks into a block, so no label shrinks and nothing
scrolls sideways; the shade only repeats what the words say.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Dimension, KnowledgeBase
from ..paths import framework_page, href, relative
from .framework import column_anchor
from .relations import Relations
from .text import attr, front_matter, md, plural

# A folder's index page, so that raw HTML links resolve alike in MkDocs and Zensical (which
# reads them from the file's folder, and that is the URL's folder only for an index page).
PAGE = "framework/evidence-map/index.md"
THIN = 3  # fewer titles plus entries than this in a cell counts as thin evidence


@dataclass(frozen=True)
class Cell:
    titles: int
    entries: int

    @property
    def total(self) -> int:
        return self.titles + self.entries

    @property
    def thin(self) -> bool:
        return self.total < THIN


def cells(rows: Dimension, columns: Dimension, relations: Relations) -> dict[tuple[str, str], Cell]:
    grid = {}
    for row in rows.items:
        titles = relations.titles[(rows.id, row.id)]
        entries = relations.entries[(rows.id, row.id)]
        for column in columns.items:
            grid[(row.id, column.id)] = Cell(
                sum(column.id in t.tagged(columns.id) for t in titles),
                sum(column.id in e.tagged(columns.id) for e in entries))
    return grid


def _label(item_number: int, name: str) -> str:
    return f"{item_number}. {name}" if item_number else name


def _band(total: int, top: int) -> int:
    """Shade 0 (none) to 4 (most) for a cell's total."""
    if total == 0:
        return 0
    return min(4, 1 + (4 * total - 1) // max(top, 1))


def _words(cell: Cell) -> str:
    return f"{plural(cell.titles, 'title')}, {plural(cell.entries, 'entry', 'entries')}"


def grid_table(rows: Dimension, columns: Dimension, grid: dict[tuple[str, str], Cell]) -> str:
    """The map: every cell a link to the evidence it counts."""
    top = max((cell.total for cell in grid.values()), default=0)
    head = (f'<thead><tr><th scope="col">{attr(rows.name)}</th>'
            + "".join(f'<th scope="col">{attr(column.name)}</th>' for column in columns.items)
            + "</tr></thead>")
    body = []
    for row in rows.items:
        target = href(PAGE, framework_page(rows, row.id))
        cells_html = []
        for column in columns.items:
            cell = grid[(row.id, column.id)]
            thin = ' <strong class="gt-map-thin">thin</strong>' if cell.thin else ""
            cells_html.append(
                f'<td class="gt-map-{_band(cell.total, top)}" data-label="{attr(column.name)}">'
                f'<a href="{target}#{column_anchor(columns, column)}">{_words(cell)}'
                f'<span class="gt-hidden"> for {attr(_label(row.number, row.name))} at '
                f"{attr(column.name)}</span></a>{thin}</td>")
        body.append(f'<tr><th scope="row"><a href="{target}">{attr(_label(row.number, row.name))}'
                    f'</a></th>{"".join(cells_html)}</tr>')
    caption = (f"Library titles and action-research entries for each {attr(rows.one)} (rows) and "
               f"each {attr(columns.one)} (columns). Darker cells hold more; a cell marked thin "
               f"holds fewer than {THIN}.")
    return (f'<div class="gt-map-wrap"><table class="gt-map"><caption>{caption}</caption>{head}'
            f'<tbody>{"".join(body)}</tbody></table></div>')


def evidence_map_page(kb: KnowledgeBase, relations: Relations) -> str:
    axes = kb.map_axes()
    if axes is None:
        return ""
    rows, columns = axes
    grid = cells(rows, columns, relations)
    thin = [(r, c) for r in rows.items for c in columns.items if grid[(r.id, c.id)].thin]
    # "Principle 5", not "5.": a number and a full stop would start a numbered list inside the bullet
    thin_text = ("".join(f"- [{md(rows.one.capitalize())}{f' {r.number}' if r.number else ''}, {md(r.name)}]"
                         f"({relative(PAGE, framework_page(rows, r.id))}#{column_anchor(columns, c)}): "
                         f"{md(c.name)}\n" for r, c in thin)
                 if thin else f"None: every {md(rows.one)} has evidence at every {md(columns.one)}.\n")
    back = href(PAGE, "framework/index.md")
    return (front_matter(title="Evidence map")
            + "# Evidence map\n\n"
            f"Each cell counts the library titles and action-research entries linked to one "
            f"{md(rows.one)} at one {md(columns.one)}. A cell with fewer than {THIN} in all is "
            "marked **thin**: evidence worth strengthening. Each cell links to "
            "the titles and entries it counts.\n\n"
            + grid_table(rows, columns, grid) + "\n\n"
            f'<p><a href="{back}">Back to the framework</a>.</p>\n\n'
            "## Where the evidence is thin\n\n" + thin_text)
