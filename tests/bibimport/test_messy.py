"""The messy export, entry by entry: what each one became, field by field.

Every entry of tests/data/messy.bib is in the table, and the table holds nothing else,
so an entry that the import drops silently, or a case removed from the file, fails here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from goldenthread.bibimport import ImportReport, import_bibtex

from ..conftest import REPO

MESSY = REPO / "tests" / "data" / "messy.bib"
ENTRY = re.compile(r"^@(?!string|comment|preamble)\w+\s*[{(]\s*([^,\s]+),", re.IGNORECASE)
# An entry that gives no record says so with one of these, at its first line.
OUTCOMES = {"import-skipped", "import-existing", "import-duplicate", "bib-syntax",
            "bib-duplicate-key", "bib-duplicate-field"}


@dataclass(frozen=True)
class Outcome:
    """What one entry became: every problem code on its lines, and the record it made."""

    codes: frozenset[str] = frozenset()
    id: str = ""
    record: dict[str, Any] = field(default_factory=dict)


def created(ident: str, record: dict[str, Any], *codes: str) -> Outcome:
    return Outcome(frozenset(codes), ident, record)


def not_created(*codes: str) -> Outcome:
    return Outcome(frozenset(codes))


def book(title: str, authors: list[str], year: int, **more: Any) -> dict[str, Any]:
    return {"title": title, "authors": authors, "year": year, "topics": [], **more}


EEF = "Education Endowment Foundation"
EXPECTED: dict[str, Outcome] = {
    "hattieVisibleLearning2009": created(
        "visible-learning-a-synthesis-of-over-800-meta-analyses-relating-to-achievement",
        book("Visible Learning: A Synthesis of Over 800 Meta-Analyses Relating to Achievement",
             ["John Hattie"], 2009, publisher="Routledge", topics=["teaching-and-learning"],
             summary="Hattie brings together over 800 meta-analyses of influences on achievement."),
        "import-keywords"),
    "make-it-stick-again": not_created("import-existing"),
    "BrownMakeItStick": not_created("import-existing"),
    "rosenshine-in-action": created("rosenshine-in-action", book(
        "Rosenshine's Principles in Action", ["Tom Sherrington"], 2019, publisher="John Catt",
        isbn="9781912906208")),
    "quigley": created("quigley", book("Closing the Vocabulary Gap", ["Alex Quigley"], 2018,
                                       publisher="Routledge", isbn="9781138080683")),
    "quigley#2": not_created("bib-duplicate-key"),
    "TestBookA": created("a-test-book-of-importing-cases", book(
        "A Test Book of Importing Cases", ["Tina Tester"], 2020, publisher="Example Press"),
        "isbn-checksum"),
    "TestBookB": created("a-test-book-of-importing-cases-2", book(
        "A Test Book of Importing Cases", ["Sam Sample"], 2021, publisher="Example Press"),
        "isbn-placeholder"),
    "responsive-teaching": created("responsive-teaching", book(
        "Responsive Teaching", ["Harry Fletcher-Wood"], 2018,
        subtitle="Cognitive Science and Formative Assessment in Practice", publisher="Routledge",
        isbn="9781138296893", topics=["assessment-and-feedback", "cognitive-science"])),
    "FletcherWood2018": not_created("import-duplicate", "import-keywords"),
    "eef-ks2": created("eef-ks2", book(
        "Improving Literacy in Key Stage 2", [EEF], 2021, edition="2nd", publisher=EEF,
        type="report", topics=["literacy-and-oracy"])),
    "putting-evidence-to-work": created("putting-evidence-to-work", book(
        "Putting Evidence to Work", ["Jonathan Sharples", "Bianca Albers", "Stephen Fraser"], 2019,
        subtitle="A School's Guide to Implementation", publisher=EEF, type="report",
        topics=["implementation-and-research-use"])),
    "creating-a-culture": created("creating-a-culture", book(
        "Creating a Culture", ["Tom Bennett"], 2017,
        subtitle="How school leaders can optimise behaviour", publisher="Department for Education",
        type="report")),
    "cognitive-science-approaches": created("cognitive-science-approaches", book(
        "Cognitive Science Approaches in the Classroom",
        ["Thomas Perry", "Rosanna Lea", "Clara Rübner Jørgensen", "Philippa Cordingley",
         "Kimron Shapiro", "Deborah Youdell"], 2021,
        subtitle="A Review of the Evidence", publisher=EEF, type="report")),
    "van-poortvliet-sel": created("van-poortvliet-sel", book(
        "Improving Social and Emotional Learning in Primary Schools",
        ["Matthew van Poortvliet", "Aleisha Clarke", "Jean Gross"], 2019, publisher=EEF,
        type="report")),
    "hirsch2016": created("hirsch2016", book(
        "Why Knowledge Matters", ["E. D. Hirsch, Jr."], 2016,
        subtitle="Rescuing Our Children from Failed Educational Theories",
        publisher="Harvard Education Press")),
    "embedding-formative-assessment": created("embedding-formative-assessment", book(
        "Embedding Formative Assessment", ["Dylan Wiliam", "Siobhán Leahy"], 2015,
        subtitle="Practical Techniques for K-12 Classrooms",
        publisher="Learning Sciences International")),
    "bringing-words-to-life": created("bringing-words-to-life", book(
        "Bringing Words to Life", ["Isabel L. Beck", "Margaret G. McKeown", "Linda Kucan"], 2013,
        subtitle="Robust Vocabulary Instruction", edition="2nd", publisher="Guilford Press")),
    "teach-like-a-champion": created("teach-like-a-champion", book(
        "Teach Like a Champion 3.0", ["Doug Lemov"], 2021,
        subtitle="63 Techniques that Put Students on the Path to College", edition="3rd",
        publisher="Jossey-Bass")),
    "retrieval-practice": not_created("import-skipped"),
    "test-no-year": not_created("import-skipped"),
    "test-no-author": not_created("import-skipped"),
    "test-chapter-crossref": not_created("import-chapter", "import-duplicate"),
    "test-collection": created("test-collection", book(
        "A Test Collection of Chapters", ["Ann Example", "Ben Sample"], 2020,
        publisher="Example Press", isbn="9780000000019")),
    "test-chapter-standalone": created("a-test-handbook-of-examples", book(
        "A Test Handbook of Examples", ["Edith Editor"], 2019, publisher="Example Press"),
        "import-chapter"),
    "test-chapter-missing-crossref": not_created("import-skipped", "bib-crossref"),
    "test-paper": not_created("import-skipped"),
    "roediger2006": not_created("import-skipped"),
    "test-misc": not_created("import-skipped"),
    "test-website": not_created("import-skipped"),
    "test-thesis": not_created("import-skipped"),
    "test-unpublished": not_created("import-skipped"),
    "test-software": not_created("import-skipped"),
    "broken-entry": not_created("bib-syntax"),
    "test-duplicate-field": not_created("bib-duplicate-field"),
    "test-accents": created("test-accents", book(
        "A Test Book of Straße and Café Names", ["Jörg Müller", "María García"], 2022,
        publisher="Example Press")),
    "test-special-characters": created("test-special-characters", book(
        "A Test Book of Costs & Benefits: 50% Off", ["Tina Tester"], 2022,
        publisher="Example & Sons", summary="It costs $5 and covers item #3 of the TEST list.",
        url="https://example.org/test_book?id=1#top")),
    "test-ftp-url": created("test-ftp-url", book(
        "A Test Book Kept on an FTP Server", ["Tina Tester"], 2022, publisher="Example Press"),
        "import-url"),
    "test-parentheses": created("test-parentheses", book(
        "A Test Book in Parentheses", ["Tina Tester"], 2023, publisher="Example Press")),
    "test-undefined-macro": created("test-undefined-macro", book(
        "A Test Book With an Undefined Publisher", ["Tina Tester"], 2023), "bib-undefined-macro"),
    "make-it-stick": created("a-test-book-whose-key-is-taken", book(
        "A Test Book Whose Key Is Taken", ["Tina Tester"], 2020, publisher="Example Press")),
    "test-topic-names": created("test-topic-names", book(
        "A Test Book of Topic Names", ["Tina Tester"], 2021, publisher="Example Press",
        topics=["cognitive-science", "leadership", "wellbeing"]), "import-keywords"),
    "test-name-forms": created("test-name-forms", book(
        "A Test Book of Name Forms", ["Tina Q. Tester, Jr.", "Ludwig van Tester", "Tina Tester"],
        2021, publisher="Example Press")),
    "test-biblatex-collection": created("test-biblatex-collection", book(
        "A Test Collection in Biblatex", ["Ann Example"], 2021, publisher="Example Press")),
    "test-first-edition": created("test-first-edition", book(
        "A Test Book in Its First Edition", ["Tina Tester"], 2019, publisher="Example Press")),
    # Placeholders are dropped, so books that share one are not taken for the same book.
    "test-placeholder-isbn": created("test-placeholder-isbn", book(
        "A Test Book With a Placeholder ISBN", ["Tina Tester"], 2022, publisher="Example Press"),
        "isbn-placeholder"),
    "test-zero-isbn-10": created("test-zero-isbn-10", book(
        "A Test Book With an All-Zero ISBN-10", ["Sam Sample"], 2022, publisher="Example Press"),
        "isbn-placeholder"),
    "test-zero-isbn-13": created("test-zero-isbn-13", book(
        "A Test Book With an All-Zero ISBN-13", ["Sam Sample"], 2022, publisher="Example Press"),
        "isbn-placeholder"),
    "Myatt2018": created("the-curriculum", book(
        "The Curriculum", ["Mary Myatt"], 2018, subtitle="Gallimaufry to coherence",
        publisher="John Catt", topics=["curriculum"])),
}

# Problems outside any entry: (the line's first characters, code).
BETWEEN_ENTRIES = [
    ("% A messy export", "bib-comment"),
    ("@comment{jabref-meta", "bib-comment"),
    ("@preamble", "bib-preamble"),
    ("% synthetic ISBN for tests, with", "bib-comment"),
    ("% a placeholder ISBN", "bib-comment"),
    ("% synthetic ISBN for tests", "bib-comment"),
    ("% Exported by a library system", "bib-comment"),
    ("Trailing text", "bib-comment"),
]


def entry_spans(text: str) -> dict[str, range]:
    """Each entry's key (a repeated key gets #2) and its lines, up to the next blank line."""
    lines = text.splitlines()
    spans: dict[str, range] = {}
    for index, line in enumerate(lines):
        match = ENTRY.match(line)
        if match is None:
            continue
        key = match.group(1)
        key = f"{key}#2" if key in spans else key
        end = next((i for i in range(index, len(lines)) if not lines[i].strip()), len(lines))
        spans[key] = range(index + 1, end + 1)
    return spans


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ImportReport]:
    from ..conftest import build_repo

    root = build_repo(tmp_path_factory.mktemp("messy") / "repo")
    return root, import_bibtex(root, MESSY, dry_run=False)


def test_the_file_covers_at_least_forty_entries() -> None:
    assert len(entry_spans(MESSY.read_text("utf-8"))) >= 40


def test_every_entry_is_in_the_table_and_the_table_holds_nothing_else() -> None:
    assert sorted(entry_spans(MESSY.read_text("utf-8"))) == sorted(EXPECTED)


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_entry_outcome(key: str, imported: tuple[Path, ImportReport]) -> None:
    root, report = imported
    span = entry_spans(MESSY.read_text("utf-8"))[key]
    expected = EXPECTED[key]
    problems = [p for p in report.problems if p.line in span]
    assert {p.code for p in problems} == expected.codes
    assert all(p.path == str(MESSY) for p in problems), "outside the root: the path as given"
    made = [c for c in report.created if c.line == span.start]
    if not expected.id:
        assert made == []
        [outcome] = [p for p in problems if p.code in OUTCOMES]
        assert outcome.line == span.start, "an entry's outcome names its first line"
        return
    [record] = made
    assert (record.id, record.path) == (expected.id, f"library/titles/{expected.id}.yaml")
    text = (root / record.path).read_text("utf-8")
    assert yaml.safe_load(text) == expected.record
    assert text.splitlines()[1].startswith(f"# Imported from messy.bib, entry {key} (line {span.start}):")


def test_problems_between_entries(imported: tuple[Path, ImportReport]) -> None:
    _, report = imported
    lines = MESSY.read_text("utf-8").splitlines()
    inside = {line for span in entry_spans(MESSY.read_text("utf-8")).values() for line in span}
    outside = [(lines[p.line - 1], p.code) for p in report.problems if p.line not in inside]
    assert len(outside) == len(BETWEEN_ENTRIES)
    for (text, code), (prefix, expected_code) in zip(outside, BETWEEN_ENTRIES, strict=True):
        assert text.startswith(prefix) and code == expected_code


def test_nothing_else_was_written(imported: tuple[Path, ImportReport]) -> None:
    root, report = imported
    titles = sorted(path.name for path in (root / "library" / "titles").iterdir())
    assert titles == sorted([*(f"{c.id}.yaml" for c in report.created), "make-it-stick.yaml"])


def test_every_problem_is_at_its_registered_level(imported: tuple[Path, ImportReport]) -> None:
    """The contributing page's import table gives each code's level from the registry."""
    from goldenthread.codes import BY_CODE

    _, report = imported
    assert {(p.code, p.level) for p in report.problems} == {
        (p.code, BY_CODE[p.code].level_in("library import")) for p in report.problems}
