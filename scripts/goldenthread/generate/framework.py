"""The framework: aims, the seven principles (NFER's building blocks), the four stages."""

from __future__ import annotations

from urllib.parse import urlencode

from ..model import Entry, KnowledgeBase, Named, Title
from .links import entry_page, framework_page, relative, title_page
from .relations import Relations
from .text import front_matter, md, plural

INDEX = "framework/index.md"
CATALOGUE = "library/index.md"
NFER = ("The seven principles are the Trust's wording of the seven building blocks in "
        "NFER's research for the Department for Education (Macleod et al., 2015).")
EEF = ("Adapted from the Education Endowment Foundation (2019), *Putting Evidence to Work: "
       "A School's Guide to Implementation*.")


def framework_link_lines(page: str, record: Title | Entry, kb: KnowledgeBase) -> list[str]:
    """'- Principles: ...' style lines linking a title or entry to the framework pages."""
    lines = []
    for kind, label in (("building_blocks", "Principles"), ("stages", "Stages"), ("aims", "Aims")):
        named = kb.named(kind)
        links = [f"[{md(named[i].name)}]({relative(page, framework_page(kind, i))})"
                 for i in getattr(record, kind)]
        if links:
            lines.append(f"- {label}: " + ", ".join(links))
    kinds = (("career_stages", "Career stages"), ("topics", "Topics")) if isinstance(record, Title) \
        else (("topics", "Topics"),)
    for kind, label in kinds:
        named = kb.named(kind)
        names = [md(named[i].name) for i in getattr(record, kind)]
        if names:
            lines.append(f"- {label}: " + ", ".join(names))
    return lines


LISTED = 20  # titles a framework page lists; the catalogue, filtered, lists them all
LISTED_BY_STAGE = 10


def newest(titles: list[Title], count: int) -> list[Title]:
    """The most recently added first (then by id): what a reader has not yet seen."""
    return sorted(titles, key=lambda t: (t.added or "", t.id), reverse=True)[:count]


def catalogue_link(page: str, label: str, **chosen: str) -> str:
    """A link to the catalogue with its filters set (catalogue.js reads them from the address)."""
    return f"[{label}]({relative(page, CATALOGUE)}?{urlencode(chosen)})"


def _title_list(page: str, titles: list[Title], **chosen: str) -> str:
    if not titles:
        return "No library titles are linked to this yet.\n"
    shown, more = (titles, "") if len(titles) <= LISTED else (
        newest(titles, LISTED),
        f"The {LISTED} most recently added: "
        + catalogue_link(page, f"see all {len(titles)} in the library", **chosen) + ".\n\n")
    return more + "".join(f"- [{md(t.full_title)}]({relative(page, title_page(t))}) "
                          f"({md(', '.join(t.authors))}, {t.year})\n" for t in shown)


def _entry_list(page: str, entries: list[Entry]) -> str:
    if not entries:
        return "No action-research entries are linked to this yet.\n"
    return "".join(f"- [{md(e.title)}]({relative(page, entry_page(e))}) ({e.year}"
                   f"{', example' if e.example else ''})\n" for e in entries)


def _linked_section(page: str, titles: list[Title], entries: list[Entry], **chosen: str) -> str:
    return (f"## Library titles ({len(titles)})\n\n{_title_list(page, titles, **chosen)}\n"
            f"## Action research ({len(entries)})\n\n{_entry_list(page, entries)}")


def index_page(kb: KnowledgeBase, intro: str) -> str:
    page = INDEX
    aims = "".join(f"- [{md(a.name)}]({relative(page, framework_page('aims', a.id))})\n"
                   for a in kb.aims)
    principles = "".join(
        f"{p.number}. [{md(p.name)}]({relative(page, framework_page('building_blocks', p.id))})\n"
        for p in kb.building_blocks)
    stages = "".join(
        f"### {s.number}. [{md(s.name)}]({relative(page, framework_page('stages', s.id))})\n\n"
        f"{md(s.summary)}\n\n" for s in kb.stages)
    knowing = ""
    for item, activities in kb.knowing_our_schools:
        knowing += f"- {md(item.name)}"
        if activities:
            knowing += ": " + ", ".join(md(a.name.lower()) for a in activities)
        knowing += "\n"
    sources = "".join(f"- {source.text}\n" for source in kb.sources)
    return (front_matter(title="The framework") + "# The framework\n\n" + intro.strip() + "\n\n"
            "## School improvement aims\n\n" + aims + "\n"
            "## Seven improvement principles: securing equity\n\n"
            "Securing equity for children who are disadvantaged. Based on NFER research, "
            "we focus on:\n\n" + principles + f"\n{NFER}\n\n"
            "## The golden thread: our four step improvement model\n\n" + stages + EEF + "\n\n"
            "## Knowing our schools well\n\n" + knowing + "\n"
            "## Where the evidence is\n\n"
            f"The [evidence map]({relative(page, 'framework/evidence-map.md')}) shows how many "
            "library titles and action-research entries support each principle at each stage, "
            "and where the Trust's evidence is thin.\n\n"
            "## Sources\n\n" + sources)


def _stage_breakdown(page: str, principle: Named, kb: KnowledgeBase, relations: Relations) -> str:
    text = "## By stage of the golden thread\n\n"
    titles = relations.titles[("building_blocks", principle.id)]
    entries = relations.entries[("building_blocks", principle.id)]
    for stage in kb.stages:
        in_titles = [t for t in titles if stage.id in t.stages]
        in_entries = [e for e in entries if stage.id in e.stages]
        text += (f"### {md(stage.name)} {{#stage-{stage.id}}}\n\n"
                 f"{plural(len(in_titles), 'title')} and "
                 f"{plural(len(in_entries), 'entry', 'entries')}.\n\n")
        if len(in_titles) > LISTED_BY_STAGE:
            text += (f"The {LISTED_BY_STAGE} most recently added: "
                     + catalogue_link(page, f"see all {len(in_titles)} in the library",
                                      principle=principle.id, stage=stage.id) + ".\n\n")
        text += "".join(f"- [{md(t.full_title)}]({relative(page, title_page(t))})\n"
                        for t in (in_titles if len(in_titles) <= LISTED_BY_STAGE
                                  else newest(in_titles, LISTED_BY_STAGE)))
        text += "".join(f"- [{md(e.title)}]({relative(page, entry_page(e))}) (action research, "
                        f"{e.year})\n" for e in in_entries)
        text += "\n"
    return text


def principle_page(principle: Named, kb: KnowledgeBase, relations: Relations) -> str:
    page = framework_page("building_blocks", principle.id)
    titles = relations.titles[("building_blocks", principle.id)]
    entries = relations.entries[("building_blocks", principle.id)]
    return (front_matter(title=f"Principle {principle.number}: {principle.name}")
            + f"# Principle {principle.number}: {md(principle.name)}\n\n"
            f"One of the seven principles for securing equity for children who are "
            f"disadvantaged. {NFER} [Back to the framework]({relative(page, INDEX)}).\n\n"
            + _linked_section(page, titles, entries, principle=principle.id) + "\n"
            + _stage_breakdown(page, principle, kb, relations))


def stage_page(stage: Named, relations: Relations) -> str:
    page = framework_page("stages", stage.id)
    titles = relations.titles[("stages", stage.id)]
    entries = relations.entries[("stages", stage.id)]
    return (front_matter(title=f"{stage.name}: stage {stage.number} of the golden thread")
            + f"# {md(stage.name)}\n\nStage {stage.number} of the golden thread, our four step "
            f"improvement model.\n\n> {md(stage.summary)}\n\n{EEF} "
            f"[Back to the framework]({relative(page, INDEX)}).\n\n"
            + _linked_section(page, titles, entries, stage=stage.id))


def aim_page(aim: Named, relations: Relations) -> str:
    page = framework_page("aims", aim.id)
    return (front_matter(title=aim.name) + f"# {md(aim.name)}\n\nOne of the Trust's five school "
            f"improvement aims. [Back to the framework]({relative(page, INDEX)}).\n\n"
            + _linked_section(page, relations.titles[("aims", aim.id)],
                              relations.entries[("aims", aim.id)], aim=aim.id))


def framework_pages(kb: KnowledgeBase, relations: Relations, intro: str) -> dict[str, str]:
    pages = {INDEX: index_page(kb, intro)}
    for principle in kb.building_blocks:
        pages[framework_page("building_blocks", principle.id)] = principle_page(principle, kb, relations)
    for stage in kb.stages:
        pages[framework_page("stages", stage.id)] = stage_page(stage, relations)
    for aim in kb.aims:
        pages[framework_page("aims", aim.id)] = aim_page(aim, relations)
    return pages
