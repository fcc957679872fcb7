"""What the audit needs to know of one HTML page: its ids, links, scripts, images, events."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "cite", "background",
                  "xlink:href"}
SCRIPT_URL = re.compile(r"^(javascript|vbscript|data):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


@dataclass(frozen=True)
class Found:
    line: int
    col: int
    text: str
    attribute: str = ""


@dataclass
class Page:
    ids: set[str] = field(default_factory=set)
    links: list[Found] = field(default_factory=list)        # internal or external URLs
    script_urls: list[Found] = field(default_factory=list)  # javascript:, data:, vbscript:
    events: list[Found] = field(default_factory=list)        # on* attributes
    scripts: list[Found] = field(default_factory=list)       # inline executable scripts
    script_sources: list[Found] = field(default_factory=list)
    images_without_alt: list[Found] = field(default_factory=list)


def scheme_of(url: str) -> str:
    return _INVISIBLE.sub("", html.unescape(url)).lower()


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._script: tuple[int, int, str] | None = None
        self._script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, col = self.getpos()
        values = {name.lower(): value or "" for name, value in attrs}
        for name, value in values.items():
            if name in ("id", "name") and value:
                self.page.ids.add(value)
            if name.startswith("on"):
                self.page.events.append(Found(line, col + 1, value, name))
            if name in URL_ATTRIBUTES or name == "srcset":
                if SCRIPT_URL.match(scheme_of(value)):
                    self.page.script_urls.append(Found(line, col + 1, value[:60], name))
                elif tag != "script" and name != "srcset":
                    self.page.links.append(Found(line, col + 1, value, name))
        if tag == "img" and not values.get("alt", "").strip() and values.get("role") != "presentation":
            self.page.images_without_alt.append(Found(line, col + 1, values.get("src", ""), "alt"))
        if tag == "script":
            kind = values.get("type", "").lower()
            if "src" in values:
                self.page.script_sources.append(Found(line, col + 1, values["src"], "src"))
            elif kind in ("", "text/javascript", "module", "application/javascript"):
                self._script = (line, col + 1, kind)
                self._script_text = []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            line, col, _ = self._script
            self.page.scripts.append(Found(line, col, "".join(self._script_text)))
            self._script = None


def read_page(text: str) -> Page:
    reader = _Reader()
    reader.feed(text)
    reader.close()
    return reader.page
