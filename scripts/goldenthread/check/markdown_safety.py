"""Active content in contributed Markdown: scripts, frames, event handlers, script URLs.

The scan reads the Markdown source (not the rendered HTML) so each finding keeps its
line. Code spans and fenced code are blanked first: there, markup is shown, not run.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from ..load.text import line_col_at

_FENCED = re.compile(r"^( {0,3})(`{3,}|~{3,}).*?(?:^\1?\2[`~]*[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_ELEMENT = re.compile(
    r"<\s*/?\s*(script|iframe|object|embed|frame|frameset|applet|base|meta|link|style|form)\b",
    re.IGNORECASE)
_TAG = re.compile(r"<[A-Za-z][^<>]*>", re.DOTALL)
_EVENT = re.compile(r"[\s\"'/]((?i:on)[a-zA-Z]+)\s*=")
_HTML_URL = re.compile(
    r"(?i:\b(?:href|src|action|formaction|xlink:href|data|poster|background|cite|srcset)"
    r"\s*=\s*)(\"[^\"]*\"|'[^']*'|[^\s>]+)")
_MD_URLS = (
    re.compile(r"\]\(\s*<?([^)\s>]*)"),                      # [text](url) and ![alt](url)
    re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+)", re.MULTILINE),  # [ref]: url
    re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*)>"),   # <scheme:...>
)
_BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def without_code(text: str) -> str:
    """The text with fenced code and code spans blanked, keeping every line and column."""
    return _CODE_SPAN.sub(_blank, _FENCED.sub(_blank, text))


def _scheme_of(url: str) -> str | None:
    """The dangerous scheme a browser would see in url, after decoding entities."""
    seen = _INVISIBLE.sub("", html.unescape(url.strip("\"'"))).lower()
    return next((scheme for scheme in _BAD_SCHEMES if seen.startswith(scheme)), None)


def _findings(text: str) -> Iterator[tuple[int, str, str]]:
    for match in _ELEMENT.finditer(text):
        name = match.group(1).lower()
        yield match.start(), "unsafe-html", (
            f"<{name}> is not allowed in contributed text: remove it (to show code, put it "
            "in `backticks`)")
    for tag in _TAG.finditer(text):
        for event in _EVENT.finditer(tag.group(0)):
            yield tag.start() + event.start(1), "unsafe-attribute", (
                f"the attribute {event.group(1)}= runs a script: remove it")
        for url in _HTML_URL.finditer(tag.group(0)):
            scheme = _scheme_of(url.group(1))
            if scheme:
                yield tag.start() + url.start(1), "unsafe-link", (
                    f"a {scheme} link is not allowed: link to an https:// address instead")
    for pattern in _MD_URLS:
        for match in pattern.finditer(text):
            scheme = _scheme_of(match.group(1))
            if scheme:
                yield match.start(1), "unsafe-link", (
                    f"a {scheme} link is not allowed: link to an https:// address instead")


def unsafe_content(text: str, first_line: int = 1, first_col: int = 1) -> list[tuple[int, int, str, str]]:
    """(line, col, code, message) for each piece of active content in Markdown text."""
    scanned = without_code(text)
    found = []
    for offset, code, message in _findings(scanned):
        line, col = line_col_at(scanned, offset)
        found.append((line + first_line - 1, col + (first_col - 1 if line == 1 else 0), code, message))
    return sorted(set(found))
