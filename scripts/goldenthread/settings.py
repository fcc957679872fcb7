"""The settings a run reads: the trust's identity (docs/trust.yaml, the one place for
its name, logo, locale and addresses: the site's name is the trust's, not mkdocs.yml's
site_name), MkDocs' own repo_url, edit_uri and site_url, the
Markdown extensions the site (and so the PDF) parses with, and the goldenthread plugin's
options in mkdocs.yml, which older knowledge bases use and docs/trust.yaml overrides:

    plugins:
      - goldenthread:
          trust_name: The Trust
          library_requests: mailto:library@trust.example
          submissions: research@trust.example

The MkDocs plugin (plugin/config.py) and `goldenthread validate` check the options with the
same rules (option_problems), so an unknown or mistyped option is refused in the same words.

load_settings reads mkdocs.yml and docs/trust.yaml once; everything of ours that needs them
in a run (validation, generation, the PDFs, the plugin) is handed the Settings it made.
MkDocs reads mkdocs.yml once more for itself.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .identity import Identity, identity_of, load_identity
from .load.yamldoc import Document
from .problems import Problem

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
class Markdown:
    """mkdocs.yml's markdown_extensions: names, and the settings of those that have some."""

    extensions: tuple[str, ...] = ()
    configs: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def extension_configs(self, *leave_out: str) -> dict[str, dict[str, Any]]:
        """A fresh copy for Python-Markdown (which may change what it is given)."""
        return {name: dict(config) for name, config in self.configs.items() if name not in leave_out}


@dataclass(frozen=True)
class Settings:
    trust_name: str = "The Trust"
    library_requests: str = ""  # where "Request this title" goes: mailto:... or a form's address
    submissions: str = ""  # the research lead's email address: where "Send to the research lead" writes

    @property
    def submissions_address(self) -> str:
        """The research lead's email address without mailto:, "" when it is not set."""
        return self.submissions.strip().removeprefix("mailto:").split("?")[0]
    repo_url: str = ""  # MkDocs' own: where the forms' "Propose on GitHub" opens a new file
    edit_uri: str = ""  # MkDocs' own: "edit/main/docs/" names the branch new files go to
    site_url: str = ""  # MkDocs' own site_url (or GOLDENTHREAD_SITE_URL), ending in "/"; "" if unset
    identity: Identity = field(default_factory=Identity)  # docs/trust.yaml, not a plugin option
    # What was read, for the checks and the Markdown parsers (not compared: a value of the run)
    markdown: Markdown = field(default_factory=Markdown, compare=False)
    identity_document: Document | None = field(default=None, compare=False)  # docs/trust.yaml
    read_problems: tuple[Problem, ...] = field(default=(), compare=False)  # reading trust.yaml
    option_problems: tuple[Problem, ...] = field(default=(), compare=False)  # the plugin's options

    @property
    def site_name(self) -> str:
        """The site's name: the trust's (docs/trust.yaml), in the header and on the home page's tab."""
        return self.trust_name

    @property
    def short_name(self) -> str:
        """The site's name where space is short: the browser tab after a page's title, feeds."""
        return self.identity.short_name or self.trust_name

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


MKDOCS_OWN = ("repo_url", "edit_uri", "site_url", "identity", "markdown",
              "identity_document", "read_problems", "option_problems")
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


@dataclass(frozen=True)
class ConfigFile:
    """mkdocs.yml, parsed once: its data, and the node of the plugin's options (for lines)."""

    data: dict[str, Any]
    options: yaml.Node | None = None


def read_config(root: Path) -> ConfigFile:
    """mkdocs.yml, parsed once; empty when there is none or MkDocs could not read it either
    (MkDocs says where)."""
    path = root / CONFIG
    if not path.is_file():
        return ConfigFile({})
    loader = TolerantLoader(path.read_text("utf-8"))
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.YAMLError:
        return ConfigFile({})
    finally:
        loader.dispose()
    return ConfigFile(data if isinstance(data, dict) else {}, _plugin_node(node))


def _plugin_node(node: yaml.Node | None) -> yaml.Node | None:
    """The node of the goldenthread plugin's options, if mkdocs.yml gives any."""
    if not isinstance(node, yaml.MappingNode):
        return None
    plugins = next((value for key, value in node.value if key.value == "plugins"), None)
    pairs: list[tuple[yaml.Node, yaml.Node]] = []
    if isinstance(plugins, yaml.MappingNode):
        pairs = list(plugins.value)
    elif isinstance(plugins, yaml.SequenceNode):
        pairs = [pair for item in plugins.value if isinstance(item, yaml.MappingNode) for pair in item.value]
    return next((value for key, value in pairs if key.value == PLUGIN), None)


def plugin_options(plugins: object) -> object:
    """The goldenthread plugin's options in MkDocs' `plugins` (a list, or a mapping)."""
    if isinstance(plugins, dict):
        return plugins.get(PLUGIN)
    for item in plugins if isinstance(plugins, list) else []:
        if isinstance(item, dict) and PLUGIN in item:
            return item[PLUGIN]
    return None


def _option_problems(config: ConfigFile) -> tuple[Problem, ...]:
    """Each unknown or mistyped option of the plugin, at its line in mkdocs.yml."""
    node = config.options
    if node is None:
        return ()
    pairs = node.value if isinstance(node, yaml.MappingNode) else []
    marks = {key.value: (key.start_mark.line + 1, key.start_mark.column + 1) for key, _ in pairs}
    start = node.start_mark
    found = []
    for key, message in option_problems(plugin_options(config.data.get("plugins"))):
        line, col = marks.get(key) or ((start.line + 1, start.column + 1) if start else (1, 1))
        found.append(Problem(CONFIG, line, col, "plugin-option", message))
    return tuple(found)


def markdown_of(config: ConfigFile) -> Markdown:
    """mkdocs.yml's markdown_extensions: names, and the settings of those that have some."""
    names: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for item in config.data.get("markdown_extensions") or []:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict):
            for name, settings in item.items():
                names.append(name)
                if settings:
                    configs[name] = dict(settings)
    return Markdown(tuple(names), configs)


def site_url(configured: object) -> str:
    """GOLDENTHREAD_SITE_URL if set, else mkdocs.yml's site_url; with a final "/" ("" if neither)."""
    url = os.environ.get(SITE_URL) or (configured if isinstance(configured, str) else "") or ""
    url = url.strip()
    return url if not url or url.endswith("/") else url + "/"


def load_settings(root: Path) -> Settings:
    """mkdocs.yml and docs/trust.yaml, each read once."""
    config = read_config(root)
    options = plugin_options(config.data.get("plugins"))
    ours = {key: value for key, value in (options.items() if isinstance(options, dict) else ())
            if key in OPTIONS and isinstance(value, str)}
    own = {name: config.data[name] for name in ("repo_url", "edit_uri")
           if isinstance(config.data.get(name), str)}
    document, read_problems = load_identity(root)
    identity = identity_of(document)
    if document is not None:  # docs/trust.yaml is the one place; the plugin's options are older
        ours |= {"trust_name": identity.name, "library_requests": identity.library_requests,
                 "submissions": identity.submissions}
    return Settings(**ours, **own, site_url=site_url(config.data.get("site_url")), identity=identity,
                    markdown=markdown_of(config), identity_document=document,
                    read_problems=tuple(read_problems), option_problems=_option_problems(config))
