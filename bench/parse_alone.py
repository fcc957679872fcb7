"""The baseline validate is measured against: libyaml's parse alone of the same files.

Run as its own process (so it pays Python's start-up as `goldenthread validate` does), it
reads every file validate reads under docs/, library/ and research/ and parses, with
`yaml.load(text, Loader=yaml.CSafeLoader)` in this one process, every YAML source (the
framework, the vocabularies, the identity, every catalogue record) and every entry's front
matter. The entries' .bib files and the hand-written pages are read but not parsed (they
are not YAML). It prints the files parsed and its own time without start-up, as
"<files> <seconds>".
"""

from __future__ import annotations

import os
import sys
import time

START = time.perf_counter()

import yaml  # noqa: E402  (after the clock: the import is part of the parse's cost)


def files(root: str) -> list[str]:
    found = []
    for folder in ("docs", "library", "research"):
        for top, folders, names in os.walk(os.path.join(root, folder)):
            folders.sort()
            found += [os.path.join(top, name) for name in sorted(names) if not name.startswith(".")]
    return found


def front_matter(text: str) -> str | None:
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 3)
    return text[4:end + 1] if end >= 0 else None


def main() -> None:
    parsed = 0
    for path in files(sys.argv[1]):
        if not path.endswith((".yaml", ".md", ".bib")):
            continue
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
        if path.endswith(".md") and f"{os.sep}research{os.sep}" in path:
            text = front_matter(text) or ""
            if not text:
                continue
        elif not path.endswith(".yaml"):
            continue  # read, not parsed
        yaml.load(text, Loader=yaml.CSafeLoader)
        parsed += 1
    print(parsed, f"{time.perf_counter() - START:.3f}")


if __name__ == "__main__":
    main()
