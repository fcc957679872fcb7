"""Record ids: the file stem, lowercase ASCII letters, digits and hyphens; not the name of
a page the site makes beside the records; short enough for every disk and for the build's
scratch files."""

from __future__ import annotations

import re

from ..messages import say
from ..problems import Problem

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")  # \Z: `$` would allow a final newline
# The longest file name we accept: the build adds to it (scratch files, .html, folders),
# and Windows, zip files and some sync tools stop at 255 characters or fewer for a path part.
LONGEST_NAME = 100

# The names the site gives to what it makes beside a record's page (library/<id>/,
# research/<year>/<id>/) or at the top of the site, and what it makes there: a record with
# one of these ids would take that address or break its links. tests/check/test_ids.py
# derives the names the generators write from their output, and fails when one is missing here.
GENERATED: dict[str, str] = {
    "index": "the folder's own first page",
    "page": "the catalogue's further pages (page/2/, page/3/ ...)",
    "pathways": "the reading pathways page",
    "feed": "the news feed for feed readers",
    "feeds": "the news feeds for feed readers",
    "catalogue": "the catalogue's data for the search and filters",
    "library": "the library's downloads (library.bib, library.ris ...)",
    "research": "the action research pages",
    "framework": "the framework's pages",
    "evidence-map": "the evidence map",
    "contributing": "the pages on how to contribute",
    "write": "the form for writing an entry",
    "propose-a-title": "the form for proposing a title",
    "my-list": "the reader's list page",
    "accessibility": "the accessibility statement",
    "about": "the page about the trust",
    "support": "the support page",
    "search": "the site's search",
    "search-index": "the site's search index",
    "assets": "the site's styles and scripts",
    "stylesheets": "the theme's styles",
    "javascripts": "the theme's scripts",
    "images": "the year's folder of images",
    "covers": "the library's folder of covers",
    "sitemap": "the list of pages for search engines",
    "404": "the page shown for an address that does not exist",
    "tags": "the tags pages",
    "impact": "the impact page",
    "glossary": "the glossary page",
}


def suggested_id(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "untitled"


def usable_id(text: str, longest: int = LONGEST_NAME - len(".yaml")) -> str:
    """suggested_id cut at a hyphen to fit a file name, and never a generated name."""
    ident = suggested_id(text)
    if len(ident) > longest:
        ident = ident[:longest].rsplit("-", 1)[0] if "-" in ident[:longest] else ident[:longest]
    return ident if ident not in GENERATED else f"{ident}-1"


def id_problem(path: str, ident: str, extension: str) -> Problem | None:
    name = ident + extension
    if len(name) > LONGEST_NAME:
        return Problem(path, 1, 1, "name-too-long", say(
            "name-too-long", length=len(name), most=LONGEST_NAME,
            suggestion=usable_id(ident, LONGEST_NAME - len(extension)) + extension))
    if not ID.match(ident):
        return Problem(path, 1, 1, "bad-id", say("bad-id", name=name,
                                                 suggestion=suggested_id(ident) + extension))
    if ident in GENERATED:
        return Problem(path, 1, 1, "reserved-id", say("reserved-id", name=name, what=GENERATED[ident]))
    return None
