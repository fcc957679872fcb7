"""Benchmark (not a test): `goldenthread validate` against libyaml's parse alone of the same files.

For 150, 1,000 and 10,000 synthetic titles (bench/synthetic.py), each run is a fresh process:

- validate: `python -m goldenthread --root R validate`, as a user runs it (worker processes
  for the catalogue records past validation.PARALLEL_FROM, on every core);
- validate in one process: the same command with the workers turned off (PARALLEL_FROM
  raised), which says what validate costs on one core;
- parse alone: bench/parse_alone.py, `yaml.load(..., Loader=yaml.CSafeLoader)` over every
  YAML source validate reads and every entry's front matter, in one process; a fresh
  process too, so both pay Python's start-up. It also reports its own time without
  start-up (the "in-process" column).

Python's bytecode for the package is compiled first (`compileall`), as an installed package
has it: where PYTHONDONTWRITEBYTECODE is set (as on the development machine) every run would
otherwise compile goldenthread's modules from source, which the parse's `import yaml`, from
site-packages, never does. The three are run in turn, round after round, so that load from
other work on the machine falls on each alike. Prints a Markdown table of medians and
minimums, and validate's ratio to the parse (median to median, minimum to minimum).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from synthetic import write_repository  # noqa: E402

ONE_PROCESS = ("import sys, goldenthread.validation as v; v.PARALLEL_FROM = 10**9; "
               "from goldenthread.cli import main; sys.exit(main(sys.argv[1:]))")


def commands(root: Path) -> dict[str, list[str]]:
    return {
        "validate": [sys.executable, "-m", "goldenthread", "--root", str(root), "validate"],
        "one process": [sys.executable, "-c", ONE_PROCESS, "--root", str(root), "validate"],
        "parse": [sys.executable, str(HERE / "parse_alone.py"), str(root)],
    }


def run(command: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{command} failed on synthetic content:\n{done.stdout[:2000]}{done.stderr[:2000]}")
    return seconds, done.stdout


def measure(root: Path, runs: int) -> dict[str, list[float]]:
    todo = commands(root)
    times: dict[str, list[float]] = {name: [] for name in [*todo, "in-process"]}
    for command in todo.values():
        run(command)  # warm the page cache, as a second run by a user would
    for _ in range(runs):
        for name, command in todo.items():
            seconds, output = run(command)
            times[name].append(seconds)
            if name == "parse":
                times["in-process"].append(float(output.split()[-1]))
    return times


def compile_package() -> None:
    """Bytecode for the goldenthread the runs import (PYTHONPATH may point at another copy)."""
    where = subprocess.run([sys.executable, "-c", "import goldenthread, os; "
                            "print(os.path.dirname(goldenthread.__file__))"],
                           capture_output=True, text=True, check=True).stdout.strip()
    subprocess.run([sys.executable, "-m", "compileall", "-q", where], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[150, 1000, 10000])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    compile_package()
    print(f"Each cell: median / minimum of {args.runs} fresh processes (seconds).\n")
    print("| titles | entries | validate | validate, one process | parse alone | parse alone, "
          "in-process | validate / parse | one process / parse |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as scratch:
        for titles in args.sizes:
            entries = max(8, titles // 20)
            root = write_repository(Path(scratch) / f"r{titles}", titles, entries)
            times = measure(root, args.runs)
            med = {name: statistics.median(values) for name, values in times.items()}
            low = {name: min(values) for name, values in times.items()}
            cells = [f"{med[name]:.2f} / {low[name]:.2f}"
                     for name in ("validate", "one process", "parse", "in-process")]
            ratios = [f"{med[name] / med['parse']:.2f}x / {low[name] / low['parse']:.2f}x"
                      for name in ("validate", "one process")]
            print(f"| {titles:,} | {entries:,} | {' | '.join(cells)} | {' | '.join(ratios)} |",
                  flush=True)


if __name__ == "__main__":
    main()
