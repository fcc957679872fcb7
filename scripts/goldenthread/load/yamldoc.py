"""Safe YAML with positions: every value remembers the line and column it came from.

libyaml (through PyYAML's C composer when present) builds the node graph; this module
turns nodes into plain values itself, so it can refuse object-building tags, reject
duplicate keys, bound alias expansion and record positions in one walk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from ..problems import Problem

try:
    from yaml import CSafeLoader as _FastLoader
except ImportError:  # pragma: no cover - pure-Python fallback when libyaml is absent
    from yaml import SafeLoader as _FastLoader  # type: ignore[assignment]
from yaml import SafeLoader as _GuardedLoader

Path_ = tuple[str | int, ...]

MAX_NODES = 50_000
MAX_DEPTH = 64
MAX_SCALAR = 100_000
# libyaml's composer recurses in C and crashes the process somewhere past 10,000 levels.
# Each level needs one of these characters, so a text with few of them cannot nest that
# deep; any other text goes through the pure-Python composer, which raises RecursionError.
_NESTING_CHARS = "[{-?:"
_FAST_NESTING_LIMIT = 4_000

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"

_constructor = yaml.constructor.SafeConstructor()
_SCALARS = {
    _INT: _constructor.construct_yaml_int,
    _FLOAT: _constructor.construct_yaml_float,
    _BOOL: _constructor.construct_yaml_bool,
}

_HINTS = (
    ("mapping values are not allowed", "a value containing ': ' needs quotes around it"),
    ("could not find expected ':'", "each field needs a colon after its name, like `title: ...`"),
    ("expected <block end>", "check the indentation of this line against the lines above"),
    ("found undefined alias", "remove the '*' or define the anchor it names"),
    ("expected a single document", "a file holds one record: remove the extra '---'"),
    ("while scanning a quoted scalar", "close the quotes opened here"),
    ("unacceptable character", "remove the invisible control character"),
)


@dataclass
class Document:
    """A YAML document's value and where each part of it came from (1-based)."""

    path: str
    data: Any
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def where(self, at: Path_) -> tuple[int, int]:
        """The position of the value at `at`, or of its nearest ancestor that has one."""
        while at not in self.marks and at:
            at = at[:-1]
        return self.marks.get(at, (1, 1))

    def where_key(self, at: Path_) -> tuple[int, int]:
        return self.key_marks.get(at) or self.where(at)


class _Refusal(Exception):
    def __init__(self, node: yaml.Node, code: str, message: str) -> None:
        super().__init__(message)
        self.node = node
        self.code = code
        self.message = message


class _Builder:
    def __init__(self, line_offset: int) -> None:
        self.line_offset = line_offset
        self.marks: dict[Path_, tuple[int, int]] = {}
        self.key_marks: dict[Path_, tuple[int, int]] = {}
        self.count = 0
        self.field: yaml.Node | None = None  # the top-level field being built

    def mark(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1

    def build(self, node: yaml.Node, at: Path_, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _Refusal(node, "yaml-alias-limit",
                           f"the document expands to more than {MAX_NODES:,} values "
                           "(aliases repeated too often): write the values out")
        if depth > MAX_DEPTH:
            raise _Refusal(node, "yaml-too-deep", f"values are nested more than {MAX_DEPTH} deep")
        self.marks[at] = self.mark(node)
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, tag)
        if isinstance(node, yaml.SequenceNode) and tag == _SEQ:
            return [self.build(item, (*at, i), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode) and tag == _MAP:
            return self.mapping(node, at, depth)
        raise _Refusal(node, "yaml-tag", f"the tag {tag!r} is not allowed: remove it")

    def scalar(self, node: yaml.ScalarNode, tag: str) -> Any:
        if len(node.value) > MAX_SCALAR:
            raise _Refusal(node, "field-too-long",
                           f"this value is {len(node.value):,} characters; "
                           f"no field may be longer than {MAX_SCALAR:,}")
        if tag in (_STR, _TIMESTAMP):
            return node.value  # dates stay text; the checks parse them
        if tag == _NULL:
            return None
        construct = _SCALARS.get(tag)
        if construct is None:
            raise _Refusal(node, "yaml-tag", f"the tag {tag!r} is not allowed: remove it")
        return construct(node)

    def mapping(self, node: yaml.MappingNode, at: Path_, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refusal(key_node, "yaml-key", "a field name must be plain text")
            key = key_node.value
            if key in result:
                line, _ = self.key_marks[(*at, key)]
                raise _Refusal(key_node, "duplicate-key",
                               f"the field {key!r} appears twice (first on line {line}): "
                               "keep one")
            self.key_marks[(*at, key)] = self.mark(key_node)
            if not at:
                self.field = key_node
            result[key] = self.build(value_node, (*at, key), depth + 1)
        return result


def _syntax_problem(error: yaml.YAMLError, source: str, path: str, line_offset: int) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    detail = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    text = f"{context}, {detail}" if context else str(detail)
    lines = source.splitlines()
    if 0 < line <= len(lines) and "\t" in lines[line - 1][: col + 1]:
        hint = "indent with spaces, not tabs"
    else:
        hint = next((h for needle, h in _HINTS if needle in text), "check the YAML syntax here")
    return Problem(path, line + line_offset, col, "yaml-syntax",
                   f"YAML cannot be read here ({text}): {hint}")


def _loader_for(text: str) -> type[yaml.SafeLoader]:
    nesting = sum(text.count(char) for char in _NESTING_CHARS)
    return _FastLoader if nesting < _FAST_NESTING_LIMIT else _GuardedLoader  # type: ignore[return-value]


def load_yaml(text: str, path: str, line_offset: int = 0) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML document. An empty document gives data None and no problem."""
    try:
        loader = _loader_for(text)(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        return None, [_syntax_problem(error, text, path, line_offset)]
    except RecursionError:
        return None, [Problem(path, 1 + line_offset, 1, "yaml-too-deep",
                              "values are nested too deeply to read")]
    if node is None:
        return Document(path, None), []
    builder = _Builder(line_offset)
    try:
        data = builder.build(node, (), 0)
    except _Refusal as refusal:
        # An alias bomb overflows deep inside shared nodes; name the field that uses it.
        culprit = builder.field if refusal.code == "yaml-alias-limit" and builder.field else refusal.node
        line, col = builder.mark(culprit)
        return None, [Problem(path, line, col, refusal.code, refusal.message)]
    except (yaml.YAMLError, ValueError, OverflowError) as error:
        return None, [Problem(path, 1 + line_offset, 1, "yaml-syntax",
                              f"YAML cannot be read: {error}")]
    return Document(path, data, builder.marks, builder.key_marks), []
