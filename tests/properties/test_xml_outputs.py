"""Any text validate accepts in a title or an entry keeps every XML output well-formed
(the Atom feeds), and never carries a character that is not text into an export."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree

from hypothesis import event, given, settings
from hypothesis import strategies as st

from goldenthread.assemble import assemble
from goldenthread.export.feeds import library_feed, research_feed
from goldenthread.export.files import library_text
from goldenthread.load.characters import NOT_TEXT
from goldenthread.settings import Settings
from goldenthread.validation import validate

from ..conftest import VALID_ENTRY, VALID_TITLE
from .harness import FIXTURE_ENTRY, FIXTURE_TITLE, fresh_repo, put

# Any character but surrogates, with the ones that break XML or deceive a reader overweighted.
TEXT = st.text(st.one_of(st.characters(exclude_categories=("Cs",)),
                         st.sampled_from("<>&\"'\x00\x1b\x07\x85\ufffe\uffff\u202e\u2066\u2069\r\t]]>")),
               min_size=1, max_size=60)


def _quoted(text: str) -> str:
    """A YAML double-quoted value (JSON's escapes, which YAML reads the same)."""
    return json.dumps(text, ensure_ascii=False)


@settings(max_examples=100)
@given(TEXT, TEXT)
def test_feeds_stay_well_formed_for_any_text_validate_accepts(title: str, entry_title: str) -> None:
    with fresh_repo() as root:
        put(root, FIXTURE_TITLE, VALID_TITLE.replace("title: Make It Stick", "title: " + _quoted(title)))
        entry = VALID_ENTRY.replace("title: A valid entry", "title: " + _quoted(entry_title))
        put(root, FIXTURE_ENTRY, entry)
        validation = validate(root)
        refused = {p.path for p in validation.problems if p.code == "control-character"}
        assert (FIXTURE_TITLE in refused) == bool(NOT_TEXT.search(title))
        event("valid" if validation.ok else "refused")
        if not validation.ok:
            return
        kb = assemble(validation.sources)
        for feed in (library_feed(kb, Settings()), research_feed(kb, Settings())):
            ElementTree.fromstring(feed.encode("utf-8"))
            assert not NOT_TEXT.search(feed)
        for suffix in ("bib", "ris", "json"):
            assert not NOT_TEXT.search(library_text(kb, suffix))
