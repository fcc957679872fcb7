from __future__ import annotations

from goldenthread.load.frontmatter import split_front_matter


def test_body_and_its_first_line() -> None:
    source, problems = split_front_matter("---\ntitle: A\nyear: 2025\n---\n\n# Body\n", "e.md")
    assert not problems and source is not None
    assert source.front.data == {"title": "A", "year": 2025}
    assert source.front.where(("year",)) == (3, 7)
    assert source.body == "\n# Body\n"
    assert source.body_line == 5


def test_closing_with_dots_and_crlf_free_bom_text() -> None:
    source, problems = split_front_matter("---\ntitle: A\n...\nText\n", "e.md")
    assert not problems and source is not None and source.body == "Text\n"


def test_yaml_error_in_front_matter_has_file_line() -> None:
    _, problems = split_front_matter("---\ntitle: A\nauthors: [\n---\n", "e.md")
    assert [(p.line, p.code) for p in problems] == [(4, "yaml-syntax")]
