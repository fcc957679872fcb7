"""The trust's identity (docs/trust.yaml) in MkDocs' configuration, set when MkDocs has read
mkdocs.yml (on_config) through its public config API: the site's name, the theme's logo
and favicon, its language, and the footer line. mkdocs.yml's own site_name and
theme.language stay only because MkDocs requires a name and another engine may read the file.

The page's `lang` is the full tag (en-GB, not Material's "en"): base/_theme/partials/
language.html answers Material's "language" with the Jinja global LOCALE; the browser tab
after a page's title names the trust by its short name (base/_theme/main.html, SHORT_NAME).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..identity import logo_path
from ..settings import Settings

LOCALE = "goldenthread_locale"  # the Jinja globals the theme override reads
SHORT_NAME = "goldenthread_short_name"
LANGUAGES = "partials/languages"  # Material's translations, one file per language it has
FALLBACK = "en"


def theme_language(locale: str, theme_dirs: list[str]) -> str:
    """The theme's language for a BCP 47 locale: the whole tag if the theme has it (pt-BR),
    else its language (en-GB -> en, cy-GB -> cy), else English."""
    language = locale.split("-")[0]
    for candidate in (locale, language):
        if any((Path(folder) / LANGUAGES / f"{candidate}.html").is_file() for folder in theme_dirs):
            return candidate
    return FALLBACK


def apply_identity(config: Any, settings: Settings) -> None:
    """Set the site's name, logo, favicon, language and footer from the trust's identity."""
    identity = settings.identity
    config.site_name = settings.site_name
    if logo_path(identity.logo) is not None:  # validate refuses any other
        config.theme["logo"] = identity.logo
        config.theme["favicon"] = identity.logo
    config.theme["language"] = theme_language(identity.locale, list(config.theme.dirs))
    if identity.footer and not config.copyright:  # a line at the foot of every page
        config.copyright = identity.footer


def theme_globals(env: Any, settings: Settings) -> None:
    """What the theme override reads of the identity: the page's language, the tab's name."""
    env.globals[LOCALE] = settings.identity.locale
    env.globals[SHORT_NAME] = settings.short_name
