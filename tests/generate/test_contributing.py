"""The contributing page: the hand-written guide with its tables of codes from the registry."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
import pytest
import yaml

from goldenthread.codes import BY_CODE, CODES, COMMANDS, reported_by
from goldenthread.generate.contributing import MARKER, PAGE, code_table, contributing_page
from goldenthread.generate.pages import OWNED

from ..conftest import REPO

GUIDE = REPO / "scripts" / "goldenthread" / "base" / "_text" / "contributing.md"


class _Cells(HTMLParser):
    """Each rendered table's rows, as the text of their cells: what a reader sees."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def rendered_tables(page: str) -> list[list[list[str]]]:
    cells = _Cells()
    cells.feed(markdown.markdown(page, extensions=["tables", "admonition", "pymdownx.details",
                                                   "pymdownx.superfences"]))
    return cells.tables


def code_rows(page: str) -> dict[str, list[str]]:
    """code -> its row's cells, from every rendered table whose first column is Code."""
    return {row[0]: row for table in rendered_tables(page) if table and table[0][0] == "Code"
            for row in table[1:]}


@pytest.fixture(scope="module")
def page() -> str:
    return contributing_page(GUIDE.read_text("utf-8"))


def test_the_page_lists_every_registered_code_with_its_meaning_and_fix(page: str) -> None:
    rows = code_rows(page)
    assert sorted(rows) == sorted(BY_CODE)
    for code, row in rows.items():
        # Rendered, so backticks are gone: compare the words.
        assert row[-2:] == [BY_CODE[code].meaning.replace("`", ""), BY_CODE[code].fix.replace("`", "")]


def test_the_guide_places_every_commands_table_so_none_falls_to_the_end(page: str) -> None:
    assert sorted(MARKER.findall(GUIDE.read_text("utf-8"))) == sorted(COMMANDS)
    assert "<!-- problem codes" not in page and "Other problem codes" not in page


def test_every_table_row_has_its_columns(page: str) -> None:
    """A '|' in a meaning or fix would split its cell."""
    for table in rendered_tables(page):
        assert {len(row) for row in table} == {len(table[0])}


def test_a_table_shows_levels_only_when_they_differ() -> None:
    audit, imported, validate = code_table("audit"), code_table("library import"), code_table("validate")
    assert "| Level |" not in audit and audit.startswith("Each of these is an error.")
    assert "| `import-existing` | Notice |" in imported and "| `import-skipped` | Warning |" in imported
    assert "| `bib-title-case` | Notice |" in validate and "| `yaml-syntax` | Error |" in validate


def test_codes_another_command_reports_as_validate_does_are_named_not_repeated() -> None:
    table = code_table("audit")
    assert "| `broken-link` |" in table and "| `image-alt` |" not in table
    assert table.rstrip().endswith("main checks: `unsafe-attribute`, `unsafe-link` and `image-alt`.")
    imported = code_table("library import")
    assert "| `bib-syntax` | Warning |" in imported  # a warning there, an error in validate
    assert "| `yaml-syntax` |" not in imported and "`yaml-syntax`" in imported


def test_each_marker_becomes_its_table_where_it_stands() -> None:
    guide = ("# Guide\n\n## Site\n\n<!-- problem codes: audit -->\n\n## Files\n\n"
             "<!-- problem codes: validate -->\n\n## Import\n\n<!-- problem codes: library import -->\n")
    made = contributing_page(guide)
    assert made.index("## Site") < made.index("`broken-link`") < made.index("## Files") \
        < made.index("`yaml-syntax`") < made.index("## Import") < made.index("`import-skipped`")
    assert "<!-- problem codes" not in made
    assert made.index("`import-skipped`") < made.index("## Other problem codes")


def test_a_table_the_guide_does_not_place_is_added_at_the_end() -> None:
    made = contributing_page("# Guide\n\nText.\n\n<!-- problem codes: validate -->\n")
    tail = made.split("## Other problem codes", 1)[1]
    assert [f"### `goldenthread {command}`" in tail for command in COMMANDS] == [
        command != "validate" for command in COMMANDS]
    assert set(code_rows(made)) == set(BY_CODE)
    assert sorted(code_rows(contributing_page(""))) == sorted(BY_CODE)


def test_rows_follow_the_registry() -> None:
    codes = re.findall(r"^\| `([a-z0-9-]+)` \|", code_table("validate"), re.MULTILINE)
    assert codes == [code.code for code in reported_by("validate")]
    assert len(CODES) == len(BY_CODE)


def test_the_page_is_generated_into_a_folder_that_generation_owns() -> None:
    assert PAGE == "contributing/index.md" and PAGE.split("/")[0] in OWNED
    assert not (REPO / "docs" / "contributing.md").exists(), "the hand-written page moved to docs/_text/"
    ignored = (REPO / ".gitignore").read_text("utf-8").splitlines()
    assert "docs/contributing/" in ignored
    nav = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))["nav"]
    [contribute] = [item["Contribute"] for item in nav if "Contribute" in item]
    assert contribute[0] == "contributing/index.md"  # the section's own page, then the forms'
    assert contribute[1:] == [{"Write your entry": "contributing/write/index.md"},
                              {"Propose a title": "contributing/propose-a-title/index.md"}]
