"""The Python half of the tables the site's scripts are tested on (tests/data/browser-rules/):
each row is what the Python that catalogue.js and form-rules.js repeat gives, so that
tests/js/ (the scripts under Node, tests/test_js.py) proves the scripts give the same; and
the tables the scripts read (fold letters, name suffixes) come from that Python."""

from __future__ import annotations

import html
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
import yaml

from goldenthread.assemble import assemble
from goldenthread.check.bib import check_bib
from goldenthread.check.citations import citations
from goldenthread.check.ids import GENERATED, suggested_id
from goldenthread.check.images import image_problem, images
from goldenthread.check.isbn import isbn_problem
from goldenthread.check.markdown_safety import unsafe_content
from goldenthread.check.sentence_case import sentence_case
from goldenthread.cite.people import SUFFIXES, cited
from goldenthread.generate.catalogue import (
    catalogue_data,
    count_text,
    last_word,
    short_names,
    shown_pages,
    slug,
)
from goldenthread.generate.form_data import rules_data
from goldenthread.generate.search_words import FOLDS, fold
from goldenthread.load.bib import BibEntry, BibSource
from goldenthread.load.repository import load_sources
from goldenthread.model import KnowledgeBase, Title
from goldenthread.scaffold import (
    REFERENCE_KINDS,
    bib_value,
    body,
    folded,
    new_id,
    number,
    quoted,
    word,
    year_of,
)

REPO = Path(__file__).resolve().parents[1]
TABLES = REPO / "tests" / "data" / "browser-rules"


def table(name: str) -> Any:
    return json.loads((TABLES / name).read_text("utf-8"))


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return assemble(load_sources(REPO))


def test_the_scripts_tables_are_the_pythons(kb: KnowledgeBase) -> None:
    catalogue, forms = json.loads(catalogue_data(kb)), json.loads(rules_data(kb))
    assert catalogue["fold"] == forms["fold"] == FOLDS
    assert catalogue["suffixes"] == table("catalogue.json")["suffixes"] == sorted(SUFFIXES)


def test_fold() -> None:
    for text, expected in table("fold.json")["cases"]:
        assert fold(text) == expected, text


def test_catalogue_rules() -> None:
    rows = table("catalogue.json")
    for text, expected in rows["slug"]:
        assert slug(text) == expected, text
    for name, expected in rows["last_word"]:
        assert last_word(name) == expected, name
    for shown, total, page, pages, expected in rows["count_text"]:
        assert count_text(shown, total, page, pages) == expected
    for current, pages, expected in rows["shown_pages"]:
        assert shown_pages(current, pages) == expected, (current, pages)
    for row in rows["bylines"]:
        titles = [cast(Title, SimpleNamespace(authors=tuple(row["authors"])))]
        assert short_names(titles) == row["short"], row["authors"]
        assert cited(row["authors"]) == row["cited"], row["authors"]


def test_ids() -> None:
    ids = table("ids.json")
    assert ids["reserved"] == sorted(GENERATED)
    for text, suggested, made in ids["cases"]:
        assert (suggested_id(text), new_id(text)) == (suggested, made), text


def test_isbn() -> None:
    for isbn, code in table("isbn.json")["cases"]:
        found = isbn_problem(isbn)
        assert (found[0] if found else None) == code, isbn


def test_citations() -> None:
    for text, expected in table("citations.json")["cases"]:
        assert [[c.key, c.locator, c.line] for c in citations(text)] == expected, text


def test_sentence_case() -> None:
    for title, expected in table("sentence_case.json")["cases"]:
        assert sentence_case(title) == expected, title


def test_markdown_safety() -> None:
    rows = table("markdown_safety.json")
    for reference, value in rows["entities"]:  # what Node's stand-in for a browser decodes
        assert html.unescape(reference) == value, reference
    for text, codes in rows["cases"]:
        assert sorted({found[2] for found in unsafe_content(text)}) == codes, text
    for text, sentences in rows["messages"]:
        assert [message for *_, code, message in unsafe_content(text) if code == "control-character"] \
            == sentences, text


def test_yaml_writers() -> None:
    rows = table("yaml.json")
    for text, written, read in rows["quoted"]:
        assert quoted(text) == written and yaml.safe_load(f"x: {written}")["x"] == read, text
    for text, written, read in rows["folded"]:
        assert folded(text) == written, text
        assert (yaml.safe_load(f"x: >-\n{written}\n")["x"] or "") == read, text
    for value, written, read in rows["word"]:
        assert word(value) == written and yaml.safe_load(f"x: {written}")["x"] == read, value
    for text, year, written in rows["year_of"]:
        assert year_of(text) == year and number(year) == written, text
    for text, written in rows["body"]:
        assert body(text) == written, text
    for field, text, value in rows["bib_value"]:
        assert bib_value(field, text) == value, text


def test_messages_values_and_images() -> None:
    rows = table("messages.json")
    for value, written in rows["repr"]:
        assert repr(value) == written, value
    for text, found in rows["images"]:
        seen = []
        for image in images(text):
            problem = image_problem(image, set())
            assert problem is not None, text  # a form adds no image file: every image has a problem
            seen.append([image.alt, image.src, image.line, problem[0]])
        assert seen == found, text


def test_reference_problems() -> None:
    for kind, fields, codes in table("references.json")["cases"]:
        bibtype, specs = REFERENCE_KINDS[kind]
        written = {name: bib_value(name, fields.get(name, "")) for name, *_ in specs}
        entry = BibEntry("key", bibtype, {name: value for name, value in written.items() if value}, 1)
        assert sorted({p.code for p in check_bib(BibSource("key.bib", {"key": entry}))}) == codes, fields
