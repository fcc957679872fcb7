"""The Typst adapter: one year's publication -> a tagged PDF/UA-1 file, reproducibly."""

from __future__ import annotations

import datetime
import json
import shutil
import tempfile
from importlib import resources
from pathlib import Path

from ..model import KnowledgeBase
from ..problems import GoldenThreadError
from ..publication.document import entry_bibliographies, publication_data
from ..publication.markdown_tree import parser
from ..settings import load_settings

TEMPLATE = "publication.typ"


class PdfError(GoldenThreadError):
    """Typst could not make the PDF."""


def pdf_name(year: int) -> str:
    return f"action-research-{year}.pdf"


def build_pdf(root: Path, kb: KnowledgeBase, year: int, timestamp: int) -> bytes:
    """The PDF of one year's publication. The same sources give the same bytes."""
    import typst

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
        fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=True)
        try:
            compiler = typst.Compiler(work / TEMPLATE, root=work, font_paths=fonts,
                                      ignore_system_fonts=True)
            pdf = compiler.compile(format="pdf", pdf_standards=["ua-1"],
                                   timestamp=datetime.datetime.fromtimestamp(timestamp, datetime.UTC))
        except typst.TypstError as error:
            raise PdfError(f"the {year} PDF could not be made: {error.message}\n"
                           f"{error.diagnostic}") from error
    assert isinstance(pdf, bytes)
    return pdf
