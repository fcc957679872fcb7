from __future__ import annotations

import pytest

from goldenthread.check.markdown_safety import unsafe_content


@pytest.mark.parametrize(("text", "code", "line"), [
    ("a\n<script>x</script>", "unsafe-html", 2),
    ("<SCRIPT >", "unsafe-html", 1),
    ("<object data='x'>", "unsafe-html", 1),
    ("<embed src=x>", "unsafe-html", 1),
    ("<div\n  onclick='x'>", "unsafe-attribute", 2),
    ("<svg/onload=alert(1)>", "unsafe-attribute", 1),
    ("[a](javascript:alert(1))", "unsafe-link", 1),
    ("[a]( JaVaScRiPt:alert(1))", "unsafe-link", 1),
    ("![a](data:image/png;base64,AAAA)", "unsafe-link", 1),
    ("[r]: javascript:alert(1)", "unsafe-link", 1),
    ("<javascript:alert(1)>", "unsafe-link", 1),
    ("<a href='java\tscript:x'>", "unsafe-link", 1),
    ("<a href=\"&#106;avascript:x\">", "unsafe-link", 1),
    ("[a](vbscript:x)", "unsafe-link", 1),
])
def test_active_content_is_found(text: str, code: str, line: int) -> None:
    assert (line, code) in [(l, c) for l, _, c, _ in unsafe_content(text)]


@pytest.mark.parametrize("text", [
    "Use `<script>` to load code.",
    "```html\n<script>alert(1)</script>\n```",
    "[EEF](https://educationendowmentfoundation.org.uk)",
    "Pupils were ontask; the one-to-one sessions ran online.",
    "<abbr title='Special educational needs'>SEN</abbr>",
    "A ratio of 3:1 and data: lots of it.",
])
def test_safe_text_passes(text: str) -> None:
    assert unsafe_content(text) == []
