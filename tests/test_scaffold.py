"""`goldenthread new`: ready-to-fill files that validate only once their placeholders are filled."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from goldenthread.cli import main
from goldenthread.scaffold import (
    BIB,
    NewEntry,
    NewReference,
    NewTitle,
    bib_text,
    clean,
    entry_text,
    title_text,
    word,
    year_of,
)

from .conftest import REPO

NEW_ENTRY = ["new", "research", "--title", "Does pre-teaching vocabulary help Year 5?",
             "--author", "A. Teacher", "--role", "Year 5 class teacher",
             "--academy", "ashdown-primary", "--year", "2025"]


def problems(repo: Path, capsys: pytest.CaptureFixture[str]) -> list[tuple[str, int, str]]:
    capsys.readouterr()
    main(["--root", str(repo), "validate"])
    out = capsys.readouterr().out
    return [(m[0], int(m[1]), m[2]) for m in re.findall(r"^(.+?):(\d+):\d+: error\[(.+?)\]", out, re.M)]


def fill(path: Path) -> None:
    text = path.read_text("utf-8")
    text = re.sub(r"TODO: [^\n]*", "Filled in by the teacher.", text)
    path.write_text(text, "utf-8")


def test_new_entry_fails_until_filled_then_passes(repo: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(repo), *NEW_ENTRY]) == 0
    entry = repo / "research/2025/does-pre-teaching-vocabulary-help-year-5.md"
    assert entry.is_file() and entry.with_suffix(".bib").is_file()
    found = problems(repo, capsys)
    assert {code for _, _, code in found} == {"placeholder"}
    assert {path for path, _, _ in found} == {"research/2025/does-pre-teaching-vocabulary-help-year-5.md"}
    lines = entry.read_text("utf-8").splitlines()
    assert all(lines[line - 1].lstrip().startswith("TODO:") for _, line, _ in found)
    assert len(found) == 6  # question, abstract and four body sections
    fill(entry)
    assert problems(repo, capsys) == []


def test_new_entry_refuses_to_overwrite(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(repo), *NEW_ENTRY]) == 0
    entry = repo / "research/2025/does-pre-teaching-vocabulary-help-year-5.md"
    entry.write_text("my work", "utf-8")
    assert main(["--root", str(repo), *NEW_ENTRY]) == 2
    assert "already exists" in capsys.readouterr().err
    assert entry.read_text("utf-8") == "my work"


def test_missing_options_without_a_terminal_is_a_usage_error(
        repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["--root", str(repo), "new", "research", "--title", "X"]) == 2
    assert "--author is required" in capsys.readouterr().err


def test_new_entry_prompts_on_a_terminal(repo: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter(["Asked title", "B. Teacher", "SENCo", "fernlea-school", "2025"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    assert main(["--root", str(repo), "new", "research"]) == 0
    text = (repo / "research/2025/asked-title.md").read_text("utf-8")
    assert 'name: "B. Teacher"' in text and "academy: fernlea-school" in text


def test_new_title_fails_until_summary_written(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(repo), "new", "title", "--title", "Closing the Reading Gap",
                 "--author", "Alex Quigley", "--year", "2020", "--topic", "literacy-and-oracy"]) == 0
    path = repo / "library/titles/closing-the-reading-gap.yaml"
    assert problems(repo, capsys) == [("library/titles/closing-the-reading-gap.yaml", 14, "placeholder")]
    fill(path)
    assert problems(repo, capsys) == []
    assert "isbn:" not in path.read_text("utf-8").replace("# isbn:", "")


EMPTY_TAGS = (("aims", ()), ("building_blocks", ()), ("stages", ()))  # this Trust's framework


def test_template_is_the_scaffold() -> None:
    expected = entry_text(NewEntry("TODO: your title as a question",
                                   (("TODO: your name", "TODO: your role"),), "TODO-academy-id", 2026,
                                   tags=EMPTY_TAGS))
    assert (REPO / "research" / "TEMPLATE.md").read_text("utf-8") == expected


# -- Filled in: what the site's forms write (tests/site/test_forms.py checks they write the same) --

FILLED = NewEntry(
    title='Does a "low-stakes" quiz help? Year 4: science #1',
    authors=(("Sam O'Neill", "Year 4 class teacher"), ("Priya Ráj", "Science lead: KS2")),
    academy="ashdown-primary", year=2025,
    research_question="Does a five-question quiz\nat the start of each lesson help recall?",
    abstract="We tried it for six weeks.\n\n  Recall: better, we think.\t(Small sample.)",
    topics=("cognitive-science",), tags=(("aims", ("research-informed",)),
                                         ("building_blocks", ("high-quality-teaching",)),
                                         ("stages", ("explore", "deliver"))),
    library=("make-it-stick",),
    body="\n\n## Context\n\nA class of 28 [@roediger2006].\n\n---\n\n## What we found\n\n"
         "Recall improved [@sherrington2019, p. 12; @eef2021].\n\n   ",
)
REFERENCES = (
    NewReference("article", "roediger2006", (
        ("author", "Roediger, Henry L.\nKarpicke, Jeffrey D."), ("title", "Test-Enhanced Learning"),
        ("journal", "Psychological Science"), ("year", "2006"), ("volume", "17"),
        ("number", "3"), ("pages", "249--255"), ("doi", "10.1111/j.1467-9280.2006.01693.x"))),
    NewReference("book", "sherrington2019", (
        ("author", "Sherrington, Tom"), ("title", "Rosenshine's Principles in Action"),
        ("publisher", "John Catt"), ("year", "2019"))),
    NewReference("report", "eef2021", (
        ("author", "Education Endowment Foundation"), ("title", "Effective Professional Development"),
        ("institution", "Education Endowment Foundation"), ("year", "2021"))),
)


def test_a_filled_entry_is_valid(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = repo / "research" / "2025"
    (folder / "filled.md").write_text(entry_text(FILLED), "utf-8")
    (folder / "filled.bib").write_text(bib_text(REFERENCES), "utf-8")
    assert problems(repo, capsys) == []


def test_filled_fields_read_back_as_typed(repo: Path) -> None:
    from goldenthread.load.frontmatter import split_front_matter

    source, found = split_front_matter(entry_text(FILLED), "x.md")
    assert found == [] and source is not None
    data = source.front.data
    assert data["title"] == FILLED.title
    assert data["authors"] == [{"name": n, "role": r} for n, r in FILLED.authors]
    # >- folds single line breaks into spaces; a more indented line keeps its line breaks
    assert data["research_question"] == "Does a five-question quiz at the start of each lesson help recall?"
    assert data["abstract"] == "We tried it for six weeks.\n\n  Recall: better, we think.\t(Small sample.)"
    assert data["stages"] == ["explore", "deliver"]
    assert source.body.startswith("\n## Context\n") and source.body.endswith("p. 12; @eef2021].\n")


@pytest.mark.parametrize("text", [
    "a\x00b\x07c\x1bd\x7fe\x85f\u2028g\u2029h\r\ni\rj\ufffek",   # invisible and odd characters
    " \t  leading space and tab\n\t\ttabbed line\n    indented\n---\n...\n# not a comment",
    "key: value\n- a list?\n[flow] {mapping} &anchor *alias !tag |pipe >fold %percent @at `tick`",
])
def test_any_text_makes_readable_yaml(text: str) -> None:
    from goldenthread.load.frontmatter import split_front_matter

    new = NewEntry(text, ((text, text),), "ashdown-primary", 2025, text, text)
    source, found = split_front_matter(entry_text(new), "x.md")
    assert found == [] and source is not None
    assert source.front.data["title"] == clean(text)
    assert source.front.data["authors"] == [{"name": clean(text), "role": clean(text)}]
    for name in ("research_question", "abstract"):
        value = source.front.data[name]
        assert isinstance(value, str) and value.split() == clean(text).split()


WORDS = ["ashdown-primary", "TODO-academy-id", "yes", "No", "TRUE", "off", "null", "Null", "y", "n",
         "2024", "0", "007", "09", "0x1f", "0b101", "1_000", "2024-01-01", "12-30", "e1", "1e3",
         "inf", "nan", "a_b", "-a", "_a", "a b", "a:b", "#a", "", "~"]


@pytest.mark.parametrize("value", WORDS)
def test_an_id_reads_back_as_itself(value: str) -> None:
    from goldenthread.load.yamldoc import load_yaml

    document, found = load_yaml(f"value: {word(value)}\n", "x.yaml")
    assert found == [] and document is not None
    assert document.data == {"value": value}


def test_references_read_back_with_their_fields() -> None:
    from goldenthread.load.bib import load_bib

    odd = NewReference("book", "odd2020", (
        ("author", "Smith & Sons\nO'Brien, Mary-Jane\n\n"), ("title", "100% of {braces} and #tags_"),
        ("publisher", "A } B"), ("year", "2020"), ("url", "https://example.org/a_b?c=%20#d")))
    text = bib_text((*REFERENCES, odd))
    assert text.startswith("% References for this entry")
    source, found = load_bib(text, "x.bib")
    assert found == []
    assert list(source.entries) == ["roediger2006", "sherrington2019", "eef2021", "odd2020"]
    fields = source.entries["odd2020"].fields
    assert fields["author"] == "{Smith \\& Sons} and O'Brien, Mary-Jane"
    assert fields["title"] == "100\\% of {braces} and \\#tags\\_"
    assert fields["publisher"] == "A \\} B"
    assert fields["url"] == "https://example.org/a_b?c=%20#d"
    assert source.entries["eef2021"].fields["author"] == "{Education Endowment Foundation}"
    assert "editor" not in source.entries["sherrington2019"].fields  # empty fields are left out


def test_bib_of_a_new_entry_is_its_comments_alone() -> None:
    assert bib_text() == BIB


@pytest.mark.parametrize(("text", "value"), [
    ("2019", 2019), (" 2019 ", 2019), ("", None), ("  ", None), ("0219", "0219"),
    ("twenty", "twenty"), ("2019a", "2019a"), ("-5", "-5")])
def test_a_typed_year(text: str, value: int | str | None) -> None:
    assert year_of(text) == value


def test_a_filled_title_is_valid(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = NewTitle("Closing the Reading Gap", ("Alex Quigley",), 2020, ("literacy-and-oracy",),
                   publisher="Routledge", subtitle="A guide", edition="2nd", type="book",
                   tags=(("stages", ("explore",)),), career_stages=("teacher",), formats=("print", "ebook"),
                   url="https://example.org/book", summary="Why reading matters.\n\nAnd how.")
    path = repo / "library" / "titles" / "closing-the-reading-gap.yaml"
    path.write_text(title_text(new), "utf-8")
    assert problems(repo, capsys) == []
    text = path.read_text("utf-8")
    assert 'subtitle: "A guide"\n' in text and 'edition: "2nd"\n' in text
    assert "# isbn: copy it" in text and "type:" not in text


def test_title_template_is_the_scaffold_of_new_title() -> None:
    """What `goldenthread new title` wrote before the forms shared its template."""
    assert title_text(NewTitle("Closing the Reading Gap", ("Alex Quigley",), 2020,
                               ("literacy-and-oracy",), tags=EMPTY_TAGS)) == (
        "# yaml-language-server: $schema=../../scripts/goldenthread/schemas/title.schema.json\n"
        'title: "Closing the Reading Gap"\nauthors:\n  - "Alex Quigley"\nyear: 2020\n'
        "# isbn: copy it from the book in quotes, or leave this line out. Never guess one.\n"
        "topics: [literacy-and-oracy]\naims: []\nbuilding_blocks: []\nstages: []\ncareer_stages: []\n"
        "formats: [print]\nsummary: >-\n  TODO: two to four sentences in our own words.\n")
