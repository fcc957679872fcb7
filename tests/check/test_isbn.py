from __future__ import annotations

import pytest

from goldenthread.check.isbn import isbn_problem


@pytest.mark.parametrize("isbn", ["9780674729018", "978-0-674-72901-8", "9781912906208",
                                  "0-306-40615-2", "080442957X", "0 8044 2957 x"])
def test_valid(isbn: str) -> None:
    assert isbn_problem(isbn) is None


@pytest.mark.parametrize(("isbn", "code"), [
    ("9780674729019", "isbn-checksum"), ("0306406153", "isbn-checksum"),
    ("97806747290", "isbn-format"), ("97806747290181", "isbn-format"),
    ("978067472901X", "isbn-checksum"), ("X306406152", "isbn-checksum"),
    # 13 digits whose check digit passes but which no ISBN begins with (GS1 prefixes 978, 979)
    ("5012345678900", "isbn-prefix"), ("9771234567898", "isbn-prefix"),
    ("1234567890128", "isbn-prefix"), ("5012345678901", "isbn-prefix"),
])
def test_invalid(isbn: str, code: str) -> None:
    found = isbn_problem(isbn)
    assert found is not None and found[0] == code


def _check_digit_passes(digits: str) -> bool:
    """An oracle apart from the code under test: the standard weighted sums."""
    if len(digits) == 10:
        return sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits)) % 11 == 0
    return sum((3 if i % 2 else 1) * int(c) for i, c in enumerate(digits)) % 10 == 0


@pytest.mark.parametrize("isbn", [
    "0000000000", "0-00-000000-0", "000000000X", "0000000000000", "000-0000000000",
    "978-0-00-000000-0", "9780000000002", "9790000000001", "979-0-00-000000-0",
])
def test_zeros_where_a_books_number_goes_are_a_placeholder(isbn: str) -> None:
    found = isbn_problem(isbn)
    assert found is not None and found[0] == "isbn-placeholder"
    assert isbn in found[1] and "placeholder" in found[1]


def test_the_all_zero_placeholders_pass_their_check_digit_so_only_the_placeholder_check_stops_them() -> None:
    assert all(_check_digit_passes(d) for d in ("0000000000", "0000000000000", "9780000000002"))


@pytest.mark.parametrize("isbn", ["9780000000019", "0000000019"])
def test_a_number_with_more_than_zeros_is_not_a_placeholder(isbn: str) -> None:
    assert isbn_problem(isbn) is None


def test_each_message_ends_with_the_fix() -> None:
    for isbn in ("9780674729019", "97806747290", "0000000000", "5012345678900"):
        found = isbn_problem(isbn)
        assert found is not None and "leave it out" in found[1].rsplit(":", 1)[1]


@pytest.mark.parametrize("isbn", ["978191290620\u00b2", "97819129062\u0663\u0663", "19129062\u00b2X"])
def test_digits_that_are_not_0_to_9_fail_the_check_and_do_not_crash(isbn: str) -> None:
    problem = isbn_problem(isbn)
    assert problem is not None and problem[0] == "isbn-checksum"
