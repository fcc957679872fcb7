"""Each year's references as one BibTeX file (every entry's .bib, under a comment naming
it), and as RIS and CSL-JSON: each work once, a key two entries use for different works
made the entry's own."""

from __future__ import annotations

from collections.abc import Iterator

from ..load.bib import BibEntry
from ..model import Entry, KnowledgeBase
from .formats import csl_json, reference_work, ris


def bib_entry_text(entry: BibEntry, kind: str | None = None,
                   fields: dict[str, str] | None = None, key: str | None = None) -> str:
    """One BibTeX entry from parsed fields (values as read, inner braces kept)."""
    fields = entry.fields if fields is None else fields
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
    return f"@{kind or entry.type}{{{key or entry.key},\n{body}\n}}\n"


def references_name(year: int, extension: str = "bib") -> str:
    return f"references-{year}.{extension}"


def year_works(kb: KnowledgeBase, year: int) -> Iterator[tuple[Entry, BibEntry, str | None]]:
    """Each reference of the year's entries with the key it is exported under, None for a
    work an earlier entry already cited."""
    seen: dict[str, BibEntry] = {}
    for entry in (e for e in kb.entries if e.year == year):
        for reference in entry.references:
            earlier = seen.get(reference.key)
            if earlier is not None and (earlier.type, earlier.fields) == (reference.type, reference.fields):
                yield entry, reference, None
                continue
            key = reference.key if earlier is None else f"{entry.id}-{reference.key}"
            seen.setdefault(key, reference)
            yield entry, reference, key


def year_references(kb: KnowledgeBase, year: int) -> str:
    """The year's references as BibTeX, each entry's under a comment naming it."""
    parts = [f"% References of the action research published in {year}, exported by goldenthread.\n"]
    works = list(year_works(kb, year))
    for entry in (e for e in kb.entries if e.year == year):  # every entry, with references or none
        parts.append(f"\n% {entry.id}: {' '.join(entry.title.split())}\n")
        for _, reference, key in (work for work in works if work[0] is entry):
            parts.append(f"% (also cites {reference.key}, above)\n" if key is None
                         else bib_entry_text(reference, key=key))
    return "".join(parts)


def year_references_as(kb: KnowledgeBase, year: int, extension: str) -> str:
    """The year's references as RIS ("ris") or CSL-JSON ("json"), each work once."""
    works = [reference_work(reference, key) for _, reference, key in year_works(kb, year) if key is not None]
    return ris(works) if extension == "ris" else csl_json(works)
