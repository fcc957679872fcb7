"""Validated sources -> the KnowledgeBase model. Runs only on sources without errors."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from .impact.finding import finding_of
from .load.repository import Sources
from .model import (
    Author,
    Dimension,
    Entry,
    GlossaryTerm,
    KnowledgeBase,
    Named,
    Pathway,
    Source,
    Step,
    Tags,
    Title,
)


def _named(item: dict[str, Any]) -> Named:
    return Named(item["id"], item["name"], item.get("description", ""), item.get("number", 0),
                 item.get("summary", ""), bool(item.get("example", False)),
                 tuple(_named(part) for part in item.get("items", ())))


_DIMENSION_TEXT = ("singular", "slug", "heading", "introduction", "attribution", "item_title",
                   "item_heading", "item_introduction", "map")


def dimension(data: dict[str, Any]) -> Dimension:
    """One dimension of docs/framework.yaml, as the model holds it."""
    text = {key: data[key] for key in _DIMENSION_TEXT if key in data}
    return Dimension(id=data["id"], name=data["name"],
                     items=tuple(_named(item) for item in data["items"]),
                     records=data.get("records", True), filter=data.get("filter", True), **text)


def _tags(data: dict[str, Any], dimensions: list[Dimension]) -> Tags:
    return tuple((d.id, _strings(data, d.id)) for d in dimensions if d.records)


def _strings(data: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(data.get(key) or ())


def _title(ident: str, data: dict[str, Any], dimensions: list[Dimension]) -> Title:
    return Title(
        id=ident, title=data["title"], authors=tuple(data["authors"]), year=data["year"],
        topics=_strings(data, "topics"), subtitle=data.get("subtitle", ""),
        edition=str(data.get("edition", "")), publisher=data.get("publisher", ""),
        isbn=data.get("isbn", ""), type=data.get("type", "book"), tags=_tags(data, dimensions),
        career_stages=_strings(data, "career_stages"), formats=_strings(data, "formats"),
        copies=tuple(sorted((data.get("copies") or {}).items())),
        summary=data.get("summary", ""), cover=data.get("cover", ""), url=data.get("url", ""),
        added=data.get("added", ""))


def assemble(sources: Sources) -> KnowledgeBase:
    """The model of valid sources. Titles sorted by id; entries by year then id."""
    kb = KnowledgeBase()
    framework = sources.framework.document.data if sources.framework and sources.framework.document else {}
    kb.dimensions = [dimension(item) for item in framework.get("dimensions", [])]
    kb.sources = [Source(item["id"], item["text"]) for item in framework.get("sources", [])]
    for name in ("topics", "career_stages", "academies"):
        loaded = sources.vocabularies[name].document
        setattr(kb, name, [_named(item) for item in (loaded.data if loaded else [])])
    for loaded_title in sources.titles:
        if loaded_title.document is not None:
            kb.titles.append(_title(PurePosixPath(loaded_title.path).stem, loaded_title.document.data,
                                    kb.dimensions))
    kb.titles.sort(key=lambda title: title.id)
    for entry in sources.entries:
        if entry.markdown is None:
            continue
        data = entry.markdown.front.data
        kb.entries.append(Entry(
            id=entry.id, year=data["year"], title=data["title"],
            authors=tuple(Author(a["name"], a["role"]) for a in data["authors"]),
            academy=data["academy"], research_question=data["research_question"],
            abstract=data["abstract"], body=entry.markdown.body,
            topics=_strings(data, "topics"), tags=_tags(data, kb.dimensions),
            library=_strings(data, "library"), example=bool(data.get("example", False)),
            references=tuple(entry.bib.entries.values()) if entry.bib else (),
            path=entry.path, outcomes=tuple(finding_of(item) for item in data.get("outcomes") or ())))
    kb.entries.sort(key=lambda entry: (entry.year, entry.id))
    kb.forewords = {int(year): text for year, text in sources.forewords.items()}
    pathways = sources.pathways.document if sources.pathways else None
    for item in (pathways.data if pathways else None) or []:
        kb.pathways.append(Pathway(item["career_stage"], item["introduction"],
                                   tuple(Step(s["title"], s["why"]) for s in item["steps"])))
    glossary = sources.glossary.document if sources.glossary else None
    for item in (glossary.data if glossary else None) or []:
        kb.glossary.append(GlossaryTerm(
            item["term"], " ".join(item["meaning"].split()), _strings(item, "expansions"),
            _strings(item, "other_names"), _strings(item, "old_names"), item.get("topic", "")))
    kb.index()
    return kb
