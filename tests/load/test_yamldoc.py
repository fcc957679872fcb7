from __future__ import annotations

import pytest
import yaml

from goldenthread.load import yamldoc
from goldenthread.load.yamldoc import MAX_DEPTH, TOO_DEEP, load_yaml


def test_positions_of_values_and_keys() -> None:
    document, problems = load_yaml("title: A\nauthors:\n  - B\n  - C\n", "p.yaml")
    assert not problems and document is not None
    assert document.data == {"title": "A", "authors": ["B", "C"]}
    assert document.where(("authors", 1)) == (4, 5)
    assert document.where_key(("authors",)) == (2, 1)
    assert document.where(("missing", 3)) == (1, 1)


def test_line_offset_for_front_matter() -> None:
    document, _ = load_yaml("a: 1\nb: 2\n", "p.md", line_offset=1)
    assert document is not None and document.where(("b",)) == (3, 4)


def test_dates_stay_text_and_scalars_resolve() -> None:
    document, _ = load_yaml("d: 2024-01-05\nn: 12\nb: true\nz: ~\nf: 1.5\n", "p")
    assert document is not None
    assert document.data == {"d": "2024-01-05", "n": 12, "b": True, "z": None, "f": 1.5}


def test_empty_document_is_none_without_problem() -> None:
    document, problems = load_yaml("# only a comment\n", "p")
    assert document is not None and document.data is None and not problems


def test_aliases_within_bounds_are_expanded() -> None:
    document, problems = load_yaml("a: &x [1, 2]\nb: *x\n", "p")
    assert not problems and document is not None and document.data["b"] == [1, 2]


def test_merge_keys_are_not_special() -> None:
    document, problems = load_yaml("base: &b {x: 1}\nchild:\n  <<: *b\n", "p")
    assert not problems and document is not None
    assert document.data["child"] == {"<<": {"x": 1}}


# --- nesting bounds --------------------------------------------------------------------
# Our own bound (MAX_DEPTH) and libyaml's (PyYAML 6.0.4's wheels: 1,000 levels, reached first
# on `[[[[...` because its scanner reads ahead) must both give yaml-too-deep at the line.

FLOW = "title: " + "[" * 50_000 + "\n"
BLOCK = "".join("  " * depth + f"k{depth}:\n" for depth in range(100))
DASHES = "title: x\nlist:\n  " + "- " * 1_200 + "x\n"
DEEP = [(FLOW, 1), (BLOCK, MAX_DEPTH + 2), (DASHES, 3)]


@pytest.mark.parametrize(("text", "line"), DEEP, ids=["flow", "block", "dashes"])
def test_deep_nesting_is_too_deep_with_the_installed_parser(text: str, line: int) -> None:
    document, problems = load_yaml(text, "p.yaml")
    assert document is None
    assert [(p.line, p.code, p.message) for p in problems] == [(line, "yaml-too-deep", TOO_DEEP)]


@pytest.mark.parametrize(("text", "line"), DEEP, ids=["flow", "block", "dashes"])
def test_deep_nesting_is_too_deep_with_the_pure_python_parser(
        text: str, line: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamldoc, "_Parser", yaml.SafeLoader)
    _, problems = load_yaml(text, "p.yaml")
    assert [(p.line, p.code) for p in problems] == [(line, "yaml-too-deep")]


class _StoppedByLibyaml:
    """A parser that fails as libyaml 0.2.6 does past its nesting bound, whatever is installed."""

    def __init__(self, context: str, line: int, column: int) -> None:
        self.context, self.line, self.column = context, line, column  # 0-based, as libyaml's

    def __call__(self, text: str) -> _StoppedByLibyaml:
        index = sum(len(row) + 1 for row in text.split("\n")[:self.line]) + self.column
        self.mark = yaml.error.Mark("<unicode string>", index, self.line, self.column, None, None)
        return self

    def get_event(self) -> None:
        raise yaml.scanner.ScannerError(self.context, self.mark, "exceeded maximum nesting depth",
                                        self.mark)

    peek_event = get_event

    def dispose(self) -> None:
        pass


@pytest.mark.parametrize("context", ["while increasing flow level", "while increasing block level"])
@pytest.mark.parametrize("line_offset", [0, 1])
def test_libyamls_nesting_bound_is_too_deep_at_its_line(
        context: str, line_offset: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamldoc, "_Parser", _StoppedByLibyaml(context, 2, 6))
    _, problems = load_yaml("a: 1\nb:\n  c: [[[[[[\n", "p.yaml", line_offset)
    assert [(p.line, p.col, p.code, p.message) for p in problems] == [
        (3 + line_offset, 7, "yaml-too-deep", TOO_DEEP)]
