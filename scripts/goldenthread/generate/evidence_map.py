"""The evidence map: the seven principles against the four stages, drawn at build time.

The picture is an inline SVG with a text alternative; the table under it carries the
same numbers with links, so nothing depends on seeing colour or the picture.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import KnowledgeBase
from .links import framework_page, href, relative
from .relations import Relations
from .text import attr, front_matter, md, plural

PAGE = "framework/evidence-map.md"
THIN = 3  # fewer titles plus entries than this in a cell counts as thin evidence
CELL_W, CELL_H, LABEL_W, HEAD_H = 150, 56, 330, 40


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


def cells(kb: KnowledgeBase, relations: Relations) -> dict[tuple[str, str], Cell]:
    grid = {}
    for principle in kb.building_blocks:
        titles = relations.titles[("building_blocks", principle.id)]
        entries = relations.entries[("building_blocks", principle.id)]
        for stage in kb.stages:
            grid[(principle.id, stage.id)] = Cell(
                sum(stage.id in t.stages for t in titles), sum(stage.id in e.stages for e in entries))
    return grid


def _band(total: int, top: int) -> int:
    """Shade 0 (none) to 4 (most) for a cell's total."""
    if total == 0:
        return 0
    return min(4, 1 + (4 * total - 1) // max(top, 1))


def svg(kb: KnowledgeBase, grid: dict[tuple[str, str], Cell]) -> str:
    top = max((cell.total for cell in grid.values()), default=0)
    width = LABEL_W + CELL_W * len(kb.stages)
    height = HEAD_H + CELL_H * len(kb.building_blocks)
    parts = [f'<svg class="gt-map" viewBox="0 0 {width} {height}" role="img" '
             f'aria-labelledby="gt-map-title gt-map-desc" xmlns="http://www.w3.org/2000/svg">',
             '<title id="gt-map-title">Evidence map: principles against stages</title>',
             '<desc id="gt-map-desc">For each of the seven principles and each of the four '
             'stages, the number of library titles and action-research entries. The same '
             'numbers are in the table below.</desc>']
    for column, stage in enumerate(kb.stages):
        x = LABEL_W + column * CELL_W + CELL_W // 2
        parts.append(f'<text class="gt-map-head" x="{x}" y="26" text-anchor="middle">'
                     f'{attr(stage.name)}</text>')
    for row, principle in enumerate(kb.building_blocks):
        y = HEAD_H + row * CELL_H
        parts.append(f'<text class="gt-map-label" x="8" y="{y + CELL_H // 2 + 5}">'
                     f'{principle.number}. {attr(principle.name)}</text>')
        for column, stage in enumerate(kb.stages):
            cell = grid[(principle.id, stage.id)]
            x = LABEL_W + column * CELL_W
            shade = f"gt-map-{_band(cell.total, top)}" + (" gt-map-thin" if cell.thin else "")
            parts.append(f'<rect class="{shade}" x="{x + 2}" y="{y + 2}" width="{CELL_W - 4}" '
                         f'height="{CELL_H - 4}" rx="4"/>')
            parts.append(f'<text class="gt-map-count" x="{x + CELL_W // 2}" y="{y + 25}" '
                         f'text-anchor="middle">{cell.titles} + {cell.entries}</text>')
            if cell.thin:
                parts.append(f'<text class="gt-map-note" x="{x + CELL_W // 2}" y="{y + 44}" '
                             'text-anchor="middle">thin</text>')
    parts.append("</svg>")
    return "".join(parts)


def table(kb: KnowledgeBase, grid: dict[tuple[str, str], Cell]) -> str:
    head = "| Principle | " + " | ".join(md(s.name) for s in kb.stages) + " |\n"
    head += "|---|" + "---:|" * len(kb.stages) + "\n"
    rows = ""
    for principle in kb.building_blocks:
        target = relative(PAGE, framework_page("building_blocks", principle.id))
        row = f"| [{principle.number}. {md(principle.name)}]({target}) |"
        for stage in kb.stages:
            cell = grid[(principle.id, stage.id)]
            label = (f"{plural(cell.titles, 'title')}, {plural(cell.entries, 'entry', 'entries')}"
                     + (" (thin)" if cell.thin else ""))
            row += f" [{label}]({target}#stage-{stage.id}) |"
        rows += row + "\n"
    return head + rows


def evidence_map_page(kb: KnowledgeBase, relations: Relations) -> str:
    grid = cells(kb, relations)
    thin = sorted(((p, s) for p in kb.building_blocks for s in kb.stages if grid[(p.id, s.id)].thin),
                  key=lambda pair: (pair[0].number, pair[1].number))
    # "Principle 5", not "5.": a number and a full stop would start a numbered list inside the bullet
    thin_text = ("".join(f"- [Principle {p.number}, {md(p.name)}]"
                         f"({relative(PAGE, framework_page('building_blocks', p.id))}#stage-{s.id}): "
                         f"{md(s.name)}\n" for p, s in thin)
                 if thin else "None: every principle has evidence at every stage.\n")
    back = href(PAGE, "framework/index.md")
    return (front_matter(title="Evidence map")
            + "# Evidence map\n\n"
            "Each cell counts the library titles and action-research entries linked to one of "
            "the seven principles at one stage of the golden thread, written as *titles + "
            f"entries*. A cell with fewer than {THIN} in all is marked **thin**: evidence the "
            "Trust may want to strengthen.\n\n"
            f'<figure class="gt-evidence-map">{svg(kb, grid)}<figcaption>Titles + entries for '
            f'each principle and stage. <a href="{back}">Back to the framework</a>.'
            "</figcaption></figure>\n\n"
            "## The numbers, with links\n\n" + table(kb, grid) + "\n"
            "## Where the evidence is thin\n\n" + thin_text)
