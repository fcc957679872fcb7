"""The site engine (mkdocs_plugin/engine.py) runs under MkDocs 1.6 and under ProperDocs, its
maintained fork, so that the day MkDocs 1.x breaks, the switch is a change of lock.

Each engine runs in a process of its own (engine_run.py: the engine is chosen once a process,
before anything imports MkDocs), on a starter knowledge base (`goldenthread init`): the
preview's full build with our plugin and Material, a saved change rendered page by page
(MkDocs' private build steps), and the live-reload server. The oracle for "works the same" is
the other engine: the two sites must be byte for byte the same, apart from the generator tag
that names the engine.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from goldenthread.cli import main
from goldenthread.mkdocs_plugin import engine

from ..conftest import REPO

ENGINE_MODULE = REPO / "scripts" / "goldenthread" / "mkdocs_plugin" / "engine.py"


@pytest.fixture(scope="module")
def starter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("starter") / "kb"
    assert main(["init", str(root), "--name", "Engine Test Trust", "--email", "hello@engine.example",
                 "--submissions", "research@engine.example",
                 "--library-requests", "mailto:library@engine.example"]) == 0
    return root


def _environment(name: str) -> dict[str, str]:
    return {**os.environ, engine.VARIABLE: name, "PYTHONPATH": str(REPO)}


@pytest.fixture(scope="module")
def reports(starter: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """engine_run.py's report under each engine, each on its own copy of the starter."""
    done = {}
    for name in engine.ENGINES:
        folder = tmp_path_factory.mktemp(name)
        root = Path(shutil.copytree(starter, folder / "kb"))
        run = subprocess.run([sys.executable, "-m", "tests.site.engine_run", str(root), str(folder / "site")],
                             cwd=REPO, env=_environment(name), capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, f"{name}:\n{run.stderr[-4000:]}"
        done[name] = json.loads(run.stdout)
    return done


@pytest.mark.parametrize("name", engine.ENGINES)
def test_the_engine_builds_renders_and_serves(reports: dict[str, dict[str, Any]], name: str) -> None:
    report = reports[name]
    assert report["engine"] == name
    assert report["modules"] == [name]  # every import of mkdocs.* (Material's too) was the engine's
    assert report["properdocs_loaded"] is (name == "properdocs")
    assert ("ProperDocs" in report["generator"]) is (name == "properdocs"), report["generator"]
    # the saved change: the title's page and the new page rendered again, the excluded one not
    assert report["title_page_changed"] and report["new_page"], report
    assert not report["excluded_page_written"]
    assert {"engine-check.md", *[page for page in report["rendered"] if page.startswith("library/")]} \
        == set(report["rendered"]), report["rendered"]
    assert not [message for message in report["problems"] if "Error" in message]
    assert report["update_seconds"] <= 1.0, report["update_seconds"]
    # the live-reload server: the page with its reload script and our additions, asked first
    assert report["served_ours"] and report["served_reload_script"], report
    assert report["asked"] == [f"library/{first_title_stem(report)}/"]
    assert report["not_found"] == [404, "no such page"]
    assert report["builder_ran"], "a save in a watched folder did not run the builder"


def first_title_stem(report: dict[str, Any]) -> str:
    page: str = next(page for page in report["rendered"] if page.startswith("library/"))
    return page[len("library/"):-3]


def test_the_two_engines_build_the_same_site(reports: dict[str, dict[str, Any]]) -> None:
    mkdocs, properdocs = reports["mkdocs"], reports["properdocs"]
    for stage in ("built", "updated"):
        assert set(mkdocs[stage]) == set(properdocs[stage]), \
            (stage, set(mkdocs[stage]) ^ set(properdocs[stage]))
        differ = [name for name in mkdocs[stage] if mkdocs[stage][name] != properdocs[stage][name]]
        assert not differ, (stage, differ[:10])
    assert len(mkdocs["built"]) > 100  # a whole site: pages, assets, PDFs, exports


def test_the_properdocs_command_runs_the_plugin(starter: Path, tmp_path: Path) -> None:
    """Under the `properdocs` command the plugin runs on the engine that loaded it, whatever
    GOLDENTHREAD_ENGINE says, and generates the pages itself (mkdocs.yml has strict: true)."""
    root = Path(shutil.copytree(starter, tmp_path / "kb"))
    run = subprocess.run([sys.executable, "-m", "properdocs", "build", "--quiet"], cwd=root,
                         env=_environment("mkdocs"), capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-4000:]
    home = (root / "site" / "index.html").read_text("utf-8")
    assert "ProperDocs" in home and "Engine Test Trust" in home
    assert list((root / "site" / "library").glob("*/index.html"))


@pytest.mark.parametrize(("value", "says"), [
    ("hugo", "GOLDENTHREAD_ENGINE=hugo is not an engine: set it to mkdocs or properdocs, or unset it"),
    ("MkDocs", ""),  # any case
    (" properdocs ", ""),
])
def test_the_engine_variable(value: str, says: str) -> None:
    """In a process of its own: the name `mkdocs` is then the engine's package."""
    run = subprocess.run([sys.executable, "-c", "from goldenthread.mkdocs_plugin import engine; "
                          "import sys; print(engine.NAME, sys.modules['mkdocs'].__name__)"],
                         env=_environment(value), capture_output=True, text=True, timeout=60)
    if says:
        assert run.returncode != 0 and says in run.stderr, run.stderr
    else:
        wanted = value.strip().lower()
        assert run.returncode == 0 and run.stdout.split() == [wanted, wanted], run.stderr


MKDOCS_ONLY, BOTH = {"mkdocs"}, {"mkdocs", "properdocs"}
SITE = ["mkdocs<2,>=1.6", "mkdocs-material<10,>=9.5"]
TEST_EXTRA = 'properdocs<2,>=1.6.7; extra == "test"'
CHOICES = [  # loaded, GOLDENTHREAD_ENGINE, goldenthread's requirements, installed, engine
    ("the mkdocs command", "mkdocs", "properdocs", [*SITE, "properdocs>=1.6.7"], BOTH, "mkdocs"),
    ("the properdocs command", "properdocs", "mkdocs", SITE, BOTH, "properdocs"),
    ("the variable", None, "properdocs", SITE, BOTH, "properdocs"),
    ("the variable, any case", None, " MkDocs ", [*SITE, "properdocs"], BOTH, "mkdocs"),
    ("a test extra is not the engine", None, "", [*SITE, TEST_EXTRA], BOTH, "mkdocs"),
    ("a dependency is", None, "", [*SITE, "properdocs>=1.6.7,<2"], BOTH, "properdocs"),
    ("a dependency with extras", None, "", [*SITE, "ProperDocs[i18n]>=1.6.7"], BOTH, "properdocs"),
    ("declared but not installed", None, "", [*SITE, "properdocs"], MKDOCS_ONLY, "mkdocs"),
    ("only mkdocs", None, "", [], MKDOCS_ONLY, "mkdocs"),
    ("only properdocs", None, "", [], {"properdocs"}, "properdocs"),
]


@pytest.mark.parametrize(("case", "loaded", "wanted", "declared", "installed", "chosen"), CHOICES,
                         ids=[case[0] for case in CHOICES])
def test_which_engine_runs(case: str, loaded: str | None, wanted: str, declared: list[str],
                           installed: set[str], chosen: str) -> None:
    assert engine.choose(loaded, wanted, declared, installed.__contains__) == chosen


def test_only_the_engine_module_imports_the_engine() -> None:
    """Every other module of the package goes through engine.py."""
    outside = []
    for path in sorted((REPO / "scripts" / "goldenthread").rglob("*.py")):
        if path == ENGINE_MODULE:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module or ""]
            else:
                continue
            outside += [f"{path.relative_to(REPO)}:{node.lineno}: {name}" for name in names
                        if name.split(".")[0] in engine.ENGINES]
    assert not outside, outside


def test_an_engine_asked_for_must_be_installed() -> None:
    with pytest.raises(engine.EngineError, match="=properdocs, but properdocs is not installed"):
        engine.choose(None, "properdocs", [], {"mkdocs"}.__contains__)
