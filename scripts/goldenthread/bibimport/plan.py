"""Which records are new, and their ids; the rest are already in the catalogue or the file."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..check.ids import GENERATED, ID, LONGEST_NAME, usable_id
from ..codes import level_of
from ..load.repository import TITLES
from ..problems import Problem
from .catalogue import Catalogue, identities
from .records import Record


@dataclass(frozen=True)
class Planned:
    """A new record, its id and the path it will be written to (relative to the root)."""

    record: Record
    id: str

    @property
    def path(self) -> str:
        """library/titles/<id>.yaml"""
        return f"{TITLES}/{self.id}.yaml"


def _ascii(text: str) -> str:
    """'Über Lernen' -> 'Uber Lernen', so the suggested id keeps the letters."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def record_id(record: Record, used: set[str]) -> str:
    """The BibTeX key when it is a valid, unused id that fits a file name and is not the
    name of a page the site makes; else one made from the title, cut to fit.

    A chapter's key names the chapter, so the book it is in takes its id from its title.
    """
    longest = LONGEST_NAME - len(".yaml")
    if (ID.match(record.key) and len(record.key) <= longest and record.key not in used
            and record.key not in GENERATED and not record.chapter):
        return record.key
    base = usable_id(_ascii(record.title), longest - 4)  # room for a number: -2 ... -999
    ident, number = base, 1
    while ident in used:
        number += 1
        ident = f"{base}-{number}"
    return ident


def plan(records: list[Record], catalogue: Catalogue, path: str) -> tuple[list[Planned], list[Problem]]:
    """The new records with their ids, and a notice for each book already known.

    A book's own entry describes it better than a chapter's, so books come first.
    """
    planned: list[Planned] = []
    problems: list[Problem] = []
    in_file = Catalogue()
    used = set(catalogue.ids)
    for record in sorted(records, key=lambda record: record.chapter):
        keys = identities(record.title, record.subtitle, record.authors, record.year)
        existing = catalogue.find(record.isbn, keys)
        earlier = in_file.find(record.isbn, keys)
        if existing is not None:
            problems.append(Problem(path, record.line, 1, "import-existing",
                                    f"{record.key!r} ({record.title}) is already in the catalogue "
                                    f"as {existing}: left alone",
                                        level_of("import-existing", "library import")))
        elif earlier is not None:
            problems.append(Problem(path, record.line, 1, "import-duplicate",
                                    f"{record.key!r} ({record.title}) is the same book as {earlier}, "
                                    "imported from there: skipped",
                                        level_of("import-duplicate", "library import")))
        else:
            ident = record_id(record, used)
            used.add(ident)
            planned.append(Planned(record, ident))
        in_file.add(f"entry {record.key!r} (line {record.line})", record.isbn, keys)
    return planned, problems
