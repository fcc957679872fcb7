"""`goldenthread audit`: passes on the real build, fails on a broken link, a missing page and
an injected event handler, each at its file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from goldenthread.assemble import assemble
from goldenthread.audit.site import audit_site
from goldenthread.cli import main
from goldenthread.validation import validate

from .conftest import BuiltSite


@pytest.fixture
def site(built: BuiltSite, tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(built.site, copy)
    return copy


def codes(site: Path, built: BuiltSite) -> list[tuple[str, int, str]]:
    return [(p.path, p.line, p.code) for p in audit_site(site, built.knowledge)]


def test_real_build_passes(built: BuiltSite) -> None:
    assert audit_site(built.site, built.knowledge) == []


def test_broken_link_is_found(site: Path, built: BuiltSite) -> None:
    page = site / "support" / "index.html"
    lines = page.read_text("utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if "<article" in line) + 1
    lines.insert(at, '<p><a href="../no-such-page/">gone</a> <a href="../library/#nowhere">x</a></p>')
    page.write_text("\n".join(lines), "utf-8")
    assert codes(site, built) == [("site/support/index.html", at + 1, "broken-link"),
                                  ("site/support/index.html", at + 1, "broken-anchor")]


def test_missing_page_is_found(site: Path, built: BuiltSite) -> None:
    title = built.knowledge.titles[0]
    shutil.rmtree(site / "library" / title.id)
    found = codes(site, built)
    assert (f"site/library/{title.id}/index.html", 1, "missing-page") in found
    assert all(code in ("missing-page", "broken-link") for _, _, code in found)


def test_injected_onerror_is_found(site: Path, built: BuiltSite) -> None:
    page = site / "library" / "index.html"
    injected = '<img src="x.png" alt="x" onerror="alert(1)"><article'
    text = page.read_text("utf-8").replace("<article", injected, 1)
    page.write_text(text, "utf-8")
    line = text[: text.index("onerror")].count("\n") + 1
    found = codes(site, built)
    assert ("site/library/index.html", line, "unsafe-attribute") in found


def test_injected_script_and_script_url_are_found(site: Path, built: BuiltSite) -> None:
    page = site / "accessibility" / "index.html"
    text = page.read_text("utf-8").replace(
        "<article", '<script>steal()</script><a href="javascript:steal()">x</a><article', 1)
    page.write_text(text, "utf-8")
    # the page's Content-Security-Policy does not admit it either: a browser would refuse it
    assert {code for _, _, code in codes(site, built)} == {"unsafe-script", "csp-blocked", "unsafe-link"}


DEPTHS = ("index.html", "library/index.html", "research/2025/retrieval-practice-in-year-4/index.html")


@pytest.mark.parametrize("page", DEPTHS)
@pytest.mark.parametrize("attributes", [
    "", ' type="text/javascript"', ' type=" TEXT/JavaScript "', ' type="text/ecmascript"',
    ' type="application/x-javascript"', ' type="text/javascript; charset=utf-8"', ' type="module"',
    ' type="importmap"', ' language="javascript"'])
def test_every_kind_of_script_a_browser_runs_is_found(site: Path, built: BuiltSite, page: str,
                                                      attributes: str) -> None:
    path = site / page
    script = f'<script{attributes}>{{"steal": 1}}</script>'
    text = path.read_text("utf-8").replace("<article", script + "<article", 1)
    path.write_text(text, "utf-8")
    found = {code for _, _, code in codes(site, built)}
    assert "unsafe-script" in found, attributes


@pytest.mark.parametrize("page", DEPTHS)
@pytest.mark.parametrize("kind", ["application/ld+json", "application/json", "text/plain", "text/template"])
def test_data_blocks_are_not_scripts_at_any_depth(site: Path, built: BuiltSite, page: str, kind: str) -> None:
    """JSON-LD and other data blocks are data: a browser never runs them."""
    path = site / page
    data = f'<script type="{kind}">{{"@type": "Thing"}}</script>'
    text = path.read_text("utf-8").replace("<article", data + "<article", 1)
    path.write_text(text, "utf-8")
    assert codes(site, built) == []


def test_the_theme_scripts_pass_at_every_depth(built: BuiltSite) -> None:
    """The same theme script names the root as "." at the top, "../../.." three folders down
    and "/" in 404.html: each is the theme's own, and each page's policy admits it."""
    scripts = {}
    for page in (*DEPTHS, "404.html"):
        text = (built.site / page).read_text("utf-8")
        scripts[page] = text[text.index("__md_scope=new URL("):][:40]
    assert len(set(scripts.values())) == len(scripts)
    assert audit_site(built.site, built.knowledge) == []


def test_a_page_without_its_policy_is_found(site: Path, built: BuiltSite) -> None:
    page = site / "support" / "index.html"
    text = page.read_text("utf-8")
    start = text.index('<meta http-equiv="Content-Security-Policy"')
    page.write_text(text[:start] + text[text.index(">", start) + 1:], "utf-8")
    assert codes(site, built) == [("site/support/index.html", 1, "csp-missing")]


def test_a_policy_after_the_first_script_is_found(site: Path, built: BuiltSite) -> None:
    page = site / "support" / "index.html"
    text = page.read_text("utf-8")
    start = text.index('<meta http-equiv="Content-Security-Policy"')
    meta = text[start:text.index(">", start) + 1]
    text = text[:start] + text[start + len(meta):]
    page.write_text(text.replace("</body>", meta + "</body>"), "utf-8")
    assert {code for _, _, code in codes(site, built)} == {"csp-missing"}


def test_audit_command(site: Path, built: BuiltSite, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(built.root), "audit", "--site", str(site)]) == 0
    (site / "library" / built.knowledge.titles[1].id / "index.html").unlink()
    assert main(["--root", str(built.root), "audit", "--site", str(site), "--format", "github"]) == 1
    assert "::error file=site/library/" in capsys.readouterr().out


def test_build_fails_when_the_audit_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A problem only the audit can see stops the build; site/ is left as it was."""
    from goldenthread.export.bibtex import LIBRARY_EXPORT
    from goldenthread.mkdocs_plugin import build as build_module
    from goldenthread.publish.generation import Plan

    from .test_build import copy_repository, digest

    root = copy_repository(tmp_path / "repo")
    assert build_module.build(root).site is not None
    before = digest(root / "site")
    real = Plan.make_outputs
    monkeypatch.setattr(Plan, "make_outputs", lambda plan, timestamp: {
        **real(plan, timestamp), LIBRARY_EXPORT: b""})
    result = build_module.build(root)
    assert result.site is None and {p.code for p in result.problems} == {"missing-export"}
    assert digest(root / "site") == before
    assert assemble(validate(root).sources).titles
