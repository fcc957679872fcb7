"""The words of the problems' messages, as templates: the checks fill them in here, and the
site's forms (docs/assets/form-rules.js) fill the same templates in the browser, so a
teacher who writes an entry in the form reads the messages `validate` would print.

A template is a `str.format` string with named fields, `{name}`, `{name!r}` (Python's
repr, which the forms reproduce) and `{name:,}` (thousands separated by commas); `{{` and
`}}` are braces. codes.py says what each code means and how to fix it; these are the
sentences that name the value and the field.
"""

from __future__ import annotations

from typing import Any

TEMPLATES: dict[str, str] = {
    # check/schema.py: the JSON Schemas' rules
    "wrong-type": "{label} should be {expected}, not {actual}{hint}{example}",
    "wrong-type.quotes": ": put it in quotes",
    "wrong-type.list": ": write it as a list, e.g. [a, b] or one '- ' line per item",
    "not-allowed": "{label} is {value!r}, which is not one of {allowed}{suggestion}",
    "not-allowed.suggestion": ": did you mean {close!r}?",
    "empty-value": "{label} is empty: fill it in{example}",
    "too-long": "{label} is {length:,} characters; the most is {most:,}: shorten it",
    "bad-format.id": ("{value!r} is not an id: use lowercase letters, digits and hyphens, "
                      "e.g. {suggestion!r}"),
    "bad-format": "{label} {value!r} is not in the expected form{example}",
    "bad-date": "{label} {value!r} is not a real date: use YYYY-MM-DD",
    "out-of-range": "{label} is {value}; it must be from {low} to {high}",
    "empty-list": "{label} needs at least {low} item{plural}{example}",
    "duplicate-item": "{label} names {item!r} twice: remove one",
    "missing-field": "the required field {name!r} is missing{where}: add it{example}",
    "unknown-field": "{name!r} is not a field here{suggestion}",
    # check/entries.py and check/placeholders.py
    "placeholder": ("this is still the placeholder from `goldenthread new` (TODO: ...): "
                    "replace it with your own text"),
    "placeholder.summary": ("the summary is still the placeholder from `goldenthread new`: "
                            "write two to four sentences in our own words"),
    "unknown-citation": ("[@{key}] is cited but there is no reference with key {key!r}: "
                         "add it to {where}, or fix the key"),
    "unknown-citation.bib": "{id}.bib",
    "unknown-citation.no-bib": "a file {id}.bib beside the entry",
    # check/markdown_safety.py
    "unsafe-html": ("<{name}> is not allowed in contributed text: remove it (to show code, put "
                    "it in `backticks`)"),
    "unsafe-attribute": "the attribute {name}= runs a script: remove it",
    "unsafe-link": "a {scheme} link is not allowed: link to an https:// address instead",
    # check/images.py
    "image-alt": ("this image has no alt text: describe it in the square brackets, "
                  "e.g. ![Bar chart of quiz scores by week](images/chart.png)"),
    "image-outside": ("{src!r} is not in this year's images/ folder: put the image there and "
                      "write images/<file>"),
    "image-missing": "there is no file {src} in this year's folder: add it, or fix the name",
    # check/bib.py and load/bib.py: references
    "bib-type": "@{type} is not a reference type we can print: use one of {types}",
    "bib-missing-field": "the reference {key!r} (@{type}) needs a {field} field: add it",
    "bib-web-date": ("the web page {key!r} needs its date: year = {{2024}} with month = {{5}} if "
                     "it shows when it was published, or else no year and urldate = "
                     "{{2025-09-15}}, the day you read it"),
    "doi-prefix": "write the DOI without its prefix: doi = {{{bare}}}",
    "doi-format": ("{doi!r} is not a DOI: a DOI looks like 10.1000/xyz123 (copy it from the "
                   "article's page)"),
    "bib-url": "url = {{{url}}} is not a web address: use one starting https://",
    "bib-duplicate-key": ("the reference key {key!r} is used twice in this file: rename one "
                          "and update its citations"),
    # check/ids.py and check/sources.py
    "bad-id": ("the file name {name!r} is not a valid id: use lowercase letters, digits and "
               "hyphens, e.g. {suggestion!r}"),
    "duplicate-id": "the id {id!r} is already used by {path}: rename this file (and its .bib)",
    "duplicate-isbn": ("ISBN {isbn} is also in {others}: one record per book; remove one file "
                       "or correct the ISBN"),
    # check/glossary.py
    "glossary-duplicate.term": ("{name!r} is already a term of the glossary (line {line}): keep "
                                "one, and put everything about it there"),
    "glossary-duplicate.name": ("{name!r} is already a name of {term!r} (line {line}): a name "
                                "can belong to one term only, so remove one"),
    "glossary-duplicate.same": "{term!r} already has the name {name!r} (line {line}): remove one",
    "glossary-loop": ("{name!r} names a term that leads back here ({chain}): remove this name, or "
                      "the name that points back"),
    "glossary-topic": "{term!r} belongs to the topic {topic!r}, which does not exist: use an id "
                      "from {where}",
    # check/isbn.py
    "isbn-format": ("ISBN {isbn} has {count} digits; an ISBN has 10 or 13: copy it again from "
                    "the back cover or the copyright page, or leave it out"),
    "isbn-placeholder": ("ISBN {isbn} is a placeholder for 'no ISBN' (zeros where a book's "
                         "number goes), not a book's ISBN: copy the real one from the back "
                         "cover or the copyright page, or leave it out"),
    "isbn-prefix": ("ISBN {digits} begins {prefix}, but a 13-digit ISBN begins 978 or 979 "
                    "(another number may have been copied): copy it again from the copyright "
                    "page, or leave it out"),
    "isbn-checksum": ("ISBN {digits} fails its check digit: a digit was probably mistyped; "
                      "copy it again from the book, or leave it out"),
    # scaffold.py: `goldenthread new` and the forms will not write over a file
    "exists.entry": "{path} already exists: choose another title or --id, or edit the existing file",
    "exists.title": ("{path} already exists: this title may already be in the library; choose "
                     "another --id if it is a different book"),
}


def say(name: str, /, **values: Any) -> str:
    """The message `name` with its fields filled in."""
    return TEMPLATES[name].format(**values)
