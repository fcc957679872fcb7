"""ISBN-10 and ISBN-13: length, prefix, placeholders and check digits."""

from __future__ import annotations

from ..messages import say

# Every ISBN-13 begins with one of these (GS1's prefixes for books); other 13-digit
# numbers, such as a magazine's barcode, are not ISBNs.
PREFIXES = ("978", "979")


def normalise(isbn: str) -> str:
    """The ISBN's digits (and a final X), without hyphens or spaces."""
    return isbn.replace("-", "").replace(" ", "").upper()


def _digits(text: str) -> bool:
    """0 to 9 only: str.isdigit also takes '²' and '٣', which int() then refuses."""
    return text.isascii() and text.isdigit()


def _isbn10_ok(digits: str) -> bool:
    if not (_digits(digits[:9]) and (_digits(digits[9]) or digits[9] == "X")):
        return False
    values = [int(c) for c in digits[:9]] + [10 if digits[9] == "X" else int(digits[9])]
    return sum((10 - i) * v for i, v in enumerate(values)) % 11 == 0


def _isbn13_ok(digits: str) -> bool:
    if not _digits(digits):
        return False
    return sum((1 if i % 2 == 0 else 3) * int(c) for i, c in enumerate(digits)) % 10 == 0


def is_placeholder(digits: str) -> bool:
    """All zeros but the prefix and the check digit: 0000000000, 000-0000000000,
    978-0-00-000000-0. Exporters and library systems write these for 'no ISBN'; the
    all-zero ones pass their check digit, so only this test tells them from a book's."""
    body = digits[3:-1] if len(digits) == 13 and digits[:3] in PREFIXES else digits[:-1]
    return set(body) == {"0"}


def isbn_problem(isbn: str) -> tuple[str, str] | None:
    """(code, message) when the ISBN is malformed, a placeholder or fails its check digit,
    else None."""
    digits = normalise(isbn)
    if len(digits) not in (10, 13):
        return ("isbn-format", say("isbn-format", isbn=isbn, count=len(digits)))
    if is_placeholder(digits):
        return ("isbn-placeholder", say("isbn-placeholder", isbn=isbn))
    if len(digits) == 13 and digits[:3] not in PREFIXES:
        return ("isbn-prefix", say("isbn-prefix", digits=digits, prefix=digits[:3]))
    if (_isbn10_ok if len(digits) == 10 else _isbn13_ok)(digits):
        return None
    return ("isbn-checksum", say("isbn-checksum", digits=digits))
