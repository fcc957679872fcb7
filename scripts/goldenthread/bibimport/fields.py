"""One catalogue field from one BibTeX field, or nothing when the value will not do."""

from __future__ import annotations

import re

from ..check.isbn import isbn_problem, normalise

YEAR = re.compile(r"^\s*([0-9]{4})(?:-[0-9]{2}(?:-[0-9]{2})?)?\s*$")
FIRST_YEAR, LAST_YEAR = 1800, 2100  # the schema's bounds
_ISBN_LABEL = re.compile(r"\bISBN(?:-1[03])?:?", re.IGNORECASE)
_URL = re.compile(r"^https?://\S+$")
_URL_ESCAPE = re.compile(r"\\([_%#&$~])")
_EDITION = re.compile(r"^([0-9]+)\s*(?:st|nd|rd|th)?\.?(?:\s+(?:ed|edn|edition)\.?)?$", re.IGNORECASE)
_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
          "tenth", "eleventh", "twelfth")
_WORD_EDITION = re.compile(rf"^({'|'.join(_WORDS)})(?:\s+(?:ed|edn|edition)\.?)?$", re.IGNORECASE)


def year(value: str) -> int | None:
    """2014 from '2014' or a biblatex date '2014-04-14'; None for '2019a', 'n.d.' and the like."""
    match = YEAR.match(value)
    if match is None or not FIRST_YEAR <= int(match.group(1)) <= LAST_YEAR:
        return None
    return int(match.group(1))


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st."""
    if number % 100 in (11, 12, 13):
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th')}"


def _edition_number(text: str) -> int:
    """2 from '2', '2nd ed.' or 'Second edition'; 0 when the text is not a number."""
    digits = _EDITION.match(text)
    if digits:
        return int(digits.group(1))
    word = _WORD_EDITION.match(text)
    return _WORDS.index(word.group(1).lower()) + 1 if word else 0


def edition(value: str) -> str:
    """'2', 'Second' or '2nd ed.' -> '2nd' as the catalogue writes it; '' for a first
    edition (the catalogue names an edition only when it is not the first); other
    wording ('Revised') kept as written."""
    text = " ".join(value.split())
    number = _edition_number(text)
    if number == 1:
        return ""
    return ordinal(number) if number else text


def isbns(value: str) -> list[str]:
    """The ISBNs written in a field: one ('978-0-674-72901-8') or several ('978… ; 067…')."""
    value = _ISBN_LABEL.sub(" ", value)
    if len(normalise(value)) in (10, 13):
        return [normalise(value)]
    return [normalise(part) for part in re.split(r"[\s,;/]+", value) if part.strip()]


def isbn(value: str) -> tuple[str, list[tuple[str, str]]]:
    """The first ISBN in the field whose check digit passes (digits only), and the
    (code, message) of each one that fails. An ISBN is never computed or repaired."""
    failures: list[tuple[str, str]] = []
    for candidate in isbns(value):
        failure = isbn_problem(candidate)
        if failure is None:
            return candidate, failures
        failures.append(failure)
    return "", failures


def url(value: str) -> str:
    """An http or https address as written ('\\_' unescaped), or '' for anything else."""
    text = _URL_ESCAPE.sub(r"\1", value.strip())
    return text if _URL.match(text) and len(text) <= 500 else ""


def keywords(value: str) -> list[str]:
    """Zotero separates keywords with commas, Mendeley and others with semicolons."""
    return [word.strip() for word in re.split(r"[,;]", value) if word.strip()]


def isbn13(isbn: str) -> str:
    """The ISBN-13 of a valid ISBN, to recognise one book under either form. Never written."""
    if len(isbn) == 13:
        return isbn
    stem = "978" + isbn[:9]
    check = (10 - sum((1 if i % 2 == 0 else 3) * int(c) for i, c in enumerate(stem)) % 10) % 10
    return stem + str(check)
