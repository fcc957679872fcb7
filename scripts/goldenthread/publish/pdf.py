"""The Typst adapter: the publications -> tagged PDF/UA-1 files, reproducibly.

Each year's publication and each entry's offprint is a folder Typst reads (the template,
its data.json, the references and images it prints); every PDF a build needs is made in
one Typst process (typst_process.py), however many there are.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from ..model import Entry, KnowledgeBase
from ..paths import offprint
from ..publication.document import (
    Parsed,
    bib_name,
    entry_bibliographies,
    entry_bibliography,
    offprint_data,
    publication_data,
)
from ..publication.markdown_tree import Node, parser
from ..settings import Settings, load_settings
from .typst_process import TEMPLATE, PdfError, compile_pdfs

__all__ = ["PdfError", "build_offprint", "build_pdf", "build_pdfs", "pdf_name"]


def pdf_name(year: int) -> str:
    return f"action-research-{year}.pdf"


def annual_output(year: int) -> str:
    """The docs-relative name of the year's publication."""
    return f"research/{year}/{pdf_name(year)}"


def build_pdf(root: Path, kb: KnowledgeBase, year: int, timestamp: int,
              settings: Settings | None = None) -> bytes:
    """The PDF of one year's publication. The same sources give the same bytes."""
    if year not in kb.years:
        raise PdfError(f"there is no research/{year}/ with entries or a foreword")
    return build_pdfs(root, kb, timestamp, years=[year], settings=settings)[annual_output(year)]


def build_offprint(root: Path, kb: KnowledgeBase, entry: Entry, timestamp: int,
                   settings: Settings | None = None) -> bytes:
    """The offprint of one entry."""
    return build_pdfs(root, kb, timestamp, entries=[entry], settings=settings)[offprint(entry)]


def build_pdfs(root: Path, kb: KnowledgeBase, timestamp: int, years: Iterable[int] = (),
               entries: Iterable[Entry] = (), settings: Settings | None = None) -> dict[str, bytes]:
    """These years' publications and these entries' offprints, made by Typst in one process:
    docs-relative output name -> PDF. settings: the run's (read here when not given)."""
    settings = settings or load_settings(root)
    md = parser(settings.markdown)
    parsed: Parsed = {}  # each entry's data, for its year's PDF and its offprint
    with tempfile.TemporaryDirectory(prefix="goldenthread-pdf-") as scratch:
        works: dict[str, Path] = {}
        labels: list[str] = []
        for year in years:
            work = works[annual_output(year)] = Path(scratch) / str(year)
            data = publication_data(kb, year, settings, md, parsed)
            _prepare(work, data, entry_bibliographies(kb, year, md))
            _copy_images(root, year, work, None)
            labels.append(f"the {year} PDF")
        for number, entry in enumerate(entries):
            work = works[offprint(entry)] = Path(scratch) / f"offprint-{number}"
            data = offprint_data(kb, entry, settings, md, parsed)
            _prepare(work, data, {bib_name(entry): entry_bibliography(entry, md)} if entry.references else {})
            _copy_images(root, entry.year, work, _images(data["entry"]["body"]))
            labels.append(f"the offprint of {entry.path or entry.id}")
        made = compile_pdfs(list(works.values()), timestamp, labels) if works else []
    return dict(zip(works, made, strict=True))


def _prepare(work: Path, data: dict[str, Any], bibliographies: dict[str, str]) -> None:
    """The folder Typst reads: the template, the data, the references."""
    work.mkdir()
    template = resources.files("goldenthread.publication").joinpath(TEMPLATE)
    (work / TEMPLATE).write_text(template.read_text("utf-8"), "utf-8")
    (work / "data.json").write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), "utf-8")
    for name, text in bibliographies.items():
        (work / name).write_text(text, "utf-8")


def _images(nodes: list[Node]) -> set[str]:
    """The image files a tree shows (images/<file>, as validated)."""
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, dict):
            if node["t"] == "img":
                found.add(node.get("a", {}).get("src", ""))
            found |= _images(node["c"])
    return found


def _copy_images(root: Path, year: int, work: Path, wanted: set[str] | None) -> None:
    """The year's images (only the wanted ones, if given) into the folder Typst reads."""
    images = root / "research" / str(year) / "images"
    if not images.is_dir():
        return
    if wanted is None:
        shutil.copytree(images, work / "images")
        return
    for name in sorted(wanted):
        source = root / "research" / str(year) / name
        if name.startswith("images/") and source.is_file():
            (work / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, work / name)
