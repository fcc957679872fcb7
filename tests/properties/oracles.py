"""Independent judges of validity, built without the validator's code.

- YAML is read with PyYAML's pure-Python SafeLoader (not libyaml, not goldenthread.load);
  dates stay text (as JSON has no dates) and duplicate keys are refused.
- Fields are judged by jsonschema (Draft 2020-12, formats checked) against the shipped
  schema files, with JSON Schema's own regular-expression rule that `$` ends the text
  (Python's `$` also matches before a final newline).
- Cross-references, ISBN check digits and covers are checked here from first principles.
- Active content is found in the HTML that Python-Markdown, configured like the site
  (mkdocs.yml's markdown_extensions), makes of the text, parsed with html.parser.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jsonschema
import markdown
import yaml

from goldenthread.settings import load_settings

from ..conftest import REPO
from .strategies import vocabulary

SCHEMAS = REPO / "scripts" / "goldenthread" / "schemas"
ACTIVE_ELEMENTS = {"script", "iframe", "object", "embed"}
URL_ATTRIBUTES = {"href", "src"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


class Unreadable(Exception):
    """The oracle cannot read the YAML: so it is not a valid record."""


class _Strict:
    """Mixin for PyYAML's safe loaders: dates stay strings; duplicate keys refused."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)  # type: ignore[attr-defined]
            try:
                duplicate = key in seen
            except TypeError:  # an unhashable key: not JSON
                raise Unreadable("unhashable key") from None
            if duplicate:
                raise Unreadable(f"duplicate key {key!r}")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)  # type: ignore[misc, no-any-return]


class OracleLoader(_Strict, yaml.SafeLoader):
    """PyYAML's pure-Python safe loader, strict."""


class OracleCLoader(_Strict, yaml.CSafeLoader):
    """libyaml's safe loader, strict: PyYAML's pure-Python scanner refuses some valid YAML
    that libyaml reads (a tab before a key's colon), so either reader may vouch for a text."""


def _timestamp_as_text(loader: yaml.SafeLoader, node: yaml.Node) -> str:
    return str(loader.construct_scalar(node))  # type: ignore[arg-type]


for _loader in (OracleLoader, OracleCLoader):
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)

_FAILURES = (yaml.YAMLError, ValueError, TypeError, IndexError, KeyError, OverflowError)


def read_yaml(text: str) -> Any:
    try:
        return yaml.load(text, Loader=OracleLoader)
    except (yaml.scanner.ScannerError, yaml.parser.ParserError):
        pass
    except _FAILURES as error:
        raise Unreadable(str(error)) from error
    try:
        return yaml.load(text, Loader=OracleCLoader)
    except _FAILURES as error:
        raise Unreadable(str(error)) from error


def json_problems(value: Any, at: str = "") -> Iterator[str]:
    """What keeps `value` from being JSON: non-text keys, values JSON has no type for."""
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                yield f"{at}: key {key!r} is not text"
            yield from json_problems(item, f"{at}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from json_problems(item, f"{at}/{index}")
    elif not isinstance(value, (str, int, float, bool, type(None))):
        yield f"{at}: {type(value).__name__} is not a JSON value"
    elif (isinstance(value, float) and value != value) or value in (float("inf"), float("-inf")):
        yield f"{at}: {value!r} is not a JSON number"


def ecma_pattern(pattern: str) -> str:
    """The pattern with JSON Schema's (ECMA-262) `$`: end of the text, never before a \\n."""
    out, in_class, escaped = [], False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == "$" and not in_class:
            out.append(r"\Z")
            continue
        out.append(char)
    return "".join(out)


def _pattern(validator: Any, pattern: str, instance: Any,
             schema: Any) -> Iterator[jsonschema.ValidationError]:
    if isinstance(instance, str) and not re.search(ecma_pattern(pattern), instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


StrictValidator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": _pattern})


@cache
def schema_validator(kind: str) -> Any:
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text("utf-8"))
    return StrictValidator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def isbn_ok(isbn: str) -> bool:
    """Check digit right; an ISBN-13 begins 978 or 979; no placeholder of zeros where the
    publisher's and the book's numbers go (0-00-000000-0, 978-0-00-000000-2)."""
    digits = isbn.replace("-", "").replace(" ", "").upper()
    if len(digits) == 10 and digits[:9].isascii() and digits[:9].isdigit() and (
            digits[9] == "X" or digits[9].isdigit()):
        values = [int(c) for c in digits[:9]] + [10 if digits[9] == "X" else int(digits[9])]
        return digits[:9] != "0" * 9 and sum((10 - i) * v for i, v in enumerate(values)) % 11 == 0
    if len(digits) == 13 and digits.isascii() and digits.isdigit():
        return (digits[:3] in ("978", "979") and digits[3:12] != "0" * 9
                and sum((1 if i % 2 == 0 else 3) * int(c) for i, c in enumerate(digits)) % 10 == 0)
    return False


# --- active content ---------------------------------------------------------------------


class _ActiveContent(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # attribute values come back unescaped
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ACTIVE_ELEMENTS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") and value and value.strip():  # a handler with code
                self.found.append(f"<{tag} {name}=>")
            if name in URL_ATTRIBUTES and value is not None:
                seen = _INVISIBLE.sub("", value).lower()
                if seen.startswith(BAD_SCHEMES):
                    self.found.append(f"<{tag} {name}={value!r}>")


@cache
def _markdown() -> markdown.Markdown:
    options = load_settings(REPO).markdown
    return markdown.Markdown(extensions=list(options.extensions),
                             extension_configs=options.extension_configs())


def render(text: str) -> str:
    md = _markdown()
    md.reset()
    html_text: str = md.convert(text)
    return html_text


def active_in_html(html_text: str) -> list[str]:
    parser = _ActiveContent()
    parser.feed(html_text)
    parser.close()
    return parser.found


def active_content(text: str) -> list[str]:
    """The active content a browser would run in the page made from Markdown `text`."""
    return active_in_html(render(text))


# --- whole records --------------------------------------------------------------------------

REFERENCES = {"topics": "topics", "aims": "aims", "building_blocks": "building_blocks", "stages": "stages",
              "career_stages": "career_stages"}


def _unknown_ids(data: dict[str, Any]) -> Iterator[str]:
    ids = vocabulary()
    for field, kind in REFERENCES.items():
        for ident in data.get(field) or []:
            if ident not in ids[kind]:
                yield f"{field}: unknown {ident!r}"
    for academy in data.get("copies") or {}:
        if academy not in ids["academies"]:
            yield f"copies: unknown academy {academy!r}"


def _markdown_field(data: dict[str, Any], field: str) -> Iterator[str]:
    value = data.get(field)
    if isinstance(value, str):
        if field == "summary" and value.startswith("TODO:"):
            yield f"{field}: placeholder"
        for found in active_content(value):
            yield f"{field}: active content {found}"


def title_problems(text: str, root: Path) -> list[str]:
    """Why the catalogue record `text` is invalid; [] if it is valid."""
    try:
        data = read_yaml(text)
    except Unreadable as error:
        return [f"unreadable: {error}"]
    problems = list(json_problems(data))
    if problems:
        return problems
    problems = [error.message for error in schema_validator("title").iter_errors(data)]
    if problems or not isinstance(data, dict):
        return problems or ["not a mapping"]
    problems += _unknown_ids(data)
    if "isbn" in data and not isbn_ok(data["isbn"]):
        problems.append(f"isbn {data['isbn']!r} is not a book's ISBN")
    cover = data.get("cover")
    if cover is not None and (".." in cover.split("/") or not (root / "library" / cover).is_file()):
        problems.append(f"cover {cover!r} is not an image under library/")
    problems += _markdown_field(data, "summary")
    return problems


def entry_problems(front: str, folder: str, titles: set[str]) -> list[str]:
    """Why an entry's front matter `front` is invalid; [] if it is valid."""
    try:
        data = read_yaml(front)
    except Unreadable as error:
        return [f"unreadable: {error}"]
    problems = list(json_problems(data))
    if problems:
        return problems
    problems = [error.message for error in schema_validator("entry").iter_errors(data)]
    if problems or not isinstance(data, dict):
        return problems or ["not a mapping"]
    problems += _unknown_ids(data)
    if data.get("academy") not in vocabulary()["academies"]:
        problems.append(f"academy: unknown {data.get('academy')!r}")
    problems += [f"library: unknown {t!r}" for t in data.get("library") or [] if t not in titles]
    if str(data.get("year")) != folder:
        problems.append(f"year {data.get('year')!r} is not the folder {folder}")
    for field in ("title", "research_question", "abstract"):
        problems += _markdown_field(data, field)
        if isinstance(data.get(field), str) and data[field].startswith("TODO:"):
            problems.append(f"{field}: placeholder")
    return problems
