"""Input that validate passes but that looks like markup reaches the built site as typed:
the page's <title>, Material's header topic and the body show the title's characters,
nothing breaks out of its context, and every XML file the site serves is well-formed."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path

from goldenthread.check.ids import LONGEST_NAME
from goldenthread.mkdocs_plugin.build import build

from ..conftest import REPO
from .test_build import copy_repository

TITLES = {  # record id -> its title, as a teacher might type it
    "title-breaking-out": "</title><script>alert(1)</script> Learning",
    "a-less-than-b": 'A < B & "C" in Practice',
    "entities-typed": "&lt;script&gt; and &amp; in Titles",
    "isolates-kept": "Teaching \u2066\u05e2\u05d1\u05e8\u05d9\u05ea\u2069 Words",
    "quotes-in-title": "Why 'Retrieval' Works: \"Q&A\"",
    "the-longest-name-a-record-may-have-" + "x" * (LONGEST_NAME - len(".yaml") - 35): "A Long Name",
}


def _record(title: str, isbn_free_text: str) -> str:
    text = (REPO / "library/titles/make-it-stick.yaml").read_text("utf-8")
    text = re.sub(r"(?m)^title: .*$", "title: " + _quoted(title), text, count=1)
    text = re.sub(r'(?m)^isbn: .*\n', "", text)
    return re.sub(r"(?m)^subtitle: .*\n", f"subtitle: {isbn_free_text}\n", text)


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.title = ""
        self.topic: list[str] = []
        self.scripts: list[dict[str, str | None]] = []
        self._in_topic = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "script":
            self.scripts.append(attributes)
        if "md-header__topic" in (attributes.get("class") or "") and attributes.get("data-md-component"):
            self._in_topic = 1
        elif self._in_topic:
            self._in_topic += 1
        self.stack.append((tag, attributes.get("class") or ""))

    def handle_endtag(self, tag: str) -> None:
        if self._in_topic:
            self._in_topic -= 1
        if self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] == "title":
            self.title += data
        if self._in_topic and data.strip():
            self.topic.append(data.strip())


def test_titles_that_look_like_markup_show_as_typed(tmp_path: Path) -> None:
    root = copy_repository(tmp_path / "repo")
    for ident, title in TITLES.items():
        (root / "library/titles" / f"{ident}.yaml").write_text(_record(title, "A subtitle"), "utf-8")
    entries = sorted((root / "research").glob("20*/*.md"))
    entry = next(path for path in entries if not path.name.startswith("_"))
    name = "an-entry-with-the-longest-name-" + "y" * (LONGEST_NAME - len(".md") - 31)
    longest = entry.with_name(name + ".md")
    entry.rename(longest)
    if entry.with_suffix(".bib").exists():
        entry.with_suffix(".bib").rename(longest.with_suffix(".bib"))
    result = build(root, tmp_path / "site")
    assert result.site is not None, result.problems  # validate and the build's own audit pass
    site = tmp_path / "site"
    for ident, title in TITLES.items():
        page = _Page()
        page.feed((site / "library" / ident / "index.html").read_text("utf-8"))
        full = f"{title}: A subtitle"
        assert page.title.startswith(full + " - "), (page.title, full)
        assert full in page.topic or title in page.topic, (page.topic, full)
        assert "alert(1)</script>" not in (site / "library" / ident / "index.html").read_text("utf-8")
    offprint = site / longest.relative_to(root).with_suffix("") / longest.with_suffix(".pdf").name
    assert offprint.is_file() and len(longest.name) == LONGEST_NAME
    _every_xml_file_is_well_formed(site)


def _every_xml_file_is_well_formed(site: Path) -> None:
    xml = [path for path in site.rglob("*") if path.suffix in (".xml", ".svg", ".atom", ".rss")]
    assert any(path.name == "feed.xml" for path in xml) and any(path.name == "sitemap.xml" for path in xml)
    for path in xml:
        ElementTree.parse(path)  # raises on anything not well-formed
