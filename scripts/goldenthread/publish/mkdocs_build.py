"""The MkDocs adapter: build the site from mkdocs.yml into a given folder."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..problems import GoldenThreadError

if TYPE_CHECKING:
    from .alongside import Beside

READY = "GOLDENTHREAD_PAGES_READY"
BESIDE: list[Beside] = []  # the work beside the current build, for the hook (empty otherwise)


class SiteBuildError(GoldenThreadError):
    """MkDocs refused the site (strict mode turns every warning into this)."""


def load_site(root: Path, site_dir: Path) -> Any:
    """Import MkDocs and read mkdocs.yml, to build into site_dir (the MkDocs config)."""
    import mkdocs.commands.build  # noqa: F401  (loaded now, while the pages are generated)
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    if not logging.getLogger("mkdocs").handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("mkdocs: %(levelname)s: %(message)s"))
        logging.getLogger("mkdocs").addHandler(handler)
    try:
        return load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir))
    except (Abort, ConfigurationError) as error:
        raise SiteBuildError(f"the site did not build: {error}") from error


def build_site(config: Any, beside: Beside | None = None) -> None:
    """Build the site loaded by load_site. With beside, the hook registers the pages and
    outputs it writes as site files, waits for each before MkDocs reads or copies it, and
    hands it every rendered page."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort, ConfigurationError

    previous = os.environ.get(READY)
    os.environ[READY] = "1"  # the hook need not generate again
    if beside is not None:
        BESIDE.append(beside)
    try:
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
