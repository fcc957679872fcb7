"""The words of the problems' messages, as templates: the checks fill them in here, and the
site's forms (base/assets/form-rules.js) fill the same templates in the browser, so a
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
    "identity-unset": "{part} is not set in docs/trust.yaml{fallback}: set it",
    "identity-unset.default": ", so the site says {default!r}",
    "identity-unset.none": ", so no page offers it",
    "unknown-item": "there is no {one} {id!r}: use an id from {where} ({name}){suggestion}",
    "dimension-reserved": ("{id!r} is already a field of titles or entries: give this "
                           "dimension another id"),
    "unknown-citation": ("[@{key}] is cited but there is no reference with key {key!r}: "
                         "add it to {where}, or fix the key"),
    "unknown-citation.bib": "{id}.bib",
    "unknown-citation.no-bib": "a file {id}.bib beside the entry",
    # check/outcomes.py: an entry's findings
    "outcome-missing": "{label}: {design} needs {field!r} ({what}): add it",
    "outcome-extra": "{label} is not used here: {why}: remove it",
    "outcome-extra.design": "this finding is {design}",
    "outcome-extra.reported": ("a published result (effect_size) stands alone: its g is positive when "
                               "the approach did better, and its groups' numbers are not needed"),
    "outcome-extra.pre": ("a pre-test is given but the design is two-group: change design to "
                          "two-group-pretest, or remove the pre-test"),
    "outcome-group-size": ("{label} is {value}: a group needs at least 2 pupils, so that how spread "
                           "out their scores are can be measured"),
    "outcome-sd": ("{label} is {value}: a standard deviation is more than 0 (it is 0 only if every "
                   "pupil scored the same): copy it again, e.g. from your spreadsheet's STDEV"),
    "outcome-interval": ("the interval {low} to {high} does not contain g = {g}: copy g and its "
                         "interval again from the report"),
    "outcome-interval.shape": "{label} should be two numbers: write the lowest first, e.g. [-0.05, 0.67]",
    "outcome-interval.order": "{label} runs from {low} down to {high}: write the lowest first",
    "outcome-scale": ("{label} is {value}, outside the scale of {low} to {high}: check the number "
                      "or the scale"),
    "outcome-scale.sd": ("{label} is {value}, more than the whole scale ({low} to {high}) allows: check "
                         "that it is the standard deviation, not a total or a variance"),
    "outcome-scale.order": ("{label}: the lowest score, {low}, is not below the highest, {high}: "
                            "correct them"),
    "outcome-number": "{label} is {value}, which is not a number we can use: write the number itself",
    "outcome-large": ("{label}: these numbers give a result of {value} standard deviations, which "
                      "is very rare in schools: check that each sd is the standard deviation of the "
                      "pupils' scores, not a standard error"),
    "outcome-number.result": ("{label}: these numbers give a result too large to show: check the "
                              "standard deviations (one near 0 makes any difference enormous)"),
    # load/characters.py (and character references in Markdown, check/markdown_safety.py)
    "control-character": ("the text holds {name}, an invisible character that is not text (often "
                          "pasted in with the text): delete it (retype the text around it if unsure)"),
    "control-character.bidi": ("the text holds {name}, an invisible mark that shows the text after "
                               "it in another order than it is written: delete it (retype the text "
                               "around it if unsure)"),
    # check/markdown_safety.py
    "unsafe-html": ("<{name}> is not allowed in contributed text: remove it (to show code, put "
                    "it in `backticks`)"),
    "unsafe-attribute": "the attribute {name}= runs a script: remove it",
    "unsafe-attribute.other": ("the attribute {name}= is not one the site allows on {element}: "
                               "remove it"),
    "unsafe-link": ("a {scheme} link is not allowed: link to an https:// address (or a page or "
                    "file of the site) instead"),
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
    "bib-title-case": ("APA 7 writes reference titles in sentence case: {name} = {{{sentence}}} "
                       "(if that lowered a proper noun, put the noun in braces, e.g. "
                       "{{Rosenshine}} or {{Key Stage}}, to keep its capitals)"),
    # check/ids.py and check/sources.py
    "bad-id": ("the file name {name!r} is not a valid id: use lowercase letters, digits and "
               "hyphens, e.g. {suggestion!r}"),
    "name-too-long": ("the file name is {length:,} characters; the most is {most:,}: shorten it, "
                      "e.g. {suggestion!r}"),
    "reserved-id": ("the file name {name!r} is the address of something the site makes itself "
                    "({what}): choose another name"),
    "case-clash": ("{path} and {other} differ only in capital letters, so on Windows and Mac "
                   "they are one file: rename one of them"),
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
    "unknown-topic.glossary": "{term!r} belongs to the topic {topic!r}, which does not exist: use an id "
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


# The same messages as a teacher reads them in the site's forms: what to do, in the words on
# the form's screen, with no field names from the files, ids, file names or commands. Keyed
# as TEMPLATES; the form fills `{field}` with the field's label as the screen shows it (in
# quotes, and "in Reference 2" where that says which) and `{choose}` with a list's first line
# ("Choose your academy"); a ".choose" variant is used for a field chosen from a list. The
# other names are the values TEMPLATES is filled with.
TEACHER: dict[str, str] = {
    # Messages for the research lead's sources (the forms never fill these) still have a
    # teacher's version, for anyone who meets them.
    "case-clash": "Change the short name: another entry has the same one but for capitals.",
    "dimension-reserved": "Ask the research lead: the trust's framework needs a change first.",
    "glossary-duplicate.name": "Ask the research lead: a word is given twice in the glossary.",
    "glossary-duplicate.same": "Ask the research lead: a word is given twice in the glossary.",
    "glossary-duplicate.term": "Ask the research lead: a word is given twice in the glossary.",
    "glossary-loop": "Ask the research lead: two words in the glossary point at each other.",
    "unknown-topic.glossary": ("Ask the research lead: a word in the glossary names a topic we do "
                               "not have."),
    "identity-unset": "Ask the research lead: the trust's details are not all set yet.",
    "identity-unset.default": "",
    "identity-unset.none": "",
    "name-too-long": "Shorten {field}: it is {length:,} characters long, and the most is {most:,}.",
    "reserved-id": "Change {field}: that name is taken by a page of the site.",
    # What you measured
    "outcome-extra.design": "",
    "outcome-extra.pre": "Choose the design with a test before, or remove the scores before.",
    "outcome-extra.reported": ("A published result needs only its effect size and interval: "
                               "remove the groups' numbers."),
    "outcome-missing": "Fill in every number {field} asks for.",
    "outcome-extra": "Remove {field}: this kind of finding does not use it.",
    "outcome-group-size": ("Check {field}: a group needs at least 2 pupils, so that how spread out "
                           "their scores are can be measured."),
    "outcome-sd": ("Check {field}: a standard deviation is more than 0 (it is 0 only if every pupil "
                   "scored the same). Copy it again from your spreadsheet, where STDEV gives it."),
    "outcome-interval": ("Check the interval in {field}: the result must lie between its two "
                         "numbers. Copy them again from the report."),
    "outcome-interval.shape": "Check {field}: give two numbers, the lowest first.",
    "outcome-interval.order": "Check {field}: give the lowest number first.",
    "outcome-scale": "Check {field}: it is outside the lowest and highest scores the measure allows.",
    "outcome-scale.sd": ("Check {field}: it is more than the whole range of scores allows. Give the "
                         "standard deviation, not a total."),
    "outcome-scale.order": "Check {field}: the lowest score must be below the highest.",
    "outcome-number": "Check {field}: type the number itself, for example 12 or 3.5.",
    "outcome-number.result": ("Check the standard deviations in {field}: one near 0 makes any "
                              "difference too large to show."),
    "outcome-large": ("Check the standard deviations in {field}: these numbers give a result of "
                      "{value} standard deviations, which is very rare in schools. Each should be "
                      "the spread of the pupils’ scores, not a standard error."),
    "wrong-type": "Check {field}: it should be {expected}.",
    "wrong-type.choose": "{choose}.",
    "not-allowed": "Check {field}: choose one of the choices the form offers.",
    "unknown-item": "Check {field}: choose from the list the form offers.",
    "empty-value": "Fill in {field}.",
    "empty-value.choose": "{choose}.",
    "too-long": "Shorten {field}: it is {length:,} characters long, and the most is {most:,}.",
    "bad-format.id": "Use only lowercase letters, digits and hyphens in {field}.",
    "bad-format": "Check {field}: follow the example in its hint.",
    "bad-date": "Check {field}: it is not a real date.",
    "out-of-range": "Check {field}: it must be from {low} to {high}.",
    "empty-list": "Add at least one to {field}.",
    "empty-list.choose": "Choose at least one in {field}.",
    # a pair of boxes, such as an interval's lowest and highest values, with one left empty
    "empty-list.both": "Fill in both numbers of {field}, the lowest first.",
    "duplicate-item": "{field} names the same one twice: remove one.",
    "missing-field": "Fill in {field}.",
    "missing-field.choose": "{choose}.",
    "unknown-field": "Remove {field}: the form does not use it.",
    "placeholder": "Replace the line that starts TODO: in {field} with your own words.",
    "placeholder.summary": ("Replace the line that starts TODO: in {field} with two to four "
                            "sentences of your own."),
    "unknown-citation": ("{field} cites [@{key}], but no reference has the key {key}: add the "
                         "reference under References, or correct the key in your text."),
    "unsafe-html": "Take the <{name}> tag out of {field}: the site does not publish it.",
    "unsafe-attribute": "Take {name}= out of {field}: it would run a program on the page.",
    "unsafe-attribute.other": "Take {name}= out of {field}: the site does not publish it.",
    "control-character": ("Type {field} again: it holds an invisible character that came with "
                          "copying and pasting."),
    "control-character.bidi": ("Type {field} again: it holds an invisible character that came with "
                               "copying and pasting."),
    "unsafe-link": "Change the link in {field} to a web address that starts https://.",
    "image-alt": ("Describe the picture in {field} between its square brackets, so that people "
                  "who cannot see it are told what it shows."),
    "image-outside": ("The form cannot add pictures: take the picture out of {field}, and send "
                      "it to the research lead with your entry."),
    "image-missing": ("The form cannot add pictures: take the picture out of {field}, and send "
                      "it to the research lead with your entry."),
    "bib-type": "Choose another kind of reference: the site cannot print this one.",
    "bib-missing-field": "Fill in {field}.",
    "bib-web-date": ("Give the web page’s date: its year and month in {field} if the page "
                     "shows when it was published, or else the day you read it."),
    "bib-title-case": ("Write {field} in sentence case, as APA 7 does: {sentence}. If that "
                       "lowered a name, give the name its capitals again."),
    "doi-prefix": "In {field}, leave out the part before 10. and write {bare}.",
    "doi-format": ("{field} is not a DOI: a DOI starts 10. and has a slash, for example "
                   "10.1000/xyz123. Copy it from the article’s page, or leave it empty."),
    "bib-url": "Give a web address that starts https:// in {field}.",
    "bib-duplicate-key": ("Two references have the key {key}: change the key of one, and its "
                          "citations in your text."),
    "bad-id": "Use only lowercase letters, digits and hyphens in {field}.",
    "duplicate-id": "Another entry already has this {field}: change it, or change your title.",
    "duplicate-isbn": ("Another title in the library has the ISBN {isbn}: the book may "
                       "already be there. Search the catalogue before you propose it."),
    "isbn-format": ("The ISBN {isbn} has {count} digits, and an ISBN has 10 or 13: copy it "
                    "again from the back cover or the copyright page, or leave it empty."),
    "isbn-placeholder": ("The ISBN {isbn} is zeros where a book’s number goes, not a book’s "
                         "ISBN: copy the real one from the back cover or the copyright page, "
                         "or leave it empty."),
    "isbn-prefix": ("The ISBN {digits} does not begin 978 or 979, as a 13-digit ISBN does: "
                    "copy it again from the copyright page, or leave it empty."),
    "isbn-checksum": ("A digit of the ISBN {digits} is probably mistyped: copy it again from "
                      "the book, or leave it empty."),
    "exists.entry": "Another entry already has this {field}: change it, or change your title.",
    "exists.title": ("The library may already have this title: search the catalogue. If it "
                     "is a different book, change {field}."),
}

# Parts of other messages, which have no sentence of their own for a teacher.
FRAGMENTS = ("wrong-type.quotes", "wrong-type.list", "not-allowed.suggestion",
             "unknown-citation.bib", "unknown-citation.no-bib")
