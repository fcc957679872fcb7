"""Benchmark (not a test): the edit loop, as an editor meets it.

`goldenthread serve` runs on the shipped content and on a synthetic catalogue of 10,000
titles (500 entries). For each kind of source (a title, an entry, its .bib, a vocabulary,
a hand-written page) a change is saved and the clock runs until the served page that shows
it (fetched over HTTP, as the reloading browser fetches it) contains the change. Each save
flips the text back and forth, so every save is a real change; between saves the preview
is given a second to finish in the background. Medians (and the slowest) of --runs saves.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_bench import prepare
from synthetic import write_repository

from goldenthread.generate.pages import OWNED

REPO = Path(__file__).resolve().parents[1]
COPIED = ("docs", "library", "research", "mkdocs.yml")

# kind -> (source, text, other text, page that shows it), for the shipped content
SHIPPED = {
    "a title": ("library/titles/make-it-stick.yaml", "title: Make It Stick\n",
                "title: Make It Stick Again\n", "library/make-it-stick/"),
    "an entry": ("research/2025/retrieval-practice-in-year-4.md", "weekly low-stakes quiz",
                 "weekly low-stakes test", "research/2025/retrieval-practice-in-year-4/"),
    "its .bib": ("research/2025/retrieval-practice-in-year-4.bib", "memory tests improves",
                 "memory quizzes improves", "research/2025/retrieval-practice-in-year-4/"),
    "a vocabulary": ("library/topics.yaml", "name: Cognitive science\n", "name: Cognitive sciences\n",
                     "library/make-it-stick/"),
    "a hand-written page": ("docs/support.md", "\n", "\nA sentence added in the preview.\n", "support/"),
}
SYNTHETIC = {
    "a title": ("library/titles/synthetic-5000.yaml", "title: Synthetic Title 5000 on",
                "title: Synthetic Title 5000 Edited on", "library/synthetic-5000/"),
    "an entry": ("research/2024/entry-0.md", "title: Synthetic entry 0\n",
                 "title: Synthetic entry 0 edited\n", "research/2024/entry-0/"),
    "its .bib": ("research/2024/entry-0.bib", "title = {A Book}", "title = {A Better Book}",
                 "research/2024/entry-0/"),
    "a vocabulary": ("library/topics.yaml", "name: Leadership\n", "name: Leadership and management\n",
                     "library/synthetic-5000/"),  # one of the topics of about 2,900 titles, this one's
    "a hand-written page": ("docs/support.md", "\n", "\nA sentence added in the preview.\n", "support/"),
}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _shown(text: str) -> str:
    """What of a change a page shows (the value, without its field name)."""
    return text.split(":", 1)[-1].split("=", 1)[-1].strip(" {}\n")


def measure(root: Path, edits: dict[str, tuple[str, str, str, str]], runs: int) -> dict[str, list[float]]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    log = root / "serve.log"
    with log.open("w") as errors:
        server = subprocess.Popen([sys.executable, "-m", "goldenthread", "--root", str(root), "serve",
                                   "--dev-addr", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL,
                                  stderr=errors)
    try:
        started = time.perf_counter()
        while not _fetch(base):
            if server.poll() is not None or time.perf_counter() - started > 900:
                raise SystemExit(f"the preview did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.5)
        print(f"  (the preview started in {time.perf_counter() - started:.0f} s)", file=sys.stderr)
        times: dict[str, list[float]] = {}
        for kind, (source, one, other, page) in edits.items():
            file = root / source
            original = file.read_text("utf-8")
            assert one in original, (source, one)
            times[kind] = []
            for run in range(runs):
                old, new = (one, other) if run % 2 == 0 else (other, one)
                text = file.read_text("utf-8").replace(old, new, 1)
                marker = _shown(new) if _shown(new) else new.strip()
                saved = time.perf_counter()
                file.write_text(text, "utf-8")
                while marker not in _fetch(base + page):
                    if time.perf_counter() - saved > 120:
                        raise SystemExit(f"{kind}: the change never reached {page}")
                    time.sleep(0.01)
                times[kind].append(time.perf_counter() - saved)
                time.sleep(1.0)
            file.write_text(original, "utf-8")
            time.sleep(1.0)
        return times
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
            raise SystemExit("the preview did not stop within 30 s of SIGTERM") from None


def shipped_copy(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            generated = OWNED if name == "docs" else ()
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", *generated))
        else:
            shutil.copy(source, target / name)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", nargs="+", default=["shipped", "10000"],
                        help="'shipped' and/or numbers of synthetic titles")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")
    kinds = list(SHIPPED)
    print("| content | " + " | ".join(kinds) + " |")
    print("|---|" + "---:|" * len(kinds), flush=True)
    with tempfile.TemporaryDirectory() as scratch:
        for size in args.sizes:
            if size == "shipped":
                root, edits = shipped_copy(Path(scratch) / "shipped"), SHIPPED
                label = "shipped (188 titles)"
            else:
                titles = int(size)
                root = prepare(write_repository(Path(scratch) / f"r{titles}", titles, titles // 20))
                edits, label = SYNTHETIC, f"{titles:,} titles"
            times = measure(root, edits, args.runs)
            cells = [f"{statistics.median(times[k]):.2f} s (max {max(times[k]):.2f})" for k in kinds]
            print(f"| {label} | " + " | ".join(cells) + " |", flush=True)
    print(f"\nSave to served page showing the change, median of {args.runs} saves (slowest in brackets).")


if __name__ == "__main__":
    main()
