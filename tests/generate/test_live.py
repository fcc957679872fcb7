"""The preview's generation (publish/live.py) writes exactly what a generation from scratch
writes, after each of a series of changes of every kind: what it skips (titles' pages whose
inputs did not change, related titles it remembered) it may skip."""

from __future__ import annotations

from pathlib import Path

import pytest

from goldenthread.generate.library import title_pages
from goldenthread.generate.pages import GENERATED_PAGES, OWNED
from goldenthread.publish.generation import generate_pages, load_knowledge, plan_generated
from goldenthread.publish.live import LiveGeneration

from ..site.test_build import copy_repository

TITLE = "library/titles/make-it-stick.yaml"


def from_scratch(root: Path) -> dict[str, str]:
    """Every generated page, made from scratch (docs-relative path -> Markdown)."""
    validation, knowledge = load_knowledge(root)
    assert knowledge is not None, validation.problems
    plan = plan_generated(root, validation, knowledge)
    return {**plan.pages, **dict(title_pages(knowledge, plan.relations, plan.settings, knowledge.titles))}


def on_disk(root: Path) -> dict[str, str]:
    docs = root / "docs"
    pages = [*(docs / page for page in GENERATED_PAGES),
             *(path for folder in OWNED for path in (docs / folder).rglob("*.md"))]
    return {path.relative_to(docs).as_posix(): path.read_text("utf-8") for path in pages}


def edit(root: Path, path: str, old: str, new: str) -> None:
    file = root / path
    text = file.read_text("utf-8")
    assert old in text, (path, old)
    file.write_text(text.replace(old, new, 1), "utf-8")


CHANGES = [  # (what, path, old, new): applied in turn, each on top of the ones before
    ("a title's name", TITLE, "title: Make It Stick\n", "title: Make It Stuck\n"),
    ("a title's topics (its related titles move)", TITLE,
     "topics: [cognitive-science, teaching-and-learning]", "topics: [leadership]"),
    ("a topic's name", "library/topics.yaml", "name: Cognitive science", "name: Memory and learning"),
    ("an entry's library", "research/2025/retrieval-practice-in-year-4.md",
     "example: true", "library: [make-it-stick]\nexample: true"),
    ("an entry's references", "research/2025/retrieval-practice-in-year-4.bib",
     "memory tests improves", "memory quizzes improves"),
    ("an academy's name", "library/academies.yaml", "name: ", "name: The "),
    ("the trust's identity", "docs/trust.yaml", "library_requests: mailto:library@trust.example",
     "library_requests: https://forms.example/request"),
    ("an introduction", "docs/_text/framework.md", "\n", "\nAn added sentence.\n"),
    ("a pathway's step", "library/pathways.yaml", "- title: running-the-room", "- title: make-it-stick"),
]


@pytest.fixture
def live(tmp_path: Path) -> LiveGeneration:
    root = copy_repository(tmp_path / "repo")
    generated = generate_pages(root)
    assert generated.knowledge is not None
    shown = LiveGeneration(root)
    validation, knowledge = load_knowledge(root, shown.cache)
    assert knowledge is not None
    shown.adopt(plan_generated(root, validation, knowledge))
    return shown


def test_each_change_writes_what_a_generation_from_scratch_writes(live: LiveGeneration) -> None:
    root = live.root
    for what, path, old, new in CHANGES:
        before = on_disk(root)
        edit(root, path, old, new)
        refresh = live.refresh()
        assert refresh.ok, (what, refresh.problems)
        live.write_due()
        expected = from_scratch(root)
        assert on_disk(root) == expected, what
        changed = {page for page in {*before, *expected} if before.get(page) != expected.get(page)}
        assert refresh.written | refresh.due | refresh.removed >= changed, what
        assert len(refresh.due) <= len(changed), f"{what}: titles' pages made again that did not change"


def test_a_new_title_and_a_removed_one(live: LiveGeneration) -> None:
    root = live.root
    record = root / "library" / "titles" / "a-new-title.yaml"
    record.write_text((root / TITLE).read_text("utf-8").replace("title: Make It Stick", "title: A New Title")
                      .replace('isbn: "9780674729018"\n', ""), "utf-8")
    refresh = live.refresh()
    assert "library/a-new-title.md" in refresh.due
    live.write_due()
    assert on_disk(root) == from_scratch(root)
    record.unlink()
    refresh = live.refresh()
    assert "library/a-new-title.md" in refresh.removed and not (root / "docs/library/a-new-title.md").exists()
    live.write_due()  # the titles it was related to
    assert on_disk(root) == from_scratch(root)


def test_a_broken_source_writes_nothing(live: LiveGeneration) -> None:
    root = live.root
    before = on_disk(root)
    edit(root, TITLE, "year: 2014", "year: [2014")
    refresh = live.refresh()
    assert not refresh.ok and [p.path for p in refresh.problems if p.level == "error"] == [TITLE]
    assert not refresh.written and not refresh.due and on_disk(root) == before


def test_an_entry_changed_makes_again_its_offprint_and_its_years_outputs_only(live: LiveGeneration) -> None:
    """The offprints are outputs like the year's PDF: a change to one entry makes again its
    offprint, its year's PDF, references, CITATION.cff and the research feed (the PDFs in one
    Typst process), and no other year's or entry's."""
    from pypdf import PdfReader

    root, folder = live.root, "research/2025"
    offprint = f"{folder}/retrieval-practice-in-year-4/retrieval-practice-in-year-4.pdf"
    edit(root, f"{folder}/retrieval-practice-in-year-4.md", "low-stakes quiz", "low-stakes test")
    assert live.refresh().ok
    texts = {f"{folder}/references-2025.{ext}" for ext in ("bib", "ris", "json")}
    texts |= {f"{folder}/CITATION.cff", "research/feed.xml"}
    assert live.outputs() == {offprint, f"{folder}/action-research-2025.pdf", *texts}
    assert "low-stakes test" in (PdfReader(root / "docs" / offprint).pages[0].extract_text() or "")
    assert live.plan is not None
    for name, content in live.plan.make_outputs(0, sorted(texts)).items():
        assert (root / "docs" / name).read_bytes() == content, name
    assert live.outputs() == set()  # nothing changed since


def test_a_finding_changed_makes_again_the_outcomes_exports(live: LiveGeneration) -> None:
    """The outcomes' CSV and JSON follow a finding's numbers in the preview."""
    root, folder = live.root, "research/2025"
    edit(root, f"{folder}/worked-examples-in-gcse-chemistry.md", "mean: 3.4, sd: 2.1", "mean: 3.0, sd: 2.1")
    assert live.refresh().ok
    assert {"research/outcomes.csv", "research/outcomes.json"} <= live.outputs()
