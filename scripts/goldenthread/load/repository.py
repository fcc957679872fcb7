"""Finding and loading every source in a repository into one Sources value."""

from __future__ import annotations

import datetime
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import Problem
from .bib import BibSource, load_bib
from .frontmatter import MarkdownSource, split_front_matter
from .text import read_text, source_problem
from .yamldoc import Document, load_yaml

FRAMEWORK = "docs/framework.yaml"
VOCABULARIES = {
    "topics": "library/topics.yaml",
    "career_stages": "library/career-stages.yaml",
    "academies": "library/academies.yaml",
}
PATHWAYS = "library/pathways.yaml"
GLOSSARY = "library/glossary.yaml"
TITLES = "library/titles"
RESEARCH = "research"
DOCS = "docs"
# What generation writes under docs/ (generate/pages.py: OWNED and GENERATED_PAGES, and the
# engine's shared files, base_files.FOLDERS; a test
# holds the two equal): made from the checked sources, so not read as hand-written pages.
GENERATED_DOCS = frozenset(["framework", "library", "research", "contributing", "search-index", "index.md",
                            "about.md", "accessibility.md", "my-list.md", "assets", "_theme"])
YEAR = re.compile(r"^[0-9]{4}\Z")
FIRST_YEAR = 2000


def last_year() -> int:
    """The latest year a year folder or an entry may name: next year (an entry written
    in December for the coming year), no later."""
    return datetime.date.today().year + 1


def year_folder_problem(folder: str) -> str | None:
    """Why `folder` is not a year folder, or None."""
    if not YEAR.match(folder):
        return "folders in research/ are years, like research/2025: rename or move this folder"
    if not FIRST_YEAR <= int(folder) <= last_year():
        return (f"research/{folder} is not a year of action research: a year folder "
                f"is from {FIRST_YEAR} to {last_year()}; rename it to the year of its entries")
    return None


@dataclass
class YamlFile:
    """A loaded YAML source; document is None when it could not be read."""

    path: str
    document: Document | None


@dataclass
class EntryFile:
    """An action-research entry: research/<folder>/<id>.md and its optional .bib."""

    id: str
    folder: str
    path: str
    markdown: MarkdownSource | None
    bib: BibSource | None


@dataclass
class Sources:
    root: Path
    framework: YamlFile | None = None
    vocabularies: dict[str, YamlFile] = field(default_factory=dict)
    pathways: YamlFile | None = None
    glossary: YamlFile | None = None
    title_paths: list[str] = field(default_factory=list)
    titles: list[YamlFile] = field(default_factory=list)
    entries: list[EntryFile] = field(default_factory=list)
    forewords: dict[str, str] = field(default_factory=dict)
    images: dict[str, set[str]] = field(default_factory=dict)  # year folder -> images/<file>
    pages: dict[str, str] = field(default_factory=dict)  # the hand-written pages under docs/
    problems: list[Problem] = field(default_factory=list)


def _load_yaml_file(root: Path, path: str, checked: str = "") -> tuple[YamlFile, list[Problem]]:
    text, problems = read_text(root, path, checked)
    if text is None:
        return YamlFile(path, None), problems
    document, problems = load_yaml(text, path, clean=True)  # read_text refuses what is not text
    return YamlFile(path, document), problems


def _list(root: Path, folder: str) -> list[str]:
    try:
        names = sorted(os.listdir(root / folder))
    except FileNotFoundError:
        return []
    return [name for name in names if not name.startswith(".")]


def _unexpected(path: str, why: str) -> Problem:
    return Problem(path, 1, 1, "unexpected-file", why)


def title_paths(root: Path) -> tuple[list[str], list[Problem]]:
    """The catalogue records' paths, and a problem for anything else in library/titles."""
    paths, problems = [], []
    try:
        with os.scandir(root / TITLES) as found:
            folders = {entry.name for entry in found if entry.is_dir()}  # the listing's types: no stat a file
    except OSError:
        folders = set()
    for name in _list(root, TITLES):
        path = f"{TITLES}/{name}"
        if name.endswith(".yaml") and name not in folders:
            paths.append(path)  # reading it says if it is not a regular file
        else:
            problems.append(_unexpected(
                path, "only catalogue records (<id>.yaml) belong in library/titles: "
                      "rename it to end in .yaml or move it"))
    return paths, problems


def load_title(root: Path, path: str, checked: str = "") -> tuple[YamlFile, list[Problem]]:
    """A catalogue record; `checked`: a folder on its path already found to be a real
    folder inside the repository (load/text.py's source_problem)."""
    return _load_yaml_file(root, path, checked)


def _load_entry(root: Path, folder: str, name: str, names: set[str]) -> tuple[EntryFile, list[Problem]]:
    stem = name[:-3]
    path = f"{RESEARCH}/{folder}/{name}"
    text, problems = read_text(root, path)
    markdown = None
    if text is not None:
        markdown, more = split_front_matter(text, path)
        problems += more
    bib = None
    if f"{stem}.bib" in names:
        bib_path = f"{RESEARCH}/{folder}/{stem}.bib"
        bib_text, more = read_text(root, bib_path)
        problems += more
        if bib_text is not None:
            bib, more = load_bib(bib_text, bib_path)
            problems += more
    return EntryFile(stem, folder, path, markdown, bib), problems


def load_research(root: Path, sources: Sources) -> None:
    for folder in _list(root, RESEARCH):
        if not (root / RESEARCH / folder).is_dir():
            continue
        if (root / RESEARCH / folder).is_symlink():
            sources.problems.extend(filter(None, [source_problem(root, f"{RESEARCH}/{folder}")]))
            continue
        why = year_folder_problem(folder)
        if why is not None:
            sources.problems.append(_unexpected(f"{RESEARCH}/{folder}", why))
            continue
        names = set(_list(root, f"{RESEARCH}/{folder}"))
        images = root / RESEARCH / folder / "images"
        if "images" in names and images.is_symlink():
            names.discard("images")
            sources.problems.append(source_problem(root, f"{RESEARCH}/{folder}/images")
                                    or _unexpected(f"{RESEARCH}/{folder}/images", "images/ is a link"))
        elif "images" in names and images.is_dir():
            names.discard("images")
            sources.images[folder] = {f"images/{name}" for name in _list(root, f"{RESEARCH}/{folder}/images")}
        for name in sorted(names):
            path = f"{RESEARCH}/{folder}/{name}"
            if name == "_foreword.md":
                text, problems = read_text(root, path)
                sources.problems.extend(problems)
                if text is not None:
                    sources.forewords[folder] = text
            elif name.endswith(".md") and not name.startswith("_"):
                entry, problems = _load_entry(root, folder, name, names)
                sources.entries.append(entry)
                sources.problems.extend(problems)
            elif name.endswith(".bib") and f"{name[:-4]}.md" in names:
                continue
            elif not name.startswith("_"):
                sources.problems.append(_unexpected(
                    path, "a year folder holds entries (<id>.md), their references (<id>.bib) "
                          "and _foreword.md: rename or move this file"))


def _walk(root: Path, folder: str) -> tuple[list[str], list[str]]:
    """Under root/folder, links not followed: the Markdown files, and what is not a regular
    file or folder (a link, a pipe, a device), as repository-relative paths; at the top of
    docs/, not what generation writes there."""
    markdown: list[str] = []
    strange: list[str] = []
    pending = [folder]  # repository-relative, as plain strings: library/ holds every record
    while pending:
        relative = pending.pop()
        try:
            with os.scandir(os.path.join(root, relative)) as found:
                entries = sorted(found, key=lambda entry: entry.name)
        except OSError:
            continue
        top_of_docs = relative == DOCS
        for entry in entries:
            name = entry.name
            if name.startswith(".") or (top_of_docs and name in GENERATED_DOCS):
                continue
            path = f"{relative}/{name}"
            if entry.is_dir(follow_symlinks=False):
                pending.append(path)
            elif not entry.is_file(follow_symlinks=False):
                strange.append(path)
            elif name.endswith(".md"):
                markdown.append(path)
    return markdown, strange


def load_pages(root: Path, sources: Sources) -> None:
    """The hand-written Markdown pages under docs/ (and docs/_text/), which the site
    publishes as they are; and a problem for any link, pipe or device among the files of
    docs/, library/ and research/ (where the site's sources and served files live)."""
    for folder in (DOCS, "library", RESEARCH):
        markdown, strange = _walk(root, folder)
        for path in strange:
            sources.problems.extend(filter(None, [source_problem(root, path)]))
        for path in sorted(markdown) if folder == DOCS else ():
            text, problems = read_text(root, path)
            sources.problems.extend(problems)
            if text is not None:
                sources.pages[path] = text


def load_sources(root: Path) -> Sources:
    """Load every source but the catalogue records, whose paths are listed in .title_paths.

    Records are many and independent, so the caller loads them (see validation.py), in
    parallel when there are enough. Problems found while reading are kept in .problems.
    """
    sources = load_definitions(root)
    load_research(root, sources)
    load_pages(root, sources)
    return sources


def load_definitions(root: Path) -> Sources:
    """What says which ids records may name: the records' paths, the framework, the
    vocabularies, the pathways and the glossary (the rest: load_research, load_pages)."""
    sources = Sources(root)
    sources.title_paths, problems = title_paths(root)
    sources.problems.extend(problems)
    framework, problems = _load_yaml_file(root, FRAMEWORK)
    sources.framework = framework
    sources.problems.extend(problems)
    for name, path in VOCABULARIES.items():
        vocabulary, problems = _load_yaml_file(root, path)
        sources.vocabularies[name] = vocabulary
        sources.problems.extend(problems)
    if (root / PATHWAYS).is_file():
        sources.pathways, problems = _load_yaml_file(root, PATHWAYS)
        sources.problems.extend(problems)
    if (root / GLOSSARY).is_file():
        sources.glossary, problems = _load_yaml_file(root, GLOSSARY)
        sources.problems.extend(problems)
    return sources


def framework_fields(root: Path) -> tuple[str, ...]:
    """The fields the framework's dimensions give titles and entries, in its order (for
    `goldenthread new`, which writes a line for each); () when the framework cannot be read."""
    framework, _ = _load_yaml_file(root, FRAMEWORK)
    data = framework.document.data if framework.document else None
    dimensions = data.get("dimensions") if isinstance(data, dict) else None
    return tuple(d["id"] for d in dimensions or () if isinstance(d, dict) and isinstance(d.get("id"), str)
                 and d.get("records", True) is not False)
