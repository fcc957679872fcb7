"""My list, end to end in Chromium: add a title and an entry, reload, see them on My list,
share the list as a link (a browser with an empty list gets it), remove one, and export the
list in each format, read back by a real reader of it; the page passes axe at a phone's
width, and the button moves nothing on the page it is on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import bibtexparser
import pytest
import rispy
from axe_playwright_python.sync_playwright import Axe

from goldenthread.paths import entry_page, title_page, url_of

from .conftest import BuiltSite
from .test_browser import AXE_TAGS

pytestmark = pytest.mark.browser


def _add(page: Any) -> None:
    button = page.locator(".gt-mylist-add")
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    assert button.get_attribute("aria-pressed") == "true" and button.inner_text() == "On my list (remove)"


def _shown(page: Any) -> list[str]:
    page.wait_for_selector(".gt-mylist-items li, #gt-mylist p")
    return page.eval_on_selector_all(".gt-mylist-items li a", "links => links.map(a => a.textContent)")


def test_my_list_keeps_shares_and_exports(built: BuiltSite, browser: Any, served: str,
                                          tmp_path: Path) -> None:
    title = next(t for t in built.knowledge.titles if t.id == "make-it-stick")
    entry = next(e for e in built.knowledge.entries if e.references)
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(served + url_of(title_page(title)))
    _add(page)
    page.goto(served + url_of(entry_page(entry)))
    _add(page)
    page.reload()
    assert page.locator(".gt-mylist-add").get_attribute("aria-pressed") == "true"  # kept
    page.goto(served + "my-list/")
    assert _shown(page) == [title.full_title, " ".join(entry.title.split())]
    link = page.input_value("#gt-mylist-link")
    assert link == served + "my-list/#" + ",".join([url_of(title_page(title)), url_of(entry_page(entry))])

    files = {}
    for label in ("BibTeX", "RIS", "CSL-JSON"):
        with page.expect_download() as download:
            page.get_by_role("button", name=f"Download as {label}").click()
        target = tmp_path / download.value.suggested_filename
        download.value.save_as(target)
        files[label] = target.read_text("utf-8")
    bib = {e.key: e for e in bibtexparser.parse_string(files["BibTeX"]).entries}
    assert set(bib) == {title.id, entry.id} and bib[title.id].fields_dict["isbn"].value == title.isbn
    ris = {e["id"]: e for e in rispy.loads(files["RIS"])}
    assert ris[title.id]["title"] == title.full_title and ris[entry.id]["type_of_reference"] == "RPRT"
    csl = {i["id"]: i for i in json.loads(files["CSL-JSON"])}
    assert csl[entry.id]["author"][0]["family"] == entry.authors[0].name.split()[-1]
    assert csl[title.id]["ISBN"] == title.isbn

    other = browser.new_context()  # another browser: its list is empty until the link
    shared = other.new_page()
    shared.goto(link)
    # it asks before anything joins the reader's own list
    question = shared.get_by_role("region", name="A list someone shared with you")
    question.wait_for()
    assert "It has 2 items not on your list. Add them to your list?" in question.inner_text()
    assert shared.evaluate("localStorage.getItem('goldenthread-my-list')") is None
    shared.get_by_role("button", name="Add them to my list").click()
    assert _shown(shared) == [title.full_title, " ".join(entry.title.split())]
    assert "2 added from the shared link." in shared.locator(".gt-mylist-note").inner_text()
    shared.get_by_role("button", name=f"Remove {title.full_title}").click()
    assert _shown(shared) == [" ".join(entry.title.split())]
    shared.reload()
    assert _shown(shared) == [" ".join(entry.title.split())]
    other.close()
    # a reader who says no keeps their list as it was
    mine = browser.new_context()
    own = mine.new_page()
    own.goto(served + url_of(title_page(title)))
    _add(own)
    own.goto(link)
    own.get_by_role("region", name="A list someone shared with you").wait_for()
    own.get_by_role("button", name="No, keep my list as it is").click()
    assert _shown(own) == [title.full_title]
    assert "Nothing was added from the shared link." in own.locator(".gt-mylist-note").inner_text()
    mine.close()
    context.close()


def test_my_list_page_passes_axe_on_a_phone(built: BuiltSite, browser: Any, served: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(served + url_of(title_page(built.knowledge.titles[0])))
    page.locator(".gt-mylist-add").click()
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.goto(served + "my-list/")
        _shown(page)
        violations = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}
                               ).response["violations"]
        assert violations == [], [v["id"] for v in violations]
    context.close()


def test_the_button_moves_nothing(built: BuiltSite, browser: Any, served: str) -> None:
    """The button keeps its place while hidden, so the script showing it shifts no layout."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.add_init_script("""
        window.__shift = 0;
        new PerformanceObserver(list => list.getEntries().forEach(e => {
          if (!e.hadRecentInput) { window.__shift += e.value; } }))
          .observe({type: 'layout-shift', buffered: true});
    """)
    page.goto(served + url_of(title_page(built.knowledge.titles[0])), wait_until="load")
    page.wait_for_timeout(300)
    assert page.locator(".gt-mylist-add").is_visible()
    assert page.evaluate("window.__shift") < 0.01
    context.close()
