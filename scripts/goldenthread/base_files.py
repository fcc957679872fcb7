"""The site files every knowledge base shares, shipped inside the engine (goldenthread/base/).

- `assets/` and `_theme/`: the site's scripts and stylesheets, and the theme's overrides
  (mkdocs.yml's `custom_dir: docs/_theme`). Generation writes them into docs/ on every
  build, as it writes the generated pages (the folders are git-ignored), so a trust's
  repository holds none of the engine's code and an upgrade of the engine reaches it.
- `_text/`: the engine's own texts for pages every site has (the accessibility statement,
  how to contribute, the forms' introductions, My list). A trust replaces one by writing
  its own under docs/_text/ with the same name.

They are read from the installed package (importlib.resources), so a wheel carries them.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

PACKAGE_FOLDER = "base"
FOLDERS = ("assets", "_theme")  # written into docs/ under these names
KEPT = ("_theme/.gitignore",)  # the trust's own file there: keeps the folder (custom_dir) in git
TEXTS = "_text"


def _walk(folder: Traversable, prefix: str, found: dict[str, str]) -> None:
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if item.name.startswith(".") or item.name == "__pycache__":
            continue
        if item.is_dir():
            _walk(item, f"{prefix}{item.name}/", found)
        else:
            found[prefix + item.name] = item.read_text("utf-8")


@cache
def site_files() -> dict[str, str]:
    """The shared files generation writes into docs/: docs-relative path -> text."""
    base = resources.files("goldenthread").joinpath(PACKAGE_FOLDER)
    found: dict[str, str] = {}
    for folder in FOLDERS:
        _walk(base.joinpath(folder), f"{folder}/", found)
    return found


@cache
def texts() -> dict[str, str]:
    """The engine's texts by name (the file's stem): what a trust's docs/_text/ may replace."""
    found: dict[str, str] = {}
    _walk(resources.files("goldenthread").joinpath(PACKAGE_FOLDER, TEXTS), "", found)
    return {name.removesuffix(".md"): text for name, text in found.items() if name.endswith(".md")}
