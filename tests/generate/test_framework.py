"""An item's page lists its titles by relevance, and a dimension of steps is drawn."""

from __future__ import annotations

from goldenthread.generate.framework import is_sequence, most_relevant, sequence_diagram
from goldenthread.generate.relations import Relations
from goldenthread.model import Dimension, Entry, Named, Title


def _title(ident: str, items: tuple[str, ...], added: str = "") -> Title:
    return Title(ident, ident.title(), ("A. Author",), 2020, ("topic",),
                 tags=(("goals", items),), added=added)


def test_titles_by_relevance_not_recency() -> None:
    newest = _title("newest", ("a",), "2026-06-01")
    focused = _title("focused", ("a",), "2020-01-01")
    broad = _title("broad", ("a", "b", "c"), "2025-01-01")
    drawn_on = _title("drawn-on", ("a", "b"), "2019-01-01")
    on_pathway = _title("on-pathway", ("a", "b", "c"), "2018-01-01")
    relations = Relations(on_pathways={"on-pathway"})
    entry = Entry("e", 2025, "E", (), "academy", "Q", "A", "")
    relations.entries_citing["drawn-on"] = [entry]
    order = most_relevant([newest, focused, broad, drawn_on, on_pathway], 5, relations, "goals")
    # a pathway first, then what research drew on, then the more focused (newest first), then broad
    assert [t.id for t in order] == ["on-pathway", "drawn-on", "newest", "focused", "broad"]
    assert [t.id for t in most_relevant([newest, focused, broad], 2, relations, "goals")] == \
        ["newest", "focused"]


def test_numbered_summarised_items_are_steps_drawn_in_order() -> None:
    steps = Dimension("cycles", "Cycles", (Named("notice", "Notice", number=1, summary="Look."),
                                           Named("try", "Try <this> & that", number=2, summary="Try.")))
    assert is_sequence(steps)
    assert not is_sequence(Dimension("goals", "Goals", (Named("a", "A"), Named("b", "B"))))
    drawn = sequence_diagram(steps)
    assert drawn.count("<rect") == 2 and drawn.count('class="gt-sequence-arrow"') == 1
    assert "2. Try &lt;this&gt; &amp; that" in drawn  # names are text, escaped
    assert 'role="img"' in drawn and "<desc" in drawn and "1. Notice, then 2. Try" in drawn
