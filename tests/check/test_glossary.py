"""The glossary (library/glossary.yaml) is checked like every source: a name given twice, terms
that name each other in a circle and unknown topics are refused, each at its line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from goldenthread.check.glossary import name_key
from goldenthread.cli import main

from ..conftest import REPO


def run(repo: Path, text: str, capsys: pytest.CaptureFixture[str]) -> list[tuple[int, str, str]]:
    (repo / "library" / "glossary.yaml").write_text(text, "utf-8")
    code = main(["--root", str(repo), "validate", "--format", "json"])
    found = [(p["line"], p["code"], p["message"]) for p in json.loads(capsys.readouterr().out)]
    assert code == (1 if found else 0)
    return found


VALID = """\
- term: ECT
  expansions: [early career teacher]
  old_names: [NQT]
  meaning: A teacher in their first two years.
  topic: coaching-and-professional-development
- term: CPD
  other_names: [PD, ECT]
  meaning: Learning throughout a career.
"""


def test_a_valid_glossary_with_a_cross_reference(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(repo, VALID, capsys) == []  # CPD names ECT, another term: a cross-reference, no loop


CASES = [  # (what is wrong, the glossary, [(line, code, words the message must hold)])
    ("a term defined twice (case and hyphens aside)", """\
- term: SENCo
  meaning: The SEN co-ordinator.
- term: Low-level disruption
  meaning: Minor behaviour.
- term: SENCO
  meaning: Again.
- term: low level disruption
  meaning: Again.
""", [(5, "glossary-duplicate", "'SENCO' is already a term of the glossary (line 1)"),
      (7, "glossary-duplicate", "'low level disruption' is already a term")]),
    ("one name given to two terms", """\
- term: SEND
  other_names: [SEN]
  meaning: Needs.
- term: SEN support
  other_names:
    - learning support
    - SEN
  meaning: Support.
""", [(7, "glossary-duplicate", "'SEN' is already a name of 'SEND' (line 2)")]),
    ("a name given to its own term", """\
- term: TA
  expansions: [teaching assistant, Teaching Assistant]
  other_names: [TA]
  meaning: Support staff.
""", [(2, "glossary-duplicate", "'TA' already has the name 'Teaching Assistant'"),
      (3, "glossary-duplicate", "'TA' already has the name 'TA' (line 1)")]),
    ("two terms naming each other", """\
- term: CPD
  other_names: [PD]
  meaning: Learning throughout a career.
- term: PD
  other_names:
    - CPD
  meaning: The same.
""", [(6, "glossary-loop", "CPD → PD → CPD")]),
    ("a loop through three terms, reported once", """\
- term: A1
  other_names: [B2]
  meaning: One.
- term: B2
  other_names: [C3]
  meaning: Two.
- term: C3
  old_names:
    - A1
  meaning: Three.
""", [(9, "glossary-loop", "A1 → B2 → C3 → A1")]),
    ("an unknown topic", """\
- term: EHCP
  meaning: A plan.
  topic: sen
""", [(3, "unknown-topic", "'EHCP' belongs to the topic 'sen', which does not exist")]),
    ("no meaning, and an empty list", """\
- term: KS2
  expansions: []
""", [(1, "missing-field", "'meaning'"), (2, "empty-list", "")]),
]


@pytest.mark.parametrize(("text", "expected"), [(text, expected) for _, text, expected in CASES],
                         ids=[what for what, _, _ in CASES])
def test_glossary_problems_at_their_lines(repo: Path, capsys: pytest.CaptureFixture[str], text: str,
                                          expected: list[tuple[int, str, str]]) -> None:
    found = run(repo, text, capsys)
    assert [(line, code) for line, code, _ in found] == [(line, code) for line, code, _ in expected], found
    for (_, _, message), (_, _, words) in zip(found, expected, strict=True):
        assert words in message, message


def test_the_shipped_glossary_is_valid_and_covers_what_a_teacher_meets(
        capsys: pytest.CaptureFixture[str]) -> None:
    main(["--root", str(REPO), "validate", "--format", "json"])
    assert [p for p in json.loads(capsys.readouterr().out) if p["path"] == "library/glossary.yaml"] == []
    import yaml

    glossary = yaml.safe_load((REPO / "library" / "glossary.yaml").read_text("utf-8"))
    terms = {name_key(item["term"]) for item in glossary}
    assert {"send", "ehcp", "semh", "senco", "ks1", "ks2", "ks5", "eyfs", "sats", "ofsted", "deep dive",
            "ect", "ecf", "npq", "cpd", "slt", "ta", "dsl", "pupil premium", "adaptive teaching",
            "walkthrus", "instructional coaching", "retrieval practice", "metacognition",
            "low level disruption", "eal", "fsm", "mat"} <= terms
