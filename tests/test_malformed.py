"""Malformed inputs, each with the exact problems (path, line, code) it must produce.

Each case writes one or two files into an otherwise valid repository and runs
`goldenthread validate --format json`: exit 1, and exactly the expected problems.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from goldenthread.cli import main
from goldenthread.codes import BY_CODE

from .conftest import VALID_BIB, VALID_TITLE, Write

T = "library/titles/case.yaml"
E = "research/2025/case.md"
B = "research/2025/case.bib"


def title(**changes: str | None) -> str:
    """The valid title with fields replaced (value None removes the field's line).

    Its ISBN differs from the repository's own title, so the two do not clash."""
    changes = {"isbn": '"9781912906208"', **changes}
    lines = []
    for line in VALID_TITLE.splitlines():
        key = line.split(":", 1)[0]
        if line.startswith("  How") and "summary" in changes:
            continue  # the folded summary's second line goes with it
        if key in changes:
            if changes[key] is not None:
                lines.append(f"{key}: {changes[key]}")
            continue
        lines.append(line)
    return "\n".join(lines) + "\n"


def entry(front: str = "", body: str = "\n## Context\n\nText.\n", year: str = "2025") -> str:
    return (f"---\ntitle: Case\nauthors:\n  - name: A. Teacher\n    role: Teacher\n"
            f"academy: ashdown-primary\nyear: {year}\nresearch_question: Why?\n"
            f"abstract: Because.\n{front}---\n{body}")


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))


@dataclass
class Case:
    name: str
    files: dict[str, str | bytes]
    expected: set[tuple[str, int, str]]


CASES = [
    # --- YAML and file-level rules --------------------------------------------------
    Case("empty file", {T: ""}, {(T, 1, "empty-file")}),
    Case("comments only", {T: "# nothing here\n"}, {(T, 1, "empty-file")}),
    Case("tab indentation", {T: "title: X\nauthors:\n\t- A\n"}, {(T, 3, "yaml-syntax")}),
    Case("unclosed quote", {T: 'title: X\nauthors: ["A\nyear: 2019\n'}, {(T, 4, "yaml-syntax")}),
    Case("colon in unquoted value", {T: title(title="Teach Like a Champion: 2.0")},
         {(T, 2, "yaml-syntax")}),
    Case("duplicate key", {T: VALID_TITLE + "year: 2015\n"}, {(T, 22, "duplicate-key")}),
    Case("object-building tag", {T: title(publisher="!!python/object/apply:os.system [ls]")},
         {(T, 9, "yaml-tag")}),
    Case("custom tag", {T: title(publisher="!include other.yaml")}, {(T, 9, "yaml-tag")}),
    Case("billion laughs", {T: BOMB}, {(T, 5, "yaml-alias-limit")}),
    Case("deep nesting", {T: "title: " + "[" * 50_000 + "\n"}, {(T, 1, "yaml-too-deep")}),
    Case("deep block nesting", {T: "".join("  " * depth + f"k{depth}:\n" for depth in range(100))},
         {(T, 66, "yaml-too-deep")}),
    Case("deep block list on one line", {T: "title: X\nauthors:\n  " + "- " * 1_200 + "A\n"},
         {(T, 3, "yaml-too-deep")}),
    Case("deep nesting in front matter", {E: "---\ntitle: " + "[" * 50_000 + "\n---\n"},
         {(E, 2, "yaml-too-deep")}),
    Case("not UTF-8", {T: VALID_TITLE.replace("Belknap", "B\xe9lknap").encode("latin-1")},
         {(T, 9, "not-utf8")}),
    Case("NUL character", {T: VALID_TITLE.replace("Make It", "Make\0It")},
         {(T, 2, "control-character")}),
    Case("1 MB field", {T: title(summary="x" * 1_000_000)}, {(T, 19, "field-too-long")}),
    Case("file over 1 MiB", {T: title(summary="x" * 1_100_000)}, {(T, 1, "file-too-large")}),
    Case("a list, not a record", {T: "- title: X\n"}, {(T, 1, "wrong-type")}),
    # --- schema -----------------------------------------------------------------------
    Case("missing authors", {T: title(authors=None).replace("  - Peter C. Brown\n", "")
                             .replace("  - Henry L. Roediger III\n", "")
                             .replace("  - Mark A. McDaniel\n", "")},
         {(T, 2, "missing-field")}),
    Case("year as text", {T: title(year='"2014"')}, {(T, 8, "wrong-type")}),
    Case("authors as text", {T: title().replace(
        "authors:\n  - Peter C. Brown\n  - Henry L. Roediger III\n  - Mark A. McDaniel\n",
        "authors: Peter C. Brown\n")}, {(T, 4, "wrong-type")}),
    Case("unknown field", {T: title() + "auther: Someone\n"}, {(T, 22, "unknown-field")}),
    Case("stage not in the framework", {T: title(stages="[explore, delvier]")}, {(T, 14, "unknown-item")}),
    Case("empty topics", {T: title(topics="[]")}, {(T, 11, "empty-list")}),
    Case("topic twice", {T: title(topics="[cognitive-science, cognitive-science]")},
         {(T, 11, "duplicate-item")}),
    Case("year out of range", {T: title(year="19")}, {(T, 8, "out-of-range")}),
    Case("impossible date", {T: title(added="2023-02-30")}, {(T, 21, "bad-date")}),
    Case("empty title", {T: title(title='""')}, {(T, 2, "empty-value")}),
    Case("isbn check digit", {T: title(isbn='"9780674729019"')}, {(T, 10, "isbn-checksum")}),
    Case("isbn-10 check digit", {T: title(isbn='"0-19-852663-7"')}, {(T, 10, "isbn-checksum")}),
    Case("isbn length", {T: title(isbn='"97806747290"')}, {(T, 10, "isbn-format")}),
    Case("isbn all zeros", {T: title(isbn='"0000000000000"')}, {(T, 10, "isbn-placeholder")}),
    Case("isbn-10 all zeros", {T: title(isbn='"0-00-000000-0"')}, {(T, 10, "isbn-placeholder")}),
    Case("isbn zeros after 978", {T: title(isbn='"978-0-00-000000-2"')},
         {(T, 10, "isbn-placeholder")}),
    Case("isbn prefix not 978 or 979", {T: title(isbn='"5012345678900"')}, {(T, 10, "isbn-prefix")}),
    Case("isbn as number", {T: title(isbn="9780674729018")}, {(T, 10, "wrong-type")}),
    Case("bad file name", {"library/titles/Make_It.yaml": title(isbn=None)},
         {("library/titles/Make_It.yaml", 1, "bad-id")}),
    Case("wrong extension", {"library/titles/case.yml": VALID_TITLE},
         {("library/titles/case.yml", 1, "unexpected-file")}),
    # --- cross-references -------------------------------------------------------------
    Case("unknown topic", {T: title(isbn=None, topics="[cognitive-scince]")},
         {(T, 10, "unknown-topic")}),
    Case("unknown academy", {T: title(isbn=None).replace("castlegate-academy", "nowhere")},
         {(T, 17, "unknown-academy")}),
    Case("unknown building block", {T: title(isbn=None, building_blocks="[teaching]")},
         {(T, 12, "unknown-item")}),
    Case("duplicate isbn", {T: title(isbn='"978-0-674-72901-8"')}, {(T, 10, "duplicate-isbn"),
          ("library/titles/make-it-stick.yaml", 10, "duplicate-isbn")}),
    Case("cover outside library", {T: title() + "cover: ../../etc/passwd.png\n"},
         {(T, 22, "cover-outside-library")}),
    Case("cover missing", {T: title() + "cover: covers/none.png\n"}, {(T, 22, "cover-missing")}),
    # --- unsafe Markdown --------------------------------------------------------------
    Case("script in summary", {T: title(summary='"Nice <script>alert(1)</script>"')},
         {(T, 19, "unsafe-html")}),
    Case("javascript link in summary", {T: title(summary='"[x](javascript:alert(1))"')},
         {(T, 19, "unsafe-link")}),
    Case("onerror in body", {E: entry(body='\nText.\n\n<img src="x.png" onerror="alert(1)">\n')},
         {(E, 14, "unsafe-attribute"), (E, 14, "image-alt")}),
    Case("iframe in body", {E: entry(body="\n<iframe src='https://example.org'></iframe>\n")},
         {(E, 12, "unsafe-html")}),
    Case("image without alt text", {E: entry(body="\n![](images/chart.png)\n")},
         {(E, 12, "image-alt")}),
    Case("image outside the year", {E: entry(body="\n![Chart](../../etc/chart.png)\n")},
         {(E, 12, "image-outside")}),
    Case("image missing", {E: entry(body="\n![Chart](images/none.png)\n")},
         {(E, 12, "image-missing")}),
    Case("HEIC photo named .jpg",
         {"research/2025/images/case.jpg": b"\x00\x00\x00\x18ftypheic" + b"\x00" * 64},
         {("research/2025/images/case.jpg", 1, "image-corrupt")}),
    Case("PNG cut short", {"research/2025/images/case.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 100},
         {("research/2025/images/case.png", 1, "image-corrupt")}),
    Case("SVG with a script", {"research/2025/images/case.svg":
                               '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'},
         {("research/2025/images/case.svg", 1, "image-unsafe")}),
    Case("GIF image", {"research/2025/images/case.gif": b"GIF89a" + b"\x00" * 32},
         {("research/2025/images/case.gif", 1, "image-format")}),
    Case("photo over 2 MB", {"research/2025/images/case.jpg":
                             b"\xff\xd8\xff\xe0" + b"\x00" * (2 * 1024 * 1024) + b"\xff\xd9"},
         {("research/2025/images/case.jpg", 1, "image-large")}),
    Case("data link in body", {E: entry(body="\n\n[x](data:text/html;base64,AAAA)\n")},
         {(E, 13, "unsafe-link")}),
    Case("entity-encoded javascript", {E: entry(body='\n<a href="jav&#x61;script:alert(1)">x</a>\n')},
         {(E, 12, "unsafe-link")}),
    # --- entries ----------------------------------------------------------------------
    Case("no front matter", {E: "# Title\n\nText.\n"}, {(E, 1, "front-matter-missing")}),
    Case("unclosed front matter", {E: "---\ntitle: X\n"}, {(E, 1, "front-matter-unclosed")}),
    Case("year mismatch", {E: entry(year="2024")}, {(E, 7, "year-mismatch")}),
    Case("missing role", {E: entry().replace("    role: Teacher\n", "")}, {(E, 4, "missing-field")}),
    Case("unknown title", {E: entry(front="library: [make-it-stik]\n")},
         {(E, 10, "unknown-title")}),
    Case("missing citation key", {E: entry(body="\nText [@nobody2020, p. 3].\n")},
         {(E, 12, "unknown-citation")}),
    Case("bib syntax error", {E: entry(body="\nText [@good].\n"),
                              B: "@book{good,\n  title = {A},\n  author = {B},\n  "
                                 "publisher = {P},\n  year = {2019}\n}\n\n"
                                 "@article{bad,\n  title = {unclosed,\n  year = 2020\n"},
         {(B, 8, "bib-syntax")}),
    Case("bib duplicate key", {E: entry(body="\nText [@roediger2006].\n"),
                               B: VALID_BIB + "\n" + VALID_BIB},
         {(B, 9, "bib-duplicate-key")}),
    Case("bib missing field", {E: entry(body="\nText [@roediger2006].\n"),
                               B: VALID_BIB.replace("  journal = {Psychological Science},\n", "")},
         {(B, 1, "bib-missing-field")}),
    Case("doi with prefix", {E: entry(body="\nText [@roediger2006].\n"),
                             B: VALID_BIB.replace("{10.1111", "{https://doi.org/10.1111")},
         {(B, 6, "doi-prefix")}),
    Case("year folder name", {"research/latest/case.md": entry()},
         {("research/latest", 1, "unexpected-file")}),
    Case("entry id used twice", {"research/2024/valid-entry.md": entry(year="2024")},
         {("research/2025/valid-entry.md", 1, "duplicate-id")}),
    Case("vocabulary id twice", {"library/topics.yaml": "- id: a\n  name: A\n- id: a\n  name: B\n"},
         {("library/topics.yaml", 3, "duplicate-id"),
          # the repository's title then names topics that no longer exist
          ("library/titles/make-it-stick.yaml", 11, "unknown-topic")}),
]


def run_json(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, object]]]:
    code = main(["--root", str(root), "validate", "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def test_the_fixture_repository_is_valid(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(repo, capsys) == (0, [])


def test_at_least_thirty_distinct_cases() -> None:
    assert len({case.name for case in CASES}) == len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_malformed_input(case: Case, repo: Path, write: Write,
                         capsys: pytest.CaptureFixture[str]) -> None:
    for path, content in case.files.items():
        write(path, content)
    code, problems = run_json(repo, capsys)
    assert code == 1
    assert {(p["path"], p["line"], p["code"]) for p in problems} == case.expected
    for problem in problems:
        assert problem["col"] >= 1 and problem["message"]
        assert problem["level"] == BY_CODE[str(problem["code"])].level_in("validate"), problem


def test_all_cases_at_once_in_a_real_process(tmp_path: Path) -> None:
    """The whole table in one tree, through the installed command: no traceback, no hang."""
    from .conftest import build_repo

    root = build_repo(tmp_path / "all")
    expected = set()
    for number, case in enumerate(CASES):
        if any(not p.startswith(("library/titles/", "research/2025/")) for p in case.files):
            continue
        for path, content in case.files.items():
            renamed = path.replace("case.", f"case{number}.").replace("Make_It", f"Make_It{number}")
            target = root / renamed
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content if isinstance(content, bytes) else content.encode())
        expected |= {(p.replace("case.", f"case{number}.").replace("Make_It", f"Make_It{number}"),
                      line, code) for p, line, code in case.expected}
    done = subprocess.run([sys.executable, "-m", "goldenthread", "--root", str(root), "validate",
                           "--format", "json"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    found = {(p["path"], p["line"], p["code"]) for p in json.loads(done.stdout)}
    assert expected <= found
