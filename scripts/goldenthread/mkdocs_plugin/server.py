"""`goldenthread serve`: MkDocs' live-reload server, serving the preview (preview.py)."""

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

from ..generate.pages import GENERATED_PAGES, OWNED
from ..problems import GoldenThreadError
from ..publish.site_folder import discard
from .build import load_site
from .csp import admit_reload
from .preview import CONFIG, Preview

WATCHED = ("docs", "library", "research")
WRITES = {"created", "modified", "deleted", "moved", "closed"}  # not "opened": reading is no change


def _server(preview: Preview, host: str, port: int, mount_path: str) -> Any:
    import watchdog.events
    import watchdog.observers
    from mkdocs.livereload import LiveReloadServer

    class PreviewServer(LiveReloadServer):
        """MkDocs' live-reload server, told of a save at once (native file events; MkDocs
        polls every 0.5 s), never woken by the pages generation itself writes, rendering a
        stale page before serving it, and showing the problems on every page."""

        def watch_sources(self, root: Path) -> None:
            sources = tuple(str(root / name) + os.sep for name in WATCHED)
            generated = tuple(str(root / "docs" / folder) + os.sep for folder in OWNED)
            pages = {str(root / "docs" / page) for page in GENERATED_PAGES}
            config = str(root / CONFIG)

            def counts(path: str) -> bool:
                """A source (not a page generation wrote, nor an editor's hidden file)."""
                if not path or os.path.basename(path).startswith("."):
                    return False
                return path == config or (path.startswith(sources) and not path.startswith(generated)
                                          and path not in pages)

            def changed(event: Any) -> None:
                paths = [str(getattr(event, "src_path", "")), str(getattr(event, "dest_path", ""))]
                if event.event_type not in WRITES or event.is_directory or not any(map(counts, paths)):
                    return
                with self._rebuild_cond:
                    self._want_rebuild = True
                    self._rebuild_cond.notify_all()

            handler = watchdog.events.FileSystemEventHandler()
            handler.on_any_event = changed  # type: ignore[method-assign]
            for name in WATCHED:
                if (root / name).is_dir():
                    self._watched_paths[str(root / name)] = 1
                    self.observer.schedule(handler, str(root / name), recursive=True)
            self._watched_paths[config] = 1
            self.observer.schedule(handler, str(root), recursive=False)  # mkdocs.yml

        def _serve_request(self, environ: Any, start_response: Any) -> Any:
            path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
            if path.startswith(self.mount_path) and (path.endswith("/") or path.endswith(".html")):
                with self._epoch_cond:  # not while an update is under way
                    self._epoch_cond.wait_for(lambda: self._visible_epoch == self._wanted_epoch)
                preview.render_for(path[len(self.mount_path):].removesuffix("index.html"))
            return super()._serve_request(environ, start_response)

        def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
            content = admit_reload(super()._inject_js_into_html(content, epoch))  # type: ignore[no-untyped-call]
            panel = preview.problems_html()
            body = re.search(rb"<body[^>]*>", content)
            if not panel or body is None:
                return bytes(content)
            return content[:body.end()] + panel.encode("utf-8") + content[body.end():]

    server = PreviewServer(builder=preview.update, host=host, port=port, root=str(preview.site),
                           mount_path=mount_path)
    server.observer = watchdog.observers.Observer()  # type: ignore[assignment]
    server.serve_thread.daemon = True  # however the preview stops, nothing waits for it
    server.build_delay = 0.05  # an editor's save is over within this: then update at once

    def error_page(code: int) -> bytes | None:
        page = preview.site / "404.html"
        return page.read_bytes() if code == 404 and page.is_file() else None

    server.error_handler = error_page
    return server


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
        server.watch_sources(root)
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
