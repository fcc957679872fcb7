"""Benchmark (not a test): time to make one year's PDF for 10, 40 and 100 entries.

Times `goldenthread pdf YEAR` in a fresh process, as the research lead runs it, and
prints the median of several runs as a Markdown table.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 40, 100])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print("| entries | pages | median (s) | min (s) | max (s) | PDF size (KB) |")
    print("|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as scratch:
        for entries in args.sizes:
            root = write_repository(Path(scratch) / f"r{entries}", 150, entries, years=1)
            output = Path(scratch) / f"out{entries}.pdf"
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                done = subprocess.run([sys.executable, "-m", "goldenthread", "--root", str(root),
                                       "pdf", "2024", "-o", str(output)], capture_output=True, text=True)
                times.append(time.perf_counter() - start)
                if done.returncode != 0:
                    raise SystemExit(done.stdout + done.stderr)
            from pypdf import PdfReader

            pages = len(PdfReader(output).pages)
            print(f"| {entries} | {pages} | {statistics.median(times):.2f} | {min(times):.2f} | "
                  f"{max(times):.2f} | {output.stat().st_size // 1024} |", flush=True)


if __name__ == "__main__":
    main()
