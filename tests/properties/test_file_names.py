"""Any file name in library/titles/ or a year folder: validate copes, and a name that is
not an id (lowercase letters, digits, single hyphens) never passes."""

from __future__ import annotations

import re

from hypothesis import assume, example, given
from hypothesis import strategies as st

from ..conftest import VALID_ENTRY, VALID_TITLE
from .harness import fresh_repo, put, run_validate

ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Without its ISBN the record does not clash with the fixture's own copy of it.
TITLE = VALID_TITLE.replace('isbn: "9780674729018"\n', "")
_edge = st.sampled_from(["\n", "\r", " ", "\t", "-", "_", ".", "A", "é", "\u200b", "\x7f"])
_name_chars = st.characters(codec="utf-8", blacklist_characters="/\0")  # no surrogates
names = st.one_of(
    st.text(_name_chars, min_size=1, max_size=40),
    # an id with one character too many at its start or end: the near misses
    st.tuples(st.from_regex(ID, fullmatch=True), _edge, st.booleans()).map(
        lambda t: t[0] + t[1] if t[2] else t[1] + t[0]),
)


def _name_is_judged(folder: str, name: str, content: str) -> None:
    assume(name not in (".", "..") and len(name.encode("utf-8")) <= 250)
    with fresh_repo() as root:
        put(root, f"{folder}/{name}", content)
        outcome = run_validate(root)
        # Hidden files are not sources; _name.md in a year folder is a private note
        # (like _foreword.md), not an entry.
        if outcome.code == 0 and not name.startswith((".", "_")):
            stem, _, suffix = name.rpartition(".")
            assert ID.fullmatch(stem) and suffix == content_suffix(folder), name


def content_suffix(folder: str) -> str:
    return "yaml" if folder == "library/titles" else "md"


@given(names.map(lambda n: n + ".yaml") | names)
@example("x\n.yaml")
@example("Make_It.yaml")
def test_any_catalogue_file_name(name: str) -> None:
    _name_is_judged("library/titles", name, TITLE)


@given(names.map(lambda n: n + ".md") | names)
@example("x\n.md")
@example("_draft.md")
def test_any_entry_file_name(name: str) -> None:
    _name_is_judged("research/2025", name, VALID_ENTRY)
