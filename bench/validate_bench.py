"""Benchmark (not a test): wall time of `goldenthread validate` for 150, 1,000 and 10,000 titles.

Runs the installed command in a fresh process each time, as a user would, and prints
the median and range of several runs as a Markdown table.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_repository


def time_validate(root: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "goldenthread", "--root", str(root),
                               "validate"], capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"validate failed on synthetic content:\n{done.stdout[:2000]}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[150, 1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print("| titles | entries | median (s) | min (s) | max (s) |")
    print("|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as scratch:
        for titles in args.sizes:
            entries = max(8, titles // 20)
            root = write_repository(Path(scratch) / f"r{titles}", titles, entries)
            time_validate(root, 1)  # warm the page cache, as a second run by a user would
            times = time_validate(root, args.runs)
            print(f"| {titles:,} | {entries:,} | {statistics.median(times):.2f} | "
                  f"{min(times):.2f} | {max(times):.2f} |", flush=True)


if __name__ == "__main__":
    main()
