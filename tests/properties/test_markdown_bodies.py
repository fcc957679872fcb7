"""Arbitrary Markdown bodies: active content a browser would run is always reported.

The oracle renders the body as the site does (Python-Markdown with mkdocs.yml's
extensions) and parses the HTML with html.parser: a script, iframe, object or embed
element, an on* attribute, or a javascript:/vbscript:/data: href or src in that HTML
must come with an unsafe-* problem on the entry.
"""

from __future__ import annotations

from hypothesis import example, given

from goldenthread.load.characters import NOT_TEXT

from ..conftest import VALID_ENTRY
from .harness import FIXTURE_ENTRY, fresh_repo, put, run_validate
from .oracles import active_content
from .strategies import markdown_text

FRONT = VALID_ENTRY[: VALID_ENTRY.index("---\n", 4) + 4]
BODY_LINE = FRONT.count("\n") + 1
UNSAFE = {"unsafe-html", "unsafe-attribute", "unsafe-link"}


def _body_is_judged(body: str) -> None:
    with fresh_repo() as root:
        put(root, FIXTURE_ENTRY, FRONT + body)
        outcome = run_validate(root)
        if NOT_TEXT.search(body):  # the file is refused unread: it never becomes a page
            assert "control-character" in outcome.codes(FIXTURE_ENTRY)
            return
        active = active_content(body)
        if active:
            found = [p for p in outcome.on(FIXTURE_ENTRY) if p["code"] in UNSAFE]
            assert found, f"active content {active} was not reported in:\n{body}"
            assert all(p["line"] >= BODY_LINE for p in found), found


@given(markdown_text(max_size=60))
@example("<script>alert(1)</script>")
@example("# Heading {: onclick=\"alert(1)\" }")
@example("[x](https://example.org){: href=\"javascript:alert(1)\" }")
@example("a `b\n\n<script>alert(1)</script>\n\nc` d")
@example("\\`<script>alert(1)</script>\\`")
@example("```\n<script>alert(1)</script>\n")
@example("<div title=\">\" onclick=\"alert(1)\">hi</div>")
@example("p <a title=\">\" href=\"javascript:x\">x</a>")
def test_active_content_in_a_body_is_reported(body: str) -> None:
    _body_is_judged(body)
