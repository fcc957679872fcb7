"""The Typst adapter: one year's publication -> a tagged PDF/UA-1 file, reproducibly."""

from __future__ import annotations

import json
import shutil
import tempfile
from importlib import resources
from pathlib import Path

from ..model import KnowledgeBase
from ..publication.document import entry_bibliographies, publication_data
from ..publication.markdown_tree import parser
from ..settings import load_settings
from .typst_process import TEMPLATE, PdfError, compile_pdfs

__all__ = ["PdfError", "build_pdf", "build_pdfs", "pdf_name"]


def pdf_name(year: int) -> str:
    return f"action-research-{year}.pdf"


def build_pdf(root: Path, kb: KnowledgeBase, year: int, timestamp: int) -> bytes:
    """The PDF of one year's publication. The same sources give the same bytes."""
    return build_pdfs(root, kb, [year], timestamp)[year]


def build_pdfs(root: Path, kb: KnowledgeBase, years: list[int], timestamp: int) -> dict[int, bytes]:
    """The PDFs of these years' publications, made by Typst in one process."""
    for year in years:
        if year not in kb.years:
            raise PdfError(f"there is no research/{year}/ with entries or a foreword")
    settings, markdown = load_settings(root), parser(root)
    with tempfile.TemporaryDirectory(prefix="goldenthread-pdf-") as scratch:
        works = []
        for year in years:
            work = Path(scratch) / str(year)
            work.mkdir()
            _prepare(work, root, kb, year, publication_data(kb, year, settings, markdown))
            works.append(work)
        made = compile_pdfs(works, timestamp, [f"the {year} PDF" for year in years])
    return dict(zip(years, made, strict=True))


def _prepare(work: Path, root: Path, kb: KnowledgeBase, year: int, data: dict[str, object]) -> None:
    """The folder Typst reads: the template, the data, each entry's references, the images."""
    template = resources.files("goldenthread.publication").joinpath(TEMPLATE)
    (work / TEMPLATE).write_text(template.read_text("utf-8"), "utf-8")
    (work / "data.json").write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), "utf-8")
    for name, text in entry_bibliographies(kb, year).items():
        (work / name).write_text(text, "utf-8")
    images = root / "research" / str(year) / "images"
    if images.is_dir():
        shutil.copytree(images, work / "images")
