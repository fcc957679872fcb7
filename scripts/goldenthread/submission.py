"""A submission: one plain-text file holding an action-research entry and its references, which
the entry form's "Send to the research lead" downloads and a teacher attaches to an email.

It is the entry's Markdown, exactly as it will be placed, followed by its BibTeX inside an HTML
comment, so the file reads (and previews) as the entry itself and its line numbers are the
entry's:

    ---
    title: "Does a weekly quiz help?"
    ...
    ---

    ## Context
    ...

    <!-- Golden Thread submission: research/2026/does-a-weekly-quiz-help.md
    @article{roediger2006,
      ...
    }
    -->

The comment's first line names where the entry goes (its .bib goes beside it); the lines up to
the closing `-->` are the .bib file's text, empty when the entry cites nothing. The form fills
the same templates (form-data.json's `submission`), and `goldenthread research add` splits it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN = "<!-- Golden Thread submission: {path}"
CLOSE = "-->"
_OPEN = re.compile(r"^<!-- Golden Thread submission: (?P<path>\S+)[ \t]*$", re.MULTILINE)
PATH = re.compile(r"^research/(?P<year>[0-9]{4})/(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)\.md$")


@dataclass(frozen=True)
class Submission:
    path: str  # research/<year>/<id>.md
    entry: str  # the .md file's text
    bib: str  # the .bib file's text, "" when there is none
    bib_line: int  # the line of the submission the .bib's first line is on

    @property
    def bib_path(self) -> str:
        return self.path.removesuffix(".md") + ".bib"


class SubmissionError(ValueError):
    """What is wrong with a submission's form, and the line it is on."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def join(path: str, entry: str, bib: str = "") -> str:
    """The submission of the entry at `path` (research/<year>/<id>.md) and its .bib text."""
    return entry + "\n" + OPEN.format(path=path) + "\n" + bib + CLOSE + "\n"


def split(text: str) -> Submission:
    """The entry and references a submission holds; SubmissionError if it is not one."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    found = list(_OPEN.finditer(text))
    if not found:
        raise SubmissionError(1, "this is not a submission from the entry form: it has no line "
                                 "'<!-- Golden Thread submission: research/<year>/<id>.md'")
    opening = found[-1]
    line = text.count("\n", 0, opening.start()) + 1
    path = opening.group("path")
    if not PATH.match(path):
        raise SubmissionError(line, f"{path!r} is not where an entry goes: "
                                    "research/<year>/<id>.md, the id in lowercase letters, digits "
                                    "and hyphens")
    rest = text[opening.end() + 1:]
    if rest.rstrip("\n").rsplit("\n", 1)[-1].strip() != CLOSE:
        raise SubmissionError(line, "the references' comment is not closed: the file must end "
                                    f"with a line '{CLOSE}' (was the file cut short?)")
    lines = rest.rstrip("\n").split("\n")[:-1]
    bib = "".join(line + "\n" for line in lines)
    entry = text[:opening.start()]
    entry = entry[:-1] if entry.endswith("\n\n") else entry
    return Submission(path, entry, bib, line + 1)
