"""Which entries give a record, and of what type."""

from __future__ import annotations

import pytest

from goldenthread.bibimport.read import read_bib
from goldenthread.bibimport.records import entry_record
from goldenthread.bibimport.topics import TopicIndex

FIELDS = "author = {Tester, Tina}, title = {A Test}, publisher = {P}, institution = {I}, year = 2020"


@pytest.mark.parametrize(("kind", "outcome"), [
    ("book", ("book", "P")), ("BOOK", ("book", "P")), ("collection", ("book", "P")),
    ("mvbook", ("book", "P")), ("techreport", ("report", "I")), ("report", ("report", "I")),
    ("article", None), ("misc", None), ("online", None), ("phdthesis", None),
    ("unpublished", None), ("software", None), ("manual", None), ("booklet", None),
])
def test_entry_types(kind: str, outcome: tuple[str, str] | None) -> None:
    [entry] = read_bib(f"@{kind}{{k, {FIELDS}}}", "refs.bib").entries
    record, problems = entry_record(entry, TopicIndex(), "refs.bib")
    if outcome is None:
        assert record is None
        assert [(p.code, p.message) for p in problems] == [
            ("import-skipped", f"@{kind.lower()}{{k}} is not a book or report: skipped")]
    else:
        assert record is not None and (record.type, record.publisher) == outcome


def test_an_editor_stands_in_for_a_missing_author() -> None:
    [entry] = read_bib("@book{k, editor = {Example, Ann}, title = {T}, year = 2020}", "r.bib").entries
    record, _ = entry_record(entry, TopicIndex(), "r.bib")
    assert record is not None and record.authors == ("Ann Example",)


def test_topics_are_topic_ids_or_names_in_the_keywords() -> None:
    index = TopicIndex({"curriculum": "curriculum", "send and individual needs": "send"})
    text = ("@book{k, author = {A, B}, title = {T}, year = 2020, keywords = "
            "{SEND and individual needs, x, curriculum, send and individual needs}}")
    [entry] = read_bib(text, "r.bib").entries
    record, problems = entry_record(entry, index, "r.bib")
    assert record is not None and record.topics == ("send", "curriculum")
    assert [(p.code, p.level) for p in problems] == [("import-keywords", "notice")]


def test_a_chapter_whose_book_has_a_bad_year_is_skipped_with_only_that_reason() -> None:
    text = ("@incollection{c, author = {W, W}, title = {Ch}, booktitle = {B}, editor = {E, E}, "
            "publisher = {P}, year = {2019a}}")
    [entry] = read_bib(text, "r.bib").entries
    record, problems = entry_record(entry, TopicIndex(), "r.bib")
    assert record is None
    assert [p.code for p in problems] == ["import-skipped"]
    assert "'2019a'" in problems[0].message


@pytest.mark.parametrize("isbn", ["000-0000000000", "0000000000", "978-0-00-000000-0"])
def test_a_placeholder_isbn_is_dropped_with_a_warning_at_its_line(isbn: str) -> None:
    text = ("@book{k,\n  author = {Tester, Tina},\n  title = {A Test},\n  year = 2020,\n"
            f"  isbn = {{{isbn}}}\n}}")
    [entry] = read_bib(text, "r.bib").entries
    record, problems = entry_record(entry, TopicIndex(), "r.bib")
    assert record is not None and record.title == "A Test" and record.isbn == ""
    assert [(p.line, p.level, p.code) for p in problems] == [(5, "warning", "isbn-placeholder")]
    message = problems[0].message
    assert isbn.replace("-", "") in message and message.endswith("(imported without the ISBN)")
