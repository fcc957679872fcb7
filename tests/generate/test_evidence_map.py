"""The evidence map's list of thin evidence reads as one list: each item a principle and a
stage, linked to that stage on the principle's page (no number that Markdown takes for a
numbered list of its own)."""

from __future__ import annotations

import re

import markdown

from goldenthread.assemble import assemble
from goldenthread.generate.evidence_map import evidence_map_page
from goldenthread.generate.relations import relate
from goldenthread.validation import validate

from ..conftest import REPO


def test_the_thin_evidence_list_is_one_flat_list_of_links() -> None:
    kb = assemble(validate(REPO).sources)
    page = evidence_map_page(kb, relate(kb))
    section = page.split("## Where the evidence is thin", 1)[1]
    html = markdown.markdown(section)
    items = re.findall(r"<li>(.*?)</li>", html, re.DOTALL)
    assert items and "<ol>" not in html and "<ul>" not in "".join(items)
    stages = {s.name for s in kb.dimension("stages").items}
    for item in items:
        link = re.fullmatch(r'<a href="\.\./principles/([a-z-]+)\.md#stage-([a-z]+)">'
                            r"Principle \d, [^<]+</a>: (\w+)", item)
        assert link, item
        assert link.group(3) in stages and link.group(2) == link.group(3).lower()
