"""The framework's pages: one page for the whole framework, a section a dimension, and a page
for each item of a dimension that titles and entries name. Every word of the framework's
own comes from docs/framework.yaml (the model's Dimension); this module only lays it out."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from ..model import Dimension, Entry, KnowledgeBase, Named, Title
from ..paths import entry_page, framework_page, relative, title_page
from .relations import Relations
from .text import attr, front_matter, md, plural

INDEX = "framework/index.md"
CATALOGUE = "library/index.md"
EVIDENCE_MAP = "framework/evidence-map/index.md"
LISTED = 20  # titles an item's page lists; the catalogue, filtered, lists them all
LISTED_BY_COLUMN = 10
# The catalogue's own filters and settings, which a dimension's parameter may not take.
CATALOGUE_PARAMETERS = frozenset({"q", "topic", "career", "format", "held", "year", "sort", "page"})


def filter_parameter(dimension: Dimension) -> str:
    """The catalogue's URL parameter (and form field) for a dimension's filter."""
    return f"f-{dimension.folder}" if dimension.folder in CATALOGUE_PARAMETERS else dimension.folder


def column_anchor(columns: Dimension, column: Named) -> str:
    """The anchor of a column's part of a row item's page: 'stage-explore'."""
    return re.sub(r"[^a-z0-9]+", "-", columns.one.lower()).strip("-") + "-" + column.id


def framework_link_lines(page: str, record: Title | Entry, kb: KnowledgeBase) -> list[str]:
    """'- Principles: ...' style lines linking a title or entry to the framework pages."""
    lines = []
    for dimension in _listing_order(kb):
        named = dimension.named()
        links = [f"[{md(named[i].name)}]({relative(page, framework_page(dimension, i))})"
                 for i in record.tagged(dimension.id) if i in named]
        if links:
            lines.append(f"- {md(dimension.name)}: " + ", ".join(links))
    kinds = (("career_stages", "Career stages"), ("topics", "Topics")) if isinstance(record, Title) \
        else (("topics", "Topics"),)
    for kind, label in kinds:
        named = kb.named(kind)
        names = [md(named[i].name) for i in getattr(record, kind)]
        if names:
            lines.append(f"- {label}: " + ", ".join(names))
    return lines


def _listing_order(kb: KnowledgeBase) -> list[Dimension]:
    """The dimensions on a record's page: the evidence map's rows and columns first (the
    most specific), then the others in the framework's order."""
    axes = kb.map_axes()
    first = list(axes) if axes else []
    return first + [d for d in kb.tagging if d not in first]


def most_relevant(titles: list[Title], count: int, relations: Relations, dimension: str) -> list[Title]:
    """The titles most worth a reader's time on an item's page: those on a reading pathway,
    then those that action research drew on, then those given to fewer items of the same
    dimension (the more focused), then the most recently added; ties by id."""
    def key(title: Title) -> tuple[int, int, int, str, str]:
        return (-int(title.id in relations.on_pathways), -len(relations.entries_citing.get(title.id, ())),
                len(title.tagged(dimension)), _negated(title.added), title.id)
    return sorted(titles, key=key)[:count]


def _negated(date: str) -> str:
    """A key that sorts ISO dates newest first (and no date last)."""
    return "".join(chr(0x10FFFF - ord(c)) for c in date) if date else "\U0010ffff"


def catalogue_link(page: str, label: str, **chosen: str) -> str:
    """A link to the catalogue with its filters set (catalogue.js reads them from the address)."""
    return f"[{label}]({relative(page, CATALOGUE)}?{urlencode(chosen)})"


def _title_list(page: str, titles: list[Title], relations: Relations, dimension: Dimension,
                chosen: dict[str, str]) -> str:
    if not titles:
        return "No library titles are linked to this yet.\n"
    shown, more = (titles, "") if len(titles) <= LISTED else (
        most_relevant(titles, LISTED, relations, dimension.id),
        f"The {LISTED} most relevant (reading pathways and titles that action research drew "
        "on first): " + catalogue_link(page, f"see all {len(titles)} in the library", **chosen)
        + ".\n\n")
    return more + "".join(f"- [{md(t.full_title)}]({relative(page, title_page(t))}) "
                          f"({md(', '.join(t.authors))}, {t.year})\n" for t in shown)


def _entry_list(page: str, entries: list[Entry]) -> str:
    if not entries:
        return "No action-research entries are linked to this yet.\n"
    return "".join(f"- [{md(e.title)}]({relative(page, entry_page(e))}) ({e.year}"
                   f"{', example' if e.example else ''})\n" for e in entries)


def _linked_section(page: str, dimension: Dimension, item: Named, relations: Relations) -> str:
    titles = relations.titles[(dimension.id, item.id)]
    entries = relations.entries[(dimension.id, item.id)]
    chosen = {filter_parameter(dimension): item.id}
    return (f"## Library titles ({len(titles)})\n\n"
            f"{_title_list(page, titles, relations, dimension, chosen)}\n"
            f"## Action research ({len(entries)})\n\n{_entry_list(page, entries)}")


# -- The framework's own page ---------------------------------------------------------------------

def _items_markdown(page: str, dimension: Dimension) -> str:
    """A dimension's items as its section lists them: headings with their summaries when
    the items have summaries, a numbered list when they are numbered, else a list."""
    def name(item: Named) -> str:
        if not dimension.records:
            return md(item.name)
        return f"[{md(item.name)}]({relative(page, framework_page(dimension, item.id))})"

    def parts(item: Named) -> str:
        return (": " + ", ".join(md(part.name.lower()) for part in item.parts)) if item.parts else ""

    if any(item.summary for item in dimension.items):
        return "".join(f"### {f'{item.number}. ' if item.number else ''}{name(item)}\n\n"
                       f"{md(item.summary)}\n\n" for item in dimension.items)
    if all(item.number for item in dimension.items):
        return "".join(f"{item.number}. {name(item)}{parts(item)}\n" for item in dimension.items) + "\n"
    return "".join(f"- {name(item)}{parts(item)}\n" for item in dimension.items) + "\n"


STEP_W, STEP_H, STEP_GAP = 320, 56, 30  # the sequence diagram's boxes, in its own units


def is_sequence(dimension: Dimension) -> bool:
    """Numbered items, each with a summary: steps taken in order (drawn as a diagram)."""
    return len(dimension.items) > 1 and all(i.number and i.summary for i in dimension.items)


def sequence_diagram(dimension: Dimension) -> str:
    """The steps as a picture: a box a step, top to bottom, an arrow between each. It draws
    in the text's colour (light and dark alike) and is one column, so its words stay the
    body's size on a phone; the list under it says the same in words."""
    items = dimension.items
    height = len(items) * STEP_H + (len(items) - 1) * STEP_GAP + 4
    names = ", then ".join(f"{i.number}. {i.name}" for i in items)
    ident = f"gt-seq-{dimension.folder}"
    parts = [f'<svg class="gt-sequence" viewBox="0 0 {STEP_W + 4} {height}" role="img" '
             f'aria-labelledby="{ident}-t {ident}-d" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="{ident}-t">{attr(dimension.heading or dimension.name)}</title>',
             f'<desc id="{ident}-d">{len(items)} steps in order: {attr(names)}. Each is '
             "described below.</desc>"]
    for n, item in enumerate(items):
        y = 2 + n * (STEP_H + STEP_GAP)
        parts.append(f'<rect x="2" y="{y}" width="{STEP_W}" height="{STEP_H}" rx="10"/>'
                     f'<text x="{2 + STEP_W // 2}" y="{y + STEP_H // 2 + 7}" text-anchor="middle">'
                     f"{item.number}. {attr(item.name)}</text>")
        if n < len(items) - 1:
            x, top = 2 + STEP_W // 2, y + STEP_H + 4
            parts.append(f'<path class="gt-sequence-arrow" d="M{x} {top} V{top + STEP_GAP - 10} '
                         f'M{x - 7} {top + STEP_GAP - 16} L{x} {top + STEP_GAP - 8} '
                         f'L{x + 7} {top + STEP_GAP - 16}"/>')
    return '<figure class="gt-sequence-figure">' + "".join(parts) + "</svg></figure>\n\n"


def _section(page: str, dimension: Dimension) -> str:
    text = f"## {md(dimension.heading or dimension.name)}\n\n"
    if dimension.introduction:
        text += dimension.introduction.strip() + "\n\n"
    if is_sequence(dimension):
        text += sequence_diagram(dimension)
    text += _items_markdown(page, dimension)
    if dimension.attribution:
        text += dimension.attribution.strip() + "\n\n"
    return text


def _evidence_section(page: str, kb: KnowledgeBase) -> str:
    axes = kb.map_axes()
    if axes is None:
        return ""
    rows, columns = axes
    return ("## Where the evidence is\n\n"
            f"The [evidence map]({relative(page, EVIDENCE_MAP)}) shows how many library titles and "
            f"action-research entries support each {md(rows.one)} at each {md(columns.one)}, and "
            "where the evidence is thin.\n\n")


def index_page(kb: KnowledgeBase, intro: str) -> str:
    page = INDEX
    sources = "".join(f"- {source.text}\n" for source in kb.sources)
    return (front_matter(title="The framework") + "# The framework\n\n" + intro.strip() + "\n\n"
            + "".join(_section(page, dimension) for dimension in kb.dimensions)
            + _evidence_section(page, kb)
            + ("## Sources\n\n" + sources if sources else ""))


# -- A page for each item ------------------------------------------------------------------------

def _breakdown(page: str, dimension: Dimension, item: Named, columns: Dimension,
               relations: Relations) -> str:
    """An item of the evidence map's rows, broken down by its columns' items."""
    text = f"## By {md(columns.one)}\n\n"
    titles = relations.titles[(dimension.id, item.id)]
    entries = relations.entries[(dimension.id, item.id)]
    for column in columns.items:
        in_titles = [t for t in titles if column.id in t.tagged(columns.id)]
        in_entries = [e for e in entries if column.id in e.tagged(columns.id)]
        text += (f"### {md(column.name)} {{#{column_anchor(columns, column)}}}\n\n"
                 f"{plural(len(in_titles), 'title')} and "
                 f"{plural(len(in_entries), 'entry', 'entries')}.\n\n")
        shown = in_titles
        if len(in_titles) > LISTED_BY_COLUMN:
            shown = most_relevant(in_titles, LISTED_BY_COLUMN, relations, dimension.id)
            text += (f"The {LISTED_BY_COLUMN} most relevant: "
                     + catalogue_link(page, f"see all {len(in_titles)} in the library",
                                      **{filter_parameter(dimension): item.id,
                                         filter_parameter(columns): column.id}) + ".\n\n")
        text += "".join(f"- [{md(t.full_title)}]({relative(page, title_page(t))})\n" for t in shown)
        text += "".join(f"- [{md(e.title)}]({relative(page, entry_page(e))}) (action research, "
                        f"{e.year})\n" for e in in_entries)
        text += "\n"
    return text


def item_page(kb: KnowledgeBase, dimension: Dimension, item: Named, relations: Relations) -> str:
    page = framework_page(dimension, item.id)
    back = f"[Back to the framework]({relative(page, INDEX)})."
    opening = dimension.introduction_of(item)
    attribution = dimension.attribution.strip()
    if item.summary:
        lead = f"{opening}\n\n> {md(item.summary)}\n\n" + " ".join(filter(None, (attribution, back)))
    else:
        lead = " ".join(filter(None, (opening, attribution, back)))
    text = (front_matter(title=dimension.title_of(item))
            + f"# {md(dimension.heading_of(item))}\n\n{lead}\n\n"
            + _linked_section(page, dimension, item, relations))
    axes = kb.map_axes()
    if axes is not None and axes[0] is dimension:
        text += "\n" + _breakdown(page, dimension, item, axes[1], relations)
    return text


def framework_pages(kb: KnowledgeBase, relations: Relations, intro: str) -> dict[str, str]:
    pages = {INDEX: index_page(kb, intro)}
    for dimension in kb.tagging:
        for item in dimension.items:
            pages[framework_page(dimension, item.id)] = item_page(kb, dimension, item, relations)
    return pages
