"""Characters that are not text, in every source kind, raw or written as an escape: refused
at their line with the character named; the isolates and ordinary text pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from goldenthread.load.characters import NOT_TEXT, character_name
from goldenthread.validation import validate

from ..conftest import VALID_BIB, VALID_ENTRY, VALID_TITLE, build_repo

ENTRY = "research/2025/valid-entry.md"
BIB = "research/2025/valid-entry.bib"
TITLE = "library/titles/make-it-stick.yaml"
TOPICS = "library/topics.yaml"
FOREWORD = "research/2025/_foreword.md"

REFUSED = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x80", "\x85",
           "\x9b", "\x9f", "\ufffe", "\uffff", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"]
LEGAL = ["\t", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u00a0", "\u00e9",
         "\u05d0", "\U0001f600", "\u200b", "\ufeff"]


def _placed(kind: str, char: str) -> tuple[str, str, int]:
    """(path, the file's text with `char` in it, the line it is on)."""
    if kind == "entry title":
        return ENTRY, VALID_ENTRY.replace("title: A valid entry", f"title: A valid{char} entry"), 2
    if kind == "entry body":
        return ENTRY, VALID_ENTRY.replace("Retrieval helps", f"Retrieval{char} helps"), 16
    if kind == "entry author":
        return ENTRY, VALID_ENTRY.replace("Example Author", f"Example{char} Author"), 4
    if kind == "title record":
        return TITLE, VALID_TITLE.replace("title: Make It Stick", f"title: Make It{char} Stick"), 2
    if kind == "title summary":
        return TITLE, VALID_TITLE.replace("  How retrieval", f"  How{char} retrieval"), 20
    if kind == "bib":
        return BIB, VALID_BIB.replace("Test-enhanced", f"Test{char}-enhanced"), 3
    if kind == "vocabulary":
        text = (build_repo.__globals__["REPO"] / TOPICS).read_text("utf-8")
        first, rest = text.split("\n", 1)
        return TOPICS, first + char + "\n" + rest, 1
    assert kind == "foreword"
    return FOREWORD, f"An introduction\n\nto the year{char}.\n", 3


KINDS = ["entry title", "entry body", "entry author", "title record", "title summary", "bib",
         "vocabulary", "foreword"]


def _problems(root: Path) -> list[tuple[str, int, str, str]]:
    return [(p.path, p.line, p.code, p.message) for p in validate(root).problems]


@pytest.mark.parametrize("char", REFUSED, ids=[f"U+{ord(c):04X}" for c in REFUSED])
@pytest.mark.parametrize("kind", KINDS)
def test_a_raw_character_that_is_not_text_is_refused_at_its_line(
        tmp_path: Path, kind: str, char: str) -> None:
    root = build_repo(tmp_path / "repo")
    path, text, line = _placed(kind, char)
    (root / path).write_text(text, "utf-8")
    found = [(p, n, c, m) for p, n, c, m in _problems(root) if p == path]
    assert (path, line, "control-character") in [(p, n, c) for p, n, c, _ in found], found
    assert any(f"U+{ord(char):04X}" in m for *_, m in found), found


ESCAPES = [("\\e", "\x1b"), ("\\a", "\x07"), ("\\0", "\x00"), ("\\b", "\x08"), ("\\x7f", "\x7f"),
           ("\\N", "\x85"), ("\\x9b", "\x9b"), ("\\uFFFE", "\ufffe"), ("\\uffff", "\uffff"),
           ("\\u202E", "\u202e"), ("\\u202a", "\u202a"), ("\\v", "\x0b"), ("\\f", "\x0c"),
           ("\\x01", "\x01")]


@pytest.mark.parametrize(("escape", "char"), ESCAPES, ids=[e for e, _ in ESCAPES])
@pytest.mark.parametrize("path", [ENTRY, TITLE])
def test_an_escaped_character_that_is_not_text_is_refused_at_its_line(
        tmp_path: Path, path: str, escape: str, char: str) -> None:
    root = build_repo(tmp_path / "repo")
    if path == ENTRY:
        text, line = VALID_ENTRY.replace("title: A valid entry", f'title: "A valid{escape} entry"'), 2
    else:
        line, text = 9, VALID_TITLE.replace("publisher: Belknap Press of Harvard University Press",
                                   f'publisher: "Belknap{escape} Press"')
    (root / path).write_text(text, "utf-8")
    found = [(n, c, m) for p, n, c, m in _problems(root) if p == path]
    assert [(n, c) for n, c, _ in found] == [(line, "control-character")], found
    assert character_name(char) in found[0][2]


@pytest.mark.parametrize("reference", ["&#x202E;", "&#8238;", "&#27;", "&#x1b", "&#xFFFE;", "&#133;"])
def test_a_reference_to_a_character_that_is_not_text_is_refused(tmp_path: Path, reference: str) -> None:
    root = build_repo(tmp_path / "repo")
    (root / ENTRY).write_text(VALID_ENTRY.replace("Retrieval helps", f"Retrieval {reference} helps"), "utf-8")
    assert (ENTRY, 16, "control-character") in [(p, n, c) for p, n, c, _ in _problems(root)]


@pytest.mark.parametrize("char", LEGAL, ids=[f"U+{ord(c):04X}" for c in LEGAL])
@pytest.mark.parametrize("kind", ["entry title", "entry body", "title record", "bib"])
def test_text_and_the_isolates_pass(tmp_path: Path, kind: str, char: str) -> None:
    root = build_repo(tmp_path / "repo")
    path, text, _ = _placed(kind, char)
    (root / path).write_text(text, "utf-8")
    assert [c for p, _, c, _ in _problems(root) if p == path and c == "control-character"] == []


def test_the_refused_set_is_exactly_the_rule() -> None:
    """C0 and C1 but tab and line ends, U+FFFE/U+FFFF, the overrides and embeddings."""
    refused = {chr(n) for n in range(0x110000) if not 0xD800 <= n <= 0xDFFF and NOT_TEXT.match(chr(n))}
    rule = ({chr(n) for n in range(0x20)} - {"\t", "\n", "\r"}) | {chr(n) for n in range(0x7F, 0xA0)} \
        | {"\ufffe", "\uffff"} | {chr(n) for n in range(0x202A, 0x202F)}
    assert refused == rule
