"""The plugin's options in mkdocs.yml, typed; settings.py holds their names, defaults and rules."""

from __future__ import annotations

from ..settings import OPTIONS
from .engine import Config
from .engine import config_options as c


class GoldenThreadConfig(Config):  # type: ignore[no-untyped-call]
    trust_name = c.Type(str, default=OPTIONS["trust_name"])
    library_requests = c.Type(str, default=OPTIONS["library_requests"])
    submissions = c.Type(str, default=OPTIONS["submissions"])
