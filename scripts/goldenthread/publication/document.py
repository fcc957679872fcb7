"""The publications as data for the Typst template (no markup is produced here): a year's
annual publication, and an entry's offprint (the same entry, typeset alone)."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import Any

import markdown

from ..check.citations import citation_groups
from ..cite.entry import entry_citation, series
from ..findings import Placed, placed_in
from ..generate.finding_words import COLUMNS, ENTRY_INTRO, ILLUSTRATIVE_WORDS, caveats, finding_cells
from ..generate.text import md as markdown_text
from ..model import Entry, KnowledgeBase
from ..paths import entry_page, url_of
from ..settings import Settings
from .bibliography import typst_bibtex
from .markdown_tree import Node, plain_text, tree

EXAMPLE_NOTE = ("The entries in this edition are illustrative examples, written to show the "
                "format. They do not report real pupils, staff or results.")
ENTRY_EXAMPLE_NOTE = ("This entry was written to show the format. It does not report real "
                      "pupils, staff or results.")
SUBTITLE = "Teachers' action research across {trust}"
_TOKEN = re.compile(r"GTCITE(\d+)GTEND")


def _with_citation_tokens(body: str) -> tuple[str, list[dict[str, Any]]]:
    """Replace each [@key] group by a token that survives Markdown, and keep its items."""
    out: list[str] = []
    groups: list[dict[str, Any]] = []
    last = 0
    for group in citation_groups(body):
        out.append(body[last:group.start])
        out.append(f"GTCITE{len(groups)}GTEND")
        groups.append({"t": "cite", "c": [], "items": [
            {"key": i.key, "locator": i.locator, "year_only": i.suppress_author}
            for i in group.items]})
        last = group.end
    out.append(body[last:])
    return "".join(out), groups


def _place_citations(node: Node, groups: list[dict[str, Any]]) -> list[Node]:
    if isinstance(node, str):
        parts: list[Node] = []
        last = 0
        for match in _TOKEN.finditer(node):
            parts.append(node[last:match.start()])
            parts.append(groups[int(match.group(1))])
            last = match.end()
        parts.append(node[last:])
        return [p for p in parts if p != ""]
    children = [part for child in node["c"] for part in _place_citations(child, groups)]
    return [{**node, "c": children}]


def body_nodes(md: markdown.Markdown, body: str) -> list[Node]:
    text, groups = _with_citation_tokens(body)
    return [part for node in tree(md, text) for part in _place_citations(node, groups)]


@lru_cache(maxsize=4096)
def smart(md: markdown.Markdown, text: str) -> str:
    """Plain text (a title, a name) as the site prints it: the same parse, so the same
    typographic quotes, and no markup."""
    return plain_text(tree(md, markdown_text(text.strip()))) if text.strip() else ""


def _spaced(md: markdown.Markdown, text: str) -> str:
    """smart(), keeping the spaces around the text (it joins with the next run)."""
    core = text.strip()
    if not core:
        return text
    start = text.index(core)
    return text[:start] + smart(md, core) + text[start + len(core):]


def bib_name(entry: Entry) -> str:
    return f"{entry.id}.bib"


Parsed = dict[str, dict[str, Any]]  # entry id -> its data, made once for its year's PDF and its offprint


def _entry(md: markdown.Markdown, entry: Entry, kb: KnowledgeBase, parsed: Parsed | None) -> dict[str, Any]:
    if parsed is not None and entry.id in parsed:
        return parsed[entry.id]
    data = {
        "id": entry.id, "title": smart(md, entry.title), "example": entry.example,
        "authors": [{"name": smart(md, a.name), "role": smart(md, a.role)} for a in entry.authors],
        "academy": smart(md, kb.named("academies")[entry.academy].name),
        "question": tree(md, entry.research_question), "abstract": tree(md, entry.abstract),
        "body": body_nodes(md, entry.body),
        "bib": bib_name(entry) if entry.references else None,
        "findings": [_finding(md, one) for one in placed_in(entry)],
    }
    if parsed is not None:
        parsed[entry.id] = data
    return data


IMPACT_INTRO = ("Every finding this year's entries report, one line each: two groups compared give "
                "an effect size (Hedges' g) with its 95% interval, the EEF's months' progress and a "
                "strength rating; one group before and after gives only a change, not an effect of "
                "the approach. Each entry's own pages say more, with the caveats.")
IMPACT_COLUMNS = ("Entry", "Measure", "Result", "95% interval", "Months' progress", "Strength")


def _finding(md: markdown.Markdown, one: Placed) -> dict[str, Any]:
    """A finding's cells (COLUMNS' order) and caveats as text; contributed words through the
    site's own parse, so they print the same, and never as markup."""
    cells = [smart(md, cell) for cell in finding_cells(one.result)]
    if one.entry.example:
        cells[0] += " (illustrative)"
    return {"cells": cells, "measure": smart(md, one.result.finding.measure),
            "caveats": [smart(md, note) for note in caveats(one)]}


def _impact(md: markdown.Markdown, entries: list[Entry]) -> dict[str, Any]:
    """The year's "Impact at a glance": one row a finding."""
    rows, examples = [], 0
    for entry in entries:
        for one in placed_in(entry):
            cells = dict(zip(COLUMNS, finding_cells(one.result), strict=True))
            title = smart(md, entry.title) + (" (illustrative)" if entry.example else "")
            rows.append([title, *(smart(md, cells[name]) for name in IMPACT_COLUMNS[1:])])
            examples += entry.example
    note = ""
    if examples:
        note = smart(md, f"{examples} of these {len(rows)} findings come from illustrative entries. "
                         + ILLUSTRATIVE_WORDS + ".")
    return {"intro": smart(md, IMPACT_INTRO), "columns": [smart(md, name) for name in IMPACT_COLUMNS],
            "rows": rows,
            "illustrative": note}


def _contributors(md: markdown.Markdown, entries: list[Entry]) -> list[dict[str, Any]]:
    people: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        for author in entry.authors:
            people[author.name].append(entry)

    def surname(name: str) -> str:
        return name.split()[-1].casefold() if name.split() else ""

    return [{"name": smart(md, name), "entries": [{"id": e.id, "title": smart(md, e.title)} for e in found]}
            for name, found in sorted(people.items(), key=lambda p: (surname(p[0]), p[0]))]


def _common(md: markdown.Markdown, year: int, settings: Settings) -> dict[str, Any]:
    return {"publication": series(year), "year_text": f"Published {year}",
            "subtitle": smart(md, SUBTITLE.format(trust=settings.trust_name)),
            "trust": smart(md, settings.trust_name),
            "findings_intro": smart(md, ENTRY_INTRO),
            "finding_columns": [smart(md, name) for name in COLUMNS],
            "example_note": EXAMPLE_NOTE, "entry_example_note": ENTRY_EXAMPLE_NOTE,
            "lang": settings.identity.language, "region": settings.identity.region}


def publication_data(kb: KnowledgeBase, year: int, settings: Settings, md: markdown.Markdown,
                     parsed: Parsed | None = None) -> dict[str, Any]:
    entries = [e for e in kb.entries if e.year == year]
    academies = kb.named("academies")
    grouped: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        grouped[entry.academy].append(entry)
    names = sorted({a.name for e in entries for a in e.authors})
    return {
        **_common(md, year, settings), "kind": "annual",
        "title": series(year), "document_authors": [settings.trust_name, *names],
        "keywords": ["action research", "school improvement", str(year)],
        "all_examples": bool(entries) and all(e.example for e in entries),
        "foreword": tree(md, kb.forewords.get(year, "")),
        "groups": [{"name": smart(md, academies[a].name),
                    "entries": [_entry(md, e, kb, parsed) for e in grouped[a]]}
                   for a in sorted(grouped, key=lambda a: academies[a].name)],
        "contributors": _contributors(md, entries),
        "impact": _impact(md, entries),
    }


def offprint_data(kb: KnowledgeBase, entry: Entry, settings: Settings, md: markdown.Markdown,
                  parsed: Parsed | None = None) -> dict[str, Any]:
    """One entry typeset alone: its own title block, its references, how to cite it."""
    url = settings.absolute(url_of(entry_page(entry)))
    citation = entry_citation(entry, settings.trust_name, url)
    return {
        **_common(md, entry.year, settings), "kind": "offprint",
        "title": entry.title.strip(), "document_authors": [a.name for a in entry.authors],
        "keywords": ["action research", *(kb.named("topics")[t].name for t in entry.topics)],
        "citation": [{"text": run.text if run.link else _spaced(md, run.text), "italic": run.italic,
                      "link": run.link} for run in citation],
        "entry": _entry(md, entry, kb, parsed),
    }


def entry_bibliography(entry: Entry, md: markdown.Markdown) -> str:
    """The entry's references as Typst reads them, their words with the site's quotes."""
    return typst_bibtex(entry.references, lambda text: smart(md, text))


def entry_bibliographies(kb: KnowledgeBase, year: int, md: markdown.Markdown) -> dict[str, str]:
    """Files the template reads besides data.json: each entry's references, by file name."""
    return {bib_name(e): entry_bibliography(e, md)
            for e in kb.entries if e.year == year and e.references}
