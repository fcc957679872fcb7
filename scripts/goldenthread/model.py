"""The knowledge base in the Trust's words: what the generators and publishers read."""

from __future__ import annotations

from dataclasses import dataclass, field

from .impact.finding import Finding
from .load.bib import BibEntry

Tags = tuple[tuple[str, tuple[str, ...]], ...]  # (dimension id, the ids of its items named)


@dataclass(frozen=True)
class Named:
    """An item of a framework dimension, a topic, a career stage or an academy."""

    id: str
    name: str
    description: str = ""
    number: int = 0
    summary: str = ""
    example: bool = False
    parts: tuple[Named, ...] = ()  # a framework item's parts, listed after its name


def _fill(template: str, item: Named) -> str:
    """A dimension's page template with {number} and {name} filled in (nothing else is read,
    so a brace in the Trust's wording is kept as written)."""
    return template.replace("{number}", str(item.number)).replace("{name}", item.name)


@dataclass(frozen=True)
class Dimension:
    """One dimension of the framework (docs/framework.yaml): its items, what the site calls
    it, and the part it plays in the pages, the catalogue and the evidence map."""

    id: str
    name: str
    items: tuple[Named, ...]
    singular: str = ""
    slug: str = ""
    heading: str = ""
    introduction: str = ""
    attribution: str = ""
    item_title: str = "{name}"
    item_heading: str = ""
    item_introduction: str = ""
    records: bool = True
    filter: bool = True
    map: str = ""

    @property
    def one(self) -> str:
        """How one item is called, in lower case: 'principle'."""
        return self.singular or self.name.lower()

    @property
    def folder(self) -> str:
        return self.slug or self.id.replace("_", "-")

    def title_of(self, item: Named) -> str:
        return _fill(self.item_title, item)

    def heading_of(self, item: Named) -> str:
        return _fill(self.item_heading or self.item_title, item)

    def introduction_of(self, item: Named) -> str:
        return _fill(self.item_introduction, item)

    def named(self) -> dict[str, Named]:
        return {item.id: item for item in self.items}


@dataclass(frozen=True)
class Title:
    """A catalogue record of the Staff Professional Development Library."""

    id: str
    title: str
    authors: tuple[str, ...]
    year: int
    topics: tuple[str, ...]
    subtitle: str = ""
    edition: str = ""
    publisher: str = ""
    isbn: str = ""
    type: str = "book"
    tags: Tags = ()
    career_stages: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    copies: tuple[tuple[str, int], ...] = ()
    summary: str = ""
    cover: str = ""
    url: str = ""
    added: str = ""

    @property
    def full_title(self) -> str:
        if not self.subtitle:
            return self.title
        return f"{self.title}{' ' if self.title.endswith(('?', '!')) else ': '}{self.subtitle}"

    def tagged(self, dimension: str) -> tuple[str, ...]:
        """The ids of the items of a framework dimension this title names."""
        return dict(self.tags).get(dimension, ())

    def ids(self, kind: str) -> tuple[str, ...]:
        """The ids it names of a kind: a framework dimension's id, topics or career_stages."""
        return getattr(self, kind) if kind in ("topics", "career_stages") else self.tagged(kind)


@dataclass(frozen=True)
class Author:
    name: str
    role: str


@dataclass(frozen=True)
class Entry:
    """An action-research entry: research/<year>/<id>.md and its references."""

    id: str
    year: int
    title: str
    authors: tuple[Author, ...]
    academy: str
    research_question: str
    abstract: str
    body: str
    topics: tuple[str, ...] = ()
    tags: Tags = ()
    library: tuple[str, ...] = ()
    example: bool = False
    references: tuple[BibEntry, ...] = ()
    path: str = ""
    outcomes: tuple[Finding, ...] = ()

    def tagged(self, dimension: str) -> tuple[str, ...]:
        """The ids of the items of a framework dimension this entry names."""
        return dict(self.tags).get(dimension, ())

    def ids(self, kind: str) -> tuple[str, ...]:
        """The ids it names of a kind: a framework dimension's id, topics or academies."""
        if kind == "topics":
            return self.topics
        if kind == "academies":
            return (self.academy,)
        return self.tagged(kind)


@dataclass(frozen=True)
class Step:
    title: str
    why: str


@dataclass(frozen=True)
class Pathway:
    """A curated, ordered reading list for one career stage."""

    career_stage: str
    introduction: str
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Source:
    id: str
    text: str


@dataclass(frozen=True)
class GlossaryTerm:
    """A word English schools use (library/glossary.yaml)."""

    term: str
    meaning: str
    expansions: tuple[str, ...] = ()
    other_names: tuple[str, ...] = ()
    old_names: tuple[str, ...] = ()
    topic: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """Every other name search finds it by: expansions, other names, old names."""
        return (*self.expansions, *self.other_names, *self.old_names)


@dataclass
class KnowledgeBase:
    """Everything the site, the PDF and the exports are built from, in a stable order."""

    dimensions: list[Dimension] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    topics: list[Named] = field(default_factory=list)
    career_stages: list[Named] = field(default_factory=list)
    academies: list[Named] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    forewords: dict[int, str] = field(default_factory=dict)
    pathways: list[Pathway] = field(default_factory=list)
    glossary: list[GlossaryTerm] = field(default_factory=list)

    def title(self, ident: str) -> Title:
        return self._titles[ident]

    def __post_init__(self) -> None:
        self._titles: dict[str, Title] = {}

    def index(self) -> None:
        """Refresh look-ups after the lists are filled."""
        self._titles = {title.id: title for title in self.titles}

    @property
    def years(self) -> list[int]:
        return sorted({entry.year for entry in self.entries} | set(self.forewords), reverse=True)

    @property
    def tagging(self) -> list[Dimension]:
        """The dimensions that titles and entries name, in the framework's order."""
        return [dimension for dimension in self.dimensions if dimension.records]

    def dimension(self, ident: str) -> Dimension:
        return next(d for d in self.dimensions if d.id == ident)

    def map_axes(self) -> tuple[Dimension, Dimension] | None:
        """The evidence map's rows and columns, when the framework names both."""
        rows = [d for d in self.tagging if d.map == "rows"]
        columns = [d for d in self.tagging if d.map == "columns"]
        return (rows[0], columns[0]) if rows and columns else None

    def named(self, kind: str) -> dict[str, Named]:
        lists = {"topics": self.topics, "career_stages": self.career_stages,
                 "academies": self.academies}
        if kind in lists:
            return {item.id: item for item in lists[kind]}
        return self.dimension(kind).named()
