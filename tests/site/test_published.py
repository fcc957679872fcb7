"""What the built site publishes for search engines, feed readers and reference managers,
read back from the built files with parsers that share no code with the tool: html.parser
for the head, json for JSON-LD and CSL-JSON, xml.etree for the Atom feeds and the sitemap,
PyYAML for CITATION.cff. The oracle is the sources (the entries' front matter, the records).

Every entry page carries Google Scholar's tags, matching its front matter, and JSON-LD; its
offprint is in its page's own folder; every title page carries Book JSON-LD; both feeds
parse as Atom and list what they should; with site_url set the site builds, passes the
audit, and its sitemap, canonical links and tags use absolute URLs.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from goldenthread.paths import entry_page, title_page, url_of
from goldenthread.settings import load_settings

from .conftest import BuiltSite, build_into
from .test_build import copy_repository

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://example.github.io/golden-thread/"


class Head(HTMLParser):
    """The <meta>, <link> and JSON-LD of a page's head."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: list[tuple[str, str]] = []
        self.links: list[dict[str, str]] = []
        self.json_ld: list[object] = []
        self.policy: list[str] = []
        self._in_json = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "meta" and "name" in values:
            self.meta.append((values["name"], values.get("content", "")))
        elif tag == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
            self.policy.append(values.get("content", ""))
        elif tag == "link":
            self.links.append(values)
        self._in_json = tag == "script" and values.get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._in_json:
            self.json_ld.append(json.loads(data))
            self._in_json = False


def head(path: Path) -> Head:
    parser = Head()
    parser.feed(path.read_text("utf-8"))
    return parser


def page_file(site: Path, page: str) -> Path:
    return site / url_of(page) / "index.html"


def tags(found: Head, name: str) -> list[str]:
    return [content for meta, content in found.meta if meta == name]


def check_entry_pages(built: BuiltSite, site_url: str = "") -> Iterator[Head]:
    """Each entry page's Scholar tags against its front matter; yields each page's head."""
    trust = load_settings(built.root).trust_name
    for entry in built.knowledge.entries:
        page = page_file(built.site, entry_page(entry))
        found = head(page)
        assert tags(found, "citation_title") == [entry.title.strip()]
        assert tags(found, "citation_author") == [a.name for a in entry.authors]
        assert tags(found, "citation_publication_date") == [str(entry.year)]
        assert tags(found, "citation_technical_report_institution") == [trust]
        assert tags(found, "citation_technical_report_number") == []  # never the file name
        assert tags(found, "citation_language") == ["en"]
        references = tags(found, "citation_reference")
        assert len(references) == len(entry.references), entry.id
        for reference, text in zip(entry.references, references, strict=True):
            assert "citation_title=" in text and reference.fields.get("year", "")[:4] in text
        [pdf] = tags(found, "citation_pdf_url")
        url = urljoin(site_url + url_of(entry_page(entry)), pdf)
        # in the page's own folder, where Scholar looks for it
        assert url.rsplit("/", 1)[0] + "/" == site_url + url_of(entry_page(entry)), (entry.id, pdf)
        if site_url:
            assert pdf.startswith(site_url)
        offprint = page.parent / f"{entry.id}.pdf"
        assert offprint.read_bytes().startswith(b"%PDF-"), entry.id
        assert ("noindex" in tags(found, "robots")) == entry.example  # illustrative: not for the index
        yield found


def test_every_entry_page_has_scholar_tags_matching_its_front_matter(built: BuiltSite) -> None:
    assert len(list(check_entry_pages(built))) == len(built.knowledge.entries) >= 20


def test_every_entry_page_has_report_json_ld(built: BuiltSite) -> None:
    for entry, found in zip(built.knowledge.entries, check_entry_pages(built), strict=True):
        [data] = found.json_ld
        assert isinstance(data, dict) and data["@type"] == "Report" and data["name"] == entry.title.strip()
        assert [a["name"] for a in data["author"]] == [a.name for a in entry.authors]
        assert "reportNumber" not in data and data["datePublished"] == str(entry.year)
        assert len(data["citation"]) == len(entry.references)
        assert ("description" in data) == entry.example  # an illustrative entry says so


def test_every_entry_page_says_how_to_cite_it(built: BuiltSite) -> None:
    for entry in built.knowledge.entries:
        html = page_file(built.site, entry_page(entry)).read_text("utf-8")
        text = unescape(re.sub(r"<[^>]+>", "", html))  # the code block is highlighted: tags split it
        assert 'id="cite-this"' in html
        # no report number made from a file name
        assert f"@techreport{{{entry.id}," in text and "Report No." not in text
        assert f"Action Research {entry.year}" in text
        assert f'href="{entry.id}.pdf"' in html  # the page links its offprint


def test_every_title_page_has_book_json_ld(built: BuiltSite) -> None:
    with_isbn = 0
    for title in built.knowledge.titles:
        [data] = head(page_file(built.site, title_page(title))).json_ld
        assert isinstance(data, dict) and data["@context"] == "https://schema.org"
        assert data["@type"] == "Book" and data["name"] == title.full_title
        assert [a["name"] for a in data["author"]] == list(title.authors)
        assert data.get("isbn") == (title.isbn or None)
        with_isbn += bool(title.isbn)
    assert with_isbn >= 5


def feed(site: Path, name: str) -> ET.Element:
    root = ET.parse(site / name).getroot()
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}") is not None, required
    return root


def feed_entries(root: ET.Element, base: str) -> list[tuple[str, str, str]]:
    """(title, updated, link resolved against the feed's address) of each entry."""
    found = []
    for entry in root.findall(f"{ATOM}entry"):
        assert entry.find(f"{ATOM}id") is not None and entry.find(f"{ATOM}updated") is not None
        link = next(li for li in entry.findall(f"{ATOM}link") if li.get("rel") == "alternate")
        found.append((entry.findtext(f"{ATOM}title") or "", entry.findtext(f"{ATOM}updated") or "",
                      urljoin(base, link.get("href") or "")))
    return found


def test_the_library_feed_lists_the_newest_titles(built: BuiltSite) -> None:
    base = "https://site.test/"
    entries = feed_entries(feed(built.site, "library/feed.xml"), base + "library/feed.xml")
    newest = sorted((t for t in built.knowledge.titles if t.added), key=lambda t: (t.added, t.id),
                    reverse=True)
    assert 0 < len(entries) == min(50, len(newest))
    assert [(title, link) for title, _, link in entries] == \
        [(t.full_title, base + url_of(title_page(t))) for t in newest[:len(entries)]]
    assert all(updated.startswith(t.added) for (_, updated, _), t in zip(entries, newest, strict=False))
    for _, _, link in entries:
        assert (built.site / urlsplit(link).path.lstrip("/") / "index.html").is_file()


def test_the_research_feed_lists_the_newest_entries(built: BuiltSite) -> None:
    base = "https://site.test/"
    entries = feed_entries(feed(built.site, "research/feed.xml"), base + "research/feed.xml")
    assert len(entries) == min(50, len(built.knowledge.entries))
    years = [int(updated[:4]) for _, updated, _ in entries]
    assert years == sorted(years, reverse=True) and years[0] == max(built.knowledge.years)
    by_link = {base + url_of(entry_page(e)): e for e in built.knowledge.entries}
    for title, _, link in entries:
        entry = by_link[link]
        assert title.startswith(entry.title.strip())
        assert title.endswith("(illustrative example)") == entry.example


@pytest.mark.parametrize(("page", "target"), [("library/index.html", "library/feed.xml"),
                                              ("research/index.html", "research/feed.xml")])
def test_the_feeds_are_linked_from_their_pages(built: BuiltSite, page: str, target: str) -> None:
    links = [li for li in head(built.site / page).links if li.get("type") == "application/atom+xml"]
    assert ["alternate" in li.get("rel", "").split() for li in links] == [True]
    assert urljoin("https://site.test/" + page, links[0]["href"]) == "https://site.test/" + target


def test_each_year_has_its_citation_file_and_exports(built: BuiltSite) -> None:
    for year in built.knowledge.years:
        entries = [e for e in built.knowledge.entries if e.year == year]
        folder = built.site / "research" / str(year)
        cff = yaml.safe_load((folder / "CITATION.cff").read_text("utf-8"))
        assert cff["cff-version"] == "1.2.0" and cff["message"] and cff["title"] == f"Action Research {year}"
        assert cff["authors"] == [{"name": load_settings(built.root).trust_name}]
        assert cff["preferred-citation"]["type"] == "report"
        assert [r["title"] for r in cff.get("references", [])] == [e.title.strip() for e in entries]
        assert not any("number" in r for r in cff.get("references", []))  # never the file name
        works = json.loads((folder / f"references-{year}.json").read_text("utf-8"))
        keys = {r.key for e in entries for r in e.references} | {f"{e.id}-{r.key}" for e in entries
                                                                  for r in e.references}
        assert {item["id"] for item in works} <= keys and len(works) >= len(entries)
        ris = (folder / f"references-{year}.ris").read_bytes().decode("utf-8")  # CR LF kept
        assert ris.count("\nER  - ") == len(works) and ris.startswith("TY  - ")


def test_the_catalogue_exports_list_every_title(built: BuiltSite) -> None:
    items = json.loads((built.site / "library/library.json").read_text("utf-8"))
    assert [item["id"] for item in items] == sorted(t.id for t in built.knowledge.titles)
    ris = (built.site / "library/library.ris").read_bytes().decode("utf-8")
    assert ris.count("TY  - ") == ris.count("\nER  - ") == len(items)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    """The site built as the deploy workflow builds it: GOLDENTHREAD_SITE_URL set."""
    root = copy_repository(tmp_path_factory.mktemp("published") / "repo")
    before = os.environ.get("GOLDENTHREAD_SITE_URL")
    os.environ["GOLDENTHREAD_SITE_URL"] = SITE_URL.rstrip("/")  # as configure-pages gives it
    try:
        yield build_into(root, root / "site")  # build_into asserts the build and its audit passed
    finally:
        if before is None:
            os.environ.pop("GOLDENTHREAD_SITE_URL")
        else:
            os.environ["GOLDENTHREAD_SITE_URL"] = before


def test_with_site_url_the_sitemap_lists_every_page_absolutely(published: BuiltSite) -> None:
    urls = [loc.text for loc in ET.parse(published.site / "sitemap.xml").getroot().iter()
            if loc.tag.endswith("loc")]
    assert all(url and url.startswith(SITE_URL) for url in urls)
    listed = set(urls)
    for entry in published.knowledge.entries:
        assert SITE_URL + url_of(entry_page(entry)) in listed, entry.id
    for title in published.knowledge.titles:
        assert SITE_URL + url_of(title_page(title)) in listed, title.id
    pages = {p.relative_to(published.site).parent.as_posix() for p in published.site.rglob("index.html")}
    assert len(listed) == len(pages)


def test_with_site_url_every_page_has_its_canonical_link(published: BuiltSite) -> None:
    for page in published.site.rglob("index.html"):
        folder = page.relative_to(published.site).parent.as_posix()
        canonical = [li["href"] for li in head(page).links if li.get("rel") == "canonical"]
        assert canonical == [SITE_URL + ("" if folder == "." else folder + "/")], folder


def test_with_site_url_the_tags_and_feeds_are_absolute(published: BuiltSite) -> None:
    assert len(list(check_entry_pages(published, SITE_URL))) == len(published.knowledge.entries)
    for name in ("library/feed.xml", "research/feed.xml"):
        root = feed(published.site, name)
        assert root.findtext(f"{ATOM}id") == SITE_URL + name
        assert all((entry.findtext(f"{ATOM}id") or "").startswith(SITE_URL)
                   for entry in root.findall(f"{ATOM}entry"))
    title = published.knowledge.titles[0]
    [data] = head(page_file(published.site, title_page(title))).json_ld
    assert isinstance(data, dict) and data["url"] == SITE_URL + url_of(title_page(title))
