"""The data the site's forms check and write with, made from the sources of `validate`'s own
rules, so the forms have no copy of their own to drift:

`contributing/form-data.json` (the rules; base/assets/form-rules.js reads it):

    {"schemas": {"entry": ..., "title": ...},     scripts/goldenthread/schemas/*.schema.json
     "typeNames": {"string": "text", ...},          how check/schema.py names a value's kind
     "messages": {name: template, ...},             messages.py: the checks' own sentences
     "teacher": {name: template, ...},              messages.py: the same, as a teacher reads them
     "levels": {code: level, ...},                  codes.py: the level validate reports it at
     "submission": {"open": ..., "close": ...},     submission.py: the file "Send to the
                                                    research lead" downloads
     "impact": {...},                               impact/ and check/outcomes.py: the
                                                    findings' arithmetic, strength and checks
     "templates": {...},  "patterns": {...},        scaffold.py: the files `new` writes, and (with
                                                    check/bib.py's web address and DOI patterns)
     "referenceKinds": [[kind, type, [[field, label, hint], ...]], ...],   how it writes them
     "bibRequired": {type: [[field, ...], ...]},    check/bib.py: the fields a reference needs
     "isbnPrefixes": ["978", "979"],                check/isbn.py: an ISBN-13's first digits
     "vocabularies": {name: [[id, name], ...]},     library/*.yaml and docs/framework.yaml
     "fold": {letter: ASCII, ...},                  search_words.FOLDS: how the library search folds
     "refused": {code: [template, name], ...},      load/characters.py: characters that are not text
     "entries": [path, ...],                        the entries there are (ids are used once)
     "reserved": [id, ...]}                         check/ids.py: names an id may not take

`contributing/titles.json` (the catalogue, fetched when a form first needs it): one list a
field, item n of each for the n-th title in id order:

    {"id": [...], "title": [full title, ...], "authors": [[name, ...], ...], "year": [...],
     "isbn": [digits or "", ...],
     "reference": [[kind, {field: text}], ...]}    the title as the entry form's reference
                                                   fields would hold it (book or report)
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from typing import Any

from .. import scaffold
from ..check import active_content
from ..check import outcomes as outcome_rules
from ..check.bib import DOI, DOI_PREFIX, REQUIRED, WEB_ADDRESS
from ..check.citations import KEY
from ..check.entries import MARKDOWN_FIELDS
from ..check.ids import GENERATED
from ..check.isbn import PREFIXES, normalise
from ..check.schema import TYPE_NAMES, schema_for
from ..check.sentence_case import sentence_case
from ..codes import CODES
from ..export.bibtex import inverted, is_organisation
from ..impact import effect, strength
from ..load.characters import NOT_TEXT, character_name, refusal
from ..messages import TEACHER, TEMPLATES
from ..model import KnowledgeBase, Title
from ..submission import CLOSE, OPEN
from .search_words import FOLDS

FOLDER = "contributing"
RULES = f"{FOLDER}/form-data.json"
TITLES = f"{FOLDER}/titles.json"
VOCABULARIES = ("academies", "topics", "career_stages")  # and the framework's dimensions


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def version(text: str) -> str:
    """What the pages add to the files' addresses, so a cached copy never outlives them."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _templates() -> dict[str, str]:
    names = ("ENTRY", "AUTHOR", "FRAMEWORK_LINE", "NO_AUTHORS", "QUESTION", "ABSTRACT", "BODY",
             "OUTCOMES", "FINDING", "GROUP", "PRE", "SCALE", "REPORTED", "INTERVAL",
             "BIB", "TITLE", "TITLE_AUTHOR", "NO_ISBN",
             "REPORT", "SUMMARY", "PLACEHOLDER")
    return {name.lower(): getattr(scaffold, name) for name in names}


def active_content_data() -> dict[str, Any]:
    """check/active_content.py's allow-list, for the forms' own check (one source)."""
    return {"elements": sorted(active_content.HTML_ELEMENTS), "global": sorted(active_content.HTML_GLOBAL),
            "attributes": {name: sorted(allowed) for name, allowed in active_content.HTML_ATTRIBUTES.items()},
            "urlAttributes": sorted(active_content.URL_ATTRIBUTES),
            "safeSchemes": sorted(active_content.SAFE_SCHEMES),
            "scriptSchemes": list(active_content.SCRIPT_SCHEMES)}


@cache
def refused_characters() -> dict[str, list[str]]:
    """load/characters.py's characters that are not text (all in the first 65,536), for the
    forms' check of character references (&#x202E;): code -> [message template, name]."""
    return {str(code): [refusal(chr(code)), character_name(chr(code))]
            for code in range(0x10000) if NOT_TEXT.match(chr(code))}


def impact_data() -> dict[str, Any]:
    """The constants of the arithmetic (impact/effect.py), the strength rating
    (impact/strength.py) and the findings' checks (check/outcomes.py), which
    base/assets/effect.js and form-rules.js apply: one source, no copy to drift."""
    return {"z95": effect.Z95, "monthsTable": [list(row) for row in effect.MONTHS_TABLE],
            "monthsTop": effect.TOP,
            "levels": {str(level): name for level, name in strength.LEVELS.items()},
            "top": strength.TOP, "small": strength.SMALL, "levelStart": strength.LEVEL_START,
            "notEquivalent": strength.NOT_EQUIVALENT, "reasons": strength.REASONS,
            "large": outcome_rules.LARGE, "minPupils": outcome_rules.MIN_PUPILS,
            "designWords": outcome_rules.DESIGN_WORDS, "neededWhy": outcome_rules.NEEDED_WHY,
            "designGroups": {name: list(groups) for name, groups in scaffold.DESIGN_GROUPS.items()},
            "pretest": scaffold.PRETEST, "figure": scaffold.FIGURE}


def rules_data(kb: KnowledgeBase) -> str:
    """The text of contributing/form-data.json."""
    data: dict[str, Any] = {
        "schemas": {kind: schema_for(kind, tuple(d.id for d in kb.tagging)) for kind in ("entry", "title")},
        "typeNames": TYPE_NAMES,
        "messages": TEMPLATES,
        "teacher": TEACHER,
        "submission": {"open": OPEN, "close": CLOSE},
        "levels": {code.code: code.level_in("validate") for code in CODES if code.level_in("validate")},
        "templates": _templates(),
        "impact": impact_data(),
        "patterns": {"plain": scaffold.PLAIN, "notText": scaffold.NOT_TEXT, "citationKey": KEY,
                     "webAddress": WEB_ADDRESS.pattern, "doi": DOI.pattern, "doiPrefix": DOI_PREFIX.pattern},
        "isbnPrefixes": list(PREFIXES),
        "activeContent": active_content_data(),
        "markdownFields": list(MARKDOWN_FIELDS),
        "referenceKinds": [[kind, bibtype, [list(field) for field in fields]]
                           for kind, (bibtype, fields) in scaffold.REFERENCE_KINDS.items()],
        "names": list(scaffold.NAMES), "asWritten": list(scaffold.AS_WRITTEN),
        "bibRequired": {kind: [[need] if isinstance(need, str) else list(need) for need in needs]
                        for kind, needs in REQUIRED.items()},
        "vocabularies": {name: [[item.id, item.name, item.number] for item in kb.named(name).values()]
                         for name in (*VOCABULARIES, *(d.id for d in kb.tagging))},
        "dimensions": [[d.id, d.name] for d in kb.tagging],
        "entries": sorted(f"research/{entry.year}/{entry.id}.md" for entry in kb.entries),
        "reserved": sorted(GENERATED),
        "fold": FOLDS,
        "refused": refused_characters(),
    }
    return _json(data)


def author_line(name: str) -> str:
    """A catalogue author as the entry form's author box holds it: 'Surname, First names',
    or an organisation's name (no comma) as it is."""
    if is_organisation(name) or len(name.split()) == 1:
        return name.replace(",", "")
    return inverted(name)


def as_reference_title(title: str) -> str:
    """A catalogue title (as its cover prints it) as APA 7 writes a reference's: in sentence
    case, as validate's bib-title-case notice would have it, so a reference the form fills
    from the library never draws that notice."""
    return sentence_case(" ".join(title.split())) or title


def _reference(title: Title) -> list[Any]:
    fields = {"author": "\n".join(author_line(name) for name in title.authors),
              "title": as_reference_title(title.full_title), "year": str(title.year)}
    if title.type == "report":
        fields["institution"] = title.publisher
        kind = "report"
    else:
        fields |= {"edition": title.edition, "publisher": title.publisher}
        kind = "book"
    if title.url:
        fields["url"] = title.url
    return [kind, {name: value for name, value in fields.items() if value}]


def titles_data(kb: KnowledgeBase) -> str:
    """The text of contributing/titles.json."""
    titles = sorted(kb.titles, key=lambda title: title.id)
    return _json({
        "id": [t.id for t in titles], "title": [t.full_title for t in titles],
        "authors": [list(t.authors) for t in titles], "year": [t.year for t in titles],
        "isbn": [normalise(t.isbn) if t.isbn else "" for t in titles],
        "reference": [_reference(t) for t in titles],
    })


def form_files(kb: KnowledgeBase) -> dict[str, str]:
    """The files beside the forms' pages: docs-relative path -> text."""
    return {RULES: rules_data(kb), TITLES: titles_data(kb)}
