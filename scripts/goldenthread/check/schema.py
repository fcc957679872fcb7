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
from importlib import resources
from typing import Any

from ..load.yamldoc import Document, Path_
from ..problems import Problem

SUPPORTED = frozenset({
    "$schema", "title", "description", "type", "required", "properties",
    "additionalProperties", "propertyNames", "items", "enum", "pattern", "minLength",
    "maxLength", "minItems", "uniqueItems", "minimum", "maximum", "format",
})

Emit = Callable[[Path_, str, str, bool], None]
Check = Callable[[Any, Path_, Emit], None]

_TYPE_NAMES = {
    "string": "text", "integer": "a whole number", "boolean": "true or false",
    "array": "a list", "object": "a set of fields", "null": "empty",
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

    def check(value: Any, at: Path_, emit: Emit) -> None:
        for one in checks:
            if one(value, at, emit) is False:
                return

    return check


def _type_check(expected: str, schema: dict[str, Any]) -> Check:
    def check(value: Any, at: Path_, emit: Emit) -> bool:
        actual = _type_of(value)
        if actual == expected:
            return True
        hint = ""
        if expected == "string" and actual in ("integer", "number"):
            hint = ": put it in quotes"
        elif expected == "array":
            hint = ": write it as a list, e.g. [a, b] or one '- ' line per item"
        emit(at, "wrong-type",
             f"{label(at)} should be {_TYPE_NAMES.get(expected, expected)}, "
             f"not {_TYPE_NAMES.get(actual, actual)}{hint}{_example(schema)}", False)
        return False

    return check  # type: ignore[return-value]


def _enum_check(allowed: list[Any]) -> Check:
    def check(value: Any, at: Path_, emit: Emit) -> None:
        if value not in allowed:
            close = difflib.get_close_matches(str(value), [str(a) for a in allowed], n=1)
            suggestion = f": did you mean {close[0]!r}?" if close else ""
            emit(at, "not-allowed",
                 f"{label(at)} is {value!r}, which is not one of "
                 f"{', '.join(map(str, allowed))}{suggestion}", False)

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

    def check(value: Any, at: Path_, emit: Emit) -> None:
        if not isinstance(value, str):
            return
        if len(value) < low:
            emit(at, "empty-value", f"{label(at)} is empty: fill it in{_example(schema)}", False)
        elif high is not None and len(value) > high:
            emit(at, "too-long",
                 f"{label(at)} is {len(value):,} characters; the most is {high:,}: shorten it", False)
        elif pattern is not None and not pattern.search(value):
            if is_id:
                message = (f"{value!r} is not an id: use lowercase letters, digits and hyphens, "
                           f"e.g. {re.sub('[^a-z0-9]+', '-', value.lower()).strip('-') or 'my-id'!r}")
            else:
                message = f"{label(at)} {value!r} is not in the expected form{_example(schema)}"
            emit(at, "bad-format", message, False)
        elif schema.get("format") == "date" and not _is_date(value):
            emit(at, "bad-date", f"{label(at)} {value!r} is not a real date: use YYYY-MM-DD", False)

    return check


def _range_check(low: int | None, high: int | None) -> Check:
    def check(value: Any, at: Path_, emit: Emit) -> None:
        if not isinstance(value, int) or isinstance(value, bool):
            return
        if (low is not None and value < low) or (high is not None and value > high):
            emit(at, "out-of-range", f"{label(at)} is {value}; it must be from {low} to {high}",
                 False)

    return check


def _array_check(schema: dict[str, Any]) -> Check:
    item_check = compile_schema(schema["items"]) if "items" in schema else None
    low = schema.get("minItems", 0)
    unique = schema.get("uniqueItems", False)

    def check(value: Any, at: Path_, emit: Emit) -> None:
        if not isinstance(value, list):
            return
        if len(value) < low:
            emit(at, "empty-list", f"{label(at)} needs at least {low} item"
                 f"{'s' if low > 1 else ''}{_example(schema)}", False)
        seen: set[Any] = set()
        for index, item in enumerate(value):
            if item_check is not None:
                item_check(item, (*at, index), emit)
            if unique and isinstance(item, (str, int)):
                if item in seen:
                    emit((*at, index), "duplicate-item",
                         f"{label(at)} names {item!r} twice: remove one", False)
                seen.add(item)

    return check


def _object_check(schema: dict[str, Any]) -> Check:
    properties = {name: compile_schema(sub) for name, sub in schema.get("properties", {}).items()}
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
                emit(at, "missing-field",
                     f"the required field {name!r} is missing{where}: add it"
                     f"{_example(descriptions.get(name, {}))}", False)
        for name, item in value.items():
            one = properties.get(name)
            if one is not None:
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
                emit((*at, name), "unknown-field", f"{name!r} is not a field here{suggestion}", True)

    return check


@cache
def load_schema(kind: str) -> dict[str, Any]:
    """A shipped schema by kind: title, entry, vocabulary, framework."""
    text = resources.files("goldenthread.schemas").joinpath(f"{kind}.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def compiled(kind: str) -> Check:
    return compile_schema(load_schema(kind))


def check_document(document: Document, kind: str, path: str | None = None) -> list[Problem]:
    """Every way `document` breaks the `kind` schema, each at the line it concerns."""
    problems: list[Problem] = []
    where_path = path or document.path

    def emit(at: Path_, code: str, message: str, on_key: bool) -> None:
        line, col = document.where_key(at) if on_key else document.where(at)
        problems.append(Problem(where_path, line, col, code, message))

    compiled(kind)(document.data, (), emit)
    return problems
