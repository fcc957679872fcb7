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
])
def test_invalid(isbn: str, code: str) -> None:
    found = isbn_problem(isbn)
    assert found is not None and found[0] == code
