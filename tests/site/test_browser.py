"""The built site in a real browser: search, catalogue filters, links, console, accessibility."""

from __future__ import annotations

from typing import Any

import pytest

from goldenthread.generate import search_index as si
from goldenthread.generate.catalogue import PAGE_SIZE, author_key, catalogue_order, page_count, page_path
from goldenthread.paths import entry_page, framework_page, title_page, url_of

from .conftest import BuiltSite, Visit

pytestmark = pytest.mark.browser
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def page_types(built: BuiltSite) -> dict[str, str]:
    """One URL path per kind of page the site has."""
    kb = built.knowledge
    entry = kb.entries[0]
    measured = next(e for e in kb.entries if e.outcomes)
    return {
        "home": "",
        "framework": "framework/",
        "principle": url_of(framework_page(kb.dimension("building_blocks"),
                                           kb.dimension("building_blocks").items[0].id)),
        "stage": url_of(framework_page(kb.dimension("stages"), kb.dimension("stages").items[0].id)),
        "aim": url_of(framework_page(kb.dimension("aims"), kb.dimension("aims").items[0].id)),
        "evidence map": "framework/evidence-map/",
        "catalogue": "library/",
        "catalogue page 2": "library/page/2/",
        "title": url_of(title_page(kb.titles[0])),
        "research": "research/",
        "year": f"research/{entry.year}/",
        "entry": url_of(entry_page(entry)),
        "support": "support/",
        "contributing": "contributing/",
        "entry form": "contributing/write/",
        "title form": "contributing/propose-a-title/",
        "accessibility": "accessibility/",
        "my list": "my-list/",
        "glossary": "library/glossary/",
        "about": "about/",
        "impact": "research/impact/",
        "impact by topic": "research/impact/topics/",
        "strength of a finding": "research/impact/strength/",
        "entry with findings": url_of(entry_page(measured)),
        "not found": "404.html",
    }


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_page_type_scrolls_sideways_on_a_320_pixel_phone(built: BuiltSite, browser: Any, served: str,
                                                             scheme: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640}, color_scheme=scheme)
    page = context.new_page()
    wide = {}
    for kind, path in page_types(built).items():
        page.goto(served + path, wait_until="load")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            wide[kind] = width
    context.close()
    assert wide == {}


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


def shown_ids(page: Any) -> list[str]:
    return list(page.eval_on_selector_all("#gt-catalogue li", "items => items.map(i => i.dataset.id)"))


def open_filters(page: Any) -> None:
    """Open "Filter and sort", as a reader does, if it is closed."""
    if not page.evaluate("document.getElementById('gt-filter-panel').open"):
        page.click("#gt-filter-panel > summary")


def wait_ready(page: Any) -> None:
    """Wait until the script has fetched catalogue.json and shows what the form chooses."""
    page.wait_for_selector("#gt-catalogue[data-source=json]:not([aria-busy])", timeout=10_000)


def all_result_ids(page: Any) -> list[str]:
    """The ids on every page of results, following the Next link to the last page."""
    ids = shown_ids(page)
    for _ in range(200):
        following = page.locator("#gt-pager a[rel=next]")
        if not following.count():
            return ids
        following.click()
        ids += shown_ids(page)
    raise AssertionError("the Next links never end")


def _items(page: Any) -> list[tuple[str, str, str, str]]:
    """Each listed title: id, where its link leads, its text and its byline."""
    return [tuple(item) for item in page.eval_on_selector_all("#gt-catalogue li", """items => items.map(
        i => [i.dataset.id, i.querySelector('a').href, i.querySelector('a').textContent,
              i.querySelector('.gt-byline').textContent])""")]


def _folded(title: Any) -> str:
    return si.fold(" ".join([title.full_title, *title.authors]))


FILTERS = {  # form field -> (what a title holds, value to pick)
    "topic": ("topics", "mathematics"),
    "principles": ("building_blocks", "deploying-staff"),
    "aims": ("aims", "resources"),
    "stages": ("stages", "sustain"),
    "career": ("career_stages", "governor"),
    "format": ("formats", "audiobook"),
    "held": ("copies", "fernlea-school"),
    "year": ("year", "2019"),
}


def _holds(title: Any, attribute: str, value: str) -> bool:
    if attribute == "year":
        return str(title.year) == value
    if attribute == "copies":
        return value in dict(title.copies)
    if attribute in ("topics", "career_stages", "formats"):
        return value in getattr(title, attribute)
    return value in title.tagged(attribute)


@pytest.mark.parametrize("field", sorted(FILTERS))
def test_each_filter_narrows_and_its_url_restores_the_view(
        built: BuiltSite, open_page: Any, field: str) -> None:
    attribute, value = FILTERS[field]
    expected = {t.id for t in built.knowledge.titles if _holds(t, attribute, value)}
    assert 0 < len(expected) < len(built.knowledge.titles)
    visit: Visit = open_page("library/")
    page = visit.page
    order = [t.id for t in catalogue_order(built.knowledge)]
    assert shown_ids(page) == order[:PAGE_SIZE]  # the static first page, A to Z
    open_filters(page)
    page.select_option(f"#gt-{field}", value)
    wait_ready(page)
    assert f"{field}={value}" in page.url
    shared = page.url
    assert page.locator("#gt-count").inner_text().startswith(f"{len(expected)} of ")
    found = all_result_ids(page)
    assert found == [i for i in order if i in expected]  # every match once, A to Z
    restored = open_page(shared.split("/", 3)[3]).page
    wait_ready(restored)
    assert restored.input_value(f"#gt-{field}") == value
    assert all_result_ids(restored) == found
    assert visit.console_errors == []


def test_text_filter_and_sort_are_kept_in_the_url(built: BuiltSite, open_page: Any) -> None:
    page = open_page("library/?q=Vocabulary&sort=year").page
    wait_ready(page)
    assert page.input_value("#gt-q") == "Vocabulary" and page.input_value("#gt-sort") == "year"
    titles = {t.id: t for t in built.knowledge.titles}
    ids = all_result_ids(page)
    years = [titles[i].year for i in ids]
    assert ids and years == sorted(years, reverse=True)
    assert set(ids) == {t.id for t in built.knowledge.titles if "vocabulary" in _folded(t)}


def test_text_filter_reads_titles_and_authors_not_summaries(built: BuiltSite, open_page: Any) -> None:
    title = next(t for t in built.knowledge.titles if t.id == "make-it-stick")
    page = open_page("library/").page
    open_filters(page)
    page.fill("#gt-q", "roediger stick")  # an author and a word of the title, any case
    wait_ready(page)
    page.wait_for_function("() => location.search === '?q=roediger+stick'")
    assert shown_ids(page) == [title.id]
    word = next(w for w in si.tokens(title.summary)
                if all(w not in _folded(t) for t in built.knowledge.titles))
    page.fill("#gt-q", word)  # in the summary only: the site search finds it, not this filter
    page.wait_for_function("word => location.search === '?q=' + word", arg=word)
    assert shown_ids(page) == [] and page.locator("#gt-none").is_visible()
    assert page.locator("#gt-pager a").count() == 0


def test_js_pages_show_what_the_static_pages_show(built: BuiltSite, open_page: Any, browser: Any,
                                                  served: str) -> None:
    """Each page of results, unfiltered, is its static page: ids, links, titles and bylines."""
    context = browser.new_context(java_script_enabled=False)
    static = context.new_page()
    pages = page_count(len(built.knowledge.titles))
    assert pages == 2
    for number in range(1, pages + 1):
        static.goto(served + url_of(page_path(number)))
        visit: Visit = open_page(f"library/?page={number}")
        wait_ready(visit.page)
        assert _items(visit.page) == _items(static), number
        assert visit.page.locator("#gt-count").inner_text() == f"{len(built.knowledge.titles)} titles, " \
            f"page {number} of {pages}"
        current = visit.page.locator("#gt-pager [aria-current=page]")
        assert current.inner_text() == str(number) and current.get_attribute("aria-label") == f"Page {number}"
    context.close()


def test_page_links_keep_the_filters_and_the_back_button_works(built: BuiltSite, open_page: Any) -> None:
    page = open_page("library/?sort=author").page
    wait_ready(page)
    first = shown_ids(page)
    page.click("#gt-pager a[rel=next]")
    assert page.url.endswith("library/?sort=author&page=2")
    assert page.evaluate("document.activeElement.id") == "gt-count"  # focus moves to the new results
    assert page.locator("#gt-count").inner_text().endswith("page 2 of 2")
    second = shown_ids(page)
    assert not set(first) & set(second) and len(first) + len(second) == len(built.knowledge.titles)
    page.go_back()
    page.wait_for_function("() => !location.search.includes('page=')")
    assert shown_ids(page) == first
    page.go_forward()
    page.wait_for_function("() => location.search.includes('page=2')")
    assert shown_ids(page) == second
    open_filters(page)
    page.select_option("#gt-year", str(built.knowledge.titles[0].year))  # a new filter: page 1 again
    assert "page=" not in page.url


def test_a_page_beyond_the_last_shows_the_last(built: BuiltSite, open_page: Any) -> None:
    page = open_page("library/?page=99").page
    wait_ready(page)
    assert page.url.endswith("library/?page=2")
    assert len(shown_ids(page)) == len(built.knowledge.titles) - PAGE_SIZE


def test_keyboard_alone_filters_pages_and_clears(built: BuiltSite, open_page: Any) -> None:
    page = open_page("library/").page

    def tab_to(selector: str, key: str = "Tab") -> None:
        for _ in range(300):
            page.keyboard.press(key)
            if page.evaluate("s => document.activeElement.matches(s)", selector):
                return
        raise AssertionError(f"{key} never reached {selector}")

    tab_to("#gt-filter-panel > summary")
    page.keyboard.press("Enter")  # opens "Filter and sort"
    tab_to("#gt-sort")
    page.keyboard.press("ArrowDown")  # Author (A to Z)
    wait_ready(page)
    assert page.input_value("#gt-sort") == "author" and "sort=author" in page.url
    assert page.locator("#gt-filter-set").text_content() == ""  # a sort is not a filter
    order = catalogue_order(built.knowledge)
    by_author = [order[n].id for n in sorted(range(len(order)), key=lambda n: (author_key(order[n]), n))]
    assert shown_ids(page) == by_author[:PAGE_SIZE]

    tab_to("#gt-pager a[rel=next]")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "gt-count"
    assert shown_ids(page) == by_author[PAGE_SIZE:]
    tab_to("#gt-filters button[type=reset]", "Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.search === ''")
    assert page.input_value("#gt-sort") == ""
    assert shown_ids(page) == [t.id for t in order][:PAGE_SIZE]
    assert page.locator("#gt-count").inner_text() == f"{len(order)} titles, page 1 of 2"


def test_catalogue_json_is_fetched_only_when_the_filters_are_used(built: BuiltSite, open_page: Any) -> None:
    def fetched(page: Any) -> list[str]:
        return [n for n in page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
                if "catalogue.json" in n]

    for path in ("", url_of(title_page(built.knowledge.titles[0])), "library/page/2/", "library/"):
        page = open_page(path).page
        page.wait_for_timeout(200)
        assert fetched(page) == [], path
    open_filters(page)  # reaching for the form fetches it once
    page.wait_for_function(
        "() => performance.getEntriesByType('resource').some(e => e.name.includes('catalogue.json'))")
    page.select_option("#gt-topic", "mathematics")
    wait_ready(page)
    assert len(fetched(page)) == 1 and "catalogue.json?v=" in fetched(page)[0]
    shared = open_page("library/?topic=mathematics").page  # a shared view fetches it at once
    wait_ready(shared)
    assert len(fetched(shared)) == 1


def test_without_the_json_the_static_pages_remain(built: BuiltSite, browser: Any, served: str) -> None:
    context = browser.new_context()
    context.route("**/catalogue.json*", lambda route: route.abort())
    page = context.new_page()
    page.goto(served + "library/?topic=mathematics")
    page.wait_for_function("() => document.getElementById('gt-count').textContent.includes('could not')")
    assert page.locator("#gt-filters").is_hidden()
    assert page.locator("#gt-catalogue").get_attribute("aria-busy") is None
    assert shown_ids(page) == [t.id for t in catalogue_order(built.knowledge)][:PAGE_SIZE]
    assert page.locator("#gt-pager a[rel=next]").get_attribute("href") == "page/2/"
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations_in_filtered_results(open_page: Any, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    visit: Visit = open_page("library/?sort=author&page=2", scheme)
    wait_ready(visit.page)
    visit.page.focus("#gt-pager a[rel=prev]")
    found = Axe().run(visit.page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in found.response["violations"]] == []
    assert visit.console_errors == []


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
    """Following the Next links from the first page, each title is listed exactly once, A to Z."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served + "library/")
    assert page.locator("#gt-filters").is_hidden()
    page.click("#gt-filter-panel > summary")  # says why there is nothing to choose
    assert page.locator("#gt-filter-off").is_visible() and page.locator("#gt-filters").is_hidden()
    pages = page_count(len(built.knowledge.titles))
    ids: list[str] = []
    for number in range(1, pages + 1):
        assert page.url == served + url_of(page_path(number))
        nav = page.get_by_role("navigation", name="Catalogue pages")
        assert nav.locator("[aria-current=page]").inner_text() == str(number)
        where = f"page {number} of {pages}"
        if number == 1:
            assert page.locator("#gt-count").inner_text() == f"{len(built.knowledge.titles)} titles, {where}"
        else:
            assert page.title().startswith(f"Staff Professional Development Library: {where}")
        assert number == 1 or page.locator("#gt-filter-link").is_visible()  # to the first page
        ids += shown_ids(page)
        following = nav.get_by_role("link", name="Next page")
        if number == pages:
            assert following.count() == 0
            break
        following.click()
        page.wait_for_load_state()
    assert ids == [t.id for t in catalogue_order(built.knowledge)]
    assert len(set(ids)) == len(built.knowledge.titles)
    nav.get_by_role("link", name="Previous page").click()
    page.wait_for_load_state()
    assert page.url == served + "library/"
    context.close()


def test_later_pages_lead_readers_with_javascript_to_the_filters(open_page: Any) -> None:
    page = open_page("library/page/2/").page
    link = page.locator("#gt-filter-link a")
    assert link.is_visible()
    link.click()
    page.wait_for_load_state()
    open_filters(page)
    assert page.locator("#gt-filters").is_visible() and page.locator("#gt-filter-off").is_hidden()
