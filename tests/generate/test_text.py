"""Front matter that Material prints as HTML, unescaped, reads back as the text it was:
the oracle renders it with Material's own template lines and parses the page."""

from __future__ import annotations

from html.parser import HTMLParser

import jinja2
import pytest
import yaml

from goldenthread.generate.text import front_matter

# The lines of Material's base.html and partials/header.html that print these fields.
MATERIAL = jinja2.Environment().from_string(
    '<meta name="description" content="{{ page.meta.description }}">'
    '<meta name="author" content="{{ page.meta.author }}">'
    "<title>{{ page.meta.title }} - Golden Thread</title>"
    '<div class="md-header__topic"><span class="md-ellipsis">{{ page.meta.title }}</span></div>')


class _Read(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.text: dict[str, str] = {}
        self.tags: list[str] = []
        self._in = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        attributes = dict(attrs)
        if tag == "meta":
            self.meta[attributes.get("name") or ""] = attributes.get("content") or ""
        self._in = tag

    def handle_endtag(self, tag: str) -> None:
        self._in = ""

    def handle_data(self, data: str) -> None:
        self.text[self._in] = self.text.get(self._in, "") + data


VALUES = ['A < B & "C"', "</title><script>alert(1)</script>", "&lt;b&gt; typed as entities",
          "It's \"quoted\" > 'twice'", '"><img src=x onerror=alert(1)>', "Plain words", "&amp;&#106;",
          "</span></div><script>x</script>", "Teaching \u2066\u05e2\u05d1\u05e8\u05d9\u05ea\u2069"]


@pytest.mark.parametrize("value", VALUES)
def test_what_material_prints_reads_back_as_typed(value: str) -> None:
    text = front_matter(title=value, description=value, author=value)
    meta = yaml.safe_load(text.split("---\n")[1])
    page = _Read()
    page.feed(MATERIAL.render(page={"meta": meta}))
    assert page.text["title"] == f"{value} - Golden Thread"
    assert page.text["span"] == value
    assert page.meta["description"] == value and page.meta["author"] == value
    assert page.tags == ["meta", "meta", "title", "div", "span"]  # nothing broke out


def test_other_fields_stay_data_for_our_template_to_escape() -> None:
    meta = yaml.safe_load(front_matter(robots="noindex <x>", feeds=[{"title": "a < b"}]).split("---\n")[1])
    assert meta == {"robots": "noindex <x>", "feeds": [{"title": "a < b"}]}
