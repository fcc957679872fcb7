"""Action research: the index of years, a page per year and a page per entry."""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import quote

from ..check.citations import citation_groups
from ..cite.apa import Reference, citation, reference_list
from ..export.files import FORMATS, year_files
from ..model import Entry, KnowledgeBase
from .forms import ENTRY_FORM
from .framework import framework_link_lines
from .links import entry_page, href, relative, title_page, year_page
from .my_list import entry_button
from .text import attr, front_matter, join_words, md, plural

INDEX = "research/index.md"
LINK_SAFE = ":/?#@!$&'*+,;=%~"
EXAMPLE_NOTE = ('!!! note "Illustrative example"\n    This entry is an example written to show '
                "the format. It does not report real pupils, staff or results.\n\n")


def pdf_name(year: int) -> str:
    return f"action-research-{year}.pdf"


def with_citations(body: str, references: dict[str, Reference]) -> str:
    """The body with each [@key] replaced by author-date text linked to its reference."""
    out, last = [], 0
    for group in citation_groups(body):
        out.append(body[last:group.start])
        text = citation(group, references)
        first = group.items[0].key
        out.append(f"[{md(text)}](#ref-{attr(first)})" if first in references else md(text))
        last = group.end
    out.append(body[last:])
    return "".join(out)


def _reference_list(references: list[Reference]) -> str:
    if not references:
        return ""
    items = []
    for ref in references:
        parts = []
        for run in ref.runs:
            text = md(run.text)
            if run.link:
                text = f"[{text}]({quote(run.link, safe=LINK_SAFE)})"
            elif run.italic:
                text = f"*{text}*"
            parts.append(text)
        items.append(f'<p id="ref-{attr(ref.key)}" class="gt-reference" markdown="span">'
                     f"{''.join(parts)}</p>")
    return "## References\n\n" + "\n".join(items) + "\n\n"


def _framework_links(page: str, entry: Entry, kb: KnowledgeBase) -> str:
    lines = framework_link_lines(page, entry, kb)
    titles = [f"[{md(kb.title(t).full_title)}]({relative(page, title_page(t))})" for t in entry.library]
    if titles:
        lines.append("- Library titles: " + ", ".join(titles))
    return "\n".join(lines) + "\n"


def entry_page_text(entry: Entry, kb: KnowledgeBase, trust: str) -> str:
    page = entry_page(entry)
    academy = kb.named("academies")[entry.academy]
    references = reference_list(entry.references)
    by_key = {ref.key: ref for ref in references}
    authors = "; ".join(f"{md(a.name)}, {md(a.role)}" for a in entry.authors)
    topics = kb.named("topics")
    text = front_matter(title=entry.title, description=" ".join(entry.abstract.split())[:300],
                        tags=[topics[t].name for t in entry.topics])
    text += f"# {md(entry.title)}\n\n"
    if entry.example:
        text += EXAMPLE_NOTE
    text += (f"**Authors:** {authors}  \n**Academy:** {md(academy.name)}  \n"
             f"**Published:** [{entry.year}]({relative(page, year_page(entry.year))})\n\n"
             + entry_button(entry, trust) +
             f"## Research question\n\n{entry.research_question.strip()}\n\n"
             f"## Abstract\n\n{entry.abstract.strip()}\n\n")
    text += with_citations(entry.body, by_key).strip() + "\n\n"
    text += _reference_list(references)
    text += "## In the framework\n\n" + _framework_links(page, entry, kb)
    return text


def year_page_text(year: int, entries: list[Entry], kb: KnowledgeBase, foreword: str,
                   has_pdf: bool) -> str:
    page = year_page(year)
    academies = kb.named("academies")
    text = front_matter(title=f"Action research {year}") + f"# Action research {year}\n\n"
    if has_pdf:
        text += (f"[Download the {year} publication (PDF)]({pdf_name(year)})"
                 "{ .md-button .md-button--primary } "
                 "\n\nThis year's references, for a reference manager: "
                 + " · ".join(f"[{label}]({name.rsplit('/', 1)[1]})" for label, name in
                              ((FORMATS[suffix], name) for suffix, name in year_files(year).items()))
                 + ".\n\n")
    if foreword:
        text += "## Foreword\n\n" + foreword.strip() + "\n\n"
    grouped: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        grouped[entry.academy].append(entry)
    text += f"## Entries by academy\n\n{plural(len(entries), 'entry', 'entries')} this year.\n\n"
    for academy in sorted(grouped, key=lambda a: academies[a].name):
        text += f"### {md(academies[academy].name)}\n\n"
        for entry in grouped[academy]:
            label = " (example)" if entry.example else ""
            text += (f"- [{md(entry.title)}]({relative(page, entry_page(entry))}){label}: "
                     f"{md(join_words(a.name for a in entry.authors))}\n")
        text += "\n"
    write = f"{href(page, ENTRY_FORM)}?year={year}"
    text += (f'<p><a class="md-button" href="{attr(write)}">Write your entry for {year}</a></p>\n\n')
    return text + f"[All years]({relative(page, INDEX)})\n"


def index_page(kb: KnowledgeBase, intro: str, by_year: dict[int, list[Entry]]) -> str:
    text = front_matter(title="Action research") + "# Action research\n\n" + intro.strip() + "\n\n"
    text += "## Years\n\n"
    for year in kb.years:
        text += (f"- [{year}]({relative(INDEX, year_page(year))}): "
                 f"{plural(len(by_year.get(year, [])), 'entry', 'entries')}\n")
    return text


def research_pages(kb: KnowledgeBase, intro: str, pdf_years: set[int], trust: str) -> dict[str, str]:
    by_year: dict[int, list[Entry]] = defaultdict(list)
    for entry in kb.entries:
        by_year[entry.year].append(entry)
    pages = {INDEX: index_page(kb, intro, by_year)}
    for year in kb.years:
        pages[year_page(year)] = year_page_text(year, by_year.get(year, []), kb,
                                                kb.forewords.get(year, ""), year in pdf_years)
    for entry in kb.entries:
        pages[entry_page(entry)] = entry_page_text(entry, kb, trust)
    return pages
