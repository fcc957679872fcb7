"""The order in which MkDocs reads the pages: that of its walk of docs/ (get_files)."""

from __future__ import annotations

import os
from typing import Any

from .engine import Files


def walk_key(src_uri: str) -> tuple[tuple[str, ...], bool, str]:
    """A folder's files (index or README first, then by name) before its folders, by name."""
    *folders, name = src_uri.split("/")
    return tuple(folders), os.path.splitext(name)[0] not in ("index", "README"), name


def in_walk_order(files: Files, docs_dir: str) -> Files:
    """The files as get_files would list them had every file in docs_dir been there when it
    walked (the theme's and other folders' files after, as get_files adds them)."""
    docs: list[Any] = [file for file in files if file.src_dir == docs_dir]
    others = [file for file in files if file.src_dir != docs_dir]
    return Files(sorted(docs, key=lambda file: walk_key(file.src_uri)) + others)
