"""Where each page lives, as a docs-relative Markdown path, and links between them."""

from __future__ import annotations

import posixpath

from .model import Dimension, Entry, Title


def title_page(title: Title | str) -> str:
    return f"library/{title if isinstance(title, str) else title.id}.md"


def entry_page(entry: Entry) -> str:
    return f"research/{entry.year}/{entry.id}.md"


def offprint(entry: Entry) -> str:
    """The entry's own PDF, in the folder of its page's URL (where Google Scholar looks for it)."""
    return f"research/{entry.year}/{entry.id}/{entry.id}.pdf"


def year_page(year: int) -> str:
    return f"research/{year}/index.md"


def framework_page(dimension: Dimension, ident: str) -> str:
    """The page of one item of a framework dimension."""
    return f"framework/{dimension.folder}/{ident}.md"


def _relpath(target: str, start: str) -> str:
    """posixpath.relpath for clean docs-relative paths ("." or "a/b"), without its calls to
    os.getcwd: generation makes tens of thousands of links."""
    to = [] if target in ("", ".") else target.split("/")
    at = [] if start in ("", ".") else start.split("/")
    common = 0
    for mine, theirs in zip(to, at, strict=False):
        if mine != theirs:
            break
        common += 1
    parts = [".."] * (len(at) - common) + to[common:]
    return "/".join(parts) or "."


def relative(from_page: str, to_page: str) -> str:
    """A Markdown link target from one docs page to another (MkDocs resolves .md links)."""
    return _relpath(to_page, posixpath.dirname(from_page))


def url_of(page: str) -> str:
    """The directory URL MkDocs gives a page (use_directory_urls), relative to the site root."""
    if page.endswith("index.md"):
        return page[: -len("index.md")]
    return page[: -len(".md")] + "/"


def href(from_page: str, to_page: str) -> str:
    """An HTML href between two pages' built URLs (for raw HTML, which MkDocs does not rewrite)."""
    here = url_of(from_page)
    target = url_of(to_page)
    relative_url = _relpath(target.rstrip("/"), here.rstrip("/"))
    return relative_url + "/" if not relative_url.endswith("/") and relative_url != "." else (
        "./" if relative_url == "." else relative_url)


def file_href(from_page: str, target: str) -> str:
    """An HTML href from a page's built URL to a file of the site (a script, a JSON file)."""
    return _relpath(target, url_of(from_page).rstrip("/"))
