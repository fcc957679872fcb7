"""The preview (`goldenthread serve`): a saved change renders again exactly the pages it
changes; a broken save is shown and the last good site kept; the next good save recovers.

The oracle for "the pages it changes" is independent of the preview's bookkeeping: every
page generated from scratch before and after the change, compared (plus the hand-written
page itself, when that is what changed)."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from goldenthread.mkdocs_plugin.preview import Preview

from ..generate.test_live import from_scratch
from .test_build import copy_repository

TITLE = "library/titles/make-it-stick.yaml"


def replace(root: Path, path: str, old: str, new: str) -> None:
    file = root / path
    text = file.read_text("utf-8")
    assert old in text, f"{old!r} is not in {path}"
    file.write_text(text.replace(old, new, 1), "utf-8")


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    """One preview for the module: each test changes a source and puts it back."""
    folder = tmp_path_factory.mktemp("preview")
    shown = Preview(copy_repository(folder / "repo"), folder / "site")
    assert shown.build(), shown.problems
    yield shown


def _html(preview: Preview, page: str) -> str:
    url = page.removesuffix(".md").removesuffix("index")
    return (preview.site / url / "index.html").read_text("utf-8")


EDITS: dict[str, tuple[str, str, str, str]] = {  # source, old text, new text, a page that shows it
    "a title": (TITLE, "title: Make It Stick\n", "title: Make It Stick Again\n",
                "library/make-it-stick.md"),
    "a title's summary": (TITLE, "Two memory researchers", "Two memory scientists",
                          "library/make-it-stick.md"),
    "an entry": ("research/2025/retrieval-practice-in-year-4.md", "weekly low-stakes quiz",
                 "weekly low-stakes test", "research/2025/retrieval-practice-in-year-4.md"),
    "its references": ("research/2025/retrieval-practice-in-year-4.bib", "memory tests improves",
                       "memory quizzes improves", "research/2025/retrieval-practice-in-year-4.md"),
    "a vocabulary": ("library/topics.yaml", "name: Cognitive science", "name: Cognitive sciences",
                     "library/make-it-stick.md"),
    "a hand-written page": ("docs/support.md", "\n", "\nA sentence added in the preview.\n",
                            "support.md"),
    "an introduction": ("docs/_text/library.md", "\n", "\nA sentence added to the page of the library.\n",
                        "library/index.md"),
}


@pytest.mark.parametrize("kind", list(EDITS))
def test_a_save_renders_again_only_the_pages_it_changes(preview: Preview, kind: str) -> None:
    source, old, new, shown = EDITS[kind]
    root = preview.root
    before = from_scratch(root)
    replace(root, source, old, new)
    try:
        after = from_scratch(root)
        changed = {page for page in {*before, *after} if before.get(page) != after.get(page)}
        if source.startswith("docs/") and not source.startswith("docs/_text/"):
            changed.add(source.removeprefix("docs/"))
        assert shown in changed
        preview.rendered.clear()
        preview.update()
        preview.render_all()
        assert sorted(preview.rendered) == sorted(changed)
        visible = re.sub(r"\s+", " ", new.split(":")[-1]).strip()
        assert visible in re.sub(r"<[^>]+>|\s+", " ", _html(preview, shown))
        assert not [p for p in preview.problems if p.level == "error"]
    finally:
        replace(root, source, new, old)
        preview.update()
        preview.render_all()


def test_a_broken_save_is_shown_and_the_next_good_save_recovers(preview: Preview) -> None:
    root = preview.root
    page = "library/make-it-stick.md"
    good = _html(preview, page)
    replace(root, TITLE, "year: 2014\n", "year: 2014\nyear: 2015\n")
    preview.update()
    preview.render_all()
    errors = [p for p in preview.problems if p.level == "error"]
    assert [(p.path, p.line, p.code) for p in errors] == [(TITLE, 9, "duplicate-key")]
    assert _html(preview, page) == good  # the last good site, still served
    panel = preview.problems_html()
    assert "library/titles/make-it-stick.yaml</code>, line 9" in panel and "keep one" in panel
    replace(root, TITLE, "year: 2014\nyear: 2015\n", "year: 2015\n")
    preview.rendered.clear()
    preview.update()
    preview.render_all()
    try:
        assert not preview.problems_html()
        assert "(2015)" in _html(preview, page) and page in preview.rendered
    finally:
        replace(root, TITLE, "year: 2015\n", "year: 2014\n")
        preview.update()
        preview.render_all()


def test_a_new_title_gets_its_page_and_a_removed_one_loses_it(preview: Preview) -> None:
    root = preview.root
    record = root / "library" / "titles" / "a-new-title.yaml"
    record.write_text((root / TITLE).read_text("utf-8").replace("title: Make It Stick", "title: A New Title")
                      .replace('isbn: "9780674729018"\n', ""), "utf-8")
    preview.update()
    preview.render_all()
    page = preview.site / "library" / "a-new-title" / "index.html"
    assert "A New Title" in page.read_text("utf-8")
    record.unlink()
    preview.update()
    preview.render_all()
    assert not page.exists()
    assert "a-new-title" not in (preview.site / "library" / "index.html").read_text("utf-8")


# --- through `goldenthread serve`, as an editor meets it -------------------------------

def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return str(response.read().decode("utf-8"))


def _until(seconds: float, ready: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if ready():
                return True
        except OSError:
            pass
        time.sleep(0.1)
    return False


def test_serve_shows_a_save_its_problems_and_the_mend(tmp_path: Path) -> None:
    root = copy_repository(tmp_path / "repo")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "goldenthread", "--root", str(root), "serve",
         "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        page = f"http://127.0.0.1:{port}/library/make-it-stick/"
        assert _until(120, lambda: "Make It Stick" in _fetch(page)), "the preview never served the title"
        replace(root, TITLE, "title: Make It Stick\n", "title: Make It Stick Revised\n")
        assert _until(30, lambda: "Make It Stick Revised" in _fetch(page)), "the save never reached the page"
        replace(root, TITLE, "year: 2014\n", "year: [2014\n")
        assert _until(30, lambda: 'id="gt-problems"' in _fetch(page)), "the problem was never shown"
        shown = _fetch(page)
        assert "library/titles/make-it-stick.yaml</code>, line" in shown and "Make It Stick Revised" in shown
        replace(root, TITLE, "year: [2014\n", "year: 2014\n")
        assert _until(30, lambda: 'id="gt-problems"' not in _fetch(page)), "the mend was never shown"
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=20)
    assert "library/titles/make-it-stick.yaml:" in errors  # the terminal named it too


def test_a_taken_address_is_said_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from goldenthread.cli import main

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        started = time.monotonic()
        assert main(["--root", str(copy_repository(tmp_path / "repo")), "serve",
                     "--dev-addr", f"127.0.0.1:{port}"]) == 2
    assert time.monotonic() - started < 5  # before building anything
    assert f"cannot serve on 127.0.0.1:{port}" in capsys.readouterr().err
