"""Markdown -> a JSON-able tree, from the same Python-Markdown parse the site uses.

Python-Markdown builds an ElementTree before it serialises HTML; a last tree processor
captures it. Each element becomes {"t": tag, "a": {...}, "c": [children]} and text stays
a plain string, so the Typst template receives contributed text only as data.

Text is what a browser shows of the same HTML: a line end inside a paragraph (a soft
break) is a space, so only a hard break (`br`) or a code block ends a line in the PDF.
Typographic quotes, dashes and ellipses come from the site's own smarty extension, in
the same parse, so the site and the PDF print the same characters.
"""

from __future__ import annotations

import copy
import html
import re
import xml.etree.ElementTree as etree
from typing import Any

import markdown
from markdown.treeprocessors import Treeprocessor

from ..settings import Markdown

Node = dict[str, Any] | str
KEPT_ATTRIBUTES = {"href", "src", "alt", "title", "id", "class", "align", "start"}
BLOCKS = {"ul", "ol", "table", "thead", "tbody", "tr", "blockquote", "div", "dl"}
_STASH = re.compile("\x02wzxhzdk:(\\d+)\x03")
_OTHER_PLACEHOLDER = re.compile("\x02[^\x03]*\x03")
_TAGS = re.compile(r"<[^>]+>")
_SOFT_BREAK = re.compile(r"[ \t]*\n[ \t]*")


class _Capture(Treeprocessor):  # type: ignore[misc]
    def run(self, root: etree.Element) -> None:
        self.md.captured = copy.deepcopy(root)


def parser(options: Markdown) -> markdown.Markdown:
    """A Markdown parser with mkdocs.yml's extensions (without the site's permalinks)."""
    md = markdown.Markdown(extensions=list(options.extensions),
                           extension_configs=options.extension_configs("toc"))
    md.treeprocessors.register(_Capture(md), "goldenthread-capture", -100)
    return md


def _text(md: markdown.Markdown, text: str | None) -> str:
    """Text with raw-HTML placeholders replaced by that HTML's words (tags dropped), and
    soft line breaks as the spaces a browser shows."""
    return _SOFT_BREAK.sub(" ", _unstashed(md, text))


def _unstashed(md: markdown.Markdown, text: str | None) -> str:
    if not text:
        return ""

    def raw(match: re.Match[str]) -> str:
        return html.unescape(_TAGS.sub("", _stashed(md, match)))

    return _OTHER_PLACEHOLDER.sub("", _STASH.sub(raw, text))


def _stashed(md: markdown.Markdown, match: re.Match[str]) -> str:
    index = int(match.group(1))
    blocks = md.htmlStash.rawHtmlBlocks
    return str(blocks[index]) if index < len(blocks) else ""


def _code_block(md: markdown.Markdown, element: etree.Element) -> Node | None:
    """A paragraph that is only a stashed code block (fenced code) -> a pre node."""
    if element.tag != "p" or len(element) or not element.text:
        return None
    match = _STASH.fullmatch(element.text.strip())
    if not match:
        return None
    stashed = _stashed(md, match)
    if "<pre" not in stashed:
        return None
    language = re.search(r'class="[^"]*language-([\w+-]+)', stashed)
    code = html.unescape(_TAGS.sub("", stashed))
    node: dict[str, Any] = {"t": "pre", "c": [code.rstrip("\n")]}
    if language:
        node["a"] = {"lang": language.group(1)}
    return node


def _preformatted(md: markdown.Markdown, element: etree.Element) -> Node:
    """An indented code block (pre > code): its lines as they are."""
    code = "".join(_unstashed(md, part) for part in element.itertext())
    return {"t": "pre", "c": [code.rstrip("\n")]}


def _node(md: markdown.Markdown, element: etree.Element) -> Node:
    code = _code_block(md, element)
    if code is not None:
        return code
    if element.tag == "pre":
        return _preformatted(md, element)
    children: list[Node] = []
    if element.text:
        children.append(_text(md, element.text))
    for child in element:
        children.append(_node(md, child))
        if child.tail:
            children.append(_text(md, child.tail))
    attributes = {k: v for k, v in element.attrib.items() if k in KEPT_ATTRIBUTES}
    if element.tag in BLOCKS:
        children = [c for c in children if not (isinstance(c, str) and not c.strip())]
    node: dict[str, Any] = {"t": element.tag, "c": [c for c in children if c != ""]}
    if attributes:
        node["a"] = attributes
    return node


def _footnotes(nodes: list[Node]) -> list[Node]:
    """Move each footnote's text to where it is referenced, as a footnote node."""
    notes: dict[str, list[Node]] = {}
    kept: list[Node] = []
    for node in nodes:
        if isinstance(node, dict) and node["t"] == "div" and "footnote" in node.get("a", {}).get("class", ""):
            for item in (c for n in node["c"] if isinstance(n, dict) and n["t"] == "ol" for c in n["c"]):
                if isinstance(item, dict):
                    notes["#" + item.get("a", {}).get("id", "")] = _without_backrefs(item["c"])
        else:
            kept.append(node)
    return [_place_notes(node, notes) for node in kept] if notes else kept


def _without_backrefs(nodes: list[Node]) -> list[Node]:
    out: list[Node] = []
    for node in nodes:
        if isinstance(node, dict):
            if "footnote-backref" in node.get("a", {}).get("class", ""):
                continue
            node = {**node, "c": _without_backrefs(node["c"])}
        out.append(node)
    return out


def _place_notes(node: Node, notes: dict[str, list[Node]]) -> Node:
    if isinstance(node, str):
        return node
    if node["t"] == "sup" and node["c"] and isinstance(node["c"][0], dict):
        href = node["c"][0].get("a", {}).get("href", "")
        if href in notes:
            return {"t": "footnote", "c": notes[href]}
    return {**node, "c": [_place_notes(child, notes) for child in node["c"]]}


def tree(md: markdown.Markdown, text: str) -> list[Node]:
    """The block-level nodes of a Markdown text."""
    if not text.strip():
        return []  # Python-Markdown returns early on blank text without running tree processors
    md.reset()
    md.captured = None
    md.convert(text)
    root: etree.Element = md.captured
    body = _node(md, root)
    assert isinstance(body, dict)
    blocks = [child for child in body["c"] if not (isinstance(child, str) and not child.strip())]
    return _footnotes(blocks)


def plain_text(nodes: list[Node]) -> str:
    """The words of a tree, without its structure."""
    return "".join(node if isinstance(node, str) else plain_text(node["c"]) for node in nodes)
