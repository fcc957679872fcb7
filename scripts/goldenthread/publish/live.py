"""The preview's generation: after a saved change, validate and write again only what the
change affects.

A catalogue record is read again only if its file changed (validation.TitleCache). Every
page but the titles' own is made again in memory and written if its text changed. A
title's page is made again only if what it shows changed (generate/library.py's
title_page_inputs), and only when the preview asks for it (`due`): a change to one record
costs about one page at any catalogue size, and a change to a vocabulary that thousands of
titles show costs their pages one at a time, the one a reader has open first. What the
preview needs to know is which generated pages changed: those, and only those, it renders
again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..assemble import assemble
from ..generate.library import framework_shape, title_page_inputs, vocabulary_names
from ..generate.pages import OWNED
from ..generate.pathways import steps_for
from ..generate.relations import relate
from ..model import KnowledgeBase
from ..paths import title_page
from ..problems import Problem
from ..validation import TitleCache, validate
from ..writer import copy_files, write_atomically, write_changed
from .generation import Plan, build_timestamp, plan_generated


@dataclass
class Refresh:
    """What one refresh found and did."""

    problems: list[Problem]  # the validation's; with an error nothing was written
    written: set[str] = field(default_factory=set)  # docs-relative generated files written
    removed: set[str] = field(default_factory=set)  # docs-relative generated files removed
    due: set[str] = field(default_factory=set)  # titles' pages that changed, written when wanted

    @property
    def ok(self) -> bool:
        return not any(p.level == "error" for p in self.problems)


def title_inputs(plan: Plan) -> dict[str, tuple[object, ...]]:
    """Each title's page (docs-relative) -> what it shows."""
    names, steps = vocabulary_names(plan.knowledge), steps_for(plan.knowledge)
    shape = framework_shape(plan.knowledge)
    # title_pages marks the glossary's abbreviations on every title's page
    abbreviations = tuple((term.term, term.expansions[:1]) for term in plan.knowledge.glossary)
    return {title_page(title): (*title_page_inputs(title, plan.relations, plan.settings, names, steps, shape),
                                abbreviations)
            for title in plan.knowledge.titles}


@dataclass
class LiveGeneration:
    """The generated pages as the preview last wrote them into docs/."""

    root: Path
    cache: TitleCache = field(default_factory=TitleCache)
    plan: Plan | None = None  # the last good generation
    _pages: dict[str, str] = field(default_factory=dict)  # every page but the titles' own
    _inputs: dict[str, tuple[object, ...]] = field(default_factory=dict)  # title's page -> inputs
    _outputs: dict[str, tuple[object, ...]] = field(default_factory=dict)  # output -> made from
    due: set[str] = field(default_factory=set)  # titles' pages changed but not yet written

    def adopt(self, plan: Plan) -> None:
        """Take over a full build's generation (the preview's first build wrote every page)."""
        self.plan, self._pages, self._inputs = plan, dict(plan.pages), title_inputs(plan)
        self._outputs, self.due = plan.outputs(), set()

    def refresh(self) -> Refresh:
        """Validate the sources again; if they are valid, write the pages that changed."""
        validation = validate(self.root, cache=self.cache)
        if not validation.ok:
            return Refresh(validation.problems)
        knowledge = assemble(validation.sources)
        relations = relate(knowledge)
        if self.plan is not None and relations.signature() == self.plan.relations.signature():
            relations.memo = self.plan.relations.memo  # no title's features moved: the same related titles
        plan = plan_generated(self.root, validation, knowledge, relations)
        docs = plan.docs
        pages = {name for name, text in plan.pages.items() if self._pages.get(name) != text}
        inputs = title_inputs(plan)
        titles = {name for name, shown in inputs.items() if self._inputs.get(name) != shown}
        for name in sorted(pages):
            write_atomically(docs / name, plan.pages[name].encode("utf-8"))
        removed = {*(set(self._pages) - set(plan.pages)), *(set(self._inputs) - set(inputs))}
        for name in removed:
            (docs / name).unlink(missing_ok=True)
        images = {name for name in plan.images if copy_files(self.root, docs, {name})}
        self.plan, self._pages, self._inputs = plan, dict(plan.pages), inputs
        self.due = (self.due | titles) - removed
        return Refresh(validation.problems, pages | images, removed, titles)

    def write_due(self, pages: set[str] | None = None) -> None:
        """Write these titles' pages (all that are due, by default) if they are due: a change to
        a vocabulary can change thousands, which the preview renders one at a time."""
        assert self.plan is not None
        wanted = sorted(self.due if pages is None else pages & self.due)
        self.plan.write_titles(wanted)
        self.due -= set(wanted)

    def knowledge(self) -> KnowledgeBase:
        assert self.plan is not None
        return self.plan.knowledge

    def outputs(self) -> set[str]:
        """Make again the outputs (PDFs, offprints, references, library.bib) whose sources
        changed (the PDFs in one Typst process), and write them; their docs-relative names."""
        assert self.plan is not None
        made_from = self.plan.outputs()
        changed = {name for name, sources in made_from.items() if self._outputs.get(name) != sources}
        timestamp = build_timestamp(self.plan.knowledge)
        for name, content in self.plan.make_outputs(timestamp, sorted(changed)).items():
            write_atomically(self.plan.docs / name, content)
        self._outputs = made_from
        return changed

    def site_files(self, site: Path) -> set[str]:
        """Write the search index and the catalogue's JSON into the site where they changed."""
        assert self.plan is not None
        return {name for name, text in self.plan.site_files().items() if write_changed(site / name, text)}


__all__ = ["OWNED", "LiveGeneration", "Refresh"]
