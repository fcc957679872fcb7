"""The Python half of tests/data/browser-rules/search_words.json: words and texts with what
search_words.py and search_stem.py make of them (stem, spelling, term; tokens, terms; what a
word being typed may begin, a term's other forms), and the tables the search index's manifest
carries to search.js (search_words.tables()). tests/js/search_words.test.js runs search.js's
rules over the same tables and rows under Node, so the browser's words cannot drift from the
index's. After a change to the rules, rewrite the rows' answers for the same words and texts:
GT_WRITE_FIXTURES=1 pytest tests/generate/test_search_words_fixture.py"""

from __future__ import annotations

import json
import os
from typing import Any

from goldenthread.generate import search_stem as ss
from goldenthread.generate import search_words as sw

from ..conftest import REPO
from .test_search_stem import PUBLISHED

FIXTURE = REPO / "tests" / "data" / "browser-rules" / "search_words.json"
# Porter2's exceptional forms, as Martin Porter published them with the algorithm (2006).
PORTER2_EXCEPTIONS = {"skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie",
                      "idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli",
                      "singly": "singl", "sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas",
                      "cosmos": "cosmos", "bias": "bias", "andes": "andes"}
PORTER2_AFTER_STEP_1A = ("inning", "outing", "canning", "herring", "earring", "proceed", "exceed",
                         "succeed")
ABOUT = ("search_words.py and search_stem.py on words and texts, and the tables the search index's "
         "manifest carries (\"words\": search_words.tables()), which search.js's rules.words reads. "
         "words: [word, stem, spelling, term]; texts: [text, tokens, terms]; typing: [word being "
         "typed, partials, typed_forms]; forms: [shorter, longer, other_form]. Rewrite the answers "
         "with GT_WRITE_FIXTURES=1 (tests/generate/test_search_words_fixture.py).")


def answers(stored: dict[str, Any]) -> dict[str, Any]:
    """The fixture for the stored words and texts, as the Python answers them now."""
    return json.loads(json.dumps({
        "about": ABOUT,
        "tables": sw.tables(),
        "words": [[w, ss.stem(w), sw.spelling(w), sw.term(w)] for w, *_ in stored["words"]],
        "texts": [[t, sw.tokens(t), sw.terms(t)] for t, *_ in stored["texts"]],
        "typing": [[w, sw.partials(w), sw.typed_forms(w)] for w, *_ in stored["typing"]],
        "forms": [[a, b, sw.other_form(a, b)] for a, b, *_ in stored["forms"]],
    }, ensure_ascii=False))


def written(table: dict[str, Any]) -> str:
    """The fixture as JSON, a row a line."""
    def line(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)
    tables = json.dumps(table["tables"], indent=1, ensure_ascii=False).replace("\n", "\n ")
    parts = [f' "about": {line(table["about"])}', f' "tables": {tables}']
    parts += [f' "{part}": [\n' + ",\n".join("  " + line(row) for row in table[part]) + "\n ]"
              for part in ("words", "texts", "typing", "forms")]
    return "{\n" + ",\n".join(parts) + "\n}\n"


def stored() -> dict[str, Any]:
    return dict(json.loads(FIXTURE.read_text("utf-8")))


def test_every_row_is_what_the_python_gives() -> None:
    if os.environ.get("GT_WRITE_FIXTURES"):
        FIXTURE.write_text(written(answers(stored())), "utf-8")
    table = stored()
    expected = answers(table)
    assert table["tables"] == expected["tables"]
    for part in ("words", "texts", "typing", "forms"):
        for row, wanted in zip(table[part], expected[part], strict=True):
            assert row == wanted, part


def test_the_words_reach_every_exception_pattern_and_table() -> None:
    """Porter2's exceptional words and its published examples, every spelling pattern and
    listed spelling, every irregular plural, every suffix of steps 2 to 4: each is in the
    table, so search.js cannot get one of them wrong unnoticed."""
    table = stored()
    stems = {w: s for w, s, *_ in table["words"]}
    assert {w: stems[w] for w in PORTER2_EXCEPTIONS} == PORTER2_EXCEPTIONS
    assert {w: stems[w] for w in PORTER2_AFTER_STEP_1A} == {w: w for w in PORTER2_AFTER_STEP_1A}
    assert set(ss._EXCEPTIONS) | ss._AFTER_STEP_1A == set(PORTER2_EXCEPTIONS) | set(PORTER2_AFTER_STEP_1A)
    assert all(stems[w] == s for w, s in PUBLISHED)
    words = list(stems)
    for prefix in ss._R1_PREFIXES:
        assert sum(w.startswith(prefix) and len(w) > len(prefix) for w in words) >= 2, prefix
    for pattern, replacement in sw._PATTERNS:
        assert any(w.isascii() and pattern.sub(replacement, w) != w for w in words), pattern.pattern
    assert set(sw._WORDS) | set(sw._PLURALS) <= set(words)
    for suffix in [s for s, _ in ss._STEP2] + [s for s, _ in ss._STEP3] + list(ss._STEP4):
        endings = (suffix, suffix[:-1] + "y") if suffix.endswith("i") else (suffix,)
        assert any(w.endswith(endings) for w in words), suffix
    assert len(words) >= 500 and len(set(words)) == len(words)


def test_the_typing_and_forms_rows_reach_each_rule() -> None:
    table = stored()
    typed = [w for w, *_ in table["typing"]]
    for pattern, replacement in (*sw._TYPED, sw._TYPED_SINGLE):
        assert any(pattern.sub(replacement, sw.spelling(w)) != sw.spelling(w) for w in typed), pattern.pattern
    assert any(forms for _, _, forms in table["typing"]) and any(not forms for _, _, forms in table["typing"])
    assert {found for *_, found in table["forms"]} == {True, False}


def test_the_texts_reach_every_folded_letter_and_hyphens() -> None:
    texts = " ".join(t for t, *_ in stored()["texts"]).lower()
    assert all(letter in texts for letter in sw.FOLDS), [c for c in sw.FOLDS if c not in texts]
    assert all(hyphen in texts for hyphen in sw.HYPHENS)


def test_the_patterns_are_ones_javascript_reads_alike() -> None:
    """The manifest's patterns are written for JavaScript's RegExp: groups, no look-behind,
    no Python-only syntax; replacements in $1 form."""
    tables = sw.tables()
    pairs = [*tables["patterns"], *tables["typed"], tables["single"], tables["final"]]  # type: ignore[misc]
    for source, replacement in pairs:
        assert "(?<" not in source and "(?P" not in source and "\\Z" not in source and "\\A" not in source
        assert "\\" not in replacement.replace("\\\\", ""), replacement
