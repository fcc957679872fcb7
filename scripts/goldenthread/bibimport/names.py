"""BibTeX name lists -> catalogue authors: 'Roediger, III, Henry L.' -> 'Henry L. Roediger III'."""

from __future__ import annotations

import re

from ..cite.latex import plain, split_top_level
from ..cite.names import parse_names

_SUFFIX = re.compile(r"^(jr\.?|sr\.?|ii|iii|iv)$", re.IGNORECASE)


def _suffix(raw: str) -> str:
    """'Jr.' or 'III' from 'Last, Jr, First' or 'First Last III'; cite.names leaves it out."""
    parts = split_top_level(raw, ",")
    if len(parts) == 3:
        return plain(parts[1])
    words = split_top_level(raw, " ")
    if len(parts) == 1 and len(words) > 2 and _SUFFIX.match(plain(words[-1])):
        return plain(words[-1])
    return ""


def catalogue_name(raw: str) -> str:
    """One BibTeX name as a catalogue record writes it: 'First Last' or the organisation."""
    found = parse_names(raw)
    if not found:
        return ""
    name = found[0]
    if name.literal:
        return name.literal
    full = " ".join(part for part in (name.given, name.family) if part)
    suffix = _suffix(raw)
    if not suffix:
        return full
    # The catalogue writes 'E. D. Hirsch, Jr.' but 'Henry L. Roediger III'.
    return f"{full}{',' if suffix.lower().startswith(('jr', 'sr')) else ''} {suffix}"


def catalogue_names(value: str) -> list[str]:
    """Every name in an author or editor field, in order; 'and others' is not a name."""
    names = (catalogue_name(raw) for raw in split_top_level(value, " and "))
    return [name for name in names if name]


def family_key(name: str) -> str:
    """The family name of a catalogue author, casefolded, to recognise the same book.

    Works on the catalogue form on both sides ('Henry L. Roediger III' -> 'roediger'),
    so organisations and people compare alike.
    """
    words = [re.sub(r"\W+", "", word.casefold()) for word in name.split()]
    words = [word for word in words if word]
    while len(words) > 1 and _SUFFIX.match(words[-1]):
        words.pop()
    return words[-1] if words else ""
