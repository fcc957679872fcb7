"""Authors as the sources write them ("Tom Sherrington", "E. D. Hirsch, Jr.", "I CAN") -> the
parts APA 7 and BibTeX need, and the bylines APA 7 writes for one, two, three to twenty, and
twenty-one or more authors.

A catalogue record and an entry give each author as one line of text, given names first. An
organisation is one name, never inverted ("I CAN", not "CAN, I."; {Royal College of Speech and
Language Therapists} in BibTeX); a particle (van, de, von) belongs to the family name ("van
Merriënboer, J. J. G."); a suffix (Jr., III) follows it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .names import Name

# Words that mark an author as an organisation.
_ORGANISATION = re.compile(
    r"\b(Foundation|Department|Commission|Group|Trust|Institute|Council|Association|Society|"
    r"Agency|Office|Ministry|Organi[sz]ation|University|College|Committee|Centre|Center|"
    r"Network|Partnership|Board|Unit|Ofsted|Education Endowment|Review|Alliance|Federation|"
    r"Service|Services|Authority|School|Academy|Press|Project|Research|Union|Panel)\b")
# Lower-case words that join the words of an organisation's name but never a person's.
_JOINING = {"of", "for", "and", "the", "in", "on", "to", "at", "&"}
PARTICLES = {"van", "von", "de", "der", "den", "du", "da", "di", "del", "della", "des", "la",
             "le", "ten", "ter", "dos", "das", "op", "zu", "af", "av"}
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def is_organisation(name: str) -> bool:
    """Whether an author is an organisation: a word such as Foundation or College, a joining
    word (of, for, and), or a name in capitals only (I CAN, OECD)."""
    words = name.split()
    if not words:
        return False
    if _ORGANISATION.search(name) or any(word in _JOINING for word in words[1:-1]):
        return True
    letters = [word for word in words if any(char.isalpha() for char in word)]
    return bool(letters) and all(word.isupper() for word in letters) and any(
        sum(char.isalpha() for char in word) >= 2 and "." not in word for word in letters)


def person(name: str) -> Name:
    """An author's line as the parts of a name; an organisation (or one word) whole."""
    text = " ".join(name.split())
    if not text or is_organisation(text) or " " not in text:
        return Name(literal=text)
    words = text.split(" ")
    suffix = ""
    if len(words) > 2 and words[-1].casefold() in SUFFIXES:
        suffix = words.pop()
    words[-1] = words[-1].rstrip(",")
    if words[-1] == "":
        words.pop()
    split_at = len(words) - 1
    while split_at > 1 and words[split_at - 1] in PARTICLES:
        split_at -= 1
    given = " ".join(words[:split_at]).rstrip(",")
    return Name(family=" ".join(words[split_at:]), given=given, suffix=suffix)


def short(name: str) -> str:
    """What a citation or a short byline names: the family name, or the organisation."""
    parts = person(name)
    return parts.literal or parts.family


def cited(names: Sequence[str]) -> str:
    """APA 7's author part of a citation: 'Sherrington', 'Brown & Roediger', 'Black et al.'."""
    if len(names) <= 2:
        return " & ".join(short(name) for name in names)
    return f"{short(names[0])} et al."


def listed(names: Sequence[str]) -> str:
    """Names in APA 7's reference-list order and punctuation, as they are written: two joined
    by '&'; three to twenty with commas and ', &' before the last; twenty-one or more the first
    nineteen, an ellipsis, and the last."""
    names = [" ".join(name.split()) for name in names]
    if len(names) <= 2:
        return " & ".join(names)
    if len(names) > 20:
        return ", ".join(names[:19]) + ", . . . " + names[-1]
    return ", ".join(names[:-1]) + ", & " + names[-1]
