"""The ids a record may name, gathered from the framework, vocabularies and catalogue."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from ..load.repository import Sources
from ..load.yamldoc import Document, Path_
from ..problems import Problem
from .schema import check_document

# Which kind of id each record field names, and the problem code for an unknown one.
UNKNOWN = {
    "topic": "unknown-topic",
    "aim": "unknown-aim",
    "building block": "unknown-building-block",
    "career stage": "unknown-career-stage",
    "academy": "unknown-academy",
    "title": "unknown-title",
}
FIELD_KINDS = {
    "topics": "topic",
    "aims": "aim",
    "building_blocks": "building block",
    "career_stages": "career stage",
    "academy": "academy",
    "copies": "academy",
    "library": "title",
}
WHERE_DEFINED = {
    "topic": "library/topics.yaml",
    "aim": "docs/framework.yaml (aims)",
    "building block": "docs/framework.yaml (building_blocks)",
    "stage": "docs/framework.yaml (stages)",
    "career stage": "library/career-stages.yaml",
    "academy": "library/academies.yaml",
    "title": "library/titles/",
}
FRAMEWORK_LISTS = {"aims": "aim", "building_blocks": "building block", "stages": "stage"}


@dataclass
class Vocabularies:
    """kind -> id -> the path where that id is defined."""

    ids: dict[str, dict[str, str]] = field(default_factory=dict)

    def add(self, kind: str, ident: str, path: str) -> str | None:
        """Register an id; the path of an earlier definition if it is a duplicate."""
        known = self.ids.setdefault(kind, {})
        if ident in known:
            return known[ident]
        known[ident] = path
        return None


def _add_list(vocabularies: Vocabularies, kind: str, document: Document, items: Any,
              at: tuple[str | int, ...], problems: list[Problem]) -> None:
    if not isinstance(items, list):
        return
    for index, item in enumerate(items):
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            earlier = vocabularies.add(kind, item["id"], document.path)
            if earlier is not None:
                line, col = document.where((*at, index, "id"))
                problems.append(Problem(document.path, line, col, "duplicate-id",
                                        f"the {kind} id {item['id']!r} is defined twice: "
                                        "give each its own id"))


def gather_vocabularies(sources: Sources) -> tuple[Vocabularies, list[Problem]]:
    """Schema-check the framework and vocabularies and index the ids they define."""
    vocabularies = Vocabularies()
    problems: list[Problem] = []
    framework = sources.framework.document if sources.framework else None
    if framework is not None:
        problems += check_document(framework, "framework")
        if isinstance(framework.data, dict):
            for key, kind in FRAMEWORK_LISTS.items():
                _add_list(vocabularies, kind, framework, framework.data.get(key), (key,), problems)
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


def unknown_ids(document: Document, data: dict[str, Any], vocabularies: Vocabularies) -> list[Problem]:
    """A problem for each id a record names that no source defines."""
    problems = []
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
