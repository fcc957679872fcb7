"""Hypothesis strategies: hostile bytes, YAML values, Markdown, and valid sources.

Everything generated here is synthetic test data (made-up titles, names and ISBNs with
computed check digits); none of it is, or may become, shipped content.
"""

from __future__ import annotations

import datetime
import string
from functools import cache
from typing import Any

import yaml
from hypothesis import strategies as st

from ..conftest import REPO

# --- vocabularies of the fixture repository (the real ones, copied by build_repo) ---------


def _ids(relative: str, key: str | None = None) -> list[str]:
    data = yaml.safe_load((REPO / relative).read_text("utf-8"))
    if key is None:
        return [item["id"] for item in data]
    dimension = next(d for d in data["dimensions"] if d["id"] == key)
    return [item["id"] for item in dimension["items"]]


@cache
def vocabulary() -> dict[str, list[str]]:
    return {
        "topics": _ids("library/topics.yaml"),
        "career_stages": _ids("library/career-stages.yaml"),
        "academies": _ids("library/academies.yaml"),
        "aims": _ids("docs/framework.yaml", "aims"),
        "building_blocks": _ids("docs/framework.yaml", "building_blocks"),
        "stages": _ids("docs/framework.yaml", "stages"),
    }


STAGES = _ids("docs/framework.yaml", "stages")
FORMATS = ["print", "ebook", "audiobook"]
TITLE_FIELDS = ["title", "subtitle", "authors", "year", "edition", "publisher", "isbn", "type",
                "topics", "aims", "building_blocks", "stages", "career_stages", "formats",
                "copies", "summary", "cover", "url", "added"]
ENTRY_FIELDS = ["title", "authors", "academy", "year", "research_question", "abstract", "topics",
                "aims", "building_blocks", "stages", "library", "example"]

# --- bytes and text mutations ---------------------------------------------------------------

YAML_TOKENS = [
    "\t", ":", ": ", ":\n", '"', "'", "&a ", "*a", "*b", "&b [1, 2]", "!!python/object:os.system ",
    "!!python/name:os.system ", "!!binary ", "!!str ", "!!int ", "!!float ", "!!map ", "!!seq ",
    "!!set ", "!!omap ", "!!timestamp ", "!foo ", "! ", "!<tag:yaml.org,2002:str> ", "? ",
    "- ", "[", "]", "{", "}", ",", "#", "---\n", "...\n", "|\n", ">-\n", "|+\n", "\r", "\r\n",
    "\u2028", "\u2029", "\x85", "\ufeff", "\x00", "\x07", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n",
    "<<: *a\n", "\\", "\\x", "\\u12", "@", "`", "~", "null", "yes", "0x1F", "1_000", "1:20",
    ".inf", ".nan", "2024-02-30", "é", "\U0001f600", "x" * 300, "\n" * 5, "  ", "    - ",
]
MARKDOWN_TOKENS = [
    "<script", "<script>alert(1)</script>", "</script>", "<img src=x onerror=alert(1)>",
    "<img src=x onerror=", " onerror=", " onclick=", "javascript:", "JaVaScRiPt:", "vbscript:",
    "data:text/html,", "[x](", "](", ")", "`", "``", "```", "```\n", "~~~\n", "[@", "[@x]", "]",
    "[", "](data:", "](javascript:alert(1))", "&#106;", "&#x6A;", "&colon;", "&Tab;", "&amp;",
    "&lt;", "\0", "x" * 2000, "<iframe", "<object", "<embed", "<a href=", '<a href="', "'",
    '"', ">", "<", "\\", "\\`", "{: ", "{:", "{ ", "}", "#", "\n", "\n\n", "    ", "\t",
    "<div markdown=\"1\">", "</div>", "<!--", "-->", "[r]: ", "<https://x>", "<javascript:x>",
    "!", "*", "_", "|", "- ", "1. ", "> ", "\r", "\u2028",
]
BIB_TOKENS = [
    "@article{", "@book{", "@misc{", "@online{", "@string{", "@comment{", "@preamble{", "@",
    "{", "}", "=", ",", '"', "#", "%", "\\", "\\'", "{\\", "\n@misc{k,\n", "doi = {", "url = {",
    "author = {", "year = {", "title = ", "\r", "\x00", "é", "and", " ", "\n",
]


@st.composite
def mutated(draw: st.DrawFn, base: str, tokens: list[str]) -> bytes:
    """`base` (UTF-8) after a few random edits: insert, delete, replace, duplicate, swap."""
    data = bytearray(base.encode("utf-8"))
    insert = st.one_of(st.sampled_from(tokens).map(lambda t: t.encode("utf-8")),
                       st.binary(min_size=1, max_size=4),
                       st.text(min_size=1, max_size=4).map(lambda t: t.encode("utf-8")))
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["insert", "insert", "delete", "replace", "duplicate", "swap",
                                   "truncate"]))
        at = draw(st.integers(0, len(data)))
        if op == "insert":
            data[at:at] = draw(insert)
        elif op == "delete":
            del data[at:at + draw(st.integers(1, 12))]
        elif op == "replace":
            data[at:at + 1] = draw(insert)
        elif op == "duplicate":
            length = draw(st.integers(1, 40))
            data[at:at] = data[at:at + length]
        elif op == "swap" and at + 1 < len(data):
            data[at], data[at + 1] = data[at + 1], data[at]
        elif op == "truncate":
            del data[at:]
    return bytes(data)


def hostile_bytes(base: str, tokens: list[str]) -> st.SearchStrategy[bytes]:
    """Anything a file could hold: random bytes, random text, or a damaged valid file."""
    return st.one_of(
        st.binary(max_size=400),
        st.text(max_size=400).map(lambda t: t.encode("utf-8")),
        st.lists(st.sampled_from(tokens), max_size=40).map(lambda t: "".join(t).encode("utf-8")),
        mutated(base, tokens),
        mutated(base, tokens),
    )


@st.composite
def line_mutated(draw: st.DrawFn, base: str) -> str:
    """A valid text after line-level and character-level edits typical of hand editing."""
    lines = base.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "indent"]))
        index = draw(st.integers(0, len(lines) - 1))
        if op == "delete" and len(lines) > 1:
            del lines[index]
        elif op == "duplicate":
            lines.insert(index, lines[index])
        elif op == "indent":
            lines[index] = draw(st.sampled_from(["  ", "\t", " "])) + lines[index]
        elif op == "swap":
            text = lines[index]
            if len(text) > 1:
                at = draw(st.integers(0, len(text) - 2))
                lines[index] = text[:at] + text[at + 1] + text[at] + text[at + 2:]
        else:
            text = lines[index]
            at = draw(st.integers(0, len(text)))
            token = draw(st.sampled_from(YAML_TOKENS))
            lines[index] = text[:at] + token + text[at:]
    return "\n".join(lines)


# --- YAML values ------------------------------------------------------------------------------

TRICKY_STRINGS = [
    "", " ", "yes", "no", "on", "off", "~", "null", "true", "0x1F", "1_000", "1:20", ".inf",
    "2024-09-02", "2024-02-30", "2024-9-2", "9780674729018", "9780674729019", "0-19-852663-6",
    "explore", "print", "report", "https://example.org/a", "https://x\n", "javascript:alert(1)",
    "covers/a.png", "../a.png", "<script>alert(1)</script>", "[x](javascript:alert(1))",
    "TODO: write", "a\nb", "\u2028", "\x85", "\ufeff", "\t", "x" * 301, "é", "\U0001f600",
    *vocabulary()["topics"][:3], *vocabulary()["academies"][:2], "make-it-stick", "teacher",
]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(-(10**40), 10**40),
    st.integers(1790, 2110), st.floats(), st.text(max_size=30), st.sampled_from(TRICKY_STRINGS),
    st.dates(), st.datetimes(),
)
yaml_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=12) | st.sampled_from(TRICKY_STRINGS), children, max_size=4),
    max_leaves=16,
)


def _id_lists(ids: list[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(ids) | st.sampled_from(TRICKY_STRINGS), max_size=4)


def near_values(field: str) -> st.SearchStrategy[Any]:
    """Values that are right for the field, or almost."""
    ids = vocabulary()
    by_field: dict[str, st.SearchStrategy[Any]] = {
        "title": st.integers(0, 305).map(lambda n: "t" * n) | st.text(max_size=40),
        "subtitle": st.text(max_size=40),
        "authors": st.lists(st.text(max_size=20), max_size=3) | st.text(max_size=10),
        "year": st.integers(1790, 2110) | st.integers(1790, 2110).map(str),
        "edition": st.integers(0, 42).map(lambda n: "e" * n),
        "isbn": isbns() | st.sampled_from(TRICKY_STRINGS) | st.text("0123456789Xx -", max_size=18),
        "type": st.sampled_from(["book", "report", "thesis", "Book"]),
        "topics": _id_lists(ids["topics"]),
        "aims": _id_lists(ids["aims"]),
        "building_blocks": _id_lists(ids["building_blocks"]),
        "stages": _id_lists(STAGES),
        "career_stages": _id_lists(ids["career_stages"]),
        "formats": _id_lists(FORMATS),
        "copies": st.dictionaries(st.sampled_from(ids["academies"]) | st.sampled_from(TRICKY_STRINGS),
                                  st.integers(-2, 1001), max_size=3),
        "summary": markdown_text(),
        "cover": st.sampled_from(["covers/a.png", "/etc/a.png", "../a.png", "a.gif", "covers/a.png\n"]),
        "url": st.sampled_from(["https://example.org", "http://x.y/z", "https://x\n", "ftp://x",
                                "https://a b", "javascript:alert(1)"]),
        "added": st.dates().map(str) | st.sampled_from(["2024-02-30", "2024-9-2", "20240902",
                                                         "2024-09-02\n", "2024-W01-1"]),
        "academy": st.sampled_from(ids["academies"]) | st.sampled_from(TRICKY_STRINGS),
        "research_question": st.text(max_size=30),
        "abstract": markdown_text(),
        "library": st.lists(st.sampled_from(["make-it-stick", "x", "Make-It-Stick"]), max_size=2),
        "example": st.booleans() | st.sampled_from(["yes", "true", 1]),
    }
    return by_field.get(field, yaml_values)


@st.composite
def edited_record(draw: st.DrawFn, base: dict[str, Any], fields: list[str]) -> Any:
    """The base record with some fields replaced (by near-right or arbitrary values),
    some removed and perhaps unknown ones added; now and then not a mapping at all."""
    if draw(st.integers(0, 19)) == 0:
        return draw(yaml_values)
    record = dict(base)
    for name in draw(st.lists(st.sampled_from(fields), max_size=3, unique=True)):
        record[name] = draw(near_values(name) | yaml_values)
    for name in draw(st.lists(st.sampled_from(fields), max_size=2, unique=True)):
        if draw(st.booleans()):
            record.pop(name, None)
    if draw(st.integers(0, 9)) == 0:
        record[draw(st.text(max_size=10))] = draw(yaml_values)
    return record


@st.composite
def yaml_text(draw: st.DrawFn, data: Any) -> str:
    """`data` as YAML, in one of the styles a person or a tool might write."""
    style = draw(st.sampled_from(["block", "flow", "mixed", "canonical", "quoted"]))
    options: dict[str, Any] = {
        "sort_keys": draw(st.booleans()), "allow_unicode": draw(st.booleans()),
        "width": draw(st.sampled_from([80, 20, 4096])),
        "explicit_start": draw(st.booleans()),
    }
    if style == "block":
        options["default_flow_style"] = False
    elif style == "flow":
        options["default_flow_style"] = True
    elif style == "mixed":
        options["default_flow_style"] = None
    elif style == "canonical":
        options["canonical"] = True
    else:
        options["default_style"] = draw(st.sampled_from(['"', "'"]))
    text: str = yaml.safe_dump(data, **options)
    return text


# --- Markdown ------------------------------------------------------------------------------

WORDS = ["Pupils", "read", "the", "text", "and", "teachers", "asked", "questions", "about",
         "retrieval", "practice", "on", "Monday", "data", "scripts", "object", "embed", "one",
         "online", "ontask", "java", "script", "src", "href"]
prose = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)


def markdown_text(max_size: int = 40) -> st.SearchStrategy[str]:
    """Prose mixed with the fragments that make Markdown active or confuse a scanner."""
    piece = st.one_of(prose, st.sampled_from(MARKDOWN_TOKENS), st.sampled_from(MARKDOWN_TOKENS),
                      st.text(max_size=8), st.sampled_from([" ", "\n", "\n\n"]))
    return st.lists(piece, max_size=max_size).map("".join)


# --- valid sources --------------------------------------------------------------------------

# Text people type: no control characters (Cc), no surrogates (Cs), no unassigned code points.
plain_text_chars = st.characters(blacklist_categories=("Cc", "Cs", "Cn"))
SAFE_PUNCTUATION = " .,;!?'()-–—’"
SAFE_CHARS = string.ascii_letters + string.digits + SAFE_PUNCTUATION + "éüßøç"


def plain_text(min_size: int = 1, max_size: int = 80) -> st.SearchStrategy[str]:
    return st.text(plain_text_chars, min_size=min_size, max_size=max_size)


def safe_prose(min_size: int = 1, max_size: int = 200) -> st.SearchStrategy[str]:
    """Ordinary sentences: nothing Markdown could turn into HTML, no placeholder."""
    return st.text(SAFE_CHARS, min_size=min_size, max_size=max_size).filter(
        lambda t: t.strip() != "" and not t.startswith("TODO:"))


def isbn13_check(first12: str) -> str:
    total = sum((1 if i % 2 == 0 else 3) * int(c) for i, c in enumerate(first12))
    return str((10 - total % 10) % 10)


def isbn10_check(first9: str) -> str:
    total = sum((10 - i) * int(c) for i, c in enumerate(first9))
    check = (11 - total % 11) % 11
    return "X" if check == 10 else str(check)


@st.composite
def isbns(draw: st.DrawFn) -> str:
    """A synthetic ISBN with a correct check digit, written as people write them (never a
    placeholder of zeros, which is not an ISBN)."""
    numbers = st.text(string.digits, min_size=9, max_size=9).filter(lambda text: text != "0" * 9)
    if draw(st.booleans()):
        body = draw(st.sampled_from(["978", "979"])) + draw(numbers)
        digits = body + isbn13_check(body)
        parts = [digits[:3], digits[3], digits[4:8], digits[8:12], digits[12]]
    else:
        body = draw(numbers)
        digits = body + isbn10_check(body)
        parts = [digits[0], digits[1:4], digits[4:9], digits[9]]
    separator = draw(st.sampled_from(["", "-", " "]))
    return digits if not separator else separator.join(parts)


def _unique_ids(ids: list[str], min_size: int = 0) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(ids), min_size=min_size, max_size=4, unique=True)


@st.composite
def valid_titles(draw: st.DrawFn) -> dict[str, Any]:
    """A catalogue record that satisfies the schema and names only known ids."""
    ids = vocabulary()
    record: dict[str, Any] = {
        "title": draw(plain_text(max_size=300)),
        "authors": draw(st.lists(plain_text(max_size=200), min_size=1, max_size=5)),
        "year": draw(st.integers(1800, 2100)),
        "topics": draw(_unique_ids(ids["topics"], 1)),
    }
    optional: dict[str, st.SearchStrategy[Any]] = {
        "subtitle": plain_text(max_size=300),
        "edition": plain_text(max_size=40),
        "publisher": plain_text(max_size=200),
        "isbn": isbns(),
        "type": st.sampled_from(["book", "report"]),
        "aims": _unique_ids(ids["aims"]),
        "building_blocks": _unique_ids(ids["building_blocks"]),
        "stages": _unique_ids(STAGES),
        "career_stages": _unique_ids(ids["career_stages"]),
        "formats": _unique_ids(FORMATS),
        "copies": st.dictionaries(st.sampled_from(ids["academies"]), st.integers(0, 999), max_size=3),
        "summary": safe_prose(max_size=600),
        "cover": st.just("covers/synthetic-cover.png"),
        "url": st.text(string.ascii_lowercase, min_size=1, max_size=12).map(
            lambda s: f"https://example.org/{s}"),
        "added": st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)).map(str),
    }
    for name in draw(st.lists(st.sampled_from(sorted(optional)), unique=True)):
        record[name] = draw(optional[name])
    return record


BIB_TYPES = {
    "article": {"author": "name", "title": "text", "journal": "text", "year": "year"},
    "book": {"author": "name", "title": "text", "publisher": "text", "year": "year"},
    "incollection": {"author": "name", "title": "text", "booktitle": "text", "publisher": "text",
                     "year": "year"},
    "inproceedings": {"author": "name", "title": "text", "booktitle": "text", "year": "year"},
    "report": {"institution": "text", "title": "text", "year": "year"},
    "phdthesis": {"author": "name", "title": "text", "school": "text", "year": "year"},
    "online": {"title": "text", "url": "url", "year": "year", "month": "month"},
    "misc": {"title": "text", "year": "year"},
}
BIB_TEXT = string.ascii_letters + string.digits + " .,;:!?'()-"
bib_keys = st.from_regex(r"\A[A-Za-z][A-Za-z0-9_:.-]{0,20}[A-Za-z0-9]\Z")


def _bib_value(kind: str) -> st.SearchStrategy[str]:
    if kind == "name":
        return st.lists(st.text(string.ascii_letters, min_size=1, max_size=10), min_size=1, max_size=3).map(
            lambda names: " and ".join(f"{n}, A." for n in names))
    if kind == "year":
        return st.integers(1900, 2100).map(str)
    if kind == "month":
        return st.integers(1, 12).map(str)
    if kind == "url":
        return st.text(string.ascii_lowercase, min_size=1, max_size=10).map(lambda s: f"https://example.org/{s}")
    return st.text(BIB_TEXT, min_size=1, max_size=60).filter(lambda t: t.strip() != "")


@st.composite
def bib_entries(draw: st.DrawFn) -> list[tuple[str, str, dict[str, str]]]:
    """(key, type, fields) for one to five references with every field their type needs."""
    keys = draw(st.lists(bib_keys, min_size=1, max_size=5, unique_by=str.lower))
    entries = []
    for key in keys:
        kind = draw(st.sampled_from(sorted(BIB_TYPES)))
        fields = {name: draw(_bib_value(value)) for name, value in BIB_TYPES[kind].items()}
        if draw(st.booleans()):
            fields["doi"] = "10." + draw(st.text(string.digits, min_size=4, max_size=6)) + "/" + draw(
                st.text(string.ascii_lowercase + string.digits + ".-", min_size=1, max_size=10))
        entries.append((key, kind, fields))
    return entries


def bib_text(entries: list[tuple[str, str, dict[str, str]]]) -> str:
    return "".join(
        f"@{kind}{{{key},\n" + "".join(f"  {name} = {{{value}}},\n" for name, value in fields.items())
        + "}\n\n" for key, kind, fields in entries)


@st.composite
def valid_entries(draw: st.DrawFn) -> tuple[dict[str, Any], str, str]:
    """(front matter, body, .bib text) of an entry that must pass."""
    ids = vocabulary()
    front: dict[str, Any] = {
        "title": draw(safe_prose(max_size=300)),
        "authors": draw(st.lists(st.fixed_dictionaries({"name": plain_text(max_size=200),
                                                        "role": plain_text(max_size=200)}),
                                 min_size=1, max_size=4)),
        "academy": draw(st.sampled_from(ids["academies"])),
        "year": 2025,
        "research_question": draw(safe_prose(max_size=1000)),
        "abstract": draw(safe_prose(max_size=1000)),
    }
    optional: dict[str, st.SearchStrategy[Any]] = {
        "topics": _unique_ids(ids["topics"]),
        "aims": _unique_ids(ids["aims"]),
        "building_blocks": _unique_ids(ids["building_blocks"]),
        "stages": _unique_ids(STAGES),
        "library": st.just(["make-it-stick"]),
        "example": st.booleans(),
    }
    for name in draw(st.lists(st.sampled_from(sorted(optional)), unique=True)):
        front[name] = draw(optional[name])
    entries = draw(bib_entries()) if draw(st.integers(0, 4)) else []
    keys = [key for key, _, _ in entries]
    pieces = []
    for _ in range(draw(st.integers(1, 6))):
        pieces.append(draw(st.sampled_from(["", "## ", "- ", "1. ", "> "])) + draw(safe_prose()))
        cite: bool = draw(st.booleans())
        if keys and cite:
            cited = draw(st.lists(st.sampled_from(keys), min_size=1, max_size=3))
            locator = draw(st.sampled_from(["", ", p. 12", ", pp. 3-4", ", chapter 2"]))
            group = "; ".join(draw(st.sampled_from(["@", "-@"])) + key for key in cited)
            pieces[-1] += f" [{group}{locator}]."
    body = "\n" + "\n\n".join(pieces) + "\n"
    return front, body, bib_text(entries)
