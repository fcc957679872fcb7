"""The plugin's options in mkdocs.yml, typed; settings.py holds their names, defaults and rules."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from ..settings import OPTIONS


class GoldenThreadConfig(Config):  # type: ignore[no-untyped-call]
    trust_name = c.Type(str, default=OPTIONS["trust_name"])
    library_requests = c.Type(str, default=OPTIONS["library_requests"])
    submissions = c.Type(str, default=OPTIONS["submissions"])
