"""Personal and corporate names from BibTeX author and editor fields."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .latex import plain, split_top_level


@dataclass(frozen=True)
class Name:
    """A person (family and given names) or an organisation (literal)."""

    family: str = ""
    given: str = ""
    literal: str = ""
    suffix: str = ""

    @property
    def sort_key(self) -> str:
        return (self.literal or self.family).casefold()

    def initials(self) -> str:
        """'Henry L.' -> 'H. L.'; 'Jean-Paul' -> 'J.-P.'."""
        parts = []
        for word in self.given.split():
            pieces = [p for p in word.split("-") if p]
            parts.append("-".join(f"{p[0]}." for p in pieces))
        return " ".join(parts)

    def inverted(self) -> str:
        """APA reference-list form: 'Roediger, H. L.' or the organisation's name."""
        if self.literal:
            return self.literal
        name = f"{self.family}, {self.initials()}" if self.given else self.family
        return f"{name}, {self.suffix}" if self.suffix else name

    def direct(self) -> str:
        """'H. L. Roediger', for editors in a chapter reference."""
        if self.literal:
            return self.literal
        return f"{self.initials()} {self.family}" if self.given else self.family


_SUFFIX = re.compile(r"^(jr\.?|sr\.?|ii|iii|iv)$", re.IGNORECASE)


def _person(raw: str) -> Name:
    stripped = raw.strip()
    if stripped.startswith("{") and stripped.endswith("}") and stripped.count("{") == 1:
        return Name(literal=plain(stripped))
    parts = split_top_level(stripped, ",")
    if len(parts) >= 2:
        family = parts[0]
        given = parts[-1] if len(parts) == 2 else parts[2]
        suffix = parts[1] if len(parts) > 2 else ""
        return Name(plain(family), plain(given), suffix=plain(suffix))
    words = split_top_level(stripped, " ")
    if len(words) == 1:
        return Name(literal=plain(words[0])) if "{" in words[0] else Name(plain(words[0]))
    suffix = ""
    if len(words) > 2 and _SUFFIX.match(plain(words[-1])):
        suffix = plain(words[-1])
        words = words[:-1]
    # "von" particles (lowercase words) belong to the family name.
    split_at = len(words) - 1
    while split_at > 1 and plain(words[split_at - 1])[:1].islower():
        split_at -= 1
    return Name(plain(" ".join(words[split_at:])), plain(" ".join(words[:split_at])), suffix=suffix)


def parse_names(value: str) -> list[Name]:
    """Every name in a BibTeX name list ('A and B and {An Organisation}')."""
    return [_person(part) for part in split_top_level(value, " and ") if part.lower() != "others"]
