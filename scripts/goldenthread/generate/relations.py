"""Who links to whom: titles and entries by principle, stage, aim; entries by title."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..model import Entry, KnowledgeBase, Title

KINDS = ("aims", "building_blocks", "stages", "topics", "career_stages")


@dataclass
class Relations:
    titles: dict[tuple[str, str], list[Title]] = field(default_factory=lambda: defaultdict(list))
    entries: dict[tuple[str, str], list[Entry]] = field(default_factory=lambda: defaultdict(list))
    entries_citing: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    by_id: dict[str, Title] = field(default_factory=dict)

    def related(self, title: Title, limit: int = 5) -> list[Title]:
        """Titles sharing the most topics, principles and stages (ties by id: stable)."""
        mine = _features(title)
        scored = []
        for kind in ("topics", "building_blocks"):
            for ident in getattr(title, kind):
                scored += self.titles[(kind, ident)]
        scores: dict[str, int] = {}
        for other in scored:
            if other.id != title.id and other.id not in scores:
                scores[other.id] = len(mine & _features(other))
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        return [self.by_id[ident] for ident, _ in ranked[:limit]]


def _features(title: Title) -> set[tuple[str, str]]:
    return {(kind, ident) for kind in ("topics", "building_blocks", "stages")
            for ident in getattr(title, kind)}


def relate(kb: KnowledgeBase) -> Relations:
    relations = Relations()
    for title in kb.titles:
        relations.by_id[title.id] = title
        for kind in KINDS:
            for ident in getattr(title, kind):
                relations.titles[(kind, ident)].append(title)
        for academy, _ in title.copies:
            relations.titles[("academies", academy)].append(title)
    for entry in kb.entries:
        for kind in ("aims", "building_blocks", "stages", "topics"):
            for ident in getattr(entry, kind):
                relations.entries[(kind, ident)].append(entry)
        relations.entries[("academies", entry.academy)].append(entry)
        for ident in entry.library:
            relations.entries_citing[ident].append(entry)
    return relations
