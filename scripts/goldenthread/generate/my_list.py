"""My list: the "Add to my list" button on each title's and entry's page, and what it keeps.

The button carries everything the reader's list needs of the page (base/assets/mylist.js
keeps it in the browser): where the page is, what to show, and the work as BibTeX, RIS and
CSL-JSON, made from the one model of a reference (export/reference.py). So the "My list"
page exports any list without a file of the whole catalogue, and a shared list fetches
only the pages it names.
"""

from __future__ import annotations

import json

from ..cite.entry import entry_bibtex
from ..cite.names import Name
from ..cite.people import listed
from ..export.bibtex import title_entry
from ..export.csl import item
from ..export.reference import Reference, from_entry, from_title
from ..export.ris import entry as ris_entry
from ..model import Entry, Named, Title
from ..paths import entry_page, title_page, url_of
from ..settings import Settings
from .text import attr

PAGE = "my-list.md"  # the engine's text (base/_text/my-list.md) or the trust's own holds the list's place


def _byline(names: tuple[Name, ...], year: str) -> str:
    return f"{listed([n.literal or f'{n.given} {n.family}'.strip() for n in names])} ({year})"


def _button(page: str, reference: Reference, bibtex: str) -> str:
    data = {"url": url_of(page), "title": reference.title,
            "byline": _byline(reference.authors, reference.year),
            "bib": bibtex, "ris": ris_entry(reference), "csl": item(reference)}
    # Hidden (keeping its place, so nothing moves) until the script can keep a list.
    return (f'<button type="button" class="md-button gt-mylist-add" aria-pressed="false" '
            f"data-gt-item='{attr(json.dumps(data, ensure_ascii=False, sort_keys=True))}'>"
            "Add to my list</button>\n\n")


def title_button(title: Title, topics: dict[str, Named]) -> str:
    return _button(title_page(title), from_title(title, topics), title_entry(title))


def entry_button(entry_: Entry, settings: Settings) -> str:
    """An entry's button: its BibTeX the words its page's "How to cite" gives (cite/entry.py)."""
    page, trust = entry_page(entry_), settings.trust_name
    url = settings.absolute(url_of(page))
    return _button(page, from_entry(entry_, trust, url), entry_bibtex(entry_, trust, url))
