"""APA 7's sentence case for reference titles: which titles get a notice, and the form it gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from goldenthread.check.sentence_case import sentence_case
from goldenthread.validation import validate

from ..conftest import REPO, build_repo

CASES = [
    # Title Case -> the sentence case to paste
    ("Test-Enhanced Learning: Taking Memory Tests Improves Long-Term Retention",
     "Test-enhanced learning: Taking memory tests improves long-term retention"),
    ("Rosenshine's Principles in Action", "Rosenshine's principles in action"),
    ("Making Good Progress? The Future of Assessment for Learning",
     "Making good progress? The future of assessment for learning"),
    ("Why Don't Students Like School? A Cognitive Scientist Answers Questions -- About How the Mind Works",
     "Why don't students like school? A cognitive scientist answers questions -- About how the mind works"),
    ("What Works in {KS2}: A Review of the {EEF} Evidence",
     "What works in {KS2}: A review of the {EEF} evidence"),
    ("The EEF Guide to the Pupil Premium", "The EEF guide to the pupil premium"),
    ("Improving Literacy in {Key Stage} 2: Seven Recommendations",
     "Improving literacy in {Key Stage} 2: Seven recommendations"),
    ("Make It Stick", "Make it stick"),
    # already sentence case, or too short to tell: no notice
    ("Test-enhanced learning: Taking memory tests improves long-term retention", None),
    ("Teaching assistant prompts in Key Stage 1 and what the EEF says", None),
    ("Visible Learning", None),
    ("{Rosenshine's} principles in action", None),
    ("Improving mathematics in {Key Stages} 2 and 3", None),
    ("", None),
]


@pytest.mark.parametrize(("title", "expected"), CASES)
def test_sentence_case(title: str, expected: str | None) -> None:
    assert sentence_case(title) == expected


def test_the_shipped_references_are_in_sentence_case() -> None:
    result = validate(REPO)
    assert [p for p in result.problems if p.code == "bib-title-case"] == []


def test_a_title_case_reference_is_a_notice_with_the_form_to_paste(tmp_path: Path) -> None:
    root = build_repo(tmp_path / "repo")
    bib = root / "research/2025/valid-entry.bib"
    text = bib.read_text("utf-8")
    bib.write_text(text.replace("Test-enhanced learning", "Test-Enhanced Learning"), "utf-8")
    assert validate(build_repo(tmp_path / "clean")).problems == []
    result = validate(root)
    notices = [p for p in result.problems if p.code == "bib-title-case"]
    assert result.ok
    assert [(p.path, p.line, p.level) for p in notices] == [("research/2025/valid-entry.bib", 3, "notice")]
    assert "title = {Test-enhanced learning}" in notices[0].message
