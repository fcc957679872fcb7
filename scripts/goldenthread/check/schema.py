"""The validator's field checks, compiled from the JSON Schemas that editors also use.

Only a small, declared subset of JSON Schema is understood (SUPPORTED); a test proves
every shipped schema keeps to it and that jsonschema agrees with these verdicts.
"""

from __future__ import annotations

import datetime
import difflib
import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from ..load.yamldoc import Document, Path_
from ..messages import say
from ..problems import Problem

SUPPORTED = frozenset({
    "$schema", "title", "description", "type", "required", "properties",
    "additionalProperties", "propertyNames", "items", "enum", "pattern", "minLength",
    "maxLength", "minItems", "uniqueItems", "minimum", "maximum", "format",
})

Emit = Callable[[Path_, str, str, bool], None]
Check = Callable[[Any, Path_, Emit], None]

TYPE_NAMES = {
    "string": "text", "integer": "a whole number", "boolean": "true or false",
    "array": "a list", "object": "a set of fields", "null": "empty", "number": "a number",
}


def _type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    if value is None:
        return "null"
    return "number"


def label(at: Path_) -> str:
    """A field's name as a reader says it: authors, item 2, name."""
    parts = [f"item {part + 1}" if isinstance(part, int) else str(part) for part in at]
    return ", ".join(parts) if parts else "the file"


def _example(schema: dict[str, Any]) -> str:
    description = schema.get("description", "")
    return f" ({description})" if description else ""


def compile_schema(schema: dict[str, Any]) -> Check:
    """Turn a (subset) JSON Schema into a function that emits problems for a value."""
    checks: list[Check] = []
    expected = schema.get("type")
    if expected is not None:
        checks.append(_type_check(expected, schema))
    if "enum" in schema:
        checks.append(_enum_check(schema["enum"]))
    if "pattern" in schema or "minLength" in schema or "maxLength" in schema or "format" in schema:
        checks.append(_string_check(schema))
    if "minimum" in schema or "maximum" in schema:
        checks.append(_range_check(schema.get("minimum"), schema.get("maximum")))
    if "items" in schema or "minItems" in schema or "uniqueItems" in schema:
        checks.append(_array_check(schema))
    if expected == "object":
        checks.append(_object_check(schema))

    exact = _EXACT.get(expected) if isinstance(expected, str) else None
    return _combined(checks, expected is not None, exact)


# The one class a value of each type is when it comes from the loader: a value of that class
# passes the type check without it being called (most values do; a schema check is run on
# every value of every record). bool is its own class, so it never passes as an integer.
_EXACT: dict[str, type] = {"string": str, "array": list, "object": dict, "integer": int,
                           "number": float, "boolean": bool, "null": type(None)}


def _combined(checks: list[Check], typed: bool, exact: type | None) -> Check:
    """The checks run in turn, stopping after a failed type check (checks[0] when `typed`)."""
    if not typed:
        if len(checks) == 1:
            return checks[0]

        def each(value: Any, at: Path_, emit: Emit) -> None:
            for one in checks:
                one(value, at, emit)

        return each
    type_check, rest = checks[0], checks[1:]
    if not rest:
        def typed_only(value: Any, at: Path_, emit: Emit) -> None:
            if value.__class__ is not exact:
                type_check(value, at, emit)

        return typed_only
    if len(rest) == 1:
        only = rest[0]

        def typed_one(value: Any, at: Path_, emit: Emit) -> None:
            if value.__class__ is exact or type_check(value, at, emit):
                only(value, at, emit)

        return typed_one

    def typed_each(value: Any, at: Path_, emit: Emit) -> None:
        if value.__class__ is exact or type_check(value, at, emit):
            for one in rest:
                one(value, at, emit)

    return typed_each


def _type_check(expected: str, schema: dict[str, Any]) -> Check:
    def check(value: Any, at: Path_, emit: Emit) -> bool:
        actual = _type_of(value)
        if actual == expected or (expected == "number" and actual == "integer"):
            return True
        hint = ""
        if expected == "string" and actual in ("integer", "number"):
            hint = say("wrong-type.quotes")
        elif expected == "array":
            hint = say("wrong-type.list")
        emit(at, "wrong-type", say("wrong-type", label=label(at),
                                   expected=TYPE_NAMES.get(expected, expected),
                                   actual=TYPE_NAMES.get(actual, actual), hint=hint,
                                   example=_example(schema)), False)
        return False

    return check  # type: ignore[return-value]


def _enum_check(allowed: list[Any]) -> Check:
    def check(value: Any, at: Path_, emit: Emit) -> None:
        if value not in allowed:
            close = difflib.get_close_matches(str(value), [str(a) for a in allowed], n=1)
            suggestion = say("not-allowed.suggestion", close=close[0]) if close else ""
            emit(at, "not-allowed", say("not-allowed", label=label(at), value=value,
                                        allowed=", ".join(map(str, allowed)),
                                        suggestion=suggestion), False)

    return check


def _is_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _ecma_end(pattern: str) -> str:
    """JSON Schema's patterns are ECMA-262, where a final `$` is the end of the text;
    Python's `$` also matches before a final newline (so "https://x\\n" would pass)."""
    return re.sub(r"(?<!\\)\$$", r"\\Z", pattern)


def _string_check(schema: dict[str, Any]) -> Check:
    pattern = re.compile(_ecma_end(schema["pattern"])) if "pattern" in schema else None
    low, high = schema.get("minLength", 0), schema.get("maxLength")
    is_id = schema.get("pattern") == "^[a-z0-9]+(-[a-z0-9]+)*$"
    is_date = schema.get("format") == "date"

    def check(value: Any, at: Path_, emit: Emit) -> None:
        if not isinstance(value, str):
            return
        if len(value) < low:
            emit(at, "empty-value", say("empty-value", label=label(at), example=_example(schema)),
                 False)
        elif high is not None and len(value) > high:
            emit(at, "too-long", say("too-long", label=label(at), length=len(value), most=high),
                 False)
        elif pattern is not None and not pattern.search(value):
            if is_id:
                suggestion = re.sub("[^a-z0-9]+", "-", value.lower()).strip("-") or "my-id"
                message = say("bad-format.id", value=value, suggestion=suggestion)
            else:
                message = say("bad-format", label=label(at), value=value, example=_example(schema))
            emit(at, "bad-format", message, False)
        elif is_date and not _is_date(value):
            emit(at, "bad-date", say("bad-date", label=label(at), value=value), False)

    return check


def _range_check(low: int | None, high: int | None) -> Check:
    def check(value: Any, at: Path_, emit: Emit) -> None:
        if not isinstance(value, int) or isinstance(value, bool):
            return
        if (low is not None and value < low) or (high is not None and value > high):
            emit(at, "out-of-range", say("out-of-range", label=label(at), value=value, low=low,
                                         high=high), False)

    return check


_TEXT_KEYS = frozenset({"type", "description", "title", "enum", "pattern", "minLength", "maxLength",
                        "format"})


def _passes(schema: dict[str, Any]) -> Callable[[Any], bool] | None:
    """For a schema of text (most fields and list items), a test that a value meets it
    all: such a value is not handed to its check (a call, and its path made, for nothing).
    A value the test does not pass is checked in full. None for any other schema."""
    if schema.get("type") != "string" or not schema.keys() <= _TEXT_KEYS:
        return None
    pattern = re.compile(_ecma_end(schema["pattern"])) if "pattern" in schema else None
    low, high = schema.get("minLength", 0), schema.get("maxLength")
    allowed = schema.get("enum")
    is_date = schema.get("format") == "date"

    def passes(value: Any) -> bool:
        return (value.__class__ is str and len(value) >= low and (high is None or len(value) <= high)
                and (allowed is None or value in allowed)
                and (pattern is None or pattern.search(value) is not None)
                and (not is_date or _is_date(value)))

    return passes


def _array_check(schema: dict[str, Any]) -> Check:
    item_check = compile_schema(schema["items"]) if "items" in schema else None
    item_passes = _passes(schema["items"]) if "items" in schema else None
    low = schema.get("minItems", 0)
    unique = schema.get("uniqueItems", False)

    def check(value: Any, at: Path_, emit: Emit) -> None:
        if not isinstance(value, list):
            return
        if len(value) < low:
            emit(at, "empty-list", say("empty-list", label=label(at), low=low,
                                       plural="s" if low > 1 else "", example=_example(schema)),
                 False)
        seen: set[Any] = set()
        for index, item in enumerate(value):
            if item_check is not None and not (item_passes is not None and item_passes(item)):
                item_check(item, (*at, index), emit)
            if unique and isinstance(item, (str, int)):
                if item in seen:
                    emit((*at, index), "duplicate-item",
                         say("duplicate-item", label=label(at), item=item), False)
                seen.add(item)

    return check


def _object_check(schema: dict[str, Any]) -> Check:
    properties = {name: compile_schema(sub) for name, sub in schema.get("properties", {}).items()}
    passing = {name: test for name, sub in schema.get("properties", {}).items()
               if (test := _passes(sub)) is not None}
    descriptions = {name: sub for name, sub in schema.get("properties", {}).items()}
    required = schema.get("required", [])
    extra = schema.get("additionalProperties", True)
    extra_check = compile_schema(extra) if isinstance(extra, dict) else None
    names_check = compile_schema(schema["propertyNames"]) if "propertyNames" in schema else None

    def check(value: Any, at: Path_, emit: Emit) -> None:
        if not isinstance(value, dict):
            return
        for name in required:
            if name not in value:
                where = f" in {label(at)}" if at else ""
                emit(at, "missing-field", say("missing-field", name=name, where=where,
                                              example=_example(descriptions.get(name, {}))), False)
        for name, item in value.items():
            one = properties.get(name)
            if one is not None:
                test = passing.get(name)
                if test is None or not test(item):
                    one(item, (*at, name), emit)
                continue
            if names_check is not None:
                names_check(name, (*at, name), lambda p, c, m, _k: emit(p, c, m, True))
            if extra_check is not None:
                extra_check(item, (*at, name), emit)
            elif extra is False:
                close = difflib.get_close_matches(name, list(properties), n=1)
                suggestion = f": did you mean {close[0]!r}?" if close else (
                    f": the fields are {', '.join(properties)}")
                emit((*at, name), "unknown-field", say("unknown-field", name=name,
                                                       suggestion=suggestion), True)

    return check


_SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


@cache
def load_schema(kind: str) -> dict[str, Any]:
    """A shipped schema by kind: title, entry, vocabulary, framework."""
    try:  # beside the package's modules, as every install but a zipped one keeps it
        text = (_SCHEMAS / f"{kind}.schema.json").read_text("utf-8")
    except FileNotFoundError:
        # importlib.resources (zip files, tempfile, compression...) is a twentieth of
        # validate's start-up: only where the file is not beside the modules
        from importlib import resources

        text = resources.files("goldenthread.schemas").joinpath(f"{kind}.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def schema_for(kind: str, fields: tuple[str, ...] = ()) -> dict[str, Any]:
    """A record's schema with the framework's dimensions as its fields.

    The shipped title and entry schemas (which editors read) take any further field as a
    list of ids, as they cannot know a trust's framework; the validator knows it, so a
    field that is neither the record's own nor a dimension's is refused by name."""
    schema = load_schema(kind)
    if not isinstance(schema.get("additionalProperties"), dict):
        return schema
    dimension = schema["additionalProperties"]
    properties = dict(schema["properties"])
    for name in fields:
        properties.setdefault(name, dimension)
    narrowed = {key: value for key, value in schema.items() if key != "propertyNames"}
    return {**narrowed, "properties": properties, "additionalProperties": False}


@cache
def compiled(kind: str, fields: tuple[str, ...] = ()) -> Check:
    return compile_schema(schema_for(kind, fields))


def check_document(document: Document, kind: str, path: str | None = None,
                   fields: tuple[str, ...] = ()) -> list[Problem]:
    """Every way `document` breaks the `kind` schema, each at the line it concerns; `fields`
    are the framework's dimensions that titles and entries name."""
    problems: list[Problem] = []
    where_path = path or document.path

    def emit(at: Path_, code: str, message: str, on_key: bool) -> None:
        line, col = document.where_key(at) if on_key else document.where(at)
        problems.append(Problem(where_path, line, col, code, message))

    compiled(kind, fields)(document.data, (), emit)
    return problems
