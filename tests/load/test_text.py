from __future__ import annotations

from goldenthread.load.text import decode


def test_bom_is_accepted() -> None:
    text, problems = decode("\ufefftitle: A\n".encode(), "p")
    assert text == "title: A\n" and not problems


def test_first_bad_byte_is_located() -> None:
    _, problems = decode(b"a: 1\nb: caf\xe9\n", "p")
    assert [(p.line, p.col, p.code) for p in problems] == [(2, 7, "not-utf8")]
