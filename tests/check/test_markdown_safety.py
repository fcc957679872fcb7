from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goldenthread.check.markdown_safety import unsafe_content
from goldenthread.validation import validate

from ..conftest import build_repo


@pytest.mark.parametrize(("text", "code", "line"), [
    ("a\n<script>x</script>", "unsafe-html", 2),
    ("<SCRIPT >", "unsafe-html", 1),
    ("<object data='x'>", "unsafe-html", 1),
    ("<embed src=x>", "unsafe-html", 1),
    ("<div\n  onclick='x'>", "unsafe-attribute", 2),
    ("<svg/onload=alert(1)>", "unsafe-attribute", 1),
    ("[a](javascript:alert(1))", "unsafe-link", 1),
    ("[a]( JaVaScRiPt:alert(1))", "unsafe-link", 1),
    ("![a](data:image/png;base64,AAAA)", "unsafe-link", 1),
    ("[r]: javascript:alert(1)", "unsafe-link", 1),
    ("<javascript:alert(1)>", "unsafe-link", 1),
    ("<a href='java\tscript:x'>", "unsafe-link", 1),
    ("<a href=\"&#106;avascript:x\">", "unsafe-link", 1),
    ("[a](vbscript:x)", "unsafe-link", 1),
])
def test_active_content_is_found(text: str, code: str, line: int) -> None:
    assert (line, code) in [(l, c) for l, _, c, _ in unsafe_content(text)]


@pytest.mark.parametrize("text", [
    "Use `<script>` to load code.",
    "```html\n<script>alert(1)</script>\n```",
    "[EEF](https://educationendowmentfoundation.org.uk)",
    "Pupils were ontask; the one-to-one sessions ran online.",
    "<abbr title='Special educational needs'>SEN</abbr>",
    "A ratio of 3:1 and data: lots of it.",
])
def test_safe_text_passes(text: str) -> None:
    assert unsafe_content(text) == []


# The allow-list, as a browser reads markup: what is not known to be inert is refused.
ALLOW_LIST = [
    ("<h:script>alert(1)</h:script>", "unsafe-html", 1),
    ("<s:script xmlns:s='http://www.w3.org/2000/svg'>", "unsafe-html", 1),
    ("<svg><a xlink:href='javascript:x'>", "unsafe-html", 1),
    ("<math><mtext>", "unsafe-html", 1),
    ("<form action='https://x'>", "unsafe-html", 1),
    ("<input autofocus onfocus=x>", "unsafe-html", 1),
    ("<style>body{}</style>", "unsafe-html", 1),
    ("<link rel=stylesheet href=x>", "unsafe-html", 1),
    ("<meta http-equiv=refresh content='0;url=x'>", "unsafe-html", 1),
    ("<base href='https://evil.example/'>", "unsafe-html", 1),
    ("<template><img src=x onerror=y></template>", "unsafe-html", 1),
    ("<video src=x>", "unsafe-html", 1),
    ("<custom-element>", "unsafe-html", 1),
    ("text\n\n<ScRiPt\n>", "unsafe-html", 3),
    ("<a href='&#106;avascript:x'>a</a>", "unsafe-link", 1),
    ("<a href='&#x6A;&#x61;vascript:x'>a</a>", "unsafe-link", 1),
    ("<a href='javascript&colon;x'>a</a>", "unsafe-link", 1),
    ("<a href='java&#10;script:x'>a</a>", "unsafe-link", 1),
    ("<a href=' \x01javascript:x'>a</a>", "unsafe-link", 1),
    ("<a href=JAVASCRIPT:x>a</a>", "unsafe-link", 1),
    ("<a href='data:text/html,<script>x</script>'>a</a>", "unsafe-link", 1),
    ("<a href='file:///etc/passwd'>a</a>", "unsafe-link", 1),
    ("<img src='vbscript:x' alt='a'>", "unsafe-link", 1),
    ("[a](&#106;avascript:x)", "unsafe-link", 1),
    ("[a](<javascript:x>)", "unsafe-link", 1),
    ("[a]: &#x6a;avascript:x", "unsafe-link", 1),
    ("[a][r]\n\n[r]: data:text/html,x", "unsafe-link", 3),
    ("<a style='position:fixed'>a</a>", "unsafe-attribute", 1),
    ("<div srcdoc='x'>", "unsafe-attribute", 1),
    ("<p formaction=x>", "unsafe-attribute", 1),
    ("<img src=x.png alt=a onerror=x>", "unsafe-attribute", 1),
    ("<a href=x ONCLICK=y>", "unsafe-attribute", 1),
    ("<p\nonpointerenter=x>", "unsafe-attribute", 2),
    ("Text\n{: onclick=x }", "unsafe-attribute", 2),
    ("# Head {: style='x' }", "unsafe-attribute", 1),
    ("[a](https://x){: href='javascript:x' }", "unsafe-link", 1),
    ("x &#x202E; y", "control-character", 1),
]


@pytest.mark.parametrize(("text", "code", "line"), ALLOW_LIST, ids=range(len(ALLOW_LIST)))
def test_what_the_allow_list_does_not_know_is_refused(text: str, code: str, line: int) -> None:
    assert (line, code) in [(l, c) for l, _, c, _ in unsafe_content(text)]


@pytest.mark.parametrize("text", [
    "<https://example.org/a?b=c>",
    "<someone@example.org>",
    "<div class='grid cards' markdown>\n\n- a\n\n</div>",
    "<details open><summary>More</summary>Text</details>",
    "<a href='https://example.org' rel='noopener' target='_blank'>a</a>",
    "<a href='mailto:lead@example.org'>mail</a>",
    "<a href='../library/index.md#top'>up</a>",
    "<img src='images/chart.png' alt='A chart' width='400'>",
    "<table><tr><th scope='col' colspan='2'>a</th></tr></table>",
    "<span aria-hidden='true' lang='fr'>x</span>",
    "[a](https://example.org/javascript:x)",
    "Ratio 3:1, [a](#section) and [b](page.md)",
    "`<script>`, ``<h:script>``",
    "~~~\n<iframe>\n~~~",
    "x \u2066isolated\u2069 y",
])
def test_what_the_allow_list_knows_passes(text: str) -> None:
    assert unsafe_content(text) == []


def test_code_spans_are_found_in_linear_time() -> None:
    """Backtick runs of length 1 to 400 (78 KB): the pattern it replaced took 50 s at 80 KB."""
    import time

    from goldenthread.check.markdown_safety import without_code
    text = "".join("`" * n + "x " for n in range(1, 400))
    started = time.process_time()
    for _ in range(5):
        without_code(text)
    assert time.process_time() - started < 2.0  # a quadratic scan takes minutes


@pytest.mark.parametrize(("text", "blanked"), [
    ("a `b` c", "a     c"),
    ("a ``b`c`` d", "a         d"),
    ("a ```b`` c", "a `      c"),
    ("a ``b` c` d", "a `    c` d"),
    ("``a` `b``", "         "),
    ("`a\nb`", "  \n  "),
    ("`` ` ``", "       "),
    ("x ```y`", "x ``   "),
])
def test_code_spans_are_those_of_the_pattern(text: str, blanked: str) -> None:
    """The linear scan blanks exactly what (`+)(?!`)(.+?)(?<!`)\\1(?!`) matched."""
    import re

    from goldenthread.check.markdown_safety import without_code
    old = re.sub(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text,
                 flags=re.DOTALL)
    assert without_code(text) == old == blanked


@given(st.text(alphabet="`a \n~", max_size=60))
def test_code_spans_match_the_pattern_on_any_text(text: str) -> None:
    import re

    from goldenthread.check.markdown_safety import _FENCED, without_code
    fenced = _FENCED.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    old = re.sub(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", lambda m: re.sub(r"[^\n]", " ", m.group(0)), fenced,
                 flags=re.DOTALL)
    assert without_code(text) == old


PATHWAYS = """\
- career_stage: early-career-teacher
  introduction: >-
    For new teachers. {intro}
  steps:
    - title: make-it-stick
      why: "{why}"
    - title: make-it-stick-2
      why: Then this.
    - title: make-it-stick-3
      why: Then this.
"""


@pytest.mark.parametrize(("path", "content", "line"), [
    ("research/2025/_foreword.md", "A foreword.\n\n<h:script>x</h:script>\n", 3),
    ("research/2025/_foreword.md", "A [link](&#106;avascript:x).\n", 1),
    ("docs/support.md", "# Support\n\n<form action=x>\n", 3),
    ("docs/_text/library.md", "Intro <img src=x onerror=y>\n", 1),
    ("library/pathways.yaml", PATHWAYS.format(intro="<iframe src=x>", why="Read it."), 3),
    ("library/pathways.yaml", PATHWAYS.format(intro="Read.", why="[a](javascript:x)"), 6),
], ids=["foreword script", "foreword link", "page form", "intro handler", "pathway intro", "pathway why"])
def test_every_published_text_takes_the_rule(tmp_path: Path, path: str, content: str, line: int) -> None:
    root = build_repo(tmp_path / "repo")
    (root / path).parent.mkdir(parents=True, exist_ok=True)
    (root / path).write_text(content, "utf-8")
    record = (root / "library/titles/make-it-stick.yaml").read_text("utf-8")
    for number in (2, 3):  # a pathway has at least three steps
        without_isbn = record.replace('isbn: "9780674729018"\n', "")
        (root / f"library/titles/make-it-stick-{number}.yaml").write_text(without_isbn, "utf-8")
    found = [(p.path, p.line, p.code) for p in validate(root).problems if p.code.startswith("unsafe-")]
    assert [(p, n) for p, n, _ in found][:1] == [(path, line)], found
