"""Every export file the site offers, by its docs-relative (and so site-relative) name: the
catalogue and each year's references, as BibTeX, RIS and CSL-JSON (Zotero, EndNote and
Mendeley read all three), the last two from one model of a reference (export/reference.py)."""

from __future__ import annotations

from ..model import KnowledgeBase
from .bibtex import LIBRARY_EXPORT, library_export
from .csl import csl_json
from .reference import from_bib, from_title
from .references import references_name, year_bib_entries, year_references
from .ris import ris

FORMATS = {"bib": "BibTeX", "ris": "RIS", "json": "CSL-JSON"}
LIBRARY = {suffix: LIBRARY_EXPORT.removesuffix(".bib") + "." + suffix for suffix in FORMATS}


def year_files(year: int) -> dict[str, str]:
    """suffix -> the docs-relative name of the year's references in that format."""
    return {suffix: f"research/{year}/{references_name(year).removesuffix('.bib')}.{suffix}"
            for suffix in FORMATS}


def library_text(kb: KnowledgeBase, suffix: str) -> str:
    if suffix == "bib":
        return library_export(kb.titles)
    topics = kb.named("topics")
    references = [from_title(title, topics) for title in sorted(kb.titles, key=lambda t: t.id)]
    return ris(references) if suffix == "ris" else csl_json(references)


def year_text(kb: KnowledgeBase, year: int, suffix: str) -> str:
    if suffix == "bib":
        return year_references(kb, year)
    references = [from_bib(entry) for entry in year_bib_entries(kb, year)]
    return ris(references) if suffix == "ris" else csl_json(references)
