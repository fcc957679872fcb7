"""References -> CSL-JSON, the data format of citation processors (Zotero, Pandoc, citeproc)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..cite.names import Name
from .reference import Reference

TYPES = {"book": "book", "report": "report", "chapter": "chapter", "article": "article-journal",
         "webpage": "webpage", "thesis": "thesis", "paper": "paper-conference", "other": "document"}


def _name(name: Name) -> dict[str, str]:
    if name.literal:
        return {"literal": name.literal}
    found = {"family": name.family, "given": name.given}
    if name.suffix:
        found["suffix"] = name.suffix
    return {key: value for key, value in found.items() if value}


def _date(text: str) -> dict[str, list[list[int]]]:
    return {"date-parts": [[int(part) for part in text.split("-") if part.isdigit()]]}


def item(reference: Reference) -> dict[str, Any]:
    found: dict[str, Any] = {"id": reference.key, "type": TYPES[reference.kind], "title": reference.title}
    if reference.authors:
        found["author"] = [_name(name) for name in reference.authors]
    if reference.editors:
        found["editor"] = [_name(name) for name in reference.editors]
    if reference.year[:4].isdigit():
        found["issued"] = _date(reference.year[:4])
    if reference.accessed[:4].isdigit():
        found["accessed"] = _date(reference.accessed[:10])
    for name, value in (("container-title", reference.container), ("publisher", reference.publisher),
                        ("publisher-place", reference.place), ("volume", reference.volume),
                        ("issue", reference.issue), ("page", reference.pages.replace("--", "-")),
                        ("edition", reference.edition), ("ISBN", reference.isbn), ("DOI", reference.doi),
                        ("URL", reference.url), ("abstract", reference.abstract),
                        ("keyword", ", ".join(reference.keywords))):
        if value:
            found[name] = value
    return found


def csl_json(references: Iterable[Reference]) -> str:
    return json.dumps([item(reference) for reference in references], ensure_ascii=False, indent=1) + "\n"
