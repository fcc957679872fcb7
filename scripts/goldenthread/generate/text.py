"""Putting data into Markdown and HTML safely: every value is escaped for where it goes."""

from __future__ import annotations

import datetime
import html
import json
import re
from collections.abc import Iterable

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~])")


def md(text: str) -> str:
    """Plain text as Markdown that renders to exactly that text (no markup, no raw HTML)."""
    return _MD_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;").replace("<", "&lt;"))


def attr(text: str) -> str:
    """Text for an HTML attribute value or element content."""
    return html.escape(text, quote=True)


# Front matter fields that MkDocs and Material print into the page unescaped, as HTML (a
# page's title is HTML to MkDocs: it takes it from the rendered heading, entities and all):
# the <title> and the header's topic (element text), <meta name="description"> and
# <meta name="author"> (attribute values). Each is escaped here for where it lands.
# Every other field is data our own template (base/_theme/main.html) escapes itself.
HTML_FIELDS = {"title": False, "description": True, "author": True}  # name -> escape quotes too


def front_matter(**fields: object) -> str:
    """YAML front matter; values as JSON, which YAML reads as the same strings and lists,
    with the fields the theme prints as HTML escaped (HTML_FIELDS)."""
    lines = [f"{key}: {json.dumps(_for_theme(key, value), ensure_ascii=False)}"
             for key, value in fields.items() if value not in (None, "", [], ())]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def _for_theme(key: str, value: object) -> object:
    if key in HTML_FIELDS and isinstance(value, str):
        return html.escape(value, quote=HTML_FIELDS[key])
    return value


def join_words(items: Iterable[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    words = list(items)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def fenced(code: str, language: str = "") -> str:
    """A fenced code block whose fence is longer than any backtick run inside it."""
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language}\n{code.rstrip()}\n{fence}\n"


def long_date(iso: str) -> str:
    """A date as every page shows it: '2026-07-01' -> '1 July 2026'."""
    moment = datetime.date.fromisoformat(iso)
    return f"{moment.day} {moment:%B} {moment.year}"
