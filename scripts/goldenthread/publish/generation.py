"""The generation step: validate, assemble, and make the generated pages and outputs.

`Plan` holds every generated page but the titles' own, made but not yet written (the
titles' pages, most of the pages, are made as they are written), and makes the files
that go beside the pages: the search index and the catalogue's JSON, each year's PDF, its
references (BibTeX, RIS, CSL-JSON) and its CITATION.cff, each entry's offprint, the
library's BibTeX, RIS and CSL-JSON, and the Atom feeds of new titles and new research. A
build writes them in the order MkDocs needs them (publish/session.py); generate_pages
writes everything into docs/ at once.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .. import base_files
from ..assemble import assemble
from ..export.citation_cff import citation_name, year_citation
from ..export.feeds import LIBRARY_FEED, RESEARCH_FEED, library_feed, research_feed
from ..export.files import LIBRARY, library_text, year_files, year_text
from ..export.outcomes import CSV as OUTCOMES_CSV
from ..export.outcomes import JSON as OUTCOMES_JSON
from ..export.outcomes import made_from, outcomes_csv, outcomes_json
from ..generate.library import title_pages
from ..generate.pages import OWNED, site_files, site_pages
from ..generate.relations import Relations, relate
from ..load.repository import Sources
from ..model import KnowledgeBase
from ..paths import offprint, title_page
from ..settings import Settings
from ..validation import TitleCache, Validation, validate
from ..writer import copy_files, write_atomically, write_changed, write_pages
from .pdf import annual_output, build_pdfs, pdf_name

TEXTS = "docs/_text/"


@dataclass
class Generated:
    validation: Validation
    knowledge: KnowledgeBase | None = None
    pages: int = 0
    written: int = 0


def hand_written_texts(sources: Sources) -> dict[str, str]:
    """The texts generated pages include, by name: the engine's own (base_files.texts), each
    replaced by the trust's docs/_text/<name>.md when it has one (as loaded and checked)."""
    own = {path.removeprefix(TEXTS).removesuffix(".md"): text for path, text in sources.pages.items()
           if path.startswith(TEXTS) and "/" not in path.removeprefix(TEXTS)}
    return {**base_files.texts(), **own}


def hand_written_pages(sources: Sources) -> dict[str, str]:
    """The Markdown pages under docs/ that are not generated (nor the texts in docs/_text),
    docs-relative, as loaded and checked."""
    return {path.removeprefix("docs/"): text for path, text in sorted(sources.pages.items())
            if not path.startswith(TEXTS)}


def write_base(docs: Path) -> int:
    """Write the engine's shared site files (base_files.site_files) into docs/, only what
    changed; remove what else is in their folders. Returns files written."""
    return write_pages(docs, base_files.site_files(), base_files.FOLDERS, keep=frozenset(base_files.KEPT))


def source_date(knowledge: KnowledgeBase) -> int:
    """A build timestamp taken from the sources (newest date in them), for reproducible output."""
    dates = [t.added for t in knowledge.titles if t.added]
    newest = max(dates) if dates else ""
    years = [*(e.year for e in knowledge.entries), *(t.year for t in knowledge.titles)]
    if not newest:
        newest = f"{max(years) if years else 2000}-01-01"
    moment = datetime.datetime.fromisoformat(newest).replace(tzinfo=datetime.UTC)
    return int(moment.timestamp())


def build_timestamp(knowledge: KnowledgeBase) -> int:
    """SOURCE_DATE_EPOCH when set (the reproducible-builds convention), else source_date."""
    return int(os.environ.get("SOURCE_DATE_EPOCH") or source_date(knowledge))


def load_knowledge(root: Path, cache: TitleCache | None = None,
                   settings: Settings | None = None) -> tuple[Validation, KnowledgeBase | None]:
    """Validate the sources and, if they are valid, assemble them."""
    validation = validate(root, cache=cache, settings=settings)
    return validation, assemble(validation.sources) if validation.ok else None


@dataclass
class Plan:
    """Every generated page but the titles' own, and how to make the rest."""

    root: Path
    validation: Validation
    knowledge: KnowledgeBase
    pages: dict[str, str]
    images: set[str]  # repository-relative, copied to the same place under docs/
    relations: Relations
    settings: Settings
    titles: dict[str, int] = field(default_factory=dict)  # docs-relative page -> index in knowledge.titles

    def __post_init__(self) -> None:
        self.titles = {title_page(title): at for at, title in enumerate(self.knowledge.titles)}

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def output_names(self) -> list[str]:
        """The docs-relative files make_outputs makes."""
        return list(self.outputs())

    def write_pages(self) -> int:
        """Write every page but the titles' own, and the images, into docs/ (only what
        changed); remove what is stale in the generated folders. Returns files written."""
        keep = frozenset([*self.titles, *self.output_names(), *self.images])
        written = write_pages(self.docs, self.pages, OWNED, keep=keep)
        written += write_base(self.docs)
        return written + copy_files(self.root, self.docs, self.images)

    def write_titles(self, pages: list[str]) -> int:
        """Write these titles' pages (docs-relative paths) if changed; returns how many were."""
        titles = [self.knowledge.titles[self.titles[page]] for page in pages]
        return sum(write_changed(self.docs / path, text)
                   for path, text in title_pages(self.knowledge, self.relations, self.settings, titles))

    def site_files(self) -> dict[str, str]:
        """The search index and the catalogue's JSON (site-relative path -> text): files no
        page links to, which only need to reach the site."""
        return site_files(self.knowledge, self.pages, hand_written_pages(self.validation.sources))

    def outputs(self) -> dict[str, tuple[object, ...]]:
        """Each output (docs-relative) -> what it is made from: each year's PDF and references
        (beside its year page), each entry's offprint (in its page's folder) and the
        library's exports and the feeds."""
        kb = self.knowledge
        titles, academies, topics = tuple(kb.titles), tuple(kb.academies), tuple(kb.topics)
        made: dict[str, tuple[object, ...]] = {name: titles for name in LIBRARY.values()}
        made[LIBRARY_FEED] = (titles, topics, self.settings)
        made[RESEARCH_FEED] = (tuple(kb.entries), topics, self.settings)
        made[OUTCOMES_CSV] = made[OUTCOMES_JSON] = made_from(kb)
        for year in kb.years:
            entries = tuple(entry for entry in kb.entries if entry.year == year)
            images = tuple(sorted(name for name in self.images if name.startswith(f"research/{year}/")))
            made.update(dict.fromkeys(year_files(year).values(), entries))
            made[citation_name(year)] = (year, entries, self.settings)
            made[annual_output(year)] = (year, entries, kb.forewords.get(year, ""), self.settings,
                                         academies, images)
            for entry in entries:
                made[offprint(entry)] = (entry, self.settings, academies, topics, images)
        return made

    def make_outputs(self, timestamp: int, names: Iterable[str] | None = None) -> dict[str, bytes]:
        """These outputs (every one, by default), by docs-relative name; every PDF among them
        made in one Typst process."""
        wanted = list(self.outputs() if names is None else names)
        annuals = {annual_output(year): year for year in self.knowledge.years}
        offprints = {offprint(entry): entry for entry in self.knowledge.entries}
        pdfs = build_pdfs(self.root, self.knowledge, timestamp,
                          years=[annuals[name] for name in wanted if name in annuals],
                          entries=[offprints[name] for name in wanted if name in offprints],
                          settings=self.settings)
        return {name: pdfs[name] if name in pdfs else self._made(name) for name in wanted}

    def _made(self, name: str) -> bytes:
        """One of the outputs that is not a PDF."""
        return self._text(name).encode("utf-8")

    def _text(self, name: str) -> str:
        kb, settings = self.knowledge, self.settings
        if name in LIBRARY.values():
            return library_text(kb, name.rsplit(".", 1)[1])
        if name == LIBRARY_FEED:
            return library_feed(kb, settings)
        if name == RESEARCH_FEED:
            return research_feed(kb, settings)
        if name == OUTCOMES_CSV:
            return outcomes_csv(kb)
        if name == OUTCOMES_JSON:
            return outcomes_json(kb)
        year = int(name.split("/")[1])
        if name == citation_name(year):
            return year_citation(kb, year, settings, pdf_name(year))
        return year_text(kb, year, name.rsplit(".", 1)[1])

    def write_outputs(self, timestamp: int) -> None:
        for name, content in self.make_outputs(timestamp).items():
            write_atomically(self.docs / name, content)


def plan_generated(root: Path, validation: Validation, knowledge: KnowledgeBase,
                   relations: Relations | None = None) -> Plan:
    relations, settings = relations or relate(knowledge), validation.settings
    pages = site_pages(knowledge, settings, hand_written_texts(validation.sources), set(knowledge.years),
                       relations, with_titles=False)
    images = {f"research/{folder}/{name}" for folder, names in validation.sources.images.items()
              for name in names}
    return Plan(root, validation, knowledge, pages, images, relations, settings)


def generate_pages(root: Path) -> Generated:
    """Validate the sources; if they are valid, write every generated page and output into
    docs/ (the search index under docs/search-index/): what another engine needs to build
    the site from docs/ alone."""
    validation, knowledge = load_knowledge(root)
    if knowledge is None:
        return Generated(validation)
    plan = plan_generated(root, validation, knowledge)
    written = plan.write_pages() + plan.write_titles(list(plan.titles))
    for name, text in plan.site_files().items():
        written += write_changed(plan.docs / name, text)
    plan.write_outputs(build_timestamp(knowledge))
    return Generated(validation, knowledge, len(plan.pages) + len(plan.titles), written)
