"""The pull request's comment (goldenthread.pr_comment), from what .ci/pr-check leaves in
GT_RESULTS on a branch with problems and on one without, run as the workflow runs it: with
the standard library alone (python -S). The oracle for what a reader sees is the comment
rendered by Python-Markdown, which reads Markdown's escapes as GitHub does."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from goldenthread.codes import BY_CODE
from goldenthread.pr_comment import MARKER, MOST_PROBLEMS
from goldenthread.scaffold import NewEntry, NewReference, bib_text, entry_text

from .conftest import REPO
from .test_contribution_path import git, pr_check_repository, run_pr_check

PREVIEW = "https://trust-example.github.io/golden-thread/pr-preview/pr-7/"
RUN = "https://github.com/trust-example/golden-thread/actions/runs/123"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


class Rendered(HTMLParser):
    """The rendered comment's text, and each link's address."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.links: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag == "a":
            self.links.append(dict(attrs).get("href") or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def rendered(body: str) -> Rendered:
    page = Rendered()
    page.feed(markdown.markdown(body))
    page.text = ["".join(page.text).replace("\u200b", "")]
    return page


def comment(results: Path, *options: str) -> str:
    """The comment, made as pr-comment.yml makes it: the package's source, no site-packages."""
    done = subprocess.run([sys.executable, "-S", "-m", "goldenthread.pr_comment", "--results", str(results),
                           *options], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(REPO / "scripts")})
    assert done.returncode == 0, done.stderr
    return done.stdout


def contribution(tmp_path: Path, files: dict[str, str]) -> tuple[Path, Path]:
    """A repository with a main branch and a pull request's branch that adds files."""
    repository = pr_check_repository(tmp_path)
    git(repository, "init", "-q", "-b", "main")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "base")
    git(repository, "checkout", "-q", "-b", "contribution")
    for path, text in files.items():
        (repository / path).parent.mkdir(parents=True, exist_ok=True)
        (repository / path).write_text(text, "utf-8")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "a contribution")
    return repository, tmp_path / "results"


ENTRY = NewEntry("Do visual timetables calm transitions?", (("Sam Okafor", "Class teacher"),),
                 "ashdown-primary", 2026, "Do they?", "We tried them for a term.",
                 tags=(("aims", ()), ("building_blocks", ()), ("stages", ("deliver",))),
                 body="## Context\n\nA class that found changes hard [@sherrington2019].\n")
BOOK = NewReference("book", "sherrington2019", (("author", "Sherrington, Tom"),
                                                ("title", "Rosenshine's principles in action"),
                                                ("publisher", "John Catt"), ("year", "2019")))


def test_a_branch_with_problems_gets_each_in_the_validators_words(tmp_path: Path) -> None:
    broken = entry_text(ENTRY).replace("year: 2026", "year: 2025").replace(
        "found changes hard [@sherrington2019]", "found changes hard [@nobody2020] @octocat")
    repository, results = contribution(tmp_path, {
        "research/2026/visual-timetables.md": broken,
        "research/2026/visual-timetables.bib": bib_text((BOOK,)).replace("John Catt", "").replace(
            "  publisher = {},\n", ""),
    })
    done = run_pr_check(repository, GT_FORMAT="github", BASE="main", GT_RESULTS=str(results))
    assert done.returncode == 1, done.stdout + done.stderr
    assert (results / "outcome").read_text().strip() == "validate"
    assert (results / "changed.txt").read_text().split() == [
        "research/2026/visual-timetables.bib", "research/2026/visual-timetables.md"]
    problems = json.loads((results / "validate.json").read_text("utf-8"))
    assert {p["code"] for p in problems} == {"year-mismatch", "unknown-citation", "bib-missing-field"}

    waiting = "The browsable preview is made once the check passes."
    body = comment(results, "--run", RUN, "--no-preview", waiting)
    assert body.startswith(MARKER + "\n")
    page = rendered(body)
    text = page.text[0]
    assert f"{len(problems)} problems to fix, in 2 files" in text
    for problem in problems:
        said = f"{problem['path']}, line {problem['line']}: {problem['message']}"
        assert said in text, (said, text)
        assert f"How to fix it: {BY_CODE[problem['code']].fix.replace('`', '')}" in text
    assert "@octocat" not in body  # no one is pinged: "@" is followed by a zero-width space
    assert page.links == [RUN]
    assert waiting in text


def test_a_branch_without_problems_gets_its_preview(tmp_path: Path) -> None:
    repository, results = contribution(tmp_path, {
        "research/2026/visual-timetables.md": entry_text(ENTRY),
        "research/2026/visual-timetables.bib": bib_text((BOOK,)),
    })
    done = run_pr_check(repository, BASE="main", GT_RESULTS=str(results))
    assert done.returncode == 0, done.stdout + done.stderr
    assert (results / "outcome").read_text().strip() == "passed"
    assert json.loads((results / "validate.json").read_text("utf-8")) == []
    site = repository / "site"
    body = comment(results, "--preview", PREVIEW, "--run", RUN, "--site", str(site))
    page = rendered(body)
    assert "Your files passed the check" in page.text[0]
    assert "problem" not in page.text[0]
    entry_page = f"{PREVIEW}research/2026/visual-timetables/"
    pdf = f"{PREVIEW}research/2026/visual-timetables/visual-timetables.pdf"  # the entry's offprint
    assert page.links == [PREVIEW, entry_page, pdf, RUN]
    for link in (entry_page, pdf):  # the links lead to files the check built
        target = site / link.removeprefix(PREVIEW)
        assert (target / "index.html" if link.endswith("/") else target).is_file(), link


def write_results(folder: Path, outcome: str, problems: list[dict[str, object]],
                  build: list[dict[str, object]] | None = None) -> Path:
    folder.mkdir()
    (folder / "outcome").write_text(outcome + "\n")
    (folder / "validate.json").write_text(json.dumps(problems))
    if build is not None:
        (folder / "build.json").write_text(json.dumps(build))
    return folder


def problem(path: str, line: int, code: str, message: str) -> dict[str, object]:
    return {"path": path, "line": line, "col": 1, "level": "error", "code": code, "message": message}


def test_nothing_in_the_results_becomes_markup(tmp_path: Path) -> None:
    """The results come from the pull request's own run: a message may be anything."""
    hostile = ("<img src=x onerror=alert(1)> [click](https://evil.example) @octocat #1 **bold** "
               "https://evil.example/x `code` | table |")
    results = write_results(tmp_path / "results", "validate", [
        problem("research/2026/x`y.md", 3, "unknown-code", hostile),
        problem("<b>research</b>/x.md", 0, "placeholder", "fine\nsecond line"),
    ])
    body = comment(results, "--preview", "javascript:alert(1)", "--run", "https://github.com/x) [y](z")
    page = rendered(body)
    assert page.links == []                   # neither the message nor a bad address links anywhere
    assert page.tags <= {"p", "h3", "ul", "li", "code", "sub", "em", "br", "h4"}
    assert "<img src=x onerror=alert(1)> [click](https://evil.example) @octocat #1 **bold**" in page.text[0]
    assert body.count("How to fix it") == 1  # the placeholder's; a code the registry lacks has none


def test_a_long_list_is_cut_short(tmp_path: Path) -> None:
    results = write_results(tmp_path / "results", "validate", [
        problem("research/2026/x.md", n, "placeholder", "m " * 400) for n in range(1, 61)])
    body = comment(results)
    assert body.count("\n- `research/2026/x.md`") == MOST_PROBLEMS
    assert f"and {60 - MOST_PROBLEMS} more" in body
    assert len(body) < 65_536  # GitHub's most for a comment


def test_the_site_that_did_not_build_and_the_check_that_did_not_finish(tmp_path: Path) -> None:
    built = write_results(tmp_path / "built", "build", [], [
        problem("site/research/2026/x/index.html", 12, "broken-link", "the link ../y/ leads to no page")])
    text = rendered(comment(built)).text[0]
    assert "site/research/2026/x/index.html, line 12: the link ../y/ leads to no page" in text
    assert BY_CODE["broken-link"].fix.replace("`", "") in text
    (tmp_path / "nothing").mkdir()
    assert "The check did not finish" in comment(tmp_path / "nothing", "--run", RUN)
    pdf = comment(write_results(tmp_path / "pdf", "pdf", []))
    assert re.search(r"The check failed while making the PDF", pdf)
