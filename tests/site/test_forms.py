"""The site's forms in a real browser, as a teacher uses them: "Write your entry" and
"Propose a title" (generate/forms.py, base/assets/form-rules.js and forms.js).

The oracles are the Python the tool itself uses: the files must be what scaffold.py's
entry_text, bib_text and title_text write from the same values, and every problem the form
shows must be what `goldenthread validate` reports on those files.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from goldenthread.scaffold import (
    NewEntry,
    NewReference,
    NewTitle,
    bib_text,
    entry_text,
    new_id,
    title_text,
    year_of,
)

from ..plain_words import unplain
from .conftest import Visit, build_into
from .test_build import copy_repository

pytestmark = pytest.mark.browser
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
REPO_URL = "https://github.com/trust-example/golden-thread"  # an example address: never opened
ENTRY_FORM, TITLE_FORM = "contributing/write/", "contributing/propose-a-title/"
# ids a teacher's message must never name: the sources' and the test cases' own
IDS = ("ashdown-primary", "retrieval-practice-in-year-4", "cognitive-science", "explore",
       "rosenshines-principles-in-action", "make-it-stick", "case-0", "case-1")


# -- A site whose mkdocs.yml names a GitHub repository ----------------------------------------

def with_repo_url(root: Path) -> Path:
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8").replace('site_url: ""\n', f'site_url: ""\nrepo_url: {REPO_URL}\n'
                                             "edit_uri: edit/main/docs/\n", 1)
    assert REPO_URL in text
    config.write_text(text, "utf-8")
    return root


@dataclass
class FormSite:
    root: Path
    url: str


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def form_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FormSite]:
    root = with_repo_url(copy_repository(tmp_path_factory.mktemp("forms") / "repo"))
    built = build_into(root, root / "site")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(built.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield FormSite(root, f"http://127.0.0.1:{server.server_address[1]}/")
    server.shutdown()


@pytest.fixture
def open_form(browser: Any, form_site: FormSite) -> Iterator[Any]:
    contexts = []

    def visit(path: str, scheme: str = "light", width: int = 1280, height: int = 900,
              base: str | None = None) -> Visit:
        context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": height},
                                       accept_downloads=True)
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        foreign: list[str] = []
        root = base or form_site.url
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith((root, "blob:")) else None)
        page.goto(root + path, wait_until="load")
        page.wait_for_selector("#gt-form[data-ready]", timeout=10_000)
        return Visit(page, errors, foreign)

    yield visit
    for context in contexts:
        context.close()


# -- What a teacher writes ---------------------------------------------------------------------

@dataclass(frozen=True)
class Teacher:
    """An entry as a teacher fills the form in: labels as the form shows them."""

    title: str = "Does a weekly low-stakes quiz help Year 4 remember science words?"
    year: str = "2026"
    academy: str = "Ashdown Primary Academy"
    authors: tuple[tuple[str, str], ...] = (("Sam Okafor", "Year 4 class teacher"),
                                            ("Jo Reed", "Science lead"))
    question: str = ("Does starting each science lesson with a five-question quiz help pupils "
                     "recall key words six weeks later?")
    abstract: str = ("For six weeks, each science lesson began with a short quiz on earlier words.\n\n"
                     "Recall at the end was better than at the start; the class was small.")
    topics: tuple[str, ...] = ("Cognitive science",)
    aims: tuple[str, ...] = ("We are research informed.",)
    principles: tuple[str, ...] = ("3. High quality teaching for all",)
    stages: tuple[str, ...] = ("1. Explore", "3. Deliver")
    library: str = "make it stick"           # typed into the picker
    library_title: str = "Make It Stick"     # the option chosen
    article: tuple[tuple[str, str], ...] = (
        ("Authors", "Roediger, Henry L.\nKarpicke, Jeffrey D."),
        ("Title of the article", "Test-Enhanced Learning: Taking Memory Tests Improves Long-Term Retention"),
        ("Journal", "Psychological Science"), ("Year", "2006"), ("Volume", "17"), ("Issue", "3"),
        ("Pages", "249-255"), ("DOI", "10.1111/j.1467-9280.2006.01693.x"))
    reference_title: str = "rosenshine"
    body: str = ("## Context\n\nA Year 4 class of 28 pupils, who forgot new science words quickly. "
                 "Retrieval practice strengthens memory {first}.\n\n"
                 "## What we did\n\nEach lesson began with five questions on earlier words, "
                 "as daily review suggests {second}.\n\n"
                 "## What we found\n\nMost pupils recalled more words at the end.\n\n"
                 "## What next\n\nWe will keep the quizzes and share them with Year 3.\n")


TEACHER = Teacher()


def ids_of(visit: Visit, name: str, labels: tuple[str, ...]) -> tuple[str, ...]:
    """The vocabulary ids behind the labels, in the page's order (the form writes them so)."""
    chosen = visit.page.eval_on_selector_all(
        f'input[name="{name}"]', "(boxes, labels) => boxes.filter(b => labels.includes("
        "document.querySelector(`label[for=\"${b.id}\"]`).textContent)).map(b => b.value)", list(labels))
    assert len(chosen) == len(labels), (name, labels, chosen)
    return tuple(chosen)


def catalogue_reference(root: Path, ident: str) -> NewReference:
    """The library title as a reference: what titles.json gives the form, from the record."""
    from goldenthread.assemble import assemble
    from goldenthread.generate.form_data import _reference
    from goldenthread.validation import validate

    kb = assemble(validate(root).sources)
    kind, fields = _reference(kb.title(ident))
    return NewReference(kind, "", tuple(fields.items()))


def expected_files(visit: Visit, root: Path, teacher: Teacher, keys: tuple[str, str]) -> tuple[str, str]:
    """What `goldenthread new research` writes from the teacher's values, filled in."""
    article = dict(teacher.article)
    references = (
        NewReference("article", keys[0], (
            ("author", article["Authors"]), ("title", article["Title of the article"]),
            ("journal", article["Journal"]), ("year", article["Year"]), ("volume", article["Volume"]),
            ("number", article["Issue"]), ("pages", article["Pages"]), ("doi", article["DOI"]))),
        NewReference(**{**catalogue_reference(root, "rosenshines-principles-in-action").__dict__,
                        "key": keys[1]}))
    new = NewEntry(
        title=teacher.title, authors=teacher.authors, academy="ashdown-primary", year=int(teacher.year),
        research_question=teacher.question, abstract=teacher.abstract,
        topics=ids_of(visit, "topics", teacher.topics),
        tags=(("aims", ids_of(visit, "aims", teacher.aims)),
              ("building_blocks", ids_of(visit, "building_blocks", teacher.principles)),
              ("stages", ids_of(visit, "stages", teacher.stages))),
        # the title chosen, then the reference picked from the library: one pick, both places
        library=("make-it-stick", "rosenshines-principles-in-action"),
        body=teacher.body.format(first=f"[@{keys[0]}]", second=f"[@{keys[1]}, p. 12]"))
    return entry_text(new), bib_text(references)


# -- Filling the form with the mouse and the keyboard's letters --------------------------------

def fill_entry(visit: Visit, teacher: Teacher = TEACHER) -> tuple[str, str]:
    """Fill every field as a teacher would; returns the references' keys, as the form shows them."""
    page = visit.page
    page.locator("#gt-title").fill(teacher.title)
    page.get_by_label("Year of publication").select_option(teacher.year)
    page.get_by_label("Academy").select_option(label=teacher.academy)
    for n, (name, role) in enumerate(teacher.authors):
        if n:
            page.get_by_role("button", name="Add another author").click()
        group = page.locator("#gt-authors-list > li").nth(n)
        group.get_by_label("Name").fill(name)
        group.get_by_label("Role").fill(role)
    page.get_by_label("Research question").fill(teacher.question)
    page.get_by_label("Abstract").fill(teacher.abstract)
    for legend, labels in (("Topics", teacher.topics), ("Aims", teacher.aims),
                           ("Principles", teacher.principles), ("Stages", teacher.stages)):
        group = page.get_by_role("group", name=legend)
        for label in labels:
            group.get_by_label(label, exact=True).check()
    library = page.get_by_role("combobox", name="Library titles that informed it")
    library.fill(teacher.library)
    page.get_by_role("option", name=re.compile(re.escape(teacher.library_title))).first.click()
    page.get_by_label("Kind of reference").select_option(label="Journal article")
    page.get_by_role("button", name="Add this reference").click()
    first = page.locator("#gt-references-list > li").nth(0)
    # the fields an article needs first; the rest behind "More details"
    assert first.get_by_label("Volume", exact=True).is_hidden()
    first.get_by_text("More details").click()
    for label, value in teacher.article:
        first.get_by_label(label, exact=True).fill(value)
    picker = page.get_by_role("combobox", name="Or add a title from the library")
    picker.fill(teacher.reference_title)
    page.get_by_role("option", name=re.compile("Rosenshine")).first.click()
    keys = tuple(page.locator(f"#gt-references-{n}-key").input_value() for n in (0, 1))
    body = page.get_by_role("textbox", name="Your text")
    # The citation keys as a teacher gets them: "Copy [@key]", then paste into the text.
    parts = teacher.body.split("{first}")
    tail, end = parts[1].split("{second}")
    body.fill(parts[0])
    body.press("End")
    for n, text in ((0, tail), (1, end)):
        page.locator(f"[data-copy-citation='{n}']").click()
        expect(page.locator(f"#gt-references-{n}-copied")).to_have_text("Copied.")
        body.focus()
        page.keyboard.press("Control+End")
        page.keyboard.press("Control+V")
        body.press("Control+End")
        if n == 1:
            # the page number follows the key inside the brackets: [@key, p. 12]
            body.press("ArrowLeft")
            page.keyboard.type(", p. 12")
            body.press("Control+End")
        page.keyboard.insert_text(text)
    return keys[0], keys[1]


def made_files(visit: Visit) -> dict[str, str]:
    return dict(visit.page.eval_on_selector_all("#gt-output-files .gt-file-box", """boxes => boxes.map(
        b => [b.dataset.file, b.querySelector('textarea').value])"""))


def judged(stdout: str) -> list[dict[str, object]]:
    """validate's problems but its notices: advice such as bib-title-case (a reference's
    title in Title Case, as a book's cover prints it), which the forms leave to the pull
    request's comment and which never fails a check."""
    return [problem for problem in json.loads(stdout) if problem["level"] != "notice"]


def validate_in_copy(tmp: Path, files: dict[str, str]) -> subprocess.CompletedProcess[str]:
    root = copy_repository(tmp)
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, "utf-8")
    return subprocess.run([sys.executable, "-m", "goldenthread", "--root", str(root), "validate",
                           "--format", "json"], capture_output=True, text=True, timeout=300)


def research_add(root: Path, text: str, name: str) -> subprocess.CompletedProcess[str]:
    """`goldenthread research add` on a submission, in a fresh copy of the repository at root."""
    copy_repository(root)
    sent = root.parent / name
    sent.write_text(text, "utf-8")
    return subprocess.run([sys.executable, "-m", "goldenthread", "--root", str(root), "research", "add",
                           str(sent), "--format", "json"], capture_output=True, text=True, timeout=300)


# -- The entry form ----------------------------------------------------------------------------

def test_a_teacher_writes_an_entry_that_validates_and_is_published(
        open_form: Any, form_site: FormSite, tmp_path: Path) -> None:
    visit = open_form(ENTRY_FORM)
    page = visit.page
    keys = fill_entry(visit)
    assert keys == ("roediger2006", "sherrington2019")
    preview = page.locator("#gt-preview")
    expect(preview).to_contain_text("(Roediger & Karpicke, 2006)")
    expect(preview).to_contain_text("(Sherrington, 2019, p. 12)")
    assert preview.locator("h3", has_text="What we found").count() == 1
    page.get_by_role("button", name="Check my entry").click()
    page.locator("#gt-output").wait_for()
    # one piece of advice, as validate's notice: the article's title the teacher typed is in
    # Title Case (the book filled from the library is not: the form wrote it in sentence case)
    expect(page.locator("#gt-problems-heading")).to_have_text(
        "One piece of advice (your entry can be sent as it is)")
    assert page.locator("#gt-problems li").all_inner_texts() == [
        "Advice: Write ‘Title of the article’ in Reference 1 in sentence case, as APA 7 does: Test-enhanced "
        "learning: Taking memory tests improves long-term retention. If that lowered a name, give the name "
        "its capitals again."]
    ident = new_id(TEACHER.title)
    md_path, bib_path = f"research/2026/{ident}.md", f"research/2026/{ident}.bib"
    files = made_files(visit)
    assert list(files) == [md_path, bib_path]
    md, bib = expected_files(visit, form_site.root, TEACHER, keys)
    assert files[md_path] == md
    assert files[bib_path] == bib

    assert page.get_by_role("button", name=f"Download {ident}.md").is_hidden()  # for the curious only
    page.get_by_text("Show the files").click()
    with page.expect_download() as download:
        page.get_by_role("button", name=f"Download {ident}.md").click()
    assert download.value.suggested_filename == f"{ident}.md"
    assert Path(download.value.path()).read_text("utf-8") == md
    page.get_by_role("button", name=f"Copy {ident}.bib").click()
    page.wait_for_function("() => document.querySelector('#gt-output .gt-status').textContent || true")
    assert page.evaluate("navigator.clipboard.readText()") == bib

    # "Propose on GitHub": repo_url's new-file page, the file filled in; then the .bib on the
    # branch GitHub made for the proposal.
    link = urlsplit(page.get_by_role("link", name="Propose your entry on GitHub").get_attribute("href"))
    assert f"{link.scheme}://{link.netloc}{link.path}" == f"{REPO_URL}/new/main"
    assert parse_qs(link.query) == {"filename": [md_path], "value": [md]}
    page.get_by_label("The address of the page GitHub showed you").fill(
        "https://github.com/trust-example/golden-thread/compare/main...sam-okafor:golden-thread:patch-1")
    second = urlsplit(page.get_by_role("link", name="Add the references to your proposal")
                      .get_attribute("href"))
    assert f"{second.netloc}{second.path}" == "github.com/sam-okafor/golden-thread/new/patch-1"
    assert parse_qs(second.query) == {"filename": [bib_path], "value": [bib]}
    assert (visit.console_errors, visit.foreign_requests) == ([], [])

    # The files, as they are, in a copy of the repository: valid, and published.
    done = validate_in_copy(tmp_path / "repo", files)
    assert done.returncode == 0 and judged(done.stdout) == [], done.stdout + done.stderr
    assert [(p["path"], p["code"]) for p in json.loads(done.stdout)] == [(bib_path, "bib-title-case")]
    built = build_into(tmp_path / "repo", tmp_path / "repo" / "site")
    html = (built.site / "research" / "2026" / ident / "index.html").read_text("utf-8")
    assert TEACHER.title in html
    assert "Roediger, H. L., &amp; Karpicke, J. D. (2006)." in html
    assert "Sherrington, T. (2019)." in html and "(Sherrington, 2019, p. 12)" in html
    assert 'href="../../../library/make-it-stick/"' in html
    entry = next(e for e in built.knowledge.entries if e.id == ident)
    assert entry.authors[1].role == "Science lead" and len(entry.references) == 2


def test_a_shorter_form(open_form: Any) -> None:
    """One pick for a library reference; a typed one shows what its kind needs; the preview
    beside the text on a wide screen; the sections numbered, with where the teacher is."""
    visit = open_form(ENTRY_FORM, width=1440)
    page = visit.page
    picker = page.get_by_role("combobox", name="Or add a title from the library")
    picker.fill("rosenshine")
    page.get_by_role("option", name=re.compile("Rosenshine")).first.click()
    picked = page.locator("#gt-references-list > li").nth(0)
    assert picked.locator("input, textarea").count() == 1  # its key, and no other box
    expect(picked.locator(".gt-from-library")).to_contain_text(
        "Sherrington, Tom. (2019). Rosenshine's principles in action")
    expect(page.locator("#gt-library-chosen")).to_contain_text("Rosenshine")  # informed it, too
    picked.get_by_role("button", name="Change the details").click()
    assert picked.get_by_label("Publisher", exact=True).input_value() == "John Catt"
    page.get_by_label("Kind of reference").select_option(label="Book")
    page.get_by_role("button", name="Add this reference").click()
    typed = page.locator("#gt-references-list > li").nth(1)
    shown = [label for label in typed.locator("label").all_inner_texts() if label]
    assert shown[:5] == ["Authors", "Editors", "Title", "Publisher", "Year"]
    assert typed.get_by_label("Edition", exact=True).is_hidden()
    # removing the picked reference takes it out of the titles that informed the entry
    picked.get_by_role("button", name="Remove reference 1").click()
    assert page.locator("#gt-library-chosen li").count() == 0
    # side by side on a wide screen; one above the other on a phone
    text, preview = page.locator("#gt-body").bounding_box(), page.locator(".gt-preview-box").bounding_box()
    assert preview["x"] >= text["x"] + text["width"] and abs(preview["y"] - text["y"]) < 120, (text, preview)
    page.set_viewport_size({"width": 390, "height": 800})
    text, preview = page.locator("#gt-body").bounding_box(), page.locator(".gt-preview-box").bounding_box()
    assert preview["y"] >= text["y"] + text["height"]
    # where the teacher is
    page.get_by_label("Research question").focus()
    expect(page.locator("#gt-progress-where")).to_have_text("You are in section 3 of 8: Your research.")
    current = page.locator(".gt-progress a[aria-current='step']")
    assert current.all_inner_texts() == ["Your research"]
    assert page.locator("#gt-section-research h2").inner_text() == "3. Your research"


def press_until(page: Any, selector: str, key: str = "Tab", most: int = 400) -> None:
    """Press Tab until the element matching selector has the focus (keyboard only)."""
    for _ in range(most):
        if page.evaluate(f"document.activeElement && document.activeElement.matches({json.dumps(selector)})"):
            return
        page.keyboard.press(key)
    raise AssertionError(f"Tab never reached {selector}")


def visible_focus(page: Any) -> bool:
    return bool(page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }"""))


def test_keyboard_only(open_form: Any, form_site: FormSite, tmp_path: Path) -> None:
    """The same entry, with Tab, the letters, the arrows, Space and Enter: no click, no fill."""
    visit = open_form(ENTRY_FORM)
    page, keyboard = visit.page, visit.page.keyboard
    teacher = TEACHER
    press_until(page, "#gt-title")
    assert visible_focus(page)
    keyboard.type(teacher.title)
    press_until(page, "#gt-year")
    while (shown := page.locator("#gt-year").input_value()) != teacher.year:
        keyboard.press("ArrowDown" if int(shown) > int(teacher.year) else "ArrowUp")  # newest first
    # the academy is left to choose: a mistake the check will name
    for n, (name, role) in enumerate(teacher.authors):
        if n:
            press_until(page, "#gt-add-author")
            keyboard.press("Enter")  # adding an author moves the focus to the new name
            assert page.evaluate("document.activeElement.id") == f"gt-authors-{n}-name"
        press_until(page, f"#gt-authors-{n}-name")
        keyboard.type(name)
        keyboard.press("Tab")
        keyboard.type(role)
    press_until(page, "#gt-research_question")
    keyboard.type(teacher.question)
    press_until(page, "#gt-abstract")
    keyboard.type(teacher.abstract)
    for name, labels in (("topics", teacher.topics), ("aims", teacher.aims),
                         ("building_blocks", teacher.principles), ("stages", teacher.stages)):
        for value in ids_of(visit, name, labels):
            press_until(page, f"#gt-{name}-{value}")
            assert visible_focus(page)
            keyboard.press("Space")
    press_until(page, "#gt-library")
    keyboard.type(teacher.library)
    page.locator("#gt-library-options li").first.wait_for()
    keyboard.press("ArrowDown")
    keyboard.press("Enter")
    assert page.locator("#gt-library-chosen li").count() == 1
    press_until(page, "#gt-reference-kind")
    while page.locator("#gt-reference-kind").input_value() != "article":
        keyboard.press("ArrowDown")
    keyboard.press("Tab")
    keyboard.press("Enter")  # Add this reference: the focus goes to its first field
    for label, value in teacher.article:
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            keyboard.press("Enter")  # "More details": the fields an article may also have
            keyboard.press("Tab")
        ident = page.evaluate("document.activeElement.id")
        assert page.locator(f"label[for='{ident}']").inner_text() == label
        for line in value.split("\n"):
            keyboard.type(line)
            if "\n" in value:
                keyboard.press("Enter")  # the authors' box: one name a line
        keyboard.press("Tab")
    press_until(page, "#gt-reference-title")
    keyboard.type(teacher.reference_title)
    page.locator("#gt-reference-title-options li").first.wait_for()
    keyboard.press("ArrowDown")
    keyboard.press("Enter")
    keys = tuple(page.locator(f"#gt-references-{n}-key").input_value() for n in (0, 1))
    body = teacher.body.format(first=f"[@{keys[0]}]", second=f"[@{keys[1]}, p. 12]")
    press_until(page, "#gt-body")
    keyboard.press("Control+A")
    keyboard.press("Delete")
    # "What we did" still holds the template's TODO line: a second mistake
    keyboard.type(body.replace("## What we did\n\n", "## What we did\n\nTODO: what you did.\n\n"))
    press_until(page, "#gt-check")
    assert visible_focus(page)
    keyboard.press("Enter")
    page.locator("#gt-problems").wait_for()
    assert page.evaluate("document.activeElement.id") == "gt-problems"
    shown = page.locator("#gt-problems li").all_inner_texts()
    assert "Choose your academy." in shown
    assert "Replace the line that starts TODO: in ‘What we did’ in ‘Your text’ with your own words." in shown
    for text in shown + page.locator(".gt-error:not([hidden])").all_inner_texts():
        assert unplain(text, IDS) == [], (text, unplain(text, IDS))
    assert page.locator("#gt-output").is_hidden()
    # the summary's link takes the keyboard to the academy; the teacher chooses it
    press_until(page, "#gt-problems a[data-focus='gt-academy']")
    keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "gt-academy"
    keyboard.press("ArrowDown")  # the first academy after "Choose your academy"
    assert page.locator("#gt-academy").input_value() == "ashdown-primary"
    press_until(page, "#gt-body")
    keyboard.press("Control+A")
    keyboard.press("Delete")
    keyboard.type(body)
    press_until(page, "#gt-check")
    keyboard.press("Enter")
    page.locator("#gt-output").wait_for()
    assert page.evaluate("document.activeElement.id") == "gt-output"
    files = made_files(visit)
    ident = new_id(teacher.title)
    md, bib = expected_files(visit, form_site.root, teacher, keys)
    # typed one line at a time, the authors' box holds the same two lines
    assert files[f"research/2026/{ident}.md"] == md
    assert files[f"research/2026/{ident}.bib"] == bib
    # the last screen: what the teacher wrote, as it will look
    finished = page.locator("#gt-finished")
    expect(finished).to_contain_text(teacher.title)
    expect(finished).to_contain_text("Sam Okafor (Year 4 class teacher), Jo Reed (Science lead) · "
                                     "Ashdown Primary Academy · 2026")
    assert finished.locator("h3", has_text="What we found").count() == 1
    # "Send to the research lead": one file, then an email
    press_until(page, "#gt-download-submission")
    with page.expect_download() as download:
        keyboard.press("Enter")
    assert download.value.suggested_filename == f"{ident}.md"
    sent = Path(download.value.path()).read_text("utf-8")
    assert sent.startswith(md)  # the entry itself, its lines as they will be
    email = urlsplit(page.get_by_role("link", name="Write the email").get_attribute("href"))
    assert (email.scheme, email.path) == ("mailto", "research@trust.example")
    asked = parse_qs(email.query)
    assert asked["subject"] == [f"Action research entry: {teacher.title}"]
    assert f"The file is {ident}.md." in asked["body"][0] and asked["body"][0].endswith("Sam Okafor\n")
    added = research_add(tmp_path / "repo", sent, f"{ident}.md")
    assert added.returncode == 0, added.stdout + added.stderr
    assert [p["code"] for p in json.loads(added.stdout)] == ["bib-title-case"]  # a notice, no more
    assert (tmp_path / "repo" / f"research/2026/{ident}.md").read_text("utf-8") == md
    assert (tmp_path / "repo" / f"research/2026/{ident}.bib").read_text("utf-8") == bib
    done = subprocess.run([sys.executable, "-m", "goldenthread", "--root", str(tmp_path / "repo"), "validate",
                           "--format", "json"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and judged(done.stdout) == [], done.stdout + done.stderr
    assert visit.console_errors == []


def teacher_state(**changes: Any) -> dict[str, Any]:
    """A complete, valid entry as the form's draft holds it, with changes."""
    state = {"title": "A valid entry written in the form", "year": "2026", "academy": "ashdown-primary",
             "id": "", "idEdited": False, "authors": [{"name": "Sam Okafor", "role": "Class teacher"}],
             "research_question": "Does it help?", "abstract": "It did.", "topics": [], "aims": [],
             "building_blocks": [], "stages": ["explore"], "library": [],
             "references": [{"kind": "book", "key": "sherrington2019", "fields": {
                 "author": "Sherrington, Tom", "title": "Rosenshine's Principles in Action",
                 "publisher": "John Catt", "year": "2019"}}],
             "body": "## Context\n\nShort [@sherrington2019].\n"}
    state.update(changes)
    return state


def load_draft(page: Any, kind: str, state: dict[str, Any]) -> None:
    """Put a draft in the browser and reload, as a teacher coming back to the form."""
    draft = json.dumps(json.dumps({"saved": 0, "state": state}))
    page.evaluate(f"localStorage.setItem('goldenthread-draft-{kind}', {draft})")
    page.reload()
    page.wait_for_selector("#gt-form[data-ready]")


def entry_of(state: dict[str, Any]) -> tuple[str, NewEntry, tuple[NewReference, ...]]:
    """The oracle: the state as `goldenthread new research` takes it."""
    references = tuple(NewReference(r["kind"], r["key"], tuple(r["fields"].items()))
                       for r in state["references"])
    new = NewEntry(state["title"], tuple((a["name"], a["role"]) for a in state["authors"]), state["academy"],
                   int(state["year"]), state["research_question"], state["abstract"], tuple(state["topics"]),
                   tuple((name, tuple(state[name])) for name in ("aims", "building_blocks", "stages")),
                   tuple(state["library"]), state["body"])
    return state["id"] or new_id(state["title"]), new, references


def test_a_mistake_shows_the_validators_message_before_any_file(
        open_form: Any, form_site: FormSite, tmp_path: Path) -> None:
    visit = open_form(ENTRY_FORM)
    page = visit.page
    state = teacher_state(abstract="", body="## Context\n\nAs shown [@nobody2020].\n")
    state["references"][0]["fields"]["doi"] = "https://doi.org/10.1000/xyz123"
    load_draft(page, "entry", state)
    assert page.locator("#gt-draft-note").is_visible()
    page.get_by_role("button", name="Check my entry").click()
    summary = page.locator("#gt-problems")
    summary.wait_for()
    assert page.evaluate("document.activeElement.id") == "gt-problems"
    assert page.locator("#gt-output").is_hidden() and page.locator("#gt-output-files *").count() == 0
    ident, new, references = entry_of(state)
    done = validate_in_copy(tmp_path / "repo", {f"research/2026/{ident}.md": entry_text(new),
                                                f"research/2026/{ident}.bib": bib_text(references)})
    reported = {(p["code"], p["message"]) for p in json.loads(done.stdout)}
    assert {code for code, _ in reported} == {"empty-value", "unknown-citation", "doi-prefix",
                                              "bib-title-case"}
    said = page.evaluate("GoldenThreadForm.said()")
    assert {(p["code"], p["message"]) for p in said} == reported  # validate's, notices included
    shown = summary.locator("li").all_inner_texts()
    assert sorted(shown) == sorted(("Advice: " if p["level"] == "notice" else "") + p["words"] for p in said)
    assert "Fill in ‘Abstract’." in shown
    assert ("‘Context’ in ‘Your text’ cites [@nobody2020], but no reference has the key nobody2020: add the "
            "reference under References, or correct the key in your text.") in shown
    assert "In ‘DOI’ in Reference 1, leave out the part before 10. and write 10.1000/xyz123." in shown
    assert ("Advice: Write ‘Title’ in Reference 1 in sentence case, as APA 7 does: Rosenshine's principles "
            "in action. If that lowered a name, give the name its capitals again.") in shown
    assert summary.locator("li").first.get_attribute("data-level") == "error"  # problems before advice
    for text in shown:
        assert unplain(text, IDS) == [], text
    assert page.locator("#gt-abstract-error").text_content() == "Error: Fill in ‘Abstract’."
    # the summary's link takes the keyboard to the field
    summary.get_by_role("link", name=re.compile("Abstract")).click()
    assert page.evaluate("document.activeElement.id") == "gt-abstract"
    assert page.locator("#gt-abstract").get_attribute("aria-invalid") == "true"
    # Leaving a field re-checks 50 ms later and draws the list again: a keyboard already on one
    # of its links stays there (it was lost to the page, and Enter then did nothing)
    page.locator("#gt-abstract").type("A")
    link = summary.get_by_role("link", name=re.compile("DOI"))
    link.focus()
    page.wait_for_timeout(300)
    target = link.get_attribute("data-focus")
    assert page.evaluate("document.activeElement.getAttribute('data-focus')") == target
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == target


# -- The form's checks and validate agree ------------------------------------------------------

LONG = ("A paragraph of the abstract that goes on. " * 30 + "\n\n") * 4   # over 4,000 characters
ENTRY_MISTAKES: dict[str, dict[str, Any]] = {
    "no title": {"title": ""},
    "title still the placeholder": {"title": "TODO: your title as a question"},
    "title too long": {"title": "Why? " * 61},
    "author's name empty": {"authors": [{"name": "", "role": "Class teacher"}]},
    "second author's role empty": {"authors": [{"name": "A", "role": "B"}, {"name": "C", "role": ""}]},
    "no academy": {"academy": ""},
    "question only spaces": {"research_question": "  \n  "},
    "abstract too long, folded": {"abstract": LONG},
    "abstract with a script link": {"abstract": "See [this](javascript:alert(1)) and <iframe src=x>."},
    "title with an event handler": {"title": 'Quiz <b onclick="x()">time</b>'},
    "body keeps the template": {"body": "## Context\n\nTODO: your academy.\n\n## Next\n\n- TODO: more\n"},
    "body with active content": {"body": "<script>alert(1)</script>\n\n<a href='javascript:x'>a</a>\n\n"
                                         "[b](data:text/html,x) <img src=x onerror=y>\n"},
    "body with what the allow-list does not know": {
        "body": "<h:script>x</h:script>\n\n<a href='&#106;avascript:x' style='x'>a</a>\n\n"
                "<p data-x='1'>b</p> <svg/onload=y> [c](&#x6A;avascript:z)\n\n"
                "Text\n{: onclick=x style=y }\n"},
    "code is shown, not run": {"body": "Use `<script>` or\n\n```html\n<iframe></iframe>\n```\n"},
    "unknown citations": {"body": "As [@nobody2020; @sherrington2019, p. 3] and [-@other.2021].\n"},
    "images": {"body": "![](images/a.png)\n\n![Chart](https://example.org/c.png)\n\n"
                       "![Chart](images/none.png)\n\n<img src='../x.png' alt='X'>\n"},
    "file name not an id": {"id": "My Entry!", "idEdited": True},
    "id used in another year": {"id": "retrieval-practice-in-year-4", "idEdited": True},
    "quotes in a message": {"references": [{"kind": "article", "key": "k2020", "fields": {
        "author": "O'Brien, Mary", "title": "It's", "journal": "J", "year": "2020",
        "doi": "it's not a DOI"}}], "body": "[@k2020]\n"},
}
REFERENCE_MISTAKES: dict[str, list[dict[str, Any]]] = {
    "article without its journal": [{"kind": "article", "key": "a2020", "fields": {
        "author": "Smith, Jo", "title": "T", "year": "2020"}}],
    "book without anyone": [{"kind": "book", "key": "b2020", "fields": {"title": "T", "publisher": "P"}}],
    "report by nobody": [{"kind": "report", "key": "r2020", "fields": {"title": "T", "year": "2020"}}],
    "chapter without its book": [{"kind": "chapter", "key": "c2020", "fields": {
        "author": "Lee, Al", "title": "Ch", "publisher": "P", "year": "2020"}}],
    "doi with its prefix": [{"kind": "article", "key": "d2020", "fields": {
        "author": "Smith, Jo", "title": "T", "journal": "J", "year": "2020", "doi": "doi: 10.1000/x1"}}],
    "doi malformed": [{"kind": "article", "key": "d2020", "fields": {
        "author": "Smith, Jo", "title": "T", "journal": "J", "year": "2020", "doi": "10.10/x"}}],
    "web page undated": [{"kind": "webpage", "key": "w", "fields": {"title": "T", "url": "https://example.org"}}],
    "web page with a year, no month": [{"kind": "webpage", "key": "w", "fields": {
        "title": "T", "url": "https://example.org", "year": "2024"}}],
    "web address without https": [{"kind": "webpage", "key": "w", "fields": {
        "title": "T", "url": "www.example.org/page", "urldate": "2025-09-15"}}],
    "titles in Title Case, some words kept": [
        {"kind": "chapter", "key": "t2020", "fields": {
            "author": "Lee, Al", "title": "Retrieval Practice in {Key Stage} 2: What McDaniel Found",
            "editor": "Ng, B", "booktitle": "The Évidence-Informed Classroom — a Guide for I and EEF",
            "publisher": "P", "year": "2020"}}],
    "the same key twice": [
        {"kind": "book", "key": "s2019", "fields": {"author": "S, T", "title": title, "publisher": "P",
                                                     "year": "2019"}} for title in ("A", "B")],
    "special characters and braces": [{"kind": "book", "key": "x2020", "fields": {
        "author": "Smith & Co\nO'Neil, A.", "title": "100% {of} }the{ #1_", "publisher": "P", "year": "2020",
        "url": "https://example.org/{a"}}],
}


def form_problems(page: Any, kind: str, state: dict[str, Any]) -> set[tuple[str, str, str]]:
    load_draft(page, kind, state)
    page.get_by_role("button", name=re.compile("^Check my")).click()
    found = page.evaluate("GoldenThreadForm.said()")
    shown = page.locator("#gt-problems li").all_inner_texts() if found else []
    for problem in found:  # the teacher sees each one, in a teacher's words
        assert any(problem["words"] in text for text in shown), (problem, shown)
        assert unplain(problem["words"], IDS) == [], (problem["words"], unplain(problem["words"], IDS))
    return {(p["file"], p["code"], p["message"]) for p in found}


def validator_problems(tmp: Path, files: dict[str, dict[str, str]]) -> dict[str, set[tuple[str, str, str]]]:
    """validate on every case's files at once (a case to a file name): case -> problems."""
    done = validate_in_copy(tmp, {path: text for case in files.values() for path, text in case.items()})
    by_path: dict[str, set[tuple[str, str, str]]] = {}
    for problem in json.loads(done.stdout):
        by_path.setdefault(problem["path"], set()).add(
            (problem["path"].rsplit(".", 1)[1], problem["code"], problem["message"]))
    return {case: set().union(*(by_path.get(path, set()) for path in paths)) for case, paths in files.items()}


def test_the_entry_forms_checks_and_validate_agree(open_form: Any, tmp_path: Path) -> None:
    visit = open_form(ENTRY_FORM)
    cases = {name: teacher_state(**changes) for name, changes in ENTRY_MISTAKES.items()}
    for name, references in REFERENCE_MISTAKES.items():
        cases[name] = teacher_state(references=references,
                                    body="".join(f"[@{r['key']}]\n" for r in references))
    files, seen = {}, {}
    for n, (name, state) in enumerate(cases.items()):
        if not state["idEdited"]:
            state["id"], state["idEdited"] = f"case-{n}", True
        ident, new, references = entry_of(state)
        files[name] = {f"research/2026/{ident}.md": entry_text(new),
                       f"research/2026/{ident}.bib": bib_text(references)}
        seen[name] = form_problems(visit.page, "entry", state)
    expected = validator_problems(tmp_path / "repo", files)
    disagree = {name: {"form only": seen[name] - expected[name], "validate only": expected[name] - seen[name]}
                for name in cases if seen[name] != expected[name]}
    assert disagree == {}
    # each case is a mistake but these two, which must pass both
    # (the draft's book reference is in Title Case: each case has that notice, and only that, more)
    assert [name for name in cases if not {p for p in expected[name] if p[1] != "bib-title-case"}] == [
        "code is shown, not run", "titles in Title Case, some words kept", "special characters and braces"]
    assert len(expected["titles in Title Case, some words kept"]) == 2  # the chapter's and the book's titles
    assert visit.console_errors == []


def test_the_forms_sentence_case_is_validates(open_form: Any) -> None:
    """form-rules.js's port of check/sentence_case.py, on its own table and a few more."""
    from goldenthread.check.sentence_case import sentence_case

    from ..check.test_sentence_case import CASES

    titles = [title for title, _ in CASES] + [
        "Über Die Große Frage: Ein Überblick Für Lehrer", "L'Évaluation Formative en Classe",
        "Teaching Année 7 — A Guide for {O'Brien} and De Vries", "{Key {Stage}} Three Words Here",
        "A 𝒳 Symbol Is Here Too Today", "Reading Is Fun\u00a0For Everyone Always"]
    found = visit_rules(open_form).evaluate(
        "titles => titles.map(t => GoldenThreadRules.start(window.__rules).sentenceCase(t))", titles)
    assert found == [sentence_case(title) for title in titles]


def visit_rules(open_form: Any) -> Any:
    page = open_form(ENTRY_FORM).page
    page.evaluate("""async () => { window.__rules = await (await fetch(
        document.getElementById('gt-form').dataset.rules)).json(); }""")
    return page


# -- The title form ----------------------------------------------------------------------------

def title_state(**changes: Any) -> dict[str, Any]:
    state = {"title": "A Title Proposed in a Test", "subtitle": "", "authors": ["Test Author"],
             "year": "2024", "edition": "", "publisher": "Test Press", "isbn": "", "type": "book",
             "url": "", "id": "", "idEdited": False, "topics": ["cognitive-science"], "aims": [],
             "building_blocks": [], "stages": [], "career_stages": [], "formats": ["print"],
             "summary": "A summary in our own words."}
    state.update(changes)
    return state


def title_of(state: dict[str, Any]) -> tuple[str, NewTitle]:
    """The oracle: the state as `goldenthread new title` takes it."""
    new = NewTitle(state["title"], tuple(state["authors"]), year_of(state["year"]), tuple(state["topics"]),
                   state["publisher"], state["subtitle"], state["edition"], state["isbn"], state["type"],
                   tuple((name, tuple(state[name])) for name in ("aims", "building_blocks", "stages")),
                   tuple(state["career_stages"]), tuple(state["formats"]), state["url"], state["summary"])
    return state["id"] or new_id(state["title"]), new


def test_propose_a_title_makes_a_valid_record(open_form: Any, form_site: FormSite, tmp_path: Path) -> None:
    visit = open_form(TITLE_FORM)
    page = visit.page
    page.locator("#gt-title").fill("A Title Proposed in a Test")
    page.get_by_label("Subtitle").fill("What the Form Writes")
    page.get_by_label("Full name").fill("Test Author")
    page.get_by_role("button", name="Add another author").click()
    page.locator("#gt-authors-1").fill("Second Author")
    page.get_by_label("Year of publication").fill("2024")
    page.get_by_label("Edition").fill("2nd")
    page.get_by_label("Publisher").fill("Test Press")
    page.get_by_label("Report, for example EEF guidance").check()
    page.get_by_role("group", name="Topics").get_by_label("Cognitive science").check()
    stages = page.get_by_role("group", name="Stages")
    stages.get_by_label("1. Explore").check()
    page.get_by_role("group", name="Formats the library holds").get_by_label("Ebook").check()
    page.get_by_role("textbox", name="Summary").fill("A summary of the test title.\n\nIt has two paragraphs.")
    page.get_by_role("button", name="Check my title").click()
    page.locator("#gt-output").wait_for()
    files = made_files(visit)
    path = "library/titles/a-title-proposed-in-a-test.yaml"
    assert list(files) == [path]
    assert files[path] == title_text(NewTitle(
        "A Title Proposed in a Test", ("Test Author", "Second Author"), 2024, ("cognitive-science",),
        publisher="Test Press", subtitle="What the Form Writes", edition="2nd", type="report",
        tags=(("aims", ()), ("building_blocks", ()), ("stages", ("explore",))), formats=("print", "ebook"),
        summary="A summary of the test title.\n\nIt has two paragraphs."))
    link = urlsplit(page.get_by_role("link", name="Propose your record on GitHub").get_attribute("href"))
    assert parse_qs(link.query) == {"filename": [path], "value": [files[path]]}
    done = validate_in_copy(tmp_path / "repo", files)
    assert done.returncode == 0, done.stdout + done.stderr
    built = build_into(tmp_path / "repo", tmp_path / "repo" / "site")
    html = (built.site / "library" / "a-title-proposed-in-a-test" / "index.html").read_text("utf-8")
    assert "What the Form Writes" in html and "Second Author" in html
    assert visit.console_errors == [] and visit.foreign_requests == []


TITLE_MISTAKES: dict[str, dict[str, Any]] = {
    "no title": {"title": ""},
    "author's name empty": {"authors": [""]},
    "no authors": {"authors": []},
    "no year": {"year": ""},
    "year in words": {"year": "twenty twenty"},
    "year too early": {"year": "1700"},
    "year with a leading zero": {"year": "0219"},
    "edition too long": {"edition": "the second, revised and much expanded edition"},
    "isbn check digit": {"isbn": "9781912906209"},       # a catalogue ISBN with its last digit changed
    "isbn too short": {"isbn": "12345"},
    "isbn placeholder": {"isbn": "0000000000"},
    "isbn prefix": {"isbn": "9771234567897"},
    "isbn already in the library": {"isbn": "978-1-912906-20-8"},
    "no topic": {"topics": []},
    "web address not http": {"url": "ftp://example.org/book"},
    "summary still the placeholder": {"summary": "TODO: two to four sentences in our own words."},
    "summary with a frame": {"summary": "A book. <iframe src=x></iframe>"},
    "summary empty": {"summary": "   "},
    "file name not an id": {"id": "Bad Id", "idEdited": True},
    "subtitle of spaces is left out": {"subtitle": "   "},
}


def test_the_title_forms_checks_and_validate_agree(open_form: Any, tmp_path: Path) -> None:
    visit = open_form(TITLE_FORM)
    files, seen = {}, {}
    for n, (name, changes) in enumerate(TITLE_MISTAKES.items()):
        state = title_state(**changes)
        if not state["idEdited"]:
            state["id"], state["idEdited"] = f"title-case-{n}", True
        ident, new = title_of(state)
        files[name] = {f"library/titles/{ident}.yaml": title_text(new)}
        seen[name] = form_problems(visit.page, "title", state)
    expected = validator_problems(tmp_path / "repo", files)
    disagree = {name: {"form only": seen[name] - expected[name], "validate only": expected[name] - seen[name]}
                for name in files if seen[name] != expected[name]}
    assert disagree == {}
    assert [name for name in files if not expected[name]] == ["subtitle of spaces is left out"]
    assert visit.console_errors == []


# -- Accessible, at every width, and kept as a draft --------------------------------------------

def axe_violations(page: Any) -> list[tuple[str, list[Any]]]:
    from axe_playwright_python.sync_playwright import Axe

    page.wait_for_timeout(400)  # Material fades its tabs out on a scroll: measure them once still
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [(v["id"], [n["target"] + [n.get("failureSummary", "")[:300]] for n in v["nodes"]][:3])
            for v in results.response["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_forms_are_axe_clean_in_every_state(open_form: Any, scheme: str) -> None:
    found = {}
    visit = open_form(ENTRY_FORM, scheme)
    page = visit.page
    found["entry, empty"] = axe_violations(page)
    page.get_by_role("combobox", name="Library titles that informed it").fill("learning")
    page.locator("#gt-library-options li").first.wait_for()
    page.keyboard.press("ArrowDown")
    found["entry, choosing a title"] = axe_violations(page)
    page.keyboard.press("Escape")
    page.get_by_label("Kind of reference").select_option("webpage")
    page.get_by_role("button", name="Add this reference").click()
    page.get_by_role("button", name="Check my entry").click()
    page.locator("#gt-problems").wait_for()
    found["entry, with problems"] = axe_violations(page)
    load_draft(page, "entry", teacher_state())
    page.get_by_role("button", name="Check my entry").click()
    page.locator("#gt-output").wait_for()
    found["entry, files made"] = axe_violations(page)
    visit = open_form(TITLE_FORM, scheme)
    found["title, empty"] = axe_violations(visit.page)
    visit.page.get_by_role("button", name="Check my title").click()
    visit.page.locator("#gt-problems").wait_for()
    found["title, with problems"] = axe_violations(visit.page)
    assert {state: v for state, v in found.items() if v} == {}


@pytest.mark.parametrize("path", [ENTRY_FORM, TITLE_FORM])
def test_usable_at_a_phones_width(open_form: Any, path: str) -> None:
    visit = open_form(path, width=320, height=740)
    page = visit.page
    state = teacher_state() if path == ENTRY_FORM else title_state()
    load_draft(page, "entry" if path == ENTRY_FORM else "title", state)
    page.get_by_role("button", name=re.compile("^Check my")).click()
    page.locator("#gt-output").wait_for()
    page.get_by_text("Show the files").click()  # the last screen, files open: all of it at 320 px

    def overflow() -> list[str]:
        return list(page.evaluate("""() => [...document.querySelectorAll('#gt-form *')].filter(e => {
            const box = e.getBoundingClientRect();
            return box.width && (box.right > innerWidth + 1 || box.left < -1) && !e.closest('.gt-hidden');
          }).map(e => e.id || e.className || e.tagName)"""))

    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert overflow() == []
    targets = ("#gt-form button, #gt-form a.md-button, #gt-form select, "
               "#gt-form input:not([type=checkbox]):not([type=radio])")
    small = page.evaluate(f"""() => [...document.querySelectorAll({json.dumps(targets)})].filter(
        e => e.offsetParent && e.getBoundingClientRect().height < 44).map(e => e.id || e.textContent)""")
    assert small == []
    assert axe_violations(page) == []


def test_a_draft_survives_a_closed_tab_until_start_again(open_form: Any) -> None:
    visit = open_form(ENTRY_FORM)
    page = visit.page
    page.locator("#gt-title").fill("A draft to come back to")
    page.get_by_label("Kind of reference").select_option("book")
    page.get_by_role("button", name="Add this reference").click()
    page.locator("#gt-references-0-title").fill("A Book I Read")
    page.wait_for_timeout(600)  # the draft is saved 300 ms after the last change
    context = page.context
    page.close()
    page = context.new_page()
    page.goto(visit.page.url)
    page.wait_for_selector("#gt-form[data-ready]")
    assert page.locator("#gt-title").input_value() == "A draft to come back to"
    assert page.locator("#gt-references-0-title").input_value() == "A Book I Read"
    assert "is back, as you left it" in page.locator("#gt-draft-note").inner_text()
    page.get_by_role("button", name="Start again").click()
    page.get_by_role("button", name="Yes, clear the form").click()
    assert page.locator("#gt-title").input_value() == ""
    assert page.locator("#gt-references-list li").count() == 0
    page.wait_for_timeout(400)
    assert page.evaluate("localStorage.getItem('goldenthread-draft-entry')") is None


def test_a_long_entry_is_copied_for_github_instead(open_form: Any, form_site: FormSite) -> None:
    visit = open_form(ENTRY_FORM)
    page = visit.page
    body = "## Context\n\n" + "A long paragraph about the work, with many words in it. " * 150 + "\n"
    load_draft(page, "entry", teacher_state(body=body + "[@sherrington2019]\n"))
    page.get_by_role("button", name="Check my entry").click()
    page.locator("#gt-output").wait_for()
    md = next(text for path, text in made_files(visit).items() if path.endswith(".md"))
    link = page.get_by_role("link", name="Propose your entry on GitHub")
    assert parse_qs(urlsplit(link.get_attribute("href")).query) == {
        "filename": ["research/2026/a-valid-entry-written-in-the-form.md"]}
    page.context.route("https://github.com/**", lambda route: route.abort())
    link.click()
    expect(page.locator("#gt-propose .gt-status").first).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == md


def test_without_repo_url_there_is_no_github_option(open_page: Any) -> None:
    visit = open_page(ENTRY_FORM)
    page = visit.page
    page.wait_for_selector("#gt-form[data-ready]")
    assert page.locator("#gt-form").get_attribute("data-repo") is None
    assert page.locator("#gt-propose").count() == 0
    load_draft(page, "entry", teacher_state())
    page.get_by_role("button", name="Check my entry").click()
    page.locator("#gt-output").wait_for()
    # no GitHub: the teacher sends it to the research lead, as everyone can
    assert page.get_by_role("heading", name="Send to the research lead").is_visible()
    assert page.get_by_role("heading", name=re.compile("GitHub")).count() == 0
    assert "repo_url" not in page.locator("#gt-output").inner_text()
    assert page.get_by_role("button", name="Download your entry").is_visible()
    assert page.get_by_role("button", name=re.compile("^Download")).count() == 1
    page.get_by_text("Show the files").click()
    assert page.get_by_role("button", name=re.compile("^Download")).count() == 3  # and each file


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", [ENTRY_FORM, TITLE_FORM])
def test_the_javascript_notice_shows_only_when_scripts_do_not_run(
        browser: Any, form_site: FormSite, path: str, scheme: str) -> None:
    notice = "#gt-form-needs-script"
    for scripts in (True, False):
        context = browser.new_context(color_scheme=scheme, java_script_enabled=scripts,
                                      viewport={"width": 1280, "height": 900})
        try:
            page = context.new_page()
            page.goto(form_site.url + path, wait_until="load")
            if scripts:
                page.wait_for_selector("#gt-form[data-ready]", timeout=10_000)
                assert page.locator("#gt-form").is_visible()
                assert not page.get_by_text("This form needs JavaScript").is_visible()
                assert not page.get_by_text("The form could not start").is_visible()
            else:
                expect(page.locator(notice)).to_be_visible()
                expect(page.locator(notice)).to_contain_text("How to contribute")
                assert page.locator("#gt-form").is_hidden()
                assert not page.get_by_text("The form could not start").is_visible()
        finally:
            context.close()


def test_a_form_that_cannot_load_its_rules_says_so(browser: Any, form_site: FormSite) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.route("**/form-data.json*", lambda route: route.abort())
        page.goto(form_site.url + ENTRY_FORM, wait_until="load")
        expect(page.get_by_text("The form could not start")).to_be_visible()
        assert page.locator("#gt-form").is_hidden()
    finally:
        context.close()


def test_the_forms_are_linked_where_teachers_look(open_form: Any, form_site: FormSite) -> None:
    visit = open_form(ENTRY_FORM)
    page = visit.page
    page.goto(form_site.url + "research/2025/")
    page.get_by_role("link", name="Write your entry for 2025").click()
    page.wait_for_selector("#gt-form[data-ready]")
    assert page.locator("#gt-year").input_value() == "2025"
    for start, name in (("library/", "Propose a title"), ("contributing/", "Write your entry"),
                        ("research/", "Write your entry")):
        page.goto(form_site.url + start)
        page.locator("article").get_by_role("link", name=name, exact=True).first.click()
        page.wait_for_selector("#gt-form[data-ready]")
