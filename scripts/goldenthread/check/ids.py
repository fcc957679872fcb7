"""Record ids: the file stem, lowercase ASCII letters, digits and hyphens."""

from __future__ import annotations

import re

from ..messages import say
from ..problems import Problem

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")  # \Z: `$` would allow a final newline


def suggested_id(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "untitled"


def id_problem(path: str, ident: str, extension: str) -> Problem | None:
    if ID.match(ident):
        return None
    return Problem(path, 1, 1, "bad-id", say("bad-id", name=ident + extension,
                                             suggestion=suggested_id(ident) + extension))
