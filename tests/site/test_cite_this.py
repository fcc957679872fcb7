""""Cite this" in a browser, on a title, an entry and a year's publication: APA 7 first, then
BibTeX and RIS, each copied by its button; the whole fits a 320-pixel screen, light and dark."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .conftest import BuiltSite

pytestmark = pytest.mark.browser
PAGES = {"title": "library/bercow-ten-years-on/", "entry": "research/2025/retrieval-practice-in-year-4/",
         "publication": "research/2025/"}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.mark.parametrize("kind", list(PAGES))
def test_cite_this_offers_apa_then_bibtex_then_ris_each_copied(built: BuiltSite, browser: Any, served: str,
                                                                kind: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(served + PAGES[kind], wait_until="load")
        cite = page.locator(".gt-cite")
        assert cite.locator(".gt-cite-label").all_inner_texts() == ["APA 7", "BibTeX", "RIS"]
        apa = page.locator("#cite-apa").inner_text()
        assert "Report No." not in apa and "CITATION.cff" not in page.content()
        for ident, label in (("cite-apa", "APA 7"), ("cite-bibtex", "BibTeX"), ("cite-ris", "RIS")):
            page.get_by_role("button", name=f"Copy the {label} citation").click()
            status = page.locator(f"[data-copy='{ident}'] + .gt-copy-status")
            status.filter(has_text="Copied.").wait_for()
            copied = page.evaluate("navigator.clipboard.readText()")
            assert copied.strip() == page.locator(f"#{ident}").inner_text().strip()
        assert page.evaluate("navigator.clipboard.readText()").startswith("TY  - ")
        if kind == "title":
            assert apa.startswith("I CAN, & Royal College of Speech and Language Therapists. (2018). "
                                  "Bercow: Ten years on.")
        elif kind == "publication":
            assert apa.startswith("The Trust. (2025). Action Research 2025.")
            assert "PB  - The Trust" in page.locator("#cite-ris").inner_text()
        else:
            assert re.match(r"^Author, E\. \(2025\)\. .+\? \(Action Research 2025\)\. The Trust\.", apa), apa
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_cite_this_fits_a_phone_and_is_axe_clean(built: BuiltSite, browser: Any, served: str,
                                                 scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": 320, "height": 640}, color_scheme=scheme)
    try:
        page = context.new_page()
        for path in PAGES.values():
            page.goto(served + path, wait_until="load")
            page.locator(".gt-cite").scroll_into_view_if_needed()
            wide = page.evaluate("document.documentElement.scrollWidth")
            assert wide <= 320, (path, wide)
            for block in page.locator(".gt-cite-text").all():
                box = block.bounding_box()
                assert box is not None and box["x"] + box["width"] <= 320, (path, box)
            results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS},
                                               "include": [[".gt-cite"]]})
            assert results.response["violations"] == [], (path, results.response["violations"])
    finally:
        context.close()
