"""References -> RIS, the tagged format EndNote, Zotero and Mendeley import."""

from __future__ import annotations

from collections.abc import Iterable

from ..cite.names import Name
from .reference import Reference

TYPES = {"book": "BOOK", "report": "RPRT", "chapter": "CHAP", "article": "JOUR", "webpage": "ELEC",
         "thesis": "THES", "paper": "CPAPER", "other": "GEN"}


def _name(name: Name) -> str:
    """RIS's "Family, Given[, Suffix]", or an organisation's name."""
    if name.literal:
        return name.literal
    return ", ".join(part for part in (name.family, name.given, name.suffix) if part)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def entry(reference: Reference) -> str:
    lines = [("TY", TYPES[reference.kind]), ("ID", reference.key)]
    lines += [("AU", _name(name)) for name in reference.authors]
    lines += [("ED", _name(name)) for name in reference.editors]
    lines.append(("TI", reference.title))
    if reference.container:
        lines.append(("JO" if reference.kind == "article" else "T2", reference.container))
    for tag, value in (("PY", reference.year), ("PB", reference.publisher), ("CY", reference.place),
                       ("VL", reference.volume), ("IS", reference.issue), ("SP", reference.first_page),
                       ("EP", reference.last_page), ("ET", reference.edition), ("SN", reference.isbn),
                       ("DO", reference.doi), ("UR", reference.url), ("Y2", reference.accessed),
                       ("AB", reference.abstract)):
        if value:
            lines.append((tag, value))
    lines += [("KW", keyword) for keyword in reference.keywords]
    return "".join(f"{tag}  - {_one_line(value)}\n" for tag, value in lines) + "ER  - \n"


def ris(references: Iterable[Reference]) -> str:
    return "\n".join(entry(reference) for reference in references)
