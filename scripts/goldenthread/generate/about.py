"""The pages made from the trust's identity (docs/trust.yaml): About and contact, and the
hand-written pages that name the trust or say where to write (the accessibility
statement), whose `{{ trust.<part> }}` marks are filled in here."""

from __future__ import annotations

import re

from ..identity import Identity
from .text import front_matter, md

ABOUT = "about.md"
ACCESSIBILITY = "accessibility.md"
_MARK = re.compile(r"\{\{\s*trust\.([a-z_]+)\s*\}\}")


def contact_sentence(identity: Identity) -> str:
    """How to reach the trust, as a sentence of Markdown."""
    ways = []
    if identity.email:
        ways.append(f"email [{md(identity.email)}](mailto:{identity.email})")
    if identity.contact_page:
        ways.append(f"use [{md(identity.name)}’s contact page]({identity.contact_page})")
    if not ways:
        return f"Ask at your academy how to contact {md(identity.name)}."
    return "To contact " + md(identity.name) + ", " + " or ".join(ways) + "."


def fill_marks(text: str, identity: Identity) -> str:
    """A hand-written page with its {{ trust.<part> }} marks filled in (contact: a sentence)."""
    def value(match: re.Match[str]) -> str:
        part = match.group(1)
        if part == "contact":
            return contact_sentence(identity)
        found = getattr(identity, part, None)
        return md(found) if isinstance(found, str) else match.group(0)
    return _MARK.sub(value, text)


def about_page(identity: Identity, intro: str) -> str:
    # The tab names the trust after the page's title ("About - Short name"): not twice.
    text = front_matter(title="About") + f"# About {md(identity.name)}\n\n"
    if intro.strip():
        text += fill_marks(intro, identity).strip() + "\n\n"
    text += "## Contact\n\n" + contact_sentence(identity) + "\n\n"
    if identity.submissions:
        text += ("Teachers send their action-research entries to the research lead at "
                 f"[{md(identity.submissions)}](mailto:{identity.submissions}).\n\n")
    if identity.privacy:
        text += f"## Privacy\n\n[{md(identity.name)}’s privacy notice]({identity.privacy}).\n"
    return text
