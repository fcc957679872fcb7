"""The small things a reader notices: the skip link readable over the header, the home tab
named once, dates in one form, a details list with no "Detail | Value" header."""

from __future__ import annotations

import re
from typing import Any

import pytest

from goldenthread.paths import title_page, url_of

from .conftest import BuiltSite

pytestmark = pytest.mark.browser
ISO = re.compile(r"\b(19|20)\d\d-\d\d-\d\d\b")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_skip_link_is_opaque_and_on_top(built: BuiltSite, browser: Any, served: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme, viewport={"width": 390, "height": 700})
    try:
        page = context.new_page()
        page.goto(served + "library/", wait_until="load")
        page.keyboard.press("Tab")
        page.wait_for_timeout(500)  # the theme fades it in
        found = page.evaluate("""() => { const a = document.activeElement, r = a.getBoundingClientRect();
            const style = getComputedStyle(a);
            const top = [0.1, 0.5, 0.9].map(
                f => document.elementFromPoint(r.left + r.width * f, r.top + r.height / 2));
            return [a.textContent.trim(), style.backgroundColor, style.opacity,
                    top.every(e => e === a)]; }""")
        text, background, opacity, on_top = found
        assert text == "Skip to content" and on_top and opacity == "1"
        assert background.startswith("rgb("), background  # no alpha: nothing shows through
    finally:
        context.close()


def test_the_home_tab_names_the_site_once(built: BuiltSite) -> None:
    """The site's name is the trust's (docs/trust.yaml), not mkdocs.yml's site_name."""
    home = (built.site / "index.html").read_text("utf-8")
    assert re.search(r"<title>The Trust</title>", home)
    page = (built.site / "library" / "index.html").read_text("utf-8")
    assert re.search(r"<title>[^<]+ - The Trust</title>", page)
    assert "Golden Thread</title>" not in home + page


def test_dates_a_reader_sees_are_written_one_way(built: BuiltSite) -> None:
    for title in built.knowledge.titles:
        html = (built.site / url_of(title_page(title)) / "index.html").read_text("utf-8")
        body = html[html.index('<article'):html.index("</article>")]
        visible = re.sub(r"<(script|pre|code)\b.*?</\1>", "", body, flags=re.S)
        visible = re.sub(r"<[^>]+>", " ", visible)
        assert not ISO.search(visible), (title.id, ISO.search(visible))
        assert "<th>Detail</th>" not in html and "<th>Value</th>" not in html
        if title.added:
            day = int(title.added[8:])
            assert re.search(rf"\b{day} [A-Z][a-z]+ {title.added[:4]}\b", visible), title.id
            assert "<dl>" in body and "<dt>Added to the library</dt>" in body
