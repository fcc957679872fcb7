"""The `goldenthread` MkDocs plugin: each hook hands one step of MkDocs' build to the build
session (publish/session.py), which generates the pages and does the rest beside MkDocs.

`goldenthread build` gives the plugin its session (and audits and swaps the site in);
under a plain `mkdocs build` or `mkdocs serve` the plugin makes its own for each build.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..publish.session import BuildSession, InvalidSources
from ..report import as_text
from ..settings import SITE_URL, option_problems, site_url
from .config import GoldenThreadConfig
from .csp import GLOBAL, ThemePolicy
from .engine import (
    BasePlugin,
    ConfigErrors,
    ConfigWarnings,
    Files,
    PluginError,
    ValidationError,
    event_priority,
    new_file,
)
from .files import in_walk_order
from .identity import apply_identity, theme_globals

EPOCH = "SOURCE_DATE_EPOCH"


def repository(config: Any) -> Path:
    return Path(config.config_file_path).resolve().parent


class GoldenThreadPlugin(BasePlugin[GoldenThreadConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.session: BuildSession | None = None  # given by `goldenthread build`, else made here
        self._own = False
        self._epoch: str | None = None  # SOURCE_DATE_EPOCH before this build set it
        # MkDocs' own structures as the last build left them (the preview renders from them)
        self.files: Files | None = None
        self.nav: Any = None
        self.env: Any = None
        self.serving = False  # under a plain `mkdocs serve`, whose reload script no policy admits

    def load_config(self, options: dict[str, Any],
                    config_file_path: str | None = None) -> tuple[ConfigErrors, ConfigWarnings]:
        """MkDocs only warns of an unknown option; here it is an error, in validate's words."""
        errors, warnings = super().load_config(options, config_file_path)
        wrong = option_problems(options)
        known = {key for key, _ in wrong}
        errors += [(key, ValidationError(message)) for key, message in wrong]
        return errors, [(key, text) for key, text in warnings if key not in known]

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    @event_priority(100)  # first: the search and tags plugins then see the trust's name and language
    def on_config(self, config: Any) -> Any:
        if os.environ.get(SITE_URL):  # the deploy workflow's address for the site
            config.site_url = site_url(config.site_url)
        if self.session is None or self._own:
            self.session, self._own = BuildSession(repository(config), Path(config.site_dir)), True
        apply_identity(config, self.session.run_settings)  # the trust's name, logo, language
        return config

    def on_pre_build(self, config: Any) -> None:
        assert self.session is not None
        try:
            self.session.generate()
        except InvalidSources:
            if self._own:  # `goldenthread build` reports the problems itself
                raise PluginError("the sources have problems:\n" + as_text(self.session.problems)) from None
            raise
        self._epoch = os.environ.get(EPOCH)
        os.environ[EPOCH] = str(self.session.timestamp)  # MkDocs' dates come from the sources

    def on_files(self, files: Files, config: Any) -> Files:
        """The files written beside MkDocs are site files too; MkDocs reads pages in the order
        of its walk of docs/, had they been there."""
        assert self.session is not None
        present = set(files.src_uris)
        for name in self.session.beside_files():
            if name not in present:
                files.append(new_file(name, config))
        files = self.files = in_walk_order(files, config.docs_dir)
        self.session.start([file.src_uri for file in files.documentation_pages()])
        return files

    def on_nav(self, nav: Any, config: Any, files: Files) -> Any:
        self.nav = nav
        return nav

    def on_pre_page(self, page: Any, config: Any, files: Files) -> Any:
        assert self.session is not None
        self.session.wait_for_page(page.file.src_uri)
        return page

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Files) -> str:
        """Pages stay out of Material's own search index, which every page load downloads
        whole (3.8 MB gzip at 10,000 titles): the site's sharded index (docs/search-index/,
        answered by assets/search.js in the same search box) serves search."""
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        return markdown

    def on_env(self, env: Any, config: Any, files: Files) -> Any:
        """The theme override's Content-Security-Policy (base/_theme/main.html)."""
        assert self.session is not None
        self.session.wait_for_outputs()  # MkDocs copies them next
        theme_globals(env, self.session.run_settings)
        if not self.serving:
            env.globals[GLOBAL] = ThemePolicy(env, config)
        self.env = env
        return env

    @event_priority(-100)  # last, so that what is audited is what is written
    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        assert self.session is not None
        self.session.rendered(page.file.dest_uri)
        return output

    def on_post_build(self, config: Any) -> None:
        if self._own and self.session is not None:
            self.session.finish()
            self.session.close()
        self._restore_epoch()

    def on_build_error(self, error: Exception) -> None:
        if self._own and self.session is not None:
            self.session.close()
        self._restore_epoch()

    def _restore_epoch(self) -> None:
        if self._epoch is None:
            os.environ.pop(EPOCH, None)
        else:
            os.environ[EPOCH] = self._epoch
        self._epoch = None

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        """`mkdocs serve` rebuilds when a source changes, not only a page."""
        root = repository(config)
        for folder in ("library", "research"):
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server
