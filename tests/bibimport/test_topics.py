"""The library's topics from library/topics.yaml."""

from __future__ import annotations

from pathlib import Path

from goldenthread.bibimport.topics import load_topics


def test_ids_and_names_lead_to_ids(repo: Path) -> None:
    index, problems = load_topics(repo)
    assert problems == []
    assert index.topics(["cognitive-science", "Cognitive  Science", "knitting"]) == (
        ["cognitive-science"], ["knitting"])


def test_a_missing_topics_file_is_a_problem(tmp_path: Path) -> None:
    index, problems = load_topics(tmp_path)
    assert index.ids == {}
    assert [p.path for p in problems] == ["library/topics.yaml"]
