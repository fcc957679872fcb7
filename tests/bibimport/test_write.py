"""A new record's YAML: the catalogue's order and style, safe values, never over a file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from goldenthread.bibimport.plan import Planned
from goldenthread.bibimport.records import Record
from goldenthread.bibimport.write import folded, record_yaml, scalar, write_record

FULL = Record(key="make-it-stick", line=7, title="Make It Stick",
              subtitle="The Science of Successful Learning",
              authors=("Peter C. Brown", "Henry L. Roediger III", "Mark A. McDaniel"), year=2014,
              edition="2nd", publisher="Belknap Press of Harvard University Press",
              isbn="9780674729018", topics=("cognitive-science", "teaching-and-learning"),
              summary="Two memory researchers and a writer explain why many popular study habits, such "
                      "as rereading, feel productive but do little for long-term learning.",
              url="https://example.org/make-it-stick")

EXPECTED = (
    "# yaml-language-server: $schema=../../scripts/goldenthread/schemas/title.schema.json\n"
    "# Imported from refs.bib, entry make-it-stick (line 7): check topics, then add "
    "career_stages and the framework's fields (docs/framework.yaml).\n") + """\
title: Make It Stick
subtitle: The Science of Successful Learning
authors:
  - Peter C. Brown
  - Henry L. Roediger III
  - Mark A. McDaniel
year: 2014
edition: "2nd"
publisher: Belknap Press of Harvard University Press
isbn: "9780674729018"
topics: [cognitive-science, teaching-and-learning]
summary: >-
  Two memory researchers and a writer explain why many popular study habits, such as rereading, feel
  productive but do little for long-term learning.
url: https://example.org/make-it-stick
"""


def test_record_yaml_in_the_catalogues_order_and_style() -> None:
    assert record_yaml(FULL, "refs.bib") == EXPECTED


def test_a_report_without_topics() -> None:
    report = Record(key="r", line=3, title="A Test Report", authors=("Example Trust",), year=2020,
                    type="report")
    text = record_yaml(report, "refs.bib")
    assert "(line 3): add topics, then career_stages and the framework's fields" in text
    assert text.endswith("year: 2020\ntype: report\ntopics: []\n")


@pytest.mark.parametrize("value", [
    "Plain words", "Visible Learning: A Synthesis", "Yes", "1984", "null", "- dash", "# hash",
    "'quoted'", '"double"', "a: b", "{braces}", "[list]", "50% & more", "tab\there", "bell\x07",
    "über – “quotes”", "ends with colon:", "@at", "`tick`", "!bang", "*star", "&amp", "|pipe", ">gt",
])
def test_every_scalar_reads_back_unchanged(value: str) -> None:
    assert yaml.safe_load(f"value: {scalar(value)}") == {"value": value}
    assert yaml.safe_load(f"summary: {folded(value)}") == {"summary": value}


def test_long_text_is_folded() -> None:
    text = " ".join(["word"] * 60)
    assert folded(text).startswith(">-\n  word")
    assert yaml.safe_load(f"summary: {folded(text)}") == {"summary": text}


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    planned = Planned(FULL, "make-it-stick")
    target = tmp_path / planned.path
    target.parent.mkdir(parents=True)
    target.write_text("mine\n", "utf-8")
    assert write_record(tmp_path, planned, "theirs\n") is False
    assert target.read_text("utf-8") == "mine\n"
    assert write_record(tmp_path, Planned(FULL, "new-one"), "theirs\n") is True
    assert (tmp_path / "library" / "titles" / "new-one.yaml").read_text("utf-8") == "theirs\n"
