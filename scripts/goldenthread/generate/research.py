"""Action research: the index of years, a page per year and a page per entry."""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import quote

from ..check.citations import citation_groups
from ..cite.apa import Reference, Run, citation, reference_list
from ..cite.people import listed
from ..export.feeds import RESEARCH_FEED
from ..export.files import FORMATS, year_files
from ..model import Entry, KnowledgeBase
from ..paths import entry_page, href, offprint, relative, title_page, year_page
from ..settings import Settings
from .cite_this import entry_cite_this, publication_cite_this
from .forms import ENTRY_FORM
from .framework import framework_link_lines
from .impact import INDEX as IMPACT
from .impact import entry_findings
from .my_list import entry_button
from .scholarly import entry_citation_tags, entry_json_ld
from .text import attr, front_matter, md, plural

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


def _runs(runs: tuple[Run, ...]) -> str:
    """A reference's runs as Markdown: italics, links, the rest as text."""
    parts = []
    for run in runs:
        text = md(run.text)
        if run.link:
            text = f"[{text}]({quote(run.link, safe=LINK_SAFE)})"
        elif run.italic:
            text = f"*{text}*"
        parts.append(text)
    return "".join(parts)


def _reference_list(references: list[Reference]) -> str:
    if not references:
        return ""
    items = [f'<p id="ref-{attr(ref.key)}" class="gt-reference" markdown="span">{_runs(ref.runs)}</p>'
             for ref in references]
    return "## References\n\n" + "\n".join(items) + "\n\n"


def _framework_links(page: str, entry: Entry, kb: KnowledgeBase) -> str:
    lines = framework_link_lines(page, entry, kb)
    titles = [f"[{md(kb.title(t).full_title)}]({relative(page, title_page(t))})" for t in entry.library]
    if titles:
        lines.append("- Library titles: " + ", ".join(titles))
    return "\n".join(lines) + "\n"


def entry_page_text(entry: Entry, kb: KnowledgeBase, settings: Settings) -> str:
    page = entry_page(entry)
    academy = kb.named("academies")[entry.academy]
    references = reference_list(entry.references)
    by_key = {ref.key: ref for ref in references}
    authors = "; ".join(f"{md(a.name)}, {md(a.role)}" for a in entry.authors)
    topics = kb.named("topics")
    # An illustrative entry is labelled, and kept out of search engines' indexes (and so out
    # of Google Scholar): it is not anyone's research.
    text = front_matter(title=entry.title, description=" ".join(entry.abstract.split())[:300],
                        tags=[topics[t].name for t in entry.topics],
                        robots="noindex" if entry.example else None,
                        citation=entry_citation_tags(entry, settings),
                        json_ld=entry_json_ld(entry, kb, settings))
    text += f"# {md(entry.title)}\n\n"
    if entry.example:
        text += EXAMPLE_NOTE
    text += (f"**Authors:** {authors}  \n**Academy:** {md(academy.name)}  \n"
             f"**Published:** [{entry.year}]({relative(page, year_page(entry.year))})\n\n"
             f"[Download this entry (PDF)]({relative(page, offprint(entry))}){{ .md-button }} "
             "[Cite this entry](#cite-this){ .md-button } "
             + entry_button(entry, settings) +
             f"## Research question\n\n{entry.research_question.strip()}\n\n"
             f"## Abstract\n\n{entry.abstract.strip()}\n\n")
    text += with_citations(entry.body, by_key).strip() + "\n\n"
    text += entry_findings(entry, page)
    text += _reference_list(references)
    text += entry_cite_this(entry, settings)
    text += "## In the framework\n\n" + _framework_links(page, entry, kb)
    return text


def year_page_text(year: int, entries: list[Entry], kb: KnowledgeBase, foreword: str,
                   has_pdf: bool, settings: Settings | None = None) -> str:
    page = year_page(year)
    academies = kb.named("academies")
    heading = settings.identity.publication(year) if settings else f"Action research {year}"
    text = front_matter(title=heading) + f"# {md(heading)}\n\n"
    if has_pdf:
        text += (f"[Download the {year} publication (PDF)]({pdf_name(year)})"
                 "{ .md-button .md-button--primary } "
                 "\n\nThis year's references, for a reference manager: "
                 + " · ".join(f"[{label}]({name.rsplit('/', 1)[1]})" for label, name in
                              ((FORMATS[suffix], name) for suffix, name in year_files(year).items()))
                 + ". Each entry's page has its own PDF and how to cite it.\n\n")
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
                     f"{md(listed([a.name for a in entry.authors]))}\n")
        text += "\n"
    write = f"{href(page, ENTRY_FORM)}?year={year}"
    text += (f'<p><a class="md-button" href="{attr(write)}">Write your entry for {year}</a></p>\n\n')
    if entries:
        text += publication_cite_this(year, settings or Settings())
    return text + f"[All years]({relative(page, INDEX)})\n"


FEED_TITLE = "New action research (Atom feed)"


def index_page(kb: KnowledgeBase, intro: str, by_year: dict[int, list[Entry]]) -> str:
    text = (front_matter(title="Action research", feeds=[{"href": RESEARCH_FEED, "title": FEED_TITLE}])
            + "# Action research\n\n" + intro.strip() + "\n\n"
            + f"[{FEED_TITLE}]({relative(INDEX, RESEARCH_FEED)}): subscribe in a feed reader to hear of "
            "each year's entries.\n\n"
            + f"[Impact]({relative(INDEX, IMPACT)}): every finding our research "
            "reports, what changed, by how much and how surely.\n\n")
    text += "## Years\n\n"
    for year in kb.years:
        text += (f"- [{year}]({relative(INDEX, year_page(year))}): "
                 f"{plural(len(by_year.get(year, [])), 'entry', 'entries')}\n")
    return text


def research_pages(kb: KnowledgeBase, intro: str, pdf_years: set[int], settings: Settings) -> dict[str, str]:
    by_year: dict[int, list[Entry]] = defaultdict(list)
    for entry in kb.entries:
        by_year[entry.year].append(entry)
    pages = {INDEX: index_page(kb, intro, by_year)}
    for year in kb.years:
        pages[year_page(year)] = year_page_text(year, by_year.get(year, []), kb,
                                                kb.forewords.get(year, ""), year in pdf_years, settings)
    for entry in kb.entries:
        pages[entry_page(entry)] = entry_page_text(entry, kb, settings)
    return pages
