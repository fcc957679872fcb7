"""Checks on the glossary (library/glossary.yaml): each name belongs to one term, no term
leads back to itself through the terms it names, and every topic exists."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..load.repository import YamlFile
from ..load.yamldoc import Document
from ..messages import say
from ..problems import Problem
from .schema import check_document
from .vocabulary import WHERE_DEFINED, Vocabularies

NAME_FIELDS = ("expansions", "other_names", "old_names")


def name_key(name: str) -> str:
    """How two names are compared: case, hyphens, punctuation and spacing aside
    (SENCO and SENCo, low-level and low level are one name)."""
    return " ".join(re.sub(r"[^\w]+", " ", name.casefold()).split())


@dataclass(frozen=True)
class Name:
    text: str
    index: int                      # the glossary item it is in
    at: tuple[str | int, ...]       # where it is written


def _names(data: list[dict[str, object]]) -> list[Name]:
    """Every name of every term, in file order: the term, then its other names."""
    found = []
    for index, item in enumerate(data):
        found.append(Name(str(item["term"]), index, (index, "term")))
        for field in NAME_FIELDS:
            values = item.get(field)
            for number, value in enumerate(values if isinstance(values, list) else []):
                found.append(Name(str(value), index, (index, field, number)))
    return found


def check_glossary(loaded: YamlFile | None, vocabularies: Vocabularies) -> list[Problem]:
    if loaded is None or loaded.document is None:
        return []
    document = loaded.document
    problems = check_document(document, "glossary")
    if problems or not isinstance(document.data, list):
        return problems
    data: list[dict[str, object]] = document.data
    problems += _duplicates(document, data)
    problems += _loops(document, data)
    topics = vocabularies.ids.get("topic", {})
    for index, item in enumerate(data):
        topic = item.get("topic")
        if isinstance(topic, str) and topic not in topics:
            line, col = document.where((index, "topic"))
            problems.append(Problem(document.path, line, col, "unknown-topic", say(
                "unknown-topic.glossary", term=item["term"], topic=topic, where=WHERE_DEFINED["topic"])))
    return problems


def _duplicates(document: Document, data: list[dict[str, object]]) -> list[Problem]:
    """A name given twice: a term defined twice, a name given to two terms (search could not
    tell which is meant) or twice to one. A term may name another term (a cross-reference,
    which _loops checks)."""
    problems = []

    def twice(name: Name, earlier: Name) -> None:
        line, col = document.where(name.at)
        fields = {"name": name.text, "term": data[earlier.index]["term"],
                  "line": document.where(earlier.at)[0]}
        message = (say("glossary-duplicate.term", **fields) if name.at[-1] == "term"
                   else say("glossary-duplicate.same", **fields) if earlier.index == name.index
                   else say("glossary-duplicate.name", **fields))
        problems.append(Problem(document.path, line, col, "glossary-duplicate", message))

    names = _names(data)
    terms: dict[str, Name] = {}
    for name in names:
        if name.at[-1] == "term":
            if name_key(name.text) in terms:
                twice(name, terms[name_key(name.text)])
            else:
                terms[name_key(name.text)] = name
    others: dict[str, Name] = {}
    for name in names:
        key = name_key(name.text)
        if name.at[-1] == "term" or (key in terms and terms[key].index != name.index):
            continue  # a term, or a cross-reference to another term
        if key in terms:
            twice(name, terms[key])
        elif key in others:
            twice(name, others[key])
        else:
            others[key] = name
    return problems


def _loops(document: Document, data: list[dict[str, object]]) -> list[Problem]:
    """A term that names another term, which names another ... back to the first: each loop
    once, at the name that closes it (the last in file order)."""
    terms = {name_key(str(item["term"])): index for index, item in enumerate(data)}
    refers: dict[int, list[Name]] = {}
    for name in _names(data):
        target = terms.get(name_key(name.text))
        if name.at[-1] != "term" and target is not None and target != name.index:
            refers.setdefault(name.index, []).append(name)
    problems = []
    reported: set[frozenset[int]] = set()
    for start in sorted(refers):
        path = _cycle(start, refers, terms)
        if path is None or frozenset(i for i, _ in path) in reported:
            continue
        reported.add(frozenset(i for i, _ in path))
        closing = max((name for _, name in path), key=lambda n: document.where(n.at))
        line, col = document.where(closing.at)
        chain = " → ".join([*(str(data[i]["term"]) for i, _ in path), str(data[path[0][0]]["term"])])
        problems.append(Problem(document.path, line, col, "glossary-loop",
                                say("glossary-loop", name=closing.text, chain=chain)))
    return problems


def _cycle(start: int, refers: dict[int, list[Name]],
           terms: dict[str, int]) -> list[tuple[int, Name]] | None:
    """The steps (term, the name it refers on by) of a loop through start, if there is one."""
    def walk(at: int, path: list[tuple[int, Name]], seen: set[int]) -> list[tuple[int, Name]] | None:
        for name in refers.get(at, []):
            target = terms[name_key(name.text)]
            step = [*path, (at, name)]
            if target == start:
                return step
            if target not in seen:
                found = walk(target, step, seen | {target})
                if found:
                    return found
        return None
    return walk(start, [], {start})
