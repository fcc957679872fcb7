"""References and author-date citations in APA 7th edition.

A reference is a tuple of Runs (text, italic or not, link or not), so each output
(HTML for the site, Typst for the PDF) renders the same words its own way and no
contributed text is ever pasted into markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..check.citations import CitationGroup
from ..load.bib import BibEntry
from .latex import plain
from .names import Name, parse_names


@dataclass(frozen=True)
class Run:
    text: str
    italic: bool = False
    link: str = ""


@dataclass(frozen=True)
class Reference:
    """One formatted reference and what its citations say."""

    key: str
    runs: tuple[Run, ...]
    author_date: str  # "Roediger & Karpicke, 2006"
    sort_key: tuple[str, str, str]

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


def _field(entry: BibEntry, name: str) -> str:
    return plain(entry.fields.get(name, ""))


def list_names(names: Sequence[Name]) -> str:
    inverted = [name.inverted() for name in names]
    if len(inverted) > 20:
        return ", ".join(inverted[:19]) + ", . . . " + inverted[-1]
    if len(inverted) == 1:
        return inverted[0]
    return ", ".join(inverted[:-1]) + ", & " + inverted[-1]


def _cited_names(names: Sequence[Name]) -> str:
    def short(name: Name) -> str:
        return name.literal or name.family

    if not names:
        return ""
    if len(names) == 1:
        return short(names[0])
    if len(names) == 2:
        return f"{short(names[0])} & {short(names[1])}"
    return f"{short(names[0])} et al."


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def _month(entry: BibEntry) -> str:
    """', May' or ', May 5' for a dated web page, from month (and day) or an ISO date."""
    date = entry.fields.get("date", "")
    match = re.match(r"^\d{4}-(\d{1,2})(?:-(\d{1,2}))?", date)
    month_text, day = (match.group(1), match.group(2) or "") if match else (
        entry.fields.get("month", "").strip().lower(), entry.fields.get("day", "").strip())
    number = int(month_text) if month_text.isdigit() else next(
        (i + 1 for i, name in enumerate(MONTHS) if month_text and name.lower().startswith(month_text[:3])), 0)
    if not 1 <= number <= 12:
        return ""
    return f", {MONTHS[number - 1]}" + (f" {int(day)}" if day.isdigit() else "")


def _end(text: str) -> str:
    """Text followed by a full stop unless it already ends in punctuation."""
    return text if text.endswith((".", "?", "!")) else text + "."


def _pages(value: str) -> str:
    return re.sub(r"\s*-+\s*", "\u2013", value)


def _doi_or_url(entry: BibEntry) -> list[Run]:
    doi = entry.fields.get("doi", "").strip()
    if doi:
        link = f"https://doi.org/{doi}"
        return [Run(" "), Run(link, link=link)]
    url = entry.fields.get("url", "").strip()
    if not url:
        return []
    read = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", entry.fields.get("urldate", ""))
    if read and not entry.fields.get("year") and not entry.fields.get("date"):
        when = f"{MONTHS[int(read.group(2)) - 1]} {int(read.group(3))}, {read.group(1)}"
        return [Run(f" Retrieved {when}, from "), Run(url, link=url)]
    return [Run(" "), Run(url, link=url)]


def _edition(entry: BibEntry) -> str:
    edition = _field(entry, "edition")
    if not edition:
        return ""
    number = re.match(r"^(\d+)", edition)
    if number:
        n = int(number.group(1))
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f" ({n}{suffix} ed.)"
    return f" ({edition})"


def _publisher(entry: BibEntry, authors: str, *names: str) -> list[Run]:
    for name in names:
        value = _field(entry, name)
        if value and value != authors:
            return [Run(" " + _end(value))]
    return []


def _body(entry: BibEntry, authors: str) -> list[Run]:
    kind = entry.type
    title = _field(entry, "title")
    if kind == "article":
        runs = [Run(" " + _end(title) + " "), Run(_field(entry, "journal"), italic=True)]
        volume, number, pages = (_field(entry, n) for n in ("volume", "number", "pages"))
        if volume:
            runs += [Run(", "), Run(volume, italic=True)]
        if number:
            runs.append(Run(f"({number})"))
        if pages:
            runs.append(Run(f", {_pages(pages)}"))
        runs.append(Run("."))
        return runs
    if kind in ("incollection", "inproceedings", "inbook") and entry.fields.get("booktitle"):
        editors = parse_names(entry.fields.get("editor", ""))
        eds = ""
        if editors:
            names = [name.direct() for name in editors]
            two = len(names) <= 2
            joined = " & ".join(names) if two else ", ".join(names[:-1]) + ", & " + names[-1]
            eds = f"{joined} ({'Eds.' if len(editors) > 1 else 'Ed.'}), "
        pages = _field(entry, "pages")
        runs = [Run(" " + _end(title) + " In " + eds), Run(_field(entry, "booktitle"), italic=True)]
        runs.append(Run(f" (pp. {_pages(pages)})." if pages else "."))
        return runs + _publisher(entry, authors, "publisher")
    if kind in ("phdthesis", "mastersthesis"):
        degree = "Doctoral dissertation" if kind == "phdthesis" else "Master's thesis"
        return [Run(" "), Run(title, italic=True),
                Run(f" [{degree}, {_field(entry, 'school')}].")]
    if kind in ("online", "misc"):
        runs = [Run(" "), Run(_end(title), italic=True)]
        site = _field(entry, "organization") or _field(entry, "howpublished")
        if site and site != authors:
            runs.append(Run(" " + _end(site)))
        return runs
    runs = [Run(" "), Run(title, italic=True), Run(_edition(entry) + ".")]
    if runs[-1].text == "." and title.endswith((".", "?", "!")):
        runs[-1] = Run("")
    # As Typst's APA style does, the publisher is printed even when it is also the author.
    return runs + _publisher(entry, "", "publisher", "institution", "organization")


def reference(entry: BibEntry) -> Reference:
    names = parse_names(entry.fields.get("author", "")) or parse_names(entry.fields.get("editor", ""))
    is_editor = not entry.fields.get("author") and bool(names)
    year = _field(entry, "year") or ("" if entry.fields.get("date") else "n.d.")
    if entry.fields.get("date") and not _field(entry, "year"):
        year = entry.fields["date"][:4]
    date = year + _month(entry) if entry.type in ("online", "misc") else year
    title = _field(entry, "title")
    if names:
        authors = list_names(names)
        who = authors + (" (Eds.)" if is_editor and len(names) > 1 else " (Ed.)" if is_editor else "")
        head = [Run(_end(who) + f" ({date}).")]
        body = _body(entry, authors if len(names) == 1 else "")
        cited = _cited_names(names)
    else:  # no author: the title takes the author's place
        head = [Run(title, italic=True), Run(f". ({year}).")]
        body = _body(entry, "")[2:] if entry.type not in ("article",) else _body(entry, "")
        cited = title
    runs = tuple(run for run in head + body + _doi_or_url(entry) if run.text)
    sort = (names[0].sort_key if names else title.casefold(), year, title.casefold())
    return Reference(entry.key, runs, f"{cited}, {year}", sort)


def reference_list(entries: Iterable[BibEntry]) -> list[Reference]:
    """APA order (first author, year, title), with 2019a/2019b where author and year repeat."""
    references = sorted((reference(entry) for entry in entries), key=lambda r: r.sort_key)
    by_author_date: dict[str, list[int]] = {}
    for index, ref in enumerate(references):
        by_author_date.setdefault(ref.author_date, []).append(index)
    for indexes in by_author_date.values():
        if len(indexes) < 2:
            continue
        for letter, index in zip("abcdefghijklmnopqrstuvwxyz", indexes, strict=False):
            ref = references[index]
            year = ref.author_date.rsplit(", ", 1)[1]
            runs = tuple(Run(run.text.replace(f"({year}).", f"({year}{letter}).", 1), run.italic,
                             run.link) for run in ref.runs)
            references[index] = Reference(ref.key, runs, f"{ref.author_date}{letter}", ref.sort_key)
    return references


def citation(group: CitationGroup, references: dict[str, Reference]) -> str:
    """'(Roediger & Karpicke, 2006; Sherrington, 2019, p. 24)' for one bracketed citation."""
    parts = []
    for item in group.items:
        ref = references.get(item.key)
        text = ref.author_date if ref else item.key
        if item.suppress_author and ref:
            text = text.rsplit(", ", 1)[1]
        parts.append(f"{text}, {item.locator}" if item.locator else text)
    return "(" + "; ".join(parts) + ")"
