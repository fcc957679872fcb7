"""The home page: the Trust's own words, four ways in, and what is new."""

from __future__ import annotations

import re

from goldenthread.assemble import assemble
from goldenthread.generate.home import NEWEST, home_page
from goldenthread.validation import validate

from ..conftest import REPO


def test_the_home_page_shows_the_ways_in_and_what_is_new() -> None:
    kb = assemble(validate(REPO).sources)
    page = home_page(kb, (REPO / "docs" / "_text" / "index.md").read_text("utf-8"))
    cards = page.split('<div class="grid cards', 1)[1].split("</div>", 1)[0]
    assert re.findall(r"\*\*\[[^]]+\]\(([^)]+)\)\*\*", cards) == [
        "framework/index.md", "library/index.md", "research/index.md", "contributing/index.md"]
    newest = sorted((t for t in kb.titles if t.added), key=lambda t: (t.added, t.id), reverse=True)[:NEWEST]
    library = page.split("## New in the library", 1)[1].split("##", 1)[0]
    assert re.findall(r"\]\((library/[^)]+)\)", library) == [f"library/{t.id}.md" for t in newest]
    year = max(e.year for e in kb.entries)
    research = page.split(f"## New action research ({year})", 1)[1].split("##", 1)[0]
    shown = [e for e in kb.entries if e.year == year][:NEWEST]
    assert all(f"research/{year}/{e.id}.md" in research for e in shown)
    assert research.count("(an illustrative example)") == sum(e.example for e in shown)
    assert "<!-- what is new -->" not in page and "upstreaming" in page
