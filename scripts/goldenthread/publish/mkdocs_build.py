"""The MkDocs adapter: build the site from mkdocs.yml into a given folder."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..problems import GoldenThreadError

if TYPE_CHECKING:
    from .alongside import Beside

READY = "GOLDENTHREAD_PAGES_READY"
BESIDE: list[Beside] = []  # the work beside the current build, for the hook (empty otherwise)


class SiteBuildError(GoldenThreadError):
    """MkDocs refused the site (strict mode turns every warning into this)."""


def build_site(root: Path, site_dir: Path, beside: Beside | None = None) -> None:
    """Build the site into site_dir. With beside, the hook registers its outputs as site
    files, waits for them before MkDocs copies files, and hands it every rendered page."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    if not logging.getLogger("mkdocs").handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("mkdocs: %(levelname)s: %(message)s"))
        logging.getLogger("mkdocs").addHandler(handler)
    previous = os.environ.get(READY)
    os.environ[READY] = "1"  # the hook need not generate again
    if beside is not None:
        BESIDE.append(beside)
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir))
        build(config)
    except (Abort, ConfigurationError) as error:
        raise SiteBuildError(f"the site did not build: {error}") from error
    finally:
        if beside is not None:
            BESIDE.remove(beside)
        if previous is None:
            os.environ.pop(READY, None)
        else:
            os.environ[READY] = previous


def serve_site(root: Path, address: str) -> None:
    """MkDocs' live preview; the hook regenerates pages and watches library/ and research/."""
    from mkdocs.commands.serve import serve

    serve(config_file=str(root / "mkdocs.yml"), dev_addr=address, livereload=True)
