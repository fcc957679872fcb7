"""The year's PDF has "Impact at a glance" before its entries, each entry prints its findings,
the offprint carries its entry's findings, and a finding's words print as text, never as markup."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from goldenthread.assemble import assemble
from goldenthread.model import KnowledgeBase
from goldenthread.publish.pdf import build_offprint, build_pdf
from goldenthread.validation import validate

from ..conftest import VALID_ENTRY, build_repo
from .test_pdf import STAMP, pdf_text, squash

HOSTILE_MEASURE = 'Words read #set page(fill: red) $x^2$ *not bold*'
FINDINGS = f"""outcomes:
  - measure: "{HOSTILE_MEASURE}"
    design: two-group
    higher_is_better: true
    intervention: {{n: 50, mean: 103, sd: 5.5}}
    comparison: {{n: 50, mean: 100, sd: 4.5}}
  - measure: Times tables (out of 25)
    design: one-group
    higher_is_better: true
    before: {{n: 20, mean: 17, sd: 4.5}}
    after: {{n: 19, mean: 19.5, sd: 4}}
"""


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, KnowledgeBase]:
    root = build_repo(tmp_path_factory.mktemp("impact") / "repo")
    (root / "research/2025/valid-entry.md").write_text(
        VALID_ENTRY.replace("example: true\n", "example: true\n" + FINDINGS), "utf-8")
    result = validate(root)
    assert result.ok, result.problems
    return root, assemble(result.sources)


def test_impact_at_a_glance_comes_before_the_entries(repo: tuple[Path, KnowledgeBase]) -> None:
    root, knowledge = repo
    pdf = build_pdf(root, knowledge, 2025, STAMP)
    pages = [page.extract_text() or "" for page in PdfReader(BytesIO(pdf)).pages]
    glance = next(i for i, text in enumerate(pages) if "Impact at a glance" in text and "Hedges" in text)
    entry = next(i for i, text in enumerate(pages) if "Research question" in text)
    assert glance < entry
    section = squash(pages[glance])
    for words in ("A valid entry (illustrative)", HOSTILE_MEASURE, "g = 0.59", "0.19 to 0.99",
                  "Moderate (3 of 4)", "change of", "none (one group)", "Very limited (1 of 4)", "invented"):
        assert squash(words) in section, words
    titles = [item.title for item in PdfReader(BytesIO(pdf)).outline if not isinstance(item, list)]
    assert "Impact at a glance" in titles


def test_each_entry_and_its_offprint_print_their_findings(repo: tuple[Path, KnowledgeBase]) -> None:
    root, knowledge = repo
    entry = knowledge.entries[0]
    for pdf in (build_pdf(root, knowledge, 2025, STAMP), build_offprint(root, knowledge, entry, STAMP)):
        text = squash(pdf_text(pdf))
        after = text[text.index(squash("Research question")):]
        assert squash("Findings") in after and squash(HOSTILE_MEASURE) in after
        assert squash("not an effect of the approach") in after
        assert squash("0.19 to 0.99 7 Moderate (3 of 4)") in after  # interval, months, strength


def test_a_year_without_findings_has_no_such_section(tmp_path: Path) -> None:
    root = build_repo(tmp_path / "repo")
    result = validate(root)
    pdf = build_pdf(root, assemble(result.sources), 2025, STAMP)
    assert "Impact at a glance" not in pdf_text(pdf)
