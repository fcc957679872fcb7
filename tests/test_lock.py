"""The lock decides every installed version: requirements/*.txt pin each distribution with
its hashes and agree with pyproject.toml, make reinstalls when they change, the workflows
install from them, and this environment (made by `make test`) is exactly the lock:
requirements/pip.txt and test.txt, and the project itself, editable."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from packaging.markers import Marker
from packaging.requirements import Requirement

from .conftest import REPO

REQUIREMENTS = REPO / "requirements"
LOCKS = sorted(REQUIREMENTS.glob("*.txt"))
ENVIRONMENT_LOCKS = [REQUIREMENTS / "pip.txt", REQUIREMENTS / "test.txt"]
LOCK_CHECK = REPO / ".ci" / "lock-check"
WORKFLOWS = REPO / ".github" / "workflows"
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))

# One pinned requirement and its continuation lines, as pip-tools and uv write them.
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s;\\]+)"
                 r"(?:\s*;\s*(?P<marker>[^\\]+?))?\s*\\\n(?P<hashes>(?:[ \t]+--hash=\S+(?: \\)?\n)+)",
                 re.MULTILINE)


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lock: Path) -> list[re.Match[str]]:
    return list(PIN.finditer(lock.read_text("utf-8")))


def versions_here(locks: list[Path]) -> dict[str, str]:
    """Name -> version of each pin whose marker holds for this Python."""
    return {canonical(pin["name"]): pin["version"] for lock in locks for pin in pins(lock)
            if pin["marker"] is None or Marker(pin["marker"]).evaluate()}


def locked_versions(lock: Path) -> dict[str, set[str]]:
    """Name -> every version the lock gives it on some platform or Python."""
    versions: dict[str, set[str]] = {}
    for pin in pins(lock):
        versions.setdefault(canonical(pin["name"]), set()).add(pin["version"])
    return versions


def lock_check(*locks: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(LOCK_CHECK), *map(str, locks)], cwd=REPO,
                          capture_output=True, text=True, timeout=60)


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text("utf-8"))


def runs(workflow: Path) -> list[str]:
    return [step["run"] for job in load(workflow)["jobs"].values()
            for step in job.get("steps", []) if "run" in step]


# -- the lock files --------------------------------------------------------------------------

def test_the_locks_are_there() -> None:
    assert {path.name for path in LOCKS} == {"pip.txt", "site.txt", "test.txt"}


@pytest.mark.parametrize("lock", LOCKS, ids=lambda path: path.name)
def test_every_distribution_is_pinned_with_its_hashes(lock: Path) -> None:
    text = lock.read_text("utf-8")
    requirements = [line for line in text.splitlines()
                    if line.strip() and not line[0].isspace() and not line.startswith("#")]
    assert requirements, f"{lock.name} pins nothing"
    assert len(pins(lock)) == len(requirements), "every requirement is name==version with --hash lines"
    for pin in pins(lock):
        assert re.findall(r"--hash=sha256:[0-9a-f]{64}", pin["hashes"]), pin["name"]


@pytest.mark.parametrize("lock", LOCKS, ids=lambda path: path.name)
def test_locks_are_universal_and_from_wheels(lock: Path) -> None:
    header = lock.read_text("utf-8").split("\n")[1]
    assert header.startswith("#    uv pip compile ")
    for flag in ("--universal", "--generate-hashes", "--only-binary :all:"):
        assert f" {flag} " in header, f"{lock.name} was not made by make lock: {header}"


def test_the_build_backend_is_pyproject_build_system() -> None:
    [line] = [line for line in (REQUIREMENTS / "build.in").read_text("utf-8").splitlines()
              if line and not line.startswith("#")]
    assert [line] == PYPROJECT["build-system"]["requires"]


def test_the_ranges_allow_every_locked_version() -> None:
    """A range changed in pyproject.toml without `make lock` fails here."""
    project, build = PYPROJECT["project"], PYPROJECT["build-system"]["requires"]
    wanted = {
        "site.txt": [*project["dependencies"], *build],
        "test.txt": [*project["dependencies"], *project["optional-dependencies"]["test"], *build],
    }
    for lock, requirements in wanted.items():
        versions = locked_versions(REQUIREMENTS / lock)
        for requirement in map(Requirement, requirements):
            locked = versions.get(canonical(requirement.name))
            assert locked, f"{lock} does not lock {requirement.name}: run make lock"
            for version in locked:
                assert requirement.specifier.contains(version, prereleases=True), (
                    f"{lock}: {requirement.name}=={version} is outside {requirement}: run make lock")
    assert set(locked_versions(REQUIREMENTS / "pip.txt")) == {"pip"}


def test_the_site_lock_is_the_test_lock_without_the_extras() -> None:
    def entries(lock: str) -> set[tuple[str, str, str | None]]:
        return {(canonical(pin["name"]), pin["version"], pin["marker"]) for pin in pins(REQUIREMENTS / lock)}

    test, site = entries("test.txt"), entries("site.txt")
    assert site <= test, sorted(site - test)
    assert {name for name, _, _ in test - site} >= {"pytest", "playwright", "uv"}


# -- this environment is the lock ---------------------------------------------------------------

def test_this_environment_is_the_lock() -> None:
    """pip's own list of what is installed, against the lock read here (not by .ci/lock-check)."""
    done = subprocess.run([sys.executable, "-m", "pip", "freeze", "--all", "--exclude-editable"],
                          capture_output=True, text=True, timeout=120, check=True)
    frozen = dict(line.split("==") for line in done.stdout.splitlines() if "==" in line)
    installed = {canonical(name): version for name, version in frozen.items()}
    assert installed == versions_here(ENVIRONMENT_LOCKS), (
        "this environment is not requirements/pip.txt + test.txt: make test installs them")


def test_pip_check_is_clean() -> None:
    done = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_lock_check_agrees() -> None:
    done = lock_check(*ENVIRONMENT_LOCKS)
    assert done.returncode == 0, done.stdout + done.stderr
    count = len(versions_here(ENVIRONMENT_LOCKS))
    assert f"{count} distributions installed, each at its version" in done.stdout


def test_lock_check_names_each_difference(tmp_path: Path) -> None:
    text = (REQUIREMENTS / "test.txt").read_text("utf-8")
    here = versions_here(ENVIRONMENT_LOCKS)
    changed = re.sub(r"^pyyaml==\S+", "pyyaml==0.0.1", text, count=1, flags=re.MULTILINE)
    dropped = re.sub(r"^pluggy==[^\n]*\n(?:[ \t][^\n]*\n)*", "", changed, count=1, flags=re.MULTILINE)
    lock = tmp_path / "test.txt"
    phantom = "not-a-real-distribution==1.0 \\\n    --hash=sha256:" + "0" * 64 + "\n"
    lock.write_text(dropped + phantom, "utf-8")

    done = lock_check(REQUIREMENTS / "pip.txt", lock)
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "lock-check: not-a-real-distribution: locked at 1.0, not installed",
        f"lock-check: pluggy {here['pluggy']}: installed, but no lock lists it",
        f"lock-check: pyyaml: installed {here['pyyaml']}, locked at 0.0.1",
    ]
    assert "FAILED" in done.stderr


def test_lock_check_lists_only_what_no_lock_lists() -> None:
    done = subprocess.run([sys.executable, str(LOCK_CHECK), "--unlisted", str(REQUIREMENTS / "site.txt")],
                          cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    extras = set(versions_here(ENVIRONMENT_LOCKS)) - set(versions_here([REQUIREMENTS / "site.txt"]))
    assert set(done.stdout.split()) == extras


# -- make installs from the lock, again when it changes ----------------------------------------

LOCKED = "--require-hashes --only-binary :all:"


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
@pytest.mark.parametrize(("changed", "target", "install"), [
    ("requirements/site.txt", "install", f"{LOCKED} -r requirements/site.txt"),
    ("requirements/pip.txt", "install", f"{LOCKED} --no-deps -r requirements/pip.txt"),
    ("requirements/test.txt", "install-test", f"{LOCKED} -r requirements/test.txt"),
    ("pyproject.toml", "install", "--no-deps --no-build-isolation -e ."),
])
def test_make_reinstalls_when_a_lock_changes(changed: str, target: str, install: str) -> None:
    environment = {key: value for key, value in os.environ.items()
                   if key not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}
    done = subprocess.run(["make", "--no-print-directory", "-n", "-W", changed, target], cwd=REPO,
                          env=environment, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert f"-m pip install --quiet {install}" in done.stdout


def test_make_installs_nothing_but_the_locks() -> None:
    makefile = (REPO / "Makefile").read_text("utf-8")
    assert re.search(r"^LOCKED +:= \$\(PIP\) install --quiet --require-hashes --only-binary :all:$",
                     makefile, re.MULTILINE)
    recipes = re.findall(r"^\t(.*)$", makefile, re.MULTILINE)
    installs = [line for line in recipes if "$(LOCKED)" in line or "install" in line.split()]
    assert len(installs) == 4
    editable = "$(PIP) install --quiet --no-deps --no-build-isolation -e ."
    for line in installs:
        assert line.startswith("$(LOCKED) ") or line == editable, line


# -- CI and the workflows install from the lock ---------------------------------------------------

def test_ci_run_proves_the_lock_before_the_tests() -> None:
    script = (REPO / ".ci" / "run").read_text("utf-8")
    commands = [line for line in script.splitlines() if line and not line.startswith((" ", "#"))]
    proof = ["make install-test", ".venv/bin/python -m pip check",
             ".venv/bin/python .ci/lock-check requirements/pip.txt requirements/test.txt", "make test"]
    assert [line for line in commands if line in proof] == proof
    assert "apt-get install -y -qq chromium" in script


@pytest.mark.parametrize("name", ["pr-check.yml", "deploy.yml"])
def test_workflow_installs_from_the_lock(name: str) -> None:
    workflow = WORKFLOWS / name
    commands = runs(workflow)
    assert "make install" in commands
    assert not [run for run in commands if "pip install" in run]
    [python] = [step for job in load(workflow)["jobs"].values() for step in job.get("steps", [])
                if step.get("uses", "").startswith("actions/setup-python@")]
    assert python["with"]["cache-dependency-path"] == "requirements/*.txt"


def test_upstream_workflow_runs_the_tests_on_the_newest_versions() -> None:
    """Weekly and by hand; the schema test in test_contribution_path covers it like every workflow."""
    workflow = load(WORKFLOWS / "upstream.yml")
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["schedule"][0]["cron"]
    assert "workflow_dispatch" in triggers
    assert workflow["permissions"] == {"contents": "read"}
    assert all(job["timeout-minutes"] <= 120 for job in workflow["jobs"].values())
    commands = runs(WORKFLOWS / "upstream.yml")
    assert commands.index("make upgrade") < commands.index("bash .ci/run")
    assert not [run for run in commands if "pip install" in run]
