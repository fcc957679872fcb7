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


def year_works(kb: KnowledgeBase, year: int) -> list[tuple[str, list[tuple[str, BibEntry | None]]]]:
    """Each of the year's entries (its id and title) and its references, each under the key
    it is exported with: a key two entries use for different works gets the entry's id; a
    work an earlier entry also cites is None (it is exported once, above)."""
    seen: dict[str, BibEntry] = {}
    found = []
    for entry in (e for e in kb.entries if e.year == year):
        cited: list[tuple[str, BibEntry | None]] = []
        for reference in entry.references:
            earlier = seen.get(reference.key)
            if earlier is not None and (earlier.type, earlier.fields) == (reference.type, reference.fields):
                cited.append((reference.key, None))
                continue
            key = reference.key if earlier is None else f"{entry.id}-{reference.key}"
            seen.setdefault(key, reference)
            cited.append((key, reference))
        found.append((f"{entry.id}: {' '.join(entry.title.split())}", cited))
    return found


def year_references(kb: KnowledgeBase, year: int) -> str:
    """The year's references as BibTeX, each entry's under a comment naming it."""
    parts = [f"% References of the action research published in {year}, exported by goldenthread.\n"]
    for heading, cited in year_works(kb, year):
        parts.append(f"\n% {heading}\n")
        for key, reference in cited:
            parts.append(f"% (also cites {key}, above)\n" if reference is None
                         else bib_entry_text(reference, key=key))
    return "".join(parts)


def year_bib_entries(kb: KnowledgeBase, year: int) -> list[BibEntry]:
    """The year's references once each, under their exported keys (for RIS and CSL-JSON)."""
    return [BibEntry(key, reference.type, reference.fields, reference.line)
            for _, cited in year_works(kb, year) for key, reference in cited if reference is not None]
