"""Example-based regression tests (minimal reproducers) for the bugs found while writing and
running the property tests; the quadratic-time bugs are covered by test_huge_inputs.py."""

from __future__ import annotations

import pytest

from goldenthread.check.ids import id_problem
from goldenthread.check.markdown_safety import unsafe_content
from goldenthread.load.yamldoc import load_yaml

from ..conftest import VALID_TITLE
from .harness import FIXTURE_TITLE, TITLE, fresh_repo, put, run_validate


def _problems(text: str) -> list[tuple[int, int, str]]:
    _, problems = load_yaml(text, "p.yaml")
    return [(p.line, p.col, p.code) for p in problems]


# --- load/yamldoc.py ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ('\r"', [(1, 3, "yaml-syntax")]),                    # was line 2 of a one-line file
    ("a: 1\rb: *q", [(1, 9, "yaml-syntax")]),            # a lone CR is not a new line
    ("a: é😀 [x]\r\nb: *q\n", [(2, 4, "yaml-syntax")]),
    ("a: 'x\u2028y'\nb: *q\n", [(2, 4, "yaml-syntax")]),  # was line 3: LS counted as a break
    ("a: 'x\x85y'\nb: *q\n", [(2, 4, "yaml-syntax")]),
])
def test_yaml_positions_count_lines_at_newlines_only(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert _problems(text) == expected


def test_yaml_value_positions_after_unusual_line_breaks() -> None:
    document, problems = load_yaml("title: 'A\u2028B'\r\nyear: 2014\n", "p.yaml")
    assert not problems and document is not None
    assert document.where(("year",)) == (2, 7)


def test_block_scalar_position_ignores_other_line_separators() -> None:
    document, _ = load_yaml("a: 'x\u2028y'\ns: >-\n\n   text\n", "p.yaml")
    assert document is not None and document.where(("s",)) == (4, 4)


def test_control_character_is_located() -> None:
    # was 1:1 whatever the character's place
    assert _problems("title: a\nb: é\x07\n") == [(2, 5, "yaml-syntax")]


@pytest.mark.parametrize("text", ["!!int", "a: !!int\n", "a: !!float\n", "a: !!bool maybe\n",
                                  "a: !!int 0x\n", "a: !!float .\n"])
def test_tagged_scalar_that_cannot_be_built_is_a_problem_not_a_crash(text: str) -> None:
    # `!!int` with no value raised IndexError, `!!bool maybe` KeyError, out of validate
    (problem,) = _problems(text)
    assert problem[2] == "yaml-tag" and problem[0] == 1


@pytest.mark.parametrize("key", ["!!python/name:os.system title", "!!binary dGl0bGU= ", "!foo title",
                                 "!!int 1"])
def test_tag_on_a_field_name_is_refused(key: str) -> None:
    # the tag on a key was ignored: `!!python/name:os.system title: X` passed validation
    assert [code for _, _, code in _problems(f"{key}: X\n")] == ["yaml-tag"]


def test_plain_and_string_tagged_keys_still_read() -> None:
    document, problems = load_yaml("title: A\n! b: B\n!!str c: C\n", "p.yaml")
    assert not problems and document is not None and document.data == {"title": "A", "b": "B", "c": "C"}


def test_tagged_key_in_a_record_fails_validation() -> None:
    with fresh_repo() as root:
        put(root, FIXTURE_TITLE, VALID_TITLE.replace("title: Make", "!!python/name:os.system title: Make"))
        outcome = run_validate(root)
    assert outcome.code == 1 and "yaml-tag" in outcome.codes(FIXTURE_TITLE)


# --- check/schema.py ---------------------------------------------------------------------

@pytest.mark.parametrize(("field", "value"), [
    ("url", "|\n  https://example.org\n"),          # a literal block keeps its final newline
    ("url", '"https://example.org\\n"'),
    ("cover", '"covers/a.png\\n"'),
    ("topics", "[\"cognitive-science\\n\"]"),
])
def test_a_final_newline_does_not_satisfy_a_pattern(field: str, value: str) -> None:
    # Python's `$` matches before a final newline; JSON Schema's (ECMA-262) does not
    with fresh_repo() as root:
        put(root, FIXTURE_TITLE, VALID_TITLE + f"{field}: {value}\n" if field != "topics" else
            VALID_TITLE.replace("topics: [cognitive-science]", f"topics: {value}"))
        outcome = run_validate(root)
    assert outcome.code == 1 and "bad-format" in outcome.codes(FIXTURE_TITLE)


# --- check/ids.py ------------------------------------------------------------------------

@pytest.mark.parametrize("stem", ["0\n", "x\n"])
def test_an_id_with_a_final_newline_is_not_an_id(stem: str) -> None:
    problem = id_problem(f"library/titles/{stem}.yaml", stem, ".yaml")
    assert problem is not None and problem.code == "bad-id"


# --- check/titles.py, check/entries.py: unsafe Markdown in YAML fields --------------------

@pytest.mark.parametrize(("summary", "line", "col"), [
    ("summary: Pupils Pupils\n  Pupils<script\n", 19, 10),    # folded plain: at the field
    ('summary: "a\\n\\n\\n\\n<script>"\n', 19, 10),              # escapes: at the field
    ("summary: |\n  a\n  b <script>\n", 21, 5),               # literal: exactly
    ("summary: 'a <script>'\n", 19, 13),                       # quoted: exactly
])
def test_unsafe_markdown_in_a_field_is_placed_inside_the_file(summary: str, line: int, col: int) -> None:
    # was (line of the field + lines of the *value*), beyond the file for escaped newlines;
    # the record without its summary and ISBN has 18 lines, so the summary starts on 19
    text = VALID_TITLE.replace(
        "summary: >-\n  How retrieval, spacing and interleaving make learning last.\n", "") + summary
    with fresh_repo() as root:
        put(root, TITLE, text.replace('isbn: "9780674729018"\n', ""))
        outcome = run_validate(root)
    found = [(p["line"], p["col"]) for p in outcome.on(TITLE) if p["code"] == "unsafe-html"]
    assert found == [(line, col)]


# --- check/markdown_safety.py: active content the scan missed ------------------------------

@pytest.mark.parametrize(("text", "code"), [
    ('# Heading {: onclick="alert(1)" }', "unsafe-attribute"),           # attr_list
    ('[x](https://example.org){: href="javascript:alert(1)" }', "unsafe-link"),
    ('[x](https://a "t"){: onclick=y }', "unsafe-attribute"),
    ("a `b\n\n<script>alert(1)</script>\n\nc` d", "unsafe-html"),          # span across paragraphs
    ("a `b\nc` <script>alert(1)</script> `d`", "unsafe-html"),            # span across lines
    ("\\`<script>alert(1)</script>\\`", "unsafe-html"),                   # escaped backticks
    ("\\\\\\\\`a` <script>x</script> `b`", "unsafe-html"),
    ("```\n<script>alert(1)</script>\n", "unsafe-html"),                  # unclosed fence
    ("```<script>alert(1)</script>", "unsafe-html"),
    ("  ```\n<script>a</script>\n  ```", "unsafe-html"),                  # indented: no fence
    ("```js x\n<script>a</script>\n```", "unsafe-html"),                  # unknown option: no fence
    ("```\n<script>a</script>\n````", "unsafe-html"),                     # closed by another fence
    ('<div title=">" onclick="alert(1)">hi</div>', "unsafe-attribute"),  # '>' in a quoted value
    ('p <a title=">" href="javascript:x">x</a>', "unsafe-link"),
    ("<div>\n`<script>a</script>`\n</div>", "unsafe-html"),               # raw HTML: no code spans
    ("<div>\n\n`<script>a</script>`\n\n</div>", "unsafe-html"),
    ("<div>x</div> `<script>a</script>`", "unsafe-html"),
    ("> [r]: javascript:alert(1)\n>\n> [x][r]", "unsafe-link"),           # reference in a quote
    ("[x][r]\n\n- [r]: javascript:alert(1)", "unsafe-link"),              # reference in a list
    ("[x](<java script:alert(1)>)", "unsafe-link"),                       # <destination>
])
def test_active_content_the_scan_missed(text: str, code: str) -> None:
    assert code in {c for _, _, c, _ in unsafe_content(text)}


@pytest.mark.parametrize("text", [
    "Use `<script>` to load code.",
    "```html\n<script>alert(1)</script>\n```",
    "~~~\n<script>a</script>\n~~~",
    "```js\n<img src=x onerror=alert(1)>\n```",
    "Two spans: `<iframe>` and `<embed>`, on one line.",
    "- a list item with `<object>`\n- and `onclick=` shown as code",
])
def test_code_that_is_certainly_code_is_still_not_reported(text: str) -> None:
    assert unsafe_content(text) == []
