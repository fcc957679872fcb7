"""How to cite an action-research entry: APA 7th and BibTeX, the same words on the entry's
page, in its offprint and in the year's CITATION.cff.

An entry is cited as a report of the Trust in the year's series, numbered by its id (the
number Google Scholar's citation_technical_report_number gives):

    Author, E. (2025). *Title* (Action Research 2025, Report No. the-entry-id). The Trust. URL
"""

from __future__ import annotations

from ..export.bibtex import bib_name, escape
from ..model import Entry
from .apa import Run, list_names
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
            Run(f" ({series(entry.year)}, Report No. {entry.id}). {_ended(trust)}")]
    if url:
        runs += [Run(" "), Run(url, link=url)]
    return tuple(runs)


def entry_bibtex(entry: Entry, trust: str, url: str = "") -> str:
    """The entry as one BibTeX @techreport (its title in braces: written as the author wrote it)."""
    fields = [("author", " and ".join(bib_name(author.name) for author in entry.authors)),
              ("title", "{" + escape(entry.title.strip()) + "}"),
              ("institution", escape(trust)),
              ("type", escape(f"{series(entry.year)}, Report")),
              ("number", escape(entry.id)),
              ("year", str(entry.year))]
    if url:
        fields.append(("url", url))
    width = max(len(name) for name, _ in fields)
    body = ",\n".join(f"  {name.ljust(width)} = {{{value}}}" for name, value in fields)
    return f"@techreport{{{entry.id},\n{body}\n}}\n"
