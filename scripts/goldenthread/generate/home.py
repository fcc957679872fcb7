"""The home page: the hand-written text (docs/_text/index.md), with what is new in the
library and the research where it says `<!-- what is new -->`."""

from __future__ import annotations

from ..cite.people import listed
from ..model import KnowledgeBase
from ..paths import entry_page, relative, title_page
from .text import long_date, md

PAGE = "index.md"
MARKER = "<!-- what is new -->"
NEWEST = 5  # titles and entries each


def _day(iso: str) -> str:
    """'2026-07-01' -> '1 July 2026'."""
    return long_date(iso)


def what_is_new(kb: KnowledgeBase) -> str:
    titles = sorted((t for t in kb.titles if t.added), key=lambda t: (t.added, t.id), reverse=True)[:NEWEST]
    text = ""
    if titles:
        text += "## New in the library\n\n" + "".join(
            f"- [{md(t.full_title)}]({relative(PAGE, title_page(t))}), {md(listed(t.authors))} "
            f"({t.year}), added {_day(t.added)}\n" for t in titles) + "\n"
    year = max((e.year for e in kb.entries), default=None)
    entries = [e for e in kb.entries if e.year == year][:NEWEST]
    if entries:
        text += f"## New action research ({year})\n\n" + "".join(
            f"- [{md(e.title)}]({relative(PAGE, entry_page(e))})"
            f"{' (an illustrative example)' if e.example else ''}\n" for e in entries) + "\n"
        more = len([e for e in kb.entries if e.year == year]) - len(entries)
        if more > 0:
            text += f"[All {year}'s action research]({relative(PAGE, f'research/{year}/index.md')})\n\n"
    return text


def home_page(kb: KnowledgeBase, text: str) -> str:
    if MARKER in text:
        return text.replace(MARKER, what_is_new(kb).rstrip("\n"), 1)
    return text.rstrip("\n") + "\n\n" + what_is_new(kb)
