"""The Glossary page (library/glossary.yaml): every term A to Z with its own anchor, reached from
the navigation; the abbreviations it defines marked up on the pages that use them; no
accessibility violation in light or dark."""

from __future__ import annotations

import re
from typing import Any

import pytest

from goldenthread.generate.glossary import anchor, ordered
from goldenthread.paths import title_page, url_of

from .conftest import BuiltSite, Visit
from .test_browser import AXE_TAGS

pytestmark = pytest.mark.browser
PAGE = "library/glossary/"


def test_every_term_has_its_anchor_a_to_z(built: BuiltSite, open_page: Any) -> None:
    terms = ordered(built.knowledge.glossary)
    assert len(terms) >= 40  # the content this test reads
    page = open_page(PAGE).page
    ids = page.eval_on_selector_all("article h3[id]", "hs => hs.map(h => h.id)")
    assert ids == [anchor(t) for t in terms]
    headings = page.eval_on_selector_all("article h3[id]",
                                         "hs => hs.map(h => h.firstChild.textContent.trim())")
    assert headings == [t.term for t in terms]
    ehcp = next(t for t in terms if t.term == "EHCP")
    text = page.locator(f"#{anchor(ehcp)} + p").inner_text()
    assert text.startswith("education, health and care plan.") and ehcp.meaning[:40] in text
    letters = page.eval_on_selector_all(".gt-glossary-letters a", "links => links.map(a => a.textContent)")
    assert letters == sorted(set(letters)) and "E" in letters
    for letter in letters:  # each letter's link leads to its section
        assert page.locator(f"#letter-{letter.lower()}").count() == 1


def test_the_glossary_is_in_the_navigation_and_every_pages_footer(built: BuiltSite, open_page: Any) -> None:
    page = open_page("").page
    assert page.locator("nav a[href$='library/glossary/']").count() >= 1
    visit = open_page(url_of(title_page(built.knowledge.titles[0])))  # a page two folders deep
    with visit.page.expect_navigation():
        visit.page.locator("footer a.gt-footer-glossary").click()
    assert visit.page.url.endswith("/library/glossary/")
    assert visit.page.locator("h1").inner_text().startswith("Glossary")


def test_an_abbreviation_is_marked_up_on_a_page_that_uses_it(built: BuiltSite, open_page: Any) -> None:
    send = next(t for t in built.knowledge.glossary if t.term == "SEND")
    page = open_page(url_of(title_page("send-code-of-practice"))).page  # its summary says SEND
    abbr = page.locator("article abbr", has_text=re.compile("^SEND$")).first
    assert abbr.get_attribute("title") == send.expansions[0]
    assert "*[SEND]" not in page.locator("article").inner_text()  # the definition itself is not shown


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_glossary_page_has_no_accessibility_violations(open_page: Any, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    visit: Visit = open_page(PAGE, scheme)
    found = Axe().run(visit.page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    violations = found.response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations] == []
    assert visit.console_errors == [] and visit.foreign_requests == []
