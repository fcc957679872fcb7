"""`goldenthread build`: validate, generate, build the site with its PDFs and exports, audit it,
then swap it in for site/.

One build at a time per checkout (publish/site_folder.py). Everything is built into a
fresh folder beside site/, which takes site/'s place only once every step has succeeded,
so a failed, interrupted or killed build leaves the previous site/ exactly as it was.
"""

from __future__ import annotations

import gc
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..check.settings import check_settings
from ..problems import GoldenThreadError, Problem
from ..publish.generation import write_base
from ..publish.session import BuildSession, InvalidSources
from ..publish.site_folder import build_lock, discard, new_scratch, remove_leftovers, swap_in
from ..settings import PLUGIN, Settings, load_settings
from . import engine
from .plugin import GoldenThreadPlugin


class SiteBuildError(GoldenThreadError):
    """MkDocs refused the site (strict mode turns every warning into this)."""


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


def load_site(root: Path, site_dir: Path) -> Any:
    """Read mkdocs.yml, to build into site_dir (the engine's config). The engine's shared
    site files are written into docs/ first: mkdocs.yml's theme.custom_dir is one of them."""
    write_base(root / "docs")
    logger = engine.logger()
    logger.setLevel(logging.WARNING)
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter(f"{engine.NAME}: %(levelname)s: %(message)s"))
        logger.addHandler(handler)
    try:
        return engine.load(str(root / "mkdocs.yml"), str(site_dir))
    except (engine.Abort, engine.ConfigurationError) as error:
        raise SiteBuildError(f"the site did not build: {error}") from error


def plugin_of(config: Any) -> GoldenThreadPlugin:
    plugin = config.plugins.get(PLUGIN)
    if not isinstance(plugin, GoldenThreadPlugin):
        raise SiteBuildError(f"mkdocs.yml does not list the {PLUGIN} plugin: "
                             f"add `- {PLUGIN}` under `plugins:`")
    return plugin


def run_engine(config: Any, session: BuildSession) -> None:
    """The engine's build of config, with session as the plugin's."""
    plugin_of(config).session = session
    try:
        engine.build(config)
    except (engine.Abort, engine.ConfigurationError) as error:
        raise SiteBuildError(f"the site did not build: {error}") from error


def build(root: Path, site: Path | None = None) -> BuildResult:
    site = site or root / "site"
    settings = load_settings(root)  # once: validation, generation, the PDFs and the plugin share it
    found = check_settings(root, settings)
    if any(problem.level == "error" for problem in found):  # validate reports the notices
        return BuildResult(found)
    with build_lock(site):
        remove_leftovers(site)
        scratch = new_scratch(site)
        try:
            result = _build_into(root, scratch, site, settings)
        except BaseException:  # an error, or Ctrl-C / SIGTERM: site/ stays as it was
            discard(scratch)
            raise
        if result.site is None:
            discard(scratch)
        return result


def _build_into(root: Path, scratch: Path, site: Path, settings: Settings) -> BuildResult:
    """Build into scratch; swap it in for site only if every step succeeded."""
    clock = _Clock()
    session = BuildSession(root, scratch, audit=True, label=site.name, settings=settings)
    try:
        config = load_site(root, scratch)
        clock.lap("load MkDocs")
        gc.freeze()  # what is loaded stays for the build: the collector need not walk it again
        try:
            run_engine(config, session)
        except InvalidSources:
            return BuildResult(session.problems, steps=clock.steps + session.steps)
        clock.lap(f"MkDocs, with the titles' pages, PDFs, exports and audit {session.how}")
        audited = session.finish()
        clock.lap("finish the audit")
        if audited:
            return BuildResult(audited, steps=clock.steps)
        swap_in(scratch, site)
        clock.lap("swap the new site in")
    finally:
        session.close()
        gc.unfreeze()
    steps = [clock.steps[0], *((f"  ({step})", seconds) for step, seconds in session.steps), *clock.steps[1:]]
    return BuildResult(session.problems, site, session.pages, steps)
