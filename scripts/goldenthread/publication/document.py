"""One year's publication as data for the Typst template (no markup is produced here)."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import markdown

from ..check.citations import citation_groups
from ..model import Entry, KnowledgeBase
from ..settings import Settings
from .bibliography import typst_bibtex
from .markdown_tree import Node, tree

EXAMPLE_NOTE = ("The entries in this edition are illustrative examples, written to show the "
                "format. They do not report real pupils, staff or results.")
ENTRY_EXAMPLE_NOTE = ("This entry was written to show the format. It does not report real "
                      "pupils, staff or results.")
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


def bib_name(entry: Entry) -> str:
    return f"{entry.id}.bib"


def _entry(md: markdown.Markdown, entry: Entry, kb: KnowledgeBase) -> dict[str, Any]:
    return {
        "id": entry.id, "title": entry.title, "example": entry.example,
        "authors": [{"name": a.name, "role": a.role} for a in entry.authors],
        "academy": kb.named("academies")[entry.academy].name,
        "question": tree(md, entry.research_question), "abstract": tree(md, entry.abstract),
        "body": body_nodes(md, entry.body),
        "bib": bib_name(entry) if entry.references else None,
    }


def _contributors(entries: list[Entry]) -> list[dict[str, Any]]:
    people: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        for author in entry.authors:
            people[author.name].append(entry)

    def surname(name: str) -> str:
        return name.split()[-1].casefold() if name.split() else ""

    return [{"name": name, "entries": [{"id": e.id, "title": e.title} for e in found]}
            for name, found in sorted(people.items(), key=lambda p: (surname(p[0]), p[0]))]


def publication_data(kb: KnowledgeBase, year: int, settings: Settings,
                     md: markdown.Markdown) -> dict[str, Any]:
    entries = [e for e in kb.entries if e.year == year]
    academies = kb.named("academies")
    grouped: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        grouped[entry.academy].append(entry)
    names = sorted({a.name for e in entries for a in e.authors})
    return {
        "title": f"Action Research {year}", "year_text": f"Published {year}",
        "subtitle": "Teachers' action research across the Trust",
        "trust": settings.trust_name, "document_authors": [settings.trust_name, *names],
        "keywords": ["action research", "school improvement", str(year)],
        "all_examples": bool(entries) and all(e.example for e in entries),
        "example_note": EXAMPLE_NOTE, "entry_example_note": ENTRY_EXAMPLE_NOTE,
        "foreword": tree(md, kb.forewords.get(year, "")),
        "groups": [{"name": academies[a].name, "entries": [_entry(md, e, kb) for e in grouped[a]]}
                   for a in sorted(grouped, key=lambda a: academies[a].name)],
        "contributors": _contributors(entries),
    }


def entry_bibliographies(kb: KnowledgeBase, year: int) -> dict[str, str]:
    """Files the template reads besides data.json: each entry's references, by file name."""
    return {bib_name(e): typst_bibtex(e.references)
            for e in kb.entries if e.year == year and e.references}
