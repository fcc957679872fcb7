"""Recognising a book the catalogue already has."""

from __future__ import annotations

from pathlib import Path

from goldenthread.bibimport.catalogue import identities, isbn_identity, load_catalogue


def test_existing_records_are_found_by_isbn_in_either_form(repo: Path) -> None:
    catalogue = load_catalogue(repo)
    assert catalogue.ids == {"make-it-stick"}
    where = "library/titles/make-it-stick.yaml"
    assert catalogue.find("978-0-674-72901-8", set()) == where
    assert catalogue.find("0674729013", set()) == where


def test_existing_records_are_found_by_title_first_author_and_year(repo: Path) -> None:
    catalogue = load_catalogue(repo)
    where = "library/titles/make-it-stick.yaml"
    for title, subtitle in (("Make It Stick", ""), ("MAKE IT STICK", "The Science of Successful Learning"),
                            ("Make it stick: the science of successful learning", "")):
        assert catalogue.find("", identities(title, subtitle, ["Peter C. Brown"], 2014)) == where
    assert catalogue.find("", identities("Make It Stick", "", ["Peter C. Brown"], 2015)) is None
    assert catalogue.find("", identities("Make It Stick", "", ["Henry L. Roediger III"], 2014)) is None


def test_an_invalid_isbn_identifies_nothing() -> None:
    assert isbn_identity("9780674729019") == ""
    assert isbn_identity("") == ""


def test_a_placeholder_isbn_identifies_nothing() -> None:
    """Otherwise every book exported with 0000000000 would be taken for one book."""
    assert [isbn_identity(isbn) for isbn in ("0000000000", "000-0000000000", "9780000000002")] == [""] * 3


def test_unreadable_records_still_reserve_their_id(repo: Path) -> None:
    (repo / "library" / "titles" / "broken.yaml").write_text("title: [unclosed\n", "utf-8")
    assert load_catalogue(repo).ids == {"make-it-stick", "broken"}
