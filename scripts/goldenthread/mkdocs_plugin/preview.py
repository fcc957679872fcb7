"""`goldenthread serve`: the live preview."""

from __future__ import annotations

from pathlib import Path


def serve(root: Path, address: str) -> None:
    from mkdocs.commands.serve import serve as mkdocs_serve

    mkdocs_serve(config_file=str(root / "mkdocs.yml"), dev_addr=address, livereload=True)
