"""Ready-to-fill sources for `goldenthread new` and the site's forms: an entry (+ .bib) or a
catalogue record.

Each file is a template (ENTRY, TITLE) whose slots are filled by a few encoders (quoted,
folded, id_list, ...). The site's forms (base/assets/form-rules.js) read the same
templates from generated data (generate/forms.py) and fill them with the same encoders, so
a form writes exactly what `goldenthread new` writes, filled in; tests/site/test_forms.py
compares the two byte for byte.

Placeholders are lines that start with "TODO:"; `validate` reports each one (code
placeholder) until it is replaced, so an unfinished entry cannot be published.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .check.ids import GENERATED, suggested_id
from .check.placeholders import PLACEHOLDER as PLACEHOLDER  # the forms' templates name it
from .export.bibtex import entry_text as bib_entry_text
from .export.bibtex import escape as bib_escape
from .messages import say
from .model import Tags
from .problems import GoldenThreadError
from .writer import write_atomically

# -- Encoders: text as the slot of a template needs it ---------------------------------------

# What a YAML reader refuses anywhere (PyYAML's reader), and the line breaks other than \n
# (\r, \x85, \u2028, \u2029) that YAML honours and editors, git and GitHub do not.
_LINE_BREAKS = re.compile("\r\n?|[\x85\u2028\u2029]")
_UNREADABLE = re.compile("[^\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# A plain YAML scalar that reads back as this very text: id-like words that YAML 1.1 does
# not take for a number, a truth value or nothing (tests/test_scaffold.py asks PyYAML).
PLAIN = r"^[A-Za-z0-9][A-Za-z0-9_-]*$"
NOT_TEXT = (r"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
            r"|null|Null|NULL|0b[01_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*)$")
_PLAIN, _NOT_TEXT = re.compile(PLAIN), re.compile(NOT_TEXT)
_BLANK_LINE = re.compile(r"^[ \t]*$")


def clean(text: str) -> str:
    """Text as typed or pasted, without what would make a file unreadable: every line break
    is \\n, and invisible control characters (often pasted from a word processor) are gone."""
    return _UNREADABLE.sub("", _LINE_BREAKS.sub("\n", text))


def quoted(text: str) -> str:
    """A string in double quotes: JSON, which YAML reads as the same text."""
    return json.dumps(clean(text), ensure_ascii=False)


def folded(text: str) -> str:
    """The lines of a `>-` block, indented two spaces (blank lines left empty)."""
    lines = clean(text).strip(" \t\n").split("\n")
    return "\n".join("" if _BLANK_LINE.match(line) else "  " + line for line in lines)


def word(value: str) -> str:
    """An id as it stands in a file: plain when YAML reads it back as that text, else quoted."""
    return value if _PLAIN.match(value) and not _NOT_TEXT.match(value) else quoted(value)


def id_list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(word(value) for value in values) + "]"


def number(value: int | str | None) -> str:
    """A year: digits as a number, nothing as nothing (YAML's null), other text quoted."""
    if value is None or value == "":
        return ""
    return str(value) if isinstance(value, int) else quoted(value)


def year_of(text: str) -> int | str | None:
    """What a form's year box holds: a whole number, nothing, or text that is neither."""
    text = text.strip(" \t\n")
    if not text:
        return None
    return int(text) if re.match(r"^[1-9][0-9]{0,5}$", text) else text


def body(text: str) -> str:
    """An entry's Markdown: from its first line with text to a single final newline."""
    return clean(text).lstrip("\n").rstrip(" \t\n") + "\n"


def fill(template: str, slots: dict[str, str]) -> str:
    return template.format(**slots)


def optional(name: str, text: str) -> str:
    """A `name: "text"` line, or nothing when there is no text."""
    return f"{name}: {quoted(text)}\n" if clean(text).strip(" \t\n") else ""


# -- An action-research entry and its references ---------------------------------------------

ENTRY = (
    "---\n"
    "# yaml-language-server: $schema=../../scripts/goldenthread/schemas/entry.schema.json\n"
    "title: {title}\n"
    "authors:{authors}\n"
    "academy: {academy}\n"
    "year: {year}\n"
    "research_question: >-\n{research_question}\n"
    "abstract: >-\n{abstract}\n"
    "# Optional: ids from docs/framework.yaml and library/ (delete any you do not use).\n"
    "topics: {topics}\n"
    "{framework}"
    "library: {library}\n"
    "{outcomes}"
    "---\n"
    "\n"
    "{body}")
AUTHOR = "\n  - name: {name}\n    role: {role}"
FRAMEWORK_LINE = "{field}: {ids}\n"  # one a dimension of docs/framework.yaml that records name
NO_AUTHORS = " []"
QUESTION = "TODO: the question your research asked, in one or two sentences."
ABSTRACT = "TODO: two to four sentences on what you did and what you found."
BODY = ("## Context\n\nTODO: your academy, your class or team, and why you asked this question.\n\n"
        "## What we did\n\nTODO: what you changed, for whom and for how long. Cite reading by its "
        "key from the .bib file, in square brackets after an at sign.\n\n"
        "## What we found\n\nTODO: what you noticed and how sure you can be of it.\n\n"
        "## What next\n\nTODO: what you will keep, change or stop, and what colleagues could try.\n")


# -- Findings (`outcomes:`, ../shared/CONTRACT.md "Outcomes"), as the form takes them ----------

OUTCOMES = "outcomes:\n{findings}"
FINDING = ("  - measure: {measure}\n"
           "    design: {design}\n"
           "    higher_is_better: {higher_is_better}\n"
           "{groups}{scale}")
GROUP = "    {name}: {{{numbers}}}\n"
PRE = "pre: {{{numbers}}}"
SCALE = "    scale: {{{numbers}}}\n"  # only when the lowest or the highest score is given
# A published result (two groups only, check/outcomes.py): its g and 95% interval stand alone,
# with no groups, no higher_is_better and no scale (the check would call those extra).
REPORTED = ("  - measure: {measure}\n"
            "    design: {design}\n"
            "    effect_size: {{{size}}}\n")
INTERVAL = "ci: [{ends}]"  # only the ends given; none given, no ci (the check names what is missing)
# The groups each design writes, in order (check/outcomes.py's GROUPS), and whether they have
# a pre-test of the same pupils.
DESIGN_GROUPS: dict[str, tuple[str, ...]] = {
    "two-group": ("intervention", "comparison"), "two-group-pretest": ("intervention", "comparison"),
    "one-group": ("before", "after")}
PRETEST = "two-group-pretest"
# A number as typed: digits with at most one point, a sign before (a true minus too).
FIGURE = r"^([+-]?)([0-9]*)(?:\.([0-9]*))?$"
_FIGURE = re.compile(FIGURE)


def figure(text: str) -> str:
    """A number as typed, written so that YAML reads back that number: no leading zeros (YAML
    1.1 takes 010 for octal), no trailing zeros after the point (so 14.0 is the whole number
    14, as a teacher means it); anything else is quoted text, which the check then names."""
    value = clean(text).strip(" \t\n").replace("\u2212", "-")
    match = _FIGURE.match(value)
    if not match or not (match[2] or match[3]):
        return quoted(value)
    whole, fraction = match[2].lstrip("0") or "0", (match[3] or "").rstrip("0")
    sign = "-" if match[1] == "-" and (whole != "0" or fraction) else ""
    return sign + whole + ("." + fraction if fraction else "")


@dataclass(frozen=True)
class NewGroup:
    """A group's numbers as typed: pupils, average, standard deviation, and (before a
    comparison with a pre-test) the same pupils' average and standard deviation before."""

    n: str = ""
    mean: str = ""
    sd: str = ""
    pre_mean: str = ""
    pre_sd: str = ""


@dataclass(frozen=True)
class NewFinding:
    measure: str
    design: str  # a key of DESIGN_GROUPS
    higher_is_better: bool = True
    groups: tuple[tuple[str, NewGroup], ...] = ()  # (intervention, ...), any order, any missing
    scale: tuple[str, str] = ("", "")  # the lowest and the highest possible score, as typed
    # a published result instead of the groups: g, its interval's lowest and highest, as typed
    effect_size: tuple[str, str, str] | None = None


def _numbers(pairs: tuple[tuple[str, str], ...]) -> str:
    """A flow mapping's inside, the numbers left empty left out (the check names them)."""
    return ", ".join(f"{name}: {figure(text)}" for name, text in pairs if clean(text).strip(" \t\n"))


def reported_text(finding: NewFinding) -> str:
    """A finding given as a published result: effect_size: {g: 0.31, ci: [-0.05, 0.67]}."""
    g, low, high = finding.effect_size or ("", "", "")
    ends = ", ".join(figure(end) for end in (low, high) if clean(end).strip(" \t\n"))
    size = ", ".join(part for part in (_numbers((("g", g),)), fill(INTERVAL, {"ends": ends}) if ends else "")
                     if part)
    return fill(REPORTED, {"measure": quoted(finding.measure), "design": word(finding.design), "size": size})


def finding_text(finding: NewFinding) -> str:
    if finding.effect_size is not None:
        return reported_text(finding)
    groups = dict(finding.groups)
    lines = []
    for name in DESIGN_GROUPS[finding.design]:
        group = groups.get(name, NewGroup())
        numbers = _numbers((("n", group.n), ("mean", group.mean), ("sd", group.sd)))
        if finding.design == PRETEST:
            pre = fill(PRE, {"numbers": _numbers((("mean", group.pre_mean), ("sd", group.pre_sd)))})
            numbers = f"{numbers}, {pre}" if numbers else pre
        lines.append(fill(GROUP, {"name": name, "numbers": numbers}))
    scale = _numbers((("min", finding.scale[0]), ("max", finding.scale[1])))
    return fill(FINDING, {"measure": quoted(finding.measure), "design": word(finding.design),
                          "higher_is_better": "true" if finding.higher_is_better else "false",
                          "groups": "".join(lines),
                          "scale": fill(SCALE, {"numbers": scale}) if scale else ""})


def outcomes_text(findings: tuple[NewFinding, ...]) -> str:
    """The `outcomes:` lines of an entry's front matter; nothing when there are no findings."""
    if not findings:
        return ""
    return fill(OUTCOMES, {"findings": "".join(finding_text(finding) for finding in findings)})


@dataclass(frozen=True)
class NewEntry:
    title: str
    authors: tuple[tuple[str, str], ...]  # (name, role)
    academy: str
    year: int
    research_question: str = QUESTION
    abstract: str = ABSTRACT
    topics: tuple[str, ...] = ()
    tags: Tags = ()  # every dimension records name, in the framework's order, with its ids
    library: tuple[str, ...] = ()
    body: str = BODY
    outcomes: tuple[NewFinding, ...] = ()


def framework_lines(tags: Tags) -> str:
    """A line for each dimension of the framework that records name: `aims: [equity]`."""
    return "".join(fill(FRAMEWORK_LINE, {"field": field, "ids": id_list(ids)}) for field, ids in tags)


def entry_text(new: NewEntry) -> str:
    authors = "".join(fill(AUTHOR, {"name": quoted(name), "role": quoted(role)})
                      for name, role in new.authors) or NO_AUTHORS
    return fill(ENTRY, {
        "title": quoted(new.title), "authors": authors, "academy": word(new.academy) if new.academy else "",
        "year": number(new.year), "research_question": folded(new.research_question),
        "abstract": folded(new.abstract), "topics": id_list(new.topics),
        "framework": framework_lines(new.tags), "library": id_list(new.library),
        "outcomes": outcomes_text(new.outcomes), "body": body(new.body)})


# The kinds of reference the form offers: kind -> (BibTeX type, the fields in the order they
# are written, each (field, label, hint)). `author` and `editor` hold one name a line.
REFERENCE_KINDS: dict[str, tuple[str, tuple[tuple[str, str, str], ...]]] = {
    "book": ("book", (
        ("author", "Authors", "One a line: surname, a comma, then first names or initials. "
                              "Leave it empty if the book has editors instead."),
        ("editor", "Editors", "Only if the book has editors instead of authors; one a line."),
        ("title", "Title", "As on the cover, with its subtitle after a colon."),
        ("edition", "Edition", "Only if not the first, for example 2."),
        ("publisher", "Publisher", "For example Routledge."),
        ("year", "Year", "The year this edition was published."),
        ("doi", "DOI", "If it has one, for example 10.4324/9780429290794."),
        ("url", "Web address", "Only if you read it online."))),
    "chapter": ("incollection", (
        ("author", "Authors of the chapter", "One a line: surname, a comma, then first names."),
        ("title", "Title of the chapter", ""),
        ("editor", "Editors of the book", "One a line: surname, a comma, then first names."),
        ("booktitle", "Title of the book", ""),
        ("publisher", "Publisher", ""),
        ("year", "Year", ""),
        ("pages", "Pages", "For example 12-30."))),
    "article": ("article", (
        ("author", "Authors", "One a line: surname, a comma, then first names or initials."),
        ("title", "Title of the article", ""),
        ("journal", "Journal", "For example Psychological Science."),
        ("year", "Year", ""),
        ("volume", "Volume", ""),
        ("number", "Issue", ""),
        ("pages", "Pages", "For example 249-255."),
        ("doi", "DOI", "From the article's page, for example 10.1111/j.1467-9280.2006.01693.x."),
        ("url", "Web address", "Only if there is no DOI."))),
    "report": ("report", (
        ("author", "Authors", "One a line. Leave it empty if an organisation wrote it."),
        ("title", "Title", ""),
        ("institution", "Organisation that published it", "For example Education Endowment "
                                                           "Foundation."),
        ("year", "Year", ""),
        ("url", "Web address", ""))),
    "webpage": ("online", (
        ("author", "Authors", "One a line, or the organisation's name. Leave it empty if none "
                              "is given."),
        ("title", "Title of the page", ""),
        ("organization", "Website", "The site's or organisation's name."),
        ("url", "Web address", "Starting https://"),
        ("year", "Year it was published", "Leave it empty if the page does not say."),
        ("month", "Month it was published", "A number, 1 to 12. Leave it empty if the page "
                                            "does not say."),
        ("urldate", "The day you read it", "YYYY-MM-DD, for example 2026-03-14."))),
}
NAMES = ("author", "editor")           # one name a line
AS_WRITTEN = ("url", "doi", "urldate")  # no BibTeX escapes: addresses and dates
BIB = ("% References for this entry, in BibTeX, one entry per reference.\n"
       "% Copy the kinds you need from research/TEMPLATE.bib, or export them from Zotero.\n")
_SPACES = re.compile(r"[\t\n \xa0\u1680\u2000-\u200a\u202f\u205f\u3000]+")


@dataclass(frozen=True)
class NewReference:
    kind: str  # a key of REFERENCE_KINDS
    key: str
    fields: tuple[tuple[str, str], ...]  # (field, what was written), in any order


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", clean(text)).strip(" ")


def _names(text: str) -> str:
    """A name a line: 'Surname, First' is a person's; a line of words without a comma is an
    organisation's, kept whole in braces ({Education Endowment Foundation})."""
    names = [_one_line(line) for line in clean(text).split("\n")]
    return " and ".join(bib_escape(name) if "," in name or " " not in name else "{" + bib_escape(name) + "}"
                        for name in names if name)


def _as_written(text: str) -> str:
    value = _one_line(text)
    depth = 0
    for char in value:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            break
    return value if depth == 0 else value.replace("{", "").replace("}", "")


def bib_value(field: str, text: str) -> str:
    """What the teacher wrote as a field's BibTeX value."""
    if field in NAMES:
        return _names(text)
    return _as_written(text) if field in AS_WRITTEN else bib_escape(_one_line(text))


def reference_text(reference: NewReference) -> str:
    kind, fields = REFERENCE_KINDS[reference.kind]
    written = dict(reference.fields)
    values = [(name, bib_value(name, written.get(name, ""))) for name, _, _ in fields]
    return bib_entry_text(kind, reference.key, [(name, value) for name, value in values if value])


def bib_text(references: tuple[NewReference, ...] = ()) -> str:
    # No example entry here: BibTeX reads an at-sign entry even on a % line.
    return BIB + "".join("\n" + reference_text(reference) for reference in references)


# -- A catalogue record ----------------------------------------------------------------------

TITLE = (
    "# yaml-language-server: $schema=../../scripts/goldenthread/schemas/title.schema.json\n"
    "title: {title}\n"
    "{subtitle}"
    "authors:{authors}\n"
    "year: {year}\n"
    "{edition}{publisher}{isbn}{type}"
    "topics: {topics}\n"
    "{framework}"
    "career_stages: {career_stages}\n"
    "formats: {formats}\n"
    "{url}"
    "summary: >-\n{summary}\n")
TITLE_AUTHOR = "\n  - {name}"
NO_ISBN = "# isbn: copy it from the book in quotes, or leave this line out. Never guess one.\n"
REPORT = "type: report\n"
SUMMARY = "TODO: two to four sentences in our own words."


@dataclass(frozen=True)
class NewTitle:
    title: str
    authors: tuple[str, ...]
    year: int | str | None
    topics: tuple[str, ...] = ()
    publisher: str = ""
    subtitle: str = ""
    edition: str = ""
    isbn: str = ""
    type: str = "book"  # or "report"
    tags: Tags = ()  # every dimension records name, in the framework's order, with its ids
    career_stages: tuple[str, ...] = ()
    formats: tuple[str, ...] = ("print",)
    url: str = ""
    summary: str = SUMMARY


def title_text(new: NewTitle) -> str:
    authors = "".join(fill(TITLE_AUTHOR, {"name": quoted(name)}) for name in new.authors)
    return fill(TITLE, {
        "title": quoted(new.title), "subtitle": optional("subtitle", new.subtitle),
        "authors": authors or NO_AUTHORS, "year": number(new.year),
        "edition": optional("edition", new.edition), "publisher": optional("publisher", new.publisher),
        "isbn": optional("isbn", new.isbn) or NO_ISBN, "type": REPORT if new.type == "report" else "",
        "topics": id_list(new.topics), "framework": framework_lines(new.tags),
        "career_stages": id_list(new.career_stages), "formats": id_list(new.formats),
        "url": optional("url", new.url), "summary": folded(new.summary)})


# -- Files -----------------------------------------------------------------------------------

def new_id(title: str) -> str:
    """The id `new` gives a title or an entry that has no --id: never the name of a page the
    site makes (check/ids.GENERATED), which validate would refuse."""
    ident = suggested_id(title)[:60].rstrip("-")
    return f"{ident}-1" if ident in GENERATED else ident


def create(path: Path, text: str) -> None:
    """Write a new file; refuse if one is already there."""
    if path.exists():
        raise GoldenThreadError(say("exists.entry", path=path))
    write_atomically(path, text.encode("utf-8"))


def new_entry(root: Path, new: NewEntry, ident: str | None = None) -> list[Path]:
    ident = ident or new_id(new.title)
    folder = root / "research" / str(new.year)
    entry, bib = folder / f"{ident}.md", folder / f"{ident}.bib"
    for path in (entry, bib):
        if path.exists():
            raise GoldenThreadError(say("exists.entry", path=path.relative_to(root).as_posix()))
    create(entry, entry_text(new))
    create(bib, bib_text())
    return [entry, bib]


def new_title(root: Path, new: NewTitle, ident: str | None = None) -> Path:
    path = root / "library" / "titles" / f"{ident or new_id(new.title)}.yaml"
    if path.exists():
        raise GoldenThreadError(say("exists.title", path=path.relative_to(root).as_posix()))
    create(path, title_text(new))
    return path
