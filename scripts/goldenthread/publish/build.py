"""`goldenthread build`: validate, generate, build the site with its PDFs and exports, audit it,
then swap it in. The PDFs, exports and audit run beside MkDocs (publish/alongside.py).

Everything is built into a fresh folder beside site/ and only renamed into place when
every step has succeeded, so a failed build leaves the previous site/ exactly as it was.
"""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..audit.site import site_files
from ..problems import Problem
from .alongside import Forked, beside, generate
from .generation import source_date
from .mkdocs_build import build_site, load_site

__all__ = ["BuildResult", "build", "source_date", "swap_in"]


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


def swap_in(built: Path, site: Path) -> None:
    """Replace site/ by built/ with two renames; the old site is removed afterwards."""
    old = None
    if site.exists():
        old = site.with_name(f".{site.name}.old-{os.getpid()}")
        site.rename(old)
    built.rename(site)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _scratch(site: Path) -> Path:
    """A fresh folder beside site/, readable as site/ will be."""
    scratch = Path(tempfile.mkdtemp(prefix=f".{site.name}.build-", dir=site.parent))
    umask = os.umask(0)
    os.umask(umask)
    scratch.chmod(0o777 & ~umask)  # mkdtemp makes 0700; site/ must be readable by a web server
    return scratch


def build(root: Path, site: Path | None = None) -> BuildResult:
    site = site or root / "site"
    clock = _Clock()
    scratch = _scratch(site)
    work = beside(partial(generate, root, scratch, site.name))
    try:
        work.start()  # beside: validate and generate while MkDocs loads here
        config = load_site(root, scratch)
        clock.lap("load MkDocs")
        ready = work.ready()
        beside_mkdocs = isinstance(work, Forked)
        clock.lap("wait for the pages" if beside_mkdocs else "validate and generate the pages")
        clock.steps += [(f"  ({step}, {'in the second process' if beside_mkdocs else 'of which'})", seconds)
                        for step, seconds in ready.steps]
        if not ready.valid:
            shutil.rmtree(scratch, ignore_errors=True)
            return BuildResult(ready.problems, steps=clock.steps)
        os.environ.setdefault("SOURCE_DATE_EPOCH", str(ready.timestamp))
        gc.freeze()  # what is loaded stays for the build: the collector need not walk it again
        build_site(config, work)
        clock.lap(f"MkDocs, with the titles' pages, PDFs, exports and audit {work.how}")
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
    return BuildResult(ready.problems, site, ready.pages, clock.steps)
