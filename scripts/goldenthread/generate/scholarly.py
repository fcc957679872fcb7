"""What search engines and reference managers read of a page, carried in its front matter
(base/_theme/main.html writes it into the page's head; no page has hand-written HTML):

- each entry: Google Scholar's Highwire Press tags (`citation`: [name, content] pairs, in
  order, one `citation_author` per author and one `citation_reference` per reference), and
  schema.org JSON-LD (`json_ld`, a Report);
- each title: schema.org JSON-LD, a Book, with its ISBN where the record has one.

URLs are absolute when site_url is set; otherwise relative to the page (Scholar needs the
absolute ones: set site_url, or GOLDENTHREAD_SITE_URL, where the site is published).
"""

from __future__ import annotations

from typing import Any

from ..cite.apa import reference_list
from ..cite.entry import series
from ..cite.latex import plain
from ..cite.names import parse_names
from ..export.bibtex import is_organisation
from ..load.bib import BibEntry
from ..model import Entry, KnowledgeBase, Title
from ..paths import entry_page, title_page, url_of, year_page
from ..settings import Settings

SCHEMA = "https://schema.org"
EXAMPLE_DESCRIPTION = ("An illustrative example, written to show the format of an entry. It does not "
                       "report real pupils, staff or results.")

# BibTeX field -> Highwire tag, for a reference's citation_reference
_REFERENCE_FIELDS = (("journal", "citation_journal_title"), ("booktitle", "citation_inbook_title"),
                     ("volume", "citation_volume"), ("number", "citation_issue"),
                     ("publisher", "citation_publisher"),
                     ("institution", "citation_technical_report_institution"),
                     ("doi", "citation_doi"), ("isbn", "citation_isbn"))


def offprint_url(entry: Entry, settings: Settings) -> str:
    """The entry's offprint: absolute with site_url, else relative to the entry's page."""
    return settings.absolute(url_of(entry_page(entry))) + f"{entry.id}.pdf" if settings.site_url \
        else f"{entry.id}.pdf"


def _reference_tag(reference: BibEntry) -> str:
    """One reference as Highwire's citation_reference: 'citation_title=...; citation_author=...'."""
    fields = reference.fields

    def clean(value: str) -> str:
        return plain(value).replace(";", ",")

    parts = [("citation_title", clean(fields.get("title", "")))]
    people = parse_names(fields.get("author", "")) or parse_names(fields.get("editor", ""))
    parts += [("citation_author", clean(name.literal or f"{name.family}, {name.given}".strip(", ")))
              for name in people]
    year = fields.get("year") or fields.get("date", "")[:4]
    if year:
        parts.append(("citation_publication_date", clean(year)))
    pages = fields.get("pages", "").replace("--", "-").split("-")
    parts += [(tag, clean(fields[name])) for name, tag in _REFERENCE_FIELDS if fields.get(name)]
    if pages[0].strip():
        parts.append(("citation_firstpage", clean(pages[0])))
        if len(pages) > 1 and pages[-1].strip():
            parts.append(("citation_lastpage", clean(pages[-1])))
    return "; ".join(f"{tag}={value}" for tag, value in parts if value)


def entry_citation_tags(entry: Entry, settings: Settings) -> list[list[str]]:
    """Google Scholar's tags for an entry, as [name, content] pairs in order. A report number
    is optional for Scholar and the publication gives none: the entry's id is a file name, not
    a number a reader could quote."""
    tags = [["citation_title", entry.title.strip()]]
    tags += [["citation_author", author.name] for author in entry.authors]
    tags += [["citation_publication_date", str(entry.year)],
             ["citation_pdf_url", offprint_url(entry, settings)],
             ["citation_technical_report_institution", settings.trust_name],
             ["citation_language", settings.identity.language]]  # ISO 639-1: the locale's language
    page = settings.absolute(url_of(entry_page(entry)))
    if page:
        tags.append(["citation_abstract_html_url", page])
    tags += [["citation_reference", _reference_tag(reference)] for reference in entry.references]
    return tags


def _person(name: str) -> dict[str, Any]:
    return {"@type": "Organization" if is_organisation(name) else "Person", "name": name}


def entry_json_ld(entry: Entry, kb: KnowledgeBase, settings: Settings) -> dict[str, Any]:
    """schema.org's description of an entry: a Report in the year's publication."""
    academy = kb.named("academies")[entry.academy].name
    topics = kb.named("topics")
    trust = {"@type": "Organization", "name": settings.trust_name}
    school = {"@type": "EducationalOrganization", "name": academy}
    data: dict[str, Any] = {
        "@context": SCHEMA, "@type": "Report", "name": entry.title.strip(), "headline": entry.title.strip(),
        "author": [{"@type": "Person", "name": a.name, "jobTitle": a.role, "affiliation": school}
                   for a in entry.authors],
        "datePublished": str(entry.year), "inLanguage": settings.identity.locale,
        "abstract": " ".join(entry.abstract.split()), "publisher": trust,
        "isPartOf": {"@type": "CreativeWork", "name": series(entry.year), "publisher": trust},
        "encoding": {"@type": "MediaObject", "encodingFormat": "application/pdf",
                     "contentUrl": offprint_url(entry, settings)},
        "isAccessibleForFree": True,
        "keywords": [topics[t].name for t in entry.topics],
        "citation": [ref.text for ref in reference_list(entry.references)],
    }
    url = settings.absolute(url_of(entry_page(entry)))
    if url:
        data["url"] = url
        data["isPartOf"]["url"] = settings.absolute(url_of(year_page(entry.year)))
    if entry.example:
        data["description"] = EXAMPLE_DESCRIPTION
    return data


def title_json_ld(title: Title, settings: Settings) -> dict[str, Any]:
    """schema.org's description of a catalogue title: a Book (a report is one too, in print)."""
    data: dict[str, Any] = {"@context": SCHEMA, "@type": "Book", "name": title.full_title,
                            "author": [_person(name) for name in title.authors],
                            "datePublished": str(title.year)}
    if title.type == "report":
        data["additionalType"] = f"{SCHEMA}/Report"
    if title.isbn:
        data["isbn"] = title.isbn
    if title.publisher:
        data["publisher"] = {"@type": "Organization", "name": title.publisher}
    if title.edition:
        data["bookEdition"] = title.edition
    url = settings.absolute(url_of(title_page(title)))
    if url:
        data["url"] = url
    if title.url:
        data["sameAs"] = title.url
    return data
