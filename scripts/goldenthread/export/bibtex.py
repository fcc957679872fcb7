"""Catalogue records -> BibTeX that bibtexparser, biber and Zotero read back."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..cite.people import is_organisation, person
from ..model import Title

_SPECIAL = re.compile(r"([&%$#_])")

__all__ = ["bib_name", "catalogue", "escape", "inverted", "is_organisation", "title_entry"]


def escape(text: str) -> str:
    """A field value with BibTeX's special characters escaped and braces balanced."""
    text = _SPECIAL.sub(r"\\\1", text.replace("\\", "\\textbackslash{}"))
    if "{" in text or "}" in text:
        depth = 0
        for char in text:
            depth += {"{": 1, "}": -1}.get(char, 0)
            if depth < 0:
                break
        if depth != 0:
            text = text.replace("{", "\\{").replace("}", "\\}")
    return " ".join(text.split())


def inverted(name: str) -> str:
    """'Tom Sherrington' -> 'Sherrington, Tom', 'Jeroen van Merriënboer' -> 'van Merriënboer,
    Jeroen', 'E. D. Hirsch, Jr.' -> 'Hirsch, Jr., E. D.' (BibTeX's 'von Last, Jr, First'), not
    yet escaped; an organisation or a one-word name as it is."""
    parts = person(name)
    if parts.literal:
        return parts.literal
    suffix = f", {parts.suffix}" if parts.suffix else ""
    return f"{parts.family}{suffix}, {parts.given}"


def bib_name(name: str) -> str:
    """'Tom Sherrington' -> 'Sherrington, Tom'; organisations kept whole in braces."""
    if is_organisation(name):
        return "{" + escape(name) + "}"
    return escape(inverted(name))


def title_fields(title: Title) -> list[tuple[str, str]]:
    fields = [("author", " and ".join(bib_name(a) for a in title.authors)),
              ("title", escape(title.title))]
    if title.subtitle:
        fields.append(("subtitle", escape(title.subtitle)))
    fields.append(("year", str(title.year)))
    if title.edition:
        fields.append(("edition", escape(title.edition)))
    if title.publisher:
        fields.append(("institution" if title.type == "report" else "publisher",
                       escape(title.publisher)))
    if title.isbn:
        fields.append(("isbn", escape(title.isbn)))
    if title.url:
        fields.append(("url", title.url))
    if title.topics:
        fields.append(("keywords", ", ".join(title.topics)))
    if title.summary:
        fields.append(("abstract", escape(title.summary)))
    return fields


def entry_text(kind: str, key: str, fields: list[tuple[str, str]]) -> str:
    """One entry, its fields' `=` aligned (the site's entry form writes the same)."""
    width = max((len(name) for name, _ in fields), default=0)
    body = ",\n".join(f"  {name.ljust(width)} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{key},\n{body}\n}}\n"


def title_entry(title: Title) -> str:
    return entry_text("techreport" if title.type == "report" else "book", title.id, title_fields(title))


def catalogue(titles: Iterable[Title], heading: str = "") -> str:
    """The whole catalogue as one .bib file, entries in id order."""
    head = f"% {heading}\n\n" if heading else ""
    return head + "\n".join(title_entry(title) for title in sorted(titles, key=lambda t: t.id))


LIBRARY_EXPORT = "library/library.bib"  # docs-relative, and so site-relative


def library_export(titles: Iterable[Title]) -> str:
    """The text of library/library.bib."""
    return catalogue(titles, "The library's catalogue, exported by goldenthread")
