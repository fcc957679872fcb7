"""The submission file (submission.py) and `goldenthread research add` (research_add.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from goldenthread.cli import main
from goldenthread.submission import SubmissionError, join, split

from .conftest import VALID_BIB, VALID_ENTRY

PATH = "research/2026/a-new-entry.md"
ENTRY = VALID_ENTRY.replace("year: 2025", "year: 2026")


def test_join_then_split_gives_back_the_files_and_their_lines() -> None:
    text = join(PATH, ENTRY, VALID_BIB)
    assert text.startswith(ENTRY)  # the entry's lines are the submission's
    found = split(text)
    assert (found.path, found.entry, found.bib, found.bib_path) == (
        PATH, ENTRY, VALID_BIB, "research/2026/a-new-entry.bib")
    assert text.splitlines()[found.bib_line - 1] == VALID_BIB.splitlines()[0]
    assert split(join(PATH, ENTRY)).bib == ""
    # an email program that sends CRLF line ends changes nothing
    assert split(text.replace("\n", "\r\n")) == found


# (what the file holds, the line the problem names, words the message has)
MALFORMED = [
    ("no marker", ENTRY, 1, "not a submission"),
    ("a path outside research", ENTRY + "\n<!-- Golden Thread submission: library/x.md\n-->\n",
     ENTRY.count("\n") + 2, "not where an entry goes"),
    ("a path with capitals", ENTRY + "\n<!-- Golden Thread submission: research/2026/My.md\n-->\n",
     ENTRY.count("\n") + 2, "not where an entry goes"),
    ("cut short", join(PATH, ENTRY, VALID_BIB)[:-5], ENTRY.count("\n") + 2, "not closed"),
]


@pytest.mark.parametrize(("text", "line", "words"), [case[1:] for case in MALFORMED],
                         ids=[case[0] for case in MALFORMED])
def test_a_malformed_submission_names_its_line(text: str, line: int, words: str) -> None:
    with pytest.raises(SubmissionError) as raised:
        split(text)
    assert raised.value.line == line and words in str(raised.value)


def add(repo: Path, text: str | bytes, capsys: pytest.CaptureFixture[str],
        *options: str) -> tuple[int, list[dict[str, object]]]:
    sent = repo.parent / "sent.md"
    sent.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    code = main(["--root", str(repo), "research", "add", str(sent), "--format", "json", *options])
    return code, json.loads(capsys.readouterr().out)


def test_a_valid_submission_is_placed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, problems = add(repo, join(PATH, ENTRY, VALID_BIB), capsys)
    assert (code, problems) == (0, [])
    assert (repo / PATH).read_text("utf-8") == ENTRY
    assert (repo / "research/2026/a-new-entry.bib").read_text("utf-8") == VALID_BIB
    assert main(["--root", str(repo), "validate"]) == 0


def test_dry_run_places_nothing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert add(repo, join(PATH, ENTRY, VALID_BIB), capsys, "--dry-run") == (0, [])
    assert not (repo / "research/2026").exists()


def test_it_never_overwrites(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "research/2026").mkdir()
    (repo / "research/2026/a-new-entry.bib").write_text("% mine\n", "utf-8")
    code, problems = add(repo, join(PATH, ENTRY, VALID_BIB), capsys)
    assert code == 1 and [p["code"] for p in problems] == ["submission-exists"]
    assert (repo / "research/2026/a-new-entry.bib").read_text("utf-8") == "% mine\n"
    assert not (repo / PATH).exists()


def test_problems_name_the_submissions_own_lines(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    entry = ENTRY.replace("Does it work?", "\"TODO: your question\"")
    bib = VALID_BIB.replace("  doi     = {10.1111/j.1467-9280.2006.01693.x}\n", "  doi = {doi:10.1/x}\n")
    text = join(PATH, entry, bib)
    code, problems = add(repo, text, capsys)
    assert code == 1 and not (repo / "research/2026").exists()
    lines = text.splitlines()
    where = {p["code"]: p["line"] for p in problems}
    assert {p["path"] for p in problems} == {str(repo.parent / "sent.md")}
    assert set(where) == {"doi-prefix", "placeholder"}
    assert lines[where["doi-prefix"] - 1].startswith("  doi = {doi:")  # the .bib's line, in the submission
    assert lines[where["placeholder"] - 1] == "research_question: \"TODO: your question\""


def test_a_file_that_is_not_a_submission(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert add(repo, ENTRY, capsys)[1][0]["code"] == "submission-format"
    code, problems = add(repo, b"\xff\xfe", capsys)
    assert code == 1 and problems[0]["code"] == "not-utf8"


def test_a_missing_file_is_a_usage_error(repo: Path) -> None:
    assert main(["--root", str(repo), "research", "add", str(repo / "nothing.md")]) == 2


def test_a_problem_it_causes_in_another_file_is_reported(repo: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    # an entry of 2024 with the id of the 2025 entry: validate names the later file
    text = join("research/2024/valid-entry.md", VALID_ENTRY.replace("year: 2025", "year: 2024"), VALID_BIB)
    code, problems = add(repo, text, capsys)
    assert code == 1 and [(p["path"], p["code"]) for p in problems] == [
        ("research/2025/valid-entry.md", "duplicate-id")]
    assert not (repo / "research/2024").exists()
