"""The goldenthread plugin's options in mkdocs.yml: one set of rules for `validate`, for the
MkDocs plugin and for `goldenthread build`, which refuse an unknown or mistyped option at
its line with the fix; the core reads the options without importing MkDocs."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from goldenthread.cli import main
from goldenthread.identity import Identity
from goldenthread.settings import OPTIONS, Settings, load_settings

from .conftest import REPO
from .site.test_build import copy_repository

PLUGIN_LINE = ("  - goldenthread          # generates the pages from library/, research/, "
               "docs/framework.yaml\n")


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    return copy_repository(tmp_path / "repo")


def _with_options(root: Path, block: str) -> int:
    """Give the plugin the options in block; the line they start on."""
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert PLUGIN_LINE in text
    config.write_text(text.replace(PLUGIN_LINE, "  - goldenthread:\n" + block), "utf-8")
    return text[: text.index(PLUGIN_LINE)].count("\n") + 2


def test_the_shipped_settings_are_read_from_the_trusts_identity() -> None:
    settings = load_settings(REPO)
    identity = Identity(email="hello@trust.example", library_requests="mailto:library@trust.example",
                        submissions="research@trust.example", privacy="https://trust.example/privacy")
    identity = replace(identity, library_title="Staff Professional Development Library")
    assert settings == Settings("The Trust", "mailto:library@trust.example", "research@trust.example",
                                identity=identity)
    assert settings.site_name == settings.short_name == "The Trust"  # not mkdocs.yml's site_name
    assert settings.submissions_address == "research@trust.example"
    lead = Settings(submissions="mailto:lead@school.example?subject=x")
    assert lead.submissions_address == "lead@school.example"


def test_the_identity_wins_over_the_older_plugin_options(repository: Path) -> None:
    _with_options(repository, "      trust_name: An Older Name\n")
    assert load_settings(repository).trust_name == "The Trust"
    (repository / "docs/trust.yaml").unlink()
    assert load_settings(repository).trust_name == "An Older Name"


def test_the_plugin_declares_every_option_and_no_other() -> None:
    from goldenthread.mkdocs_plugin.config import GoldenThreadConfig

    declared = {name: option.default for name, option in GoldenThreadConfig._schema}
    assert declared == OPTIONS


@pytest.mark.parametrize(("block", "message"), [
    ("      trust_nme: The Trust\n",
     "the goldenthread plugin has no option 'trust_nme': did you mean 'trust_name'?"),
    ("      trust_name: 2026\n", "the goldenthread plugin's option 'trust_name' must be text, not 2026"),
])
def test_an_unknown_or_mistyped_option_is_an_error_at_its_line(
        repository: Path, block: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    line = _with_options(repository, block)
    assert main(["--root", str(repository), "validate", "--format", "json"]) == 1
    found = [p for p in json.loads(capsys.readouterr().out) if p["path"] == "mkdocs.yml"]
    assert [(p["line"], p["code"]) for p in found] == [(line, "plugin-option")]
    assert message in found[0]["message"]
    assert main(["--root", str(repository), "build"]) == 1  # before MkDocs starts: nothing built
    assert f"mkdocs.yml:{line}:7: error[plugin-option]: {message}" in capsys.readouterr().out
    assert not (repository / "site").exists()


def test_mkdocs_itself_refuses_an_unknown_option(repository: Path) -> None:
    """A plain `mkdocs build` says the same, where MkDocs alone would only warn."""
    _with_options(repository, "      trust_nme: The Trust\n")
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(repository / "mkdocs.yml")]
    done = subprocess.run(command, capture_output=True, text=True)
    assert done.returncode != 0
    assert "the goldenthread plugin has no option 'trust_nme': did you mean 'trust_name'?" in done.stderr


def test_the_core_never_imports_mkdocs() -> None:
    """Validate, generate, the preview's generation, the PDF: the core runs without MkDocs."""
    code = ("import sys\n"
            "import goldenthread.cli, goldenthread.validation, goldenthread.publish.session\n"
            "import goldenthread.publish.live, goldenthread.publish.pdf, goldenthread.settings\n"
            f"goldenthread.validation.validate(__import__('pathlib').Path({str(REPO)!r}))\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material')))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


_OPENED: list[str] | None = None  # the files opened while a test listens (an audit hook stays)


def _listen(event: str, args: tuple[object, ...]) -> None:
    if _OPENED is not None and event == "open" and isinstance(args[0], (str, Path)):
        _OPENED.append(Path(args[0]).name)


def _opened_in(run: list[str]) -> dict[str, int]:
    global _OPENED
    _OPENED = []
    try:
        assert main(run) == 0
        return {name: _OPENED.count(name) for name in ("mkdocs.yml", "trust.yaml")}
    finally:
        _OPENED = None


@pytest.fixture(scope="module")
def listening() -> None:
    sys.addaudithook(_listen)


def test_a_run_reads_mkdocs_yml_and_trust_yaml_once(listening: None, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """validate, generation, the PDFs and the plugin take them from one Settings; only MkDocs
    reads mkdocs.yml once more for itself (measured before: 7 and 5 opens in a build)."""
    monkeypatch.setenv("GOLDENTHREAD_SERIAL", "1")  # every step in this process, where it is heard
    root = tmp_path / "kb"
    assert main(["init", str(root), "--name", "Riverside Learning Partnership"]) == 0
    assert _opened_in(["--root", str(root), "validate"]) == {"mkdocs.yml": 1, "trust.yaml": 1}
    assert _opened_in(["--root", str(root), "build"]) == {"mkdocs.yml": 2, "trust.yaml": 1}
    assert _opened_in(["--root", str(root), "pdf", str(_year(root)), "-o", str(tmp_path / "y.pdf")]) == {
        "mkdocs.yml": 1, "trust.yaml": 1}


def _year(root: Path) -> int:
    return int(next(p.name for p in (root / "research").iterdir() if p.name.isdigit()))
