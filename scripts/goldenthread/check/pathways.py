"""Checks on the reading pathways (library/pathways.yaml)."""

from __future__ import annotations

from ..load.repository import YamlFile
from ..problems import Problem
from .markdown_safety import unsafe_in_field
from .schema import check_document
from .vocabulary import WHERE_DEFINED, Vocabularies


def _unsafe(loaded: YamlFile, at: tuple[str | int, ...], text: object) -> list[Problem]:
    """The pages print a pathway's introduction and each step's why as Markdown."""
    if loaded.document is None or not isinstance(text, str):
        return []
    return [Problem(loaded.path, line, col, code, message)
            for line, col, code, message in unsafe_in_field(loaded.document, at, text)]


def check_pathways(loaded: YamlFile | None, vocabularies: Vocabularies) -> list[Problem]:
    if loaded is None or loaded.document is None:
        return []
    document = loaded.document
    problems = check_document(document, "pathways")
    if problems or not isinstance(document.data, list):
        return problems
    stages = vocabularies.ids.get("career stage", {})
    titles = vocabularies.ids.get("title", {})
    seen_stages: set[str] = set()

    def problem(at: tuple[str | int, ...], code: str, message: str) -> None:
        line, col = document.where(at)
        problems.append(Problem(document.path, line, col, code, message))

    for index, pathway in enumerate(document.data):
        problems += _unsafe(loaded, (index, "introduction"), pathway.get("introduction"))
        for number, step in enumerate(pathway["steps"]):
            problems += _unsafe(loaded, (index, "steps", number, "why"), step.get("why"))
        stage = pathway["career_stage"]
        if stage not in stages:
            problem((index, "career_stage"), "unknown-career-stage",
                    f"there is no career stage {stage!r}: use an id from {WHERE_DEFINED['career stage']}")
        elif stage in seen_stages:
            problem((index, "career_stage"), "duplicate-id",
                    f"there is already a pathway for {stage!r}: merge the two")
        seen_stages.add(stage)
        seen_titles: set[str] = set()
        for number, step in enumerate(pathway["steps"]):
            title = step["title"]
            if title not in titles:
                problem((index, "steps", number, "title"), "unknown-title",
                        f"there is no catalogue title {title!r}: use a file name from library/titles/ "
                        "without .yaml")
            elif title in seen_titles:
                problem((index, "steps", number, "title"), "duplicate-item",
                        f"{title!r} is already a step of this pathway: remove one")
            seen_titles.add(title)
    return problems
