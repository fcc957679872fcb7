"""The one rule for active content in what the site serves: an allow-list of elements,
attributes and URL schemes, applied to names and values as a browser reads them (entities
decoded, tabs and newlines dropped from URLs, namespaces resolved). Whatever is not known
to be inert is refused. markdown_safety.py applies it to Markdown and the HTML in it,
svg_safety.py to SVG images.
"""

from __future__ import annotations

import html
import re

# HTML elements contributed text may use: text-level and block markup, tables, images.
# No script, style, form, frame, embedding, metadata or SVG/MathML element.
HTML_ELEMENTS = frozenset("""
a abbr b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt em
figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q rp rt ruby s samp small
span strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr
""".split())
# Attributes any allowed element may carry (attr_list's `{: ... }` sets these too).
HTML_GLOBAL = frozenset("""
class id title lang dir hidden translate role tabindex markdown
""".split())
HTML_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset("href hreflang rel target name type download".split()),
    "img": frozenset("src alt width height loading decoding".split()),
    "ol": frozenset("start type reversed".split()),
    "li": frozenset(["value"]),
    "td": frozenset("colspan rowspan headers align".split()),
    "th": frozenset("colspan rowspan headers scope abbr align".split()),
    "col": frozenset(["span"]), "colgroup": frozenset(["span"]),
    "time": frozenset(["datetime"]),
    "del": frozenset("cite datetime".split()), "ins": frozenset("cite datetime".split()),
    "q": frozenset(["cite"]), "blockquote": frozenset(["cite"]),
    "details": frozenset(["open"]),
    "bdo": frozenset(["dir"]),
}
# Attributes whose value is a URL, in HTML and SVG alike.
URL_ATTRIBUTES = frozenset("href src cite xlink:href".split())
SAFE_SCHEMES = frozenset(["http", "https", "mailto"])

# Schemes that run or smuggle content: refused also when spaces or controls are scattered
# through them, which some browsers (and older ones) have skipped.
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")
_ANY_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_ARIA = re.compile(r"aria-[a-z]+\Z")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_DROPPED = re.compile(r"[\t\n\r]")       # the URL parser removes these anywhere
_ENDS = "".join(map(chr, range(0x21)))   # and strips C0 controls and spaces at either end


def html_attribute_allowed(element: str, attribute: str) -> bool:
    name = attribute.lower()
    return (name in HTML_GLOBAL or bool(_ARIA.match(name))
            or name in HTML_ATTRIBUTES.get(element.lower(), frozenset()))


def url_as_browser_reads(value: str) -> str:
    """An attribute's URL as a browser resolves it: entities decoded, tabs and newlines
    dropped, controls and spaces stripped at the ends, Markdown's backslashes gone."""
    return _DROPPED.sub("", html.unescape(value)).strip(_ENDS).replace("\\", "")


def unsafe_scheme(value: str) -> str | None:
    """The scheme of a URL that is not http, https or mailto ('javascript:'), else None
    (a relative URL, a fragment or a safe scheme)."""
    seen = url_as_browser_reads(value)
    found = _SCHEME.match(seen)
    if found is not None and found.group(1).lower() not in SAFE_SCHEMES:
        return found.group(1).lower() + ":"
    collapsed = _ANY_INVISIBLE.sub("", seen).lower()
    return next((scheme for scheme in SCRIPT_SCHEMES if collapsed.startswith(scheme)), None)
