"""Ready-to-fill sources for `goldenthread new`: an entry (+ .bib) or a catalogue record.

Placeholders are lines that start with "TODO:"; `validate` reports each one (code
placeholder) until it is replaced, so an unfinished entry cannot be published.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .check.ids import suggested_id
from .generate.writer import write_atomically
from .problems import GoldenThreadError

PLACEHOLDER = "TODO:"


def _yaml(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


@dataclass(frozen=True)
class NewEntry:
    title: str
    authors: tuple[tuple[str, str], ...]  # (name, role)
    academy: str
    year: int


def entry_text(new: NewEntry) -> str:
    authors = "".join(f"  - name: {_yaml(name)}\n    role: {_yaml(role)}\n" for name, role in new.authors)
    return (
        "---\n# yaml-language-server: $schema=../../scripts/goldenthread/schemas/entry.schema.json\n"
        f"title: {_yaml(new.title)}\nauthors:\n{authors}academy: {new.academy}\nyear: {new.year}\n"
        "research_question: >-\n  TODO: the question your research asked, in one or two sentences.\n"
        "abstract: >-\n  TODO: two to four sentences on what you did and what you found.\n"
        "# Optional: ids from docs/framework.yaml and library/ (delete any you do not use).\n"
        "topics: []\naims: []\nbuilding_blocks: []\nstages: []\nlibrary: []\n---\n\n"
        "## Context\n\nTODO: your academy, your class or team, and why you asked this question.\n\n"
        "## What we did\n\nTODO: what you changed, for whom and for how long. Cite reading by its "
        "key from the .bib file, in square brackets after an at sign.\n\n"
        "## What we found\n\nTODO: what you noticed and how sure you can be of it.\n\n"
        "## What next\n\nTODO: what you will keep, change or stop, and what colleagues could try.\n")


def bib_text() -> str:
    # No example entry here: BibTeX reads an at-sign entry even on a % line.
    return ("% References for this entry, in BibTeX, one entry per reference.\n"
            "% Copy the kinds you need from research/TEMPLATE.bib, or export them from Zotero.\n")


@dataclass(frozen=True)
class NewTitle:
    title: str
    authors: tuple[str, ...]
    year: int
    topics: tuple[str, ...] = ()
    publisher: str = ""


def title_text(new: NewTitle) -> str:
    authors = "".join(f"  - {_yaml(name)}\n" for name in new.authors)
    publisher = f"publisher: {_yaml(new.publisher)}\n" if new.publisher else ""
    topics = ", ".join(new.topics)
    return (
        "# yaml-language-server: $schema=../../scripts/goldenthread/schemas/title.schema.json\n"
        f"title: {_yaml(new.title)}\nauthors:\n{authors}year: {new.year}\n{publisher}"
        "# isbn: copy it from the book in quotes, or leave this line out. Never guess one.\n"
        f"topics: [{topics}]\naims: []\nbuilding_blocks: []\nstages: []\ncareer_stages: []\n"
        "formats: [print]\nsummary: >-\n  TODO: two to four sentences in our own words.\n")


def create(path: Path, text: str) -> None:
    """Write a new file; refuse if one is already there."""
    if path.exists():
        raise GoldenThreadError(f"{path} already exists: choose another title or --id, "
                                "or edit the existing file")
    write_atomically(path, text.encode("utf-8"))


def new_entry(root: Path, new: NewEntry, ident: str | None = None) -> list[Path]:
    ident = ident or suggested_id(new.title)[:60].rstrip("-")
    folder = root / "research" / str(new.year)
    entry, bib = folder / f"{ident}.md", folder / f"{ident}.bib"
    for path in (entry, bib):
        if path.exists():
            raise GoldenThreadError(f"{path.relative_to(root)} already exists: choose another "
                                    "title or --id, or edit the existing file")
    create(entry, entry_text(new))
    create(bib, bib_text())
    return [entry, bib]


def new_title(root: Path, new: NewTitle, ident: str | None = None) -> Path:
    path = root / "library" / "titles" / f"{ident or suggested_id(new.title)[:60].rstrip('-')}.yaml"
    if path.exists():
        raise GoldenThreadError(f"{path.relative_to(root)} already exists: this title may already "
                                "be in the library; choose another --id if it is a different book")
    create(path, title_text(new))
    return path
