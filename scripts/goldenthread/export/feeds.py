"""Atom feeds (RFC 4287) that tell a reader what is new: the library's newest titles (by the
day each was added) and the newest action research (by year).

With site_url set, ids and links are absolute URLs; without, links are relative to the
feed (Atom resolves them against the feed's own address) and ids are `urn:uuid:` names
made from the page's path, the same on every build.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ..model import Entry, KnowledgeBase, Title
from ..paths import entry_page, offprint, relative, title_page, url_of
from ..settings import Settings

ATOM = "http://www.w3.org/2005/Atom"
LIBRARY_FEED = "library/feed.xml"
RESEARCH_FEED = "research/feed.xml"
FEED_SIZE = 50  # entries in a feed: the newest


@dataclass(frozen=True)
class Item:
    page: str  # docs-relative Markdown page
    title: str
    updated: str  # RFC 3339
    authors: tuple[str, ...]
    summary: str
    categories: tuple[str, ...]
    enclosure: str = ""  # docs-relative file (an entry's offprint)


def _path(target: str) -> str:
    """The site-relative URL of a page (docs-relative .md) or file."""
    return url_of(target) if target.endswith(".md") else target


def _id(settings: Settings, target: str) -> str:
    path = _path(target)
    return settings.absolute(path) or f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'goldenthread:' + path)}"


def _href(settings: Settings, feed: str, target: str) -> str:
    """A link from the feed to a page or file."""
    path = _path(target)
    if settings.site_url:
        return settings.absolute(path)
    return relative(feed, path.rstrip("/") or ".") + ("/" if path.endswith("/") else "")


def _feed(settings: Settings, feed: str, page: str, title: str, items: list[Item]) -> str:
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": settings.identity.locale})

    def add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
        child = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        child.text = text
        return child

    add(root, "id", _id(settings, feed))
    add(root, "title", f"{settings.short_name}: {title}")  # a feed reader lists it in a narrow column
    add(root, "updated", max((item.updated for item in items), default="2000-01-01T00:00:00Z"))
    add(root, "link", rel="alternate", type="text/html", href=_href(settings, feed, page))
    if settings.site_url:
        add(root, "link", rel="self", type="application/atom+xml", href=settings.absolute(feed))
    add(add(root, "author"), "name", settings.trust_name)
    add(root, "generator", "goldenthread")
    for item in items:
        entry = add(root, "entry")
        add(entry, "id", _id(settings, item.page))
        add(entry, "title", item.title)
        add(entry, "updated", item.updated)
        add(entry, "link", rel="alternate", type="text/html", href=_href(settings, feed, item.page))
        if item.enclosure:
            add(entry, "link", rel="enclosure", type="application/pdf",
                href=_href(settings, feed, item.enclosure))
        for name in item.authors:
            add(add(entry, "author"), "name", name)
        for category in item.categories:
            add(entry, "category", term=category)
        if item.summary:
            add(entry, "summary", item.summary, type="text")
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=False).join(
        ('<?xml version="1.0" encoding="utf-8"?>\n', "\n"))


def _title_item(title: Title, topics: dict[str, str]) -> Item:
    return Item(title_page(title), title.full_title, f"{title.added}T00:00:00Z", title.authors,
                " ".join(title.summary.split()), tuple(topics[t] for t in title.topics))


def library_feed(kb: KnowledgeBase, settings: Settings) -> str:
    """The library's newest titles: those with `added`, the newest first."""
    topics = {t.id: t.name for t in kb.topics}
    added = sorted((t for t in kb.titles if t.added), key=lambda t: (t.added, t.id), reverse=True)
    items = [_title_item(title, topics) for title in added[:FEED_SIZE]]
    return _feed(settings, LIBRARY_FEED, "library/index.md", "new titles in the library", items)


def _entry_item(entry: Entry, topics: dict[str, str]) -> Item:
    # An entry has a year, not a day: it is dated the first of January of its year.
    title = entry.title.strip() + (" (illustrative example)" if entry.example else "")
    return Item(entry_page(entry), title, f"{entry.year}-01-01T00:00:00Z",
                tuple(a.name for a in entry.authors), " ".join(entry.abstract.split()),
                tuple(topics[t] for t in entry.topics), offprint(entry))


def research_feed(kb: KnowledgeBase, settings: Settings) -> str:
    """The newest action research: the latest year's entries first."""
    topics = {t.id: t.name for t in kb.topics}
    entries = sorted(kb.entries, key=lambda e: (-e.year, e.title.casefold(), e.id))
    items = [_entry_item(entry, topics) for entry in entries[:FEED_SIZE]]
    return _feed(settings, RESEARCH_FEED, "research/index.md", "new action research", items)
