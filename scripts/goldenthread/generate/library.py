"""The Staff Professional Development Library: the catalogue (catalogue.py), the reading
pathways and one page per title."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from urllib.parse import quote

from ..cite.people import listed
from ..model import KnowledgeBase, Named, Pathway, Title
from ..paths import entry_page, relative, title_page
from ..settings import Settings
from . import catalogue
from .catalogue import INDEX
from .cite_this import title_cite_this
from .framework import framework_link_lines
from .glossary import Abbreviations
from .my_list import title_button
from .pathways import PAGE as PATHWAYS_PAGE
from .pathways import anchor, pathways_page, steps_for
from .relations import Relations
from .scholarly import title_json_ld
from .text import front_matter, long_date, md, plural

FORMATS = catalogue.FORMATS


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
    rows = [("Authors", md(listed(title.authors))), ("Year", str(title.year))]
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
        rows.append(("Added to the library", long_date(title.added)))
    # a description list: each detail's name and its value, no header row to read out
    return "".join(f"{name}\n:   {value}\n\n" for name, value in rows)


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
                        tags=[topics[t].name for t in title.topics], json_ld=title_json_ld(title, settings))
    text += f"# {md(title.title)}\n\n"
    if title.subtitle:
        text += f"*{md(title.subtitle)}*\n{{ .gt-subtitle }}\n\n"
    text += f"By {md(listed(title.authors))} ({title.year})\n{{ .gt-byline }}\n\n"
    text += title_button(title, topics)
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
    text += "\n" + title_cite_this(title, topics) + f"[Back to the library]({relative(page, INDEX)})\n"
    return text


Names = dict[str, dict[str, Named]]  # kind (topics, a dimension's id, ...) -> id -> the named item


def vocabulary_names(kb: KnowledgeBase) -> Names:
    kinds = ("topics", "career_stages", "academies", *(d.id for d in kb.tagging))
    return {kind: kb.named(kind) for kind in kinds}


def title_page_inputs(title: Title, relations: Relations, settings: Settings, names: Names,
                      steps: dict[str, list[tuple[Pathway, int]]],
                      framework: tuple[object, ...] = ()) -> tuple[object, ...]:
    """Everything title_page_text reads to make this title's page: the same inputs make the
    same page, so the preview makes a title's page again only when they change. Keep the two
    together (tests/generate/test_live.py checks pages made from changed inputs). framework
    is framework_shape(kb): how its pages name and place the dimensions."""
    kinds = ("topics", "career_stages", *(kind for kind, _ in title.tags))
    return (
        title, settings, framework,
        tuple(names[kind][ident].name for kind in kinds for ident in title.ids(kind)),
        tuple(names["academies"][academy].name for academy, _ in title.copies),
        tuple((e.id, e.year, e.title) for e in relations.entries_citing.get(title.id, ())),
        tuple((r.id, r.full_title, r.year) for r in relations.related(title)),
        tuple((p.career_stage, len(p.steps), number, names["career_stages"][p.career_stage].name)
              for p, number in steps.get(title.id, ())),
    )


def title_pages(kb: KnowledgeBase, relations: Relations, settings: Settings,
                titles: Iterable[Title]) -> Iterator[tuple[str, str]]:
    """(docs-relative path, Markdown) of each title's page."""
    steps = steps_for(kb)
    abbreviate = Abbreviations(kb.glossary)
    for title in titles:
        yield title_page(title), abbreviate(title_page_text(title, kb, relations, settings, steps))


def library_pages(kb: KnowledgeBase, relations: Relations, settings: Settings,
                  intro: str, with_titles: bool = True, texts_pathways: str = "") -> dict[str, str]:
    """The catalogue's pages, the pathways and (with_titles) each title's page."""
    pages = catalogue.catalogue_pages(kb, intro, settings.identity.library_title)
    pages[PATHWAYS_PAGE] = pathways_page(kb, texts_pathways, settings.identity.library_title)
    if with_titles:
        pages.update(title_pages(kb, relations, settings, kb.titles))
    return pages


def framework_shape(kb: KnowledgeBase) -> tuple[object, ...]:
    """What a title's page takes from the framework besides its items' names: the
    dimensions' names, folders and order."""
    return tuple((d.id, d.name, d.folder, d.map) for d in kb.tagging)
