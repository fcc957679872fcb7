"""The knowledge base in the Trust's words: what the generators and publishers read."""

from __future__ import annotations

from dataclasses import dataclass, field

from .load.bib import BibEntry


@dataclass(frozen=True)
class Named:
    """An aim, building block (principle), stage, topic, career stage or academy."""

    id: str
    name: str
    description: str = ""
    number: int = 0
    summary: str = ""
    example: bool = False


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
    aims: tuple[str, ...] = ()
    building_blocks: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
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
    aims: tuple[str, ...] = ()
    building_blocks: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    library: tuple[str, ...] = ()
    example: bool = False
    references: tuple[BibEntry, ...] = ()
    path: str = ""


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

    aims: list[Named] = field(default_factory=list)
    building_blocks: list[Named] = field(default_factory=list)
    stages: list[Named] = field(default_factory=list)
    knowing_our_schools: list[tuple[Named, list[Named]]] = field(default_factory=list)
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

    def named(self, kind: str) -> dict[str, Named]:
        lists = {"aims": self.aims, "building_blocks": self.building_blocks,
                 "stages": self.stages, "topics": self.topics,
                 "career_stages": self.career_stages, "academies": self.academies}
        return {item.id: item for item in lists[kind]}
