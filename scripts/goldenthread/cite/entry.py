"""How to cite an action-research entry, and a year's publication: APA 7th and BibTeX, the
same words on the entry's page and in its offprint.

An entry is cited as a report of the Trust in the year's series (no report number: an
entry's id is its file name, not a number the Trust gave it):

    Author, E. (2025). *Title* (Action Research 2025). The Trust. URL

The year's publication has the Trust as its author, and so (APA 7 names it once) its publisher:

    The Trust. (2025). *Action Research 2025*. URL
"""

from __future__ import annotations

from ..model import Entry
from .apa import Run, list_names
from .bibtex_text import bib_name, entry_text, escape
from .names import Name, parse_names


def series(year: int) -> str:
    """The name of the year's publication, which each entry is part of."""
    return f"Action Research {year}"


def author_names(entry: Entry) -> list[Name]:
    """Each author's name, read as BibTeX reads 'Given Family' (an organisation whole)."""
    return [parse_names(bib_name(author.name))[0] for author in entry.authors]


def _ended(text: str) -> str:
    return text if text.endswith(".") else text + "."


def entry_citation(entry: Entry, trust: str, url: str = "") -> tuple[Run, ...]:
    """The entry's APA reference, as runs (the title in italics, the address a link)."""
    title = entry.title.strip()
    authors = list_names(author_names(entry))
    runs = [Run(f"{_ended(authors)} ({entry.year}). "), Run(title, italic=True),
            Run(f" ({series(entry.year)}). {_ended(trust)}")]
    if url:
        runs += [Run(" "), Run(url, link=url)]
    return tuple(runs)


def entry_bibtex(entry: Entry, trust: str, url: str = "") -> str:
    """The entry as one BibTeX @techreport (its title in braces: written as the author wrote it)."""
    fields = [("author", " and ".join(bib_name(author.name) for author in entry.authors)),
              ("title", "{" + escape(entry.title.strip()) + "}"),
              ("institution", escape(trust)),
              ("series", escape(series(entry.year))),
              ("year", str(entry.year))]
    if url:
        fields.append(("url", url))
    return entry_text("techreport", entry.id, fields)


def publication_citation(year: int, trust: str, url: str = "") -> tuple[Run, ...]:
    """The year's publication's APA reference: the Trust as author (and so publisher)."""
    runs = [Run(f"{_ended(trust)} ({year}). "), Run(series(year), italic=True), Run(".")]
    if url:
        runs += [Run(" "), Run(url, link=url)]
    return tuple(runs)


def publication_bibtex(year: int, trust: str, url: str = "") -> str:
    """The year's publication as one BibTeX @techreport, the Trust its author and publisher."""
    fields = [("author", "{" + escape(trust) + "}"), ("title", "{" + escape(series(year)) + "}"),
              ("institution", escape(trust)), ("publisher", escape(trust)), ("year", str(year))]
    if url:
        fields.append(("url", url))
    return entry_text("techreport", f"action-research-{year}", fields)
