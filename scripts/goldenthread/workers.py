"""Worker processes that never outlive the process that started them.

A forked worker holds copies of its parent's pipes, so a worker whose parent was killed
(kill -9, an out-of-memory kill) would wait on a pipe for ever. Each worker here asks the
kernel to kill it when its parent dies (Linux), and watches its parent otherwise; it
ignores Ctrl-C, which the terminal sends to every process of the command, so that only
the parent decides how the work stops.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

_PR_SET_PDEATHSIG = 1


def end_with_parent(parent: int) -> None:
    """End this process as soon as `parent` (the process that started it) ends."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the kernel was asked
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), daemon=True, name="watch-parent").start()


def _watch(parent: int) -> None:
    """Where the kernel cannot be asked (macOS): a parent that ends leaves this one adopted."""
    while os.getppid() == parent:
        time.sleep(0.25)
    os._exit(1)


def _start(parent: int, initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    end_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if initializer is not None:
        initializer(*initargs)


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """Forked workers where the system can fork (see forked_pool), spawned ones elsewhere."""
    return forked_pool(workers) if can_fork() else ProcessPoolExecutor(workers)


def forked_pool(workers: int, initializer: Callable[..., None] | None = None,
                initargs: tuple[Any, ...] = ()) -> ProcessPoolExecutor:
    """A pool of forked workers (they inherit this process's memory: initargs are not
    pickled) that end when this process ends, however it ends."""
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_start, initargs=(os.getpid(), initializer, initargs))


def stop_workers() -> None:
    """Kill every worker this process started and has not yet joined (on an interruption:
    a pool's shutdown would wait for the task in hand)."""
    for child in multiprocessing.active_children():
        child.kill()
    for child in multiprocessing.active_children():
        child.join(1)
