"""The trust's identity (docs/trust.yaml) and mkdocs.yml's goldenthread options, checked:
each problem at its line, in the same words `validate`, `build` and the plugin use."""

from __future__ import annotations

from pathlib import Path

from ..identity import unset_notices
from ..problems import Problem
from ..settings import Settings
from .logo import logo_problems
from .schema import check_document


def check_settings(root: Path, settings: Settings) -> list[Problem]:
    """docs/trust.yaml (its logo too) and mkdocs.yml's goldenthread options, each problem at
    its line, from what load_settings read."""
    document = settings.identity_document
    found = list(settings.read_problems)
    if document is not None:
        found += check_document(document, "trust")
        found += logo_problems(root, document)
    return found + unset_notices(document) + list(settings.option_problems)
