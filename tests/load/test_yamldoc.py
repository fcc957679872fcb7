from __future__ import annotations

from goldenthread.load.yamldoc import load_yaml


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
