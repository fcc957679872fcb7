"""The trust's identity, in one place: docs/trust.yaml.

Every output that names the trust, says where to write or whose publication it is reads
it from here: the header and footer, the home and About pages, the accessibility
statement, the PDF's cover and offprints, APA references, feeds, JSON-LD and CITATION.cff.
A part left unset falls back to a neutral default, and `validate` says so in a notice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path, PurePosixPath

from .codes import level_of
from .load.text import read_text
from .load.yamldoc import Document, load_yaml
from .messages import say
from .problems import Problem

PATH = "docs/trust.yaml"
DOCS = "docs"
_ADDRESS = re.compile(r"^[a-z][a-z0-9+.-]*:|^//", re.IGNORECASE)


@dataclass(frozen=True)
class Identity:
    name: str = "The Trust"                     # the trust's full name
    short_name: str = ""                        # the header's and the tab's name
    logo: str = ""                              # an image under docs/, e.g. images/logo.svg
    email: str = ""                             # who readers write to about the site
    contact_page: str = ""                      # a page of the trust's own site
    library_requests: str = ""                  # "Request this title": mailto:... or a form
    submissions: str = ""                       # the research lead's address for entries
    locale: str = "en-GB"                       # the language of every page and output
    publication_title: str = "Action research"  # the yearly publication: "<title> <year>"
    library_title: str = "Library"
    footer: str = ""                            # a line at the foot of every page
    privacy: str = ""                           # the trust's privacy notice

    @property
    def language(self) -> str:
        """The locale's language subtag: en-GB -> en."""
        return self.locale.split("-")[0]

    @property
    def region(self) -> str | None:
        """The locale's region subtag: en-GB -> GB; None for a bare language (en)."""
        parts = self.locale.split("-")
        return parts[1] if len(parts) > 1 else None

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    def publication(self, year: int) -> str:
        """The year's publication: 'Action research 2025'."""
        return f"{self.publication_title} {year}"


# Parts a trust should set; the others have defaults that suit any trust.
EXPECTED = ("name", "email", "library_requests", "submissions", "privacy")
TEXT_FIELDS = tuple(f.name for f in fields(Identity))


def identity_of(document: Document | None) -> Identity:
    data = document.data if document is not None and isinstance(document.data, dict) else {}
    chosen = {key: value.strip() for key, value in data.items()
              if key in TEXT_FIELDS and isinstance(value, str) and value.strip()}
    return Identity(**chosen)


def load_identity(root: Path) -> tuple[Document | None, list[Problem]]:
    """docs/trust.yaml, read; (None, []) when there is none."""
    if not (root / PATH).is_file():
        return None, []
    text, problems = read_text(root, PATH)
    if text is None:
        return None, problems
    document, more = load_yaml(text, PATH)
    return document, problems + more


def _fallback(key: str) -> str:
    default = getattr(Identity(), key)
    return say("identity-unset.default", default=default) if default else say("identity-unset.none")


def unset_notices(document: Document | None) -> list[Problem]:
    """A notice for each part a trust should set and has not."""
    data = document.data if document is not None and isinstance(document.data, dict) else {}
    notices = []
    for key in EXPECTED:
        value = data.get(key)
        if not (isinstance(value, str) and value.strip()):
            line, col = document.where((key,)) if document is not None and key in data else (1, 1)
            notices.append(Problem(PATH, line, col, "identity-unset",
                                   say("identity-unset", part=key, fallback=_fallback(key)),
                                       level_of("identity-unset")))
    return notices


def logo_path(logo: str) -> str | None:
    """The repository path of a logo named from docs/, or None when it names no file the
    site publishes: a web address, a path leading out of docs/, or into a folder the site
    leaves out (docs/_theme, docs/_text, or a hidden one)."""
    if not logo or _ADDRESS.match(logo) or "\\" in logo:
        return None
    path = PurePosixPath(logo)
    if path.is_absolute() or any(part in ("..", ".") or part[:1] in ("_", ".") for part in path.parts):
        return None
    return f"{DOCS}/{path.as_posix()}"
