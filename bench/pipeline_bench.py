"""Benchmark (not a test): the whole pipeline at 150, 1,000 and 10,000 synthetic titles.

`make bench` runs this. For each size (entries in proportion, 1 per 20 titles, over three
years) it reports medians of --runs runs:

- validate and generate (in this process; generation from a clean docs/, as on a fresh clone);
- `goldenthread build` end to end in a fresh process, from a clean docs/ (as CI runs it),
  with its own step timings (`--timings`);
- the bare MkDocs build of the same generated pages (`mkdocs build`, also a fresh process,
  with mkdocs.yml's settings but without the goldenthread plugin: bench/bare_hook.py keeps
  the pages out of Material's search index, as the plugin does), run straight after each of
  ours so both see the same machine; and our overhead over it;
- one year's PDF (`goldenthread pdf`, a fresh process);
- the site's size, the search index's size (gzip, each file as served), and the bytes
  (gzip) a reader downloads for the home page, a title page, the catalogue and the first
  search, measured in Chromium through a gzip server when Chromium is present (from the
  HTML and the CSS/JS it names otherwise).

Runs are interleaved (ours, then bare) so that a busy machine slows both alike. The table
is Markdown; --json adds the raw numbers.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_bench import SURNAMES, first_search, gzip_server, index_bytes, launch, prepare
from synthetic import write_repository

GENERATED = ("framework", "library", "research", "search-index")  # docs/ folders the tool owns
EPOCH = "1767225600"


def _timed(step: Callable[[], object]) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def _run(command: list[str], env: dict[str, str] | None = None) -> str:
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **(env or {})})
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    return done.stderr


def _clean(root: Path) -> None:
    for folder in GENERATED:
        shutil.rmtree(root / "docs" / folder, ignore_errors=True)


def bare_config(root: Path) -> Path:
    """mkdocs.yml without the goldenthread plugin, for MkDocs alone on the generated pages."""
    config = root / "mkdocs-bare.yml"
    hook = Path(__file__).resolve().parent / "bare_hook.py"
    config.write_text(f"INHERIT: mkdocs.yml\nplugins:\n  - search\n  - tags\nhooks:\n  - {hook}\n", "utf-8")
    return config


def _static_bytes(site: Path, page: Path) -> int:
    """Gzip bytes of a page and the CSS/JS it names (no browser: no fetches made by scripts)."""
    html = page.read_text("utf-8")
    total = len(gzip.compress(html.encode(), 6))
    for ref in re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', html):
        asset = (page.parent / ref).resolve()
        if asset.is_file() and site.resolve() in asset.parents:
            total += len(gzip.compress(asset.read_bytes(), 6))
    return total


def _browser_bytes(browser: Any, base: str, path: str) -> int:
    """Bytes (gzip, with headers) a fresh browser fetches to open a page, until the network is idle."""
    context = browser.new_context()
    try:
        page = context.new_page()
        responses: list[Any] = []
        page.on("response", lambda response: responses.append(response))
        page.goto(base + path, wait_until="networkidle")
        return sum(r.request.sizes()["responseBodySize"] + r.request.sizes()["responseHeadersSize"]
                   for r in responses)
    finally:
        context.close()


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _steps(stderr: str) -> dict[str, float]:
    """`build --timings` lines ("    0.78 s  validate and generate the pages") by step."""
    return {m.group(2): float(m.group(1)) for m in re.finditer(r"^\s*([\d.]+) s  (.+)$", stderr, re.M)}


def measure(titles: int, runs: int, scratch: Path, browser: Any) -> dict[str, Any]:
    from goldenthread.publish.generation import generate_pages
    from goldenthread.validation import validate

    entries = max(8, titles // 20)
    root = prepare(write_repository(scratch / f"r{titles}", titles, entries))
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    if validate(root).problems:
        raise SystemExit(f"the synthetic content is invalid: {validate(root).problems[:5]}")
    r: dict[str, Any] = {"titles": titles, "entries": entries}
    r["validate"] = statistics.median(_timed(lambda: validate(root)) for _ in range(runs))
    generate = []
    for _ in range(runs):
        _clean(root)
        generate.append(_timed(lambda: generate_pages(root)))
    r["generate"] = statistics.median(generate)

    ours, bare, steps = [], [], []
    tool = [sys.executable, "-m", "goldenthread", "--root", str(root)]
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(bare_config(root)),
              "-d", str(scratch / f"bare{titles}")]
    for _ in range(runs):
        _clean(root)
        started = time.perf_counter()
        steps.append(_steps(_run([*tool, "build", "--timings"])))
        ours.append(time.perf_counter() - started)
        bare.append(_timed(lambda: _run(mkdocs, {"NO_MKDOCS_2_WARNING": "1"})))
    r["build"], r["mkdocs"] = statistics.median(ours), statistics.median(bare)
    r["overhead"] = r["build"] / r["mkdocs"] - 1  # of the medians; each run's pair in "pairs"
    r["pairs"] = list(zip(ours, bare, strict=True))
    r["steps"] = {name: statistics.median(s[name] for s in steps) for name in steps[0]}
    year = min(int(p.name) for p in (root / "research").iterdir() if p.name.isdigit())
    pdf = scratch / f"out{titles}.pdf"
    r["pdf"] = statistics.median(_timed(lambda: _run([*tool, "pdf", str(year), "-o", str(pdf)]))
                                 for _ in range(runs))

    site = root / "site"
    r["site_mb"] = _size(site) / 1e6
    r["index_files"], _, packed = index_bytes(site)
    r["index_kb"] = packed / 1e3
    title = "library/synthetic-0/"
    pages = {"home": "", "title": title, "catalogue": "library/"}
    if browser is None:
        for name, path in pages.items():
            r[f"{name}_kb"] = _static_bytes(site, site / path / "index.html") / 1e3
        r["search_kb"] = float("nan")
        r["measured_in"] = "HTML + CSS/JS"
    else:
        server, base = gzip_server(site)
        try:
            for name, path in pages.items():
                r[f"{name}_kb"] = _browser_bytes(browser, base, path) / 1e3
            searches = [first_search(browser, base, surname) for surname in SURNAMES]
        finally:
            server.shutdown()
        r["search_kb"] = statistics.median(s.transferred for s in searches) / 1e3
        r["search_ms"] = statistics.median(s.after_typing for s in searches)
        r["measured_in"] = "Chromium"
    return r


HEADER = ("| titles | entries | validate (s) | generate (s) | bare MkDocs (s) | `goldenthread build` (s) "
          "| overhead | PDF of one year (s) | site (MB) | search index (files, KB gz) | home (KB gz) "
          "| title page (KB gz) | catalogue (KB gz) | first search (KB gz) |")


def row(r: dict[str, Any]) -> str:
    return (f"| {r['titles']:,} | {r['entries']:,} | {r['validate']:.2f} | {r['generate']:.2f} | "
            f"{r['mkdocs']:.1f} | {r['build']:.1f} | {r['overhead']:+.1%} | {r['pdf']:.2f} | "
            f"{r['site_mb']:.1f} | {r['index_files']:,}, {r['index_kb']:,.0f} | {r['home_kb']:.0f} | "
            f"{r['title_kb']:.0f} | {r['catalogue_kb']:.0f} | {r['search_kb']:.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[150, 1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the raw numbers here")
    args = parser.parse_args()
    print(HEADER)
    print("|" + "---:|" * 14, flush=True)
    results = []
    with tempfile.TemporaryDirectory() as scratch, _Browser() as browser:
        for titles in args.sizes:
            results.append(measure(titles, args.runs, Path(scratch), browser))
            print(row(results[-1]), flush=True)
    print(f"\nMedians of {args.runs} runs (overhead: of the medians); bytes as a fresh browser fetches "
          f"them ({results[0]['measured_in']}). Each run, `goldenthread build` then bare MkDocs (s):\n")
    for r in results:
        print(f"- {r['titles']:,}: " + "; ".join(f"{o:.2f} / {b:.2f}" for o, b in r["pairs"]))
    print("\n`goldenthread build`'s own steps (median seconds):\n")
    names = list(results[0]["steps"])
    print("| titles | " + " | ".join(names) + " |")
    print("|" + "---:|" * (len(names) + 1))
    for r in results:
        print(f"| {r['titles']:,} | " + " | ".join(f"{r['steps'][n]:.2f}" for n in names) + " |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), "utf-8")


class _Browser:
    """Chromium through Playwright when both are present; None otherwise."""

    def __enter__(self) -> Any:
        self._playwright = None
        try:
            from playwright.sync_api import sync_playwright

            self._manager = sync_playwright()
            self._playwright = self._manager.__enter__()
            return launch(self._playwright)
        except (ImportError, SystemExit) as why:
            print(f"(no browser: {why}; page bytes are HTML + CSS/JS, first search not measured)",
                  file=sys.stderr)
            return None

    def __exit__(self, *exc: object) -> None:
        if self._playwright is not None:
            self._manager.__exit__(*exc)


if __name__ == "__main__":
    main()
