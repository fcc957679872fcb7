"""The Content-Security-Policy in Chromium: an inline script injected into a built page is
refused, while the theme's own scripts and the site's script files run, on every kind of
page and at every depth; the live preview's reload script is admitted on the pages it serves."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from goldenthread.mkdocs_plugin.csp import admit_reload

from .conftest import BuiltSite, _Quiet

WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
"""
PAGES = ("", "library/", "library/make-it-stick/", "research/2025/retrieval-practice-in-year-4/",
         "framework/principles/high-quality-teaching/", "404.html")
INJECTED = '<script>window.__injected = "ran"</script>'


@pytest.fixture(scope="module")
def tampered(built: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A copy of the built site, an inline script injected into two of its pages, served."""
    site = tmp_path_factory.mktemp("tampered") / "site"
    shutil.copytree(built.site, site)
    for page in ("index.html", "research/2025/retrieval-practice-in-year-4/index.html"):
        path = site / page
        path.write_text(path.read_text("utf-8").replace("<article", INJECTED + "<article", 1), "utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def visit(browser: Any, url: str) -> Any:
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(WATCH)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(200)  # violations are reported as events, after the script is refused
    return page


@pytest.mark.parametrize("path", ["", "research/2025/retrieval-practice-in-year-4/"])
def test_an_injected_inline_script_is_refused(browser: Any, tampered: str, path: str) -> None:
    page = visit(browser, tampered + path)
    try:
        assert page.evaluate("window.__injected") is None  # refused: it never ran
        assert page.evaluate("window.__violations") == ["script-src-elem inline"]
        # the theme's own inline script ran, and so did the theme's script file
        assert page.evaluate("typeof __md_scope") == "object"
        assert page.evaluate("typeof document$") == "object"
    finally:
        page.context.close()


@pytest.mark.parametrize("path", PAGES)
def test_the_site_runs_within_its_policy(browser: Any, served: str, path: str) -> None:
    page = visit(browser, served + path)
    try:
        assert page.evaluate("window.__violations") == []
        assert page.evaluate("typeof __md_scope") == "object"
        assert page.evaluate("typeof document$") == "object"
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    finally:
        page.context.close()


def test_the_previews_reload_script_is_admitted(built: BuiltSite, browser: Any, tmp_path: Path) -> None:
    """The preview adds its reload script to each page it serves, and admits it by its hash."""
    site = tmp_path / "site"
    shutil.copytree(built.site, site)
    page = site / "support" / "index.html"
    served = page.read_bytes().replace(b"</body>", b"<script>window.__reloading = true</script></body>")
    (site / "support" / "refused.html").write_bytes(served)
    page.write_bytes(admit_reload(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/support/"
        for name, ran in (("refused.html", None), ("", True)):
            visited = visit(browser, base + name)
            assert visited.evaluate("window.__reloading") is ran, name
            visited.context.close()
    finally:
        server.shutdown()
