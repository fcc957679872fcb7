"""The framework as a reader meets it: the steps drawn as a picture that says what it shows,
and the evidence map readable on a 320-pixel phone with every cell a link to what it counts."""

from __future__ import annotations

import re
from typing import Any

import pytest

from goldenthread.generate.framework import column_anchor, is_sequence
from goldenthread.paths import framework_page, url_of

from .conftest import BuiltSite

pytestmark = pytest.mark.browser


def test_a_dimension_of_steps_is_drawn_with_a_text_equivalent(built: BuiltSite, open_page: Any) -> None:
    steps = [d for d in built.knowledge.tagging if is_sequence(d)]
    assert steps, "this Trust's framework has a dimension of numbered, summarised steps"
    for scheme in ("light", "dark"):
        page = open_page("framework/", scheme).page
        for dimension in steps:
            picture = page.locator(f"svg.gt-sequence[aria-labelledby^='gt-seq-{dimension.folder}']")
            assert picture.get_attribute("role") == "img"
            description = picture.locator("desc").text_content() or ""
            assert all(item.name in description for item in dimension.items)
            assert picture.locator("rect").count() == len(dimension.items)
            texts = picture.locator("text").all_text_contents()
            assert texts == [f"{item.number}. {item.name}" for item in dimension.items]
            box = picture.bounding_box()
            assert box and box["width"] > 200
            # The boxes are outlined against the page in both schemes (non-text contrast).
            stroke, fill = page.evaluate(
                "e => { const s = getComputedStyle(e); return [s.stroke, s.fill]; }",
                picture.locator("rect").first.element_handle())
            assert stroke != fill


def _px(value: str) -> float:
    return float(re.sub("px$", "", value))


@pytest.mark.parametrize("width", [320, 1280])
def test_the_evidence_map_reads_at_any_width_and_every_cell_is_a_link(
        built: BuiltSite, browser: Any, served: str, width: int) -> None:
    axes = built.knowledge.map_axes()
    assert axes is not None
    rows, columns = axes
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(served + "framework/evidence-map/", wait_until="load")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    cells = page.locator("table.gt-map td")
    assert cells.count() == len(rows.items) * len(columns.items)
    for n in range(cells.count()):
        cell = cells.nth(n)
        link = cell.locator("a")
        assert link.count() == 1
        size = _px(page.evaluate("e => getComputedStyle(e).fontSize", link.element_handle()))
        assert size >= 14, (width, n, size)
    labels = page.locator("table.gt-map th[scope=row]")
    assert labels.count() == len(rows.items)
    for n in range(labels.count()):
        assert _px(page.evaluate("e => getComputedStyle(e).fontSize", labels.nth(n).element_handle())) >= 14
    # Each cell leads to its row item's page, to the part for its column, which exists.
    row, column = rows.items[0], columns.items[-1]
    href = page.locator("table.gt-map tbody tr").first.locator("td").last.locator("a").get_attribute("href")
    assert href and href.endswith(f"#{column_anchor(columns, column)}")
    page.locator("table.gt-map tbody tr").first.locator("td").last.locator("a").click()
    page.wait_for_load_state("load")
    assert page.url.split("#")[0].endswith(url_of(framework_page(rows, row.id)))
    assert page.locator(f"#{column_anchor(columns, column)}").count() == 1
    context.close()
