"""Any bytes in any source file: validate returns 0 or 1 with well-formed problems, quickly.

Each test writes one file of the fixture repository (or a new one beside it) and runs
`goldenthread validate --format json` in-process; harness.run_validate asserts the
exit code, the time, and that every problem names a real place in a real file.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import example, given

from ..conftest import VALID_BIB, VALID_ENTRY, VALID_TITLE
from .harness import ENTRY, FIXTURE_BIB, TITLE, TOPICS, fresh_repo, put, run_validate
from .strategies import BIB_TOKENS, MARKDOWN_TOKENS, YAML_TOKENS, hostile_bytes

UNACCEPTABLE = re.compile(r"unacceptable character #x([0-9a-fA-F]+)")
TOPICS_TEXT = "- id: cognitive-science\n  name: Cognitive science\n"
ALIAS_BOMB = ("a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))).encode()
HUGE = [  # see also test_huge_inputs.py
    b"x" * 1_048_577,                               # over the size limit
    b"title: " + b"t" * 150_000 + b"\n",            # one enormous value
    b"[" * 100_000,                                 # nesting deeper than any parser stack
    b"{a: " * 20_000,
    b"- " * 20_000 + b"x\n",
    ALIAS_BOMB,
    b"title: \xff\xfe\n",
    b"title: ok\0\n",
]


def _check_reading(content: bytes, path: str, codes: set[str]) -> None:
    """Bytes that are not UTF-8 text, or that hold NUL, are reported on that file."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        assert "not-utf8" in codes or "file-too-large" in codes, (path, codes)
        return
    if "\0" in text and len(content) <= 1_048_576:
        assert "control-character" in codes, (path, codes)


def _check_refused_characters(content: bytes, problems: list[dict[str, Any]]) -> None:
    """A character YAML refuses is reported where it stands."""
    lines = content.decode("utf-8-sig", "replace").split("\n")
    for problem in problems:
        found = UNACCEPTABLE.search(problem["message"])
        if found:
            line = lines[problem["line"] - 1]
            assert line[problem["col"] - 1:problem["col"]] == chr(int(found.group(1), 16)), problem


def _validate_with(path: str, content: bytes) -> None:
    with fresh_repo() as root:
        put(root, path, content)
        outcome = run_validate(root)
        _check_reading(content, path, outcome.codes(path))
        _check_refused_characters(content, outcome.on(path))


@given(hostile_bytes(VALID_TITLE, YAML_TOKENS))
@example(b"")
@example(b"\xef\xbb\xbf")
@example(b"title: !!python/object/apply:os.system [echo]\n")
@example(b"!!python/object:os.system title: A\n")
def test_any_bytes_as_catalogue_record(content: bytes) -> None:
    _validate_with(TITLE, content)


@pytest.mark.parametrize("content", HUGE, ids=range(len(HUGE)))
@pytest.mark.parametrize("path", [TITLE, ENTRY, FIXTURE_BIB, TOPICS])
def test_huge_and_hostile_files(path: str, content: bytes) -> None:
    _validate_with(path, content)


@given(hostile_bytes(VALID_ENTRY, MARKDOWN_TOKENS + YAML_TOKENS))
@example(b"---\n")
@example(b"---\n---\n")
@example(b"---\r\ntitle: A\r\n---\r\nbody\r\n")
@example(b"---\n- a\n---\n")
def test_any_bytes_as_entry(content: bytes) -> None:
    _validate_with(ENTRY, content)


@given(hostile_bytes(VALID_BIB, BIB_TOKENS))
@example(b"@article{")
@example(b"@string{a = b # c}\n@misc{k, title = a # {x}, year = 2020}\n")
@example(b"@article{roediger2006,}\n@article{roediger2006,}\n")
def test_any_bytes_as_bib(content: bytes) -> None:
    _validate_with(FIXTURE_BIB, content)


@given(hostile_bytes(TOPICS_TEXT, YAML_TOKENS))
@example(b"")
@example(b"{}")
@example(b"- id: cognitive-science\n  name: A\n- id: cognitive-science\n  name: B\n")
def test_any_bytes_as_topics_vocabulary(content: bytes) -> None:
    _validate_with(TOPICS, content)
