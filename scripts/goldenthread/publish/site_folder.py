"""The site folder: one build at a time, a fresh folder beside it, an atomic swap, and
nothing left behind by a build that was killed.

A build holds a lock file beside site/ (`.site.lock`) for as long as it runs; the kernel
releases it when the process ends, however it ends. A second build in the same checkout
is refused while the lock is held, and a build that holds it first removes what a killed
build left: its fresh folder (`.site.build-*`), or the old site it was replacing
(`.site.old-*`, put back if site/ itself is missing).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from ..problems import GoldenThreadError


class BuildRunning(GoldenThreadError):
    """Another build of this checkout holds the lock."""


def lock_path(site: Path) -> Path:
    return site.parent / f".{site.name}.lock"


@contextlib.contextmanager
def build_lock(site: Path, wait: bool = False) -> Iterator[None]:
    """Hold the checkout's build lock (waiting for it with wait; refusing otherwise)."""
    path = lock_path(site)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666)
    try:
        if not _lock(handle, wait):
            holder = os.read(handle, 200).decode("utf-8", "replace").strip()
            raise BuildRunning(
                f"another build of this checkout is running ({holder or 'see ' + path.name}): wait for it "
                "to finish, or stop it, then build again; site/ is left as that build leaves it")
        os.ftruncate(handle, 0)
        os.write(handle, f"process {os.getpid()}\n".encode())
        yield
    finally:
        os.close(handle)  # closing releases the lock


def _lock(handle: int, wait: bool) -> bool:
    if sys.platform == "win32":  # pragma: no cover - Windows
        import msvcrt

        try:
            msvcrt.locking(handle, msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _leftovers(site: Path, kind: str) -> list[Path]:
    return sorted(site.parent.glob(f".{site.name}.{kind}-*"))


def remove_leftovers(site: Path) -> None:
    """What a killed build left beside site/ (call it holding the lock)."""
    old = _leftovers(site, "old")
    if old and not site.exists():
        old.pop().rename(site)  # killed between the two renames of a swap: the old site stays
    for path in [*old, *_leftovers(site, "build")]:
        shutil.rmtree(path, ignore_errors=True)


def new_scratch(site: Path) -> Path:
    """A fresh folder beside site/, readable as site/ will be."""
    scratch = Path(tempfile.mkdtemp(prefix=f".{site.name}.build-", dir=site.parent))
    try:
        umask = os.umask(0)
        os.umask(umask)
        scratch.chmod(0o777 & ~umask)  # mkdtemp makes 0700; site/ must be readable by a web server
    except BaseException:
        scratch.rmdir()
        raise
    return scratch


def discard(scratch: Path, seconds: float = 1.0) -> None:
    """Remove a build's folder, for at most `seconds`: an interrupted build must end soon, and
    the next build removes whatever is left."""
    remover = threading.Thread(target=shutil.rmtree, args=(scratch, True), daemon=True)
    remover.start()
    remover.join(seconds)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except AttributeError:
        return False
    at_cwd, exchange = -100, 2
    if renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(first))


def swap_in(built: Path, site: Path) -> None:
    """Put built/ in the place of site/, at once where the system can (else with two renames,
    which remove_leftovers mends if a kill falls between them); then remove the old site."""
    if site.exists() and _exchange(built, site):
        shutil.rmtree(built, ignore_errors=True)  # built/ now holds the old site
        return
    old = None
    if site.exists():
        old = site.with_name(f".{site.name}.old-{os.getpid()}")
        site.rename(old)
    built.rename(site)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
