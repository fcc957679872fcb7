"""The Impact pages and an entry's findings in Chromium: axe-clean in light and dark, no
horizontal scroll at 320 pixels, every finding plotted and tabled, illustrative ones labelled,
and the plots drawn in the scheme's own colours."""

from __future__ import annotations

from typing import Any

import pytest

from goldenthread.findings import findings, groupings
from goldenthread.generate.impact import INDEX, STRENGTH, grouping_page
from goldenthread.paths import entry_page, url_of

from .conftest import BuiltSite, Visit
from .test_browser import AXE_TAGS

pytestmark = pytest.mark.browser


def impact_paths(built: BuiltSite) -> dict[str, str]:
    kb = built.knowledge
    two_groups = next(e for e in kb.entries if any(f.design != "one-group" for f in e.outcomes))
    one_group = next(e for e in kb.entries if any(f.design == "one-group" for f in e.outcomes))
    return {"impact": url_of(INDEX), "strength": url_of(STRENGTH),
            **{f"by {g.id}": url_of(grouping_page(g)) for g in groupings(kb)},
            "entry, two groups": url_of(entry_page(two_groups)),
            "entry, one group": url_of(entry_page(one_group))}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_impact_pages_are_axe_clean(built: BuiltSite, open_page: Any, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe, found = Axe(), {}
    for kind, path in impact_paths(built).items():
        visit: Visit = open_page(path, scheme)
        violations = axe.run(visit.page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}
                             ).response["violations"]
        if violations or visit.console_errors:
            found[kind] = ([(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations],
                           visit.console_errors)
    assert found == {}


def test_no_horizontal_scroll_at_320_pixels(built: BuiltSite, browser: Any, served: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    wide = {}
    for kind, path in impact_paths(built).items():
        page.goto(served + path)
        if not page.evaluate("document.documentElement.scrollWidth <= innerWidth"):
            wide[kind] = page.evaluate("document.documentElement.scrollWidth")
        # each plot's words stay readable: no label squeezed below 100 pixels wide
        narrow = page.evaluate("""() => [...document.querySelectorAll('.gt-forest__label')]
            .map(e => e.getBoundingClientRect().width).filter(w => w < 100).length""")
        assert narrow == 0, kind
    context.close()
    assert wide == {}


def test_every_finding_is_plotted_and_tabled(built: BuiltSite, open_page: Any) -> None:
    placed = findings(built.knowledge)
    assert placed, "the shipped content has findings"
    page = open_page(url_of(INDEX)).page
    rows = page.locator(".gt-forest__row")
    assert rows.count() == len(placed)
    illustrative = sum(one.entry.example for one in placed)
    assert page.locator(".gt-forest__row--illustrative .gt-illustrative").count() == illustrative
    table_rows = page.locator("table tbody tr")
    assert table_rows.count() == len(placed)
    assert sum("(illustrative)" in text for text in table_rows.all_text_contents()) == illustrative
    for one in placed:
        link = page.locator(".gt-forest__label a", has_text=one.entry.title).first
        assert link.get_attribute("href"), one.entry.id


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_plots_take_the_schemes_colours(built: BuiltSite, open_page: Any, scheme: str) -> None:
    page = open_page(url_of(INDEX), scheme).page
    ink = page.evaluate("""() => {
        const row = document.querySelector(
            '.gt-forest__row:not(.gt-forest__row--illustrative) .gt-forest__ci')
            || document.querySelector('.gt-forest__ci');
        return [getComputedStyle(row).stroke, getComputedStyle(document.body).backgroundColor];
    }""")
    stroke, background = ink
    assert stroke != background and stroke not in ("none", "")
