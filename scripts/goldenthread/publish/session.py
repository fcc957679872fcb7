"""One build of the site: what it generated, the work it handed beside MkDocs, what it found.

The MkDocs plugin (plugin/plugin.py) calls a session at each step of MkDocs' build:

    on_pre_build   generate()          validate; write every page but the titles' own
    on_files       beside_files()      the files still to come, which MkDocs must list
                   start(order)        hand the rest to the executor, in MkDocs' order
    on_pre_page    wait_for_page(uri)  a title's page MkDocs is about to read is written
    on_env         wait_for_outputs()  the PDFs and exports MkDocs is about to copy are made
    on_post_page   rendered(page)      the audit reads each page MkDocs has written
    (after)        finish()            every step done; the audit's problems

The steps beside MkDocs (publish/beside.py) are the functions below that take a `Work`:
the titles' pages in the order MkDocs reads them (so it waits for one only if it gets
there first), the outputs, the search index and the catalogue's JSON (straight into the
site: no page links to them), and the audit of every rendered page.
"""

from __future__ import annotations

import time
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from ..audit.site import SiteAuditor, site_files
from ..problems import GoldenThreadError, Problem
from ..settings import Settings, load_settings
from ..validation import TitleCache
from ..writer import write_atomically
from .beside import Executor, executor_for, outcome
from .generation import Plan, build_timestamp, load_knowledge, plan_generated

FIRST_CHUNK = 25  # titles' pages in the first step, so that MkDocs can start on them soon
CHUNK = 200  # titles' pages in each later step
AUDIT_CHUNK = 200  # rendered pages handed to the audit at a time


class InvalidSources(GoldenThreadError):
    """The sources have errors: nothing was generated (the session's `problems` lists them)."""


@dataclass
class Work:
    """What the steps beside MkDocs read and keep; a forked worker inherits it."""

    plan: Plan
    site: Path  # the folder MkDocs builds into
    timestamp: int
    auditor: SiteAuditor | None


def write_titles(work: Work, pages: list[str]) -> int:
    return work.plan.write_titles(pages)


def write_outputs(work: Work) -> None:
    work.plan.write_outputs(work.timestamp)


def write_site_files(work: Work) -> None:
    for name, text in work.plan.site_files().items():
        write_atomically(work.site / name, text.encode("utf-8"))


def audit_pages(work: Work, pages: list[str]) -> None:
    assert work.auditor is not None
    for page in pages:
        work.auditor.add_page(page, (work.site / page).read_text("utf-8"))


def audit_problems(work: Work, files: set[str]) -> list[Problem]:
    assert work.auditor is not None
    return work.auditor.problems(work.plan.knowledge, files)


@dataclass
class BuildSession:
    """One build into `site`. With audit, every rendered page is audited (`goldenthread
    build`); without, the session only generates (a plain `mkdocs build` or `serve`)."""

    root: Path
    site: Path
    audit: bool = False
    label: str = "site"  # how the audit names the site folder in its problems
    problems: list[Problem] = field(default_factory=list)  # the validation's, then the audit's
    steps: list[tuple[str, float]] = field(default_factory=list)  # (step, seconds), for --timings
    timestamp: int = 0
    pages: int = 0
    cache: TitleCache | None = None  # the preview's: validation reads only what changed
    settings: Settings | None = None  # the run's mkdocs.yml and trust.yaml (read at start when not given)
    _plan: Plan | None = None
    _executor: Executor[Work] | None = None
    _pending: dict[str, Future[int]] = field(default_factory=dict)  # title's page -> its step
    _outputs: Future[None] | None = None
    _site_files: Future[None] | None = None
    _rendered: list[str] = field(default_factory=list)  # pages not yet handed to the audit
    _last: str | None = None  # the page MkDocs rendered last (written once the next is rendered)

    def generate(self) -> None:
        """Validate the sources and write every page but the titles' own into docs/."""
        started = time.perf_counter()
        validation, knowledge = load_knowledge(self.root, self.cache, self.run_settings)
        self.problems = list(validation.problems)
        validated = time.perf_counter()
        self.steps.append(("validate", validated - started))
        if knowledge is None:
            raise InvalidSources("the sources have problems")
        plan = self._plan = plan_generated(self.root, validation, knowledge)
        plan.write_pages()
        self.timestamp, self.pages = build_timestamp(knowledge), len(plan.pages) + len(plan.titles)
        self.steps.append(("generate the pages", time.perf_counter() - validated))
        auditor = SiteAuditor(self.site, self.label, plan.settings.site_url) if self.audit else None
        self._executor = executor_for(Work(plan, self.site, self.timestamp, auditor))

    @property
    def run_settings(self) -> Settings:
        """What this build read of mkdocs.yml and docs/trust.yaml: read once, then handed on."""
        if self.settings is None:
            self.settings = load_settings(self.root)
        return self.settings

    @property
    def plan(self) -> Plan:
        return self._running()[0]

    @property
    def how(self) -> str:
        return self._executor.how if self._executor else "in turn"

    def _running(self) -> tuple[Plan, Executor[Work]]:
        if self._plan is None or self._executor is None:
            raise GoldenThreadError("the session has generated nothing yet: call generate() first")
        return self._plan, self._executor

    def beside_files(self) -> list[str]:
        """The docs-relative files written beside MkDocs: the titles' pages and the outputs."""
        plan, _ = self._running()
        return [*plan.titles, *plan.output_names()]

    def start(self, order: list[str]) -> None:
        """Hand the work beside MkDocs to the executor. order: the docs-relative files MkDocs
        reads, in the order it reads them (the titles' pages are written in that order)."""
        plan, executor = self._running()
        titles = [uri for uri in order if uri in plan.titles]
        size = FIRST_CHUNK
        while titles:
            chunk, titles = titles[:size], titles[size:]
            future = executor.submit(write_titles, chunk)
            self._pending.update(dict.fromkeys(chunk, future))
            size = CHUNK
        self._outputs = executor.submit(write_outputs)
        self._site_files = executor.submit(write_site_files)  # after the outputs: MkDocs needs those

    def wait_for_page(self, uri: str) -> None:
        future = self._pending.get(uri)
        if future is not None:
            outcome(future)

    def wait_for_outputs(self) -> None:
        if self._outputs is not None:
            outcome(self._outputs)

    def rendered(self, page: str) -> None:
        """MkDocs has rendered this page (site-relative) and writes it once this returns: the
        page before it is written, so that one goes to the audit."""
        if not self.audit:
            return
        if self._last is not None:
            self._rendered.append(self._last)
        self._last = page
        if len(self._rendered) >= AUDIT_CHUNK:
            self._running()[1].submit(audit_pages, self._rendered)
            self._rendered = []

    def finish(self) -> list[Problem]:
        """MkDocs has finished: wait for every step; the audit's problems (none without audit)."""
        _, executor = self._running()
        if self._last is not None:
            self._rendered.append(self._last)
            self._last = None
        if self.audit:
            executor.submit(audit_pages, self._rendered)
        self._rendered = []
        if self._site_files is not None:
            outcome(self._site_files)
        if not self.audit:
            return []
        found = outcome(executor.submit(audit_problems, site_files(self.site)))
        self.problems += found
        return found

    def close(self) -> None:
        if self._executor is not None:
            self._executor.close()
