"""The shipped content keeps the Trust's promises: 150+ titles covering the framework,
a pathway for every career stage, and clearly marked example entries."""

from __future__ import annotations

from collections import Counter

import pytest

from goldenthread import base_files
from goldenthread.assemble import assemble
from goldenthread.model import KnowledgeBase
from goldenthread.validation import validate

from .conftest import REPO


@pytest.fixture(scope="module")
def knowledge() -> KnowledgeBase:
    result = validate(REPO)
    assert result.ok
    return assemble(result.sources)


def test_over_150_titles(knowledge: KnowledgeBase) -> None:
    assert len(knowledge.titles) >= 150


@pytest.mark.parametrize("kind", ["topics", "building_blocks", "stages", "aims", "career_stages"])
def test_every_vocabulary_item_has_titles(knowledge: KnowledgeBase, kind: str) -> None:
    used = Counter(ident for title in knowledge.titles for ident in title.ids(kind))
    assert set(knowledge.named(kind)) <= set(used)


def test_every_career_stage_has_a_pathway(knowledge: KnowledgeBase) -> None:
    assert [p.career_stage for p in knowledge.pathways] == [s.id for s in knowledge.career_stages]
    assert all(len(p.steps) >= 5 for p in knowledge.pathways)


def test_example_entries_span_years_and_academies(knowledge: KnowledgeBase) -> None:
    per_year = Counter(entry.year for entry in knowledge.entries if entry.example)
    assert len(per_year) >= 3 and all(count >= 8 for count in per_year.values())
    assert len({entry.academy for entry in knowledge.entries}) >= 4
    assert all(entry.example for entry in knowledge.entries)  # no real entries yet


def test_isbns_only_where_confirmed(knowledge: KnowledgeBase) -> None:
    """REFERENCES.md confirms five ISBNs; no other may appear without a checked source."""
    confirmed = {"9781912906208", "9781845909734", "9781138080683", "9781138296893", "9780674729018"}
    assert {t.isbn for t in knowledge.titles if t.isbn} <= confirmed


def test_contributor_page_explains_every_problem_code() -> None:
    """A teacher who meets a problem code finds it explained on the contributing page: every
    code the malformed table produces is a row of the page as generated from the guide."""
    import re

    from goldenthread.codes import BY_CODE
    from goldenthread.generate.contributing import contributing_page

    from .test_malformed import CASES

    page = contributing_page(base_files.texts()["contributing"])
    explained = set(re.findall(r"^\| `([a-z0-9-]+)` \|", page, re.MULTILINE))
    emitted = {code for case in CASES for _, _, code in case.expected}
    emitted |= {"placeholder", "bib-web-date", "bib-url", "bib-type", "doi-format", "yaml-key",
                "unreadable"}
    assert sorted(emitted - explained) == []
    assert sorted(set(BY_CODE) - explained) == []
