"""What search.js is given of the glossary and of a query's words (search_glossary.py,
search_words.py), checked against tests/search/rules.json: the fixture tests/js/ runs
search.js's rules over under Node, so the browser's rules and these tables cannot drift apart."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from goldenthread.generate import search_glossary as sg
from goldenthread.generate import search_index as si
from goldenthread.generate.glossary import anchor
from goldenthread.generate.search_words import FILLER_WORDS, STOP_WORDS, tables, term, tokens
from goldenthread.model import GlossaryTerm, KnowledgeBase, Named
from goldenthread.paths import entry_page, url_of

from ..conftest import REPO

FIXTURE = json.loads((REPO / "tests" / "search" / "rules.json").read_text("utf-8"))


def knowledge(glossary: list[dict[str, object]], topics: list[dict[str, str]]) -> KnowledgeBase:
    kb = KnowledgeBase()
    kb.topics = [Named(t["id"], t["name"]) for t in topics]
    kb.glossary = [GlossaryTerm(str(g["term"]), str(g["meaning"]), tuple(g.get("expansions", ())),  # type: ignore[arg-type]
                                tuple(g.get("other_names", ())), tuple(g.get("old_names", ())),  # type: ignore[arg-type]
                                str(g.get("topic", ""))) for g in glossary]
    return kb


def test_the_build_makes_the_fixtures_glossary_table() -> None:
    assert sg.glossary_table(knowledge(FIXTURE["glossary"], FIXTURE["topics"])) == FIXTURE["table"]


def test_the_fixtures_filler_words_are_the_builds() -> None:
    assert FIXTURE["filler"] == sorted(FILLER_WORDS)
    assert not FILLER_WORDS & STOP_WORDS  # a filler word stays in the index: "How Learning Happens"


@pytest.mark.parametrize("case", FIXTURE["queries"], ids=[q["query"] for q in FIXTURE["queries"]])
def test_the_fixtures_query_words_are_the_indexs(case: dict[str, object]) -> None:
    words = tokens(str(case["query"]))
    assert case["words"] == words and case["terms"] == [term(w) for w in words]


def test_the_fixtures_counted_words_follow_the_filler_words() -> None:
    """A query's words count unless filler; all count when all are (the rule search.js applies)."""
    for case in FIXTURE["counted"]:
        assert case["words"] == tokens(" ".join(case["words"]))
        kept = [w not in FILLER_WORDS for w in case["words"]]
        assert case["counted"] == (kept if any(kept) else [True] * len(kept))


def test_a_name_is_kept_once_and_every_name_is_a_key() -> None:
    kb = knowledge([{"term": "SENCo", "other_names": ["SENCO", "SENCos"], "meaning": "x"},
                    {"term": "the", "meaning": "only a stop word"}], [])
    table = sg.glossary_table(kb)
    # SENCO and SENCos are senco as the index spells them; "the" has no words to search
    assert table == [["SENCo", "senco", [["SENCo", "senco"]], []]]


def test_the_manifest_carries_the_glossary_and_what_the_results_are() -> None:
    from goldenthread.assemble import assemble
    from goldenthread.validation import validate

    kb = assemble(validate(REPO).sources)
    files = si.search_files(kb, {"library/glossary.md": "---\ntitle: Glossary\n---\n\n# Glossary\n\n"
                                 "Intro.\n\n## E\n\n### EHCP\n\nA plan.\n",
                                 "framework/evidence-map.md": "---\ntitle: Evidence map\n---\n\nThe map.\n"},
                          {"accessibility.md": "# Accessibility\n\nWhat we do.\n"})
    manifest = json.loads(files[si.MANIFEST])
    assert manifest["glossary"] == sg.glossary_table(kb)
    assert manifest["words"]["filler"].split() == sorted(FILLER_WORDS)
    assert manifest["words"] == json.loads(json.dumps(tables()))  # every table search.js makes terms with
    assert manifest["glossary_page"] == "library/glossary/"
    assert manifest["records"] == len(kb.titles) + len(kb.entries)
    ehcp = next(row for row in manifest["glossary"] if row[0] == "EHCP")
    assert ehcp[1] == anchor("EHCP")
    assert ["education, health and care plan", "educ health care plan"] in ehcp[2]
    docs = [d for n in range(-(-manifest["docs"] // manifest["chunk"]))
            for d in json.loads(files[f"search-index/d/{n}.json"])]
    labels = {d[0]: d[2] for d in docs}
    assert labels["library/make-it-stick/"] == "Book" and labels["library/send-code-of-practice/"] == "Report"
    assert all(labels[url_of(entry_page(e))] == "Action research" for e in kb.entries)
    assert labels["framework/evidence-map/"] == "Framework" and labels["accessibility/"] == "Page"
    glossary = next(d for d in docs if d[0] == "library/glossary/")
    assert "EHCP" not in glossary[3]  # the page is found by its name, not by every term on it


def test_search_js_rules_pass_under_node() -> None:
    """tests/js/ under Node's own test runner, so `make test` runs them too."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("NODE TESTS SKIPPED: no node on PATH (tests/js/ needs Node 18 or newer)")
    run = subprocess.run([node, "--test", str(REPO / "tests" / "js")], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "# fail 0" in run.stdout
