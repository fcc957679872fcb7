"""Field values as BibTeX reads them: braces or quotes, @string macros, months and `#`."""

from __future__ import annotations

from dataclasses import dataclass, field

# The longest text a field or @string may expand to: the longest value a record may hold.
# Without a bound, 33 @strings that each repeat the one before (`b = a # a`) grow to
# gigabytes (the machine runs out of memory).
MAX_EXPANDED = 100_000


class ExpansionTooLong(Exception):
    """A value that would expand past MAX_EXPANDED characters."""

# BibTeX's predefined month macros; a field `month = jan` is the macro, not the text.
MONTHS = {
    "jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May",
    "jun": "June", "jul": "July", "aug": "August", "sep": "September", "oct": "October",
    "nov": "November", "dec": "December",
}


@dataclass
class Macros:
    """The @string macros defined so far (names casefolded), months included."""

    values: dict[str, str] = field(default_factory=lambda: dict(MONTHS))

    def define(self, name: str, raw: str) -> list[str]:
        """Define a macro from its raw value; the undefined macros that value used.
        Raises ExpansionTooLong (the macro is then defined as empty)."""
        try:
            text, undefined = self.expand(raw)
        except ExpansionTooLong:
            self.values[name.casefold()] = ""
            raise
        self.values[name.casefold()] = text
        return undefined

    def expand(self, raw: str) -> tuple[str, list[str]]:
        """A raw field value as text (LaTeX left as written), and any undefined macros in it.

        BibTeX reads an undefined macro as empty; so do we, and say so.
        """
        parts: list[str] = []
        undefined: list[str] = []
        size = 0
        for part in concatenated_parts(raw):
            if _enclosed(part):
                parts.append(part[1:-1])
            elif part.isdigit():
                parts.append(part)
            elif part.casefold() in self.values:
                parts.append(self.values[part.casefold()])
            else:
                undefined.append(part)
                continue
            size += len(parts[-1])
            if size > MAX_EXPANDED:
                raise ExpansionTooLong
        return "".join(parts), undefined


def _enclosed(part: str) -> bool:
    return len(part) >= 2 and (part[0], part[-1]) in (("{", "}"), ('"', '"'))


def concatenated_parts(raw: str) -> list[str]:
    """Split `a # {b} # "c"` on the `#` outside braces and quotes."""
    parts: list[str] = []
    depth, quoted, start = 0, False, 0
    for index, char in enumerate(raw):
        escaped = index > 0 and raw[index - 1] == "\\"
        if char == "{" and not escaped:
            depth += 1
        elif char == "}" and not escaped:
            depth = max(depth - 1, 0)
        elif char == '"' and depth == 0 and not escaped:
            quoted = not quoted
        elif char == "#" and depth == 0 and not quoted:
            parts.append(raw[start:index])
            start = index + 1
    parts.append(raw[start:])
    return [part.strip() for part in parts if part.strip()]
