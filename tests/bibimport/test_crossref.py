"""Crossref: a chapter inherits its book's details."""

from __future__ import annotations

from goldenthread.bibimport.crossref import resolve_crossrefs
from goldenthread.bibimport.read import read_bib

TEXT = """\
@incollection{chapter,
  title = {A Chapter},
  year = {2021},
  crossref = {Book}
}

@book{book,
  editor = {Example, Ann},
  title = {A Test Collection},
  subtitle = {Of Chapters},
  publisher = {Example Press},
  year = {2020},
  isbn = {9780000000019}
}

@incollection{orphan,
  title = {Another Chapter},
  crossref = {missing}
}
"""


def test_a_chapter_takes_what_it_lacks_from_its_book() -> None:
    entries, problems = resolve_crossrefs(read_bib(TEXT, "refs.bib").entries, "refs.bib")
    chapter = entries[0]
    assert chapter.fields["booktitle"] == "A Test Collection"
    assert chapter.fields["booksubtitle"] == "Of Chapters"
    assert chapter.fields["editor"] == "Example, Ann"
    assert chapter.fields["publisher"] == "Example Press"
    assert chapter.fields["isbn"] == "9780000000019"
    assert chapter.fields["title"] == "A Chapter", "its own fields win"
    assert chapter.fields["year"] == "2021"
    assert chapter.field_lines["isbn"] == 13, "an inherited field points at the book's line"
    assert [(p.line, p.code) for p in problems] == [(18, "bib-crossref")]
