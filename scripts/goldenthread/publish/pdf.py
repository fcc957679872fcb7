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
from .typst_process import TEMPLATE, PdfError, compile_pdf

__all__ = ["PdfError", "build_pdf", "pdf_name"]


def pdf_name(year: int) -> str:
    return f"action-research-{year}.pdf"


def build_pdf(root: Path, kb: KnowledgeBase, year: int, timestamp: int) -> bytes:
    """The PDF of one year's publication. The same sources give the same bytes."""
    if year not in kb.years:
        raise PdfError(f"there is no research/{year}/ with entries or a foreword")
    data = publication_data(kb, year, load_settings(root), parser(root))
    with tempfile.TemporaryDirectory(prefix="goldenthread-pdf-") as scratch:
        work = Path(scratch)
        template = resources.files("goldenthread.publication").joinpath(TEMPLATE)
        (work / TEMPLATE).write_text(template.read_text("utf-8"), "utf-8")
        (work / "data.json").write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), "utf-8")
        for name, text in entry_bibliographies(kb, year).items():
            (work / name).write_text(text, "utf-8")
        images = root / "research" / str(year) / "images"
        if images.is_dir():
            shutil.copytree(images, work / "images")
        return compile_pdf(work, timestamp, f"the {year} PDF")
