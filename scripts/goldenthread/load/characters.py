"""Characters that are not text: refused wherever contributed text may hold them.

C0 and C1 control characters (other than tab and the line ends), the noncharacters U+FFFE
and U+FFFF, and the bidirectional overrides and embeddings (U+202A-U+202E), which make
text show in an order other than the one it is stored in. The isolates (U+2066-U+2069)
stay legal: they cannot reorder the text around them.
"""

from __future__ import annotations

import re
import unicodedata

from ..messages import say

# \x85 (NEL) is a C1 control: YAML and some editors break lines at it, git and GitHub do not.
NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\u202a-\u202e]")

# What each refused character does, in words for a reader (unicodedata has no names for controls).
_CONTROL_NAMES = {
    0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x0B: "VERTICAL TAB", 0x0C: "FORM FEED",
    0x1B: "ESCAPE", 0x7F: "DELETE", 0x85: "NEXT LINE",
}


def character_name(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE', 'U+001B ESCAPE', 'U+0001 (a control character)'."""
    code = ord(char)
    name = _CONTROL_NAMES.get(code) or unicodedata.name(char, "")
    if not name:
        name = "(a noncharacter)" if code in (0xFFFE, 0xFFFF) else "(a control character)"
    return f"U+{code:04X} {name}"


def _reorders(char: str) -> bool:
    return "\u202a" <= char <= "\u202e"


def refusal(char: str) -> str:
    """The message template (messages.py) why_refused fills for one refused character."""
    return "control-character.bidi" if _reorders(char) else "control-character"


def why_refused(char: str) -> str:
    """The sentence a problem gives for one refused character."""
    name = character_name(char)
    if _reorders(char):
        return say("control-character.bidi", name=name)
    return say("control-character", name=name)


def first_not_text(text: str) -> re.Match[str] | None:
    return NOT_TEXT.search(text)
