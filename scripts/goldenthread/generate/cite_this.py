""""Cite this": how a reader cites a title, an entry or a year's publication, the same way on
each page: APA 7 first (what a teacher pastes into an essay), then BibTeX and RIS for a
reference manager, each with a copy button (base/assets/copy.js shows the buttons once it
can copy; without it the text is there to select). The blocks wrap at a phone's width.
CITATION.cff stays a file for software, not a way offered to readers.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import quote

from ..check.sentence_case import sentence_case
from ..cite.apa import Run, reference
from ..cite.entry import entry_bibtex, entry_citation, publication_bibtex, publication_citation, series
from ..cite.names import Name
from ..export.bibtex import bib_name, entry_text, title_fields
from ..export.reference import Reference, from_entry, from_title
from ..export.ris import entry as ris_entry
from ..load.bib import BibEntry
from ..model import Entry, Named, Title
from ..paths import entry_page, url_of, year_page
from ..settings import Settings
from .text import attr

HEADING = "Cite this"
LINK_SAFE = ":/?#[]@!$&'()*+,;=%~"


def _html(runs: tuple[Run, ...]) -> str:
    """APA's runs as HTML: italics and links, the rest as text."""
    parts = []
    for run in runs:
        text = attr(run.text)
        if run.link:
            text = f'<a href="{attr(quote(run.link, safe=LINK_SAFE))}">{text}</a>'
        elif run.italic:
            text = f"<em>{text}</em>"
        parts.append(text)
    return "".join(parts)


def _copyable(ident: str, label: str, body: str, block: bool) -> str:
    # the id on a wrapper: Material renames a <pre>'s own id (to __code_...)
    holder = (f'<div class="gt-cite-text" id="{ident}"><pre><code>{attr(body)}</code></pre></div>'
              if block else f'<p class="gt-cite-text gt-citation" id="{ident}">{body}</p>')
    return (f'<div class="gt-cite-format"><h3 class="gt-cite-label">{label}</h3>{holder}'
            f'<p class="gt-cite-actions"><button type="button" class="md-button gt-copy" '
            f'data-copy="{ident}" hidden>Copy the {label} citation</button> '
            f'<span class="gt-copy-status" role="status"></span></p></div>')


def cite_this(apa: tuple[Run, ...], bibtex: str, ris: str, heading: str = HEADING) -> str:
    """The section: a Markdown heading, then the three forms."""
    return (f"## {heading}\n\n<div class=\"gt-cite\">"
            + _copyable("cite-apa", "APA 7", _html(apa), False)
            + _copyable("cite-bibtex", "BibTeX", bibtex.rstrip("\n"), True)
            + _copyable("cite-ris", "RIS", ris.rstrip("\n"), True) + "</div>\n\n")


def _short(ref: Reference) -> Reference:
    """A reference for citing: without the summary and keywords an export carries."""
    return replace(ref, abstract="", keywords=())


def title_apa(title: Title) -> tuple[Run, ...]:
    """A catalogue record's APA 7 reference, its title in sentence case as APA writes it."""
    kind = "techreport" if title.type == "report" else "book"
    full = " ".join(title.full_title.split())
    fields = {"author": " and ".join(bib_name(a) for a in title.authors),
              "title": sentence_case(full) or full, "year": str(title.year)}
    if title.edition:
        fields["edition"] = title.edition
    if title.publisher:
        fields["institution" if kind == "techreport" else "publisher"] = title.publisher
    if title.url:
        fields["url"] = title.url
    return reference(BibEntry(title.id, kind, fields, 0, {})).runs


def title_cite_this(title: Title, topics: dict[str, Named]) -> str:
    kind = "techreport" if title.type == "report" else "book"
    fields = [field for field in title_fields(title) if field[0] not in ("keywords", "abstract")]
    return cite_this(title_apa(title), entry_text(kind, title.id, fields),
                     ris_entry(_short(from_title(title, topics))))


def entry_cite_this(entry: Entry, settings: Settings) -> str:
    url = settings.absolute(url_of(entry_page(entry)))
    trust = settings.trust_name
    return cite_this(entry_citation(entry, trust, url), entry_bibtex(entry, trust, url),
                     ris_entry(_short(from_entry(entry, trust, url))))


def publication_cite_this(year: int, settings: Settings) -> str:
    """The year's publication: the Trust its author and publisher."""
    url = settings.absolute(url_of(year_page(year)))
    trust = settings.trust_name
    ris = Reference(key=f"action-research-{year}", kind="report", title=series(year),
                    authors=(Name(literal=trust),), year=str(year), publisher=trust, url=url)
    return cite_this(publication_citation(year, trust, url), publication_bibtex(year, trust, url),
                     ris_entry(ris), heading="Cite this publication")
