"""Words to search terms: British and American spelling as one, other forms of a word as
one, hyphenated words closed up, and what is not a word to search by."""

from __future__ import annotations

import pytest

from goldenthread.generate import search_words as sw

SAME = [  # pairs a reader would mean by the same word
    # British and American spelling
    ("behaviour", "behavior"), ("behavioural", "behavioral"), ("colours", "colors"),
    ("organisation", "organization"), ("organised", "organized"), ("organisational", "organizational"),
    ("prioritise", "prioritize"), ("summarising", "summarizing"), ("analyse", "analyze"),
    ("centre", "center"), ("centred", "centered"), ("fibres", "fibers"), ("catalogue", "catalog"),
    ("dialogues", "dialogs"), ("licence", "license"), ("defence", "defense"),
    ("judgement", "judgment"), ("paediatric", "pediatric"), ("modelling", "modeling"),
    ("travelled", "traveled"), ("cancelled", "canceled"), ("programme", "program"),
    ("skilful", "skillful"), ("fulfil", "fulfill"), ("enrol", "enroll"), ("practise", "practice"),
    ("practising", "practicing"), ("enquiry", "inquiry"), ("grey", "gray"), ("whilst", "while"),
    # other forms of a word
    ("exclusions", "exclusion"), ("behaviours", "behaviour"), ("assistants", "assistant"),
    ("mentoring", "mentors"), ("interleaving", "interleave"), ("quizzes", "quiz"),
    ("spaced", "spacing"), ("attendance", "attending"), ("questions", "questioning"),
    ("children", "child"), ("curricula", "curriculum"), ("criteria", "criterion"),
]
APART = [  # words that must stay apart
    ("four", "for"), ("hour", "her"), ("your", "yor"), ("size", "sise"), ("vogue", "vog"),
    ("aerial", "erial"), ("teacher", "teach"), ("poet", "pet"), ("organ", "organise"),
]


@pytest.mark.parametrize(("one", "other"), SAME)
def test_words_meant_alike_are_one_term(one: str, other: str) -> None:
    assert sw.term(one) == sw.term(other)


@pytest.mark.parametrize(("one", "other"), APART)
def test_short_and_different_words_stay_apart(one: str, other: str) -> None:
    assert sw.term(one) != sw.term(other)


def test_a_hyphenated_word_is_its_parts_and_closed_up() -> None:
    assert sw.terms("Well-being") == [sw.term("well"), sw.term("being"), sw.term("wellbeing")]
    assert sw.term("wellbeing") in sw.terms("self-regulated well‑being")  # a non-breaking hyphen too
    assert sw.term("selfregulation") in sw.terms("self-regulated learning")
    assert sw.terms("Bambrick-Santoyo") == ["bambrick", "santoyo", "bambricksantoyo"]
    assert sw.terms("one-to-one") == ["one", "one", sw.term("onetoone")]  # "to": a stop word, not a part


@pytest.mark.parametrize(("text", "expected"), [
    ("Make It Stick: The Science of Successful Learning", ["make", "stick", "scienc", "success", "learn"]),
    ("Sánchez-Rodríguez, Zoë Ørsted", ["sanchez", "rodriguez", "sanchezrodriguez", "zoe", "orst"]),
    ("Year 4 pupils in 2019/20, 3.5 hours", ["year", "4", "pupil", "2019", "20", "3", "5", "hour"]),
    ("A B c d x1 e-mail", ["x1", "mail", "email"]),
    ("Ἀριστοτέλης and Дмитрий", ["αριστοτελης", "дмитрии"]),
    ("", []),
])
def test_terms(text: str, expected: list[str]) -> None:
    assert sw.terms(text) == expected


def test_tokens_are_the_folded_words_without_stop_words() -> None:
    assert sw.tokens("The Teacher's Guide to Behaviour, well-being") == [
        "teacher", "guide", "behaviour", "well", "being"]
