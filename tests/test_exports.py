"""The catalogue and each year's references as RIS and CSL-JSON, read back by real readers
of each format (rispy, as EndNote and Zotero import RIS; citeproc-py, a citation processor
that formats CSL-JSON as Zotero does), checked against the sources themselves: the
catalogue records, and the .bib files as bibtexparser reads them."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import pytest
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from goldenthread.assemble import assemble
from goldenthread.cite.latex import plain
from goldenthread.cite.names import parse_names
from goldenthread.export.files import library_text, year_text
from goldenthread.model import KnowledgeBase
from goldenthread.validation import validate

from .conftest import REPO


@pytest.fixture(scope="module")
def knowledge() -> KnowledgeBase:
    return assemble(validate(REPO).sources)


def _surnames(authors: tuple[str, ...]) -> list[str]:
    return [author.split()[-1] for author in authors if author.split()]


def test_every_title_reads_back_from_the_ris(knowledge: KnowledgeBase) -> None:
    read = {entry["id"]: entry for entry in rispy.loads(library_text(knowledge, "ris"))}
    assert len(read) == len(knowledge.titles)
    for title in knowledge.titles:
        entry = read[title.id]
        assert entry["type_of_reference"] == ("RPRT" if title.type == "report" else "BOOK"), title.id
        assert entry["title"] == title.full_title
        assert entry["year"] == str(title.year)
        for surname in _surnames(title.authors):
            assert any(surname.rstrip(".,") in author for author in entry["authors"]), (title.id, surname)
        assert entry.get("publisher", "") == title.publisher
        assert entry.get("issn", "") == title.isbn  # RIS's SN holds an ISBN or an ISSN


def _bibliography(csl: str, keys: list[str]) -> dict[str, str]:
    """Each item formatted by citeproc-py in a Harvard style (the one it ships)."""
    source = CiteProcJSON(json.loads(csl))
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    for key in keys:
        bibliography.register(Citation([CitationItem(key)]))
    return {item.key: str(text) for item, text in zip(bibliography.items, bibliography.bibliography(),
                                                        strict=True)}


def test_every_title_formats_from_the_csl_json(knowledge: KnowledgeBase) -> None:
    csl = library_text(knowledge, "json")
    items = {item["id"]: item for item in json.loads(csl)}
    assert set(items) == {title.id for title in knowledge.titles}
    formatted = _bibliography(csl, sorted(items))
    for title in knowledge.titles:
        text = formatted[title.id.lower()]
        assert title.title.split(":")[0][:30].lower() in text.lower(), (title.id, text)
        assert str(title.year) in text
        assert all(surname.rstrip(".,") in text for surname in _surnames(title.authors)[:1]), text
        if title.isbn:
            assert items[title.id]["ISBN"] == title.isbn


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_each_years_references_read_back_in_every_format(knowledge: KnowledgeBase, year: int) -> None:
    """What bibtexparser reads in the year's .bib, the RIS and the CSL-JSON say too."""
    works = {}
    for path in sorted((REPO / "research" / str(year)).glob("*.bib")):
        if path.name != "TEMPLATE.bib":
            for entry in bibtexparser.parse_string(path.read_text("utf-8")).entries:
                works.setdefault(entry.key, entry)
    assert works
    ris = {entry["id"]: entry for entry in rispy.loads(year_text(knowledge, year, "ris"))}
    csl = year_text(knowledge, year, "json")
    items = {item["id"]: item for item in json.loads(csl)}
    assert set(ris) == set(items) == set(works)  # no two entries of these years clash on a key
    formatted = _bibliography(csl, sorted(items))
    for key, work in works.items():
        title = plain(work.fields_dict["title"].value)
        surnames = [name.literal or name.family for name in
                    parse_names(work.fields_dict["author"].value if "author" in work.fields_dict else "")]
        assert ris[key]["title"].startswith(title), key
        assert items[key]["title"].startswith(title), key
        for surname in surnames:
            assert any(surname in author for author in ris[key].get("authors", [])), (key, surname)
        if "doi" in work.fields_dict:
            assert ris[key]["doi"] == items[key]["DOI"] == work.fields_dict["doi"].value
        if surnames:
            assert surnames[0] in formatted[key.lower()], formatted[key.lower()]


def test_the_built_site_offers_each_export(tmp_path: Path) -> None:
    from goldenthread.mkdocs_plugin.build import build

    from .site.test_build import copy_repository

    root = copy_repository(tmp_path / "repo")
    site = build(root).site
    assert site is not None
    catalogue = (site / "library" / "index.html").read_text("utf-8")
    for name in ("library.bib", "library.ris", "library.json"):
        assert f'href="{name}"' in catalogue and (site / "library" / name).stat().st_size > 1000
    for year in (2024, 2025, 2026):
        page = (site / "research" / str(year) / "index.html").read_text("utf-8")
        for suffix in ("bib", "ris", "json"):
            assert f'href="references-{year}.{suffix}"' in page
            assert (site / "research" / str(year) / f"references-{year}.{suffix}").is_file()
    # the audit finds a title missing from an export
    from goldenthread.audit.site import audit_site

    ris = site / "library" / "library.ris"
    records = ris.read_text("utf-8").split("\n\n")
    ris.write_text("\n\n".join(records[1:]), "utf-8")
    dropped = records[0].split("ID  - ", 1)[1].split("\n", 1)[0]
    found = audit_site(site, assemble(validate(root).sources))
    assert [(p.path, p.code) for p in found] == [("site/library/library.ris", "missing-export")]
    assert repr(dropped) in found[0].message
