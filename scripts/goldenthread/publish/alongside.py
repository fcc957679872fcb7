"""The work of `goldenthread build` that runs beside MkDocs rather than before or after it.

MkDocs renders on one core. A second, forked process does the rest of the work beside it:
first it validates the sources and writes the pages while MkDocs loads, then it writes the
titles' pages, makes the outputs MkDocs only has to copy (each year's PDF and references,
the library's BibTeX) and audits every page as MkDocs renders it, so that little of our own
work is left when MkDocs finishes:

    main:    load MkDocs | . | MkDocs: read pages ................ copy files, render pages | end
    second:  validate, generate | titles' pages | PDFs, library.bib | search index | audit ..| end

The titles' pages (most of the pages) are written in the order MkDocs reads them, far
faster than it reads them; MkDocs waits for a title's page only if it reaches it before it
is written (`on_pre_page`). The search index and the catalogue's JSON, which no page links
to, go straight into the site folder once MkDocs has emptied it (`on_files`).

The MkDocs hook is the only link between them: it registers the titles' pages and the
outputs as site files (`on_files`), waits for each title's page before MkDocs reads it
(`on_pre_page`) and for the outputs before MkDocs copies files (`on_env`), and hands each
rendered page to the audit (`on_post_page`). Where a second process cannot be forked
(Windows), or with GOLDENTHREAD_SERIAL=1, the same steps run in order in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Protocol

from ..audit.site import SiteAuditor
from ..export.bibtex import LIBRARY_EXPORT, library_export
from ..export.references import references_name, year_references
from ..generate.writer import write_atomically
from ..model import KnowledgeBase
from ..problems import GoldenThreadError, Problem
from .generation import load_knowledge, plan_generated, source_date
from .pdf import build_pdf, pdf_name

SERIAL = "GOLDENTHREAD_SERIAL"


def output_names(knowledge: KnowledgeBase) -> list[str]:
    """The docs-relative files write_outputs writes."""
    names = [LIBRARY_EXPORT]
    for year in knowledge.years:
        names += [f"research/{year}/{pdf_name(year)}", f"research/{year}/{references_name(year)}"]
    return names


Outputs = Callable[[Path, KnowledgeBase, int], dict[str, bytes]]
Progress = Callable[[int], None]


class TitlePages(Protocol):
    """The titles' pages still to write (publish/generation.py: Plan)."""

    def title_uris(self) -> list[str]: ...  # docs-relative, in the order they are written
    def write_titles(self, progress: Progress | None = None) -> int: ...


def make_outputs(root: Path, knowledge: KnowledgeBase, timestamp: int) -> dict[str, bytes]:
    """Each year's PDF and references (beside its year page) and the library's BibTeX, by
    docs-relative path."""
    made = {LIBRARY_EXPORT: library_export(knowledge.titles).encode("utf-8")}
    for year in knowledge.years:
        made[f"research/{year}/{references_name(year)}"] = year_references(knowledge, year).encode("utf-8")
        made[f"research/{year}/{pdf_name(year)}"] = build_pdf(root, knowledge, year, timestamp)
    return made


def write_outputs(root: Path, knowledge: KnowledgeBase, timestamp: int) -> None:
    for name, content in make_outputs(root, knowledge, timestamp).items():
        write_atomically(root / "docs" / name, content)


@dataclass
class Ready:
    """What the build needs to know once the pages are generated (or the sources refused)."""

    problems: list[Problem]  # the validation's: errors mean nothing was generated
    valid: bool
    timestamp: int = 0  # SOURCE_DATE_EPOCH, from the sources unless set
    pages: int = 0
    steps: list[tuple[str, float]] = field(default_factory=list)  # (step, seconds)


Prepare = Callable[[], "tuple[Ready, InOrder | None]"]


def generate(root: Path, site: Path, label: str) -> tuple[Ready, InOrder | None]:
    """Validate the sources and write every generated page but the titles' own; return the
    steps left to do beside MkDocs (None if the sources have errors)."""
    started = time.perf_counter()
    validation, knowledge = load_knowledge(root)
    validated = time.perf_counter()
    if knowledge is None:
        return Ready(validation.problems, False, steps=[("validate", validated - started)]), None
    timestamp = int(os.environ.get("SOURCE_DATE_EPOCH") or source_date(knowledge))
    plan = plan_generated(root, validation, knowledge, exports=False)
    generated = plan.write(with_files=False, with_titles=False)  # the titles' pages: InOrder.start
    steps = InOrder(root, knowledge, timestamp, site, label, files=plan.beside_files, titles=plan)
    return Ready(generated.validation.problems, True, timestamp, generated.pages,
                 [("validate", validated - started),
                  ("generate the pages", time.perf_counter() - validated)]), steps


class Beside(Protocol):
    outputs: list[str]  # docs-relative files that will exist once wait_for_outputs returns
    pending: dict[str, int]  # docs-relative pages still being written (by their order)
    how: str  # for --timings

    def start(self) -> None: ...  # before MkDocs loads
    def ready(self) -> Ready: ...  # once the pages are generated; the rest only if valid
    def wait_for_page(self, relative: str) -> None: ...
    def site_ready(self) -> None: ...
    def wait_for_outputs(self) -> None: ...
    def add_page(self, relative: str, html: str) -> None: ...
    def problems(self, files: set[str]) -> list[Problem]: ...
    def close(self) -> None: ...


class InOrder:
    """The steps left once the pages are generated, done in the process that calls them (the
    second process, or this one in turn)."""

    def __init__(self, root: Path, knowledge: KnowledgeBase, timestamp: int, site: Path, label: str,
                 outputs: Outputs | None = None,
                 files: Callable[[], dict[str, str]] | None = None,
                 titles: TitlePages | None = None) -> None:
        self.outputs = output_names(knowledge)
        self._titles = titles
        self._make = outputs
        self._files = files  # site-relative path -> text: written straight into the site
        self._arguments = (root, knowledge, timestamp)
        self._site = site
        self._auditor = SiteAuditor(site, label)
        self._made_files: dict[str, str] | None = None

    def title_order(self) -> list[str]:
        """The titles' pages start writes, in the order it writes them."""
        return self._titles.title_uris() if self._titles is not None else []

    def start(self, progress: Progress | None = None) -> None:
        """Write the titles' pages (progress: see Plan.write_titles), then make the outputs
        and write them into docs/."""
        if self._titles is not None:
            self._titles.write_titles(progress)
        made = (self._make or make_outputs)(*self._arguments)
        for name, content in made.items():
            write_atomically(self._arguments[0] / "docs" / name, content)

    def make_files(self) -> None:
        self._made_files = self._files() if self._files else {}

    def site_ready(self) -> None:
        """MkDocs has emptied the site folder: the files beside the pages can go in."""
        if self._made_files is None:
            self.make_files()
        assert self._made_files is not None
        for name, text in self._made_files.items():
            write_atomically(self._site / name, text.encode("utf-8"))

    def add_page(self, relative: str, html: str) -> None:
        self._auditor.add_page(relative, html)

    def read(self, relative: str) -> str:
        return (self._site / relative).read_text("utf-8")

    def problems(self, files: set[str]) -> list[Problem]:
        return self._auditor.problems(self._arguments[1], files)


class InTurn:
    """Every step in this process, in order (the fallback): ready() validates, generates,
    writes the titles' pages and makes the outputs before MkDocs starts."""

    how = "in turn"

    def __init__(self, prepare: Prepare) -> None:
        self.outputs: list[str] = []
        self.pending: dict[str, int] = {}  # written before MkDocs starts
        self._prepare = prepare
        self._steps: InOrder | None = None

    def start(self) -> None:
        """Nothing to start: ready() does it all."""

    def ready(self) -> Ready:
        ready, self._steps = self._prepare()
        if self._steps is not None:
            self._steps.start()
            self.outputs = self._steps.outputs
        return ready

    def _done(self) -> InOrder:
        if self._steps is None:
            raise GoldenThreadError("nothing is generated yet: call ready() first")
        return self._steps

    def wait_for_page(self, relative: str) -> None:
        """Every page is written by now."""

    def site_ready(self) -> None:
        self._done().site_ready()

    def wait_for_outputs(self) -> None:
        """The outputs are written by now."""

    def add_page(self, relative: str, html: str) -> None:
        self._done().add_page(relative, html)

    def problems(self, files: set[str]) -> list[Problem]:
        return self._done().problems(files)

    def close(self) -> None:
        pass


class WorkerFailed(GoldenThreadError):
    """The second process stopped without finishing its work."""


def _send_error(outbox: Connection, error: BaseException) -> None:
    """The parent raises it where it waits next."""
    try:
        outbox.send(("error", error))
    except Exception:  # an error that cannot be pickled: send its words
        outbox.send(("error", GoldenThreadError(f"{type(error).__name__}: {error}")))


def _pipeline(prepare: Prepare, inbox: multiprocessing.Queue[Any], outbox: Connection) -> None:
    """Validate and generate the pages, then (if the sources are valid) the rest."""
    try:
        ready, steps = prepare()
    except BaseException as error:
        _send_error(outbox, error)
        return
    outbox.send(("ready", (ready, steps.outputs if steps else [], steps.title_order() if steps else [])))
    if steps is not None:
        _worker(steps, inbox, outbox)


def _worker(steps: InOrder, inbox: multiprocessing.Queue[Any], outbox: Connection) -> None:
    """Write the titles' pages, make and write the outputs, make the files beside the pages,
    then audit each page."""
    try:
        steps.start(lambda written: outbox.send(("titles", written)))
    except BaseException as error:
        _send_error(outbox, error)
        return
    outbox.send(("outputs", None))
    try:
        steps.make_files()  # while MkDocs reads the pages
        if inbox.get()[0] != "site ready":
            return
        steps.site_ready()
    except BaseException as error:
        outbox.send(("error", GoldenThreadError(f"the search index could not be written: {error}")))
        return
    while True:
        message = inbox.get()
        if message[0] == "page":
            steps.add_page(message[1], steps.read(message[1]))
        elif message[0] == "problems":
            outbox.send(("problems", steps.problems(message[1])))
            return
        else:
            return


class Forked:
    """The same steps in a forked second process; rendered pages' paths reach it through a queue."""

    how = "beside it, in a second process"

    def __init__(self, prepare: Prepare) -> None:
        self.outputs: list[str] = []
        self.pending: dict[str, int] = {}
        self._prepare = prepare
        self._written = 0  # of the pending pages, in order
        self._ready = False
        self._rendered: str | None = None  # the page MkDocs rendered last

    def start(self) -> None:
        """Fork the second process; it validates and generates while MkDocs loads here."""
        context = multiprocessing.get_context("fork")
        self._inbox: multiprocessing.Queue[Any] = context.Queue()
        self._outbox, child = context.Pipe(duplex=False)
        # Not a daemon: validation may start processes of its own. close() always ends it.
        self._process = context.Process(target=_pipeline, args=(self._prepare, self._inbox, child))
        self._process.start()
        child.close()

    def ready(self) -> Ready:
        ready, self.outputs, pending = self._receive("ready")
        self.pending = {uri: at for at, uri in enumerate(pending)}
        return ready  # type: ignore[no-any-return]

    def site_ready(self) -> None:
        self._inbox.put(("site ready",))

    def _receive(self, expected: str) -> Any:
        """The next message of the expected kind; "titles" messages (progress) update _written
        on the way."""
        while True:
            while not self._outbox.poll(0.2):
                if not self._process.is_alive() and not self._outbox.poll(0):
                    break
            try:
                kind, value = self._outbox.recv()
            except EOFError:  # it stopped without a word: killed, or out of memory
                self._process.join(5)
                raise WorkerFailed("the build's second process stopped (exit code "
                                   f"{self._process.exitcode})") from None
            if kind == "error":
                raise value
            if kind == "titles":
                self._written = value
                if expected != "titles":
                    continue
            assert kind == expected, kind
            return value

    def wait_for_page(self, relative: str) -> None:
        at = self.pending.get(relative)
        while at is not None and self._written <= at:
            self._receive("titles")

    def wait_for_outputs(self) -> None:
        if not self._ready:
            self._receive("outputs")
            self._ready = True

    def add_page(self, relative: str, html: str) -> None:
        """Only the page's path crosses over, one page late: MkDocs writes a page before it
        renders the next, so the second process reads the file itself, and this process
        spends no time pickling pages (313 MB at 10,000 titles)."""
        if self._rendered is not None:
            self._inbox.put(("page", self._rendered))
        self._rendered = relative

    def problems(self, files: set[str]) -> list[Problem]:
        if self._rendered is not None:  # MkDocs has finished: the last page is written too
            self._inbox.put(("page", self._rendered))
            self._rendered = None
        self.wait_for_outputs()
        self._inbox.put(("problems", files))
        problems: list[Problem] = self._receive("problems")
        return problems

    def close(self) -> None:
        if not hasattr(self, "_process"):
            return
        if self._process.is_alive():
            self._inbox.put(("stop",))
            self._process.join(5)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
        self._inbox.cancel_join_thread()
        self._inbox.close()


def beside(prepare: Prepare) -> Beside:
    """The fastest safe way: a second process if this one can fork, has two cores and has not
    run Typst. (Typst keeps a pool of threads once it has compiled; a forked copy of the
    process would wait for those threads forever. `goldenthread build` never runs Typst
    before this point; a test or benchmark process may have.)"""
    forkable = "fork" in multiprocessing.get_all_start_methods() and "typst" not in sys.modules
    if forkable and (os.cpu_count() or 1) > 1 and not os.environ.get(SERIAL):
        return Forked(prepare)
    return InTurn(prepare)
