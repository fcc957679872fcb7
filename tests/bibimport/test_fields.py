"""One catalogue field from one BibTeX field."""

from __future__ import annotations

import pytest

from goldenthread.bibimport import fields


@pytest.mark.parametrize(("value", "year"), [
    ("2014", 2014), (" 2014 ", 2014), ("2014-04-14", 2014), ("2014-04", 2014),
    ("2019a", None), ("n.d.", None), ("", None), ("1066", None), ("14", None),
])
def test_year(value: str, year: int | None) -> None:
    assert fields.year(value) == year


@pytest.mark.parametrize(("value", "edition"), [
    ("2", "2nd"), ("2nd", "2nd"), ("Second", "2nd"), ("second edition", "2nd"),
    ("3rd ed.", "3rd"), ("5th", "5th"), ("8", "8th"), ("11", "11th"), ("21", "21st"),
    ("1", ""), ("First", ""), ("", ""), ("Revised", "Revised"),
])
def test_edition(value: str, edition: str) -> None:
    assert fields.edition(value) == edition


@pytest.mark.parametrize(("value", "isbn", "codes"), [
    ("9780674729018", "9780674729018", []),
    ("978-0-674-72901-8", "9780674729018", []),
    ("ISBN 978 0 674 72901 8", "9780674729018", []),
    ("0674729013", "0674729013", []),
    ("9780674729019", "", ["isbn-checksum"]),
    ("12345", "", ["isbn-format"]),
    ("9780674729019; 9780674729018", "9780674729018", ["isbn-checksum"]),
    ("000-0000000000", "", ["isbn-placeholder"]),
    ("0000000000", "", ["isbn-placeholder"]),
    ("978-0-00-000000-0", "", ["isbn-placeholder"]),
    ("0000000000; 9780674729018", "9780674729018", ["isbn-placeholder"]),
    ("5012345678900", "", ["isbn-prefix"]),
    ("", "", []),
])
def test_isbn_is_kept_only_when_its_check_digit_passes(value: str, isbn: str, codes: list[str]) -> None:
    found, failures = fields.isbn(value)
    assert (found, [code for code, _ in failures]) == (isbn, codes)


@pytest.mark.parametrize(("value", "url"), [
    ("https://example.org/a", "https://example.org/a"),
    ("http://example.org/a\\_b\\%20", "http://example.org/a_b%20"),
    ("ftp://example.org/a", ""),
    ("javascript:alert(1)", ""),
    ("https://example.org/a b", ""),
])
def test_url(value: str, url: str) -> None:
    assert fields.url(value) == url


def test_keywords_split_on_commas_and_semicolons() -> None:
    assert fields.keywords("a, b; c ,, ") == ["a", "b", "c"]


def test_isbn13_is_only_for_matching() -> None:
    assert fields.isbn13("0674729013") == "9780674729018"
