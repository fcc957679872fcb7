"""One executor for the work that runs beside MkDocs.

MkDocs renders on one core. The build hands its other steps (the titles' pages, the PDFs
and exports, the search index, the audit) to an executor as they become possible, and
waits on a step's future only where MkDocs needs what it makes:

- `Forked`: one worker process, forked once the sources are loaded, so it inherits them
  (nothing but each step's arguments and result is pickled). Steps run in the order they
  are handed over. It ends with the build, however the build ends (workers.py).
- `InTurn`: each step runs when it is handed over, here (Windows, which cannot fork; one
  core; or GOLDENTHREAD_SERIAL=1). The same steps, the same bytes.

A step is a module-level function whose first argument is the state both share (the
session's `Work`): `executor.submit(write_titles, uris)` runs `write_titles(work, uris)`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Concatenate, Generic, ParamSpec, Protocol, TypeVar

from ..problems import GoldenThreadError
from ..workers import can_fork, forked_pool, stop_workers

SERIAL = "GOLDENTHREAD_SERIAL"

W = TypeVar("W")
W_co = TypeVar("W_co", covariant=True)
P = ParamSpec("P")
R = TypeVar("R")


class WorkerFailed(GoldenThreadError):
    """The worker process stopped without finishing a step (killed, or out of memory)."""


class Executor(Protocol[W_co]):
    how: str  # for --timings

    def submit(self, step: Callable[Concatenate[W_co, P], R],
               *args: P.args, **kwargs: P.kwargs) -> Future[R]: ...
    def close(self) -> None: ...


class InTurn(Generic[W]):
    """Each step runs as it is handed over; its future is already done."""

    how = "in turn"

    def __init__(self, work: W) -> None:
        self.work = work

    def submit(self, step: Callable[Concatenate[W, P], R], *args: P.args, **kwargs: P.kwargs) -> Future[R]:
        future: Future[R] = Future()
        try:
            future.set_result(step(self.work, *args, **kwargs))
        except BaseException as error:
            future.set_exception(error)
        return future

    def close(self) -> None:
        pass


_WORK: Any = None  # in the worker process only: the state it inherited (set once, by _adopt)


def _adopt(work: object) -> None:
    global _WORK
    _WORK = work


def _run(step: Callable[..., R], *args: Any, **kwargs: Any) -> R:
    return step(_WORK, *args, **kwargs)


class Forked(Generic[W]):
    """The steps in one forked worker process, in the order they were handed over."""

    how = "beside it, in a worker process"

    def __init__(self, work: W) -> None:
        self._pool = forked_pool(1, _adopt, (work,))
        self._last: Future[Any] | None = None

    def submit(self, step: Callable[Concatenate[W, P], R], *args: P.args, **kwargs: P.kwargs) -> Future[R]:
        future: Future[R] = self._pool.submit(_run, step, *args, **kwargs)  # type: ignore[arg-type]
        self._last = future
        return future

    def close(self) -> None:
        """Once every step is done, the worker ends; a build that stops early kills it."""
        if self._last is not None and not self._last.done():
            stop_workers()
        self._pool.shutdown(wait=True, cancel_futures=True)


def outcome(future: Future[R]) -> R:
    """A step's result, waiting for it; a worker that died is said to have died."""
    try:
        return future.result()
    except BrokenProcessPool:
        raise WorkerFailed("the build's worker process stopped before its work was done "
                           "(killed, or out of memory)") from None


def executor_for(work: W) -> Executor[W]:
    """A worker process where this system can fork and has a second core, in turn otherwise."""
    if can_fork() and (os.cpu_count() or 1) > 1 and not os.environ.get(SERIAL):
        return Forked(work)
    return InTurn(work)
