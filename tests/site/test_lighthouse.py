"""Lighthouse 12.2.3 (pinned: .ci/lighthouse/, which .ci/run installs) on every kind of page,
served compressed as GitHub Pages serves it, with its mobile preset (a mid-range phone on a
slow 4G network, simulated): performance at least 95, LCP at most 2.5 s, CLS at most 0.05,
TBT at most 100 ms (200 ms on a page opened at ?q=: TBT_MS says why), accessibility 100.
The scores are printed at the end of the run; without
Lighthouse or Chromium the run says loudly that these were skipped.

Lighthouse times the page on this machine and simulates the phone from what it saw, so a
busy machine slows it: a page's performance is the best of up to three runs (the first
that passes), its accessibility that of the first."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..conftest import REPO
from .compressed import CompressedServer
from .conftest import CHROMIUM, HAVE_CHROMIUM, LIGHTHOUSE_SCORES, SKIPPED, BuiltSite
from .test_browser import page_types

pytestmark = pytest.mark.browser

LIGHTHOUSE = Path(os.environ.get("LIGHTHOUSE_PATH") or REPO / ".ci/lighthouse/node_modules/.bin/lighthouse")
TYPES = ("home", "framework", "principle", "stage", "evidence map", "catalogue", "title", "pathways",
         "year", "entry", "contributing", "search results", "glossary", "about", "impact",
         "entry with findings", "entry form")
RUNS = 3
FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
         "--disable-background-networking --disable-component-update --disable-sync")


@pytest.fixture(scope="module")
def compressed(built: BuiltSite) -> Iterator[str]:
    if not HAVE_CHROMIUM or not LIGHTHOUSE.is_file():
        why = f"no Chromium at {CHROMIUM}" if not HAVE_CHROMIUM else f"no Lighthouse at {LIGHTHOUSE}"
        SKIPPED.append(f"LIGHTHOUSE TESTS: {why} (bash .ci/run installs it: npm ci --prefix .ci/lighthouse)")
        pytest.skip(f"LIGHTHOUSE TESTS SKIPPED: {why}")
    server = CompressedServer(built.site)
    yield server.url
    server.close()


def lighthouse(url: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        done = subprocess.run(
            [str(LIGHTHOUSE), url, "--output=json", f"--output-path={report}", "--quiet",
             "--only-categories=performance,accessibility,best-practices", f"--chrome-flags={FLAGS}"],
            env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=180)
        assert report.is_file(), done.stderr[-2000:]
        found: dict[str, Any] = json.loads(report.read_text("utf-8"))
    return found


def scores(report: dict[str, Any]) -> dict[str, float]:
    audits, categories = report["audits"], report["categories"]
    return {"performance": round(categories["performance"]["score"] * 100),
            "accessibility": round(categories["accessibility"]["score"] * 100),
            "best practices": round(categories["best-practices"]["score"] * 100),
            "LCP s": round(audits["largest-contentful-paint"]["numericValue"] / 1000, 2),
            "CLS": round(audits["cumulative-layout-shift"]["numericValue"], 3),
            "TBT ms": round(audits["total-blocking-time"]["numericValue"]),
            "KB": round(audits["total-byte-weight"]["numericValue"] / 1000)}


# Total blocking time: at most 100 ms, except on a page opened at ?q=, where Material opens its
# search dialog during start-up (focus, the dialog's layout, then its scroll lock's). Measured
# with this site's search script emptied, so Material alone: 33 to 219 ms over ten runs of the
# same build (2026-12-07). There the bound is web.dev's "good", 200 ms. The site's own search
# script is a small share of that page: in a CPU profile at 4x slowdown, rendering the first ten
# results took 21 ms (38 ms before a word's term was remembered), its start-up 20 ms.
TBT_MS = {"search results": 200}


def fast(found: dict[str, float], kind: str = "") -> bool:
    return (found["performance"] >= 95 and found["LCP s"] <= 2.5 and found["CLS"] <= 0.05
            and found["TBT ms"] <= TBT_MS.get(kind, 100))


def _failing(report: dict[str, Any], category: str) -> list[str]:
    refs = {ref["id"] for ref in report["categories"][category]["auditRefs"] if ref["weight"]}
    return sorted(key for key, audit in report["audits"].items()
                  if key in refs and audit.get("score") is not None and audit["score"] < 1)


@pytest.mark.parametrize("kind", TYPES)
def test_every_kind_of_page_is_fast_and_accessible_on_a_phone(built: BuiltSite, compressed: str,
                                                              kind: str) -> None:
    paths = {**page_types(built), "pathways": "library/pathways/", "search results": "?q=retrieval"}
    url = compressed + paths[kind]
    reports: list[dict[str, Any]] = []
    runs: list[dict[str, float]] = []
    for _ in range(RUNS):
        reports.append(lighthouse(url))
        runs.append(scores(reports[-1]))
        if runs[0]["accessibility"] < 100 or fast(runs[-1], kind):
            break
    best = max(runs, key=lambda r: (fast(r, kind), r["performance"], -r["TBT ms"]))
    LIGHTHOUSE_SCORES.append((kind, best, len(runs)))
    assert runs[0]["accessibility"] == 100, (
        f"{kind}: accessibility {runs[0]['accessibility']}: {_failing(reports[0], 'accessibility')}")
    assert not _failing(reports[0], "best-practices"), kind
    assert fast(best, kind), f"{kind}: {best} (best of {len(runs)}: {runs})"
