"""The generation step: validate, assemble, write the generated pages into docs/.

The MkDocs hook (so `mkdocs serve` and plain `mkdocs build`) calls generate_pages;
`goldenthread build` takes the same steps one at a time (publish/build.py).
"""

from __future__ import annotations

import datetime
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..assemble import assemble
from ..export.bibtex import LIBRARY_EXPORT, library_export
from ..export.references import references_name
from ..generate.library import title_pages
from ..generate.links import title_page
from ..generate.pages import OWNED, site_files, site_pages
from ..generate.relations import Relations, relate
from ..generate.research import pdf_name
from ..generate.writer import copy_files, write_changed, write_pages
from ..model import KnowledgeBase
from ..settings import Settings, load_settings
from ..validation import Validation, validate

TEXTS = "docs/_text"


@dataclass
class Generated:
    validation: Validation
    knowledge: KnowledgeBase | None = None
    pages: int = 0
    written: int = 0


def hand_written_texts(root: Path) -> dict[str, str]:
    folder = root / TEXTS
    if not folder.is_dir():
        return {}
    return {path.stem: path.read_text("utf-8") for path in sorted(folder.glob("*.md"))}


def hand_written_pages(root: Path) -> dict[str, str]:
    """The Markdown pages under docs/ that are not generated (nor the intros in docs/_text)."""
    docs = root / "docs"
    pages = {}
    for path in sorted(docs.rglob("*.md")):
        relative = path.relative_to(docs)
        if relative.parts[0] in (*OWNED, "_text") or relative.parts[0].startswith("."):
            continue
        pages[relative.as_posix()] = path.read_text("utf-8")
    return pages


def source_date(knowledge: KnowledgeBase) -> int:
    """A build timestamp taken from the sources (newest date in them), for reproducible output."""
    dates = [t.added for t in knowledge.titles if t.added]
    newest = max(dates) if dates else ""
    years = [*(e.year for e in knowledge.entries), *(t.year for t in knowledge.titles)]
    if not newest:
        newest = f"{max(years) if years else 2000}-01-01"
    moment = datetime.datetime.fromisoformat(newest).replace(tzinfo=datetime.UTC)
    return int(moment.timestamp())


def load_knowledge(root: Path) -> tuple[Validation, KnowledgeBase | None]:
    """Validate the sources and, if they are valid, assemble them."""
    validation = validate(root)
    return validation, assemble(validation.sources) if validation.ok else None


# Titles from which their pages are made in worker processes. Measured on 2 cores: at 1,000
# titles about even (0.14-0.24 s against 0.22 s in one process); at 10,000, 1.5 s against 2.3 s.
PARALLEL_FROM = 2000
_TITLE_JOB: tuple[Path, KnowledgeBase, Relations, Settings] | None = None  # for forked workers


def _write_titles(bounds: tuple[int, int]) -> int:
    assert _TITLE_JOB is not None
    docs, knowledge, relations, settings = _TITLE_JOB
    titles = knowledge.titles[bounds[0]:bounds[1]]
    return sum(write_changed(docs / path, text)
               for path, text in title_pages(knowledge, relations, settings, titles))


def write_title_pages(docs: Path, knowledge: KnowledgeBase, relations: Relations, settings: Settings) -> int:
    """Each title's page, written if changed: in forked workers for a large catalogue."""
    global _TITLE_JOB
    count = len(knowledge.titles)
    workers = min(os.cpu_count() or 1, 4)
    _TITLE_JOB = (docs, knowledge, relations, settings)
    try:
        if count < PARALLEL_FROM or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return _write_titles((0, count))
        size = -(-count // workers)
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return sum(pool.map(_write_titles, [(i, min(count, i + size)) for i in range(0, count, size)]))
    finally:
        _TITLE_JOB = None


@dataclass
class Plan:
    """Every generated page but the titles' own, made but not yet written (the titles' pages
    are made as they are written); and the files made beside them."""

    root: Path
    validation: Validation
    knowledge: KnowledgeBase
    pages: dict[str, str]
    keep: frozenset[str]  # docs-relative files under the generated folders that others write
    images: set[str]
    exports: bool
    relations: Relations
    settings: Settings

    def beside_files(self) -> dict[str, str]:
        """The search index and the catalogue's JSON (site-relative path -> text): files no
        page links to, which only need to reach the site."""
        return site_files(self.knowledge, self.pages, hand_written_pages(self.root))

    def title_uris(self) -> list[str]:
        """The titles' pages (docs-relative) in the order MkDocs reads them: its walk of docs/
        sorts folder names, so library/a/ comes before library/a-b/."""
        return sorted((title_page(title) for title in self.knowledge.titles), key=lambda uri: uri.split("/"))

    def write_titles(self, progress: Callable[[int], None] | None = None, every: int = 100) -> int:
        """Write each title's page if changed. With progress: in one process, in title_uris'
        order, calling progress(pages written so far) every `every` pages and at the end (so
        MkDocs can read the first while the rest are written: publish/alongside.py)."""
        docs = self.root / "docs"
        if progress is None:
            return write_title_pages(docs, self.knowledge, self.relations, self.settings)
        by_page = {title_page(title): title for title in self.knowledge.titles}
        ordered = [by_page[uri] for uri in self.title_uris()]
        written = done = 0
        for path, text in title_pages(self.knowledge, self.relations, self.settings, ordered):
            written += write_changed(docs / path, text)
            done += 1
            if done % every == 0:
                progress(done)
        if done % every or not done:
            progress(done)
        return written

    def write(self, with_files: bool = True, with_titles: bool = True) -> Generated:
        """Write the pages (and, with_files, the files beside them) into docs/; remove what is
        stale in the generated folders. `build` writes the files beside the pages straight
        into the site instead, and the titles' pages beside MkDocs (publish/alongside.py)."""
        files = self.beside_files() if with_files else {}
        if self.exports:
            files[LIBRARY_EXPORT] = library_export(self.knowledge.titles)
        docs = self.root / "docs"
        titles = {title_page(title) for title in self.knowledge.titles}
        written = write_pages(docs, {**self.pages, **files}, OWNED, keep=self.keep | titles)
        if with_titles:
            written += self.write_titles()
        written += copy_files(self.root, docs, self.images)
        return Generated(self.validation, self.knowledge, len(self.pages) + len(titles), written)


def plan_generated(root: Path, validation: Validation, knowledge: KnowledgeBase,
                   pdf_years: set[int] | None = None, exports: bool = True) -> Plan:
    """pdf_years: the years whose PDF and references the pages link (all by default): the
    caller writes those files. exports: write library/library.bib with the pages; `build`
    writes it beside MkDocs instead (publish/alongside.py)."""
    years = set(knowledge.years) if pdf_years is None else pdf_years
    relations, settings = relate(knowledge), load_settings(root)
    pages = site_pages(knowledge, settings, hand_written_texts(root), years, relations, with_titles=False)
    pdfs = {f"research/{year}/{name}" for year in years
            for name in (pdf_name(year), references_name(year))}
    images = {f"research/{folder}/{name}" for folder, names in validation.sources.images.items()
              for name in names}
    return Plan(root, validation, knowledge, pages, frozenset(pdfs | images | {LIBRARY_EXPORT}), images,
                exports, relations, settings)


def generate_pages(root: Path, pdf_years: set[int] | None = None, exports: bool = True) -> Generated:
    """Validate the sources; if they are valid, (re)write every generated page (as above)."""
    validation, knowledge = load_knowledge(root)
    if knowledge is None:
        return Generated(validation)
    return plan_generated(root, validation, knowledge, pdf_years, exports).write()
