"""Text as BibTeX writes it: field values escaped, names as 'von Last, Jr, First' with
organisations braced whole, and one entry's text. Below every layer that writes BibTeX (the
catalogue's export, an entry's own reference, the forms' templates)."""

from __future__ import annotations

import re

from .people import is_organisation, person

_SPECIAL = re.compile(r"([&%$#_])")


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


def entry_text(kind: str, key: str, fields: list[tuple[str, str]]) -> str:
    """One entry, its fields' `=` aligned (the site's entry form writes the same)."""
    width = max((len(name) for name, _ in fields), default=0)
    body = ",\n".join(f"  {name.ljust(width)} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{key},\n{body}\n}}\n"
