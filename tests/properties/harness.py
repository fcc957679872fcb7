"""Running `goldenthread validate` on one example, and what every run must satisfy.

Hypothesis runs a test body many times inside one pytest test, so function-scoped
fixtures (tmp_path, repo) would be shared by every example. Each example builds its
own repository instead (about a millisecond) with tests.conftest.build_repo.
"""

from __future__ import annotations

import io
import json
import re
import signal
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import FrameType
from typing import Any, get_args

from goldenthread.cli import main
from goldenthread.codes import Level, level_of

from ..conftest import build_repo

# One validation of the small repository takes a few milliseconds; anything near these
# limits is a hang or a blow-up, not a slow machine.
SECONDS = 15.0       # asserted after each run: a bound against hangs, not a benchmark
HANG_SECONDS = 20.0  # a watchdog interrupts a run that never returns
KEYS = {"path", "line", "col", "level", "code", "message"}
CODE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

TITLE = "library/titles/x.yaml"
FIXTURE_TITLE = "library/titles/make-it-stick.yaml"
ENTRY = "research/2025/x.md"
FIXTURE_ENTRY = "research/2025/valid-entry.md"
FIXTURE_BIB = "research/2025/valid-entry.bib"
TOPICS = "library/topics.yaml"


class Hung(Exception):
    """Raised inside a validation that ran past HANG_SECONDS."""


@contextmanager
def watchdog(seconds: float = HANG_SECONDS) -> Iterator[None]:
    """Interrupt the block after `seconds` (SIGALRM, so only in the main thread)."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield  # pragma: no cover - not POSIX, or a plugin running tests in threads
        return

    def alarm(signum: int, frame: FrameType | None) -> None:
        raise Hung(f"validate did not return within {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def fresh_repo() -> Iterator[Path]:
    """A new copy of the valid fixture repository for one example."""
    with tempfile.TemporaryDirectory(prefix="gt-property-") as folder:
        yield build_repo(Path(folder) / "repo")


def put(root: Path, relative: str, content: str | bytes) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


@dataclass
class Outcome:
    code: int
    problems: list[dict[str, Any]]
    seconds: float  # wall-clock time of the validation
    cpu: float      # its processor time: what other jobs on the machine barely change

    def on(self, path: str) -> list[dict[str, Any]]:
        return [p for p in self.problems if p["path"] == path]

    def codes(self, path: str | None = None) -> set[str]:
        return {p["code"] for p in self.problems if path is None or p["path"] == path}


def run_validate(root: Path, sample: int | None = None) -> Outcome:
    """`goldenthread --root ROOT validate --format json`, in-process, checked for sanity
    (of every problem, or of the first and last `sample` when there are very many)."""
    out, err = io.StringIO(), io.StringIO()
    start, start_cpu = time.perf_counter(), time.process_time()
    with watchdog(), redirect_stdout(out), redirect_stderr(err):
        code = main(["--root", str(root), "validate", "--format", "json"])
    seconds, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    assert seconds < SECONDS, f"validate took {seconds:.2f} s"
    assert code in (0, 1), f"exit code {code}; stderr: {err.getvalue()}"
    problems = json.loads(out.getvalue())
    assert isinstance(problems, list)
    assert_well_formed(root, problems if sample is None or len(problems) <= 2 * sample
                       else problems[:sample] + problems[-sample:])
    errors = [p for p in problems if p["level"] == "error"]
    assert code == (1 if errors else 0), f"exit {code} with problems {problems}"
    return Outcome(code, problems, seconds, cpu)


def _lines(raw: bytes) -> list[bytes]:
    """The file's lines as git and GitHub count them: split on \\n; a final \\n ends
    the last line rather than starting an empty one."""
    lines = raw.split(b"\n")
    if lines[-1] == b"" and len(lines) > 1:
        lines.pop()
    return lines


def assert_well_formed(root: Path, problems: list[dict[str, Any]]) -> None:
    """Every problem names an existing file, a line and column inside it, a code, a message."""
    cache: dict[str, list[bytes] | None] = {}
    for problem in problems:
        assert set(problem) == KEYS, problem
        path, line, col = problem["path"], problem["line"], problem["col"]
        assert isinstance(path, str) and path, problem
        pure = PurePosixPath(path)
        assert not pure.is_absolute() and ".." not in pure.parts, problem
        assert (root / path).exists(), problem
        assert type(line) is int and line >= 1, problem
        assert type(col) is int and col >= 1, problem
        assert problem["level"] in get_args(Level), problem  # error, warning or notice (advice)
        assert problem["level"] == level_of(problem["code"], "validate"), problem
        assert isinstance(problem["code"], str) and CODE.match(problem["code"]), problem
        assert isinstance(problem["message"], str) and problem["message"].strip(), problem
        if path not in cache:
            cache[path] = _lines((root / path).read_bytes()) if (root / path).is_file() else None
        lines = cache[path]
        if lines is None:
            assert (line, col) == (1, 1), problem
            continue
        # The end of the file counts as the line after the last (an unclosed bracket).
        assert line <= len(lines) + 1, f"line {line} but the file has {len(lines)} lines: {problem}"
        text = lines[line - 1] if line <= len(lines) else b""
        width = max(len(text), len(text.decode("utf-8", "replace")))
        assert col <= width + 1, f"column {col} but line {line} is {width} long: {problem}"
    keys = [(p["path"], p["line"]) for p in problems]
    assert keys == sorted(keys), "problems are not sorted by path then line"
