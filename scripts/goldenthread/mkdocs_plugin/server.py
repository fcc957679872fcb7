"""`goldenthread serve`: the engine's live-reload server, serving the preview (preview.py)."""

from __future__ import annotations

import os
import re
import shutil
import socket
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .. import base_files
from ..generate.pages import GENERATED_PAGES, OWNED
from ..problems import GoldenThreadError
from ..publish.site_folder import discard
from . import engine
from .build import load_site
from .csp import admit_reload
from .preview import CONFIG, Preview

WATCHED = ("docs", "library", "research")
WRITES = {"created", "modified", "deleted", "moved", "closed"}  # not "opened": reading is no change


def _server(preview: Preview, host: str, port: int, mount_path: str) -> Any:
    """The engine's live-reload server (engine.live_server), told of a save at once (native file
    events; the engine polls every 0.5 s), never woken by the pages generation itself writes,
    rendering a stale page before serving it, and showing the problems on every page."""

    def page_html(content: bytes) -> bytes:
        content = admit_reload(content)
        panel = preview.problems_html()
        body = re.search(rb"<body[^>]*>", content)
        if not panel or body is None:
            return bytes(content)
        return content[:body.end()] + panel.encode("utf-8") + content[body.end():]

    def error_page(code: int) -> bytes | None:
        page = preview.site / "404.html"
        return page.read_bytes() if code == 404 and page.is_file() else None

    return engine.live_server(builder=preview.update, host=host, port=port, root=str(preview.site),
                              mount_path=mount_path, before_page=preview.render_for,
                              page_html=page_html, error_page=error_page)


def watch_sources(server: Any, root: Path) -> None:
    """Tell server of every save of a source (not of a page generation wrote, nor an editor's
    hidden file)."""
    import watchdog.events

    sources = tuple(str(root / name) + os.sep for name in WATCHED)
    generated = tuple(str(root / "docs" / folder) + os.sep for folder in (*OWNED, *base_files.FOLDERS))
    pages = {str(root / "docs" / page) for page in GENERATED_PAGES}
    config = str(root / CONFIG)

    def counts(path: str) -> bool:
        if not path or os.path.basename(path).startswith("."):
            return False
        return path == config or (path.startswith(sources) and not path.startswith(generated)
                                  and path not in pages)

    def changed(event: Any) -> None:
        paths = [str(getattr(event, "src_path", "")), str(getattr(event, "dest_path", ""))]
        if event.event_type in WRITES and not event.is_directory and any(map(counts, paths)):
            server.changed()

    handler = watchdog.events.FileSystemEventHandler()
    handler.on_any_event = changed  # type: ignore[method-assign]
    for name in WATCHED:
        if (root / name).is_dir():
            server.watch_tree(str(root / name), handler)
    server.watch_tree(str(root), handler, recursive=False)  # mkdocs.yml


def _check_free(host: str, port: int) -> None:
    """Say now, not after the first build, that the address is taken."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise GoldenThreadError(
                f"cannot serve on {host}:{port} ({error.strerror}): another preview may be running; "
                f"stop it, or pass --dev-addr {host}:{port + 1}") from None


def _remove_stale_previews() -> None:
    """Folders of previews whose process is gone (killed with kill -9)."""
    for folder in Path(tempfile.gettempdir()).glob("goldenthread-serve-*"):
        pid = folder.name.split("-")[2]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def serve(root: Path, address: str) -> None:
    """Serve the preview on address (host:port) until interrupted."""
    host, _, port = address.rpartition(":")
    if not port.isdigit():
        raise GoldenThreadError(f"--dev-addr takes HOST:PORT, like 127.0.0.1:8000, not {address!r}")
    _check_free(host, int(port))
    _remove_stale_previews()
    site = Path(tempfile.mkdtemp(prefix=f"goldenthread-serve-{os.getpid()}-"))
    preview = Preview(root, site)
    server = None
    try:
        config = load_site(root, site)
        mount_path = urlsplit(config.site_url or "/").path or "/"
        preview.serve_url = f"http://{host}:{port}{mount_path}"
        server = _server(preview, host, int(port), mount_path)
        if not preview.build():
            preview.report_problems()
        watch_sources(server, root)
        threading.Thread(target=preview.background, daemon=True, name="preview").start()
        sys.stderr.write(f"goldenthread: serving the preview on {preview.serve_url} (Ctrl-C to stop)\n")
        server.serve()
    finally:
        try:
            if server is not None:
                server.shutdown()
            preview.stop()
        finally:
            discard(site)  # for at most a second: the next preview removes what is left
