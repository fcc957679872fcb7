"""Active content in contributed Markdown: whatever active_content.py's allow-list does not
know to be inert (elements, attributes, URL schemes), and references to characters that
are not text.

The scan reads the Markdown source (not the rendered HTML) so each finding keeps its
line. Code spans and fenced code are blanked first: there, markup is shown, not run.
Only code that Python-Markdown (with the site's extensions) certainly treats as code is
blanked (see _safe_code); anything doubtful is scanned, so at worst shown markup is
reported, never markup that runs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator

from ..load.characters import NOT_TEXT, why_refused
from ..load.text import LineIndex
from ..load.yamldoc import Document, Path_
from ..messages import say
from .active_content import HTML_ELEMENTS, URL_ATTRIBUTES, html_attribute_allowed, unsafe_scheme

_FENCED = re.compile(r"^( {0,3})(`{3,}|~{3,}).*?(?:^\1?\2[`~]*[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
# Every pattern below either fails within a line or, once started, cannot fail (optional
# closing parts): a failed match that had scanned to the end of the text, retried from
# each later start, would take quadratic time on a hostile 1 MB file.
_TAG = re.compile(r"<[A-Za-z][^<>]*>", re.DOTALL)
# A start tag as a browser reads it: a quoted value may hold '>' (an unclosed quote runs on).
_QUOTED_TAG = re.compile(r"<[A-Za-z][^\s/>\"']*(?:\"[^\"]*\"?|'[^']*'?|[^>\"'])*>?")
_TAG_NAME = re.compile(r"<([A-Za-z][^\s/>]*)")
# An attribute as a browser splits a tag: a name, then perhaps = and a value.
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=][^\s"'<>/=]*)(?:\s*=\s*("[^"]*"?|'[^']*'?|[^\s>]*))?""")
# What Python-Markdown makes a link, not raw HTML: <http://...>, <ftp://...>, <a@b.c>.
_AUTOLINK = re.compile(r"<(?:(?:[Ff]|[Hh][Tt])[Tt][Pp][Ss]?://[^<>]*|[^<> !]+@[^@<> ]+)>\Z")
_ENTITY = re.compile(r"&#(?:[xX]([0-9A-Fa-f]{1,8})|([0-9]{1,10}));?")
_MD_URLS = (
    re.compile(r"\]\(\s*<?([^)\s>]*)"),                      # [text](url) and ![alt](url)
    re.compile(r"\]\(\s*<([^>\n]*)"),                        # [text](<url with spaces>)
    re.compile(r"\[[^\[\]]+\]:\s*<?(\S+)"),                   # [ref]: url, also in > and lists
    re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*)>"),   # <scheme:...>
)
# attr_list's {: key=value } sets attributes on the element before it, links included.
_ATTR_LIST = re.compile(r"\{[^}\n]*\}?")
# A name holds none of the characters that may start one (else `{::::...` is quadratic);
# `xlink:href=` is read as `href=`, which is checked as a URL.
_ATTR_PAIR = re.compile(r"""[\s{:]([^\s"'<>/={}:]++)\s*=\s*("[^"]*"?|'[^']*'?|[^\s}]*)""")

# What Python-Markdown certainly renders as code (pymdownx.superfences, inline backticks).
_FENCE_OPEN = re.compile(r"^(`{3,}|~{3,})[ \t]*(?:\.?[\w#.+-]+)?[ \t]*\r?$", re.MULTILINE)
_FENCE_CLOSE = re.compile(r"^(`{3,}|~{3,})[ \t]*\r?$", re.MULTILINE)
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_TICKS = re.compile(r"`+")
_HTML_START = re.compile(r"^ {0,3}<([A-Za-z][A-Za-z0-9-]*|!--|[!?])", re.MULTILINE)
_HTML_TAG_NAME = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])")


def _blank(match: re.Match[str] | str) -> str:
    return re.sub(r"[^\n]", " ", match if isinstance(match, str) else match.group(0))


def _code_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each code span as the pattern (`+)(?!`)(.+?)(?<!`)\\1(?!`) finds
    them, in linear time: that pattern retried from each backtick is quadratic.

    A run of n backticks opens a span closed by the next run of exactly n; failing that,
    the regex would retry inside the run, where its last n-1, n-2 ... backticks open a
    span closed by a run of that length."""
    if "`" not in text:  # a scan in C: most entries have no code
        return
    runs = [(match.start(), match.end() - match.start()) for match in _TICKS.finditer(text)]
    starts: dict[int, list[int]] = defaultdict(list)
    for start, length in runs:
        starts[length].append(start)
    done = 0
    for start, length in runs:
        if start < done:
            continue
        for size in range(length, 0, -1):
            same = starts.get(size, [])
            index = bisect_right(same, start + length - 1)
            if index < len(same):
                done = same[index] + size
                yield start + length - size, done
                break


def without_code(text: str) -> str:
    """The text with fenced code and code spans blanked, keeping every line and column."""
    text = _FENCED.sub(_blank, text)
    pieces, done = [], 0
    for start, end in _code_spans(text):
        pieces += [text[done:start], _blank(text[start:end])]
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of non-blank lines: Markdown's paragraphs never cross one."""
    start = 0
    for gap in _BLANK_LINE.finditer(text):
        yield start, gap.start() + 1
        start = gap.end() - 1
    yield start, len(text)


def _blank_fences(text: str) -> str:
    """Fenced code blanked: a fence at the margin with at most a language after it,
    closed by a line holding the very same fence (pymdownx.superfences refuses other
    headers or indents, and an unclosed fence is not code)."""
    if "```" not in text and "~~~" not in text:  # no fence can open: a scan in C
        return text
    closings: dict[str, list[int]] = defaultdict(list)  # fence -> where lines of it alone end
    for line in _FENCE_CLOSE.finditer(text):
        closings[line.group(1)].append(line.end())
    pieces, done = [], 0
    for opening in _FENCE_OPEN.finditer(text):
        if opening.start() < done:
            continue
        ends = closings.get(opening.group(1), [])
        index = bisect_right(ends, opening.end())
        if index == len(ends):
            continue
        pieces += [text[done:opening.start()], _blank(text[opening.start():ends[index]])]
        done = ends[index]
    pieces.append(text[done:])
    return "".join(pieces)


def _raw_html_until(text: str, start: int, opener: str) -> int:
    """Where a raw HTML block opened at `start` certainly ends (its closing tag's line)."""
    if opener == "!--":
        close = text.find("-->", start)
        return len(text) if close < 0 else close
    if opener in ("!", "?"):
        return start
    name, depth = opener.lower(), 0
    for tag in _HTML_TAG_NAME.finditer(text, start):
        if tag.group(2).lower() == name:
            depth += -1 if tag.group(1) else 1
            if depth <= 0:
                return tag.start()
    return len(text)


def _clean_spans(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """A block's code spans, when their pairing is beyond doubt: backtick runs that pair
    up in order, each pair of equal length on one line, no backslash before a run.
    Python-Markdown pairs an opening run with the next run of the same length, so these
    are its spans however it splits the block (headers, list items split at lines)."""
    runs = list(_TICKS.finditer(text, start, end))
    if len(runs) % 2:
        return None
    spans = []
    for opening, closing in zip(runs[::2], runs[1::2], strict=True):
        if (len(opening.group(0)) != len(closing.group(0))
                or "\n" in text[opening.end():closing.start()]
                or text[opening.start() - 1:opening.start()] == "\\"
                or text[closing.start() - 1:closing.start()] == "\\"):
            return None
        spans.append((opening.start(), closing.end()))
    return spans


def _raw_html(text: str) -> list[tuple[int, int]]:
    """(start, end) of the raw HTML blocks, in order and apart."""
    raw: list[tuple[int, int]] = []
    for opening in _HTML_START.finditer(text):
        if not raw or opening.start() > raw[-1][1]:
            raw.append((opening.start(), _raw_html_until(text, opening.start(), opening.group(1))))
    return raw


def _safe_code(text: str) -> str:
    """The text with the code that Python-Markdown certainly renders as code blanked:
    fences (_blank_fences), and backtick spans when _clean_spans vouches for their
    pairing, outside raw HTML blocks (where backticks are plain characters)."""
    text = _blank_fences(text)
    raw = iter(_raw_html(text))
    html_block = next(raw, None)
    pieces, done = [], 0
    for start, end in _blocks(text):
        while html_block is not None and html_block[1] < start:
            html_block = next(raw, None)
        if html_block is not None and html_block[0] < end:
            continue
        for low, high in _clean_spans(text, start, end) or ():
            pieces.append(text[done:low])
            pieces.append(re.sub(r"[^\n]", " ", text[low:high]))
            done = high
    pieces.append(text[done:])
    return "".join(pieces)


def _tags(text: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of each start tag: up to the next '>', and as a browser reads it."""
    for pattern in (_TAG, _QUOTED_TAG):
        for tag in pattern.finditer(text):
            yield tag.start(), tag.group(0)


def _attributes(tag: str, name_end: int) -> Iterator[tuple[int, str, str | None]]:
    """(offset in tag, lowercased name, raw value or None) of each attribute of a start tag."""
    for found in _ATTRIBUTE.finditer(tag, name_end):
        yield found.start(1), found.group(1).lower(), found.group(2)


def _attribute_finding(element: str, name: str, value: str | None) -> tuple[str, str] | None:
    if name.startswith("on"):
        return "unsafe-attribute", say("unsafe-attribute", name=name)
    if element in HTML_ELEMENTS and not html_attribute_allowed(element, name):
        return "unsafe-attribute", say("unsafe-attribute.other", name=name, element=f"<{element}>")
    scheme = unsafe_scheme(value.strip("\"'")) if value and name in URL_ATTRIBUTES else None
    if scheme:
        return "unsafe-link", say("unsafe-link", scheme=scheme)
    return None


def _tag_findings(start: int, tag: str) -> Iterator[tuple[int, str, str]]:
    if _AUTOLINK.match(tag):
        return  # a link, whose address _MD_URLS checks
    name = _TAG_NAME.match(tag)
    if name is None:
        return
    element = name.group(1).lower()
    if element not in HTML_ELEMENTS:
        yield start, "unsafe-html", say("unsafe-html", name=element)
    for offset, attribute, value in _attributes(tag, name.end()):
        found = _attribute_finding(element, attribute, value)
        if found is not None:
            yield start + offset, *found


def _attribute_list_findings(start: int, text: str) -> Iterator[tuple[int, str, str]]:
    """attr_list's {: key=value } sets attributes on the element before it."""
    for pair in _ATTR_PAIR.finditer(text):
        name, value = pair.group(1).lower(), pair.group(2)
        if name.startswith("on"):
            yield start + pair.start(1), "unsafe-attribute", say("unsafe-attribute", name=name)
        elif not any(html_attribute_allowed(element, name) for element in HTML_ELEMENTS):
            yield start + pair.start(1), "unsafe-attribute", say(
                "unsafe-attribute.other", name=name, element="any element")
        elif name in URL_ATTRIBUTES and (scheme := unsafe_scheme(value.strip("\"'"))):
            yield start + pair.start(1), "unsafe-link", say("unsafe-link", scheme=scheme)


def _entity_findings(text: str) -> Iterator[tuple[int, str, str]]:
    """A character reference (&#x202E;) to a character that is not text."""
    for found in _ENTITY.finditer(text):
        number = int(found.group(1), 16) if found.group(1) else int(found.group(2))
        char = chr(number) if number <= 0x10FFFF else "\ufffd"
        if NOT_TEXT.match(char):
            yield found.start(), "control-character", why_refused(char)


def _findings(text: str) -> Iterator[tuple[int, str, str]]:
    for start, tag in _tags(text):
        yield from _tag_findings(start, tag)
    for match in _ATTR_LIST.finditer(text):
        yield from _attribute_list_findings(match.start(), match.group(0))
    for pattern in _MD_URLS:
        for match in pattern.finditer(text):
            scheme = unsafe_scheme(match.group(1))
            if scheme:
                yield match.start(1), "unsafe-link", say("unsafe-link", scheme=scheme)
    if "&#" in text:
        yield from _entity_findings(text)


def unsafe_content(text: str, first_line: int = 1, first_col: int = 1) -> list[tuple[int, int, str, str]]:
    """(line, col, code, message) for each piece of active content in Markdown text."""
    if "<" not in text and "{" not in text and "]" not in text and "&#" not in text:
        return []  # no tag, attribute list, link or reference: nothing can be active (most text)
    scanned = _safe_code(text)
    found = []
    lines = LineIndex(scanned)
    for offset, code, message in _findings(scanned):
        line, col = lines.at(offset)
        found.append((line + first_line - 1, col + (first_col - 1 if line == 1 else 0), code, message))
    return sorted(set(found))


def unsafe_in_field(document: Document, at: Path_, text: str) -> list[tuple[int, int, str, str]]:
    """unsafe_content of a YAML field's Markdown text, placed in the file: exactly when the
    text stands in the file unchanged, else at the field (folding and escapes move text)."""
    found = unsafe_content(text)
    origin = document.text_at.get(at)
    if origin is not None:
        return [(origin[0] + line - 1, origin[1] + col - 1, code, message)
                for line, col, code, message in found]
    line, col = document.where(at)
    return sorted({(line, col, code, message) for _, _, code, message in found})
