"""Reading a .bib: every block that is not a usable entry is a problem at its line."""

from __future__ import annotations

import pytest

from goldenthread.bibimport.read import read_bib

GOOD = "@book{good,\n  title = {A Test Book},\n  year = 2020\n}\n"

# (what, text, line, code): the malformed-input table; each problem names its line.
MALFORMED = [
    ("unbalanced braces", "@book{bad,\n  title = {Open {brace,\n  year = {2020}\n}\n\n" + GOOD,
     1, "bib-syntax"),
    ("missing comma after key", "\n@book{bad title = {x}}\n\n" + GOOD, 2, "bib-syntax"),
    ("repeated key", GOOD + "\n" + GOOD, 6, "bib-duplicate-key"),
    ("repeated field", "@book{bad,\n  title = {x},\n  title = {y}\n}\n\n" + GOOD,
     1, "bib-duplicate-field"),
    ("undefined macro", "@book{bad,\n  title = {x},\n  publisher = nosuch\n}\n\n" + GOOD,
     3, "bib-undefined-macro"),
    ("undefined macro in @string", '@string{a = b # "c"}\n\n' + GOOD, 1, "bib-undefined-macro"),
    ("repeated @string", '@string{a = "x"}\n@string{a = "y"}\n' + GOOD, 2, "bib-duplicate-key"),
    ("@comment", "@comment{jabref-meta: x;}\n\n" + GOOD, 1, "bib-comment"),
    ("% comment", "\n\n% exported\n" + GOOD, 3, "bib-comment"),
    ("stray text", GOOD + "\nsome words\n", 6, "bib-comment"),
    ("@preamble", '@preamble{"\\newcommand{\\x}{}"}\n' + GOOD, 1, "bib-preamble"),
]


@pytest.mark.parametrize(("what", "text", "line", "code"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_input_is_a_problem_at_its_line(what: str, text: str, line: int, code: str) -> None:
    bib = read_bib(text, "refs.bib")
    assert [(p.path, p.line, p.code) for p in bib.problems] == [("refs.bib", line, code)]
    assert "good" in [entry.key for entry in bib.entries], "the entry after it is still read"


def test_entries_keep_type_key_lines_and_expanded_fields() -> None:
    text = ('@string{pub = "Example"}\n'
            "@BOOK(Key,\n  TITLE = {T},\n  Publisher = pub # { Press},\n  month = jan\n)\n")
    [entry] = read_bib(text, "refs.bib").entries
    assert (entry.type, entry.key, entry.line) == ("book", "Key", 2)
    assert entry.fields == {"title": "T", "publisher": "Example Press", "month": "January"}
    assert entry.field_lines == {"title": 3, "publisher": 4, "month": 5}
