"""How to contribute: the guide (the engine's base/_text/contributing.md, or the trust's own
in docs/_text/) with its tables of problem codes made from the registry (codes.py), so that
no code goes unexplained."""

from __future__ import annotations

import re

from ..codes import COMMANDS, Code, Command, reported_by
from .text import join_words

FOLDER = "contributing"
PAGE = f"{FOLDER}/index.md"
# Where the guide wants a command's table: a line `<!-- problem codes: validate -->`.
MARKER = re.compile(rf"^<!-- problem codes: ({'|'.join(COMMANDS)}) -->[ \t]*$", re.MULTILINE)


_A = {"error": "an error", "warning": "a warning", "notice": "a notice"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _own(command: Command) -> tuple[list[Code], list[Code]]:
    """The codes explained in `command`'s table, and those it reports as validate does (at the
    same level), which validate's table explains."""
    codes = reported_by(command)
    if command == "validate":
        return codes, []
    return ([code for code in codes if code.level_in(command) != code.level_in("validate")],
            [code for code in codes if code.level_in(command) == code.level_in("validate")])


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |\n"


def code_table(command: Command) -> str:
    """A Markdown table of the codes `command` reports: what each means and how to fix it,
    and each one's level when they are not all at one level."""
    own, shared = _own(command)
    levels = {code.level_in(command) for code in own}
    mixed = len(levels) > 1
    these = "This is" if len(own) == 1 else "Each of these is"
    text = "" if mixed or not own else f"{these} {_A[str(levels.pop())]}.\n\n"
    columns = ["Code", *(["Level"] if mixed else []), "What it means", "How to fix it"]
    text += _row(columns) + _row(["---"] * len(columns))
    for code in own:
        level = [str(code.level_in(command)).capitalize()] if mixed else []
        text += _row([f"`{code.code}`", *level, _cell(code.meaning), _cell(code.fix)])
    if shared:
        names = join_words(f"`{code.code}`" for code in shared)
        text += f"\nThese can also appear here, explained in the table of the main checks: {names}.\n"
    return text


def _placed(match: re.Match[str]) -> str:
    command = next(command for command in COMMANDS if command == match.group(1))
    return code_table(command).rstrip("\n")


def contributing_page(guide: str) -> str:
    """The guide with each `<!-- problem codes: COMMAND -->` line replaced by that command's
    table; a table the guide does not place is added at the end."""
    placed = set(MARKER.findall(guide))
    page = MARKER.sub(_placed, guide)
    missing = [command for command in COMMANDS if command not in placed]
    if missing:
        heading = "## Other problem codes" if page.strip() else "# Problem codes"
        page = "\n\n".join([page.rstrip("\n"), heading, *(
            f"### `goldenthread {command}`\n\n{code_table(command)}" for command in missing)])
    return page.strip("\n") + "\n"
