"""Images in entries: alt text for every image, and files inside the year's images/ folder."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..load.text import LineIndex
from ..messages import say
from .markdown_safety import without_code

IMAGES = "images"
# No part may scan past the next image's "![" and then fail, or a hostile file of many
# "![" would take quadratic time: alt text, address and title stop at a "[".
_MARKDOWN_IMAGE = re.compile(r"!\[([^\][]*)\]\(\s*<?([^)\s>[]+)>?(?:\s+\"[^\"[]*\")?\s*\)")
_HTML_IMAGE = re.compile(r"<img\b[^>]*>?", re.IGNORECASE)
_ALT = re.compile(r"\balt\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.IGNORECASE)


@dataclass(frozen=True)
class Image:
    alt: str
    src: str
    line: int
    col: int


def images(body: str, first_line: int = 1) -> Iterator[Image]:
    scanned = without_code(body)
    lines = LineIndex(scanned)
    for match in _MARKDOWN_IMAGE.finditer(scanned):
        line, col = lines.at(match.start())
        yield Image(match.group(1).strip(), match.group(2), line + first_line - 1, col)
    for match in _HTML_IMAGE.finditer(scanned):
        line, col = lines.at(match.start())
        alt, src = _ALT.search(match.group(0)), _SRC.search(match.group(0))
        yield Image(alt.group(1).strip("\"'").strip() if alt else "",
                    src.group(1).strip("\"'") if src else "", line + first_line - 1, col)


def image_problem(image: Image, existing: set[str]) -> tuple[str, str] | None:
    """(code, message) for an image that cannot be published, else None."""
    if not image.alt:
        return ("image-alt", say("image-alt"))
    if re.match(r"^[a-z][a-z0-9+.-]*:", image.src, re.IGNORECASE) or image.src.startswith("/"):
        return ("image-outside", say("image-outside", src=image.src))
    parts = PurePosixPath(image.src).parts
    if ".." in parts or not parts or parts[0] != IMAGES:
        return ("image-outside", say("image-outside", src=image.src))
    if image.src not in existing:
        return ("image-missing", say("image-missing", src=image.src))
    return None
