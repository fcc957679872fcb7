"""The ids a record may name, gathered from the framework, vocabularies and catalogue."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from ..load.repository import Sources
from ..load.yamldoc import Document, Path_
from ..messages import say
from ..problems import Problem
from .schema import check_document, load_schema

# Which kind of id each record field names, and the problem code for an unknown one.
UNKNOWN = {
    "topic": "unknown-topic",
    "career stage": "unknown-career-stage",
    "academy": "unknown-academy",
    "title": "unknown-title",
}
FIELD_KINDS = {
    "topics": "topic",
    "career_stages": "career stage",
    "academy": "academy",
    "copies": "academy",
    "library": "title",
}
WHERE_DEFINED = {
    "topic": "library/topics.yaml",
    "career stage": "library/career-stages.yaml",
    "academy": "library/academies.yaml",
    "title": "library/titles/",
}
FRAMEWORK = "docs/framework.yaml"
# Fields of a title or an entry that a framework dimension may not take as its id.
RECORD_FIELDS = frozenset(load_schema("title")["properties"]) | frozenset(
    load_schema("entry")["properties"])


@dataclass(frozen=True)
class Tagging:
    """A framework dimension that records name: its field and what one item is called."""

    field: str
    one: str
    name: str


@dataclass
class Vocabularies:
    """kind -> id -> the path where that id is defined; and the framework's dimensions
    that titles and entries name (each a field of theirs, and a kind of id)."""

    ids: dict[str, dict[str, str]] = field(default_factory=dict)
    dimensions: tuple[Tagging, ...] = ()

    @property
    def fields(self) -> tuple[str, ...]:
        """The record fields the framework adds, in its order."""
        return tuple(tagging.field for tagging in self.dimensions)

    def add(self, kind: str, ident: str, path: str) -> str | None:
        """Register an id; the path of an earlier definition if it is a duplicate."""
        known = self.ids.setdefault(kind, {})
        if ident in known:
            return known[ident]
        known[ident] = path
        return None


def _add_list(vocabularies: Vocabularies, kind: str, document: Document, items: Any,
              at: tuple[str | int, ...], problems: list[Problem], one: str = "") -> None:
    if not isinstance(items, list):
        return
    for index, item in enumerate(items):
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            earlier = vocabularies.add(kind, item["id"], document.path)
            if earlier is not None:
                line, col = document.where((*at, index, "id"))
                problems.append(Problem(document.path, line, col, "duplicate-id",
                                        f"the {one or kind} id {item['id']!r} is defined twice: "
                                        "give each its own id"))


def gather_vocabularies(sources: Sources) -> tuple[Vocabularies, list[Problem]]:
    """Schema-check the framework and vocabularies and index the ids they define."""
    vocabularies = Vocabularies()
    problems: list[Problem] = []
    framework = sources.framework.document if sources.framework else None
    if framework is not None:
        problems += check_document(framework, "framework")
        if isinstance(framework.data, dict):
            problems += _gather_dimensions(vocabularies, framework)
    for name, loaded in sources.vocabularies.items():
        document = loaded.document
        if document is None:
            continue
        problems += check_document(document, "vocabulary")
        kind = {"topics": "topic", "career_stages": "career stage", "academies": "academy"}[name]
        _add_list(vocabularies, kind, document, document.data, (), problems)
    for path in sources.title_paths:
        vocabularies.add("title", path.rsplit("/", 1)[-1][: -len(".yaml")], path)
    return vocabularies, problems


def _text(data: dict[str, Any], key: str, default: str) -> str:
    value = data.get(key)
    return value if isinstance(value, str) else default


def _gather_dimensions(vocabularies: Vocabularies, framework: Document) -> list[Problem]:
    """Register each dimension that records name, and the ids of its items."""
    problems: list[Problem] = []
    dimensions = framework.data.get("dimensions")
    if not isinstance(dimensions, list):
        return problems
    taggings: list[Tagging] = []
    seen: set[str] = set()
    for index, dimension in enumerate(dimensions):
        if not isinstance(dimension, dict) or not isinstance(dimension.get("id"), str):
            continue
        ident = dimension["id"]
        line, col = framework.where(("dimensions", index, "id"))
        if ident in RECORD_FIELDS:
            problems.append(Problem(framework.path, line, col, "dimension-reserved",
                                    say("dimension-reserved", id=ident)))
            continue
        if ident in seen:
            problems.append(Problem(framework.path, line, col, "duplicate-id",
                                    f"the dimension id {ident!r} is defined twice: "
                                    "give each its own id"))
            continue
        name = _text(dimension, "name", ident)
        one = _text(dimension, "singular", name.lower())
        seen.add(ident)
        _add_list(vocabularies, ident, framework, dimension.get("items"),
                  ("dimensions", index, "items"), problems, one)
        if dimension.get("records", True) is not False:
            taggings.append(Tagging(ident, one, name))
    vocabularies.dimensions = tuple(taggings)
    return problems


def unknown_ids(document: Document, data: dict[str, Any], vocabularies: Vocabularies) -> list[Problem]:
    """A problem for each id a record names that no source defines."""
    problems = _unknown_items(document, data, vocabularies)
    for name, kind in FIELD_KINDS.items():
        value = data.get(name)
        named: list[tuple[Path_, str]]
        if isinstance(value, str):
            named = [((name,), value)]
        elif isinstance(value, list):
            named = [((name, i), v) for i, v in enumerate(value) if isinstance(v, str)]
        elif isinstance(value, dict):
            named = [((name, k), k) for k in value]
        else:
            continue
        known = vocabularies.ids.get(kind, {})
        for at, ident in named:
            if ident not in known:
                line, col = document.where_key(at) if isinstance(value, dict) else document.where(at)
                problems.append(Problem(
                    document.path, line, col, UNKNOWN[kind],
                    f"there is no {kind} {ident!r}: use an id from {WHERE_DEFINED[kind]}"
                    f"{_suggest(ident, known)}"))
    return problems


def _suggest(ident: str, known: dict[str, str]) -> str:
    close = difflib.get_close_matches(ident, list(known), n=1)
    return f", e.g. {close[0]!r}" if close else ""


def _unknown_items(document: Document, data: dict[str, Any], vocabularies: Vocabularies) -> list[Problem]:
    """A problem for each framework item a record names that its dimension does not hold."""
    problems = []
    for tagging in vocabularies.dimensions:
        value = data.get(tagging.field)
        if not isinstance(value, list):
            continue
        known = vocabularies.ids.get(tagging.field, {})
        for index, ident in enumerate(value):
            if isinstance(ident, str) and ident not in known:
                line, col = document.where((tagging.field, index))
                problems.append(Problem(
                    document.path, line, col, "unknown-item",
                    say("unknown-item", one=tagging.one, id=ident, where=FRAMEWORK,
                        name=tagging.name, suggestion=_suggest(ident, known))))
    return problems
