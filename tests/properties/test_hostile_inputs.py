"""Hostile and careless input anywhere: `validate` and `library import` never crash, and
refuse at a real place; adversarial 100 KB inputs validate in bounded work.

Each example is bounded by the profile's deadline (conftest.py) and harness.run_validate's
watchdog, not by a timed assert of its own.
"""

from __future__ import annotations

import io
import json
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from goldenthread.cli import main

from ..conftest import VALID_BIB, VALID_ENTRY, VALID_TITLE, build_repo
from .harness import FIXTURE_BIB, FIXTURE_ENTRY, FIXTURE_TITLE, fresh_repo, put, run_validate, watchdog
from .strategies import BIB_TOKENS, MARKDOWN_TOKENS, YAML_TOKENS, hostile_bytes

FRONT = VALID_ENTRY[: VALID_ENTRY.index("---\n", 4) + 4]
SIZE = 100_000
# Pieces of hostile input, each known to have broken (or to threaten) a scanner or a rule.
UNITS = [
    "`", "``", "```", "` ", "a `", "\\`", "<", "<a", "<a ", "<a href='", '<a href="', "<h:script",
    "<s:script ", "<svg/onload=", "<!--", "<![CDATA[", "<?", "&#", "&#106;", "&#x", "&#x202E;", "[",
    "](", "](<", "[x]: ", "{", "{: ", "{: onclick=", "onclick=", "javascript:", "java\tscript:", "\r\n",
    "\n", "\n\n", "    ", "~~~\n", "```a\n", "<div>\n", "</div>", "[@", "![", "![a](", "images/", "*",
    "_", "\u202e", "\u2066", "\x1b", "é", "\U0001f600", "TODO: ", "x" * 50, " ", ":", "a", "a:", "=",
    "[@a", ";", ",", '"', "'", "/",
]
BIB_UNITS = ["@string{", "@string{a = a # a}\n", "@book{", "{", "}", '"', "#", " # ", "=", ",", "%",
             "@comment{", "\\", "\n", "a", "@misc{k, title = {", "\r\n", "\x1b"]
SVG_UNITS = ["<g>", "</g>", "<script>", "<s:script xmlns:s='http://www.w3.org/2000/svg'>", "<!--",
             "-->", "<![CDATA[", "]]>", "&#106;", "<a href='javascript:x'>", "</a>", "<text>", "</text>",
             "<!ENTITY", "onload=", "\n", " ", "x"]


@st.composite
def adversarial(draw: st.DrawFn, units: list[str], size: int = SIZE) -> str:
    """`size` characters: a pattern of a few hostile pieces, each repeated some times (or
    growing by one each round, as backtick runs of length 1, 2, 3 ...), repeated to fill."""
    pieces = draw(st.lists(st.tuples(st.sampled_from(units), st.integers(1, 500)), min_size=1, max_size=4))
    growing = draw(st.booleans())
    parts, total, round_ = [], 0, 1
    while total < size:
        for unit, count in pieces:
            part = unit * (count + round_ if growing else count)
            parts.append(part)
            total += len(part)
        round_ += 1
    return "".join(parts)[:size]


@settings(max_examples=12)
@given(adversarial(UNITS))
@example("".join("`" * n + "x" for n in range(1, 400)))
def test_an_adversarial_entry_body(body: str) -> None:
    with fresh_repo() as root:
        put(root, FIXTURE_ENTRY, FRONT + body)
        run_validate(root, sample=200)


@settings(max_examples=8)
@given(adversarial(UNITS, 90_000))
def test_an_adversarial_summary(summary: str) -> None:
    text = VALID_TITLE.replace("summary: >-\n  How retrieval, spacing and interleaving make learning last.\n",
                               "summary: " + json.dumps(summary) + "\n")
    with fresh_repo() as root:
        put(root, FIXTURE_TITLE, text)
        run_validate(root, sample=200)


@settings(max_examples=8)
@given(adversarial(BIB_UNITS))
def test_an_adversarial_bib(text: str) -> None:
    with fresh_repo() as root:
        put(root, FIXTURE_BIB, text)
        run_validate(root, sample=200)


@settings(max_examples=8)
@given(adversarial(SVG_UNITS))
def test_an_adversarial_svg(body: str) -> None:
    with fresh_repo() as root:
        put(root, "research/2025/images/chart.svg",
            '<svg xmlns="http://www.w3.org/2000/svg">' + body + "</svg>")
        put(root, FIXTURE_ENTRY, VALID_ENTRY + "\n![A chart](images/chart.svg)\n")
        run_validate(root, sample=200)


def run_import(root: Path, bib: Path) -> tuple[int, list[dict[str, object]]]:
    out, err = io.StringIO(), io.StringIO()
    with watchdog(), redirect_stdout(out), redirect_stderr(err):
        code = main(["--root", str(root), "library", "import", "--format", "json", str(bib)])
    assert code in (0, 1), f"exit code {code}; stderr: {err.getvalue()}"
    problems = json.loads(out.getvalue())
    for problem in problems:
        assert problem["line"] >= 1 and problem["col"] >= 1 and problem["message"].strip(), problem
    return code, problems


@given(hostile_bytes(VALID_BIB, BIB_TOKENS))
@example(("@string{s0 = \"ab\"}\n" + "".join(f"@string{{s{i + 1} = s{i} # s{i}}}\n" for i in range(33))
          + "@book{k, title = s33, author = {A, B}, publisher = {P}, year = 2020}\n").encode())
@example(b"@book{" + b"k" * 240 + b", title = {T}, author = {A, B}, publisher = {P}, year = 2020}\n")
@example(b"@book{index, title = {index}, author = {A, B}, publisher = {P}, year = 2020}\n")
@example(b"@book{k, title = {A\x1bB}, author = {A, B}, publisher = {P}, year = 2020}\n")
@example(b"@book{k, title = {" + b"t " * 300 + b"}, author = {A, B}, publisher = {P}, year = 2020}\n")
@example(b"\xef\xbb\xbf@book{k,\r\n title = {T},\r\n author = {A, B},\r\n publisher = {P},\r\n"
         b" year = 2020}\r\n")
def test_any_bytes_to_library_import(content: bytes) -> None:
    with tempfile.TemporaryDirectory(prefix="gt-import-") as folder:
        root = build_repo(Path(folder) / "repo")
        bib = Path(folder) / "export.bib"
        bib.write_bytes(content)
        before = {path.name for path in (root / "library/titles").iterdir()}
        run_import(root, bib)
        for path in (root / "library/titles").iterdir():
            if path.name not in before:
                assert len(path.name) <= 100 and path.stem not in ("index", "pathways", "page")
        run_validate(root)  # what import wrote is what validate reads


@given(hostile_bytes("# Support\n\nWrite to us.\n", MARKDOWN_TOKENS))
def test_any_bytes_as_a_hand_written_page(content: bytes) -> None:
    with fresh_repo() as root:
        put(root, "docs/support.md", content)
        run_validate(root)


@given(hostile_bytes("An introduction to the year.\n", MARKDOWN_TOKENS))
def test_any_bytes_as_a_foreword(content: bytes) -> None:
    with fresh_repo() as root:
        put(root, "research/2025/_foreword.md", content)
        run_validate(root)


@given(hostile_bytes((Path(__file__).parents[2] / "docs/framework.yaml").read_text("utf-8")[:3000],
                     YAML_TOKENS))
def test_any_bytes_as_the_framework(content: bytes) -> None:
    with fresh_repo() as root:
        put(root, "docs/framework.yaml", content)
        run_validate(root)


@given(hostile_bytes('<svg xmlns="http://www.w3.org/2000/svg"><text>a</text></svg>', SVG_UNITS))
def test_any_bytes_as_an_svg_image(content: bytes) -> None:
    with fresh_repo() as root:
        put(root, "research/2025/images/chart.svg", content)
        put(root, FIXTURE_ENTRY, VALID_ENTRY + "\n![A chart](images/chart.svg)\n")
        run_validate(root)
