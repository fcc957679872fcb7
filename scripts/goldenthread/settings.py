"""Settings the Trust sets once in mkdocs.yml under extra.goldenthread."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may carry MkDocs' own tags (!ENV, !!python/name); they are not ours."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


@dataclass(frozen=True)
class Settings:
    trust_name: str = "The Trust"
    library_requests: str = ""
    site_name: str = "Golden Thread"


def _config(root: Path) -> dict[str, Any]:
    path = root / "mkdocs.yml"
    if not path.is_file():
        return {}
    config: dict[str, Any] = yaml.load(path.read_text("utf-8"), Loader=_TolerantLoader) or {}
    return config


def markdown_extensions(root: Path) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """mkdocs.yml's markdown_extensions: names, and the settings of those that have some."""
    names: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for item in _config(root).get("markdown_extensions") or []:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict):
            for name, settings in item.items():
                names.append(name)
                if settings:
                    configs[name] = dict(settings)
    return names, configs


def load_settings(root: Path) -> Settings:
    config = _config(root)
    ours = ((config.get("extra") or {}).get("goldenthread") or {})
    return Settings(trust_name=str(ours.get("trust_name", "The Trust")),
                    library_requests=str(ours.get("library_requests", "")),
                    site_name=str(config.get("site_name", "Golden Thread")))
