"""Export -> import into an empty catalogue -> export gives the identical file."""

from __future__ import annotations

import shutil
from pathlib import Path

from goldenthread.assemble import assemble
from goldenthread.bibimport import import_bibtex
from goldenthread.export.bibtex import catalogue
from goldenthread.validation import validate

from ..conftest import REPO


def empty_catalogue(root: Path) -> Path:
    """The real framework and vocabularies, and no catalogue records."""
    (root / "docs").mkdir(parents=True)
    shutil.copy(REPO / "docs" / "framework.yaml", root / "docs" / "framework.yaml")
    shutil.copy(REPO / "docs" / "trust.yaml", root / "docs" / "trust.yaml")
    (root / "library" / "titles").mkdir(parents=True)
    for vocabulary in (REPO / "library").glob("*.yaml"):
        shutil.copy(vocabulary, root / "library" / vocabulary.name)
    (root / "research").mkdir()
    return root


def test_the_real_catalogue_survives_export_import_export(tmp_path: Path) -> None:
    titles = assemble(validate(REPO).sources).titles
    assert len(titles) >= 188
    exported = catalogue(titles)
    root = empty_catalogue(tmp_path / "repo")
    bib = tmp_path / "library.bib"
    bib.write_text(exported, "utf-8")

    report = import_bibtex(root, bib, dry_run=False)

    assert report.problems == []
    assert [c.id for c in report.created] == [t.id for t in titles], "the ids are the keys"
    result = validate(root)
    assert result.problems == []
    assert catalogue(assemble(result.sources).titles) == exported
