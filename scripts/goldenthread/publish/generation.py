"""The generation step: validate, assemble, write the generated pages into docs/.

The MkDocs hook (so `mkdocs serve` and plain `mkdocs build`) calls generate_pages;
`goldenthread build` takes the same steps one at a time (publish/build.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..assemble import assemble
from ..export.bibtex import LIBRARY_EXPORT, library_export
from ..export.references import references_name
from ..generate.pages import OWNED, site_files, site_pages
from ..generate.research import pdf_name
from ..generate.writer import copy_files, write_pages
from ..model import KnowledgeBase
from ..settings import load_settings
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


def load_knowledge(root: Path) -> tuple[Validation, KnowledgeBase | None]:
    """Validate the sources and, if they are valid, assemble them."""
    validation = validate(root)
    return validation, assemble(validation.sources) if validation.ok else None


@dataclass
class Plan:
    """Every generated page, made but not yet written; and the files made beside them."""

    root: Path
    validation: Validation
    knowledge: KnowledgeBase
    pages: dict[str, str]
    keep: frozenset[str]  # docs-relative files under the generated folders that others write
    images: set[str]
    exports: bool

    def beside_files(self) -> dict[str, str]:
        """The search index and the catalogue's JSON (site-relative path -> text): files no
        page links to, which only need to reach the site."""
        return site_files(self.knowledge, self.pages, hand_written_pages(self.root))

    def write(self, with_files: bool = True) -> Generated:
        """Write the pages (and, with_files, the files beside them) into docs/; remove what is
        stale in the generated folders. `build` writes the files beside the pages straight
        into the site instead (publish/alongside.py)."""
        files = self.beside_files() if with_files else {}
        if self.exports:
            files[LIBRARY_EXPORT] = library_export(self.knowledge.titles)
        docs = self.root / "docs"
        written = write_pages(docs, {**self.pages, **files}, OWNED, keep=self.keep)
        written += copy_files(self.root, docs, self.images)
        return Generated(self.validation, self.knowledge, len(self.pages), written)


def plan_generated(root: Path, validation: Validation, knowledge: KnowledgeBase,
                   pdf_years: set[int] | None = None, exports: bool = True) -> Plan:
    """pdf_years: the years whose PDF and references the pages link (all by default): the
    caller writes those files. exports: write library/library.bib with the pages; `build`
    writes it beside MkDocs instead (publish/alongside.py)."""
    years = set(knowledge.years) if pdf_years is None else pdf_years
    pages = site_pages(knowledge, load_settings(root), hand_written_texts(root), years)
    pdfs = {f"research/{year}/{name}" for year in years
            for name in (pdf_name(year), references_name(year))}
    images = {f"research/{folder}/{name}" for folder, names in validation.sources.images.items()
              for name in names}
    return Plan(root, validation, knowledge, pages, frozenset(pdfs | images | {LIBRARY_EXPORT}), images,
                exports)


def generate_pages(root: Path, pdf_years: set[int] | None = None, exports: bool = True) -> Generated:
    """Validate the sources; if they are valid, (re)write every generated page (as above)."""
    validation, knowledge = load_knowledge(root)
    if knowledge is None:
        return Generated(validation)
    return plan_generated(root, validation, knowledge, pdf_years, exports).write()
