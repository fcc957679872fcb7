"""Finding and loading every source in a repository into one Sources value."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import Problem
from .bib import BibSource, load_bib
from .frontmatter import MarkdownSource, split_front_matter
from .text import read_text
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
YEAR = re.compile(r"^[0-9]{4}$")


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
    problems: list[Problem] = field(default_factory=list)


def _load_yaml_file(root: Path, path: str) -> tuple[YamlFile, list[Problem]]:
    text, problems = read_text(root, path)
    if text is None:
        return YamlFile(path, None), problems
    document, problems = load_yaml(text, path)
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
    for name in _list(root, TITLES):
        path = f"{TITLES}/{name}"
        if name.endswith(".yaml") and (root / path).is_file():
            paths.append(path)
        else:
            problems.append(_unexpected(
                path, "only catalogue records (<id>.yaml) belong in library/titles: "
                      "rename it to end in .yaml or move it"))
    return paths, problems


def load_title(root: Path, path: str) -> tuple[YamlFile, list[Problem]]:
    return _load_yaml_file(root, path)


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
        if not YEAR.match(folder):
            sources.problems.append(_unexpected(
                f"{RESEARCH}/{folder}", "folders in research/ are years, like research/2025"))
            continue
        names = set(_list(root, f"{RESEARCH}/{folder}"))
        if "images" in names and (root / RESEARCH / folder / "images").is_dir():
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


def load_sources(root: Path) -> Sources:
    """Load every source but the catalogue records, whose paths are listed in .title_paths.

    Records are many and independent, so the caller loads them (see validation.py), in
    parallel when there are enough. Problems found while reading are kept in .problems.
    """
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
    load_research(root, sources)
    return sources
