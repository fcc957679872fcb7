"""The library's topics, to turn BibTeX keywords into topic ids."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..load.repository import VOCABULARIES
from ..load.text import read_text
from ..load.yamldoc import load_yaml
from ..problems import Problem


@dataclass
class TopicIndex:
    """Casefolded topic id or name -> topic id."""

    ids: dict[str, str] = field(default_factory=dict)

    def topics(self, words: list[str]) -> tuple[list[str], list[str]]:
        """The topic ids among the keywords, in order without repeats, and the other keywords."""
        found: list[str] = []
        others: list[str] = []
        for word in words:
            ident = self.ids.get(" ".join(word.split()).casefold())
            if ident is None:
                others.append(word)
            elif ident not in found:
                found.append(ident)
        return found, others


def load_topics(root: Path) -> tuple[TopicIndex, list[Problem]]:
    """The topics in library/topics.yaml; problems if it cannot be read."""
    path = VOCABULARIES["topics"]
    text, problems = read_text(root, path)
    if text is None:
        return TopicIndex(), problems
    document, problems = load_yaml(text, path)
    index = TopicIndex()
    items = document.data if document is not None and isinstance(document.data, list) else []
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            index.ids[item["id"].casefold()] = item["id"]
            if isinstance(item.get("name"), str):
                index.ids.setdefault(" ".join(item["name"].split()).casefold(), item["id"])
    return index, problems
