"""Ids cannot take an address the site makes, clash on a case-insensitive disk, or outgrow a
file name: refused at validate (table-driven) and avoided at `library import`."""

from __future__ import annotations

from functools import cache
from pathlib import Path, PurePosixPath

import pytest

from goldenthread.assemble import assemble
from goldenthread.bibimport import import_bibtex
from goldenthread.check.ids import GENERATED, LONGEST_NAME, id_problem, usable_id
from goldenthread.publish.generation import plan_generated
from goldenthread.validation import validate

from ..conftest import REPO, VALID_ENTRY, VALID_TITLE, build_repo


@cache
def generated_names() -> tuple[set[str], set[str]]:
    """The names the generators write beside the records' pages (library/<id>.md,
    research/<year>/<id>.md) as a page (<name>.md) or a folder (<name>/...), and at the top
    of docs/: taken from a real generation plan of this repository. (A file with a suffix,
    feed.xml, cannot clash: an id has no dot.)"""
    validation = validate(REPO)
    kb = assemble(validation.sources)
    plan = plan_generated(REPO, validation, kb)
    written = [*plan.pages, *plan.output_names(), *plan.site_files(), *plan.images]
    records = {title.id for title in kb.titles} | {entry.id for entry in kb.entries}
    beside, top = set(), set()
    def name(rest: tuple[str, ...]) -> str | None:
        return rest[0] if len(rest) > 1 else rest[0].removesuffix(".md") if rest[0].endswith(".md") else None

    for path in written:
        parts = PurePosixPath(path).parts
        top.add(name(parts))
        if parts[0] == "library" and len(parts) > 1:
            beside.add(name(parts[1:]))
        elif parts[0] == "research" and len(parts) > 2 and parts[1].isdigit():
            beside.add(name(parts[2:]))
    return beside - records - {None}, top - {str(year) for year in kb.years} - {None}


def test_every_name_generated_beside_records_is_refused_as_an_id() -> None:
    beside, top = generated_names()
    assert beside, "the plan should write index pages and feeds beside the records"
    assert {"index", "pathways", "page"} <= beside   # the scan sees them
    assert beside - set(GENERATED) == set()
    assert top - set(GENERATED) == set()


@pytest.mark.parametrize("ident", sorted(GENERATED))
@pytest.mark.parametrize(("folder", "extension"), [("library/titles", ".yaml"), ("research/2025", ".md")])
def test_a_generated_name_is_refused_with_its_reason(tmp_path: Path, ident: str, folder: str,
                                                     extension: str) -> None:
    root = build_repo(tmp_path / "repo")
    text = VALID_TITLE if extension == ".yaml" else VALID_ENTRY
    other_isbn = text.replace("9780674729018", "9780306406157")
    (root / folder / f"{ident}{extension}").write_text(other_isbn, "utf-8")
    found = [p for p in validate(root).problems if p.path == f"{folder}/{ident}{extension}"]
    assert [(p.line, p.code) for p in found if p.code == "reserved-id"] == [(1, "reserved-id")]
    assert GENERATED[ident] in found[0].message


@pytest.mark.parametrize("length", [LONGEST_NAME - len(".md") + 1, LONGEST_NAME, 150, 200, 245])
@pytest.mark.parametrize(("folder", "extension"), [("library/titles", ".yaml"), ("research/2025", ".md")])
def test_a_name_past_the_safe_length_is_refused(tmp_path: Path, length: int, folder: str,
                                                extension: str) -> None:
    root = build_repo(tmp_path / "repo")
    ident = ("a" * (length - 10) + "-" * (length > 10) + "b" * 9)[:length]
    text = VALID_TITLE if extension == ".yaml" else VALID_ENTRY
    name = f"{ident}{extension}"
    assert len(name) > LONGEST_NAME
    (root / folder / name).write_text(text.replace("9780674729018", "9780306406157"), "utf-8")
    found = [(p.line, p.code) for p in validate(root).problems if p.path == f"{folder}/{name}"]
    assert (1, "name-too-long") in found


def test_the_longest_name_allowed_passes() -> None:
    ident = "a" * (LONGEST_NAME - len(".yaml"))
    assert id_problem("library/titles/x.yaml", ident, ".yaml") is None
    assert id_problem("library/titles/x.yaml", ident + "a", ".yaml") is not None


CLASHES = [
    ("library/titles/Make-It-Stick.yaml", "library/titles/make-it-stick.yaml"),
    ("research/2025/Valid-Entry.md", "research/2025/valid-entry.md"),
    ("research/2025/VALID-ENTRY.md", "research/2025/valid-entry.md"),
    ("research/2025/images/Chart.png", "research/2025/images/chart.png"),
    ("library/covers/A.svg", "library/covers/a.svg"),
]


@pytest.mark.parametrize(("first", "second"), CLASHES)
def test_two_names_equal_but_for_case_are_refused(tmp_path: Path, first: str, second: str) -> None:
    root = build_repo(tmp_path / "repo")
    for path in (first, second):
        source = REPO / "tests/check/test_ids.py"
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        if not (root / path).exists():
            (root / path).write_bytes((root / second).read_bytes() if (root / second).exists()
                                      else source.read_bytes())
    clashes = [p for p in validate(root).problems if p.code == "case-clash"]
    assert len(clashes) == 1 and clashes[0].path in (first, second) and clashes[0].line == 1


IMPORTS = [
    ("index", "Index of Learning"), ("pathways", "Pathways"), ("page", "Page"), ("feed", "Feed"),
    ("k" * 240, "Short title"), ("k" * 240, "t " * 200), ("index", "Index"), ("search", "search"),
]


@pytest.mark.parametrize(("key", "title"), IMPORTS, ids=range(len(IMPORTS)))
def test_import_never_writes_a_generated_name_or_a_long_one(tmp_path: Path, key: str, title: str) -> None:
    root = build_repo(tmp_path / "repo")
    bib = tmp_path / "in.bib"
    bib.write_text(f"@book{{{key},\n  title = {{{title}}},\n  author = {{Doe, Jane}},\n"
                   "  publisher = {P},\n  year = {2020}\n}\n", "utf-8")
    report = import_bibtex(root, bib, dry_run=False)
    assert len(report.created) == 1, report.problems
    name = PurePosixPath(report.created[0].path).name
    assert len(name) <= LONGEST_NAME and name.removesuffix(".yaml") not in GENERATED
    assert (root / report.created[0].path).is_file()


def test_usable_ids_fit_and_avoid_generated_names() -> None:
    assert usable_id("Index") == "index-1"
    assert len(usable_id("word " * 100)) <= LONGEST_NAME - len(".yaml")
    assert not usable_id("word " * 100).endswith("-")
