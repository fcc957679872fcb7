"""Recognising a book the catalogue (or the import file) already has."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..check.isbn import isbn_problem, normalise
from ..load.repository import load_title, title_paths
from .fields import isbn13
from .names import family_key

Identity = tuple[str, str, int]


def _words(text: str) -> str:
    return " ".join(re.sub(r"\W+", " ", text.casefold()).split())


def identities(title: str, subtitle: str, authors: list[str] | tuple[str, ...], year: int) -> set[Identity]:
    """Title (with and without its subtitle) + first author's family name + year.

    Both forms, so 'Make It Stick: The Science…' in one title field is the same book as
    title 'Make It Stick' with a subtitle.
    """
    family = family_key(authors[0]) if authors else ""
    titles = {_words(title), _words(f"{title} {subtitle}")}
    return {(words, family, year) for words in titles if words}


def isbn_identity(isbn: str) -> str:
    """The ISBN-13 digits of a valid ISBN; '' for none or an invalid one."""
    digits = normalise(isbn)
    return isbn13(digits) if digits and isbn_problem(digits) is None else ""


@dataclass
class Catalogue:
    """Where each known book is: a record's path, or an entry of the import file."""

    ids: set[str] = field(default_factory=set)
    by_isbn: dict[str, str] = field(default_factory=dict)
    by_identity: dict[Identity, str] = field(default_factory=dict)

    def find(self, isbn: str, keys: set[Identity]) -> str | None:
        """Where the same book is: same ISBN, or same title, first author and year."""
        found = self.by_isbn.get(isbn_identity(isbn)) if isbn_identity(isbn) else None
        return found or next((self.by_identity[key] for key in sorted(keys) if key in self.by_identity), None)

    def add(self, where: str, isbn: str, keys: set[Identity]) -> None:
        """Remember a book; the first place a book was seen wins."""
        if isbn_identity(isbn):
            self.by_isbn.setdefault(isbn_identity(isbn), where)
        for key in keys:
            self.by_identity.setdefault(key, where)


def _text(data: dict[str, Any], name: str) -> str:
    value = data.get(name)
    return value if isinstance(value, str) else ""


def load_catalogue(root: Path) -> Catalogue:
    """The existing records, read with the same safe loader as validation; unreadable ones
    still reserve their id (validation reports them)."""
    catalogue = Catalogue()
    paths, _ = title_paths(root)
    for path in paths:
        catalogue.ids.add(Path(path).stem)
        loaded, _ = load_title(root, path)
        data = loaded.document.data if loaded.document is not None else None
        if not isinstance(data, dict):
            continue
        listed = data.get("authors")
        authors = [a for a in listed if isinstance(a, str)] if isinstance(listed, list) else []
        year = data.get("year")
        keys = identities(_text(data, "title"), _text(data, "subtitle"), authors, year) \
            if isinstance(year, int) else set()
        catalogue.add(path, str(data.get("isbn") or ""), keys)
    return catalogue
