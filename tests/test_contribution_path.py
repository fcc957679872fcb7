"""The pull-request path: the workflows, forms and hooks are well formed, and the one
script they run, .ci/pr-check, passes a valid repository and annotates a broken one."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import REPO
from .site.test_build import copy_repository

PR_CHECK = REPO / ".ci" / "pr-check"
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
ISSUE_FORM = REPO / ".github" / "ISSUE_TEMPLATE" / "propose-a-title.yml"
ISSUE_CONFIG = REPO / ".github" / "ISSUE_TEMPLATE" / "config.yml"
PRE_COMMIT = REPO / ".pre-commit-config.yaml"

# What .ci/pr-check does; a workflow that repeated any of it could drift from the tests.
PR_CHECK_COMMANDS = ("goldenthread validate", "goldenthread build", "goldenthread pdf", "mkdocs")


def check_jsonschema(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", *args],
                          capture_output=True, text=True, timeout=120)


def builtin_schemas() -> str:
    return check_jsonschema("--help").stdout


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text("utf-8"))


def steps(workflow: Path) -> list[dict[str, Any]]:
    return [step for job in load(workflow)["jobs"].values() for step in job.get("steps", [])]


# -- well formed ---------------------------------------------------------------------------------

def test_there_are_workflows() -> None:
    assert {path.name for path in WORKFLOWS} >= {"pr-check.yml", "deploy.yml"}


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_workflow_matches_the_github_schema(workflow: Path) -> None:
    for schema in ("vendor.github-workflows", "custom.github-workflows-require-timeout"):
        done = check_jsonschema("--builtin-schema", schema, str(workflow))
        assert done.returncode == 0, f"{schema}:\n{done.stdout}{done.stderr}"


@pytest.mark.parametrize(("path", "schema"), [
    (ISSUE_FORM, "vendor.github-issue-forms"),
    (ISSUE_CONFIG, "vendor.github-issue-config"),
], ids=lambda value: value.name if isinstance(value, Path) else value)
def test_issue_template_matches_the_github_schema(path: Path, schema: str) -> None:
    done = check_jsonschema("--builtin-schema", schema, str(path))
    assert done.returncode == 0, done.stdout + done.stderr


def test_pre_commit_config() -> None:
    if "vendor.pre-commit-config" in builtin_schemas():
        done = check_jsonschema("--builtin-schema", "vendor.pre-commit-config", str(PRE_COMMIT))
        assert done.returncode == 0, done.stdout + done.stderr
    # check-jsonschema has no pre-commit schema in every version: check what matters by hand too.
    [repo] = load(PRE_COMMIT)["repos"]
    [hook] = repo["hooks"]
    assert repo["repo"] == "local"
    assert hook["id"] == "goldenthread-validate"
    assert hook["entry"] == "goldenthread validate"
    assert hook["language"] == "system"
    assert hook["pass_filenames"] is False
    for changed in ("docs/index.md", "library/titles/x.yaml", "research/2025/x.md"):
        assert re.search(hook["files"], changed)
    for other in ("scripts/goldenthread/cli.py", "tests/test_cli.py", "README.md"):
        assert not re.search(hook["files"], other)


# -- one script for the workflow and the tests ---------------------------------------------------

def test_pr_workflow_runs_pr_check_and_nothing_it_does() -> None:
    workflow = REPO / ".github" / "workflows" / "pr-check.yml"
    runs = [step for step in steps(workflow) if "run" in step]
    checks = [step for step in runs if ".ci/pr-check" in step["run"]]
    assert len(checks) == 1, "the pull-request workflow must run .ci/pr-check once"
    assert checks[0]["env"] == {"GT_FORMAT": "github", "BASE": "origin/${{ github.base_ref }}",
                                "GT_RESULTS": "${{ runner.temp }}/pr-results"}
    for step in runs:
        for command in PR_CHECK_COMMANDS:
            assert command not in step["run"], f"{command!r} belongs in .ci/pr-check, not the workflow"
    assert load(workflow)["permissions"] == {"contents": "read"}


def test_deploy_builds_with_pr_check() -> None:
    workflow = REPO / ".github" / "workflows" / "deploy.yml"
    runs = [step["run"] for step in steps(workflow) if "run" in step]
    assert sum(".ci/pr-check" in run for run in runs) == 1
    assert not [run for run in runs for command in PR_CHECK_COMMANDS if command in run]
    [deploy] = [step for step in steps(workflow) if step.get("uses", "").startswith("JamesIves/")]
    # to the root of gh-pages, beside the pull requests' previews, which it neither deletes
    # nor overwrites with a force-push
    assert deploy["with"] == {"folder": "site", "branch": "gh-pages", "clean": True,
                              "clean-exclude": "pr-preview/", "force": False}
    jobs = load(workflow)["jobs"]
    assert load(workflow)["permissions"] == {"contents": "read"}
    assert jobs["deploy"]["permissions"] == {"contents": "write"} and "permissions" not in jobs["build"]


# -- the fork-safe split: untrusted code never runs with write permissions ------------------------

PR_CHECK_WORKFLOW = REPO / ".github" / "workflows" / "pr-check.yml"
PR_COMMENT_WORKFLOW = REPO / ".github" / "workflows" / "pr-comment.yml"
PR_PREVIEW_REMOVE = REPO / ".github" / "workflows" / "pr-preview-remove.yml"
WRITERS = {"write"}


def triggers(workflow: Path) -> dict[str, Any]:
    data = load(workflow)
    on = data.get("on", data.get(True))  # YAML 1.1 reads the key `on` as true
    return on if isinstance(on, dict) else {name: None for name in ([on] if isinstance(on, str) else on)}


def granted(workflow: Path) -> list[dict[str, str]]:
    data = load(workflow)
    return [data.get("permissions") or {}, *(job.get("permissions") or {} for job in data["jobs"].values())]


def test_the_check_that_runs_the_pull_requests_code_can_only_read() -> None:
    assert set(triggers(PR_CHECK_WORKFLOW)) == {"pull_request"}
    assert [p for p in granted(PR_CHECK_WORKFLOW) if set(p.values()) & WRITERS] == []
    assert load(PR_CHECK_WORKFLOW)["permissions"] == {"contents": "read"}
    assert "${{ secrets." not in PR_CHECK_WORKFLOW.read_text("utf-8")
    names = {step.get("with", {}).get("name") for step in steps(PR_CHECK_WORKFLOW)
             if step.get("uses", "").startswith("actions/upload-artifact@")}
    assert names == {"pr-results", "site-preview-pr-${{ github.event.pull_request.number }}"}


@pytest.mark.parametrize("workflow", [PR_COMMENT_WORKFLOW, PR_PREVIEW_REMOVE], ids=lambda p: p.name)
def test_the_workflows_that_can_write_run_no_code_from_the_pull_request(workflow: Path) -> None:
    assert load(workflow)["permissions"] == {}  # each job asks for what it needs
    text = workflow.read_text("utf-8")
    for step in steps(workflow):
        if step.get("uses", "").startswith("actions/checkout@"):
            # the default branch: no ref, no repository, no credentials left behind
            assert step["with"] == {"persist-credentials": False}, step
        # what comes from the event reaches a script through env, never pasted into it
        assert "${{" not in step.get("run", ""), step
        assert "${{" not in step.get("with", {}).get("script", ""), step
    for action in re.findall(r"uses: ([\w.-]+/[\w.-]+)@(\S+)", text):
        if not action[0].startswith("actions/"):
            assert re.fullmatch(r"[0-9a-f]{40}", action[1]), f"pin {action[0]} to a commit"
    assert "head_sha }}" not in text.replace("HEAD_SHA: ${{ github.event.workflow_run.head_sha }}", "")


def test_the_comment_follows_the_check() -> None:
    check = load(PR_CHECK_WORKFLOW)["name"]
    assert triggers(PR_COMMENT_WORKFLOW) == {"workflow_run": {"workflows": [check], "types": ["completed"]}}
    jobs = load(PR_COMMENT_WORKFLOW)["jobs"]
    assert jobs["identify"]["permissions"] == {"actions": "read", "pull-requests": "read"}
    assert jobs["preview"]["permissions"] == {"actions": "read", "contents": "write"}
    assert jobs["comment"]["permissions"] == {"actions": "read", "pull-requests": "write"}
    [write] = [step for step in jobs["comment"]["steps"] if "pr_comment" in step.get("run", "")]
    assert write["run"].startswith("PYTHONPATH=scripts python -S -m goldenthread.pr_comment")
    [deploy] = [step for step in jobs["preview"]["steps"] if "pr-preview-action" in step.get("uses", "")]
    assert deploy["with"]["action"] == "deploy" and deploy["with"]["comment"] is False
    assert deploy["with"]["qr-code"] is False  # an image from another host
    script = next(step["with"]["script"] for step in jobs["comment"]["steps"]
                  if "script" in step.get("with", {}))
    assert "updateComment" in script and "createComment" in script and 'github-actions[bot]' in script


def test_a_closed_pull_requests_preview_is_removed() -> None:
    assert triggers(PR_PREVIEW_REMOVE) == {"pull_request_target": {"types": ["closed"]}}
    [remove] = [step for step in steps(PR_PREVIEW_REMOVE) if "pr-preview-action" in step.get("uses", "")]
    assert remove["with"]["action"] == "remove"
    assert remove["with"]["pr-number"] == "${{ github.event.pull_request.number }}"


def test_pr_check_is_an_executable_bash_script() -> None:
    assert os.access(PR_CHECK, os.X_OK)
    assert PR_CHECK.read_text("utf-8").startswith("#!/usr/bin/env bash\n")


# -- running .ci/pr-check ------------------------------------------------------------------------

def goldenthread() -> str:
    beside = Path(sys.executable).parent / "goldenthread"
    found = str(beside) if beside.exists() else shutil.which("goldenthread")
    assert found, "goldenthread is not installed in this environment"
    return found


def pr_check_repository(tmp_path: Path) -> Path:
    """A copy of the sources with its own .ci/pr-check, which works on the repository it is in."""
    target = copy_repository(tmp_path / "repo")
    (target / ".ci").mkdir()
    shutil.copy2(PR_CHECK, target / ".ci" / "pr-check")
    return target


def run_pr_check(repository: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items()
                   if key not in {"BASE", "GT_FORMAT", "GITHUB_ACTIONS", "GOLDENTHREAD"}}
    environment |= {"GOLDENTHREAD": goldenthread(), **env}
    return subprocess.run(["bash", str(repository / ".ci" / "pr-check")], cwd=repository,
                          env=environment, capture_output=True, text=True, timeout=600)


def test_pr_check_passes_and_builds_the_site(tmp_path: Path) -> None:
    repository = pr_check_repository(tmp_path)
    done = run_pr_check(repository)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (repository / "site" / "index.html").is_file()
    for heading in ("Checking the sources", "Building the site", "Building the yearly PDFs"):
        assert f"==> {heading}" in done.stdout


def break_year(repository: Path) -> tuple[str, int]:
    """Set one entry's year to the wrong one; return its path and the line of `year:`."""
    entry = next(path for path in sorted((repository / "research").glob("*/*.md"))
                 if not path.name.startswith("_"))
    lines = entry.read_text("utf-8").split("\n")
    line = next(n for n, text in enumerate(lines) if text.startswith("year:"))
    lines[line] = f"year: {int(entry.parent.name) + 1}"
    entry.write_text("\n".join(lines), "utf-8")
    return entry.relative_to(repository).as_posix(), line + 1


def test_pr_check_fails_and_annotates_the_line(tmp_path: Path) -> None:
    repository = pr_check_repository(tmp_path)
    path, line = break_year(repository)
    done = run_pr_check(repository, GT_FORMAT="github")
    assert done.returncode == 1, done.stdout + done.stderr
    assert re.search(rf"^::error file={re.escape(path)},line={line},col=\d+,title=year-mismatch::",
                     done.stdout, re.MULTILINE), done.stdout
    assert "FAILED" in done.stderr
    assert not (repository / "site").exists(), "an invalid contribution must not be built"


def test_pr_check_text_format_names_file_and_line(tmp_path: Path) -> None:
    repository = pr_check_repository(tmp_path)
    path, line = break_year(repository)
    done = run_pr_check(repository)
    assert done.returncode == 1
    assert f"{path}:{line}:" in done.stdout


# -- the issue form cannot drift from the vocabularies -------------------------------------------

@pytest.mark.parametrize(("field", "vocabulary"), [
    ("topics", "topics.yaml"),
    ("career-stages", "career-stages.yaml"),
])
def test_issue_form_options_are_the_vocabulary(field: str, vocabulary: str) -> None:
    [dropdown] = [item for item in load(ISSUE_FORM)["body"] if item.get("id") == field]
    names = [term["name"] for term in load(REPO / "library" / vocabulary)]
    assert dropdown["type"] == "dropdown"
    assert dropdown["attributes"]["multiple"] is True
    assert dropdown["attributes"]["options"] == names


# -- the PDF hook, with a stand-in for the coming `goldenthread pdf` ------------------------------

FAKE_PDF = """\
#!/usr/bin/env bash
# goldenthread with a stand-in `pdf YEAR -o FILE` that records its calls.
if [ "$1" = pdf ]; then
  [ "$2" = --help ] && exit 0
  echo "$2" >> "{log}"
  printf '%%PDF-1.7 stand-in\\n' > "$4"
  exit 0
fi
exec "{real}" "$@"
"""


def git(repository: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                    "-c", "commit.gpgsign=false", *args],
                   cwd=repository, check=True, capture_output=True, timeout=60)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
@pytest.mark.parametrize("with_base", [True, False], ids=["changed-years", "every-year"])
def test_pdf_hook_builds_the_changed_years(tmp_path: Path, with_base: bool) -> None:
    repository = pr_check_repository(tmp_path)
    log = tmp_path / "pdf-calls"
    fake = tmp_path / "goldenthread"
    fake.write_text(FAKE_PDF.format(log=log, real=goldenthread()), "utf-8")
    fake.chmod(0o755)
    git(repository, "init", "-q", "-b", "main")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "base")
    years = sorted(path.name for path in (repository / "research").iterdir() if path.is_dir())
    changed = years[-1]
    foreword = repository / "research" / changed / "_foreword.md"
    foreword.write_text(foreword.read_text("utf-8") + "\nOne more sentence.\n", "utf-8")
    git(repository, "commit", "-q", "-am", "a contribution")

    done = run_pr_check(repository, GOLDENTHREAD=str(fake), **({"BASE": "main~1"} if with_base else {}))
    assert done.returncode == 0, done.stdout + done.stderr
    built = log.read_text("utf-8").split()
    assert built == ([changed] if with_base else years)
    for year in built:
        assert (repository / "site" / "research" / year / f"action-research-{year}.pdf").is_file()


def test_pdf_hook_says_when_pdf_is_not_available(tmp_path: Path) -> None:
    fake = tmp_path / "goldenthread"
    fake.write_text(f'#!/usr/bin/env bash\n[ "$1" = pdf ] && exit 2\nexec "{goldenthread()}" "$@"\n')
    fake.chmod(0o755)
    repository = pr_check_repository(tmp_path)
    done = run_pr_check(repository, GOLDENTHREAD=str(fake))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "PDF step is not available yet" in done.stdout
