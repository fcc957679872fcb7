"""The validator's field checks and the shipped JSON Schemas must agree.

The validator compiles the schemas itself; these tests prove (1) every shipped schema
keeps to the keywords the compiler understands and (2) on many documents, valid and
not, jsonschema's verdict equals ours.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest
import yaml

from goldenthread.check.schema import SUPPORTED, check_document, load_schema, schema_for
from goldenthread.load.yamldoc import load_yaml

from .conftest import VALID_TITLE

KINDS = ["title", "entry", "vocabulary", "framework", "glossary"]


def _keywords(schema: Any) -> Iterator[str]:
    if isinstance(schema, dict):
        for key, value in schema.items():
            yield key
            if key == "properties":
                for sub in value.values():
                    yield from _keywords(sub)
            elif key in ("items", "additionalProperties", "propertyNames"):
                yield from _keywords(value)


@pytest.mark.parametrize("kind", KINDS)
def test_schema_uses_only_supported_keywords(kind: str) -> None:
    schema = load_schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert set(_keywords(schema)) <= SUPPORTED


def _title_variants() -> Iterator[Any]:
    base = yaml.safe_load(VALID_TITLE)
    base["added"] = str(base["added"])
    yield base
    replacements: dict[str, list[Any]] = {
        "title": ["", "x" * 301, 5, None, ["a"]],
        "authors": [[], "One", [""], [1], ["A", "B"]],
        "year": ["2019", 1799, 2101, 2019.5, True],
        "isbn": ["9780674729018", "97806747", 9780674729018, "978-0-674-72901-8"],
        "topics": [[], ["Bad Id"], ["a", "a"], "cognitive-science", ["a-b"]],
        "stages": [["explore"], ["delvier"], ["explore", "explore"]],
        "formats": [["print", "ebook"], ["kindle"]],
        "copies": [{"x-y": 2}, {"x": -1}, {"Bad Id": 1}, {"x": "two"}, []],
        "added": ["2024-02-30", "2024-2-3", "yesterday", "2024-02-29"],
        "url": ["https://example.org", "ftp://x", "javascript:alert(1)"],
        "cover": ["covers/a.png", "a.gif"],
        "type": ["report", "thesis"],
    }
    for field, values in replacements.items():
        for value in values:
            variant = copy.deepcopy(base)
            variant[field] = value
            yield variant
    for field in ("title", "authors", "year", "topics", "summary"):
        variant = copy.deepcopy(base)
        del variant[field]
        yield variant
    yield {**base, "unknown": 1}
    yield [base]
    yield "text"


FIELDS = ("aims", "building_blocks", "stages")  # this Trust's framework's dimensions


def _ours(data: Any, kind: str) -> bool:
    document, problems = load_yaml(yaml.safe_dump(data), "x.yaml")
    assert document is not None and not problems
    return not check_document(document, kind, fields=FIELDS)


def _format_checker() -> jsonschema.FormatChecker:
    return jsonschema.Draft202012Validator.FORMAT_CHECKER


@pytest.mark.parametrize("data", list(_title_variants()), ids=lambda d: repr(d)[:50])
def test_title_verdicts_agree_with_jsonschema(data: Any) -> None:
    validator = jsonschema.Draft202012Validator(schema_for("title", FIELDS),
                                                format_checker=_format_checker())
    assert validator.is_valid(data) == _ours(data, "title")


ENTRY = {
    "title": "T", "authors": [{"name": "A", "role": "R"}], "academy": "ashdown-primary",
    "year": 2025, "research_question": "Q?", "abstract": "A.", "example": True,
}


@pytest.mark.parametrize("data", [
    ENTRY,
    {**ENTRY, "authors": [{"name": "A"}]},
    {**ENTRY, "authors": ["A"]},
    {**ENTRY, "authors": [{"name": "A", "role": "R", "email": "x"}]},
    {**ENTRY, "example": "yes"},
    {**ENTRY, "academy": "Ashdown"},
    {**ENTRY, "library": ["make-it-stick", "make-it-stick"]},
    {k: v for k, v in ENTRY.items() if k != "abstract"},
    *({**ENTRY, "outcomes": [finding]} for finding in (
        {"measure": "M", "design": "two-group", "higher_is_better": True,
         "intervention": {"n": 14, "mean": 92.5, "sd": 18}, "comparison": {"n": 13, "mean": 84, "sd": 17.6}},
        {"measure": "M", "design": "two-group", "intervention": {"n": 14.5, "mean": 92, "sd": 18}},
        {"measure": "M", "design": "two-group", "intervention": {"n": 14, "mean": "92", "sd": 18}},
        {"measure": "M", "design": "two-group", "effect_size": {"g": 0.3, "ci": [-0.1, 0.7]}},
        {"measure": "M", "design": "two-group", "effect_size": {"g": 0, "ci": [-1]}},
        {"measure": "M", "design": "one-group", "scale": {"min": 0, "max": 25.5}},
        {"measure": "M", "design": "one-group", "scale": {"min": 0}},
        {"measure": "M", "design": "both"},
        {"design": "one-group"},
        {"measure": "M", "design": "one-group", "before": {"n": 3, "mean": 1, "sd": 1, "pre": {}}},
    )),
    {**ENTRY, "outcomes": []},
], ids=lambda d: repr(d)[:60])
def test_entry_verdicts_agree_with_jsonschema(data: Any) -> None:
    validator = jsonschema.Draft202012Validator(schema_for("entry", FIELDS),
                                                format_checker=_format_checker())
    assert validator.is_valid(data) == _ours(data, "entry")


def test_every_yaml_source_names_its_schema() -> None:
    from .conftest import REPO

    sources = [*REPO.glob("library/*.yaml"), *REPO.glob("library/titles/*.yaml"),
               REPO / "docs" / "framework.yaml", REPO / "docs" / "trust.yaml"]
    for path in sources:
        first = path.read_text("utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert target.is_file(), (path, target)


def test_the_shipped_schemas_take_any_framework_as_editors_read_them() -> None:
    """Editors read the shipped schemas, which cannot know a trust's framework: a field they
    do not name is a list of ids; the validator, which knows it, refuses any other."""
    for kind in ("title", "entry"):
        shipped = jsonschema.Draft202012Validator(load_schema(kind))
        base = ENTRY if kind == "entry" else {**yaml.safe_load(VALID_TITLE), "added": "2024-01-01"}
        assert shipped.is_valid({**base, "themes": ["a-theme"]})
        assert not shipped.is_valid({**base, "themes": "a-theme"})
        assert not shipped.is_valid({**base, "Themes": ["a-theme"]})
        assert _ours({**base, "stages": ["explore"]}, kind)
        assert not _ours({**base, "themes": ["a-theme"]}, kind)
