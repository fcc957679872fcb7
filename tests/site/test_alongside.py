"""The work `goldenthread build` does beside MkDocs (publish/alongside.py): the same site in
a second process as in turn in one; its failures stop the build and never hang it.

The second process is forked, which is only safe in a process that has not yet run Typst
(as `goldenthread build` has not), so these tests run the build in a fresh interpreter."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from goldenthread.publish.alongside import SERIAL

from .test_build import copy_repository, digest

BESIDE = "beside it, in a second process"
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


def test_second_process_and_in_turn_build_the_same_site(repository: Path) -> None:
    forked = run(repository)
    assert forked.returncode == 0, forked.stderr
    assert BESIDE in forked.stderr
    first = digest(repository / "site")
    in_turn = run(repository, serial=True)
    assert in_turn.returncode == 0, in_turn.stderr
    assert IN_TURN in in_turn.stderr and BESIDE not in in_turn.stderr
    assert digest(repository / "site") == first
    assert any(name.endswith(".pdf") for name in first) and "library/library.bib" in first


BROKEN_PDF = """
    from goldenthread.publish import alongside
    from goldenthread.publish.pdf import PdfError

    def broken(root, knowledge, timestamp):
        raise PdfError("the 2025 PDF could not be made: a test")

    alongside.make_outputs = broken
"""


def test_a_second_process_that_dies_is_reported_not_waited_for(repository: Path) -> None:
    dies = """
        import os, signal
        from goldenthread.publish import alongside
        alongside.make_outputs = lambda *_: os.kill(os.getpid(), signal.SIGKILL)
    """
    failed = run(repository, dies)
    assert failed.returncode == 2
    assert "the build's second process stopped (exit code -9)" in failed.stderr
    assert not (repository / "site").exists()


def test_pages_handed_over_are_audited(tmp_path: Path) -> None:
    """What MkDocs renders reaches the audit, in either process; a script handler in it is
    found at its line."""
    site = tmp_path / "site"
    site.mkdir()
    page = '<html>\n<body>\n<a href="./">home</a>\n<img src="x.png" alt="" onerror="go()">\n</body></html>'
    (site / "index.html").write_text(page, "utf-8")
    code = textwrap.dedent(f"""
        from pathlib import Path
        from goldenthread.model import KnowledgeBase
        from goldenthread.publish.alongside import Forked, InOrder, InTurn, Ready

        site, page = Path({str(site)!r}), {page!r}
        prepare = lambda: (Ready([], True), InOrder(site, KnowledgeBase(), 0, site, "site", lambda *_: {{}}))
        for work in (InTurn(prepare), Forked(prepare)):
            work.start()
            assert work.ready().valid
            work.site_ready()
            work.add_page("index.html", page)
            found = work.problems({{"index.html", "x.png"}})
            print(type(work).__name__, sorted((p.line, p.code) for p in found))
            work.close()
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "InTurn [(4, 'image-alt'), (4, 'unsafe-attribute')]",
        "Forked [(4, 'image-alt'), (4, 'unsafe-attribute')]"]


SLOW_TITLES = """
    import time
    from goldenthread.publish import generation
    write = generation.write_changed

    def slow(path, text):
        time.sleep(0.01)
        return write(path, text)

    generation.write_changed = slow
"""


def test_mkdocs_reads_each_title_page_only_once_it_is_written(repository: Path) -> None:
    """The titles' pages are written beside MkDocs (here slowly: 10 ms each). Where they go,
    stale pages from an earlier build wait: had MkDocs read one before its page was written
    again, the site would differ from the one built in turn."""
    assert run(repository, serial=True).returncode == 0
    reference = digest(repository / "site")
    pages = sorted((repository / "docs" / "library").glob("*.md"))
    assert len(pages) > 100
    for page in pages:
        page.write_text("---\ntitle: Stale\n---\n\n# Stale\n\nWritten by an earlier build.\n", "utf-8")
    beside = run(repository, SLOW_TITLES)
    assert beside.returncode == 0, beside.stderr
    assert BESIDE in beside.stderr
    assert digest(repository / "site") == reference
    assert "Stale" not in (repository / "docs" / "library" / pages[-1].name).read_text("utf-8")


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
    """A PDF that cannot be made, or a title's page that cannot be written (by the second
    process while MkDocs reads pages, or before MkDocs in turn)."""
    assert run(repository).returncode == 0
    before = digest(repository / "site")
    prelude, message = BROKEN[broken]
    failed = run(repository, prelude, serial)
    assert failed.returncode == 2
    assert message in failed.stderr and ": a test" in failed.stderr
    assert digest(repository / "site") == before
    assert not [p for p in repository.iterdir() if p.name.startswith(".site.")]


def test_title_pages_are_written_in_the_order_mkdocs_reads_them(repository: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.structure.files import _file_sort_key

    from goldenthread.publish import generation

    validation, knowledge = generation.load_knowledge(repository)
    assert knowledge is not None
    plan = generation.plan_generated(repository, validation, knowledge, exports=False)
    written: list[str] = []
    write = generation.write_changed

    def recording(path: Path, text: str) -> bool:
        written.append(path.relative_to(repository / "docs").as_posix())
        return write(path, text)

    monkeypatch.setattr(generation, "write_changed", recording)
    progress: list[int] = []
    count = plan.write_titles(progress.append, every=50)
    titles = len(knowledge.titles)
    assert count == titles  # from a clean docs/: every page is new
    assert written == plan.title_uris()
    assert written == sorted(written, key=lambda uri: [_file_sort_key(part) for part in uri.split("/")])
    assert progress == [*range(50, titles + 1, 50), *([titles] if titles % 50 else [])]
    assert plan.write_titles(progress.append) == 0  # unchanged pages are left alone


def test_files_written_beside_mkdocs_take_the_place_its_walk_gives_them(repository: Path) -> None:
    """The hook puts the pages and outputs it registers where MkDocs' own walk of docs/ would
    have put them, so pages are read in the same order however fast they were written."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    from goldenthread.mkdocs_hook import _walk_order

    assert run(repository).returncode == 0  # docs/ now holds every page and output
    config = load_config(str(repository / "mkdocs.yml"))
    walked = list(get_files(config))
    assert len(walked) > 200 and any(f.src_uri.count("/") > 1 for f in walked)
    assert [f.src_uri for f in sorted(walked, key=_walk_order)] == [f.src_uri for f in walked]


@pytest.mark.parametrize("serial", [False, True])
def test_sources_with_errors_stop_the_build_before_mkdocs(repository: Path, serial: bool) -> None:
    """The second process validates while MkDocs loads here: errors it finds reach the
    reader as they would in turn, and nothing is built."""
    assert run(repository).returncode == 0
    before = digest(repository / "site")
    (repository / "library" / "titles" / "make-it-stick.yaml").write_text("title: [broken\n")
    failed = run(repository, serial=serial)
    assert failed.returncode == 1
    assert "library/titles/make-it-stick.yaml:" in failed.stdout + failed.stderr
    assert "MkDocs, with" not in failed.stderr  # the --timings line of a build that ran MkDocs
    assert digest(repository / "site") == before
    assert not [p for p in repository.iterdir() if p.name.startswith(".site.")]
