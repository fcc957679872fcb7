"""The audit of a built site: links and anchors, active content, alt text, every record present.

Inline scripts are allowed only when they are the theme's own: the same (up to the
relative path to the site root) as a script in 404.html, which the theme renders with
no contributed content. Script files are allowed only from the site's own assets/.
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..export.references import references_name
from ..generate.links import entry_page, title_page, url_of
from ..generate.search_index import indexed_urls
from ..model import KnowledgeBase
from ..problems import Problem, sort_problems
from .page import Found, Page, read_page

_RELATIVE_ROOT = re.compile(r'"(?:\.\.(?:/\.\.)*|/|\.)"')


def _normalised_script(text: str) -> str:
    return _RELATIVE_ROOT.sub('"ROOT"', " ".join(text.split()))


@dataclass(eq=False)
class SiteAudit:
    site: Path
    label: str  # how paths are shown, e.g. "site"
    files: set[Path] = field(default_factory=set)  # every file in the site, read once

    def path(self, file: Path) -> str:
        return f"{self.label}/{file.relative_to(self.site).as_posix()}"

    def resolve(self, file: Path, url: str) -> tuple[Path | None, str]:
        """The file an internal URL names (None if external) and its fragment."""
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            return None, ""
        target = unquote(parts.path)
        if not target:
            return file, parts.fragment
        return self._resolve(file.parent, target), parts.fragment

    @lru_cache(maxsize=65536)  # noqa: B019 - one audit object per run; pages share their links
    def _resolve(self, folder: Path, target: str) -> Path:
        base = os.path.relpath(folder, self.site)
        joined = target.lstrip("/") if target.startswith("/") else \
            posixpath.normpath(posixpath.join(base, target))
        candidate = self.site / joined
        if target.endswith("/") or (candidate not in self.files and candidate / "index.html" in self.files):
            candidate = candidate / "index.html"
        return candidate


def _theme_scripts(site: Path) -> set[str]:
    reference = site / "404.html"
    if not reference.is_file():
        return set()
    return {_normalised_script(s.text) for s in read_page(reference.read_text("utf-8")).scripts}


def _page_problems(audit: SiteAudit, file: Path, page: Page, pages: dict[Path, Page],
                   theme: set[str]) -> list[Problem]:
    where = audit.path(file)
    problems = []

    def at(found: Found) -> tuple[str, int, int]:
        return (where, *page.position(found.offset))

    for event in page.events:
        problems.append(Problem(*at(event), "unsafe-attribute",
                                f"the attribute {event.attribute}= runs a script; it must not "
                                "reach the site"))
    for url in page.script_urls:
        problems.append(Problem(*at(url), "unsafe-link",
                                f"{url.attribute}={url.text!r} is a script or data URL"))
    for script in page.scripts:
        if _normalised_script(script.text) not in theme:
            problems.append(Problem(*at(script), "unsafe-script",
                                    "an inline script that is not the theme's own"))
    for source in page.script_sources:
        target, _ = audit.resolve(file, source.text)
        inside = target is not None and target in audit.files and \
            target.relative_to(audit.site).parts[0] == "assets"
        if not inside:
            problems.append(Problem(*at(source), "unsafe-script",
                                    f"a script from {source.text!r}, not from the site's own assets/"))
    for image in page.images_without_alt:
        problems.append(Problem(*at(image), "image-alt",
                                f"the image {image.text!r} has no alt text"))
    for link in page.links:
        target, fragment = audit.resolve(file, link.text)
        if target is None:
            continue
        if target not in audit.files:
            problems.append(Problem(*at(link), "broken-link",
                                    f"{link.text!r} leads to no file in the site"))
        elif fragment and target.suffix == ".html":
            other = pages.get(target) or read_page(target.read_text("utf-8"))
            if unquote(fragment) not in other.ids:
                problems.append(Problem(*at(link), "broken-anchor",
                                        f"{link.text!r}: the page has no #{fragment}"))
    return problems


def _search_locations(site: Path) -> set[str]:
    """Every page the site's search index (generate/search_index.py) holds, by URL."""
    def read(path: str) -> str | None:
        file = site / path
        return file.read_text("utf-8") if file.is_file() else None

    try:
        return indexed_urls(read)
    except (ValueError, KeyError, TypeError, IndexError):
        return set()  # an unreadable index holds nothing: every record is reported missing


def _record_problems(audit: SiteAudit, knowledge: KnowledgeBase) -> list[Problem]:
    problems = []
    searched = _search_locations(audit.site)
    library_bib = audit.site / "library" / "library.bib"
    exported = library_bib.read_text("utf-8") if library_bib.is_file() else ""
    for title in knowledge.titles:
        url = url_of(title_page(title))
        problems += _present(audit, url, searched, f"{{{title.id},", exported, title.id,
                             "library/library.bib")
    for entry in knowledge.entries:
        url = url_of(entry_page(entry))
        export = audit.site / "research" / str(entry.year) / references_name(entry.year)
        text = export.read_text("utf-8") if export.is_file() else ""
        problems += _present(audit, url, searched, f"% {entry.id}:", text, entry.id,
                             f"research/{entry.year}/{references_name(entry.year)}")
    return problems


def _present(audit: SiteAudit, url: str, searched: set[str], line: str, export: str,
             ident: str, export_name: str) -> list[Problem]:
    page = audit.site / url / "index.html"
    where = audit.path(page)
    problems = []
    if not page.is_file():
        problems.append(Problem(where, 1, 1, "missing-page", f"{ident!r} has no page in the site"))
    if url not in searched:
        problems.append(Problem(where, 1, 1, "missing-search-entry",
                                f"{ident!r} is not in the search index"))
    if line not in export:
        problems.append(Problem(f"{audit.label}/{export_name}", 1, 1, "missing-export",
                                f"{ident!r} is not in {export_name}"))
    return problems


def audit_site(site: Path, knowledge: KnowledgeBase, label: str = "site") -> list[Problem]:
    """Every problem in the built site, sorted; none means it is safe to publish."""
    files = {Path(folder) / name for folder, _, names in os.walk(site) for name in names}
    audit = SiteAudit(site, label, files)
    theme = _theme_scripts(site)
    pages = {file: read_page(file.read_text("utf-8")) for file in sorted(files) if file.suffix == ".html"}
    problems = []
    for file, page in pages.items():
        problems += _page_problems(audit, file, page, pages, theme)
    problems += _record_problems(audit, knowledge)
    return sort_problems(problems)
