"""Valid generated sources always pass, and a problem is reported where it is.

The strategies (strategies.valid_titles, valid_entries) build records that satisfy the
schemas and name only ids that exist, from synthetic data; written as YAML in block or
flow style they must validate with no problem at all.
"""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from ..publication.test_pdf import png_pixel
from .harness import FIXTURE_BIB, FIXTURE_ENTRY, FIXTURE_TITLE, fresh_repo, put, run_validate
from .oracles import entry_problems, title_problems
from .strategies import valid_entries, valid_titles

COVER = "library/covers/synthetic-cover.png"
WRITERS: dict[str, dict[str, Any]] = {
    "block": {"default_flow_style": False, "allow_unicode": True, "sort_keys": False},
    "flow": {"default_flow_style": True, "allow_unicode": True, "width": 60},
    "ascii": {"default_flow_style": None, "allow_unicode": False, "sort_keys": True},
}
writers = st.sampled_from(sorted(WRITERS))


def dump(data: Any, writer: str) -> str:
    text: str = yaml.safe_dump(data, **WRITERS[writer])
    return text


@given(valid_titles(), writers)
def test_valid_records_pass(record: dict[str, Any], writer: str) -> None:
    text = dump(record, writer)
    with fresh_repo() as root:
        put(root, COVER, png_pixel())
        put(root, FIXTURE_TITLE, text)
        assert title_problems(text, root) == []  # the generator makes what it promises
        outcome = run_validate(root)
        assert (outcome.code, outcome.problems) == (0, []), text


@given(valid_entries(), writers)
@example(({"title": "0", "authors": [{"name": "0", "role": "0"}], "academy": "ashdown-primary", "year": 2025,
           "research_question": "0", "abstract": "0"}, "\n0\n",
          "@misc{A0,\n  title = {0 A A},\n  year = {1900},\n}\n\n"), "ascii")  # draws a notice: valid
def test_valid_entries_pass(entry: tuple[dict[str, Any], str, str], writer: str) -> None:
    front, body, bib = entry
    front_text = dump(front, writer)
    with fresh_repo() as root:
        put(root, FIXTURE_ENTRY, f"---\n{front_text}---\n{body}")
        put(root, FIXTURE_BIB, bib)
        assert entry_problems(front_text, "2025", {"make-it-stick"}) == []
        outcome = run_validate(root)
        # A notice is advice, not a fault: a generated reference title such as "0 A A" draws
        # bib-title-case (APA writes reference titles in sentence case), and the entry is valid.
        faults = [p for p in outcome.problems if p["level"] != "notice"]
        assert (outcome.code, faults) == (0, []), f"{front_text}\n{body}\n{bib}"


FAULTS = {  # field -> (a wrong value, the problem it must bring)
    "year": (1700, "out-of-range"),
    "topics": (["no-such-topic"], "unknown-topic"),
    "isbn": ("9780674729019", "isbn-checksum"),
    "authors": ([], "empty-list"),
    "added": ("2024-02-30", "bad-date"),
    "url": ("https://example.org/a\n", "bad-format"),
    "summary": ("Read <script>alert(1)</script> this.", "unsafe-html"),
}


@given(valid_titles(), writers, st.sampled_from(sorted(FAULTS)))
def test_a_fault_is_reported_on_its_line(record: dict[str, Any], writer: str, field: str) -> None:
    """One wrong field in an otherwise valid block-style record: its problem is reported
    on the line where the field's name stands, and nowhere else."""
    value, code = FAULTS[field]
    record = {**record, field: value}
    writer = "block" if writer == "flow" else writer  # one field a line, to know its line
    text = dump(record, writer)
    key_lines = [number for number, line in enumerate(text.split("\n"), 1)
                 if line.startswith(f"{field}:")]
    with fresh_repo() as root:
        put(root, COVER, png_pixel())
        put(root, FIXTURE_TITLE, text)
        outcome = run_validate(root)
        found = [(p["line"], p["code"]) for p in outcome.problems]
        assert len(key_lines) == 1, text
        line = key_lines[0]
        # A value may start on the key's line or, for a block or long value, the next.
        assert any(code == c and line <= at <= line + 1 for at, c in found), (found, text)
        assert all(c == code for _, c in found), (found, text)
