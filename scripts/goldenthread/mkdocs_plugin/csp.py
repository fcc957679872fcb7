"""The Content-Security-Policy of every page: scripts only from the site itself ('self') and
inline scripts only the theme's own, named by their SHA-256 hashes, so a browser refuses
any other inline script even if one slipped past validation and the audit.

Material for MkDocs writes its inline scripts in its partials/javascripts/ templates; the
policy renders each of them as a page of that depth does (the same config and base_url)
and hashes what it renders. base/_theme/main.html puts the policy in a <meta> element at the
top of the head, before the first script, as `goldenthread_csp(base_url)`.
"""

from __future__ import annotations

import re
from typing import Any

from ..audit.page import script_hash

PARTIALS = "partials/javascripts/"
GLOBAL = "goldenthread_csp"  # the name the theme override calls
_INLINE = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_POLICY = re.compile(rb'(<meta http-equiv="Content-Security-Policy" content="[^"]*?script-src )')


def policy(hashes: list[str]) -> str:
    return f"script-src 'self' {' '.join(hashes)}; object-src 'none'; base-uri 'self'"


class ThemePolicy:
    """goldenthread_csp(base_url): the policy of a page whose path to the site root is base_url."""

    def __init__(self, env: Any, config: Any) -> None:
        self._env, self._config = env, config
        self._partials = sorted(env.list_templates(filter_func=lambda name: name.startswith(PARTIALS)))
        self._made: dict[str, str] = {}

    def scripts(self, base_url: str) -> list[str]:
        """The theme's inline scripts, as a page with this base_url has them."""
        features = self._config.theme.get("features") or []
        found: list[str] = []
        for name in self._partials:
            text = self._env.get_template(name).render(config=self._config, base_url=base_url,
                                                        features=features, page=None)
            found += _INLINE.findall(text)
        return found

    def __call__(self, base_url: str) -> str:
        made = self._made.get(base_url)
        if made is None:
            made = self._made[base_url] = policy(sorted({script_hash(s) for s in self.scripts(base_url)}))
        return made


def admit(html: bytes, script: str) -> bytes:
    """The page with one more inline script admitted by its policy."""
    return _POLICY.sub(lambda m: m.group(1) + script_hash(script).encode("ascii") + b" ", html, count=1)


def admit_reload(html: bytes) -> bytes:
    """A served preview page with the live-reload script that MkDocs' server adds last before
    </body> admitted by its policy (the preview's own pages, not the site's)."""
    end = html.rfind(b"</script>", 0, html.rfind(b"</body>") if b"</body>" in html else len(html))
    start = html.rfind(b"<script>", 0, end)
    if start < 0 or end < 0:
        return html
    return admit(html, html[start + len(b"<script>"):end].decode("utf-8"))
