"""Run every function of mkdocs_plugin/engine.py on a starter knowledge base, under the engine
GOLDENTHREAD_ENGINE names, in a process of its own (the engine is chosen once a process):
`python -m tests.site.engine_run ROOT SITE` prints a JSON report; test_engine.py runs it under
MkDocs and under ProperDocs and compares the two.

Steps: the preview's full build (engine.load and engine.build, with our plugin and Material),
then a saved change to a title and a new page and a new excluded page (engine.new_file,
engine.exclude, engine.Page, engine.read_page, engine.write_page), then the live-reload server
(engine.live_server: a page served with the reload script and our additions, a save seen by
native file events running the builder)."""

from __future__ import annotations

import hashlib
import json
import re
import socket
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def digest(site: Path) -> dict[str, str]:
    """Every file of the site, HTML with its generator tag (which names the engine) left out."""
    digests = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".html":
                data = GENERATOR.sub(b"", data)
            digests[path.relative_to(site).as_posix()] = hashlib.sha256(data).hexdigest()
    return digests


def engine_modules() -> list[str]:
    """The packages that the loaded modules named mkdocs.* (Material's imports, ours) are."""
    return sorted({module.__name__.split(".")[0] for name, module in sys.modules.items()
                   if (name == "mkdocs" or name.startswith("mkdocs.")) and module is not None})


def first_title(root: Path) -> Path:
    return sorted((root / "library" / "titles").glob("*.yaml"))[0]


def preview_steps(root: Path, site: Path) -> dict[str, Any]:
    from goldenthread.mkdocs_plugin.preview import Preview

    preview = Preview(root, site)
    started = time.perf_counter()
    assert preview.build(), preview.problems
    report: dict[str, Any] = {"build_seconds": round(time.perf_counter() - started, 2)}
    generator = GENERATOR.search((site / "index.html").read_bytes())
    report["generator"] = generator.group(0).decode() if generator else ""
    report["built"] = digest(site)

    title = first_title(root)
    text = title.read_text("utf-8")
    assert "\nsummary: >-\n  " in text, "the starter's title has no folded summary to change"
    title.write_text(text.replace("\nsummary: >-\n  ", "\nsummary: >-\n  Engine marker. ", 1), "utf-8")
    (root / "docs" / "engine-check.md").write_text("# Engine check\n\nRendered by the preview.\n", "utf-8")
    (root / "docs" / "templates").mkdir(exist_ok=True)
    (root / "docs" / "templates" / "engine-check.md").write_text("# Excluded\n", "utf-8")
    started = time.perf_counter()
    preview.update()
    preview.render_all()
    report["update_seconds"] = round(time.perf_counter() - started, 2)
    report["rendered"] = sorted(preview.rendered)
    report["problems"] = [problem.message for problem in preview.problems]
    title_page = (site / "library" / title.stem / "index.html").read_text("utf-8")
    report["title_page_changed"] = "Engine marker." in title_page
    new_page = site / "engine-check" / "index.html"
    report["new_page"] = new_page.is_file() and "Rendered by the preview." in new_page.read_text("utf-8")
    report["excluded_page_written"] = (site / "templates" / "engine-check" / "index.html").exists()
    report["updated"] = digest(site)
    return report


def server_steps(root: Path, site: Path) -> dict[str, Any]:
    import watchdog.events

    from goldenthread.mkdocs_plugin import engine

    built, asked = threading.Event(), list[str]()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = engine.live_server(
        builder=built.set, host="127.0.0.1", port=port, root=str(site), mount_path="/",
        before_page=asked.append, page_html=lambda html: html.replace(b"<body", b"<!-- ours --><body", 1),
        error_page=lambda code: b"no such page" if code == 404 else None)
    handler = watchdog.events.FileSystemEventHandler()
    handler.on_any_event = lambda event: server.changed() if not event.is_directory else None  # type: ignore[method-assign]
    server.watch_tree(str(root / "research"), handler)
    threading.Thread(target=server.serve, daemon=True).start()
    report: dict[str, Any] = {}
    try:
        url = f"http://127.0.0.1:{port}/library/{first_title(root).stem}/"
        for _ in range(50):
            try:
                page = urllib.request.urlopen(url, timeout=5).read()
                break
            except OSError:
                time.sleep(0.1)
        report["served_ours"] = b"<!-- ours --><body" in page
        report["served_reload_script"] = b"livereload" in page
        report["asked"] = asked[:]
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/no-such-page/", timeout=5)
        except urllib.error.HTTPError as error:
            report["not_found"] = [error.code, error.read().decode()]
        started = time.perf_counter()
        (root / "research" / "saved.txt").write_text("a save\n", "utf-8")
        report["builder_ran"] = built.wait(5)
        report["builder_seconds"] = round(time.perf_counter() - started, 2)
    finally:
        server.shutdown()
    return report


def main(root: Path, site: Path) -> None:
    from goldenthread.mkdocs_plugin import engine

    report: dict[str, Any] = {"engine": engine.NAME, "version": engine.VERSION}
    report.update(preview_steps(root, site))
    report.update(server_steps(root, site))
    report["modules"] = engine_modules()
    report["properdocs_loaded"] = "properdocs" in sys.modules
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
