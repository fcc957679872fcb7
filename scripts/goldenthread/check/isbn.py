"""ISBN-10 and ISBN-13 check digits."""

from __future__ import annotations


def normalise(isbn: str) -> str:
    """The ISBN's digits (and a final X), without hyphens or spaces."""
    return isbn.replace("-", "").replace(" ", "").upper()


def _isbn10_ok(digits: str) -> bool:
    if not (digits[:9].isdigit() and (digits[9].isdigit() or digits[9] == "X")):
        return False
    values = [int(c) for c in digits[:9]] + [10 if digits[9] == "X" else int(digits[9])]
    return sum((10 - i) * v for i, v in enumerate(values)) % 11 == 0


def _isbn13_ok(digits: str) -> bool:
    if not digits.isdigit():
        return False
    return sum((1 if i % 2 == 0 else 3) * int(c) for i, c in enumerate(digits)) % 10 == 0


def isbn_problem(isbn: str) -> tuple[str, str] | None:
    """(code, message) when the ISBN is malformed or fails its check digit, else None."""
    digits = normalise(isbn)
    if len(digits) == 10:
        ok = _isbn10_ok(digits)
    elif len(digits) == 13:
        ok = _isbn13_ok(digits)
    else:
        return ("isbn-format",
                f"ISBN {isbn} has {len(digits)} digits; an ISBN has 10 or 13: copy it again "
                "from the back cover or the copyright page, or leave it out")
    if ok:
        return None
    return ("isbn-checksum",
            f"ISBN {digits} fails its check digit: a digit was probably mistyped; copy it "
            "again from the book, or leave it out")
