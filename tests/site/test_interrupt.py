"""Nothing can wedge a build or the preview: stopped by Ctrl-C (SIGINT), SIGTERM or SIGKILL at
any moment, no process of ours is left 2 s later, site/ is exactly as before, and the next
build removes whatever was left. Two builds at once: one builds, the other says so.

Each command runs in a session of its own, so that every process it starts (the build's
worker, validation's workers, Typst) can be found by its session id, even once the command
itself is gone and they have been adopted by init."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from .test_build import copy_repository, digest, leftovers

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")


def in_session(session: int) -> list[int]:
    """The processes of a session still running (not zombies)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def start(root: Path, *command: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "goldenthread", "--root", str(root), *command],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def stop_and_wait(command: subprocess.Popen[str], stop: signal.Signals) -> None:
    """Send the signal to the command alone; within 2 s no process of its session is left."""
    command.send_signal(stop)
    assert until(2, lambda: not in_session(command.pid)), f"left running: {in_session(command.pid)}"


def kill_session(command: subprocess.Popen[str]) -> None:
    """Whatever of the command's session is still running (only when a test failed)."""
    for pid in in_session(command.pid):
        os.kill(pid, signal.SIGKILL)
    command.communicate()


def until(seconds: float, ready: Callable[[], bool], every: float = 0.01) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ready():
            return True
        time.sleep(every)
    return False


def scratch(root: Path) -> list[Path]:
    return list(root.glob(".site.build-*"))


MOMENTS: dict[str, Callable[[Path], bool]] = {
    # the lock is held and the build's folder made: the sources are being validated
    "as it starts": lambda root: bool(scratch(root)),
    # MkDocs is rendering pages; the worker writes pages, PDFs, the search index, or audits
    "while MkDocs renders": lambda root: any(sum(1 for _ in folder.rglob("*.html")) >= 20
                                             for folder in scratch(root)),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = copy_repository(tmp_path_factory.mktemp("interrupt") / "repo")
    done = subprocess.run([sys.executable, "-m", "goldenthread", "--root", str(root), "build"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return root, digest(root / "site")


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=lambda s: s.name)
def test_a_stopped_build_leaves_nothing_running_and_site_as_it_was(
        built: tuple[Path, dict[str, str]], stop: signal.Signals, moment: str) -> None:
    root, before = built
    build = start(root, "build")
    try:
        assert until(120, lambda: MOMENTS[moment](root) or build.poll() is not None)
        assert build.poll() is None, "the build finished before it could be stopped"
        stop_and_wait(build, stop)
    finally:
        kill_session(build)
    assert build.returncode != 0
    assert digest(root / "site") == before
    if stop != signal.SIGKILL:
        assert not leftovers(root), "an interrupted build removes its own folder"
    again = subprocess.run([sys.executable, "-m", "goldenthread", "--root", str(root), "build"],
                           capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert not leftovers(root), "the next build removes what a killed one left"
    assert digest(root / "site") == before


def test_two_builds_at_once_one_builds_and_the_other_says_so(built: tuple[Path, dict[str, str]]) -> None:
    root, before = built
    first = start(root, "build")
    try:
        assert until(120, lambda: bool(scratch(root)) or first.poll() is not None)
        second = subprocess.run([sys.executable, "-m", "goldenthread", "--root", str(root), "build"],
                                capture_output=True, text=True, timeout=60)
    finally:
        _, errors = first.communicate(timeout=300)
    assert first.returncode == 0, errors
    assert second.returncode == 2
    assert "another build of this checkout is running" in second.stderr
    assert digest(root / "site") == before and not leftovers(root)


def _serving(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _previews(pid: int) -> set[Path]:
    """The folders of the preview run by process pid."""
    import tempfile

    return set(Path(tempfile.gettempdir()).glob(f"goldenthread-serve-{pid}-*"))


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=lambda s: s.name)
def test_a_stopped_preview_leaves_nothing_running(built: tuple[Path, dict[str, str]],
                                                  stop: signal.Signals) -> None:
    import socket

    root, _ = built
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    preview = start(root, "serve", "--dev-addr", f"127.0.0.1:{port}")
    try:
        assert until(120, lambda: _serving(port) or preview.poll() is not None, every=0.1)
        assert preview.poll() is None
        mine = _previews(preview.pid)
        assert len(mine) == 1
        stop_and_wait(preview, stop)
    finally:
        kill_session(preview)
    if stop != signal.SIGKILL:
        assert not _previews(preview.pid), "a stopped preview removes its folder"
    else:  # the next preview removes what a killed one left
        from goldenthread.mkdocs_plugin.server import _remove_stale_previews

        _remove_stale_previews()
        assert not _previews(preview.pid)
