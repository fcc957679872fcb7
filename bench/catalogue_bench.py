"""Benchmark (not a test): the library catalogue at 150, 1,000 and 10,000 titles.

For each size it builds a synthetic repository (entries 1 per 20 titles) with
`goldenthread build`, serves the site as a web server would (text gzipped, in its own
process) and reports:

- the catalogue's first page (library/index.html): bytes and bytes gzipped, and how many
  static pages the catalogue has;
- library/catalogue.json, which the filters fetch: bytes and bytes gzipped;
- in Chromium, after the JSON is loaded, how long a filter takes: from a select's change
  event to the list updated in the DOM (the script's work) and to the next frame after it
  (style, layout and paint included), medians over CHANGES; and for the text filter, the
  work once the typing has paused (the User Timing entry "gt-catalogue"; the script waits
  120 ms after the last keystroke first), and from the input event to the next frame,
  pause included;
- the same with the CPU slowed down 4 times (Chromium's own throttling), a stand-in for a
  phone.

Needs Debian's Chromium (/usr/bin/chromium or CHROMIUM_PATH); never downloads a browser.
`--site DIR` measures an already built site/ instead. tests/site/test_scale.py uses the
same functions for its 10,000-title budgets.
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_bench import gzip_server, launch, sites_to_measure, title_count

# Changes that each give a different view: (select id, value).
CHANGES = [("gt-topic", "curriculum"), ("gt-year", "2010"), ("gt-sort", "author"),
           ("gt-topic", ""), ("gt-career", "middle-leader"), ("gt-sort", "year"),
           ("gt-year", ""), ("gt-format", "print"), ("gt-sort", "added"), ("gt-stages", "explore"),
           ("gt-topic", "leadership"), ("gt-sort", "")]
# Typed into the text filter, each after the filter is cleared (so that each changes the list).
TEXTS = ["surname17", "writer3 memory", "title 12", "retrieval", "author 4 surname", "zzzz"]

_ARM = """() => {
  const form = document.getElementById('gt-filters');
  const list = document.getElementById('gt-catalogue');
  const times = window.__gtTimes = [];
  let start = null;
  const afterFrame = (started, done) => requestAnimationFrame(() => setTimeout(() => times.push(
    {dom: done - started, frame: performance.now() - started}), 0));
  // Capture on window: runs before the catalogue's own listener on the form ...
  window.addEventListener('change', e => { if (form.contains(e.target)) start = performance.now(); }, true);
  window.addEventListener('input', e => { if (e.target.id === 'gt-q') start = performance.now(); }, true);
  // ... bubbling to window: after it. A select's change renders at once.
  window.addEventListener('change', e => {
    if (start === null || e.target.id === 'gt-q') { return; }
    const started = start; start = null;
    afterFrame(started, performance.now());
  });
  // The text filter renders after its pause: when the list changes.
  new MutationObserver(() => {
    if (start === null || document.activeElement.id !== 'gt-q') { return; }
    const started = start; start = null;
    afterFrame(started, performance.now());
  }).observe(list, {childList: true});
}"""


@dataclass
class Timings:
    select_dom: list[float]    # change event -> list updated (ms)
    select_frame: list[float]  # change event -> next frame
    text_work: list[float]     # the script's work once typing paused ("gt-catalogue")
    text_frame: list[float]    # input event -> next frame, the 120 ms pause included


def open_catalogue(browser: Any, base: str, throttle: float = 1) -> tuple[Any, Any]:
    """A fresh context on the catalogue's first page, catalogue.json loaded: (context, page)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    if throttle != 1:
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    page.goto(base + "library/", wait_until="load")
    page.click("#gt-filter-panel > summary")  # opening "Filter and sort" fetches the titles
    page.wait_for_function("() => performance.getEntriesByType('resource')"
                           ".some(e => e.name.includes('catalogue.json') && e.responseEnd > 0)")
    page.wait_for_timeout(300)  # parsed
    page.evaluate(_ARM)
    return context, page


def _recorded(page: Any, count: int) -> dict[str, float]:
    page.wait_for_function("n => window.__gtTimes.length >= n", arg=count, timeout=20_000)
    return dict(page.evaluate("n => window.__gtTimes[n - 1]", count))


def measure(browser: Any, base: str, throttle: float = 1) -> Timings:
    """Filter timings on the catalogue's first page, in a fresh context."""
    context, page = open_catalogue(browser, base, throttle)
    try:
        timings = Timings([], [], [], [])
        done = 0
        for select, value in CHANGES:
            page.select_option(f"#{select}", value)
            done += 1
            recorded = _recorded(page, done)
            timings.select_dom.append(recorded["dom"])
            timings.select_frame.append(recorded["frame"])
        page.focus("#gt-q")
        for text in [typed for query in TEXTS for typed in (query, "")]:
            before = page.evaluate("performance.getEntriesByName('gt-catalogue').length")
            page.fill("#gt-q", text)
            done += 1
            recorded = _recorded(page, done)
            page.wait_for_function("n => performance.getEntriesByName('gt-catalogue').length > n", arg=before)
            timings.text_work.append(page.evaluate(
                "performance.getEntriesByName('gt-catalogue').slice(-1)[0].duration"))
            timings.text_frame.append(recorded["frame"])
        return timings
    finally:
        context.close()


def sizes(site: Path) -> tuple[int, int, int, int, int]:
    """The first page's bytes and gzipped bytes, the static pages, the JSON's bytes and gzipped."""
    page = (site / "library" / "index.html").read_bytes()
    data = (site / "library" / "catalogue.json").read_bytes()
    pages = 1 + len(list((site / "library" / "page").glob("*/index.html")))
    return (len(page), len(gzip.compress(page, 6)), pages, len(data), len(gzip.compress(data, 6)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[150, 1000, 10000])
    parser.add_argument("--site", type=Path, help="measure this built site/ instead of building")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")
    print("| titles | first page (KB, KB gz) | static pages | catalogue.json (KB, KB gz) | "
          "select: DOM (ms) | select: frame (ms) | text: work (ms) | text: input to frame (ms) | "
          "4x slower CPU: select frame, text work (ms) |")
    print("|" + "---:|" * 9)
    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        browser = launch(playwright)
        for site, _ in sites_to_measure(args.site, args.sizes, Path(scratch)):
            raw, packed, pages, data, data_packed = sizes(site)
            server, base = gzip_server(site)
            try:
                fast = measure(browser, base)
                slow = measure(browser, base, throttle=4)
            finally:
                server.shutdown()

            def median(values: list[float]) -> float:
                return statistics.median(values)

            print(f"| {title_count(site):,} | {raw / 1e3:.0f}, {packed / 1e3:.1f} | {pages:,} | "
                  f"{data / 1e3:,.0f}, {data_packed / 1e3:.0f} | "
                  f"{median(fast.select_dom):.1f} | {median(fast.select_frame):.1f} | "
                  f"{median(fast.text_work):.1f} | {median(fast.text_frame):.0f} | "
                  f"{median(slow.select_frame):.0f}, {median(slow.text_work):.0f} |", flush=True)
        browser.close()


if __name__ == "__main__":
    main()
