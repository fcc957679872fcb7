"""BibTeX values -> plain text: LaTeX accents and commands decoded, protective braces dropped."""

from __future__ import annotations

from functools import lru_cache

from pylatexenc.latex2text import LatexNodes2Text

_DECODER = LatexNodes2Text(math_mode="verbatim", strict_latex_spaces=True)


@lru_cache(maxsize=4096)
def plain(value: str) -> str:
    """The text a reader should see for a BibTeX field value."""
    if not any(char in value for char in "\\{}$~"):
        return " ".join(value.split())
    try:
        text = _DECODER.latex_to_text(value)
    except Exception:  # pylatexenc raises several types on odd input; fall back to the raw text
        text = value.replace("{", "").replace("}", "")
    return " ".join(text.replace("\u00a0", " ").split())


def split_top_level(value: str, separator: str) -> list[str]:
    """Split on separator (e.g. ' and ') only outside braces."""
    parts, depth, start, index = [], 0, 0, 0
    lowered = value.lower()
    while index < len(value):
        char = value[index]
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        elif depth == 0 and lowered.startswith(separator, index):
            parts.append(value[start:index])
            index += len(separator)
            start = index
            continue
        index += 1
    parts.append(value[start:])
    return [part.strip() for part in parts if part.strip()]
