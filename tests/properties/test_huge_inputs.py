"""The worst inputs for a scanner: one construct repeated up to the size limit.

A pattern that scans to the end of the text and fails, retried from each later start,
or a position computed by counting newlines for each of many findings, is quadratic:
minutes on a file of the size validate accepts. Random examples are too small to show
it, so these are written out; each must validate well within harness.SECONDS.
"""

from __future__ import annotations

import pytest

from ..conftest import VALID_ENTRY, VALID_TITLE
from .harness import FIXTURE_BIB, FIXTURE_ENTRY, FIXTURE_TITLE, fresh_repo, put, run_validate

# Half the 1 MiB file limit: enough that a quadratic scan takes many seconds (those
# found took 5 s to minutes here), small enough that the whole set stays quick.
MARKDOWN_SIZE = 500_000
SECONDS = 15.0             # a bound against hangs, not a benchmark: these take ~1 s on a quiet machine
# Processor time, which other jobs on a busy machine barely change, tells linear from
# quadratic: these take 0.1-1.6 s of it; the quadratic scans found took 5.6 s to minutes.
CPU_SECONDS = 3.5
SAMPLE = 500               # problems checked for form, of the thousands some of these bring
BIB_SIZE = 256_000         # bibtexparser reads hostile text at about 100-250 kB/s
FRONT = VALID_ENTRY[: VALID_ENTRY.index("---\n", 4) + 4]

MARKDOWN_UNITS = [
    "[", "](<", "```a\n", "```\n", "~~~\n```\n", "<div>\n", "x\n<div>\n", "<p>a</p>\n\n", "<a", "<a\n",
    "<!--", "<?", "`", "` ", "``a", "a `b\n\n", "<div>`", "{", "{: onclick=", "<a x='", "<x ",
    "<script ", "<a href=", "<a href='", "href='", "[@", "[@a] ", "![", "![x](", '![x](a "', "<img ",
    "<img alt=\"", "![a](b) ", "](", "[x]: ", "[x]:", "</", "<![CDATA[", "&#", "TODO: x\n", "\\`",
]
GENERATED = {  # hostile bodies that are not one unit repeated
    "distinct tags": "".join(f"<a{i}></a{i}>\n" for i in range(50_000)),
    "nested distinct tags": "".join(f"<a{i}>\n" for i in range(25_000))
    + "".join(f"</a{i}>\n" for i in reversed(range(25_000))),
    "fences of every length": "".join("`" * n + "a\n" for n in range(3, 1000)),
    "unclosed outer block": "<div>\n" + "<div></div>\n" * 40_000,
    "unclosed citation": "[@" + "a" * 500_000,             # was 48 s at 100 KB
    "attribute list of colons": "{" + ":" * 500_000,      # was 29 s at 60 KB
    "attribute list of names": "{" + "a:" * 250_000,
    "backtick runs of growing length": "".join("`" * n + "x " for n in range(1, 1000)),
}
BIB_UNITS = ["@a{", "{", "}", '"', "%@a{\n", "@misc{k,\n", "@misc{k", "@misc{k, a = {", "@string{a=",
             "@comment{", "@misc{k, a=1}\n", "@misc{k, doi = {x}, url = {y}}\n", "@"]
YAML_UNITS = ["- a\n", "[", "{a: ", "[a, ", "'", '"\\', "? ", "&a a\n", "a: *b\n", "#\n", "\t", ":",
              "- - - - \n", "\u2028", "\r", "|\n"]


def _text(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


@pytest.mark.parametrize("unit", MARKDOWN_UNITS)
def test_hostile_markdown_body(unit: str) -> None:
    with fresh_repo() as root:
        put(root, FIXTURE_ENTRY, FRONT + _text(unit, MARKDOWN_SIZE - len(FRONT) - 8))
        outcome = run_validate(root, sample=SAMPLE)
        assert outcome.seconds < SECONDS and outcome.cpu < CPU_SECONDS, outcome.cpu


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_hostile_generated_body(name: str) -> None:
    with fresh_repo() as root:
        put(root, FIXTURE_ENTRY, FRONT + GENERATED[name][:MARKDOWN_SIZE])
        outcome = run_validate(root, sample=SAMPLE)
        assert outcome.seconds < SECONDS and outcome.cpu < CPU_SECONDS, outcome.cpu


@pytest.mark.parametrize("unit", ["<script ", "{: onclick=", "[x](javascript:x) ", "`", "\n"])
def test_hostile_markdown_summary(unit: str) -> None:
    """A summary at the longest a value may be (100,000 characters), scanned like a body."""
    summary = _text(unit, 99_000).replace("\n", " ")
    text = VALID_TITLE.replace("summary: >-\n  How retrieval, spacing and interleaving make learning last.\n",
                               "summary: '" + summary.replace("'", "''") + "'\n")
    with fresh_repo() as root:
        put(root, FIXTURE_TITLE, text)
        outcome = run_validate(root, sample=SAMPLE)
        assert outcome.seconds < SECONDS and outcome.cpu < CPU_SECONDS, outcome.cpu


@pytest.mark.parametrize("unit", BIB_UNITS)
def test_hostile_bib(unit: str) -> None:
    with fresh_repo() as root:
        put(root, FIXTURE_BIB, _text(unit, BIB_SIZE))
        outcome = run_validate(root, sample=SAMPLE)
        assert outcome.seconds < SECONDS and outcome.cpu < CPU_SECONDS, outcome.cpu


@pytest.mark.parametrize("unit", YAML_UNITS)
def test_hostile_yaml(unit: str) -> None:
    with fresh_repo() as root:
        put(root, FIXTURE_TITLE, _text(unit, MARKDOWN_SIZE))
        outcome = run_validate(root, sample=SAMPLE)
        assert outcome.seconds < SECONDS and outcome.cpu < CPU_SECONDS, outcome.cpu
