"""Zensical, Material's successor, builds the same site from the same mkdocs.yml.

Zensical runs no MkDocs hooks, so the pages are generated first, exactly as
`goldenthread build` leaves docs/ (pages, each year's PDF and references); then
`zensical build` must turn every page into HTML, with the catalogue, the site's own
CSS and JavaScript, and no broken link. Without the `zensical` package (it is in the
`test` extras) the tests are skipped with a reason that says so.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from goldenthread.audit.site import audit_site
from goldenthread.export.references import references_name
from goldenthread.generate.catalogue import catalogue_order, page_count
from goldenthread.generate.glossary import anchor
from goldenthread.generate.pages import GENERATED_PAGES, OWNED, site_pages
from goldenthread.generate.research import pdf_name
from goldenthread.generate.search_index import opted_out
from goldenthread.load.repository import load_sources
from goldenthread.model import KnowledgeBase
from goldenthread.paths import url_of
from goldenthread.publish.generation import generate_pages, hand_written_texts
from goldenthread.settings import load_settings

from .test_build import copy_repository

TIMEOUT = 120  # seconds; the build takes about 3 on the development machine
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def zensical_or_skip() -> None:
    if importlib.util.find_spec("zensical") is None:
        pytest.skip("ZENSICAL NOT AVAILABLE: the `zensical` package is not installed in this "
                    "environment (pip install -e '.[test]' installs it); the Zensical build was NOT tested")


def zensical_build(root: Path) -> subprocess.CompletedProcess[str]:
    """`zensical build` with the repository's own mkdocs.yml (site_dir: site, inside the copy)."""
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "zensical", "build", "--config-file", "mkdocs.yml"],
                          cwd=root, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False)


def output_of(run: subprocess.CompletedProcess[str]) -> str:
    return ANSI.sub("", run.stdout + run.stderr)


def html_of(page: str) -> str:
    """Where a page lands with directory URLs: x/index.md -> x/index.html, x/y.md -> x/y/index.html."""
    return url_of(page) + "index.html"


@dataclass
class ZensicalSite:
    root: Path
    site: Path
    knowledge: KnowledgeBase
    pages: set[str]  # every Markdown page, relative to docs/: generated and hand-written
    output: str


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> ZensicalSite:
    zensical_or_skip()
    root = copy_repository(tmp_path_factory.mktemp("zensical") / "repo")
    generated = generate_pages(root)
    knowledge = generated.knowledge
    assert knowledge is not None, generated.validation.problems
    texts = hand_written_texts(load_sources(root))
    keys = set(site_pages(knowledge, load_settings(root), texts, set(knowledge.years)))
    written = {*GENERATED_PAGES} | {p.relative_to(root / "docs").as_posix() for folder in OWNED
               for p in (root / "docs" / folder).rglob("*.md")}
    assert keys == written and len(keys) == generated.pages
    hand_written = {p.name for p in (root / "docs").glob("*.md")}
    run = zensical_build(root)
    assert run.returncode == 0, f"zensical build failed:\n{output_of(run)}"
    return ZensicalSite(root, root / "site", knowledge, keys | hand_written, output_of(run))


def test_zensical_builds_cleanly(zensical_site: ZensicalSite) -> None:
    assert "No issues found" in zensical_site.output, zensical_site.output


def test_every_page_has_its_html_and_nothing_else(zensical_site: ZensicalSite) -> None:
    site = zensical_site.site
    expected = {html_of(page) for page in zensical_site.pages}
    built = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    assert not expected - built, f"pages with no HTML: {sorted(expected - built)[:20]}"
    assert built - expected == {"404.html"}
    for entry in zensical_site.knowledge.entries:
        assert html_of(f"research/{entry.year}/{entry.id}.md") in built
    for title in zensical_site.knowledge.titles:
        assert html_of(f"library/{title.id}.md") in built


def test_catalogue_lists_every_title(zensical_site: ZensicalSite) -> None:
    """The catalogue's static pages together list every title once; its JSON is copied."""
    library = zensical_site.site / "library"
    pages = [library / "index.html", *sorted((library / "page").glob("*/index.html"),
                                             key=lambda p: int(p.parent.name))]
    listed = [ident for page in pages for ident in re.findall(r'data-id="([^"]+)"', page.read_text("utf-8"))]
    assert len(pages) == page_count(len(zensical_site.knowledge.titles))
    assert listed == [title.id for title in catalogue_order(zensical_site.knowledge)]
    assert (library / "catalogue.json").read_bytes() == \
        (zensical_site.root / "docs" / "library" / "catalogue.json").read_bytes()


def test_every_page_is_in_the_search_index(zensical_site: ZensicalSite) -> None:
    # Zensical's own search writes search.json, not MkDocs' search/search_index.json.
    index = json.loads((zensical_site.site / "search.json").read_text("utf-8"))
    locations = {item["location"].split("#")[0] for item in index["items"]}
    docs = zensical_site.root / "docs"
    excluded = {page for page in zensical_site.pages if opted_out((docs / page).read_text("utf-8"))}
    assert "library/page/2/index.md" in excluded  # the catalogue's later pages say `search: exclude`
    assert {url_of(page) for page in zensical_site.pages - excluded} <= locations
    assert not {url_of(page) for page in excluded} & locations


def test_extra_css_and_javascript_reach_every_page(zensical_site: ZensicalSite) -> None:
    site, docs = zensical_site.site, zensical_site.root / "docs"
    for asset in ("assets/goldenthread.css", "assets/catalogue.js"):
        assert (site / asset).read_bytes() == (docs / asset).read_bytes()
    for page in zensical_site.pages:
        html = (site / html_of(page)).read_text("utf-8")
        assert re.search(r'<link rel="stylesheet" href="[./]*assets/goldenthread\.css"', html), page
        assert re.search(r'<script src="[./]*assets/catalogue\.js"', html), page
        assert "fonts.googleapis.com" not in html, page  # theme.font: false is honoured
        # Our light/dark toggle (base/_theme/partials/palette.html), not the theme's component,
        # and its inline script that sets the scheme before the first frame.
        assert "<form class=\"md-header__option\" data-gt-palette>" in html, page
        assert 'data-md-component="palette"' not in html and "[data-gt-palette] input" in html, page


def test_year_downloads_are_copied(zensical_site: ZensicalSite) -> None:
    for year in zensical_site.knowledge.years:
        folder = zensical_site.site / "research" / str(year)
        assert (folder / pdf_name(year)).read_bytes().startswith(b"%PDF-")
        assert (folder / references_name(year)).is_file()


def test_site_passes_our_audit_but_for_search_export_and_policy(zensical_site: ZensicalSite) -> None:
    """Links, anchors, scripts and alt text pass goldenthread's own audit of a built site.

    The three expected gaps: the audit reads MkDocs' search index (Zensical writes
    search.json, checked above); library/library.bib is written by `goldenthread build`
    into its own site/, which `zensical build` replaces; and no page has a
    Content-Security-Policy, which the goldenthread plugin makes and Zensical runs no plugin.
    """
    problems = audit_site(zensical_site.site, zensical_site.knowledge, label="site")
    unexpected = [p for p in problems if p.code not in ("missing-search-entry", "csp-missing")
                  and not (p.code == "missing-export" and p.path == "site/library/library.bib")]
    assert not unexpected, "\n".join(f"{p.path}:{p.line}: {p.code}: {p.message}" for p in unexpected)


def test_without_generated_pages_the_strict_build_fails(tmp_path: Path) -> None:
    """Zensical runs no hook: nothing generates the pages, and mkdocs.yml's strict: true stops it."""
    zensical_or_skip()
    root = copy_repository(tmp_path / "repo")
    run = zensical_build(root)
    output = output_of(run)
    assert run.returncode != 0, output
    assert "page does not exist" in output
    assert not (root / "docs" / "library").exists()


def test_the_theme_override_adds_scholar_tags_and_json_ld(zensical_site: ZensicalSite) -> None:
    """Zensical renders docs/_theme/main.html (theme.custom_dir) from the pages' front matter,
    and copies each entry's offprint beside its page; it has no Content-Security-Policy."""
    for entry in zensical_site.knowledge.entries:
        folder = zensical_site.site / "research" / str(entry.year) / entry.id
        html = (folder / "index.html").read_text("utf-8")
        assert '<meta name="citation_title"' in html and "citation_technical_report_institution" in html
        assert '<script type="application/ld+json">' in html
        assert "Content-Security-Policy" not in html
        assert (folder / f"{entry.id}.pdf").read_bytes().startswith(b"%PDF-")


def test_the_glossarys_abbreviations_and_page(zensical_site: ZensicalSite) -> None:
    """The abbreviations appended to a generated page are plain Markdown: Zensical's abbr marks
    them up as MkDocs' does, and the Glossary page has an anchor per term."""
    html = (zensical_site.site / "library" / "send-code-of-practice" / "index.html").read_text("utf-8")
    assert '<abbr title="special educational needs and disabilities">SEND</abbr>' in html
    assert "*[SEND]" not in html
    assert 'class="gt-footer-glossary"' in html  # the footer's link: our partial, rendered
    glossary = (zensical_site.site / "library" / "glossary" / "index.html").read_text("utf-8")
    assert all(f'id="{anchor(term)}"' in glossary for term in zensical_site.knowledge.glossary)
