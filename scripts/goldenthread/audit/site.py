"""The audit of a built site: links and anchors, active content, alt text, every record present.

Inline scripts are allowed only when they are the theme's own: the same as a script in
404.html, which the theme renders with no contributed content, once each string that names
the site's root is set aside (a page writes it relative to its own depth, "../..", 404.html
as the site's path, "/" or "/golden-thread/"). Scripts that a browser does not run (JSON-LD,
the theme's JSON configuration) are data, not scripts. Script files are allowed only from
the site's own assets/. Every page carries a Content-Security-Policy before its first
script, and the policy admits each of its inline scripts (else the browser would refuse it).

`SiteAuditor` reads pages one at a time, so `goldenthread build` can hand it each page as
MkDocs renders it (in a worker process, while MkDocs goes on); `problems` then needs only
the final list of files. A page it was not given is read from the site folder, so what
is audited is always the whole site. Paths are site-relative POSIX strings throughout.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..export.files import LIBRARY
from ..export.references import references_name
from ..generate.search_index import indexed_urls
from ..model import KnowledgeBase
from ..paths import entry_page, title_page, url_of
from ..problems import Problem, sort_problems
from .page import Found, Page, admitted, position, read_page, script_hash

_ROOT = re.compile(r'"(?:\.\.(?:/\.\.)*|\.|/(?:[\w.~%-]+/)*)"')  # a string naming the site's root
EXTERNAL = "\0external"  # the target of a link that leaves the site
_BIB_KEY = re.compile(r"^@\w+\{([^,\s]+),", re.MULTILINE)  # an entry in library.bib
_RIS_ID = re.compile(r"^ID  - (.+)$", re.MULTILINE)  # a work in a RIS export
_REFERENCES_OF = re.compile(r"^% ([^:\s]+):", re.MULTILINE)  # an entry's heading in a year's export


def _normalised_script(text: str) -> str:
    return _ROOT.sub('"ROOT"', " ".join(text.split()))


def site_files(site: Path) -> set[str]:
    """Every file in the site, as site-relative POSIX paths."""
    files: set[str] = set()
    for folder, _, names in os.walk(site):
        base = Path(folder).relative_to(site).as_posix()
        prefix = "" if base == "." else base + "/"
        files.update(prefix + name for name in names)
    return files


class SiteAuditor:
    def __init__(self, site: Path, label: str = "site", site_url: str = "") -> None:
        self.site = site
        self.label = label  # how paths are shown, e.g. "site"
        # Where the site is published: an absolute path ("/golden-thread/...", as 404.html's
        # links are written when site_url is set) is read from the site's own path.
        self.root = urlsplit(site_url).path or "/"
        self.pages: dict[str, Page] = {}
        # Per page, its links and script sources joined to site paths as the page arrives
        # (while MkDocs renders the next), so that little is left once the site is complete.
        self.joined: dict[str, tuple[list[tuple[str, str]], list[tuple[str, str]]]] = {}
        self._joined: dict[tuple[str, str], tuple[str, str]] = {}

    def add_page(self, relative: str, text: str) -> None:
        """One HTML page, by its path in the site (e.g. "library/index.html")."""
        page = self.pages[relative] = read_page(text)
        folder = posixpath.dirname(relative)
        self.joined[relative] = ([self._link(folder, link.text) for link in page.links],
                                 [self._link(folder, source.text) for source in page.script_sources])

    def _link(self, folder: str, url: str) -> tuple[str, str]:
        """(path before choosing index.html, fragment) of a URL in a page in folder."""
        key = (folder, url)
        known = self._joined.get(key)
        if known is None:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                known = (EXTERNAL, "")
            else:
                target = unquote(parts.path)
                if not target:
                    known = ("", parts.fragment)
                elif target.startswith("/"):
                    inside = target[len(self.root):] if target.startswith(self.root) else target.lstrip("/")
                    known = (inside + ("/" if target.endswith("/") and inside else ""), parts.fragment)
                else:
                    joined = posixpath.normpath(posixpath.join(folder, target))
                    known = (joined + ("/" if target.endswith("/") else ""), parts.fragment)
            self._joined[key] = known
        return known

    def problems(self, knowledge: KnowledgeBase, files: set[str] | None = None) -> list[Problem]:
        """Every problem in the site, sorted; none means it is safe to publish."""
        files = site_files(self.site) if files is None else files
        for relative in sorted(files):
            if relative.endswith(".html") and relative not in self.pages:
                self.add_page(relative, (self.site / relative).read_text("utf-8"))
        theme = {_normalised_script(s.text) for s in getattr(self.pages.get("404.html"), "scripts", [])}
        chosen: dict[str, str] = {}

        def choose(target: str) -> str:
            """The file a resolved path names: a folder means its index.html."""
            found = chosen.get(target)
            if found is None:
                bare = target.rstrip("/")
                if bare in ("", "."):
                    found = "index.html"
                elif target.endswith("/") or (bare not in files and f"{bare}/index.html" in files):
                    found = f"{bare}/index.html"
                else:
                    found = bare
                chosen[target] = found
            return found

        problems = []
        for relative in sorted(self.pages):
            problems += self._page_problems(relative, files, theme, choose)
        problems += self._record_problems(knowledge, files)
        return sort_problems(problems)

    def _page_problems(self, relative: str, files: set[str], theme: set[str],
                       choose: Callable[[str], str]) -> list[Problem]:
        page = self.pages[relative]
        links, sources = self.joined[relative]
        where = f"{self.label}/{relative}"
        found: list[tuple[Found, str, str]] = []  # (where in the page, code, message)

        for event in page.events:
            found.append((event, "unsafe-attribute",
                          f"the attribute {event.attribute}= runs a script; it must not reach the site"))
        for url in page.script_urls:
            found.append((url, "unsafe-link", f"{url.attribute}={url.text!r} is a script or data URL"))
        for script in page.scripts:
            if _normalised_script(script.text) not in theme:
                found.append((script, "unsafe-script", "an inline script that is not the theme's own"))
        found += _policy_problems(page)
        for source, (target, _) in zip(page.script_sources, sources, strict=True):
            name = choose(target) if target not in (EXTERNAL, "") else ""
            if not (name in files and name.split("/", 1)[0] == "assets"):
                found.append((source, "unsafe-script",
                              f"a script from {source.text!r}, not from the site's own assets/"))
        for image in page.images_without_alt:
            found.append((image, "image-alt", f"the image {image.text!r} has no alt text"))
        for link, (target, fragment) in zip(page.links, links, strict=True):
            if target == EXTERNAL:
                continue
            name = choose(target) if target else relative
            if name not in files:
                found.append((link, "broken-link", f"{link.text!r} leads to no file in the site"))
            elif fragment and name.endswith(".html"):
                other = self.pages.get(name)
                if other is not None and unquote(fragment) not in other.ids:
                    found.append((link, "broken-anchor", f"{link.text!r}: the page has no #{fragment}"))
        if not found:
            return []
        text = (self.site / relative).read_text("utf-8")  # only to say where: rarely needed
        return [Problem(where, *position(text, at.offset), code, message) for at, code, message in found]

    def _record_problems(self, knowledge: KnowledgeBase, files: set[str]) -> list[Problem]:
        problems = []
        searched = _search_locations(self.site)
        exported = set(_BIB_KEY.findall(self._read(LIBRARY["bib"], files)))
        in_ris = set(_RIS_ID.findall(self._read(LIBRARY["ris"], files)))
        in_csl = _csl_ids(self._read(LIBRARY["json"], files))
        for title in knowledge.titles:
            problems += self._present(url_of(title_page(title)), files, searched, title.id in exported,
                                      title.id, LIBRARY["bib"])
            for name, ids in ((LIBRARY["ris"], in_ris), (LIBRARY["json"], in_csl)):
                if title.id not in ids:
                    problems.append(Problem(f"{self.label}/{name}", 1, 1, "missing-export",
                                            f"{title.id!r} is not in {name}"))
        references: dict[int, set[str]] = {}
        for entry in knowledge.entries:
            name = f"research/{entry.year}/{references_name(entry.year)}"
            if entry.year not in references:
                references[entry.year] = set(_REFERENCES_OF.findall(self._read(name, files)))
            problems += self._present(url_of(entry_page(entry)), files, searched,
                                      entry.id in references[entry.year], entry.id, name)
        return problems

    def _read(self, relative: str, files: set[str]) -> str:
        return (self.site / relative).read_text("utf-8") if relative in files else ""

    def _present(self, url: str, files: set[str], searched: set[str], exported: bool,
                 ident: str, export_name: str) -> list[Problem]:
        page = f"{url.strip('/')}/index.html"
        where = f"{self.label}/{page}"
        problems = []
        if page not in files:
            problems.append(Problem(where, 1, 1, "missing-page", f"{ident!r} has no page in the site"))
        if url not in searched:
            problems.append(Problem(where, 1, 1, "missing-search-entry",
                                    f"{ident!r} is not in the search index"))
        if not exported:
            problems.append(Problem(f"{self.label}/{export_name}", 1, 1, "missing-export",
                                    f"{ident!r} is not in {export_name}"))
        return problems


def _csl_ids(text: str) -> set[str]:
    try:
        return {str(item["id"]) for item in json.loads(text or "[]")}
    except (ValueError, KeyError, TypeError):
        return set()  # an unreadable export holds nothing: every title is reported missing


def _policy_problems(page: Page) -> list[tuple[Found, str, str]]:
    """A page's Content-Security-Policy: there, before any script, and admitting its own."""
    first = min((s.offset for s in (*page.scripts, *page.script_sources)), default=None)
    policy = page.policies[0] if page.policies else None
    if policy is None or (first is not None and policy.offset > first):
        return [(policy or Found(0, ""), "csp-missing",
                 "the page has no Content-Security-Policy before its first script")]
    hashes = admitted(policy.text)
    return [(script, "csp-blocked", "the page's Content-Security-Policy does not admit this inline "
             "script: a browser would refuse to run it")
            for script in page.scripts if script_hash(script.text) not in hashes]


def _search_locations(site: Path) -> set[str]:
    """Every page the site's search index (generate/search_index.py) holds, by URL."""
    def read(path: str) -> str | None:
        file = site / path
        return file.read_text("utf-8") if file.is_file() else None

    try:
        return indexed_urls(read)
    except (ValueError, KeyError, TypeError, IndexError):
        return set()  # an unreadable index holds nothing: every record is reported missing


def audit_site(site: Path, knowledge: KnowledgeBase, label: str = "site",
               site_url: str = "") -> list[Problem]:
    """Every problem in the built site, sorted; none means it is safe to publish. site_url:
    where it is published (mkdocs.yml's site_url, or GOLDENTHREAD_SITE_URL)."""
    return SiteAuditor(site, label, site_url).problems(knowledge)
