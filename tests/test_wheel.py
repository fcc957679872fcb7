"""The engine installs as a package: the wheel built from this repository carries everything
`goldenthread init` and a build need (the starter, the schemas, the publication's templates
and the shared site files), and `init` run from the unpacked wheel alone, away from this
repository, writes a knowledge base that validates."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from goldenthread import base_files

from .conftest import REPO

PACKAGE = REPO / "scripts" / "goldenthread"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--wheel-dir", str(out), str(REPO)], check=True, capture_output=True, timeout=300)
    (built,) = out.glob("goldenthread-*.whl")
    return built


def _package_files(folder: str) -> set[str]:
    return {p.relative_to(PACKAGE).as_posix() for p in (PACKAGE / folder).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


def test_the_wheel_carries_every_data_file_the_engine_reads(wheel: Path) -> None:
    names = {name.removeprefix("goldenthread/") for name in zipfile.ZipFile(wheel).namelist()}
    for folder in ("base", "starter", "schemas", "publication"):
        wanted = {f for f in _package_files(folder) if not f.endswith(".py")}
        assert wanted and wanted <= names, (folder, sorted(wanted - names)[:5])


def test_the_shared_site_files_are_the_packages(tmp_path: Path) -> None:
    assert set(base_files.site_files()) == {f.removeprefix("base/") for f in _package_files("base")
                                            if not f.startswith("base/_text/")}
    assert {"accessibility", "contributing", "my-list"} <= set(base_files.texts())


def test_init_from_the_unpacked_wheel_alone_makes_a_knowledge_base_that_validates(
        wheel: Path, tmp_path: Path) -> None:
    unpacked = tmp_path / "engine"
    zipfile.ZipFile(wheel).extractall(unpacked)
    target = tmp_path / "new-trust"
    # -I: only the unpacked wheel and the environment's dependencies; not this repository's
    # editable install (its path entry is dropped), nor the current folder.
    run = [sys.executable, "-I", "-c",
           "import sys; sys.path[:] = [sys.argv[1]] + [p for p in sys.path if 'scripts' not in p]; "
           "import goldenthread; assert goldenthread.__file__.startswith(sys.argv[1]); "
           "from goldenthread.cli import main; sys.exit(main(sys.argv[2:]))", str(unpacked)]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    made = subprocess.run([*run, "init", str(target), "--name", "Wheel Test Trust"], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    assert not (target / "docs" / "assets").exists()  # the engine's files stay in the engine
    checked = subprocess.run([*run, "--root", str(target), "validate"], cwd=tmp_path, env=env,
                             capture_output=True, text=True, timeout=120)
    assert checked.returncode == 0, checked.stdout + checked.stderr
