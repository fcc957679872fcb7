"""New or known, and the new records' ids."""

from __future__ import annotations

from typing import Any

from goldenthread.bibimport.catalogue import Catalogue
from goldenthread.bibimport.plan import plan, record_id
from goldenthread.bibimport.records import Record


def record(key: str, title: str = "A Test Book", year: int = 2020, **more: Any) -> Record:
    return Record(key=key, line=1, title=title, authors=("Tina Tester",), year=year, **more)


def test_the_key_is_the_id_when_it_is_a_valid_unused_id() -> None:
    assert record_id(record("test-book"), set()) == "test-book"


def test_otherwise_the_id_comes_from_the_title() -> None:
    assert record_id(record("Tester2020"), set()) == "a-test-book"
    assert record_id(record("test-book"), {"test-book"}) == "a-test-book"
    assert record_id(record("test-book"), {"test-book", "a-test-book", "a-test-book-2"}) == "a-test-book-3"
    assert record_id(record("x", title="Über Lernen"), {"x"}) == "uber-lernen"
    assert record_id(record("chapter-key", chapter=True), set()) == "a-test-book"


def test_known_books_and_repeats_are_left_alone() -> None:
    catalogue = Catalogue(ids={"a-test-book"})
    catalogue.add("library/titles/a-test-book.yaml", "9780000000019", set())
    records = [record("one", isbn="978-0-00-000001-9"), record("two", title="Another Test Book"),
               record("three", title="Another test book"), record("four", title="Another Test Book",
                                                                    year=2021)]
    planned, problems = plan(records, catalogue, "refs.bib")
    assert [(p.id, p.path) for p in planned] == [
        ("two", "library/titles/two.yaml"), ("four", "library/titles/four.yaml")]
    assert [(p.code, p.level) for p in problems] == [("import-existing", "notice"),
                                                     ("import-duplicate", "notice")]
    assert "library/titles/a-test-book.yaml" in problems[0].message
    assert "entry 'two' (line 1)" in problems[1].message


def test_a_books_own_entry_comes_before_a_chapters() -> None:
    records = [record("chapter", chapter=True), record("book")]
    planned, problems = plan(records, Catalogue(), "refs.bib")
    assert [p.id for p in planned] == ["book"]
    assert [p.code for p in problems] == ["import-duplicate"]
