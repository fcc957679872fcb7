"""Every finding in the knowledge base, and the ways the Impact page and the exports group
them: topic, academy, year, and each of the framework's dimensions. A grouping is data (a
name and a function from an entry to the ids of its groups), so a new dimension is a new
item in a list, not new code."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .impact.finding import Result, result_of
from .model import Entry, KnowledgeBase


@dataclass(frozen=True)
class Grouping:
    """A way to group findings: its id (a field name), its name on the site, the ids of an
    entry's groups, and each group's name, in the order shown."""

    id: str
    name: str
    items: Callable[[Entry], tuple[str, ...]]
    names: dict[str, str]


@dataclass(frozen=True)
class Placed:
    """A finding where it was reported: its entry, its number there (from 1), its results."""

    entry: Entry
    number: int
    result: Result


def placed_in(entry: Entry) -> list[Placed]:
    """An entry's findings, as it lists them."""
    return [Placed(entry, number, result_of(finding))
            for number, finding in enumerate(entry.outcomes, start=1)]


def findings(kb: KnowledgeBase) -> list[Placed]:
    """Every finding, in the entries' order (year, then id), then as each entry lists them."""
    return [one for entry in kb.entries for one in placed_in(entry)]


def framework_groupings(kb: KnowledgeBase) -> list[Grouping]:
    """The dimensions of docs/framework.yaml that entries name, in its order."""
    return [Grouping(d.id, d.one.capitalize(), _tagged(d.id), {n.id: n.name for n in d.items})
            for d in kb.tagging]


def _tagged(dimension: str) -> Callable[[Entry], tuple[str, ...]]:
    def items(entry: Entry) -> tuple[str, ...]:
        return entry.tagged(dimension)

    return items


def groupings(kb: KnowledgeBase) -> list[Grouping]:
    """Topic, academy, year, then the framework's dimensions."""
    years = sorted({entry.year for entry in kb.entries}, reverse=True)
    return [
        Grouping("topics", "Topic", lambda entry: entry.topics, {n.id: n.name for n in kb.topics}),
        Grouping("academy", "Academy", lambda entry: (entry.academy,), {n.id: n.name for n in kb.academies}),
        Grouping("year", "Year", lambda entry: (str(entry.year),), {str(y): str(y) for y in years}),
        *framework_groupings(kb),
    ]


def grouped(placed: list[Placed], grouping: Grouping) -> list[tuple[str, str, list[Placed]]]:
    """(group id, group name, its findings) for each group with findings, in the grouping's order.
    A finding whose entry names several groups is in each of them."""
    members: dict[str, list[Placed]] = {ident: [] for ident in grouping.names}
    for one in placed:
        for ident in grouping.items(one.entry):
            members.setdefault(ident, []).append(one)
    return [(ident, grouping.names.get(ident, ident), found) for ident, found in members.items() if found]
