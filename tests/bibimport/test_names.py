"""BibTeX name lists -> catalogue authors."""

from __future__ import annotations

import pytest

from goldenthread.bibimport.names import catalogue_names, family_key

CASES = [
    ("Sherrington, Tom", ["Tom Sherrington"]),
    ("Tom Sherrington", ["Tom Sherrington"]),
    ("Roediger, III, Henry L.", ["Henry L. Roediger III"]),
    ("Henry L. Roediger III", ["Henry L. Roediger III"]),
    ("Hirsch, Jr., E. D.", ["E. D. Hirsch, Jr."]),
    ("Hirsch,, Jr., E. D.", ["E. D. Hirsch, Jr."]),
    ("E. D. Hirsch Jr.", ["E. D. Hirsch, Jr."]),
    ("van Poortvliet, Matthew", ["Matthew van Poortvliet"]),
    ("Matthew van Poortvliet", ["Matthew van Poortvliet"]),
    ("{Education Endowment Foundation}", ["Education Endowment Foundation"]),
    ("{I CAN and RCSLT}", ["I CAN and RCSLT"]),
    ("{Department for Education} and {Department of Health}",
     ["Department for Education", "Department of Health"]),
    ("J{\\o}rgensen, Clara R{\\\"u}bner", ["Clara Rübner Jørgensen"]),
    ("Leahy, Siobh{\\'a}n", ["Siobhán Leahy"]),
    ("Akala", ["Akala"]),
    ("Tester, Tina and others", ["Tina Tester"]),
]


@pytest.mark.parametrize(("value", "names"), CASES)
def test_catalogue_names(value: str, names: list[str]) -> None:
    assert catalogue_names(value) == names


@pytest.mark.parametrize(("name", "key"), [
    ("Henry L. Roediger III", "roediger"),
    ("E. D. Hirsch, Jr.", "hirsch"),
    ("Matthew van Poortvliet", "poortvliet"),
    ("Education Endowment Foundation", "foundation"),
    ("Akala", "akala"),
])
def test_family_key(name: str, key: str) -> None:
    assert family_key(name) == key
