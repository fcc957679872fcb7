"""How to cite a year's publication: research/<year>/CITATION.cff (Citation File Format 1.2.0).

The publication is cited as a report of the Trust (`preferred-citation`); each entry is
listed under `references`, with its authors, its report number (its id) and its page.
Every value is written as a JSON string, which YAML reads as the same string, so no
contributed text can be read as YAML of its own.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from ..cite.entry import author_names, series
from ..model import Entry, KnowledgeBase
from ..paths import entry_page, url_of, year_page
from ..settings import Settings

CITATION = "CITATION.cff"
EXAMPLE_NOTE = ("An illustrative example, written to show the format; it reports no real pupils, "
                "staff or results.")
EXAMPLES_NOTE = "The entries in this edition are illustrative examples, written to show the format."


def citation_name(year: int) -> str:
    return f"research/{year}/{CITATION}"


def _lines(key: str, value: object, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        return [f"{pad}{key}:", *(line for k, v in value.items() for line in _lines(k, v, indent + 2))]
    if isinstance(value, list):
        out = [f"{pad}{key}:"]
        for item in value:
            if isinstance(item, dict):
                first, *rest = [line for k, v in item.items() for line in _lines(k, v, indent + 4)]
                out += [f"{pad}  - {first.lstrip()}", *rest]
            else:
                out.append(f"{pad}  - {json.dumps(item, ensure_ascii=False)}")
        return out
    return [f"{pad}{key}: {json.dumps(value, ensure_ascii=False)}"]


def _yaml(data: dict[str, object]) -> str:
    return "\n".join(line for key, value in data.items() for line in _lines(key, value, 0)) + "\n"


def _authors(entry: Entry) -> list[dict[str, str]]:
    people = []
    for name in author_names(entry):
        if name.literal:
            people.append({"name": name.literal})
        else:
            person = {"family-names": name.family, "given-names": name.given}
            people.append({key: value for key, value in person.items() if value})
    return people


def _reference(entry: Entry, settings: Settings) -> dict[str, object]:
    reference: dict[str, object] = {
        "type": "report", "title": entry.title.strip(), "authors": _authors(entry), "year": entry.year,
        "institution": {"name": settings.trust_name},
        "collection-title": series(entry.year)}
    url = settings.absolute(url_of(entry_page(entry)))
    if url:
        reference["url"] = url
    if entry.example:
        reference["notes"] = EXAMPLE_NOTE
    return reference


def year_citation(kb: KnowledgeBase, year: int, settings: Settings, pdf: str) -> str:
    """The CITATION.cff of the year's publication. pdf: its file name, beside the year page."""
    entries: Iterable[Entry] = [e for e in kb.entries if e.year == year]
    trust = {"name": settings.trust_name}
    title = series(year)
    preferred: dict[str, object] = {"type": "report", "title": title, "authors": [trust], "year": year,
                                    "institution": trust}
    data: dict[str, object] = {"cff-version": "1.2.0",
                               "message": "If you cite this publication, please cite it as below.",
                               "title": title, "authors": [trust],
                               "abstract": f"The action research of {settings.trust_name}'s "
                                           f"teachers, published {year}."}
    page = settings.absolute(url_of(year_page(year)))
    if page:
        data["url"] = page
        preferred["url"] = page + pdf
    entries = list(entries)
    if entries and all(e.example for e in entries):
        preferred["notes"] = EXAMPLES_NOTE
    data["keywords"] = ["action research", "school improvement", str(year)]
    data["preferred-citation"] = preferred
    if entries:
        data["references"] = [_reference(entry, settings) for entry in entries]
    return "# How to cite this publication (https://citation-file-format.github.io/)\n" + _yaml(data)
