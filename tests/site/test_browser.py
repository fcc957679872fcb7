"""The built site in a real browser: search, catalogue filters, links, console, accessibility."""

from __future__ import annotations

from typing import Any

import pytest

from goldenthread.generate.links import entry_page, framework_page, title_page, url_of

from .conftest import BuiltSite, Visit

pytestmark = pytest.mark.browser
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def page_types(built: BuiltSite) -> dict[str, str]:
    """One URL path per kind of page the site has."""
    kb = built.knowledge
    entry = kb.entries[0]
    return {
        "home": "",
        "framework": "framework/",
        "principle": url_of(framework_page("building_blocks", kb.building_blocks[0].id)),
        "stage": url_of(framework_page("stages", kb.stages[0].id)),
        "aim": url_of(framework_page("aims", kb.aims[0].id)),
        "evidence map": "framework/evidence-map/",
        "catalogue": "library/",
        "title": url_of(title_page(kb.titles[0])),
        "research": "research/",
        "year": f"research/{entry.year}/",
        "entry": url_of(entry_page(entry)),
        "support": "support/",
        "contributing": "contributing/",
        "accessibility": "accessibility/",
        "not found": "404.html",
    }


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations(built: BuiltSite, open_page: Any, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    found = {}
    for kind, path in page_types(built).items():
        visit: Visit = open_page(path, scheme)
        results = axe.run(visit.page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        violations = results.response["violations"]
        if violations:
            found[kind] = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    assert found == {}


def test_no_console_errors_and_no_other_hosts(built: BuiltSite, open_page: Any) -> None:
    problems = {}
    for kind, path in page_types(built).items():
        visit: Visit = open_page(path)
        visit.page.wait_for_timeout(150)
        if visit.console_errors or visit.foreign_requests:
            problems[kind] = (visit.console_errors, visit.foreign_requests)
    assert problems == {}


def test_search_finds_a_title_by_its_authors_surname(built: BuiltSite, open_page: Any) -> None:
    """The header search box, answered by assets/search.js (more in test_search.py)."""
    title = next(t for t in built.knowledge.titles if t.id == "rosenshines-principles-in-action")
    visit: Visit = open_page("")
    page = visit.page
    page.keyboard.press("/")
    page.keyboard.type("Sherrington")
    result = page.locator(".md-search-result__item", has_text=title.title)
    result.first.wait_for(timeout=10_000)
    assert result.count() >= 1
    assert result.first.locator("a").get_attribute("href").split("?")[0].endswith(
        "/" + url_of(title_page(title)))


def _visible_ids(page: Any) -> set[str]:
    return set(page.eval_on_selector_all(
        "#gt-catalogue li:not([hidden])", "items => items.map(i => i.dataset.id)"))


FILTERS = {  # form field -> (model attribute, value to pick)
    "topic": ("topics", "mathematics"),
    "principle": ("building_blocks", "deploying-staff"),
    "aim": ("aims", "resources"),
    "stage": ("stages", "sustain"),
    "career": ("career_stages", "governor"),
    "format": ("formats", "audiobook"),
    "year": ("year", "2019"),
}


@pytest.mark.parametrize("field", sorted(FILTERS))
def test_each_filter_narrows_and_its_url_restores_the_view(
        built: BuiltSite, open_page: Any, field: str) -> None:
    attribute, value = FILTERS[field]
    expected = {t.id for t in built.knowledge.titles
                if (str(t.year) == value if attribute == "year" else value in getattr(t, attribute))}
    assert 0 < len(expected) < len(built.knowledge.titles)
    visit: Visit = open_page("library/")
    page = visit.page
    assert len(_visible_ids(page)) == len(built.knowledge.titles)
    page.select_option(f"#gt-{field}", value)
    assert _visible_ids(page) == expected
    assert f"{field}={value}" in page.url
    assert page.locator("#gt-count").inner_text().startswith(f"{len(expected)} of ")
    restored = open_page(page.url.split("/", 3)[3]).page
    assert restored.input_value(f"#gt-{field}") == value
    assert _visible_ids(restored) == expected


def test_text_filter_and_sort_are_kept_in_the_url(built: BuiltSite, open_page: Any) -> None:
    page = open_page("library/?q=vocabulary&sort=year").page
    ids = page.eval_on_selector_all("#gt-catalogue li:not([hidden])",
                                    "items => items.map(i => i.dataset.id)")
    years = [t.year for i in ids for t in built.knowledge.titles if t.id == i]
    assert ids and years == sorted(years, reverse=True)
    assert all("vocabulary" in " ".join([t.full_title, *t.authors, t.summary]).lower()
               for i in ids for t in built.knowledge.titles if t.id == i)


def test_title_page_links_to_its_entries_and_back(built: BuiltSite, open_page: Any) -> None:
    entry = next(e for e in built.knowledge.entries if e.library)
    title_id = entry.library[0]
    page = open_page(url_of(title_page(title_id))).page
    page.get_by_role("link", name=entry.title, exact=True).first.click()
    page.wait_for_load_state()
    assert page.url.endswith(url_of(entry_page(entry)))
    title = built.knowledge.title(title_id)
    page.get_by_role("link", name=title.full_title, exact=True).first.click()
    page.wait_for_load_state()
    assert page.url.endswith(url_of(title_page(title_id)))


def test_catalogue_lists_every_title_without_javascript(built: BuiltSite, browser: Any,
                                                        served: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served + "library/")
    assert page.locator("#gt-catalogue li").count() == len(built.knowledge.titles)
    assert page.locator("#gt-filters").is_hidden()
    context.close()
