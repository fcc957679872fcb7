"""The Glossary page (library/glossary.yaml, A to Z, an anchor per term) and the abbreviations
a generated page marks up: Python-Markdown's abbr extension turns each `*[EHCP]: education,
health and care plan` line at the end of a page into <abbr title="..."> around the term in its
text. The definitions are plain Markdown, so any engine with the abbr extension (MkDocs,
Zensical) renders them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import GlossaryTerm, KnowledgeBase
from .search_words import fold
from .text import front_matter, join_words, md

PAGE = "library/glossary.md"
INTRODUCTION = (
    "The words English schools use: abbreviations, roles, tests, funding and approaches, each "
    "with what it stands for, its other names and what it means. The site's search knows these "
    "names too: search for an abbreviation and it also finds the pages that spell it out, or "
    "call the same thing by another of its names.")


def anchor(term: GlossaryTerm | str) -> str:
    """The term's anchor on the Glossary page: its letters and digits, runs of others as '-'."""
    text = term if isinstance(term, str) else term.term
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "term"


def ordered(glossary: Iterable[GlossaryTerm]) -> list[GlossaryTerm]:
    """A to Z, case and accents aside."""
    return sorted(glossary, key=lambda t: (fold(t.term), t.term))


def _letter(term: GlossaryTerm) -> str:
    first = fold(term.term)[:1].upper()
    return first if first.isalpha() else "#"


def glossary_page(kb: KnowledgeBase) -> str:
    topics = kb.named("topics")
    text = front_matter(title="Glossary", description=INTRODUCTION[:300]) + "# Glossary\n\n"
    text += INTRODUCTION + "\n\n"
    terms = ordered(kb.glossary)
    if not terms:
        return text + "No terms have been added yet (library/glossary.yaml).\n"
    letters = list(dict.fromkeys(_letter(t) for t in terms))
    text += " · ".join(f"[{letter}](#letter-{letter.lower()})" for letter in letters) + "\n"
    text += "{ .gt-glossary-letters }\n"
    for letter in letters:
        text += f"\n## {letter} {{#letter-{letter.lower()}}}\n"
        for term in (t for t in terms if _letter(t) == letter):
            text += _term(term, topics.get(term.topic).name if term.topic in topics else "")  # type: ignore[union-attr]
    return text


def _term(term: GlossaryTerm, topic: str) -> str:
    text = f"\n### {md(term.term)} {{#{anchor(term)}}}\n\n"
    if term.expansions:
        text += f"**{md(join_words(term.expansions))}.** "
    text += md(term.meaning) + "\n"
    lines = [(label, names) for label, names in (("Also called", term.other_names),
                                                 ("Formerly", term.old_names)) if names]
    if topic:
        lines.append(("Topic", (topic,)))
    if lines:
        text += "\n" + "  \n".join(f"{label}: {md(join_words(names))}" for label, names in lines) + "\n"
    return text


# -- Abbreviations on the other pages ---------------------------------------------------------

class Abbreviations:
    """The glossary's abbreviations (terms with an expansion), found in a page's text."""

    def __init__(self, glossary: Iterable[GlossaryTerm]) -> None:
        self.expansions = {t.term: t.expansions[0] for t in glossary if t.expansions}
        names = sorted(self.expansions, key=lambda name: (-len(name), name))
        self.pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])") \
            if names else None

    def __call__(self, markdown: str) -> str:
        """The page with a definition for each abbreviation its text uses (case as written),
        so the abbr extension marks it up; the page itself when it uses none."""
        if self.pattern is None:
            return markdown
        used = sorted(set(self.pattern.findall(_body(markdown))))
        if not used:
            return markdown
        definitions = "".join(f"*[{name}]: {_plain(self.expansions[name])}\n" for name in used)
        return markdown.rstrip("\n") + "\n\n" + definitions


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def _body(markdown: str) -> str:
    return _FRONT_MATTER.sub("", markdown, count=1)


def _plain(text: str) -> str:
    """An expansion as the abbr extension's title: one line, no markup to read."""
    return " ".join(text.replace("]", ")").split())
