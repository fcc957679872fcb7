"""The site engine: MkDocs 1.6, or ProperDocs, its maintained drop-in fork (same code, same
plugin API, package `properdocs`). This is the one module that names either package: the rest
of the adapter imports what it needs of the engine from here, and every use of the engine
that is not its public plugin API is here too, as a small function, so that a test
(tests/site/test_engine.py) can run each of them under both engines.

Which engine runs, in this order:
1. the one already loaded in this process: under the `mkdocs` or `properdocs` command the
   plugin runs on the engine that loaded it;
2. GOLDENTHREAD_ENGINE=mkdocs or GOLDENTHREAD_ENGINE=properdocs, if set (the tests run both);
3. ProperDocs if pyproject.toml's dependencies (not the test extras) list `properdocs`;
4. MkDocs if it is installed, else ProperDocs.
MkDocs stays installed either way (Material 9 requires it). So switching engine is a change
of lock: move `properdocs` from the test extras to the dependencies in pyproject.toml and run
`make lock` (the engine follows the dependencies, the lock installs them).

ProperDocs reads mkdocs.yml, loads plugins and themes from MkDocs' entry point groups
(Material's theme and plugins, and ours, are found as they are) and, once
`properdocs.replacement` is imported, answers every import of `mkdocs.*` (Material's, and the
imports below) with its own module of the same name. That redirection only works before
anything imports `mkdocs`, so this module must be imported before Material or anything else
that imports MkDocs (the adapter's modules all import it first); the logger `mkdocs` is then
a child of ProperDocs' `properdocs`, as under the `properdocs` command, so that Material's
warnings count in strict mode.

Beyond the plugin API, each tested under both engines: `load` and `build` (MkDocs'
`load_config` and `commands.build.build`, its programmatic entry points, not in the plugin
API's reference); `read_page` and `write_page` (MkDocs' private build steps for one page,
`_populate_page` and `_build_page`, which the live preview calls to render a saved page again
in milliseconds instead of building the whole site again, seconds); `exclude` (the
`exclude_docs` rules, `set_exclusions`, for files added after the build); and `live_server`
(MkDocs' live-reload server, subclassed: told of a save by native file events, and asked
before it serves a page).
"""

from __future__ import annotations

import importlib
import logging
import os
import re
import sys
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, requires
from importlib.util import find_spec
from typing import Any

VARIABLE = "GOLDENTHREAD_ENGINE"
ENGINES = ("mkdocs", "properdocs")


class EngineError(ImportError):
    """The engine asked for (GOLDENTHREAD_ENGINE) cannot run here."""


def choose(loaded: str | None, wanted: str, declared: list[str], installed: Callable[[str], bool]) -> str:
    """The engine to run: loaded, the package the name `mkdocs` is in this process (None if none
    is); wanted, GOLDENTHREAD_ENGINE; declared, goldenthread's requirements as installed."""
    if loaded is not None:  # the `mkdocs` or `properdocs` command loaded the plugin
        return "properdocs" if loaded == "properdocs" else "mkdocs"
    wanted = wanted.strip().lower()
    if wanted and wanted not in ENGINES:
        raise EngineError(f"{VARIABLE}={wanted} is not an engine: set it to mkdocs or properdocs, "
                          "or unset it")
    if wanted and not installed(wanted):
        raise EngineError(f"{VARIABLE}={wanted}, but {wanted} is not installed: install it, "
                          f"or unset {VARIABLE}")
    if wanted:
        return wanted
    depends = {re.split(r"[\s\[<>=!~;]", line, maxsplit=1)[0].lower() for line in declared
               if "extra ==" not in line}  # the dependencies, not the test extras
    if "properdocs" in depends and installed("properdocs"):
        return "properdocs"
    return "mkdocs" if installed("mkdocs") else "properdocs"


def _declared() -> list[str]:
    try:
        return requires("goldenthread") or []
    except PackageNotFoundError:  # run from a checkout without installing it
        return []


_loaded = sys.modules.get("mkdocs")
NAME = choose(_loaded.__name__ if _loaded is not None else None, os.environ.get(VARIABLE, ""),
              [] if _loaded is not None or os.environ.get(VARIABLE) else _declared(),
              lambda name: find_spec(name) is not None)
if NAME == "properdocs":
    importlib.import_module("properdocs.replacement")  # mkdocs.* now loads properdocs.*
    _legacy = logging.getLogger("mkdocs")  # as the `properdocs` command links it
    _legacy.parent = logging.getLogger("properdocs")
    _legacy.setLevel(logging.NOTSET)
    _legacy.propagate = True

# The plugin API (mkdocs.org/dev-guide/api): the same names under ProperDocs, by its redirection.
from mkdocs import __version__ as VERSION  # noqa: E402
from mkdocs.config import config_options  # noqa: E402
from mkdocs.config.base import Config, ConfigErrors, ConfigWarnings, ValidationError  # noqa: E402
from mkdocs.exceptions import Abort, ConfigurationError, PluginError  # noqa: E402
from mkdocs.plugins import BasePlugin, event_priority  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402

__all__ = [
    "ENGINES", "NAME", "VARIABLE", "VERSION", "Abort", "BasePlugin", "Config", "ConfigErrors",
    "ConfigWarnings", "ConfigurationError", "File", "Files", "Page", "PluginError",
    "ValidationError", "build", "config_options", "event_priority", "exclude", "live_server",
    "load", "logger", "new_file", "read_page", "write_page",
]

LOGGER = NAME  # the engine's own logger: its modules log under it, the `mkdocs` one included


def logger() -> logging.Logger:
    """The logger every message of the engine, its plugins and its theme passes through."""
    return logging.getLogger(LOGGER)


def load(config_file: str, site_dir: str) -> Any:
    """Read the configuration (mkdocs.yml), to build into site_dir."""
    from mkdocs.config import load_config

    return load_config(config_file, site_dir=site_dir)


def build(config: Any) -> None:
    """Build the whole site of a loaded configuration."""
    from mkdocs.commands.build import build as engine_build

    engine_build(config)


def new_file(name: str, config: Any) -> File:
    """A file of docs/ (docs-relative name) for the site of config."""
    return File(name, config.docs_dir, config.site_dir, config.use_directory_urls)


# -- private: MkDocs' build steps, one page at a time (the live preview) ----------------------

def exclude(files: Files, config: Any) -> None:
    """Apply mkdocs.yml's exclude_docs (and drafts) to files added since the build."""
    from mkdocs.structure.files import set_exclusions

    set_exclusions(files, config)


def read_page(page: Page, config: Any, files: Files) -> None:
    """Read a page's Markdown again and convert it, with the plugins' page events."""
    from mkdocs.commands.build import _populate_page

    _populate_page(page, config, files)


def write_page(page: Page, config: Any, files: Files, nav: Any, env: Any) -> None:
    """Render a read page in the theme's template, with the plugins' events, and write it."""
    from mkdocs.commands.build import _build_page

    _build_page(page, config, files.documentation_pages(), nav, env)


# -- private: the live-reload server ------------------------------------------------------------

def live_server(*, builder: Callable[[], None], host: str, port: int, root: str, mount_path: str,
                before_page: Callable[[str], None], page_html: Callable[[bytes], bytes],
                error_page: Callable[[int], bytes | None]) -> Any:
    """The engine's live-reload server, serving root at mount_path: builder runs after a change
    (reported with `changed()`; folders are watched with `watch_tree(folder, handler)`, by
    native file events, not the engine's polling), before_page(path) runs before an HTML page
    at path (mount-relative, without index.html) is served, once the update under way is
    over, and page_html makes the final HTML of each page from the engine's (which carries
    its reload script)."""
    import watchdog.observers
    from mkdocs.livereload import LiveReloadServer

    class LiveServer(LiveReloadServer):
        def changed(self) -> None:
            """A source changed: run builder once the saves stop (build_delay), then reload."""
            with self._rebuild_cond:
                self._want_rebuild = True
                self._rebuild_cond.notify_all()

        def watch_tree(self, folder: str, handler: Any, recursive: bool = True) -> None:
            self._watched_paths[folder] = 1  # serve() starts the observer only if something is watched
            self.observer.schedule(handler, folder, recursive=recursive)

        def _serve_request(self, environ: Any, start_response: Any) -> Any:
            path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
            if path.startswith(self.mount_path) and (path.endswith("/") or path.endswith(".html")):
                with self._epoch_cond:  # not while an update is under way
                    self._epoch_cond.wait_for(lambda: self._visible_epoch == self._wanted_epoch)
                before_page(path[len(self.mount_path):].removesuffix("index.html"))
            return super()._serve_request(environ, start_response)

        def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
            return page_html(super()._inject_js_into_html(content, epoch))  # type: ignore[no-untyped-call]

    server = LiveServer(builder=builder, host=host, port=port, root=root, mount_path=mount_path)
    server.observer = watchdog.observers.Observer()  # type: ignore[assignment]
    server.serve_thread.daemon = True  # however the preview stops, nothing waits for it
    server.build_delay = 0.05  # an editor's save is over within this: then update at once
    server.error_handler = error_page
    return server
