"""What search.js needs of the glossary: each term with the names it is found by, as the
index spells them, carried in the search index's manifest.

A query's words that are one of a term's names (its term, an expansion, another name or an
old name; as index terms, so "NQTs" is "NQT") also match every other name of the term, and,
weaker, the name of its topic. search.js labels such a result with the names involved
("matched EHCP as education, health and care plan").

The table is a list, A to Z, of [term, anchor, names, topic]: names is a list of [name as
written, its terms joined by spaces]; topic is [topic name, its terms] or []."""

from __future__ import annotations

from ..model import GlossaryTerm, KnowledgeBase
from .glossary import anchor, ordered
from .search_words import term, tokens


def name_terms(name: str) -> str:
    """A name as search.js compares it with a query: its index terms, joined by spaces."""
    return " ".join(term(word) for word in tokens(name))


def _names(entry: GlossaryTerm) -> list[list[str]]:
    found: dict[str, str] = {}
    for name in (entry.term, *entry.names):
        key = name_terms(name)
        if key and key not in found:
            found[key] = name
    return [[name, key] for key, name in found.items()]


def glossary_table(kb: KnowledgeBase) -> list[list[object]]:
    topics = kb.named("topics")
    table: list[list[object]] = []
    for entry in ordered(kb.glossary):
        names = _names(entry)
        if not names:
            continue
        topic = topics.get(entry.topic)
        table.append([entry.term, anchor(entry), names,
                      [topic.name, name_terms(topic.name)] if topic is not None else []])
    return table
