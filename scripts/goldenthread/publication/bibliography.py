"""Each entry's references, rewritten as the BibTeX Typst reads best.

Typst (hayagriva) prints correct APA for @inbook and for @report with a publisher, but
repeats the book's title for @incollection and drops a report's institution. The
entry's .bib stays as the teacher wrote it; the PDF is given this normalised copy, its
printed words passed through the site's own parse (`words`), so that its quotes are the
site's typographic ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..export.references import bib_entry_text
from ..load.bib import BibEntry

TYPES = {"incollection": "inbook", "techreport": "report"}
PRINTED = frozenset({"author", "editor", "title", "booktitle", "journal", "publisher", "institution",
                     "organization", "school", "series", "edition", "howpublished", "note", "address"})


def _normalised(entry: BibEntry, words: Callable[[str], str]) -> tuple[str, dict[str, str]]:
    fields = {name: words(value) if name in PRINTED else value for name, value in entry.fields.items()}
    kind = TYPES.get(entry.type, entry.type)
    if kind == "report" and not fields.get("publisher") and fields.get("institution"):
        fields["publisher"] = fields["institution"]
    return kind, fields


def typst_bibtex(entries: Iterable[BibEntry], words: Callable[[str], str] = str) -> str:
    return "\n".join(bib_entry_text(entry, *_normalised(entry, words)) for entry in entries)
