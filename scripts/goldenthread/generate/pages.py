"""Every generated page of the site, as a mapping from docs-relative path to Markdown,
and the files generated beside them (the search index, the catalogue's JSON)."""

from __future__ import annotations

from ..model import KnowledgeBase
from ..settings import Settings
from .about import ABOUT, ACCESSIBILITY, about_page, fill_marks
from .catalogue import catalogue_files
from .contributing import FOLDER as CONTRIBUTING
from .contributing import PAGE as CONTRIBUTING_PAGE
from .contributing import contributing_page
from .evidence_map import PAGE as EVIDENCE_MAP
from .evidence_map import evidence_map_page
from .form_data import form_files
from .forms import form_pages
from .framework import framework_pages
from .glossary import PAGE as GLOSSARY
from .glossary import Abbreviations, glossary_page
from .home import PAGE as HOME
from .home import home_page
from .impact import impact_pages
from .library import library_pages
from .my_list import PAGE as MY_LIST
from .relations import Relations, relate
from .research import research_pages
from .search_index import FOLDER as SEARCH_INDEX
from .search_index import search_files

# The folders under docs/ that generation owns: git-ignored, rewritten on every build.
OWNED = ("framework", "library", "research", CONTRIBUTING, SEARCH_INDEX)
# The pages at the top of docs/ that generation writes (also git-ignored).
GENERATED_PAGES = (HOME, ABOUT, ACCESSIBILITY, MY_LIST)


def site_pages(kb: KnowledgeBase, settings: Settings, texts: dict[str, str],
               pdf_years: set[int] = frozenset(),  # type: ignore[assignment]
               relations: Relations | None = None, with_titles: bool = True) -> dict[str, str]:
    """texts holds the hand-written intros (docs/_text/<name>.md) by name. Without
    with_titles, the titles' own pages are left to the caller (generate/library.py's
    title_pages), which may make them in several processes."""
    relations = relations or relate(kb)
    texts = {name: fill_marks(text, settings.identity) for name, text in texts.items()}
    pages: dict[str, str] = {}
    pages.update(framework_pages(kb, relations, texts.get("framework", "")))
    pages[EVIDENCE_MAP] = evidence_map_page(kb, relations)
    pages.update(library_pages(kb, relations, settings, texts.get("library", ""), with_titles,
                               texts.get("pathways", "")))
    pages.update(research_pages(kb, texts.get("research", ""), set(pdf_years), settings))
    pages.update(impact_pages(kb, settings.identity.name))
    pages[CONTRIBUTING_PAGE] = contributing_page(texts.get("contributing", ""))
    pages.update(form_pages(kb, settings, texts))
    if "index" in texts:
        pages[HOME] = home_page(kb, texts["index"])
    abbreviate = Abbreviations(kb.glossary)
    pages = {path: abbreviate(text) if path.endswith(".md") else text for path, text in pages.items()}
    pages[GLOSSARY] = glossary_page(kb)
    pages[ABOUT] = about_page(settings.identity, texts.get("about", ""))
    for page, name in ((ACCESSIBILITY, "accessibility"), (MY_LIST, "my-list")):
        if name in texts:
            pages[page] = texts[name]
    return pages


def site_files(kb: KnowledgeBase, pages: dict[str, str], hand_written: dict[str, str]) -> dict[str, str]:
    """The search index, the catalogue's JSON and the forms' data: docs-relative path -> JSON
    text. pages are site_pages' pages, hand_written the other Markdown pages under docs/."""
    return {**search_files(kb, pages, hand_written), **catalogue_files(kb), **form_files(kb)}
