"""The trust's identity (docs/trust.yaml) and mkdocs.yml's goldenthread options, checked:
each problem at its line, in the same words `validate`, `build` and the plugin use."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..identity import load_identity, unset_notices
from ..problems import Problem
from ..settings import CONFIG, PLUGIN, TolerantLoader, config_of, option_problems, plugin_options
from .schema import check_document


def check_settings(root: Path) -> list[Problem]:
    """docs/trust.yaml and mkdocs.yml's goldenthread options, each problem at its line."""
    document, found = load_identity(root)
    if document is not None:
        found += check_document(document, "trust")
    return found + unset_notices(document) + _option_problems(root)


def _option_problems(root: Path) -> list[Problem]:
    path = root / CONFIG
    if not path.is_file():
        return []
    try:
        node = yaml.compose(path.read_text("utf-8"), Loader=TolerantLoader)
    except yaml.YAMLError:
        return []  # MkDocs says where mkdocs.yml cannot be read
    options = _plugin_node(node)
    if options is None:
        return []
    pairs = options.value if isinstance(options, yaml.MappingNode) else []
    marks = {key.value: (key.start_mark.line + 1, key.start_mark.column + 1) for key, _ in pairs}
    start = options.start_mark
    found = []
    for key, message in option_problems(plugin_options(config_of(root).get("plugins"))):
        line, col = marks.get(key) or ((start.line + 1, start.column + 1) if start else (1, 1))
        found.append(Problem(CONFIG, line, col, "plugin-option", message))
    return found


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
