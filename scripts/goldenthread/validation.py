"""Load then check: the one entry point every command uses to validate a repository.

Catalogue records are many and independent, so each is loaded and checked on its own, in
worker processes when there are enough of them, while this process loads and checks
everything else (bench/validate_bench.py measures this against libyaml's parse alone).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from .check.image_files import check_image_files
from .check.settings import check_settings
from .check.sources import case_clashes, check_all_but_records, check_records_across, library_images
from .check.titles import check_title
from .check.vocabulary import Vocabularies, gather_vocabularies
from .load.repository import (
    RESEARCH,
    Sources,
    YamlFile,
    load_definitions,
    load_pages,
    load_research,
    load_title,
)
from .load.text import source_problem
from .load.yamldoc import Document
from .problems import Problem, sort_problems
from .settings import Settings, load_settings

# Worker processes pay for themselves only past this many records (measured: bench/).
PARALLEL_FROM = 400


@dataclass
class Validation:
    sources: Sources
    vocabularies: Vocabularies
    problems: list[Problem]
    settings: Settings = field(default_factory=Settings)  # what the run read of mkdocs.yml and trust.yaml

    @property
    def ok(self) -> bool:
        return not any(p.level == "error" for p in self.problems)


Loaded = tuple[YamlFile, list[Problem], list[Problem]]  # a record, problems reading it, checking it
# What a worker sends back of one record: its path; whether it could be read; its data (only
# the ISBN for `validate`) and the ISBN's position; the problems reading it, checking it.
# Plain values: unpickling 10,000 YamlFile and Document dataclasses took 0.11 s.
Shipped = tuple[str, bool, Any, "tuple[int, int] | None", list[Problem], list[Problem]]


def _slim(loaded: YamlFile, keep_data: bool, read: list[Problem], found: list[Problem]) -> Shipped:
    """What the parent needs of a checked record: its data (for a build) and the
    ISBN's position (for duplicates). Shipping every position back costs more than
    the parsing saved (measured: 17 MB of pickles, 0.76 s to unpickle at 10,000)."""
    document = loaded.document
    if document is None:
        return (loaded.path, False, None, None, read, found)
    data = document.data if keep_data or not isinstance(document.data, dict) else {
        key: value for key, value in document.data.items() if key == "isbn"}
    return (loaded.path, True, data, document.marks.get(("isbn",)), read, found)


def _unpack(shipped: Shipped) -> Loaded:
    path, readable, data, isbn, read, found = shipped
    if not readable:
        return (YamlFile(path, None), read, found)
    return (YamlFile(path, Document(path, data, {("isbn",): isbn} if isbn is not None else {})),
            read, found)


Stamp = tuple[int, int, int]  # a file's modification time (ns), size and inode


def file_stamp(path: Path) -> Stamp:
    try:
        found = path.stat()
    except OSError:
        return (0, -1, 0)
    return (found.st_mtime_ns, found.st_size, found.st_ino)


def _load_and_check(root: Path, paths: list[str], vocabularies: Vocabularies,
                    images: set[str], keep_data: bool) -> list[Shipped]:
    checked = []
    # Each folder on the records' way (library/titles) is looked at once, here, not again
    # for each record: the records themselves are each looked at before they are opened.
    folders: dict[str, str] = {}
    for path in paths:
        folder = path.rpartition("/")[0]
        if folder not in folders:
            folders[folder] = folder if folder and source_problem(root, folder) is None else ""
        loaded, read = load_title(root, path, folders[folder])
        checked.append(_slim(loaded, keep_data, read, check_title(loaded, vocabularies, images)))
    return checked


def _start_titles(stack: ExitStack, root: Path, paths: list[str], vocabularies: Vocabularies,
                  images: set[str], keep_data: bool) -> Callable[[], list[Loaded]]:
    """Start loading and checking the records; the function returned waits for them. In
    worker processes when there are enough, so that this process meanwhile does the rest
    (the entries, the pages); the pool is shut down when `stack` closes."""
    workers = min(os.cpu_count() or 1, 8)
    if len(paths) < PARALLEL_FROM or workers < 2:
        return lambda: list(map(_unpack, _load_and_check(root, paths, vocabularies, images, keep_data)))
    from .workers import worker_pool  # multiprocessing: only when there are enough records

    size = -(-len(paths) // (workers * 4))
    chunks = [paths[i:i + size] for i in range(0, len(paths), size)]
    pool = stack.enter_context(worker_pool(workers))
    futures = [pool.submit(_load_and_check, root, chunk, vocabularies, images, keep_data)
               for chunk in chunks]

    def wait() -> list[Loaded]:
        # This process has done its own part by now: rather than wait, it takes the chunks
        # no worker has started, from the last (the workers take them from the first).
        here: dict[int, list[Shipped]] = {}
        for index in reversed(range(len(futures))):
            if not futures[index].cancel():
                break  # started or done, and so is every chunk before it
            here[index] = _load_and_check(root, chunks[index], vocabularies, images, keep_data)
        return [_unpack(one) for index, future in enumerate(futures)
                for one in (here[index] if index in here else future.result())]

    return wait


def _titles(root: Path, paths: list[str], vocabularies: Vocabularies,
            images: set[str], keep_data: bool) -> list[Loaded]:
    with ExitStack() as stack:
        return _start_titles(stack, root, paths, vocabularies, images, keep_data)()


@dataclass
class _Record:
    stamp: Stamp
    loaded: Loaded
    against: object  # what it was checked against: the vocabularies' ids and the library's images


@dataclass
class TitleCache:
    """Each catalogue record as validate last loaded and checked it, for the preview: a
    record is read again only if its file changed, and checked again (without being read)
    only if what it is checked against changed."""

    records: dict[str, _Record] = field(default_factory=dict)

    def titles(self, root: Path, paths: list[str], vocabularies: Vocabularies,
               images: set[str]) -> list[Loaded]:
        against = (tuple((kind, tuple(sorted(ids))) for kind, ids in sorted(vocabularies.ids.items())
                         if kind != "title"), vocabularies.fields, frozenset(images))
        stamps = {path: file_stamp(root / path) for path in paths}
        changed = [path for path in paths
                   if path not in self.records or self.records[path].stamp != stamps[path]]
        for path, fresh in zip(changed, _titles(root, changed, vocabularies, images, True), strict=True):
            self.records[path] = _Record(stamps[path], fresh, against)
        for path in paths:
            record = self.records[path]
            title, read, _ = record.loaded
            data = title.document.data if title.document is not None else None
            if record.against != against or (isinstance(data, dict) and "library" in data):
                # checked against other vocabularies; or it names titles (`library:`), whose ids change
                record.loaded = (title, read, check_title(title, vocabularies, images))
                record.against = against
        for path in set(self.records) - set(paths):
            del self.records[path]
        return [self.records[path].loaded for path in paths]


def validate(root: Path, keep_data: bool = True, cache: TitleCache | None = None,
             settings: Settings | None = None) -> Validation:
    """Every source loaded, and every problem in them, sorted.

    keep_data=False keeps only what checking needs of each catalogue record (the
    `validate` command); a build needs the records' data. With a cache (the preview),
    only the catalogue records that changed since the last call are read again. Settings
    are read here unless the run has read them already (a build reads them first).
    """
    settings = settings or load_settings(root)
    sources = load_definitions(root)
    vocabularies, problems = gather_vocabularies(sources)
    images = library_images(root)
    with ExitStack() as stack:
        titles: Callable[[], list[Loaded]] = (
            partial(cache.titles, root, sources.title_paths, vocabularies, images) if cache is not None
            else _start_titles(stack, root, sources.title_paths, vocabularies, images, keep_data))
        # while the records are loaded and checked (in workers when there are many):
        load_research(root, sources)
        load_pages(root, sources)
        problems += check_all_but_records(sources, vocabularies)
        problems += case_clashes(sorted(images))
        problems += check_settings(root, settings)
        problems += check_image_files(root, images | {f"{RESEARCH}/{folder}/{name}"
                                                      for folder, names in sources.images.items()
                                                      for name in names})
        for loaded, read, found in titles():
            sources.titles.append(loaded)
            problems += read + found
    problems += sources.problems
    problems += check_records_across(sources)
    return Validation(sources, vocabularies, sort_problems(problems), settings)
