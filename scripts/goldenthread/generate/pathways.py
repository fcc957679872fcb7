"""Reading pathways: one ordered list per career stage, each step with why it is there."""

from __future__ import annotations

from ..model import KnowledgeBase, Pathway
from ..paths import relative, title_page
from .text import front_matter, md

PAGE = "library/pathways.md"


def anchor(pathway: Pathway | str) -> str:
    return f"pathway-{pathway if isinstance(pathway, str) else pathway.career_stage}"


def pathways_page(kb: KnowledgeBase, intro: str = "", library: str = "library") -> str:
    """intro: the trust's own words before the pathways (docs/_text/pathways.md)."""
    stages = kb.named("career_stages")
    text = front_matter(title="Reading pathways") + "# Reading pathways\n\n"
    text += (intro.strip() + " " if intro.strip() else "") + (
        f"Each pathway is a short, ordered reading list from the {md(library)} for one career "
        "stage, with why each title is there.\n\n")
    if not kb.pathways:
        return text + "No pathways have been written yet (library/pathways.yaml).\n"
    text += "".join(f"- [{md(stages[p.career_stage].name)}](#{anchor(p)})\n" for p in kb.pathways)
    for pathway in kb.pathways:
        text += f"\n## {md(stages[pathway.career_stage].name)} {{#{anchor(pathway)}}}\n\n"
        text += pathway.introduction.strip() + "\n\n"
        for number, step in enumerate(pathway.steps, start=1):
            title = kb.title(step.title)
            text += (f"{number}. [{md(title.full_title)}]({relative(PAGE, title_page(title))}) "
                     f"({md(', '.join(title.authors))}, {title.year})  \n"
                     f"    {' '.join(step.why.split())}\n")
    return text


def steps_for(kb: KnowledgeBase) -> dict[str, list[tuple[Pathway, int]]]:
    """title id -> the pathways it is on and its step number in each."""
    found: dict[str, list[tuple[Pathway, int]]] = {}
    for pathway in kb.pathways:
        for number, step in enumerate(pathway.steps, start=1):
            found.setdefault(step.title, []).append((pathway, number))
    return found
