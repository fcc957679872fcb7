"""`goldenthread serve` rebuilds when a source under library/ changes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .test_build import copy_repository


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def _wait_for(url: str, needle: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if needle in _fetch(url):
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def test_serve_reloads_when_a_title_changes(tmp_path: Path) -> None:
    root = copy_repository(tmp_path / "repo")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "goldenthread", "--root", str(root), "serve",
         "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        page = f"http://127.0.0.1:{port}/library/make-it-stick/"
        assert _wait_for(page, "Make It Stick", 90), "the preview never served the title page"
        record = root / "library" / "titles" / "make-it-stick.yaml"
        record.write_text(record.read_text().replace("title: Make It Stick",
                                                     "title: Make It Stick Revised"))
        assert _wait_for(page, "Make It Stick Revised", 60), "the change never reached the preview"
    finally:
        server.terminate()
        server.wait(timeout=20)
