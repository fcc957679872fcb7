"""`goldenthread build`: validate, generate, build the site, add exports; then swap it in.

Everything is built into a fresh folder beside site/ and only renamed into place when
every step has succeeded, so a failed build leaves the previous site/ exactly as it was.
"""

from __future__ import annotations

import datetime
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..audit.site import audit_site
from ..export.bibtex import catalogue
from ..export.references import references_name, year_references
from ..generate.writer import write_atomically
from ..model import KnowledgeBase
from ..problems import Problem
from .generation import generate_pages
from .mkdocs_build import build_site
from .pdf import build_pdf, pdf_name


@dataclass
class BuildResult:
    problems: list[Problem]
    site: Path | None = None
    pages: int = 0


def source_date(knowledge: KnowledgeBase) -> int:
    """A build timestamp taken from the sources (newest date in them), for reproducible output."""
    dates = [t.added for t in knowledge.titles if t.added]
    newest = max(dates) if dates else ""
    years = [*(e.year for e in knowledge.entries), *(t.year for t in knowledge.titles)]
    if not newest:
        newest = f"{max(years) if years else 2000}-01-01"
    moment = datetime.datetime.fromisoformat(newest).replace(tzinfo=datetime.UTC)
    return int(moment.timestamp())


def write_pdfs(root: Path, knowledge: KnowledgeBase, timestamp: int) -> None:
    """Each year's PDF, beside its generated year page, so MkDocs checks the link and copies it."""
    for year in knowledge.years:
        folder = root / "docs" / "research" / str(year)
        write_atomically(folder / pdf_name(year), build_pdf(root, knowledge, year, timestamp))
        write_atomically(folder / references_name(year), year_references(knowledge, year).encode("utf-8"))


def write_exports(knowledge: KnowledgeBase, site: Path) -> None:
    text = catalogue(knowledge.titles, "Staff Professional Development Library, exported by goldenthread")
    write_atomically(site / "library" / "library.bib", text.encode("utf-8"))


def swap_in(built: Path, site: Path) -> None:
    """Replace site/ by built/ with two renames; the old site is removed afterwards."""
    old = None
    if site.exists():
        old = site.with_name(f".{site.name}.old-{os.getpid()}")
        site.rename(old)
    built.rename(site)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def build(root: Path, site: Path | None = None) -> BuildResult:
    site = site or root / "site"
    generated = generate_pages(root)
    if generated.knowledge is None:
        return BuildResult(generated.validation.problems)
    knowledge = generated.knowledge
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(source_date(knowledge)))
    write_pdfs(root, knowledge, int(os.environ["SOURCE_DATE_EPOCH"]))
    scratch = Path(tempfile.mkdtemp(prefix=f".{site.name}.build-", dir=site.parent))
    umask = os.umask(0)
    os.umask(umask)
    scratch.chmod(0o777 & ~umask)  # mkdtemp makes 0700; site/ must be readable by a web server
    try:
        build_site(root, scratch)
        write_exports(knowledge, scratch)
        audited = audit_site(scratch, knowledge, label=site.name)
        if audited:
            shutil.rmtree(scratch, ignore_errors=True)
            return BuildResult(audited)
        swap_in(scratch, site)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return BuildResult(generated.validation.problems, site, generated.pages)
