"""What the audit needs to know of one HTML page: its ids, links, scripts, images, events.

A regular-expression tokenizer, not html.parser: the audit reads every page of the site,
and at 1,000 pages html.parser alone took 3.3 s. Positions are kept as offsets and turned
into line and column only for the few things reported.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from dataclasses import dataclass, field

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "cite", "background",
                  "xlink:href"}
SCRIPT_URL = re.compile(r"^(javascript|vbscript|data):")
# What a browser runs (HTML's "prepare the script element"): no type, a JavaScript MIME type,
# a module; an import map or speculation rules change what it loads. Any other type
# (application/ld+json, application/json) is a data block, which it never runs.
JAVASCRIPT_TYPES = frozenset({
    "application/ecmascript", "application/javascript", "application/x-ecmascript",
    "application/x-javascript", "text/ecmascript", "text/javascript", "text/javascript1.0",
    "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
    "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript", "text/x-javascript"})
ACTIVE_TYPES = frozenset({"module", "importmap", "speculationrules"})
POLICY = "content-security-policy"
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TAG = re.compile(
    r"<([a-zA-Z][\w:-]*)((?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)\s*/?>")
_ATTRIBUTE = re.compile(r"([^\s\"'>/=]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?")
_SCRIPT_END = re.compile(r"</script\s*>", re.IGNORECASE)
# Tags with none of these attributes cannot matter to the audit; most tags are skipped unread.
_RELEVANT = re.compile(r"\s(?:id|name|href|src|srcset|action|formaction|poster|data|cite|"
                       r"background|xlink:href|http-equiv|on[\w-]+)\s*=", re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    offset: int
    text: str
    attribute: str = ""


@dataclass
class Page:
    """What the audit keeps of a page: no text (at 10,000 pages that would be 300 MB)."""

    ids: set[str] = field(default_factory=set)
    links: list[Found] = field(default_factory=list)        # internal or external URLs
    script_urls: list[Found] = field(default_factory=list)  # javascript:, data:, vbscript:
    events: list[Found] = field(default_factory=list)        # on* attributes
    scripts: list[Found] = field(default_factory=list)       # inline executable scripts
    script_sources: list[Found] = field(default_factory=list)
    images_without_alt: list[Found] = field(default_factory=list)
    policies: list[Found] = field(default_factory=list)      # <meta http-equiv=Content-Security-Policy>


def script_hash(script: str) -> str:
    """The CSP source that admits one inline script: its text's SHA-256 hash."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def admitted(policy: str) -> set[str]:
    """The hashes a policy's script-src admits."""
    for directive in policy.split(";"):
        name, _, sources = directive.strip().partition(" ")
        if name.lower() == "script-src":
            return {source for source in sources.split() if source.startswith("'sha256-")}
    return set()


def executable(values: dict[str, str]) -> bool:
    """Whether a browser would run a <script> with these attributes (or load what it names)."""
    kind = values.get("type")
    if kind is None or not kind.strip():
        language = values.get("language", "").strip()
        return not language or f"text/{language}".lower() in JAVASCRIPT_TYPES
    kind = kind.strip().lower()
    return kind.split(";", 1)[0].strip() in JAVASCRIPT_TYPES or kind in ACTIVE_TYPES


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset in a page's text."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def scheme_of(url: str) -> str:
    return _INVISIBLE.sub("", html.unescape(url)).lower()


def _attributes(text: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(text):
        raw = match.group(2) or ""
        if raw[:1] in ("'", '"'):
            raw = raw[1:-1]
        values.setdefault(match.group(1).lower(), html.unescape(raw))
    return values


def _tag(page: Page, name: str, values: dict[str, str], offset: int) -> None:
    for attribute, value in values.items():
        if attribute in ("id", "name") and value:
            page.ids.add(value)
        elif attribute.startswith("on"):
            page.events.append(Found(offset, value, attribute))
        if attribute in URL_ATTRIBUTES or attribute == "srcset":
            if SCRIPT_URL.match(scheme_of(value)):
                page.script_urls.append(Found(offset, value[:60], attribute))
            elif name != "script" and attribute != "srcset":
                page.links.append(Found(offset, value, attribute))
    if name == "img" and not values.get("alt", "").strip() and values.get("role") != "presentation":
        page.images_without_alt.append(Found(offset, values.get("src", ""), "alt"))
    if name == "meta" and values.get("http-equiv", "").strip().lower() == POLICY:
        page.policies.append(Found(offset, values.get("content", ""), "content"))


def read_page(text: str) -> Page:
    if "<!--" in text:
        text = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    page = Page()
    at = 0
    while True:
        match = _TAG.search(text, at)
        if match is None:
            return page
        name = match.group(1).lower()
        at = match.end()
        raw = match.group(2) or ""
        if name not in ("img", "script") and not _RELEVANT.search(raw):
            continue
        values = _attributes(raw)
        _tag(page, name, values, match.start())
        if name == "script":
            end = _SCRIPT_END.search(text, at)
            stop = end.start() if end else len(text)
            if "src" in values:
                page.script_sources.append(Found(match.start(), values["src"], "src"))
            elif executable(values):
                page.scripts.append(Found(match.start(), text[at:stop]))
            at = end.end() if end else len(text)
