"""A new record's YAML, in the catalogue's field order and style, written once and never over."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import yaml

from ..writer import write_atomically
from .plan import Planned
from .records import Record

SCHEMA = "# yaml-language-server: $schema=../../scripts/goldenthread/schemas/title.schema.json\n"
WIDTH = 100
STILL_TO_DO = "career_stages and the framework's fields (docs/framework.yaml)"


def _reads_back(text: str, value: str) -> bool:
    try:
        return bool(yaml.safe_load(f"value: {text}") == {"value": value})
    except yaml.YAMLError:
        return False


def scalar(value: str) -> str:
    """A string as YAML: plain when YAML reads it back unchanged, else double-quoted (JSON)."""
    dumped = yaml.safe_dump({"value": value}, allow_unicode=True, width=10**9)
    text = dumped[len("value: "):].rstrip("\n")
    if "\n" not in text and _reads_back(text, value):
        return text
    return json.dumps(value, ensure_ascii=False)


def folded(value: str, indent: str = "  ") -> str:
    """Long text as a folded block (`>-`) wrapped at WIDTH, as the catalogue writes summaries."""
    lines = textwrap.wrap(value, WIDTH - len(indent), break_long_words=False, break_on_hyphens=False)
    text = ">-\n" + "".join(f"{indent}{line}\n" for line in lines)
    if value.isprintable() and _reads_back(text, value):
        return text.rstrip("\n")
    return json.dumps(value, ensure_ascii=False)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def heading(record: Record, bib_name: str) -> str:
    """The comment that says where the record came from and what the librarian adds."""
    todo = (f"check topics, then add {STILL_TO_DO}" if record.topics
            else f"add topics, then {STILL_TO_DO}")
    return (f"# Imported from {_one_line(bib_name)}, entry {_one_line(record.key)} "
            f"(line {record.line}): {todo}.\n")


def record_yaml(record: Record, bib_name: str) -> str:
    """The record's file: fields in the order of library/titles/make-it-stick.yaml."""
    lines = [SCHEMA, heading(record, bib_name), f"title: {scalar(record.title)}\n"]
    if record.subtitle:
        lines.append(f"subtitle: {scalar(record.subtitle)}\n")
    lines.append("authors:\n" + "".join(f"  - {scalar(name)}\n" for name in record.authors))
    lines.append(f"year: {record.year}\n")
    for name, value in (("edition", record.edition), ("publisher", record.publisher),
                        ("isbn", record.isbn)):
        if value:
            quoted = json.dumps(value, ensure_ascii=False) if name != "publisher" else scalar(value)
            lines.append(f"{name}: {quoted}\n")
    if record.type != "book":
        lines.append(f"type: {record.type}\n")
    lines.append(f"topics: [{', '.join(record.topics)}]\n")
    if record.summary:
        lines.append(f"summary: {folded(record.summary)}\n")
    if record.url:
        lines.append(f"url: {scalar(record.url)}\n")
    return "".join(lines)


def write_record(root: Path, planned: Planned, text: str) -> bool:
    """Write the record's file; False, writing nothing, when the file already exists."""
    target = root / planned.path
    if target.exists():
        return False
    write_atomically(target, text.encode("utf-8"))
    return True
