"""Field values: braces, quotes, @string macros, month macros and # concatenation."""

from __future__ import annotations

import pytest

from goldenthread.bibimport.macros import Macros, concatenated_parts

CASES = [
    ("{Routledge}", "Routledge", []),
    ('"John Catt"', "John Catt", []),
    ("2014", "2014", []),
    ("jan", "January", []),
    ("Rout", "Routledge", []),  # macro names are case-insensitive
    ('harvard # " Education Press"', "Harvard Education Press", []),
    ('{A} # " " # {B}', "A B", []),
    ("{Costs \\& Benefits: item \\#3}", "Costs \\& Benefits: item \\#3", []),
    ('"The {B}ook # 2"', "The {B}ook # 2", []),
    ("nosuchpress", "", ["nosuchpress"]),
    ('rout # nosuch', "Routledge", ["nosuch"]),
]


@pytest.mark.parametrize(("raw", "text", "undefined"), CASES)
def test_expand(raw: str, text: str, undefined: list[str]) -> None:
    macros = Macros()
    macros.define("rout", "{Routledge}")
    macros.define("harvard", '"Harvard"')
    assert macros.expand(raw) == (text, undefined)


def test_a_macro_can_use_an_earlier_one() -> None:
    macros = Macros()
    macros.define("harvard", '"Harvard"')
    assert macros.define("hep", 'harvard # " Education Press"') == []
    assert macros.expand("hep") == ("Harvard Education Press", [])


def test_concatenation_splits_only_outside_braces_and_quotes() -> None:
    assert concatenated_parts('a # {b # c} # "d # e"') == ["a", "{b # c}", '"d # e"']
