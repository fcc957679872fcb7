"""The trust's identity (docs/trust.yaml): what validate says of a part left unset, and the
pages and outputs that read it."""

from __future__ import annotations

import json
from pathlib import Path

from goldenthread.cli import main
from goldenthread.identity import EXPECTED

from .conftest import Write


def _identity_problems(repo: Path, capsys: object) -> list[dict[str, object]]:
    main(["--root", str(repo), "validate", "--format", "json"])
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    return [p for p in json.loads(out) if p["path"] == "docs/trust.yaml"]


def test_each_part_left_unset_is_a_notice_at_its_line(repo: Path, write: Write, capsys: object) -> None:
    write("docs/trust.yaml", "name: Riverside Learning Partnership\nemail: \"\"\n")
    found = _identity_problems(repo, capsys)
    assert {p["code"] for p in found} == {"identity-unset"}
    assert {p["level"] for p in found} == {"notice"}
    assert len(found) == len(EXPECTED) - 1  # the name is set
    email = next(p for p in found if str(p["message"]).startswith("email "))
    assert email["line"] == 2
    assert main(["--root", str(repo), "validate"]) == 0  # notices do not make the content invalid


def test_a_mistyped_part_is_refused_at_its_line(repo: Path, write: Write, capsys: object) -> None:
    write("docs/trust.yaml", "name: A Trust\nemial: hello@a.example\n")
    found = _identity_problems(repo, capsys)
    assert [(p["line"], p["code"]) for p in found if p["level"] == "error"] == [(2, "unknown-field")]


def test_the_footer_and_the_about_page_read_it(repo: Path, write: Write) -> None:
    write("docs/trust.yaml", "name: Riverside Learning Partnership\nemail: hello@riverside.example\n"
                             "footer: Riverside Learning Partnership, a charity in England\n"
                             "privacy: https://riverside.example/privacy\n")
    from .site.test_build import copy_repository  # a whole site: mkdocs.yml, theme, texts

    site_root = copy_repository(repo.parent / "whole")
    (site_root / "docs/trust.yaml").write_text((repo / "docs/trust.yaml").read_text("utf-8"), "utf-8")
    assert main(["--root", str(site_root), "build"]) == 0
    about = (site_root / "site/about/index.html").read_text("utf-8")
    assert "About Riverside Learning Partnership" in about and "<title>About - " in about
    assert "mailto:hello@riverside.example" in about and "https://riverside.example/privacy" in about
    home = (site_root / "site/index.html").read_text("utf-8")
    assert "Riverside Learning Partnership, a charity in England" in home  # the footer, every page
    feed = (site_root / "site/research/feed.xml").read_text("utf-8")
    assert "Riverside Learning Partnership" in feed
