"""Safe YAML with positions: every value remembers the line and column it came from.

Values are built straight from libyaml's event stream (PyYAML's C parser when present),
not from PyYAML's node graph: one pass that refuses object-building tags, rejects
duplicate keys, bounds alias expansion and nesting, and records positions. libyaml's
parser is iterative, so no input can exhaust the C stack (its recursive composer can:
measured, a segmentation fault past about 10,000 nested brackets).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..problems import Problem
from .characters import NOT_TEXT, why_refused
from .text import LineIndex

try:
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - pure-Python parser when libyaml is absent
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

Path_ = tuple[str | int, ...]

MAX_NODES = 50_000
MAX_DEPTH = 64
MAX_SCALAR = 100_000
TOO_DEEP = (f"values are nested more than {MAX_DEPTH} deep: check the brackets and the "
            "indentation up to here")
# libyaml's own bound on nesting (from PyYAML 6.0.4's wheels: 1,000 levels): its scanner reads
# ahead of the parser, so on `[[[[...` it can stop before our MAX_DEPTH is reached.
_LIBYAML_TOO_DEEP = "exceeded maximum nesting depth"

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
    # Where the text of a top-level field's scalar starts when that text stands in the
    # file as it is, each of its lines at that column (one-line plain or quoted scalars
    # without escapes, literal blocks); folded or escaped text has no such place.
    text_at: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def where(self, at: Path_) -> tuple[int, int]:
        """The position of the value at `at`, or of its nearest ancestor that has one."""
        while at not in self.marks and at:
            at = at[:-1]
        return self.marks.get(at, (1, 1))

    def where_key(self, at: Path_) -> tuple[int, int]:
        return self.key_marks.get(at) or self.where(at)


class _Refusal(Exception):
    def __init__(self, mark: Any, code: str, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.code = code
        self.message = message


_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers
# Line breaks to libyaml that are none to editors, git and GitHub (which break at \n).
_OTHER_BREAKS = re.compile("\r(?!\n)|[\x85\u2028\u2029]")


def _other_breaks(text: str) -> bool:
    """_OTHER_BREAKS.search(text), in a tenth of the time: the regex (a lookahead in an
    alternation) steps through every character, `in` scans in C and answers at once for
    a text of only ASCII or Latin-1 letters that cannot hold U+2028."""
    if "\r" in text:
        return _OTHER_BREAKS.search(text) is not None
    return "\x85" in text or "\u2028" in text or "\u2029" in text


_RESOLVED: dict[str, str] = {}  # plain scalars' tags as resolved: records repeat their ids


def _implicit_tag(value: str) -> str:
    """The tag YAML 1.1 gives a plain scalar, as PyYAML's resolver decides it."""
    resolvers = _IMPLICIT.get(value[:1])
    if not resolvers:
        return _STR
    tag = _RESOLVED.get(value)
    if tag is None:
        tag = next((str(tag) for tag, pattern in resolvers if pattern.match(value)), _STR)
        if len(_RESOLVED) > 100_000:
            _RESOLVED.clear()
        _RESOLVED[value] = tag
    return tag


def _refuse_not_text(event: Any) -> None:
    """A character that is not text, written as an escape ("\\e", "\\u202E"): the file
    itself cannot hold one (load/text.py), but a quoted value can name one."""
    found = NOT_TEXT.search(event.value)
    if found is not None:
        raise _Refusal(event.start_mark, "control-character", why_refused(found.group(0)))


def _special(event: Any, tag: str) -> Any:
    """A scalar that is not text: null, a whole number, a number or true/false."""
    if tag == _NULL:
        return None
    text = event.value
    if tag == _INT and text.isascii() and text.isdigit() and (text[0] != "0" or text == "0"):
        return int(text)  # a plain decimal, as construct_yaml_int reads it (not octal 017, 1_000)
    construct = _SCALARS.get(tag)
    if construct is None:
        raise _Refusal(event.start_mark, "yaml-tag", f"the tag {tag!r} is not allowed: remove it")
    try:
        return construct(yaml.ScalarNode(tag, event.value))
    except (ValueError, OverflowError, IndexError, KeyError) as error:
        # e.g. `!!int` with no value (IndexError), `!!bool maybe` (KeyError)
        short = tag.replace("tag:yaml.org,2002:", "!!")
        raise _Refusal(event.start_mark, "yaml-tag", f"{event.value!r} is not a value the tag "
                       f"{short} allows: remove the tag or fix the value") from error


_ScalarEvent = yaml.ScalarEvent
_AliasEvent = yaml.AliasEvent
_SequenceStartEvent = yaml.SequenceStartEvent
_SequenceEndEvent = yaml.SequenceEndEvent
_MappingStartEvent = yaml.MappingStartEvent
_MappingEndEvent = yaml.MappingEndEvent


class _Builder:
    """One document's values from the parser's events, each value's position in marks.

    The hot path (a scalar, a key) is written out in `value` and `mapping` rather than
    in small methods: a catalogue of 10,000 records is about 400,000 events, and a call
    per event was a third of validate's time."""

    def __init__(self, parser: Any, line_offset: int, lines: LineIndex, clean: bool = False) -> None:
        self.lines = lines
        self.libyaml_lines = not _other_breaks(lines.text)  # the same as the file's
        # Only an escape in a double-quoted scalar can make a character the text does not
        # hold: when the text holds none that is not text, only those scalars are searched.
        self.clean = clean or not NOT_TEXT.search(lines.text)
        self.next = parser.get_event
        self.line_offset = line_offset
        self.line_base = line_offset + 1  # libyaml's lines count from 0
        self.marks: dict[Path_, tuple[int, int]] = {}
        self.key_marks: dict[Path_, tuple[int, int]] = {}
        self.text_at: dict[Path_, tuple[int, int]] = {}
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.count = 0
        self.field: Any = None  # mark of the top-level field being built

    def position(self, mark: Any) -> tuple[int, int]:
        if self.libyaml_lines:
            return mark.line + self.line_base, mark.column + 1
        # Else from the mark's character index: libyaml also breaks lines at a lone \r,
        # U+0085, U+2028 and U+2029, which editors, git and GitHub do not.
        line, col = self.lines.at(mark.index)
        return line + self.line_offset, col

    def block_start(self, mark: Any) -> tuple[int, int, int]:
        """Where a block scalar's text begins, the first line with text after its | or >:
        line, column, and the offset where that line starts (-1 if there is none)."""
        source, number = self.lines.text, self.position(mark)[0]
        start = source.find("\n", mark.index) + 1
        while start:
            number += 1
            end = source.find("\n", start)
            text = source[start:end if end >= 0 else len(source)]
            if text.strip():
                return number, len(text) - len(text.lstrip()) + 1, start
            start = end + 1
        return (*self.position(mark), -1)

    def verbatim(self, event: Any, start: tuple[int, int], offset: int) -> tuple[int, int] | None:
        """Where the scalar's text starts, if the file holds it unchanged (see Document);
        `offset` is where a block scalar's first line of text starts."""
        text = event.value
        if event.style in ("|", ">"):
            if offset < 0:
                return None
            parts = text.rstrip("\n").split("\n")
            lines = self.lines.text[offset:].split("\n", len(parts))[:len(parts)]
            if len(lines) < len(parts) or any(line.rstrip("\r")[start[1] - 1:] != part
                                              for line, part in zip(lines, parts, strict=True)):
                return None
            return start
        source = self.lines.text[event.start_mark.index:event.end_mark.index]
        quoted = event.style in ("'", '"')
        if "\n" in source or (source[1:-1] if quoted else source) != text:
            return None
        return (start[0], start[1] + 1) if quoted else start

    def too_many(self, mark: Any) -> None:
        raise _Refusal(self.field or mark, "yaml-alias-limit",
                       f"the document expands to more than {MAX_NODES:,} values "
                       "(aliases repeated too often): write the values out")

    def value(self, event: Any, at: Path_, depth: int) -> Any:
        """The value `event` starts. self.count grows by the values it expands to."""
        mark = event.start_mark
        here = (mark.line + self.line_base, mark.column + 1) if self.libyaml_lines else self.position(mark)
        self.marks[at] = here
        kind = event.__class__
        if kind is _AliasEvent:
            if event.anchor not in self.anchors:
                raise _Refusal(mark, "yaml-syntax", f"the alias *{event.anchor} names no "
                               "anchor defined before it: remove the '*' or define the anchor")
            value, size = self.anchors[event.anchor]
            self.count += size
            if self.count > MAX_NODES:
                self.too_many(mark)
            return value
        if depth > MAX_DEPTH:
            raise _Refusal(mark, "yaml-too-deep", TOO_DEEP)
        before = self.count
        self.count = before + 1
        if before >= MAX_NODES:
            self.too_many(mark)
        tag = event.tag
        if tag == "!":
            tag = None
        if kind is _ScalarEvent:
            text = event.value
            if len(text) > MAX_SCALAR:
                raise _Refusal(mark, "field-too-long", f"this value is {len(text):,} characters; "
                               f"no field may be longer than {MAX_SCALAR:,}")
            style = event.style
            if style == '"' or not self.clean:
                _refuse_not_text(event)
            if tag is None:
                # _implicit_tag, without the call for text no resolver starts with (most text)
                tag = (_RESOLVED.get(text) or _implicit_tag(text)) if (
                    event.implicit[0] and text[:1] in _IMPLICIT) else _STR
            value = text if tag in (_STR, _TIMESTAMP) else _special(event, tag)  # dates stay text
            if len(at) == 1 and value.__class__ is str:
                offset = -1
                if style == "|" or style == ">":
                    line, col, offset = self.block_start(mark)
                    here = self.marks[at] = line, col
                origin = self.verbatim(event, here, offset)
                if origin is not None:
                    self.text_at[at] = origin
            elif style == "|" or style == ">":
                self.marks[at] = self.block_start(mark)[:2]
        elif kind is _SequenceStartEvent and tag in (None, _SEQ):
            value = self.sequence(at, depth)
        elif kind is _MappingStartEvent and tag in (None, _MAP):
            value = self.mapping(at, depth)
        else:
            raise _Refusal(mark, "yaml-tag", f"the tag {tag!r} is not allowed: remove it")
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, self.count - before)
        return value

    def sequence(self, at: Path_, depth: int) -> list[Any]:
        items: list[Any] = []
        depth += 1
        value, following = self.value, self.next
        event = following()
        while event.__class__ is not _SequenceEndEvent:
            items.append(value(event, (*at, len(items)), depth))
            event = following()
        return items

    def mapping(self, at: Path_, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        depth += 1
        key_marks, value, following = self.key_marks, self.value, self.next
        key_event = following()
        while key_event.__class__ is not _MappingEndEvent:
            if key_event.__class__ is not _ScalarEvent:
                raise _Refusal(key_event.start_mark, "yaml-key", "a field name must be plain text")
            if key_event.tag not in (None, "!", _STR):
                raise _Refusal(key_event.start_mark, "yaml-tag",
                               f"the tag {key_event.tag!r} is not allowed: remove it")
            if key_event.style == '"' or not self.clean:
                _refuse_not_text(key_event)
            key = key_event.value
            where = (*at, key)
            if key in result:
                line, _ = key_marks[where]
                raise _Refusal(key_event.start_mark, "duplicate-key",
                               f"the field {key!r} appears twice (first on line {line}): keep one")
            mark: Any = key_event.start_mark
            if self.libyaml_lines:
                key_marks[where] = (mark.line + self.line_base, mark.column + 1)
            else:
                key_marks[where] = self.position(mark)
            if not at:
                self.field = mark
            result[key] = value(following(), where, depth)
            key_event = following()
        return result

    def document(self) -> Any:
        """The stream's one document's value; None for an empty stream."""
        self.next()  # stream start
        event = self.next()
        if event.__class__ is yaml.StreamEndEvent:
            return None
        # document start: the next event starts the value
        value = self.value(self.next(), (), 0)
        self.next()  # document end
        following = self.next()
        if following.__class__ is not yaml.StreamEndEvent:
            raise _Refusal(following.start_mark, "yaml-syntax",
                           "a file holds one record, but a second one starts here: "
                           "remove the extra '---'")
        return value


def _error_index(error: yaml.YAMLError, source: str) -> int | None:
    """The character offset an error concerns, if it says."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is not None:
        return int(mark.index)
    if isinstance(error, yaml.reader.ReaderError) and isinstance(error.character, int):
        # Its position counts bytes (libyaml) or characters (PyYAML): find the character,
        # whose first occurrence is the one refused, since it is refused anywhere.
        found = source.find(chr(error.character))
        return found if found >= 0 else None
    return None


def _syntax_problem(error: yaml.YAMLError, source: str, path: str, line_offset: int) -> Problem:
    lines = LineIndex(source)
    index = _error_index(error, source)
    line, col = lines.at(min(index, len(source))) if index is not None else (1, 1)
    detail = getattr(error, "problem", None) or str(error)
    if _LIBYAML_TOO_DEEP in str(detail):
        return Problem(path, line + line_offset, col, "yaml-too-deep", TOO_DEEP)
    context = getattr(error, "context", None)
    text = f"{context}, {detail}" if context else str(detail)
    if "\t" in (lines.line(line) or "")[: col + 1]:
        hint = "indent with spaces, not tabs"
    else:
        hint = next((h for needle, h in _HINTS if needle in text), "check the YAML syntax here")
    return Problem(path, line + line_offset, col, "yaml-syntax",
                   f"YAML cannot be read here ({text}): {hint}")


def load_yaml(text: str, path: str, line_offset: int = 0,
              clean: bool = False) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML document. An empty document gives data None and no problem.
    clean=True: the caller has found no character that is not text in `text` (load/text.py's
    decode refuses a file that holds one), so it is not searched again."""
    parser = _Parser(text)
    builder = _Builder(parser, line_offset, LineIndex(text), clean)
    try:
        data = builder.document()
    except yaml.YAMLError as error:
        return None, [_syntax_problem(error, text, path, line_offset)]
    except _Refusal as refusal:
        line, col = builder.position(refusal.mark)
        return None, [Problem(path, line, col, refusal.code, refusal.message)]
    except (ValueError, OverflowError) as error:
        return None, [Problem(path, 1 + line_offset, 1, "yaml-syntax",
                              f"YAML cannot be read: {error}")]
    finally:
        parser.dispose()
    return Document(path, data, builder.marks, builder.key_marks, builder.text_at), []
