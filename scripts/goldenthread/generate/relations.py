"""Who links to whom: titles and entries by framework item, topic and career stage; entries
by the titles they drew on; the titles on reading pathways."""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass, field

from ..model import Entry, KnowledgeBase, Title

KINDS = ("topics", "career_stages")  # and every framework dimension that records name
WINDOW = 40  # titles either side, in each list, considered as related
RELATED = 5  # related titles a title's page lists


@dataclass
class Relations:
    titles: dict[tuple[str, str], list[Title]] = field(default_factory=lambda: defaultdict(list))
    entries: dict[tuple[str, str], list[Entry]] = field(default_factory=lambda: defaultdict(list))
    entries_citing: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    by_id: dict[str, Title] = field(default_factory=dict)
    on_pathways: set[str] = field(default_factory=set)
    near: tuple[str, ...] = ("topics",)  # the lists whose neighbours related() considers
    features: dict[str, int] = field(default_factory=dict)  # a bit per (kind, id) the title has
    positions: dict[tuple[tuple[str, str], str], int] = field(default_factory=dict)
    # title id -> its related titles' ids, as found; valid for as long as `signature` is
    memo: dict[str, list[str]] = field(default_factory=dict)

    def signature(self) -> tuple[tuple[str, int], ...]:
        """What related() depends on: each title's id and features, in order."""
        return tuple(self.features.items())

    def related(self, title: Title) -> list[Title]:
        """Titles sharing the most topics and framework items (ties by id: stable).

        Candidates come from a window around the title in each of its topics' and the
        evidence map's rows' lists (the most specific items), so the cost per title stays
        constant as the catalogue grows (measured: scanning whole lists took 2.3 s at 1,000
        titles, growing as n squared).
        """
        known = self.memo.get(title.id)
        if known is not None:
            return [self.by_id[ident] for ident in known]
        mine = self.features[title.id]
        features = self.features
        candidates: set[str] = set()
        for kind in self.near:
            for ident in title.ids(kind):
                members = self.titles[(kind, ident)]
                at = self.positions[((kind, ident), title.id)]
                candidates.update(t.id for t in members[max(0, at - WINDOW): at + WINDOW + 1])
        candidates.discard(title.id)
        ranked = heapq.nsmallest(RELATED, candidates,
                                 key=lambda other: (-(mine & features[other]).bit_count(), other))
        self.memo[title.id] = ranked
        return [self.by_id[ident] for ident in ranked]


def _features(title: Title, kinds: tuple[str, ...], bits: dict[tuple[str, str], int]) -> int:
    mask = 0
    for kind in kinds:
        for ident in title.ids(kind):
            mask |= 1 << bits.setdefault((kind, ident), len(bits))
    return mask


def relate(kb: KnowledgeBase) -> Relations:
    dimensions = tuple(d.id for d in kb.tagging)
    axes = kb.map_axes()
    relations = Relations(near=("topics", axes[0].id) if axes else ("topics",))
    # Likeness counts shared topics and the evidence map's rows and columns (the framework's
    # most specific items); without a map, every dimension records name.
    alike = ("topics", *(d.id for d in axes)) if axes else ("topics", *dimensions)
    relations.on_pathways = {step.title for pathway in kb.pathways for step in pathway.steps}
    bits: dict[tuple[str, str], int] = {}
    for title in kb.titles:
        relations.by_id[title.id] = title
        relations.features[title.id] = _features(title, alike, bits)
        for kind in (*KINDS, *dimensions):
            for ident in title.ids(kind):
                members = relations.titles[(kind, ident)]
                relations.positions[((kind, ident), title.id)] = len(members)
                members.append(title)
        for academy, _ in title.copies:
            relations.titles[("academies", academy)].append(title)
    for entry in kb.entries:
        for kind in ("topics", "academies", *dimensions):
            for ident in entry.ids(kind):
                relations.entries[(kind, ident)].append(entry)
        for ident in entry.library:
            relations.entries_citing[ident].append(entry)
    return relations
