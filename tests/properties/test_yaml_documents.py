"""Arbitrary YAML documents as a catalogue record or an entry's front matter.

Whatever the document, validate returns; and whenever it says the sources are valid,
an independent judge (oracles.py: PyYAML's pure-Python loader, jsonschema with the
shipped schema, the vocabularies, ISBN check digits, the site's Markdown) agrees:
no invalid record ever passes.
"""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from ..conftest import VALID_ENTRY, VALID_TITLE
from .harness import FIXTURE_ENTRY, FIXTURE_TITLE, fresh_repo, put, run_validate
from .oracles import OracleLoader, entry_problems, title_problems
from .strategies import ENTRY_FIELDS, TITLE_FIELDS, edited_record, line_mutated, yaml_text

TITLE_DATA: dict[str, Any] = yaml.load(VALID_TITLE, Loader=OracleLoader)
ENTRY_FRONT = VALID_ENTRY.split("---\n")[1]
ENTRY_BODY = VALID_ENTRY.split("---\n", 2)[2]
ENTRY_DATA: dict[str, Any] = yaml.load(ENTRY_FRONT, Loader=OracleLoader)


def _record_is_judged(text: str) -> None:
    """Write `text` as the repository's only catalogue record and validate."""
    with fresh_repo() as root:
        put(root, FIXTURE_TITLE, text)
        outcome = run_validate(root)
        if outcome.code == 0:
            assert title_problems(text, root) == [], f"validate passed an invalid record:\n{text}"


def _front_matter_is_judged(front: str) -> None:
    with fresh_repo() as root:
        put(root, FIXTURE_ENTRY, f"---\n{front}---\n{ENTRY_BODY}")
        outcome = run_validate(root)
        if outcome.code == 0:
            assert entry_problems(front, "2025", {"make-it-stick"}) == [], (
                f"validate passed invalid front matter:\n{front}")


records = edited_record(TITLE_DATA, TITLE_FIELDS).flatmap(yaml_text)


@given(records)
@example(VALID_TITLE)
@example(VALID_TITLE.replace('isbn: "9780674729018"', 'isbn: !!int "9780674729018"'))
@example(VALID_TITLE.replace("year: 2014", "year: !!int"))
@example(VALID_TITLE.replace("year: 2014", "year: !!float 2014"))
@example(VALID_TITLE.replace("added: 2024-09-02", "added: !!timestamp 2024-09-02"))
@example(VALID_TITLE.replace("title: Make", "!!python/name:os.system title: Make"))
@example(VALID_TITLE + "url: |\n  https://example.org\n")
@example(VALID_TITLE.replace("\n", "\r\n"))
def test_generated_yaml_records_are_judged_rightly(text: str) -> None:
    _record_is_judged(text)


@given(line_mutated(VALID_TITLE))
def test_hand_edited_records_are_judged_rightly(text: str) -> None:
    _record_is_judged(text)


@given(st.one_of(edited_record(ENTRY_DATA, ENTRY_FIELDS).flatmap(yaml_text),
                 line_mutated(ENTRY_FRONT)))
@example(ENTRY_FRONT)
def test_entry_front_matter_is_judged_rightly(front: str) -> None:
    if not front.endswith("\n"):
        front += "\n"
    _front_matter_is_judged(front)
