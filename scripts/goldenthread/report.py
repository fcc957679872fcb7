"""Formatters: the only place problems become text. Detection never prints."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from html import escape

from .problems import Problem


def as_text(problems: Sequence[Problem]) -> str:
    return "".join(f"{p.path}:{p.line}:{p.col}: {p.level}[{p.code}]: {p.message}\n"
                   for p in problems)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(problems: Sequence[Problem]) -> str:
    """GitHub workflow commands, so problems show on the changed lines of a pull request."""
    return "".join(
        f"::{p.level} file={_escape_property(p.path)},line={p.line},col={p.col},"
        f"title={_escape_property(p.code)}::{_escape_data(p.message)}\n"
        for p in problems)


def as_json(problems: Sequence[Problem]) -> str:
    return json.dumps([p.as_dict() for p in problems], indent=2, ensure_ascii=False) + "\n"


def as_html(problems: Sequence[Problem]) -> str:
    """A notice for the top of a page of the preview (nothing when there is no problem)."""
    if not problems:
        return ""
    errors = any(p.level == "error" for p in problems)
    items = "".join(
        f"<li><code>{escape(p.path)}</code>, line {p.line}: {escape(p.message)} "
        f"<small>({escape(p.level)} {escape(p.code)})</small></li>" for p in problems)
    heading = ("The preview shows the last good version: fix these problems and save."
               if errors else "Warnings (the site still builds):")
    return (f'<div id="gt-problems" role="alert" style="background:#fff4e5;color:#1a1a1a;'
            f'border:3px solid #b35900;padding:1rem;margin:0;font:1rem/1.5 system-ui,sans-serif">'
            f"<p><strong>{heading}</strong></p><ul>{items}</ul></div>")


FORMATS: dict[str, Callable[[Sequence[Problem]], str]] = {
    "text": as_text,
    "github": as_github,
    "json": as_json,
}


def summary(problems: Sequence[Problem]) -> str:
    if not problems:
        return "All sources are valid.\n"
    files = len({p.path for p in problems})
    return (f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {files} "
            f"file{'s' if files != 1 else ''}. Each line above says the file, the line and "
            "what to change.\n")
