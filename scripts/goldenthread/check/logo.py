"""The trust's logo (docs/trust.yaml `logo`): an image file under docs/ that the site
publishes, of a format every browser shows, whole, and (for SVG) without active content,
since it becomes the header's logo and the favicon of every page."""

from __future__ import annotations

from pathlib import Path

from ..identity import PATH, logo_path
from ..load.repository import GENERATED_DOCS
from ..load.yamldoc import Document
from ..problems import Problem
from .image_files import check_image_files


def logo_problems(root: Path, document: Document) -> list[Problem]:
    """Problems with the logo docs/trust.yaml names; none when it names none."""
    logo = document.data.get("logo") if isinstance(document.data, dict) else None
    if not isinstance(logo, str) or not logo.strip():
        return []
    logo = logo.strip()
    line, col = document.where(("logo",))
    path = logo_path(logo)
    if path is None:
        return [Problem(PATH, line, col, "logo-file",
                        f"the logo {logo!r} is not a file under docs/: put the image in "
                        "docs/images/ and write its path from docs/, for example images/logo.svg")]
    if path.split("/")[1] in GENERATED_DOCS:  # the build rewrites these folders: the logo would go
        return [Problem(PATH, line, col, "logo-file",
                        f"the logo {logo!r} is in docs/{path.split('/')[1]}/, which every build writes "
                        "afresh, so the logo would be lost: put the image in docs/images/ and write "
                        "images/ and its name")]
    if not (root / path).is_file():
        return [Problem(PATH, line, col, "logo-file",
                        f"there is no file {path}: add the logo there, or correct its name")]
    return check_image_files(root, [path])
