"""The settings a build reads: the trust's identity (docs/trust.yaml, the one place for
its name and addresses), MkDocs' own site_name, repo_url, edit_uri and site_url, and the
goldenthread plugin's options in mkdocs.yml, which older knowledge bases use and
docs/trust.yaml overrides:

    plugins:
      - goldenthread:
          trust_name: The Trust
          library_requests: mailto:library@trust.example
          submissions: research@trust.example

The MkDocs plugin (plugin/config.py) and `goldenthread validate` check the options with the
same rules (option_problems), so an unknown or mistyped option is refused in the same words.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .identity import Identity, identity_of, load_identity

CONFIG = "mkdocs.yml"
PLUGIN = "goldenthread"
SITE_URL = "GOLDENTHREAD_SITE_URL"  # overrides mkdocs.yml's site_url (the deploy workflow sets it)


class TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may carry MkDocs' own tags (!ENV, !!python/name); they are not ours."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


TolerantLoader.add_multi_constructor("!", _ignore_tag)
TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


@dataclass(frozen=True)
class Settings:
    trust_name: str = "The Trust"
    library_requests: str = ""  # where "Request this title" goes: mailto:... or a form's address
    submissions: str = ""  # the research lead's email address: where "Send to the research lead" writes

    @property
    def submissions_address(self) -> str:
        """The research lead's email address without mailto:, "" when it is not set."""
        return self.submissions.strip().removeprefix("mailto:").split("?")[0]
    site_name: str = "Golden Thread"  # MkDocs' own site_name, not an option of ours
    repo_url: str = ""  # MkDocs' own: where the forms' "Propose on GitHub" opens a new file
    edit_uri: str = ""  # MkDocs' own: "edit/main/docs/" names the branch new files go to
    site_url: str = ""  # MkDocs' own site_url (or GOLDENTHREAD_SITE_URL), ending in "/"; "" if unset
    identity: Identity = field(default_factory=Identity)  # docs/trust.yaml, not a plugin option

    @property
    def branch(self) -> str:
        """The branch of repo_url that proposed files are for: edit_uri's, else main."""
        match = re.match(r"^/?(?:edit|blob|tree)/([^/]+)/", self.edit_uri)
        return match.group(1) if match else "main"

    @property
    def github(self) -> str:
        """repo_url when it is a GitHub repository's address (https://github.com/owner/name)."""
        url = self.repo_url.rstrip("/").removesuffix(".git")
        return url if re.match(r"^https://github\.com/[\w.-]+/[\w.-]+$", url) else ""

    def absolute(self, path: str) -> str:
        """A site-relative URL made absolute with site_url; "" when site_url is not set."""
        return self.site_url + path if self.site_url else ""


MKDOCS_OWN = ("site_name", "repo_url", "edit_uri", "site_url", "identity")
OPTIONS: dict[str, Any] = {f.name: f.default for f in dataclasses.fields(Settings)
                           if f.name not in MKDOCS_OWN}


def option_problems(options: object) -> list[tuple[str, str]]:
    """(option, what is wrong and how to fix it) for each unknown or mistyped option."""
    if options is None:
        return []
    if not isinstance(options, dict):
        return [("", f"the {PLUGIN} plugin's options must be a list of `name: value` lines "
                     f"({', '.join(OPTIONS)})")]
    problems = []
    for key, value in options.items():
        if key not in OPTIONS:
            close = difflib.get_close_matches(str(key), OPTIONS, n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"the options are {', '.join(OPTIONS)}"
            problems.append((str(key), f"the {PLUGIN} plugin has no option {key!r}: {hint}"))
        elif not isinstance(value, type(OPTIONS[key])):
            problems.append((str(key), f"the {PLUGIN} plugin's option {key!r} must be text, "
                                       f"not {value!r}: put it in quotes"))
    return problems


def config_of(root: Path) -> dict[str, Any]:
    path = root / CONFIG
    if not path.is_file():
        return {}
    config = yaml.load(path.read_text("utf-8"), Loader=TolerantLoader) or {}
    return config if isinstance(config, dict) else {}


def plugin_options(plugins: object) -> object:
    """The goldenthread plugin's options in MkDocs' `plugins` (a list, or a mapping)."""
    if isinstance(plugins, dict):
        return plugins.get(PLUGIN)
    for item in plugins if isinstance(plugins, list) else []:
        if isinstance(item, dict) and PLUGIN in item:
            return item[PLUGIN]
    return None


def markdown_extensions(root: Path) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """mkdocs.yml's markdown_extensions: names, and the settings of those that have some."""
    names: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for item in config_of(root).get("markdown_extensions") or []:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict):
            for name, settings in item.items():
                names.append(name)
                if settings:
                    configs[name] = dict(settings)
    return names, configs


def site_url(configured: object) -> str:
    """GOLDENTHREAD_SITE_URL if set, else mkdocs.yml's site_url; with a final "/" ("" if neither)."""
    url = os.environ.get(SITE_URL) or (configured if isinstance(configured, str) else "") or ""
    url = url.strip()
    return url if not url or url.endswith("/") else url + "/"


def load_settings(root: Path) -> Settings:
    config = config_of(root)
    options = plugin_options(config.get("plugins"))
    ours = {key: value for key, value in (options.items() if isinstance(options, dict) else ())
            if key in OPTIONS and isinstance(value, str)}
    own = {name: config[name] for name in ("site_name", "repo_url", "edit_uri")
           if isinstance(config.get(name), str)}
    document, _ = load_identity(root)
    identity = identity_of(document)
    if document is not None:  # docs/trust.yaml is the one place; the plugin's options are older
        ours |= {"trust_name": identity.name, "library_requests": identity.library_requests,
                 "submissions": identity.submissions}
    return Settings(**ours, **own, site_url=site_url(config.get("site_url")), identity=identity)
