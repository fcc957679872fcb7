"""The Porter2 ("English") stemmer of Snowball, as Martin Porter published it in 2006.

A stem is what the search index stores for a word and what a query's word is looked up
by, so "behaviours", "behavioural" and "behaviour" are one. base/assets/search.js has
the same steps as code, and reads this module's tables (`tables`, in the search index's
manifest), so the exceptional words and the suffix lists are written only here; the tests
compare the two on many words (tests/data/browser-rules/search_words.json, under Node and
here). search_words.py adds British and American spelling on top.

The input is a lower-case word of the letters a to z (anything else is returned as it
is). The steps follow the algorithm's description: R1 and R2, steps 0 to 5, the two lists
of exceptional words.
"""

from __future__ import annotations

import re

_VOWELS = frozenset("aeiouy")
_DOUBLES = ("bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt")
_LI_ENDINGS = frozenset("cdeghkmnrt")
_EXCEPTIONS = {"skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie",
               "idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli",
               "singly": "singl", "sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas",
               "cosmos": "cosmos", "bias": "bias", "andes": "andes"}
_AFTER_STEP_1A = frozenset("inning outing canning herring earring proceed exceed succeed".split())
_R1_PREFIXES = ("gener", "commun", "arsen")
_ASCII_WORD = re.compile(r"[a-z]+")

_STEP2 = (("ization", "ize"), ("ational", "ate"), ("fulness", "ful"), ("ousness", "ous"),
          ("iveness", "ive"), ("tional", "tion"), ("biliti", "ble"), ("lessli", "less"),
          ("entli", "ent"), ("ation", "ate"), ("alism", "al"), ("aliti", "al"), ("ousli", "ous"),
          ("iviti", "ive"), ("fulli", "ful"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"),
          ("izer", "ize"), ("ator", "ate"), ("alli", "al"), ("bli", "ble"), ("ogi", "og"), ("li", ""))
_STEP3 = (("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
          ("ative", ""), ("ical", "ic"), ("ness", ""), ("ful", ""))
_STEP4 = ("ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous",
          "ive", "ize", "ion", "al", "er", "ic")


def tables() -> dict[str, object]:
    """The stemmer's tables, as search.js reads them from the search index's manifest: the
    vowels, the doubles and the letters before a deleted -li (strings: one letter or pair a
    space), the exceptional words (word -> stem, and those left as step 1a leaves them), the
    prefixes whose R1 is their end, and the suffixes of steps 2 to 4 (longest first, as here)."""
    return {"vowels": "".join(sorted(_VOWELS)), "doubles": " ".join(_DOUBLES),
            "li": "".join(sorted(_LI_ENDINGS)), "exceptions": _EXCEPTIONS,
            "after_1a": " ".join(sorted(_AFTER_STEP_1A)), "r1_prefixes": " ".join(_R1_PREFIXES),
            "step2": [list(pair) for pair in _STEP2], "step3": [list(pair) for pair in _STEP3],
            "step4": " ".join(_STEP4)}


def _vowel(word: str, at: int) -> bool:
    return word[at] in _VOWELS


def _region(word: str, start: int) -> int:
    """Where the region after the first non-vowel following a vowel (from start) begins."""
    for at in range(start + 1, len(word)):
        if not _vowel(word, at) and _vowel(word, at - 1):
            return at + 1
    return len(word)


def _short_syllable(word: str) -> bool:
    """Whether the word ends in a short syllable."""
    if len(word) == 2:
        return _vowel(word, 0) and not _vowel(word, 1)
    return (len(word) >= 3 and not _vowel(word, -3) and _vowel(word, -2) and not _vowel(word, -1)
            and word[-1] not in "wxY")


def _mark_ys(word: str) -> str:
    """An initial y, and a y after a vowel, are consonants: Y."""
    chars = list(word)
    for at, char in enumerate(chars):
        if char == "y" and (at == 0 or chars[at - 1] in _VOWELS):
            chars[at] = "Y"
    return "".join(chars)


def _has_vowel(part: str) -> bool:
    return any(c in _VOWELS for c in part)


def _step1a(word: str) -> str:
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith(("ied", "ies")):
        return word[:-2] if len(word) > 4 else word[:-1]
    if word.endswith(("us", "ss")):
        return word
    if word.endswith("s") and _has_vowel(word[:-2]):
        return word[:-1]
    return word


def _step1b(word: str, r1: int) -> str:
    for suffix in ("eedly", "eed"):
        if word.endswith(suffix):
            return word[:-len(suffix)] + "ee" if len(word) - len(suffix) >= r1 else word
    for suffix in ("ingly", "edly", "ing", "ed"):
        if word.endswith(suffix):
            stem = word[:-len(suffix)]
            if not _has_vowel(stem):
                return word
            if stem.endswith(("at", "bl", "iz")):
                return stem + "e"
            if stem.endswith(_DOUBLES):
                return stem[:-1]
            if len(stem) == r1 and _short_syllable(stem):  # a short word
                return stem + "e"
            return stem
    return word


def _step1c(word: str) -> str:
    if len(word) > 2 and word[-1] in "yY" and not _vowel(word, -2):
        return word[:-1] + "i"
    return word


def _step2(word: str, r1: int) -> str:
    for suffix, replacement in _STEP2:
        if word.endswith(suffix):
            at = len(word) - len(suffix)
            if at < r1:
                return word
            if suffix == "ogi":
                return word[:at] + "og" if word[:at].endswith("l") else word
            if suffix == "li":
                return word[:at] if word[:at][-1:] in _LI_ENDINGS else word
            return word[:at] + replacement
    return word


def _step3(word: str, r1: int, r2: int) -> str:
    for suffix, replacement in _STEP3:
        if word.endswith(suffix):
            at = len(word) - len(suffix)
            if at < r1 or (suffix == "ative" and at < r2):
                return word
            return word[:at] + replacement
    return word


def _step4(word: str, r2: int) -> str:
    for suffix in _STEP4:
        if word.endswith(suffix):
            at = len(word) - len(suffix)
            if at < r2:
                return word
            if suffix == "ion" and word[:at][-1:] not in ("s", "t"):
                return word
            return word[:at]
    return word


def _step5(word: str, r1: int, r2: int) -> str:
    at = len(word) - 1
    if word.endswith("e") and (at >= r2 or (at >= r1 and not _short_syllable(word[:-1]))):
        return word[:-1]
    if word.endswith("ll") and at >= r2:
        return word[:-1]
    return word


def stem(word: str) -> str:
    """The Porter2 stem of a lower-case word of letters a to z."""
    if len(word) <= 2 or not _ASCII_WORD.fullmatch(word):
        return word
    if word in _EXCEPTIONS:
        return _EXCEPTIONS[word]
    word = _mark_ys(word)
    prefix = next((p for p in _R1_PREFIXES if word.startswith(p)), None)
    r1 = len(prefix) if prefix else _region(word, 0)
    r2 = _region(word, r1)
    word = _step1a(word)
    if word in _AFTER_STEP_1A:
        return word
    word = _step1b(word, r1)
    word = _step1c(word)
    word = _step2(word, r1)
    word = _step3(word, r1, r2)
    word = _step4(word, r2)
    word = _step5(word, r1, r2)
    return word.replace("Y", "y")
