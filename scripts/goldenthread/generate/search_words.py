"""Words to search terms: what the index stores and what a query is looked up by.

A text's words are found on its folded form (lower case, marks removed, a few letters
spelt in ASCII), stop words and one-letter words dropped. Each word becomes its term:

1. British and American spelling made one (`spelling`): behavior and behaviour,
   organization and organisation, center and centre, catalog and catalogue, license and
   licence, practise and practice, judgment and judgement, pediatric and paediatric;
2. the Porter2 stem (search_stem.py), so plurals and other forms are one: "exclusions",
   "excluding" and "exclusion" (and an irregular plural is its singular: children, child);
3. a final double l, m or z made single (modell -> model, programm -> program, quizz ->
   quiz), so doubled consonants that British spelling keeps meet American ones.

A hyphenated word is also indexed closed ("well-being" gives well, being and wellbeing),
so a query's "wellbeing" finds it; search.js tries two adjacent words of a query closed
too, so "well being" and "self regulation" find the closed or hyphenated word.

base/assets/search.js repeats these steps as code, over this module's tables (`tables`: the
folded letters, stop and filler words, spellings, patterns, plurals, the endings of a word's
other forms and search_stem.py's tables), which the search index's manifest carries; so
every table is written only here. tests/data/browser-rules/search_words.json holds words and
what this module makes of them, checked here and under Node (tests/js/search_words.test.js).

search.js also matches, while a word is being typed, what it may begin (`partials`), and a
word by its other forms (`other_form`, `typed_forms`): those rules are here too, for the
same reason, although the index does not need them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .search_stem import stem
from .search_stem import tables as stem_tables

STOP_WORDS = frozenset(
    "a an and are as at be by for from in into is it its of on or that the this to was were "
    "with".split())
# Words of a question or a request that do not say what is sought ("how do I help ...", "what
# should we ..."). They are indexed, but a query's own are not required to match and do not
# rank its results, unless the query has no other word (search.js; the manifest carries them).
FILLER_WORDS = frozenset(
    "how what why when where which who whom do does did doing can could should would will shall "
    "might must me my we our us you your help helping about way ways tips ideas".split())
FOLDS = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ł": "l",
         "ı": "i"}
_FOLD_TABLE = str.maketrans(FOLDS)
HYPHENS = "-\u2010\u2011"
_RUN = re.compile(rf"[^\W_]+(?:[{HYPHENS}][^\W_]+)*")
_PART = re.compile(r"[^\W_]+")
_HYPHEN = re.compile(rf"[{HYPHENS}]")

# British spelling -> American, by pattern. The letters a pattern's first group needs before
# it keep short words as they are ("four", "size", "vogue", "aerial"); it is a group, not a
# look-behind, so that search.js can run the same expressions in browsers without one.
_PATTERNS = (
    (re.compile(r"([a-z]{3})iz(?=[aei])"), r"\1is"),          # organize -> organise (see below)
    (re.compile(r"([a-z]{2})yz(?=[aei])"), r"\1ys"),          # analyze -> analyse
    (re.compile(r"([a-z]{2})our"), r"\1or"),                  # behaviour -> behavior
    (re.compile(r"([a-z]{2})([tb])re(s?)$"), r"\1\2er\3"),     # centre, fibre -> center, fiber
    (re.compile(r"([a-z]{2})([tb])red$"), r"\1\2ered"),        # centred -> centered
    (re.compile(r"([a-z]{3})ogu(?=e|ing)"), r"\1og"),         # catalogue -> catalog(e)
    (re.compile(r"^(def|off|pret|lic)enc(?=e)"), r"\1ens"),   # defence, licence -> defense, license
    (re.compile(r"dgement"), "dgment"),                       # judgement -> judgment
    (re.compile(r"([a-z])ae(?=[a-z])"), r"\1e"),              # paediatric -> pediatric
)
# What a word still being typed may begin, as the index spells it: the start of a pattern
# above at the word's end taken as the pattern ("behaviou" may begin behavior), then the
# double l, m or z of a longer word single ("modell" may begin modelling: model).
_TYPED = (
    (re.compile(r"([a-z]{2})ou$"), r"\1o"),
    (re.compile(r"([a-z]{3})iz$"), r"\1is"),
    (re.compile(r"([a-z]{2})yz$"), r"\1ys"),
    (re.compile(r"([a-z]{3})ogu$"), r"\1og"),
)
_TYPED_SINGLE = (re.compile(r"([a-z]{3})([lmz])\2"), r"\1\2")
# -ise is the form kept (-ize becomes -ise, not the reverse) because Porter2 stems -ise
# words and their -isation nouns to one stem (organis), while -ize and -ization split.

# Words whose British and American spellings differ in no pattern above.
_WORDS = {"practise": "practice", "practised": "practiced", "practises": "practices",
          "practising": "practicing", "enquiry": "inquiry", "enquiries": "inquiries",
          "enquire": "inquire", "enquired": "inquired", "enquiring": "inquiring",
          "ageing": "aging", "grey": "gray", "tyre": "tire", "tyres": "tires", "kerb": "curb",
          "cheque": "check", "cheques": "checks", "aluminium": "aluminum", "plough": "plow",
          "mould": "mold", "moult": "molt", "smoulder": "smolder", "manoeuvre": "maneuver",
          "sceptic": "skeptic", "sceptical": "skeptical", "scepticism": "skepticism",
          "artefact": "artifact", "artefacts": "artifacts", "draught": "draft", "pyjamas": "pajamas",
          "jewellery": "jewelry", "storey": "story", "storeys": "stories", "whilst": "while",
          "amongst": "among", "learnt": "learned", "spelt": "spelled", "burnt": "burned",
          "dreamt": "dreamed", "spoilt": "spoiled", "oestrogen": "estrogen", "foetus": "fetus",
          "mum": "mom", "mums": "moms"}
# Plurals Porter2 cannot see (it strips endings, and these change the word).
_PLURALS = {"children": "child", "women": "woman", "men": "man", "people": "person",
            "curricula": "curriculum", "criteria": "criterion", "phenomena": "phenomenon",
            "analyses": "analysis", "hypotheses": "hypothesis", "syllabi": "syllabus",
            "theses": "thesis", "crises": "crisis", "teeth": "tooth", "feet": "foot", "mice": "mouse"}
_FINAL_DOUBLE = re.compile(r"([lmz])\1$")
# The endings by which a term is another form of a word (search.js matches a query's word by
# them too): dyslexic and dyslexia, governors and governance, as the stemmer leaves them.
FORM_ENDINGS = ("a e i y s al ar er or ic ia ly ed es ee ist ism ian ity ive ion ory ary ics ors "
                "ers ent ant ance ence ment ness ship able ible ation ition ing").split()
_FORM_STARTS = frozenset(ending[:n] for ending in FORM_ENDINGS for n in range(1, len(ending) + 1))
FORM_LENGTH = 5  # letters the shorter of two forms needs (dyslex, of dyslexia and dyslexic)
TYPED_FORM_LENGTH = 4  # letters a word being typed keeps before an ending it may be starting


def fold(text: str) -> str:
    """Lower case, accents and other marks removed, a few letters spelt in ASCII."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M")) \
        .translate(_FOLD_TABLE)


def kept(word: str) -> bool:
    """Whether a folded word is searchable: not a stop word, and more than one letter (or a number)."""
    return word not in STOP_WORDS and (len(word) > 1 or unicodedata.category(word)[0] == "N")


def spelling(word: str) -> str:
    """A folded word in the one spelling the index uses for its British and American forms."""
    if word in _WORDS:
        return _WORDS[word]
    if not word.isascii():
        return word
    for pattern, replacement in _PATTERNS:
        word = pattern.sub(replacement, word)
    return word


@lru_cache(maxsize=1 << 16)  # a site has far fewer words than it has occurrences of them
def term(word: str) -> str:
    """The index term of a folded word: one spelling, stemmed (irregular plurals as their
    singular), a final double l, m or z single."""
    return _FINAL_DOUBLE.sub(r"\1", stem(_PLURALS.get(word) or spelling(word)))


def tokens(text: str) -> list[str]:
    """The searchable words of a text, folded, in order (repeats kept); a hyphenated word's
    parts are words of their own."""
    return [word for word in _PART.findall(fold(text)) if kept(word)]


def terms(text: str) -> list[str]:
    """The index terms of a text, in order (repeats kept): each word's, and after the parts of a
    hyphenated word, the term of the parts closed up."""
    found = []
    for run in _RUN.findall(fold(text)):
        if not _HYPHEN.search(run):  # most words: one part
            if kept(run):
                found.append(term(run))
            continue
        parts = _PART.findall(run)
        found += [term(part) for part in parts if kept(part)]
        if len(parts) > 1:
            found.append(term("".join(parts)))
    return found


def partials(word: str) -> list[str]:
    """What a folded word still being typed may begin, as the index spells it: its spelling,
    with the start of a spelling pattern at its end taken as the pattern; and, if it has a
    double l, m or z after three letters, the same with it single."""
    spelt = spelling(word)
    for pattern, replacement in _TYPED:
        spelt = pattern.sub(replacement, spelt)
    single = _TYPED_SINGLE[0].sub(_TYPED_SINGLE[1], spelt)
    return [spelt] if single == spelt else [spelt, single]


def other_form(shorter: str, longer: str) -> bool:
    """Whether a term is another form of a shorter one (of FORM_LENGTH letters or more): the
    shorter with one of FORM_ENDINGS after it."""
    return (len(shorter) >= FORM_LENGTH and longer.startswith(shorter)
            and longer[len(shorter):] in FORM_ENDINGS)


def typed_forms(typed: str) -> list[str]:
    """The shorter terms a word being typed may be another form of: the word without the start
    of an ending at its end, keeping TYPED_FORM_LENGTH letters or more ("dyslexi": dyslex)."""
    return [typed[:n] for n in range(TYPED_FORM_LENGTH, len(typed)) if typed[n:] in _FORM_STARTS]


def _js(pattern: re.Pattern[str], replacement: str) -> list[str]:
    """A pattern and its replacement as JavaScript's String.replace takes them ($1, not \\1)."""
    if "$" in replacement:  # JavaScript would read it as a group
        raise ValueError(f"a replacement with $ needs $$ in JavaScript: {replacement}")
    return [pattern.pattern, re.sub(r"\\(\d)", r"$\1", replacement)]


def tables() -> dict[str, object]:
    """Every table search.js needs to make a query's words into terms, as the search index's
    manifest carries them (search_index.py): word lists as one string, a space between words."""
    return {"fold": FOLDS, "stop": " ".join(sorted(STOP_WORDS)), "filler": " ".join(sorted(FILLER_WORDS)),
            "spelt": _WORDS, "patterns": [_js(p, r) for p, r in _PATTERNS], "plurals": _PLURALS,
            "final": _js(_FINAL_DOUBLE, r"\1"), "typed": [_js(p, r) for p, r in _TYPED],
            "single": _js(*_TYPED_SINGLE),
            "forms": {"endings": " ".join(FORM_ENDINGS), "length": FORM_LENGTH, "typed": TYPED_FORM_LENGTH},
            "stem": stem_tables()}
