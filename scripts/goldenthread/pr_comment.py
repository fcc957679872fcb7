"""The comment a pull request gets from the check: each problem in the validator's words,
"file, line: what is wrong, how to fix it", and where to see the preview of the site.

    python -m goldenthread.pr_comment --results DIR [--site DIR] [--preview URL] [--run URL]

DIR is what .ci/pr-check leaves when GT_RESULTS names it: `outcome` ("passed", or the step
that failed: validate, build, pdf), `validate.json` and `build.json` (`--format json`'s
lists of problems) and `changed.txt` (the files the pull request changes). The comment
starts with MARKER, by which the workflow finds it again to update it, so a pull request
has one comment however often it is pushed.

The results come from a run of the pull request's own code, so nothing in them is trusted:
every text is escaped (no markup, mention, link or reference is made from it), only paths
that are a source's get a link to the preview, and the comment's length is bounded. This
module reads nothing but the standard library and codes.py, so the workflow can run it
without installing anything (see .github/workflows/pr-comment.yml).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .codes import BY_CODE

MARKER = "<!-- goldenthread-pr-check -->"
MOST_PROBLEMS = 50   # shown; the rest are counted
MOST_CHARACTERS = 600  # of one message
_ENTRY = re.compile(r"^research/([0-9]{4})/([a-z0-9]+(?:-[a-z0-9]+)*)\.(?:md|bib)$")
_TITLE = re.compile(r"^library/titles/([a-z0-9]+(?:-[a-z0-9]+)*)\.yaml$")
_MARKUP = re.compile(r"([\\`*_{}\[\]()#+\-.!])")  # escaped alike by GitHub and Python-Markdown
# What else would become markup or a link, as an entity or broken by a zero-width space.
_ENTITIES = (("~", "&#126;"), ("|", "&#124;"), ("@", "@&#8203;"), ("://", ":&#8203;//"),
             ("www\\.", "www\\.&#8203;"))
STEPS = {"validate": "checking the files", "build": "building the site", "pdf": "making the PDF"}


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    code: str
    message: str


def plain(text: object, most: int = MOST_CHARACTERS) -> str:
    """Untrusted text as Markdown that shows exactly that text, on one line, and makes no
    link, mention (@someone) or reference (#12)."""
    words = " ".join(str(text).split())
    if len(words) > most:
        words = words[:most - 1] + "…"
    text = _MARKUP.sub(r"\\\1", html.escape(words, quote=False))
    for character, entity in _ENTITIES:
        text = text.replace(character, entity)
    return text


def _code_span(text: str) -> str:
    """Untrusted text for a code span, where nothing is markup: one line, no backtick."""
    words = " ".join(text.split()).replace("`", "'")
    return words[:200] or "?"


def read_problems(path: Path) -> list[Problem] | None:
    """The problems in a `--format json` file, or None when there is none or it is unreadable."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, list):
        return None
    found = []
    for item in data:
        if isinstance(item, dict):
            line = item.get("line")
            found.append(Problem(str(item.get("path", "")), line if isinstance(line, int) else 0,
                                 str(item.get("code", "")), str(item.get("message", ""))))
    return found


def _problem_line(problem: Problem) -> str:
    where = f"`{_code_span(problem.path)}`" if problem.path else "The site"
    if problem.line > 0:
        where += f", line {problem.line}"
    fix = BY_CODE[problem.code].fix if problem.code in BY_CODE else ""
    text = f"- {where}: {plain(problem.message)}"
    return text + (f"  \n  *How to fix it:* {fix}" if fix else "")


def problems_text(problems: Sequence[Problem]) -> str:
    shown = [_problem_line(problem) for problem in problems[:MOST_PROBLEMS]]
    more = len(problems) - len(shown)
    if more > 0:
        shown.append(f"- … and {more} more, listed in the check's log.")
    return "\n".join(shown) + "\n"


def _changed(path: Path) -> list[str]:
    try:
        return [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
    except OSError:
        return []


def preview_links(preview: str, changed: Sequence[str], site: Path | None) -> list[str]:
    """Links into the preview for each entry and title the pull request changes."""
    links: list[str] = []
    seen: set[str] = set()
    for path in changed:
        entry, title = _ENTRY.match(path), _TITLE.match(path)
        if entry and entry.group(0).rsplit(".", 1)[0] not in seen:
            year, ident = entry.groups()
            seen.add(entry.group(0).rsplit(".", 1)[0])
            offprint = f"research/{year}/{ident}/{ident}.pdf"
            pdf = offprint if site is not None and (site / offprint).is_file() else (
                f"research/{year}/action-research-{year}.pdf")
            links.append(f"- Your entry `{ident}`: [its page]({preview}research/{year}/{ident}/) · "
                         f"[the PDF]({preview}{pdf})")
        elif title:
            ident = title.group(1)
            links.append(f"- Your title `{ident}`: [its page]({preview}library/{ident}/)")
    return links


def _outcome(results: Path) -> str:
    try:
        text = (results / "outcome").read_text("utf-8").strip()
    except OSError:
        return ""
    return text if text in ("passed", *STEPS) else ""


def comment(results: Path, preview: str = "", run: str = "", site: Path | None = None,
            no_preview: str = "") -> str:
    """The comment's Markdown. preview is the preview site's address ("" when there is none,
    no_preview then says why), run the check's run, where the site's zip is."""
    outcome = _outcome(results)
    found = read_problems(results / "validate.json") or []
    if outcome == "build":
        found += read_problems(results / "build.json") or []
    parts = [MARKER]
    if outcome == "passed":
        parts.append("### ✅ Your files passed the check\n\n"
                     "A reviewer will read your pull request next.")
    elif found:
        files = len({problem.path for problem in found})
        count = f"{len(found)} problem{'s' if len(found) != 1 else ''}"
        parts.append(f"### ❌ {count} to fix, in {files} file{'s' if files != 1 else ''}\n\n"
                     "Each line says the file, the line, what is wrong and how to fix it. Edit the "
                     "file on GitHub (the pencil icon), commit, and this comment is updated.")
        parts.append(problems_text(found).rstrip("\n"))
    elif outcome in STEPS:
        parts.append(f"### ❌ The check failed while {STEPS[outcome]}\n\nThe check's log says why"
                     + (f": [open the check]({run})." if run else "."))
    else:
        parts.append("### ⚠️ The check did not finish\n\nIt may have been stopped, or it could not "
                     "start. " + (f"[Open the check]({run}) to see why." if run else ""))
    preview_part = ["#### Preview"]
    if preview:
        preview_part.append(f"- [The whole site, with your changes]({preview})")
        preview_part += preview_links(preview, _changed(results / "changed.txt"), site)
    elif no_preview:
        preview_part.append(f"- {no_preview}")
    if run:
        preview_part.append(f"- The site as a download (zip): [the check's run]({run}), "
                            "under Artifacts.")
    if len(preview_part) > 1:
        parts.append("\n".join(preview_part))
    parts.append("<sub>The check updates this comment each time the pull request changes.</sub>")
    return "\n\n".join(parts) + "\n"


def _url(text: str) -> str:
    """A web address from the workflow, or nothing: only https addresses without spaces."""
    return text if re.match(r"^https://[^\s()<>\[\]]+$", text) else ""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m goldenthread.pr_comment",
                                     description="The check's comment on a pull request.")
    parser.add_argument("--results", required=True, type=Path,
                        help="the folder .ci/pr-check wrote (GT_RESULTS)")
    parser.add_argument("--site", type=Path, help="the built site, to link the entries' own PDFs")
    parser.add_argument("--preview", default="", help="the preview's address, ending /")
    parser.add_argument("--no-preview", default="", help="why there is no preview")
    parser.add_argument("--run", default="", help="the check's run on GitHub")
    parser.add_argument("-o", "--output", type=Path, help="write here, not to standard output")
    args: Any = parser.parse_args(argv)
    preview = _url(args.preview)
    text = comment(args.results, preview.rstrip("/") + "/" if preview else "", _url(args.run),
                   args.site, plain(args.no_preview, 300))
    if args.output:
        args.output.write_text(text, "utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
