"""Splitting a Markdown file into its YAML front matter and its body."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..problems import Problem
from .yamldoc import Document, load_yaml

_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)  # \r: a Windows line end


@dataclass
class MarkdownSource:
    """A Markdown file: its front matter document and its body with the body's first line."""

    path: str
    front: Document
    body: str
    body_line: int


def split_front_matter(text: str, path: str) -> tuple[MarkdownSource | None, list[Problem]]:
    """Front matter must open on line 1 with '---' and close with '---' on a line of its own.
    Windows line ends (CRLF) and a byte-order mark are fine."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if not text.strip():
        return None, [Problem(path, 1, 1, "empty-file",
                              "the file is empty: start it with front matter between '---' lines "
                              "(copy research/TEMPLATE.md)")]
    first, _, rest = text.partition("\n")
    if first.rstrip() != "---":
        return None, [Problem(path, 1, 1, "front-matter-missing",
                              "the file must start with a line '---', then the entry's fields, "
                              "then another '---' line (see research/TEMPLATE.md)")]
    close = _FENCE.search(rest)
    if close is None:
        return None, [Problem(path, 1, 1, "front-matter-unclosed",
                              "the front matter opened on line 1 is never closed: add a line "
                              "'---' after the last field")]
    yaml_text = rest[: close.start()]
    body = rest[close.end() + 1:]
    body_line = yaml_text.count("\n") + 3
    document, problems = load_yaml(yaml_text, path, line_offset=1)
    if document is None:
        return None, problems
    return MarkdownSource(path, document, body, body_line), problems
