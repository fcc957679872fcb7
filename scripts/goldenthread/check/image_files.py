"""The image files in each year's images/ folder: a format the site and the PDF both show,
a file that is what its name says and whole, small enough for a slow connection, and (for
SVG) no active content, since the site serves the file itself as well as showing it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..load.text import read_bytes
from ..messages import say
from ..problems import Problem
from .ids import LONGEST_NAME
from .svg_safety import svg_findings

LARGEST = 2 * 1024 * 1024  # bytes
FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WebP", ".svg": "SVG"}
_SVG_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?"
                        rb"(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg\b", re.DOTALL | re.IGNORECASE)
# What a wrongly named file most often really is, by its first bytes.
_KNOWN = ((b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
          (b"GIF8", "a GIF image"), (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a Word or zip file"),
          (b"<", "a web page or SVG"), (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"),
          (b"BM", "a BMP image"))


def _really(head: bytes) -> str:
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc"):
        return "a HEIC photo (as iPhones save them)"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "a WebP image"
    for signature, name in _KNOWN:
        if head.startswith(signature):
            return name
    return "not an image this tool recognises"


def _whole(kind: str, content: bytes) -> bool:
    if kind == "PNG":
        return content.startswith(b"\x89PNG\r\n\x1a\n") and b"IEND" in content[-12:]
    if kind == "JPEG":
        return content.startswith(b"\xff\xd8\xff") and b"\xff\xd9" in content[-64:]
    if kind == "WebP":
        return (content[:4] == b"RIFF" and content[8:12] == b"WEBP"
                and int.from_bytes(content[4:8], "little") + 8 <= len(content))
    return True


def _is_kind(kind: str, content: bytes) -> bool:
    starts = {"PNG": content.startswith(b"\x89PNG\r\n\x1a\n"),
              "JPEG": content.startswith(b"\xff\xd8\xff"),
              "WebP": content[:4] == b"RIFF" and content[8:12] == b"WEBP",
              "SVG": bool(_SVG_START.match(content[:4096]))}
    return starts[kind]


def _unsafe_svg(name: str, what: str) -> str:
    return (f"{Path(name).name} holds {what}, which the site must not serve: export the "
            "drawing again as plain SVG, or as PNG")


def svg_problems(path: str, content: bytes) -> list[Problem]:
    """Each piece of active content in an SVG file, at its line."""
    return [Problem(path, line, col, "image-unsafe", _unsafe_svg(path, what))
            for line, col, what in svg_findings(content)]


def _name_problem(path: str) -> Problem | None:
    name = Path(path).name
    if len(name) <= LONGEST_NAME:
        return None
    return Problem(path, 1, 1, "name-too-long", say("name-too-long", length=len(name), most=LONGEST_NAME,
                                                    suggestion=name[:LONGEST_NAME - 10] + Path(name).suffix))


def image_file_problem(name: str, content: bytes) -> tuple[str, str] | None:
    """(code, message) for an image file that cannot be published, else None."""
    suffix = Path(name).suffix.lower()
    kind = FORMATS.get(suffix)
    if kind is None:
        return ("image-format", f"{Path(name).name} is not a PNG, JPEG, WebP or SVG file: save it in "
                                "one of those formats (PNG for charts, JPEG for photographs)")
    if not _is_kind(kind, content):
        return ("image-corrupt", f"{Path(name).name} is named as {kind} but is "
                                 f"{_really(content[:16])}: save or export it again as {kind}")
    if not _whole(kind, content):
        return ("image-corrupt", f"{Path(name).name} is cut short (the end of the {kind} file is "
                                 "missing): copy it again from the original")
    if kind == "SVG":
        for _, _, what in svg_findings(content):
            return ("image-unsafe", _unsafe_svg(name, what))
    if len(content) > LARGEST:
        return ("image-large", f"{Path(name).name} is {len(content) / 1e6:.1f} MB; readers on a slow "
                               "connection wait for it: save it under 2 MB (for example 1600 pixels "
                               "wide; JPEG quality 80 for photographs)")
    return None


def check_image_files(root: Path, paths: Iterable[str]) -> list[Problem]:
    """paths: repository-relative image files (entry images, library covers)."""
    problems = []
    for path in sorted(paths):
        if (root / path).is_dir() and not (root / path).is_symlink():
            continue  # a folder inside images/: not served
        content, refused = read_bytes(root, path)
        too_long = _name_problem(path)
        problems += refused + ([too_long] if too_long else [])
        if content is None:
            continue
        found = image_file_problem(path, content)
        if found is not None and found[0] == "image-unsafe":
            problems += svg_problems(path, content)
        elif found is not None:
            problems.append(Problem(path, 1, 1, *found))
    return problems
