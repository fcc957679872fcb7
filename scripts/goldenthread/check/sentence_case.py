"""APA 7 writes the titles of books, reports, articles and web pages in sentence case: the
first word, the first word after a colon and proper nouns capitalised, the rest lower case.

A reference title written in Title Case ("Test-Enhanced Learning") gets a notice with the
sentence-case form to paste. Proper nouns cannot be told from other words, so the form
keeps only what is certainly not to be lowered: a word in braces ({Rosenshine}, the
BibTeX way to keep capitals), an acronym (EEF, KS2), a word with a capital inside it
(McDaniel), "I", and the first word of the title and of each part after a colon, question
or exclamation mark or dash. The notice says to brace the proper nouns it lowered.

A title is taken for Title Case when at least two of its words could be lowered and they
outnumber its lower-case words of four letters or more at least two to one: "Teaching
assistant prompts in Key Stage 1" (proper nouns unbraced, but plainly sentence case)
passes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PART_END = re.compile(r"[:?!.\u2014\u2013]$|--+$")  # a word after one of these starts a new part
_LETTERS = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class _Word:
    start: int  # offset of its first character in the title
    text: str
    protected: bool  # inside braces
    first: bool  # first of the title, or of a part after a colon or the like


def _words(title: str) -> list[_Word]:
    """The title's words and hyphenated parts, each with whether braces protect it."""
    words: list[_Word] = []
    depth, start, protected, first = 0, -1, False, True

    def close(end: int) -> None:
        nonlocal start, first
        if start >= 0:
            text = title[start:end]
            words.append(_Word(start, text, protected, first))
            first = bool(_PART_END.search(text.rstrip("}")))
            start = -1

    for index, char in enumerate(title):
        if char == "{":
            close(index)
            depth += 1
        elif char == "}":
            close(index)
            depth = max(depth - 1, 0)
        elif char.isspace():
            close(index)
            if title[index - 1:index] in ("-", "\u2014", "\u2013"):
                first = True
        elif char == "-" and start >= 0:
            close(index)
            first = False
        elif start < 0:
            start, protected = index, depth > 0
    close(len(title))
    return words


def _kept(word: _Word) -> bool:
    """Whether the word keeps its capital in sentence case, whatever it is."""
    letters = "".join(_LETTERS.findall(word.text))
    if word.protected or word.first or not letters:
        return True
    if letters == "I" or sum(c.isupper() for c in letters) >= 2:
        return True  # "I", an acronym, or a name like McDaniel
    return not letters[0].isupper()


def sentence_case(title: str) -> str | None:
    """The sentence-case form of a title written in Title Case; None if it is not."""
    words = _words(title)
    lowered = [w for w in words if not _kept(w)]
    small = [w for w in words if not w.protected and not w.first
             and len(_LETTERS.findall(w.text)) >= 4 and w.text[:1].islower()]
    if len(lowered) < 2 or len(lowered) < 2 * len(small):
        return None
    out = list(title)
    for word in lowered:
        at = word.start + next(i for i, c in enumerate(word.text) if c.isalpha())
        out[at] = out[at].lower()
    return "".join(out)
