"""The Porter2 stemmer against the published algorithm's own examples (Snowball's English
vocabulary and output, 2006), one or more words for each of its steps and exceptions."""

from __future__ import annotations

import pytest

from goldenthread.generate.search_stem import stem

PUBLISHED = [
    ("consign", "consign"), ("consigned", "consign"), ("consignment", "consign"),
    ("consistency", "consist"), ("consistently", "consist"), ("consolation", "consol"),
    ("consolatory", "consolatori"), ("consoling", "consol"), ("conspiracy", "conspiraci"),
    ("conspirator", "conspir"), ("constable", "constabl"), ("knackeries", "knackeri"),
    ("kneeling", "kneel"), ("knitting", "knit"), ("generously", "generous"), ("generate", "generat"),
    ("communism", "communism"), ("dying", "die"), ("skies", "sky"), ("news", "news"),
    ("succeed", "succeed"), ("proceeding", "proceed"), ("cried", "cri"), ("ties", "tie"),
    ("gaps", "gap"), ("gas", "gas"), ("hopping", "hop"), ("hoped", "hope"), ("agreed", "agre"),
    ("feed", "feed"), ("happily", "happili"), ("sensational", "sensat"), ("hopefulness", "hope"),
    ("bias", "bias"), ("early", "earli"), ("only", "onli"), ("singly", "singl"), ("sky", "sky"),
    ("destroying", "destroy"), ("conveyed", "convey"), ("abruptly", "abrupt"),
    ("beautiful", "beauti"), ("elegantly", "eleg"), ("irritable", "irrit"), ("formality", "formal"),
    ("allegorical", "allegor"), ("adoption", "adopt"), ("civilization", "civil"),
    ("electrical", "electr"), ("analogous", "analog"), ("disturbed", "disturb"), ("falling", "fall"),
    ("troubled", "troubl"), ("filing", "file"), ("controlled", "control"), ("legally", "legal"),
    ("behaviour", "behaviour"), ("organisation", "organis"), ("organised", "organis"),
]


@pytest.mark.parametrize(("word", "expected"), PUBLISHED)
def test_the_published_stems(word: str, expected: str) -> None:
    assert stem(word) == expected


@pytest.mark.parametrize("word", ["", "a", "by", "2019", "x1", "café", "Teaching", "naïve"])
def test_short_words_and_anything_but_a_to_z_are_left_alone(word: str) -> None:
    assert stem(word) == word
