"""The light/dark toggle, ours in place of Material's palette component
(base/_theme/partials/palette.html, partials/javascripts/palette.html, assets/palette.js), in
Chromium: the page starts in the device's scheme before any external script runs; the toggle
switches it by pointer and by keyboard and the choice holds on the next page; until the
reader chooses, the page follows the device; the browser's colour metadata are the header's,
as Material sets them; and nothing restyles the whole page as it starts, which Material's
component did three times (tests/site/test_lighthouse.py holds the blocking time)."""

from __future__ import annotations

from typing import Any

import pytest

from goldenthread.paths import title_page, url_of

from .conftest import BuiltSite

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
STATE = """() => {
  const header = getComputedStyle(document.querySelector("header"));
  const hex = header.backgroundColor.match(/\\d+/g).slice(0, 3)
    .map(v => (+v).toString(16).padStart(2, "0")).join("");
  const contents = name => [...document.querySelectorAll(`meta[name="${name}"]`)].map(m => m.content);
  return {
    scheme: document.body.getAttribute("data-md-color-scheme"),
    toggle: [...document.querySelectorAll("[data-gt-palette] label")]
      .filter(l => !l.hidden).map(l => l.title),
    colorScheme: contents("color-scheme"),
    themeColor: contents("theme-color"),
    header: [header.colorScheme, "#" + hex],
  };
}"""
# Each change of the body's attributes and each <meta> added to the head, from the start.
WATCH = """new MutationObserver(records => {
  const seen = window.__changes ||= [];
  for (const r of records) {
    if (r.type === "attributes" && r.target === document.body) seen.push(r.attributeName);
    for (const node of r.addedNodes || [])
      if (node.nodeName === "META" && node.name) seen.push("meta " + node.name);
  }
}).observe(document, {attributes: true, subtree: true, childList: true});"""


def _page(browser: Any, scheme: str, block_scripts: bool = False) -> tuple[Any, Any]:
    context = browser.new_context(color_scheme=scheme, viewport=PHONE)
    if block_scripts:  # only the page's own inline scripts run: the first frame's state
        context.route("**/*.js", lambda route: route.abort())
    return context, context.new_page()


@pytest.mark.parametrize(("device", "scheme", "toggle", "meta"), [
    ("light", "default", "Switch to dark mode", "light"), ("dark", "slate", "Switch to light mode", "dark")])
def test_the_page_starts_in_the_devices_scheme_before_any_script_file_runs(
        browser: Any, served: str, device: str, scheme: str, toggle: str, meta: str) -> None:
    context, page = _page(browser, device, block_scripts=True)
    page.goto(served + "library/")
    state = page.evaluate(STATE)
    assert (state["scheme"], state["toggle"], state["colorScheme"]) == (scheme, [toggle], [meta])
    context.close()


def test_the_toggle_switches_and_the_choice_holds_on_the_next_page(
        built: BuiltSite, browser: Any, served: str) -> None:
    context, page = _page(browser, "light")
    page.goto(served)
    page.wait_for_function("() => document.documentElement.classList.contains('js')")
    page.locator("[data-gt-palette] label:not([hidden])").click()
    state = page.evaluate(STATE)
    assert state["scheme"] == "slate" and state["toggle"] == ["Switch to light mode"]
    assert state["colorScheme"] == [state["header"][0]] == ["dark"]
    page.goto(served + url_of(title_page(built.knowledge.titles[0])))
    assert page.evaluate(STATE)["scheme"] == "slate"
    # By keyboard: Enter on the focused toggle switches back, as Material's does.
    page.focus("[data-gt-palette] input")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'default'")
    page.reload()
    assert page.evaluate(STATE)["scheme"] == "default"
    # A choice made, the device's setting no longer decides.
    page.emulate_media(color_scheme="dark")
    page.wait_for_timeout(100)
    assert page.evaluate(STATE)["scheme"] == "default"
    context.close()


def test_until_the_reader_chooses_the_page_follows_the_device(browser: Any, served: str) -> None:
    context, page = _page(browser, "light")
    page.goto(served + "research/")
    assert page.evaluate(STATE)["scheme"] == "default"
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert page.evaluate(STATE)["toggle"] == ["Switch to light mode"]
    context.close()


@pytest.mark.parametrize("device", ["light", "dark"])
def test_the_browsers_colours_are_the_headers(browser: Any, served: str, device: str) -> None:
    context, page = _page(browser, device)
    page.goto(served + "framework/")
    page.wait_for_function("() => document.querySelector('meta[name=theme-color]').content !== ''")
    state = page.evaluate(STATE)
    assert state["colorScheme"] == [state["header"][0]]
    assert state["themeColor"] == [state["header"][1]]
    assert page.locator("[data-md-component=palette]").count() == 0  # Material's is not mounted
    context.close()


def test_starting_the_page_restyles_nothing_for_the_palette(browser: Any, served: str) -> None:
    """Material's component set data-md-color-switching on the body and added two <meta>
    elements as each page started; each restyled the whole page. Ours changes the body's
    attributes only before the page is drawn, and adds the theme colour once it is idle."""
    context, page = _page(browser, "light")
    page.add_init_script(WATCH)
    page.goto(served + "contributing/")
    page.wait_for_function("() => document.querySelector('meta[name=theme-color]').content !== ''")
    changes = page.evaluate("window.__changes || []")
    assert "data-md-color-switching" not in changes, changes
    assert changes.count("meta color-scheme") == 1 and changes.count("meta theme-color") == 1, changes
    context.close()


def test_the_header_does_not_move_as_a_phone_loads_the_page(browser: Any, served: str) -> None:
    """The toggle and the search button keep their places, unseen, until Material's script
    shows them (goldenthread.css), so nothing in the header shifts as the page loads, even on
    a slow phone's CPU where the browser draws the header before it has read all of it."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.add_init_script("""window.__shifts = [];
new PerformanceObserver(list => { for (const shift of list.getEntries())
  for (const source of shift.sources) window.__shifts.push(source.node ? source.node.nodeName
    + "." + source.node.className : "?"); }).observe({type: "layout-shift", buffered: true});""")
    session = context.new_cdp_session(page)
    session.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    for path in ("library/", "contributing/", "framework/"):
        page.goto(served + path)
        page.wait_for_function("() => document.documentElement.classList.contains('js')")
        page.wait_for_timeout(300)
        assert page.evaluate("window.__shifts") == [], path
    context.close()
