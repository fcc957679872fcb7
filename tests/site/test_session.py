"""The build session (publish/session.py) and its executor (publish/beside.py): the same site
from a worker process as in turn; MkDocs never reads a page before it is written; a failed
or killed step stops the build and never hangs it.

Each build runs in a fresh interpreter, as `goldenthread build` does, after a prelude that
may replace a step (the worker is forked from it, so it runs the replacement too)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from goldenthread.publish.beside import SERIAL

from .test_build import copy_repository, digest, leftovers

BESIDE = "beside it, in a worker process"
IN_TURN = "in turn"


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    return copy_repository(tmp_path / "repo")


def run(repository: Path, prelude: str = "", serial: bool = False) -> subprocess.CompletedProcess[str]:
    """`goldenthread build --timings` in a fresh interpreter, after prelude's Python."""
    code = textwrap.dedent(prelude) + textwrap.dedent(f"""
        import sys
        from goldenthread.cli import main
        sys.exit(main(["--root", {str(repository)!r}, "build", "--timings"]))
    """)
    env = {**os.environ, SERIAL: "1" if serial else ""}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          timeout=300)


def test_worker_and_in_turn_build_the_same_site(repository: Path) -> None:
    forked = run(repository)
    assert forked.returncode == 0, forked.stderr
    assert BESIDE in forked.stderr
    first = digest(repository / "site")
    in_turn = run(repository, serial=True)
    assert in_turn.returncode == 0, in_turn.stderr
    assert IN_TURN in in_turn.stderr and BESIDE not in in_turn.stderr
    assert digest(repository / "site") == first
    assert any(name.endswith(".pdf") for name in first) and "library/library.bib" in first


def test_a_worker_that_dies_is_reported_not_waited_for(repository: Path) -> None:
    dies = """
        import os, signal
        from goldenthread.publish.generation import Plan
        Plan.write_outputs = lambda plan, timestamp: os.kill(os.getpid(), signal.SIGKILL)
    """
    failed = run(repository, dies)
    assert failed.returncode == 2
    assert "the build's worker process stopped before its work was done" in failed.stderr
    assert not (repository / "site").exists()
    assert not leftovers(repository)


def test_pages_handed_over_are_audited(tmp_path: Path) -> None:
    """What MkDocs renders reaches the audit, from either executor; a script handler in it is
    found at its line."""
    site = tmp_path / "site"
    site.mkdir()
    page = ('<html><head><meta http-equiv="Content-Security-Policy" content="script-src \'self\'"></head>'
            '\n<body>\n<a href="./">home</a>\n<img src="x.png" alt="" onerror="go()">\n</body></html>')
    (site / "index.html").write_text(page, "utf-8")
    code = textwrap.dedent(f"""
        from pathlib import Path
        from types import SimpleNamespace
        from goldenthread.audit.site import SiteAuditor
        from goldenthread.model import KnowledgeBase
        from goldenthread.publish.beside import Forked, InTurn, outcome
        from goldenthread.publish.session import Work, audit_pages, audit_problems

        site = Path({str(site)!r})
        for kind in (InTurn, Forked):
            work = Work(SimpleNamespace(knowledge=KnowledgeBase()), site, 0, SiteAuditor(site))
            executor = kind(work)
            executor.submit(audit_pages, ["index.html"])
            found = outcome(executor.submit(audit_problems, {{"index.html", "x.png"}}))
            print(kind.__name__, sorted((p.line, p.code) for p in found))
            executor.close()
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "InTurn [(4, 'image-alt'), (4, 'unsafe-attribute')]",
        "Forked [(4, 'image-alt'), (4, 'unsafe-attribute')]"]


def _recording(log: Path, delay: float = 0.0) -> str:
    """A prelude: each title's page, as it is written, is named in log (slowly, with delay)."""
    return f"""
        import time
        from goldenthread.publish import generation
        write = generation.write_changed

        def recording(path, text):
            title = path.parent.name == "library" and path.name != "index.md"
            if title:
                time.sleep({delay})
            written = write(path, text)
            if title and written:
                with open({str(log)!r}, "a") as log:
                    log.write(path.relative_to(path.parents[1]).as_posix() + "\\n")
            return written

        generation.write_changed = recording
    """


def test_mkdocs_reads_each_title_page_only_once_it_is_written(repository: Path, tmp_path: Path) -> None:
    """The titles' pages are written beside MkDocs (here slowly: 10 ms each). Where they go,
    stale pages from an earlier build wait: had MkDocs read one before its page was written
    again, the site would differ from the one built in turn."""
    assert run(repository, serial=True).returncode == 0
    reference = digest(repository / "site")
    pages = sorted((repository / "docs" / "library").glob("*.md"))
    assert len(pages) > 100
    for page in pages:
        if page.name != "index.md":
            page.write_text("---\ntitle: Stale\n---\n\n# Stale\n\nWritten by an earlier build.\n", "utf-8")
    beside = run(repository, _recording(tmp_path / "written.txt", delay=0.01))
    assert beside.returncode == 0, beside.stderr
    assert BESIDE in beside.stderr
    assert digest(repository / "site") == reference
    assert "Stale" not in pages[-1].read_text("utf-8")


def test_title_pages_are_written_in_the_order_mkdocs_reads_them(repository: Path, tmp_path: Path) -> None:
    """From a clean docs/, every title's page is written once, in the order of MkDocs' own
    walk of docs/ (get_files, once every file is there); a second build writes none."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    log = tmp_path / "written.txt"
    assert run(repository, _recording(log)).returncode == 0
    written = log.read_text().split()
    config = load_config(str(repository / "mkdocs.yml"))
    walked = [f.src_uri for f in get_files(config) if f.src_uri in set(written)]
    assert written == walked and len(written) > 100
    log.unlink()
    assert run(repository, _recording(log)).returncode == 0
    assert not log.exists() or not log.read_text()  # unchanged pages are left alone


def test_files_written_beside_mkdocs_take_the_place_its_walk_gives_them(repository: Path) -> None:
    """The plugin puts the files it adds where MkDocs' own walk of docs/ would have put them,
    so pages are read in the same order however fast they were written."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files, get_files

    from goldenthread.mkdocs_plugin.files import in_walk_order

    assert run(repository).returncode == 0  # docs/ now holds every page and output
    config = load_config(str(repository / "mkdocs.yml"))
    walked = list(get_files(config))
    assert len(walked) > 200 and any(f.src_uri.count("/") > 1 for f in walked)
    shuffled = Files(sorted(walked, key=lambda f: f.src_uri[::-1]))
    assert [f.src_uri for f in in_walk_order(shuffled, config.docs_dir)] == [f.src_uri for f in walked]


BROKEN_PDF = """
    from goldenthread.publish import generation
    from goldenthread.publish.pdf import PdfError

    def broken(*args, **kwargs):
        raise PdfError("the 2025 PDF could not be made: a test")

    generation.build_pdfs = broken
"""

BROKEN_TITLES = """
    from goldenthread.publish import generation
    from goldenthread.problems import GoldenThreadError

    def broken(path, text):
        raise GoldenThreadError(f"could not write {path.name}: a test")

    generation.write_changed = broken
"""

BROKEN = {"a PDF": (BROKEN_PDF, "goldenthread: the 2025 PDF could not be made: a test"),
          "a title's page": (BROKEN_TITLES, "goldenthread: could not write ")}


@pytest.mark.parametrize("serial", [False, True])
@pytest.mark.parametrize("broken", list(BROKEN))
def test_a_failed_step_stops_the_build_and_leaves_the_site(repository: Path, broken: str,
                                                          serial: bool) -> None:
    """A PDF that cannot be made, or a title's page that cannot be written (by the worker
    while MkDocs reads pages, or in turn)."""
    assert run(repository).returncode == 0
    before = digest(repository / "site")
    prelude, message = BROKEN[broken]
    failed = run(repository, prelude, serial)
    assert failed.returncode == 2
    assert message in failed.stderr and ": a test" in failed.stderr
    assert digest(repository / "site") == before
    assert not leftovers(repository)


@pytest.mark.parametrize("serial", [False, True])
def test_sources_with_errors_stop_the_build_before_mkdocs(repository: Path, serial: bool) -> None:
    """Errors in the sources reach the reader with their file, and nothing is built."""
    assert run(repository).returncode == 0
    before = digest(repository / "site")
    (repository / "library" / "titles" / "make-it-stick.yaml").write_text("title: [broken\n")
    failed = run(repository, serial=serial)
    assert failed.returncode == 1
    assert "library/titles/make-it-stick.yaml:" in failed.stdout + failed.stderr
    assert "MkDocs, with" not in failed.stderr  # the --timings line of a build that ran MkDocs
    assert digest(repository / "site") == before
    assert not leftovers(repository)
