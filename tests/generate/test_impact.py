"""The Impact pages and an entry's findings: every finding plotted and tabled, illustrative
ones labelled on every plot and table, pooled rows only where three or more two-group
findings share a group (never across one-group findings, never mixing invented with real),
one-group changes never given months or called effects."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from goldenthread.assemble import assemble
from goldenthread.findings import Grouping, findings, grouped
from goldenthread.generate.forest import Row, axis_limit, forest, number
from goldenthread.generate.impact import INDEX, STRENGTH, entry_findings, grouping_page, impact_pages
from goldenthread.impact.effect import Interval
from goldenthread.model import KnowledgeBase
from goldenthread.paths import entry_page
from goldenthread.validation import validate

from ..conftest import VALID_BIB, VALID_ENTRY, Write

TWO = """  - measure: {measure}
    design: two-group
    higher_is_better: true
    intervention: {{n: 30, mean: {mean}, sd: 10}}
    comparison: {{n: 30, mean: 50, sd: 10}}
"""
ONE = """  - measure: Times tables (out of 25)
    design: one-group
    higher_is_better: true
    before: {n: 20, mean: 17, sd: 4.5}
    after: {n: 19, mean: 19.5, sd: 4}
"""


def _entry(ident: str, example: bool, topic: str, findings_text: str) -> str:
    text = VALID_ENTRY.replace("title: A valid entry", f"title: Entry {ident}")
    text = text.replace("example: true\n", ("example: true\n" if example else "")
                        + f"topics: [{topic}]\noutcomes:\n{findings_text}")
    return text


@pytest.fixture
def knowledge(repo: Path, write: Write) -> KnowledgeBase:
    write("research/2025/valid-entry.md", _entry("a", True, "cognitive-science",
                                                 TWO.format(measure="Quiz", mean=55) + ONE))
    write("research/2025/real-one.md", _entry("b", False, "cognitive-science",
                                              TWO.format(measure="Test 1", mean=54)))
    write("research/2025/real-two.md", _entry("c", False, "cognitive-science",
                                              TWO.format(measure="Test 2", mean=52)))
    write("research/2025/real-three.md", _entry("d", False, "cognitive-science",
                                                TWO.format(measure="Test 3", mean=47) + ONE))
    for name in ("real-one", "real-two", "real-three"):
        write(f"research/2025/{name}.bib", VALID_BIB)
    validation = validate(repo)
    assert validation.ok, validation.problems
    return assemble(validation.sources)


def _rows(html: str) -> list[str]:
    return re.findall(r'<li class="gt-forest__row[^"]*">.*?</li>', html)


def test_every_finding_is_plotted_and_tabled_on_the_impact_page(knowledge: KnowledgeBase) -> None:
    page = impact_pages(knowledge)[INDEX]
    rows = _rows(page)
    assert len(rows) == 6  # 4 effects and 2 changes: no pooled row on the page of every finding
    for entry in knowledge.entries:
        assert page.count(f"Entry {entry.title[-1]}") >= 2 * len(entry.outcomes)  # plot and table
    illustrative = [row for row in rows if "Illustrative" in row]
    assert len(illustrative) == 2 and all("gt-forest__row--illustrative" in row for row in illustrative)
    assert page.count("(illustrative)") == 2  # the table's rows of the illustrative entry
    assert "outcomes.csv" in page and "outcomes.json" in page


def test_a_topic_pools_its_real_findings_and_not_the_invented_one(knowledge: KnowledgeBase) -> None:
    topics = next(g for g in _groupings(knowledge) if g.id == "topics")
    page = impact_pages(knowledge)[grouping_page(topics)]
    pooled = [row for row in _rows(page) if "gt-forest__row--pooled" in row]
    assert len(pooled) == 1 and "3 findings" in pooled[0] and "Illustrative" not in pooled[0]
    assert "labelled as such" in page


def test_three_illustrative_findings_pool_apart_and_are_labelled(knowledge: KnowledgeBase) -> None:
    invented = KnowledgeBase(**{f.name: getattr(knowledge, f.name) for f in dataclasses.fields(knowledge)})
    invented.entries = [dataclasses.replace(e, example=True) for e in knowledge.entries]
    topics = next(g for g in _groupings(invented) if g.id == "topics")
    pooled = [row for row in _rows(impact_pages(invented)[grouping_page(topics)])
              if "gt-forest__row--pooled" in row]
    assert len(pooled) == 1 and "illustrative findings" in pooled[0] and "Illustrative</span>" in pooled[0]


def test_an_entry_shows_its_findings_with_caveats(knowledge: KnowledgeBase) -> None:
    entry = next(e for e in knowledge.entries if e.id == "valid-entry")
    text = entry_findings(entry, entry_page(entry))
    assert text.startswith("## Findings")
    assert len(_rows(text)) == 2 and "Illustrative" in text
    assert "not an effect of the approach" in text and "invented" in text
    table = [line for line in text.splitlines() if line.startswith("| ")]
    assert len(table) == 3  # the head and one line a finding
    change = table[2].replace("\\", "")
    assert "change of" in change and "none (one group)" in change and "g =" not in change
    assert "Very limited (1 of 4)" in change
    assert entry_findings(dataclasses.replace(entry, outcomes=()), entry_page(entry)) == ""


def test_months_never_reach_a_one_group_change(knowledge: KnowledgeBase) -> None:
    for one in findings(knowledge):
        assert (one.result.months is None) == (one.result.finding.design == "one-group")


def test_grouping_is_data(knowledge: KnowledgeBase) -> None:
    """Any (name, entry -> ids) groups findings: a dimension the framework adds is one more item."""
    by_letter = Grouping("letter", "Letter", lambda e: (e.title[-1],), {"d": "D", "b": "B"})
    groups = grouped(findings(knowledge), by_letter)
    assert [(ident, len(members)) for ident, _, members in groups] == [("d", 2), ("b", 1), ("c", 1), ("a", 2)]


def _groupings(kb: KnowledgeBase) -> list[Grouping]:
    from goldenthread.findings import groupings

    return groupings(kb)


def test_the_strength_page_names_every_level_and_the_months_table() -> None:
    page = impact_pages(KnowledgeBase())[STRENGTH]
    for name in ("Stronger", "Moderate", "Limited", "Very limited"):
        assert f"### {name}" in page
    assert "| 0.96 to 1.00 | 12 |" in page and "padlock" not in page.lower()


@pytest.mark.parametrize(("values", "limit"), [([0.2], 0.5), ([-0.7], 1.0), ([1.2], 1.5), ([7.5], 8.0),
                                               ([23.0], 30.0)])
def test_the_axis_holds_every_row(values: list[float], limit: float) -> None:
    rows = [Row("x", v, Interval(v - 0.01, v + 0.01), "w") for v in values]
    assert axis_limit(rows) == limit


def test_plot_text_is_escaped_and_minus_signs_are_true() -> None:
    html = forest("p", "<b>caption</b>", [Row("label", -0.25, Interval(-0.5, 0.0), "g <0")])
    assert "<b>" not in html and "&lt;b&gt;" in html and "g &lt;0" in html
    assert number(-0.25) == "\u22120.25" and number(-0.001) == "0.00"
