"""Catalogue records -> BibTeX that bibtexparser, biber and Zotero read back."""

from __future__ import annotations

from collections.abc import Iterable

from ..cite.bibtex_text import bib_name, entry_text, escape, inverted
from ..cite.people import is_organisation
from ..model import Title

__all__ = ["bib_name", "catalogue", "entry_text", "escape", "inverted", "is_organisation", "title_entry"]


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
