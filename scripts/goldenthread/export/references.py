"""Each year's references as one BibTeX file: every entry's .bib, under a comment naming it."""

from __future__ import annotations

from ..load.bib import BibEntry
from ..model import KnowledgeBase


def bib_entry_text(entry: BibEntry, kind: str | None = None,
                   fields: dict[str, str] | None = None, key: str | None = None) -> str:
    """One BibTeX entry from parsed fields (values as read, inner braces kept)."""
    fields = entry.fields if fields is None else fields
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
    return f"@{kind or entry.type}{{{key or entry.key},\n{body}\n}}\n"



def references_name(year: int) -> str:
    return f"references-{year}.bib"


def year_references(kb: KnowledgeBase, year: int) -> str:
    """The year's references. A key two entries use for different works gets the entry's id."""
    seen: dict[str, BibEntry] = {}
    parts = [f"% References of the action research published in {year}, exported by goldenthread.\n"]
    for entry in (e for e in kb.entries if e.year == year):
        parts.append(f"\n% {entry.id}: {' '.join(entry.title.split())}\n")
        for reference in entry.references:
            earlier = seen.get(reference.key)
            if earlier is not None and (earlier.type, earlier.fields) == (reference.type, reference.fields):
                parts.append(f"% (also cites {reference.key}, above)\n")
                continue
            key = reference.key if earlier is None else f"{entry.id}-{reference.key}"
            seen.setdefault(key, reference)
            parts.append(bib_entry_text(reference, key=key))
    return "".join(parts)
