"""Field values: braces, quotes, @string macros, month macros and # concatenation."""

from __future__ import annotations

from pathlib import Path

import pytest

from goldenthread.bibimport import import_bibtex
from goldenthread.bibimport.macros import MAX_EXPANDED, ExpansionTooLong, Macros, concatenated_parts
from goldenthread.bibimport.read import read_bib

from ..conftest import build_repo

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


def _doubling(count: int, seed: str = '"ab"') -> str:
    return f"@string{{s0 = {seed}}}\n" + "".join(f"@string{{s{i + 1} = s{i} # s{i}}}\n" for i in range(count))


BOOK = ("@book{{key,\n  title = {title},\n  author = {{Doe, Jane}},\n  publisher = {{P}},\n"
        "  year = {{2020}}\n}}\n")
# (name, the .bib text, the line the refusal must name)
EXPANSIONS = [
    ("33 doubling macros", _doubling(33) + BOOK.format(title="s33"), 17),
    ("64 doubling macros", _doubling(64) + BOOK.format(title="{T}"), 17),
    ("doubling in braces", _doubling(40, "{abcd}") + BOOK.format(title="{T}"), 16),
    ("tripling", '@string{a = "xyz"}\n' + "".join(
        f"@string{{{chr(98 + i)} = {chr(97 + i)} # {chr(97 + i)} # {chr(97 + i)}}}\n" for i in range(20))
     + BOOK.format(title="{T}"), 11),
    ("one field of many parts",
     '@string{k = "' + "k" * 1000 + '"}\n' + BOOK.format(title=" # ".join(["k"] * 200)), 3),
    ("a long macro repeated in a field",
     '@string{m = {' + "m" * 60_000 + '}}\n' + BOOK.format(title="m # m"), 3),
]


@pytest.mark.parametrize(("text", "line"), [case[1:] for case in EXPANSIONS],
                         ids=[case[0] for case in EXPANSIONS])
def test_expansion_past_the_limit_is_refused_at_its_line(tmp_path: Path, text: str, line: int) -> None:
    bib = tmp_path / "in.bib"
    bib.write_text(text, "utf-8")
    root = build_repo(tmp_path / "repo")
    report = import_bibtex(root, bib, dry_run=True)
    refused = [(p.line, p.code) for p in report.problems if p.code == "bib-macro-too-long"]
    assert refused and refused[0] == (line, "bib-macro-too-long"), report.problems
    assert all(len(value) <= MAX_EXPANDED for entry in read_bib(text, "in.bib").entries
               for value in entry.fields.values())


def test_expansion_up_to_the_limit_is_kept() -> None:
    macros = Macros()
    macros.define("m", "{" + "m" * (MAX_EXPANDED // 2) + "}")
    assert len(macros.expand("m # m")[0]) == MAX_EXPANDED
    with pytest.raises(ExpansionTooLong):
        macros.expand("m # m # {x}")
