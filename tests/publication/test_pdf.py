"""The annual publication: complete, tagged PDF/UA-1, reproducible, safe with hostile text,
and citing in the same APA words as the site."""

from __future__ import annotations

import re
import shutil
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from goldenthread.assemble import assemble
from goldenthread.cite.apa import reference_list
from goldenthread.model import KnowledgeBase
from goldenthread.publish.pdf import build_pdf
from goldenthread.validation import validate

from ..conftest import REPO, build_repo

STAMP = 1_767_225_600  # 2026-01-01


def squash(text: str) -> str:
    """Text without spaces, line breaks or hyphens, so wrapped and hyphenated lines compare
    equal. (Typst marks a hyphen it adds at a line end as a soft hyphen, U+00AD, in the
    font's map from glyphs to text; a real hyphen with the same glyph then carries its
    "-" in an ActualText, which pypdf does not read, so it too is read as U+00AD.)"""
    return re.sub(r"[\s\u00ad-]+", "", text)


def site_words(text: str) -> str:
    """Plain text as the site shows it: rendered by Python-Markdown with mkdocs.yml's
    extensions (smarty's quotes), tags dropped."""
    import html

    import markdown

    from goldenthread.generate.text import md
    from goldenthread.settings import load_settings

    options = load_settings(REPO).markdown
    parse = markdown.Markdown(extensions=list(options.extensions), extension_configs=options.extension_configs())
    rendered = parse.convert(md(text))
    return html.unescape(re.sub(r"<[^>]+>", "", rendered))


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(BytesIO(pdf)).pages)


@pytest.fixture(scope="module")
def knowledge() -> KnowledgeBase:
    return assemble(validate(REPO).sources)


@pytest.fixture(scope="module")
def pdf_2025(knowledge: KnowledgeBase) -> bytes:
    return build_pdf(REPO, knowledge, 2025, STAMP)


def test_every_title_author_and_reference_is_in_the_pdf(knowledge: KnowledgeBase, pdf_2025: bytes) -> None:
    text = squash(pdf_text(pdf_2025))
    entries = [e for e in knowledge.entries if e.year == 2025]
    assert len(entries) >= 8
    for entry in entries:
        assert squash(entry.title) in text, entry.title
        for author in entry.authors:
            assert squash(author.name) in text, author.name
        for reference in reference_list(entry.references):
            assert squash(site_words(reference.text)) in text, (entry.id, reference.key, reference.text)


def test_one_bookmark_per_entry(knowledge: KnowledgeBase, pdf_2025: bytes) -> None:
    outline = PdfReader(BytesIO(pdf_2025)).outline
    nested = [item.title for group in outline if isinstance(group, list) for item in group
              if not isinstance(item, list)]
    assert sorted(nested) == sorted(e.title for e in knowledge.entries if e.year == 2025)


def test_declares_pdf_ua_1_and_is_tagged(pdf_2025: bytes) -> None:
    reader = PdfReader(BytesIO(pdf_2025))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en-GB"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"pdfuaid:part(>|=\")1", xmp)
    assert reader.metadata is not None and reader.metadata.title == "Action Research 2025"


def test_two_builds_are_byte_identical(knowledge: KnowledgeBase, pdf_2025: bytes) -> None:
    assert build_pdf(REPO, knowledge, 2025, STAMP) == pdf_2025


def test_examples_are_labelled(knowledge: KnowledgeBase, pdf_2025: bytes) -> None:
    text = pdf_text(pdf_2025)
    examples = sum(e.example for e in knowledge.entries if e.year == 2025)
    with_findings = sum(e.example and bool(e.outcomes) for e in knowledge.entries if e.year == 2025)
    assert with_findings  # an illustrative entry's findings are labelled again, beside its table
    assert text.count("Illustrative example.") == examples + with_findings


HOSTILE = """---
title: "#set page(fill: red) $x^2$ \\\\ and `raw` @ref `<label>` *bold*"
authors:
  - name: "Hostile #Author $1 \\\\"
    role: "]) #panic(\\"boom\\")"
academy: ashdown-primary
year: 2025
research_question: "What if text says #include \\"/etc/passwd\\" or #panic()?"
abstract: "A $math$ and a \\\\backslash and // comment and /* block */ markers."
example: true
---

## A valid entry

## A valid entry

Typst markup as text: #set text(red) and $ a + b $ and \\\\ and #import "x.typ": *.

| # | $ | \\\\ |
|---|---|---|
""" + "".join(f"| {i} | #{i} | $x_{i}$ |\n" for i in range(300)) + """

Closing paragraph with a [link](https://example.org/#frag) and `#code` and a footnote.[^n]

[^n]: Footnote with #hash and $dollar.
"""


def test_hostile_entry_prints_as_text(tmp_path: Path) -> None:
    root = build_repo(tmp_path / "repo")
    (root / "research/2025/hostile.md").write_text(HOSTILE, "utf-8")
    result = validate(root)
    assert result.ok, result.problems
    pdf = build_pdf(root, assemble(result.sources), 2025, STAMP)
    text = squash(pdf_text(pdf))
    for literal in ("#set page(fill: red) $x^2$", "#panic(\"boom\")", "#include \"/etc/passwd\"",
                    "#set text(red) and $ a + b $", "$x_299$", "#import \"x.typ\": *",
                    "Footnote with #hash and $dollar"):
        assert squash(literal) in text, literal
    assert "A valid entry" in pdf_text(pdf)


APA_BIB = """\
@book{book, author = {Allison, Shaun and Tharby, Andy}, title = {Making Every Lesson Count}, publisher = {Crown House}, year = {2015}, edition = {2}}
@incollection{chapter, author = {Scarborough, Hollis S.}, title = {Connecting Early Language and Literacy to Later Reading (Dis)Abilities}, editor = {Neuman, Susan B. and Dickinson, David K.}, booktitle = {Handbook of Early Literacy Research}, publisher = {Guilford Press}, year = {2001}, pages = {97--110}}
@article{article, author = {Roediger, Henry L. and Karpicke, Jeffrey D.}, title = {Test-Enhanced Learning}, journal = {Psychological Science}, year = {2006}, volume = {17}, number = {3}, pages = {249--255}, doi = {10.1111/j.1467-9280.2006.01693.x}}
@techreport{report, author = {Sharples, Jonathan and Albers, Bianca and Fraser, Stephen}, title = {Putting Evidence to Work: A School's Guide to Implementation}, institution = {Education Endowment Foundation}, year = {2019}}
@online{web, author = {{Education Endowment Foundation}}, title = {Teaching and Learning Toolkit}, url = {https://educationendowmentfoundation.org.uk/}, urldate = {2025-09-15}}
@online{dated, author = {Quigley, Alex}, title = {A Blog Post}, url = {https://example.org/post}, year = {2024}, month = {5}}
"""


def test_site_and_pdf_agree_on_apa(tmp_path: Path) -> None:
    root = build_repo(tmp_path / "repo")
    entry = root / "research/2025/valid-entry"
    entry.with_suffix(".bib").write_text(APA_BIB, "utf-8")
    entry.with_suffix(".md").write_text(
        (REPO / "tests/conftest.py").read_text().split('VALID_ENTRY = """\\\n')[1].split('"""')[0]
        .replace("[@roediger2006]", "[@book; @chapter; @article; @report; @web; @dated]"), "utf-8")
    result = validate(root)
    assert result.ok, result.problems
    knowledge = assemble(result.sources)
    text = squash(pdf_text(build_pdf(root, knowledge, 2025, STAMP)))
    site = {ref.key: ref.text for ref in reference_list(knowledge.entries[0].references)}
    assert len(site) == 6
    for key, words in site.items():
        assert squash(words) in text, (key, words)
    assert squash("(Allison & Tharby, 2015; Education Endowment Foundation, n.d.;") in text


def test_pdf_command(tmp_path: Path) -> None:
    from goldenthread.cli import main

    out = tmp_path / "out.pdf"
    assert main(["--root", str(REPO), "pdf", "2024", "-o", str(out)]) == 0
    assert PdfReader(out).metadata.title == "Action Research 2024"  # type: ignore[union-attr]
    assert main(["--root", str(REPO), "pdf", "1999", "-o", str(out)]) == 2
    shutil.rmtree(tmp_path)


def png_pixel() -> bytes:
    """A valid 1x1 PNG, made here so the test needs no image file."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\x1a\x4a\x73")) + chunk(b"IEND", b""))


EVERYTHING = """
## Context

Plain, *emphasis*, **strong**, `code span`, a [link](https://example.org/page) and a
citation [@roediger2006, p. 250].[^note]

### A smaller heading

- first point
    - nested point
- second point

1. step one
2. step two

> A quoted line.

| Week | Quiz score |
|---|---|
| 1 | low |
| 2 | higher |

![Bar chart of quiz scores by week](images/chart.png)

```python
print("retrieval")
```

[^note]: A footnote with *emphasis*.
"""


def _structure_alts(pdf: bytes) -> list[str]:
    reader = PdfReader(BytesIO(pdf))
    found: list[str] = []

    def walk(node: object) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, dict):
            if "/Alt" in node:
                found.append(str(node["/Alt"]))
            walk(node.get("/K"))
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def test_every_markdown_construct_prints(tmp_path: Path) -> None:
    root = build_repo(tmp_path / "repo")
    (root / "research/2025/images").mkdir()
    (root / "research/2025/images/chart.png").write_bytes(png_pixel())
    entry = root / "research/2025/valid-entry.md"
    entry.write_text(entry.read_text("utf-8").split("## Context")[0] + EVERYTHING, "utf-8")
    result = validate(root)
    assert result.ok, result.problems
    pdf = build_pdf(root, assemble(result.sources), 2025, STAMP)
    text = pdf_text(pdf)
    for words in ("Plain, emphasis, strong, code span, a link", "(Roediger & Karpicke, 2006, p. 250)",
                  "A smaller heading", "nested point", "step two", "A quoted line.", "Quiz score",
                  "higher", 'print("retrieval")', "A footnote with emphasis."):
        assert squash(words) in squash(text), words
    assert "Bar chart of quiz scores by week" in _structure_alts(pdf)
