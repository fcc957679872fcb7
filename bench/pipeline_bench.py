"""Benchmark (not a test): the whole pipeline at 150, 1,000 and 10,000 synthetic titles.

For each size (entries in proportion, 1 per 20 titles, over 3 years) it times each step
in-process (median of --runs): validate, generate the pages, the bare MkDocs build of those
pages, one year's PDF, the audit; then `goldenthread build` end to end in a fresh process.
It reports our overhead over the bare MkDocs build, the site's size, and the bytes (gzip)
a reader downloads for the home page and a title page.
"""

from __future__ import annotations

import argparse
import gzip
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_repository

REPO = Path(__file__).resolve().parents[1]


def _median(step: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _prepare(root: Path) -> None:
    """A synthetic repository also needs the site's own files: mkdocs.yml, pages, assets, hook."""
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("index.md", "support.md", "contributing.md", "accessibility.md"):
        shutil.copy(REPO / "docs" / name, root / "docs" / name)
    for folder in ("_text", "assets"):
        shutil.copytree(REPO / "docs" / folder, root / "docs" / folder)
    shutil.copytree(REPO / "scripts", root / "scripts", ignore=shutil.ignore_patterns("__pycache__"))


def _page_bytes(site: Path, page: Path) -> int:
    """Gzip bytes of a page and the CSS/JS it loads from the site (not images or fonts)."""
    html = page.read_text("utf-8")
    total = len(gzip.compress(html.encode(), 6))
    for ref in re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', html):
        asset = (page.parent / ref).resolve()
        if asset.is_file() and site.resolve() in asset.parents:
            total += len(gzip.compress(asset.read_bytes(), 6))
    return total


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure(titles: int, runs: int, scratch: Path) -> dict[str, float]:
    from goldenthread.assemble import assemble
    from goldenthread.audit.site import audit_site
    from goldenthread.publish.alongside import write_outputs
    from goldenthread.publish.generation import generate_pages
    from goldenthread.publish.mkdocs_build import build_site
    from goldenthread.publish.pdf import build_pdf
    from goldenthread.validation import validate

    entries = max(8, titles // 20)
    root = write_repository(scratch / f"r{titles}", titles, entries)
    _prepare(root)
    os.environ["SOURCE_DATE_EPOCH"] = "1767225600"
    result: dict[str, float] = {"titles": titles, "entries": entries}
    problems = validate(root).problems
    if problems:
        raise SystemExit(f"the synthetic content is invalid: {problems[:5]}")
    result["validate"] = _median(lambda: validate(root), runs)
    result["generate"] = _median(lambda: generate_pages(root), runs)
    kb = assemble(validate(root).sources)
    write_outputs(root, kb, 1767225600)  # as `goldenthread build` does before MkDocs runs
    bare = scratch / f"bare{titles}"
    result["mkdocs"] = _median(lambda: (shutil.rmtree(bare, ignore_errors=True),
                                        build_site(root, bare)), runs)
    result["pdf"] = _median(lambda: build_pdf(root, kb, kb.years[0], 1767225600), runs)
    result["audit"] = _median(lambda: audit_site(bare, kb), runs)

    def full() -> None:
        done = subprocess.run([sys.executable, "-m", "goldenthread", "--root", str(root), "build"],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(done.stdout[-3000:] + done.stderr[-3000:])

    result["build"] = _median(full, runs)
    site = root / "site"
    result["overhead"] = (result["build"] - result["mkdocs"]) / result["mkdocs"]
    result["site_mb"] = _size(site) / 1e6
    search = site / "search" / "search_index.json"
    result["search_kb"] = (len(gzip.compress(search.read_bytes(), 6)) / 1e3) if search.is_file() else 0
    result["home_kb"] = _page_bytes(site, site / "index.html") / 1e3
    result["title_kb"] = _page_bytes(site, site / "library" / "synthetic-0" / "index.html") / 1e3
    result["catalogue_kb"] = _page_bytes(site, site / "library" / "index.html") / 1e3
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[150, 1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print("| titles | entries | validate (s) | generate (s) | MkDocs (s) | PDF, one year (s) | "
          "audit (s) | `goldenthread build` (s) | overhead vs MkDocs | site (MB) | "
          "Material search index (KB gz) | home (KB gz) | title page (KB gz) | catalogue (KB gz) |")
    print("|" + "---:|" * 14)
    with tempfile.TemporaryDirectory() as scratch:
        for titles in args.sizes:
            r = measure(titles, args.runs, Path(scratch))
            print(f"| {titles:,} | {int(r['entries']):,} | {r['validate']:.2f} | {r['generate']:.2f} | "
                  f"{r['mkdocs']:.1f} | {r['pdf']:.2f} | {r['audit']:.2f} | {r['build']:.1f} | "
                  f"{r['overhead']:+.0%} | {r['site_mb']:.1f} | {r['search_kb']:.0f} | "
                  f"{r['home_kb']:.0f} | {r['title_kb']:.0f} | {r['catalogue_kb']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
