"""`goldenthread build`: validate, generate, build the site with its PDFs and exports, audit it,
then swap it in. The PDFs, exports and audit run beside MkDocs (publish/alongside.py).

Everything is built into a fresh folder beside site/ and only renamed into place when
every step has succeeded, so a failed build leaves the previous site/ exactly as it was.
"""

from __future__ import annotations

import datetime
import gc
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..audit.site import site_files
from ..model import KnowledgeBase
from ..problems import Problem
from .alongside import beside
from .generation import load_knowledge, plan_generated
from .mkdocs_build import build_site


@dataclass
class BuildResult:
    problems: list[Problem]
    site: Path | None = None
    pages: int = 0
    steps: list[tuple[str, float]] = field(default_factory=list)  # (step, seconds) in order


class _Clock:
    def __init__(self) -> None:
        self.steps: list[tuple[str, float]] = []
        self._last = time.perf_counter()

    def lap(self, step: str) -> None:
        now = time.perf_counter()
        self.steps.append((step, now - self._last))
        self._last = now


def source_date(knowledge: KnowledgeBase) -> int:
    """A build timestamp taken from the sources (newest date in them), for reproducible output."""
    dates = [t.added for t in knowledge.titles if t.added]
    newest = max(dates) if dates else ""
    years = [*(e.year for e in knowledge.entries), *(t.year for t in knowledge.titles)]
    if not newest:
        newest = f"{max(years) if years else 2000}-01-01"
    moment = datetime.datetime.fromisoformat(newest).replace(tzinfo=datetime.UTC)
    return int(moment.timestamp())


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
    clock = _Clock()
    validation, knowledge = load_knowledge(root)
    clock.lap("validate")
    if knowledge is None:
        return BuildResult(validation.problems, steps=clock.steps)
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(source_date(knowledge)))
    scratch = Path(tempfile.mkdtemp(prefix=f".{site.name}.build-", dir=site.parent))
    umask = os.umask(0)
    os.umask(umask)
    scratch.chmod(0o777 & ~umask)  # mkdtemp makes 0700; site/ must be readable by a web server
    plan = plan_generated(root, validation, knowledge, exports=False)
    work = beside(root, knowledge, int(os.environ["SOURCE_DATE_EPOCH"]), scratch, site.name,
                  files=plan.beside_files, titles=plan)
    try:
        generated = plan.write(with_files=False, with_titles=False)  # the titles' pages: work.start()
        gc.freeze()  # what is loaded stays for the build: the collector need not walk it again
        work.start()
        clock.lap("generate the pages")
        build_site(root, scratch, work)
        clock.lap(f"MkDocs, with the PDFs, exports and audit {work.how}")
        audited = work.problems(site_files(scratch))
        clock.lap("finish the audit")
        if audited:
            shutil.rmtree(scratch, ignore_errors=True)
            return BuildResult(audited, steps=clock.steps)
        swap_in(scratch, site)
        clock.lap("swap the new site in")
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    finally:
        work.close()
        gc.unfreeze()
    return BuildResult(generated.validation.problems, site, generated.pages, clock.steps)
