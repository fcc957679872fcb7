"""validate's three ways of loading and checking the catalogue records give the same answer:
in this process (few records), in worker processes while this process checks the rest, and
in this process taking the chunks no worker has started. The answer is every problem and,
for a build, every record's data; the ISBN's position is kept for duplicates."""

from __future__ import annotations

import os
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

from goldenthread import validation, workers
from goldenthread.validation import Validation, validate

from .conftest import VALID_TITLE, build_repo

# (file name, content): records with a fault each, beside valid ones; and one pair sharing an ISBN
FAULTY = [
    ("bad-isbn.yaml", VALID_TITLE.replace('"9780674729018"', '"9780674729019"')),
    ("unknown-topic.yaml", VALID_TITLE.replace("[cognitive-science]", "[no-such-topic]")),
    ("not-yaml.yaml", VALID_TITLE.replace("title: Make It Stick", "title: [Make It Stick")),
    ("empty.yaml", ""),
    ("Bad_Name.yaml", VALID_TITLE.replace('"9780674729018"', '"9780143127741"')),
    ("no-year.yaml", VALID_TITLE.replace("year: 2014\n", "").replace('"9780674729018"', '"9780241257548"')),
    ("escaped-control.yaml", VALID_TITLE.replace("title: Make It Stick", 'title: "Make \\e It Stick"')),
    ("raw-control.yaml", VALID_TITLE.replace("Make It Stick", "Make \x07It Stick")),
    ("not-utf8.yaml", VALID_TITLE.encode("utf-8").replace(b"Stick", b"St\xffck")),
]


def _repository(root: Path, valid: int = 30) -> Path:
    build_repo(root)
    titles = root / "library" / "titles"
    for number in range(valid):
        isbn = f"979{number:09d}"
        check = (10 - sum((1 if i % 2 == 0 else 3) * int(c) for i, c in enumerate(isbn)) % 10) % 10
        (titles / f"valid-{number}.yaml").write_text(
            VALID_TITLE.replace('"9780674729018"', f'"{isbn}{check}"'), "utf-8")
    for name, content in FAULTY:
        path = titles / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, "utf-8")
    return root


def _answer(result: Validation) -> tuple[list[Any], list[Any]]:
    titles = [(title.path, title.document.data if title.document else None,
               title.document.where(("isbn",)) if title.document else None)
              for title in result.sources.titles]
    return result.problems, titles


class _NeverStarted:
    """A pool whose workers never start a chunk: this process must take every one."""

    def __init__(self, count: int) -> None:
        self.submitted = 0

    def __enter__(self) -> _NeverStarted:
        return self

    def __exit__(self, *_: object) -> None:
        return None

    def submit(self, *_: object) -> Future[Any]:
        self.submitted += 1
        return Future()  # pending for ever, unless cancelled


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    return _repository(tmp_path / "repo")


@pytest.mark.parametrize("keep_data", [True, False])
def test_workers_give_what_one_process_gives(repository: Path, keep_data: bool,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    alone = validate(repository, keep_data=keep_data)
    monkeypatch.setattr(validation, "PARALLEL_FROM", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert _answer(validate(repository, keep_data=keep_data)) == _answer(alone)
    codes = {problem.code for problem in alone.problems}
    assert {"isbn-checksum", "unknown-topic", "yaml-syntax", "empty-file", "bad-id", "missing-field",
            "control-character", "not-utf8", "duplicate-isbn"} <= codes, codes


def test_this_process_takes_the_chunks_no_worker_started(repository: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    alone = validate(repository)
    pools: list[_NeverStarted] = []

    def pool(count: int) -> _NeverStarted:
        pools.append(_NeverStarted(count))
        return pools[-1]

    monkeypatch.setattr(validation, "PARALLEL_FROM", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(workers, "worker_pool", pool)
    assert _answer(validate(repository)) == _answer(alone)
    assert pools and pools[0].submitted > 1  # there were chunks to take, and all were taken here


def test_a_linked_records_folder_is_refused_at_every_record(tmp_path: Path) -> None:
    """The records' folder is looked at once for many records: when it is a link, every
    record in it is refused, as when each record's whole path was looked at."""
    root = _repository(tmp_path / "repo", valid=3)
    (root / "library" / "titles").rename(tmp_path / "elsewhere")
    (root / "library" / "titles").symlink_to(tmp_path / "elsewhere")
    result = validate(root)
    refused = {problem.path for problem in result.problems if problem.code == "source-not-file"}
    assert refused >= {f"library/titles/{name}" for name in os.listdir(tmp_path / "elsewhere")}
    assert all(title.document is None for title in result.sources.titles)
