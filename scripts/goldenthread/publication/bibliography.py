"""Each entry's references, rewritten as the BibTeX Typst reads best.

Typst (hayagriva) prints correct APA for @inbook and for @report with a publisher, but
repeats the book's title for @incollection and drops a report's institution. The
entry's .bib stays as the teacher wrote it; the PDF is given this normalised copy.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..export.references import bib_entry_text
from ..load.bib import BibEntry

TYPES = {"incollection": "inbook", "techreport": "report"}


def _normalised(entry: BibEntry) -> tuple[str, dict[str, str]]:
    fields = dict(entry.fields)
    kind = TYPES.get(entry.type, entry.type)
    if kind == "report" and not fields.get("publisher") and fields.get("institution"):
        fields["publisher"] = fields["institution"]
    return kind, fields


def typst_bibtex(entries: Iterable[BibEntry]) -> str:
    return "\n".join(bib_entry_text(entry, *_normalised(entry)) for entry in entries)
