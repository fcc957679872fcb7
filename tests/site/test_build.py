"""Builds are deterministic and atomic, and every record reaches the site and its search index
(docs/search-index/, written by generate/search_index.py and read by assets/search.js)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from goldenthread.generate.pages import OWNED
from goldenthread.generate.search_index import TITLED, indexed_urls
from goldenthread.generate.search_words import terms
from goldenthread.mkdocs_plugin.build import SiteBuildError, build
from goldenthread.paths import entry_page, title_page, url_of

from ..conftest import REPO
from .conftest import BuiltSite

COPIED = ("docs", "library", "research", "scripts", "mkdocs.yml")


def copy_repository(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns(
                "__pycache__", *OWNED) if name == "docs" else shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / name)
    return target


def digest(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site.rglob("*")) if path.is_file()}


def leftovers(repository: Path) -> list[str]:
    """What a build left beside site/ but its lock file (a build's folder, an old site)."""
    return sorted(p.name for p in repository.iterdir()
                  if p.name.startswith(".site.") and p.name != ".site.lock")


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    return copy_repository(tmp_path / "repo")


def test_two_builds_are_byte_identical(repository: Path, tmp_path: Path) -> None:
    first = build(repository, tmp_path / "one")
    second = build(repository, tmp_path / "two")
    assert first.site and second.site
    one, two = digest(first.site), digest(second.site)
    records = len(list((repository / "library" / "titles").glob("*.yaml")))
    assert len(one) > records
    assert one == two


def test_invalid_source_leaves_site_untouched(repository: Path) -> None:
    assert build(repository).site is not None
    before = digest(repository / "site")
    (repository / "library" / "titles" / "make-it-stick.yaml").write_text("title: [broken\n")
    result = build(repository)
    assert result.site is None
    assert [p.code for p in result.problems] == ["yaml-syntax"]
    assert digest(repository / "site") == before


def test_failing_site_build_leaves_site_untouched(repository: Path) -> None:
    assert build(repository).site is not None
    before = digest(repository / "site")
    support = repository / "docs" / "support.md"
    support.write_text(support.read_text() + "\n[a broken link](no-such-page.md)\n")
    with pytest.raises(SiteBuildError):
        build(repository)
    assert digest(repository / "site") == before
    assert not leftovers(repository)


def _read(site: Path) -> Callable[[str], str | None]:
    def read(path: str) -> str | None:
        file = site / path
        return file.read_text("utf-8") if file.is_file() else None
    return read


def test_every_record_has_its_page_and_search_entry(built: BuiltSite) -> None:
    locations = indexed_urls(_read(built.site))
    pages = {url_of(title_page(t)) for t in built.knowledge.titles}
    pages |= {url_of(entry_page(e)) for e in built.knowledge.entries}
    assert len(pages) == len(built.knowledge.titles) + len(built.knowledge.entries)
    for page in sorted(pages):
        assert (built.site / page / "index.html").is_file(), page
    assert pages <= locations


def _postings(site: Path, term: str) -> dict[int, int]:
    """document number -> impact, as search.js reads them from the built site."""
    index = site / "search-index"
    manifest = json.loads((index / "manifest.json").read_text("utf-8"))
    keys = manifest["shards"]
    key = next(term[:n] for n in range(len(term), 0, -1) if term[:n] in keys)
    shard = json.loads((index / "t" / f"{keys.index(key)}.json").read_text("utf-8"))
    doc, found = 0, {}
    for value in shard.get(term, []):
        doc += value // 64
        found[doc] = value % 64
    return found


def test_search_index_holds_authors_and_summaries(built: BuiltSite) -> None:
    index = built.site / "search-index"
    manifest = json.loads((index / "manifest.json").read_text("utf-8"))
    urls = [doc[0] for n in range(-(-manifest["docs"] // manifest["chunk"]))
            for doc in json.loads((index / "d" / f"{n}.json").read_text("utf-8"))]
    for title in built.knowledge.titles[:20]:
        number = urls.index(url_of(title_page(title)))
        for term in terms(title.authors[0]):
            assert _postings(built.site, term)[number] >= TITLED, (title.id, term)  # as its title
        for term in terms(" ".join(title.summary.split()[:6])):
            assert _postings(built.site, term)[number] > 0, (title.id, term)


def test_library_bib_has_every_title(built: BuiltSite) -> None:
    exported = (built.site / "library" / "library.bib").read_text("utf-8")
    for title in built.knowledge.titles:
        assert f"{{{title.id}," in exported


def test_citations_link_to_their_references(built: BuiltSite) -> None:
    import re

    from goldenthread.cite.apa import reference_list

    checked = 0
    for entry in built.knowledge.entries:
        html = (built.site / url_of(entry_page(entry)) / "index.html").read_text("utf-8")
        targets = set(re.findall(r'href="#(ref-[^"]+)"', html))
        ids = set(re.findall(r'id="(ref-[^"]+)"', html))
        assert targets <= ids, entry.id
        for reference in reference_list(entry.references):
            assert f'id="ref-{reference.key}"' in html
            assert reference.author_date.split(",")[0].split(" ")[0] in html
        checked += len(targets)
    assert checked >= len(built.knowledge.entries)


def test_year_pages_link_their_pdf(built: BuiltSite) -> None:
    for year in built.knowledge.years:
        html = (built.site / "research" / str(year) / "index.html").read_text("utf-8")
        assert f'href="action-research-{year}.pdf"' in html
        assert (built.site / "research" / str(year) / f"action-research-{year}.pdf").is_file()


def test_entry_images_reach_the_site_with_alt_text(repository: Path) -> None:
    from ..publication.test_pdf import png_pixel

    folder = repository / "research" / "2025"
    (folder / "images").mkdir()
    (folder / "images" / "chart.png").write_bytes(png_pixel())
    entry = folder / "retrieval-practice-in-year-4.md"
    entry.write_text(entry.read_text("utf-8") + "\n![Bar chart of quiz scores](images/chart.png)\n")
    result = build(repository)
    assert result.site is not None, result.problems
    page = (result.site / "research/2025/retrieval-practice-in-year-4/index.html").read_text("utf-8")
    assert 'alt="Bar chart of quiz scores"' in page
    assert (result.site / "research/2025/images/chart.png").read_bytes() == png_pixel()


def test_site_folder_has_an_ordinary_mode(built: BuiltSite) -> None:

    umask = os.umask(0)
    os.umask(umask)
    assert built.site.stat().st_mode & 0o777 == 0o777 & ~umask
