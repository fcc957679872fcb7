"""`goldenthread init`: a second trust starts from nothing and builds its own site, with a
framework of another shape, and none of this Trust's framework or identity on it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from goldenthread.cli import main

OTHER_FRAMEWORK = """\
dimensions:
  - id: goals
    name: Goals
    singular: goal
    map: rows
    items:
      - {id: belonging, name: Every child belongs}
      - {id: oracy, name: Every child speaks with confidence}
      - {id: numeracy, name: Every child counts with confidence}
  - id: cycles
    name: Cycles
    singular: cycle
    map: columns
    items:
      - {id: notice, number: 1, name: Notice, summary: We look closely at what is happening.}
      - {id: try, number: 2, name: Try, summary: We try a change for a while.}
      - {id: learn, number: 3, name: Learn, summary: We learn from what changed.}
      - {id: share, number: 4, name: Share, summary: We share it across the schools.}
      - {id: keep, number: 5, name: Keep, summary: We keep what worked.}
  - id: strands
    name: Strands
    items:
      - {id: pastoral, name: Pastoral}
      - {id: academic, name: Academic}
"""
TITLE = """\
title: Make It Stick
subtitle: The Science of Successful Learning
authors: [Peter C. Brown, Henry L. Roediger III, Mark A. McDaniel]
year: 2014
topics: [teaching-and-learning]
goals: [oracy, numeracy]
cycles: [try, keep]
strands: [academic]
formats: [print]
summary: Why retrieval and spacing help learning last.
"""
# Words of this Trust's framework and identity that no page of another trust's site may hold.
THIS_TRUST = ("NFER", "golden thread", "the Trust", "building block", "Principle", "Explore",
              "Staff Professional", "The Trust", "Ashdown", "securing equity")


@pytest.fixture(scope="module")
def second_trust(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("riverside")
    assert main(["init", str(root), "--name", "Riverside Learning Partnership",
                 "--email", "hello@riverside.example"]) == 0
    (root / "docs/framework.yaml").write_text(OTHER_FRAMEWORK, "utf-8")
    for path in (root / "library/titles").glob("*.yaml"):
        path.write_text(TITLE, "utf-8")
    for entry in (root / "research").rglob("an-example-entry.md"):
        text = entry.read_text("utf-8")
        text = re.sub(r"^priorities: .*\n", "goals: [belonging]\nstrands: [pastoral]\n", text, flags=re.M)
        entry.write_text(re.sub(r"^phases: .*\n", "cycles: [notice, share]\n", text, flags=re.M), "utf-8")
    assert main(["--root", str(root), "validate"]) == 0
    assert main(["--root", str(root), "build"]) == 0
    return root


def test_init_never_overwrites(second_trust: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (second_trust / "docs/trust.yaml").read_text("utf-8")
    assert main(["init", str(second_trust), "--name", "Someone Else"]) == 2
    assert "never overwrites" in capsys.readouterr().err
    assert (second_trust / "docs/trust.yaml").read_text("utf-8") == before


def test_every_item_has_its_page(second_trust: Path) -> None:
    site = second_trust / "site"
    for folder, items in (("goals", ("belonging", "oracy", "numeracy")),
                          ("cycles", ("notice", "try", "learn", "share", "keep")),
                          ("strands", ("pastoral", "academic"))):
        for item in items:
            assert (site / "framework" / folder / item / "index.html").is_file(), (folder, item)
    index = (site / "framework/index.html").read_text("utf-8")
    assert all(name in index for name in ("Goals", "Cycles", "Strands", "We keep what worked."))
    assert "evidence-map" in index


def test_the_catalogue_and_the_forms_offer_the_items(second_trust: Path) -> None:
    site = second_trust / "site"
    catalogue = (site / "library/index.html").read_text("utf-8")
    for name, items in (("goals", ("belonging", "oracy")), ("cycles", ("notice", "keep")),
                        ("strands", ("pastoral",))):
        assert f'name="{name}"' in catalogue
        assert all(f'value="{item}"' in catalogue for item in items)
    form = (site / "contributing/write/index.html").read_text("utf-8")
    assert all(f'id="gt-{name}-{item}"' in form for name, item in
               (("goals", "numeracy"), ("cycles", "share"), ("strands", "academic")))


def test_the_trust_is_named_and_this_trust_is_not(second_trust: Path) -> None:
    site = second_trust / "site"
    assert "Riverside Learning Partnership" in (site / "about/index.html").read_text("utf-8")
    assert "hello@riverside.example" in (site / "accessibility/index.html").read_text("utf-8")
    # The framework's, the library's and the research's pages, their exports and feeds.
    checked = [p for folder in ("framework", "library", "research") for p in (site / folder).rglob("*")
               if p.suffix in (".html", ".xml", ".bib", ".ris", ".json", ".cff")]
    checked += [site / "index.html", site / "about/index.html", site / "accessibility/index.html"]
    assert len(checked) > 15
    for path in checked:
        text = path.read_text("utf-8")
        found = [word for word in THIS_TRUST if word in text]
        assert not found, (path.relative_to(site), found)
