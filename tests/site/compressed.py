"""A loopback server for a built site that compresses text with gzip, as GitHub Pages does,
so page weights and timings are those a reader meets."""

from __future__ import annotations

import gzip
import http.server
import threading
from functools import partial
from pathlib import Path
from typing import Any

TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".bib", ".ris")


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (path.suffix in TEXT and path.is_file()
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            self._body = body
            return None
        return super().send_head()

    def do_GET(self) -> None:
        self._body = b""
        source = self.send_head()
        if self._body:
            self.wfile.write(self._body)
        elif source is not None:
            try:
                self.copyfile(source, self.wfile)
            finally:
                source.close()


class CompressedServer:
    def __init__(self, site: Path) -> None:
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                                       partial(_Handler, directory=str(site)))
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
