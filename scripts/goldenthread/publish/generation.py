"""The generation step: validate, assemble, write the generated pages into docs/.

Both `goldenthread build` and the MkDocs hook (so `mkdocs serve` and plain `mkdocs build`)
call this one function.
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


def write_generated(root: Path, validation: Validation, knowledge: KnowledgeBase,
                    pdf_years: set[int] | None = None, exports: bool = True) -> Generated:
    """(Re)write every generated page into docs/, and remove what is stale there.

    pdf_years: the years whose PDF and references the pages link (all by default): the
    caller writes those files. exports: write library/library.bib here too; `build`
    writes it beside MkDocs instead (publish/alongside.py)."""
    years = set(knowledge.years) if pdf_years is None else pdf_years
    pages = site_pages(knowledge, load_settings(root), hand_written_texts(root), years)
    pdfs = {f"research/{year}/{name}" for year in years
            for name in (pdf_name(year), references_name(year))}
    images = {f"research/{folder}/{name}" for folder, names in validation.sources.images.items()
              for name in names}
    files = site_files(knowledge, pages, hand_written_pages(root))
    if exports:
        files[LIBRARY_EXPORT] = library_export(knowledge.titles)
    keep = frozenset(pdfs | images | {LIBRARY_EXPORT})
    written = write_pages(root / "docs", {**pages, **files}, OWNED, keep=keep)
    written += copy_files(root, root / "docs", images)
    return Generated(validation, knowledge, len(pages), written)


def generate_pages(root: Path, pdf_years: set[int] | None = None, exports: bool = True) -> Generated:
    """Validate the sources; if they are valid, (re)write every generated page (as above)."""
    validation, knowledge = load_knowledge(root)
    if knowledge is None:
        return Generated(validation)
    return write_generated(root, validation, knowledge, pdf_years, exports)
