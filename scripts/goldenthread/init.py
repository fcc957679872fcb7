"""`goldenthread init DIR`: a new trust's knowledge base, ready to validate and build.

The starter (starter/ beside this file) holds a trust's own sources in their smallest
useful form: its identity, a small framework of two dimensions, vocabularies, one title,
one example entry, the introductions, a workflow and a README. The site's theme and
scripts, and the texts every knowledge base shares, stay in the engine (base_files.py):
each build writes them into docs/, so a new knowledge base holds only its own sources and
gets the engine's fixes when the engine is upgraded. Nothing is overwritten: init refuses
a folder that already holds any file it would write.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .problems import GoldenThreadError
from .scaffold import quoted

STARTER = "starter"
RENAMED = {"gitignore": ".gitignore"}  # files a package cannot carry under their own names


@dataclass(frozen=True)
class NewTrust:
    name: str
    short_name: str = ""
    email: str = ""
    submissions: str = ""
    library_requests: str = ""
    year: int = 0


def trust_yaml(new: NewTrust) -> str:
    """docs/trust.yaml: the answers given, and the parts still to set as comments."""
    lines = ["# Who the trust is, in one place: every page and output that names the trust or\n"
             "# says where to write reads it. `goldenthread validate` gives a notice for each\n"
             "# of name, email, library_requests, submissions and privacy left unset.\n",
             f"name: {quoted(new.name)}\n"]
    for key in ("short_name", "email", "submissions", "library_requests"):
        value = getattr(new, key)
        lines.append(f"{key}: {quoted(value)}\n" if value else f"# {key}: \n")
    lines.append("# logo: images/logo.svg (an image under docs/: the header's logo and the tab's icon)\n"
                 "# privacy: https://... (the trust's privacy notice)\n"
                 "# footer: a line at the foot of every page\n"
                 "locale: en-GB\n")
    return "".join(lines)


def _starter_files(year: int) -> dict[str, str]:
    """The starter's files: relative path -> text, with its year filled in."""
    files: dict[str, str] = {}
    root = resources.files("goldenthread").joinpath(STARTER)

    def walk(folder: object, prefix: str) -> None:
        for item in folder.iterdir():  # type: ignore[attr-defined]
            name = item.name.replace("YEAR", str(year))
            name = RENAMED.get(name, name)
            if item.is_dir():
                walk(item, f"{prefix}{name}/")
            else:
                files[prefix + name] = item.read_text("utf-8").replace("YEAR", str(year))

    walk(root, "")
    return files


def init(folder: Path, new: NewTrust) -> list[str]:
    """Write a new knowledge base into folder; the relative paths written, in order."""
    year = new.year or datetime.date.today().year
    texts = _starter_files(year)
    texts = {path: text.replace("NAME", new.name) if path == "README.md" else text
             for path, text in texts.items()}
    texts["docs/trust.yaml"] = trust_yaml(new)
    texts["requirements.txt"] = "goldenthread\n"
    clashes = sorted(p for p in texts if (folder / p).exists())
    if clashes:
        raise GoldenThreadError(f"{folder} already holds {clashes[0]}"
                                f"{f' and {len(clashes) - 1} more' if len(clashes) > 1 else ''}: "
                                "init never overwrites; choose an empty folder")
    for path, text in texts.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, "utf-8")
    return sorted(texts)
