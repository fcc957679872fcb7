"""The Staff Professional Development Library: the catalogue page and one page per title."""

from __future__ import annotations

from urllib.parse import quote

from ..export.bibtex import title_entry
from ..model import KnowledgeBase, Pathway, Title
from ..settings import Settings
from .framework import framework_link_lines
from .links import entry_page, href, relative, title_page
from .pathways import PAGE as PATHWAYS_PAGE
from .pathways import anchor, pathways_page, steps_for
from .relations import Relations
from .text import attr, fenced, front_matter, join_words, md, plural

INDEX = "library/index.md"
FILTERS = (  # (form field, label, "All" text, model attribute, vocabulary)
    ("topic", "Topic", "All topics", "topics", "topics"),
    ("principle", "Principle", "All principles", "building_blocks", "building_blocks"),
    ("aim", "Aim", "All aims", "aims", "aims"),
    ("stage", "Stage", "All stages", "stages", "stages"),
    ("career", "Career stage", "All career stages", "career_stages", "career_stages"),
)
FORMATS = {"print": "Print", "ebook": "Ebook", "audiobook": "Audiobook"}


def _surname_list(title: Title) -> str:
    return join_words(a.split()[-1] if len(title.authors) > 1 and " " in a else a
                      for a in title.authors[:3]) + (" and others" if len(title.authors) > 3 else "")


def _select(name: str, label: str, everything: str, options: list[tuple[str, str]]) -> str:
    choices = "".join(f'<option value="{attr(v)}">{attr(text)}</option>' for v, text in options)
    return (f'<div class="gt-filter"><label for="gt-{name}">{label}</label>'
            f'<select id="gt-{name}" name="{name}"><option value="">{everything}</option>'
            f"{choices}</select></div>")


def filter_form(kb: KnowledgeBase) -> str:
    fields = ['<div class="gt-filter gt-filter-text"><label for="gt-q">Filter by words in the '
              'title, author or summary</label><input id="gt-q" name="q" type="search" '
              'autocomplete="off"></div>']
    for name, label, everything, _, vocabulary in FILTERS:
        options = [(item.id, f"{item.number}. {item.name}" if item.number else item.name)
                   for item in getattr(kb, vocabulary)]
        fields.append(_select(name, label, everything, options))
    fields.append(_select("format", "Format", "All formats", list(FORMATS.items())))
    years = sorted({t.year for t in kb.titles}, reverse=True)
    fields.append(_select("year", "Year", "All years", [(str(y), str(y)) for y in years]))
    fields.append(_select("sort", "Sort by", "Title (A to Z)", [
        ("author", "Author (A to Z)"), ("year", "Year (newest first)"),
        ("added", "Recently added")]))
    return ('<form id="gt-filters" class="gt-filters" role="search" aria-label="Filter the '
            'catalogue" hidden>' + "".join(fields)
            + '<button type="reset" class="md-button">Clear filters</button></form>')


def _item(title: Title) -> str:
    data = {
        "id": title.id, "title": title.full_title.casefold(),
        "author": (title.authors[0].split()[-1] if title.authors else "").casefold(),
        "text": " ".join([title.full_title, *title.authors, title.summary]).casefold(),
        "year": str(title.year), "added": title.added,
        "topic": " ".join(title.topics), "principle": " ".join(title.building_blocks),
        "aim": " ".join(title.aims), "stage": " ".join(title.stages),
        "career": " ".join(title.career_stages), "format": " ".join(title.formats),
    }
    attributes = " ".join(f'data-{key}="{attr(value)}"' for key, value in data.items())
    link = href(INDEX, title_page(title))
    kind = " (report)" if title.type == "report" else ""
    return (f'<li {attributes}><a href="{link}">{attr(title.full_title)}</a>'
            f'<span class="gt-byline">{attr(_surname_list(title))}, {title.year}{kind}</span></li>')


def catalogue_page(kb: KnowledgeBase, intro: str) -> str:
    titles = sorted(kb.titles, key=lambda t: (t.full_title.casefold(), t.id))
    items = "".join(_item(t) for t in titles)
    return (front_matter(title="Staff Professional Development Library")
            + "# Staff Professional Development Library\n\n" + intro.strip() + "\n\n"
            + filter_form(kb) + "\n\n"
            f'<p id="gt-count" class="gt-count" role="status">{plural(len(titles), "title")}</p>\n\n'
            f'<ul id="gt-catalogue" class="gt-catalogue">{items}</ul>\n\n'
            '<p id="gt-none" class="gt-none" hidden>No titles match these filters. '
            "Clear a filter to see more.</p>\n")


def _request_link(title: Title, settings: Settings) -> str:
    target = settings.library_requests
    if not target:
        return ""
    words = f"{title.full_title} ({', '.join(title.authors)}, {title.year})"
    if target.startswith("mailto:"):
        link = (f"{target}?subject={quote('Library request: ' + title.title)}"
                f"&body={quote('Please may I borrow: ' + words)}")
    else:
        link = f"{target}{'&' if '?' in target else '?'}title={quote(words)}"
    return f"[Request this title]({link}){{ .md-button .md-button--primary }}\n\n"


def _details(title: Title, kb: KnowledgeBase) -> str:
    rows = [("Authors", md(join_words(title.authors))), ("Year", str(title.year))]
    if title.edition:
        rows.append(("Edition", md(title.edition)))
    if title.publisher:
        rows.append(("Publisher", md(title.publisher)))
    if title.isbn:
        rows.append(("ISBN", md(title.isbn)))
    rows.append(("Type", "Report" if title.type == "report" else "Book"))
    if title.formats:
        rows.append(("Formats", ", ".join(FORMATS[f] for f in title.formats)))
    academies = kb.named("academies")
    if title.copies:
        held = "; ".join(f"{md(academies[a].name)}: {plural(n, 'copy', 'copies')}"
                         for a, n in title.copies)
        rows.append(("Held at", held))
    if title.added:
        rows.append(("Added to the library", title.added))
    return "| Detail | Value |\n|---|---|\n" + "".join(f"| {k} | {v} |\n" for k, v in rows)


def _framework_links(page: str, title: Title, kb: KnowledgeBase) -> str:
    lines = framework_link_lines(page, title, kb)
    return "\n".join(lines) + "\n" if lines else "Not yet linked to the framework.\n"


def _pathway_lines(page: str, title: Title, kb: KnowledgeBase,
                   steps: dict[str, list[tuple[Pathway, int]]]) -> str:
    stages = kb.named("career_stages")
    return "".join(
        f"- Step {number} of {len(pathway.steps)} on the "
        f"[{md(stages[pathway.career_stage].name)} pathway]"
        f"({relative(page, PATHWAYS_PAGE)}#{anchor(pathway)})\n"
        for pathway, number in steps.get(title.id, []))


def title_page_text(title: Title, kb: KnowledgeBase, relations: Relations, settings: Settings,
                    steps: dict[str, list[tuple[Pathway, int]]] | None = None) -> str:
    page = title_page(title)
    topics = kb.named("topics")
    entries = relations.entries_citing[title.id]
    related = relations.related(title)
    text = front_matter(title=title.full_title, description=" ".join(title.summary.split())[:300],
                        tags=[topics[t].name for t in title.topics])
    text += f"# {md(title.title)}\n\n"
    if title.subtitle:
        text += f"*{md(title.subtitle)}*\n{{ .gt-subtitle }}\n\n"
    text += f"By {md(join_words(title.authors))} ({title.year})\n{{ .gt-byline }}\n\n"
    if title.summary:
        text += title.summary.strip() + "\n\n"
    text += _request_link(title, settings)
    text += "## Details\n\n" + _details(title, kb) + "\n"
    text += "## In the framework\n\n" + _framework_links(page, title, kb) + "\n"
    on_pathways = _pathway_lines(page, title, kb, steps or {})
    if on_pathways:
        text += "## On reading pathways\n\n" + on_pathways + "\n"
    text += "## Action research that draws on it\n\n"
    text += "".join(f"- [{md(e.title)}]({relative(page, entry_page(e))}) ({e.year})\n"
                    for e in entries) or "No action-research entry cites this title yet.\n"
    text += "\n## Related titles\n\n"
    text += "".join(f"- [{md(r.full_title)}]({relative(page, title_page(r))}) ({r.year})\n"
                    for r in related) or "None yet.\n"
    text += ("\n## Cite this\n\nCopy this BibTeX entry into your reference manager.\n\n"
             + fenced(title_entry(title), "bibtex") + "\n"
             f"[Back to the library]({relative(page, INDEX)})\n")
    return text


def library_pages(kb: KnowledgeBase, relations: Relations, settings: Settings,
                  intro: str) -> dict[str, str]:
    pages = {INDEX: catalogue_page(kb, intro)}
    steps = steps_for(kb)
    pages[PATHWAYS_PAGE] = pathways_page(kb)
    for title in kb.titles:
        pages[title_page(title)] = title_page_text(title, kb, relations, settings, steps)
    return pages
