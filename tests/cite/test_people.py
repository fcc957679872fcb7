"""Authors as APA 7 and BibTeX mean them (cite/people.py), on a table of awkward real names:
particles, suffixes, hyphens, accents and organisations. Each row: the name as a catalogue
record or an entry writes it; whether it is an organisation; its BibTeX form (export/bibtex.py);
its APA reference-list form (cite/names.py reading that BibTeX back); its short form."""

from __future__ import annotations

import pytest

from goldenthread.cite.names import parse_names
from goldenthread.cite.people import cited, is_organisation, listed, short
from goldenthread.export.bibtex import bib_name

NAMES = [
    ("Dylan Wiliam", False, "Wiliam, Dylan", "Wiliam, D.", "Wiliam"),
    ("E. D. Hirsch, Jr.", False, "Hirsch, Jr., E. D.", "Hirsch, E. D., Jr.", "Hirsch"),
    ("Henry L. Roediger III", False, "Roediger, III, Henry L.", "Roediger, H. L., III", "Roediger"),
    ("Jeroen J. G. van Merriënboer", False, "van Merriënboer, Jeroen J. G.", "van Merriënboer, J. J. G.",
     "van Merriënboer"),
    ("Anique de Bruin", False, "de Bruin, Anique", "de Bruin, A.", "de Bruin"),
    ("Ernst von Glasersfeld", False, "von Glasersfeld, Ernst", "von Glasersfeld, E.", "von Glasersfeld"),
    ("Sarah-Jayne Blakemore", False, "Blakemore, Sarah-Jayne", "Blakemore, S.-J.", "Blakemore"),
    ("Célestin Freinet", False, "Freinet, Célestin", "Freinet, C.", "Freinet"),
    ("Carol S. Dweck", False, "Dweck, Carol S.", "Dweck, C. S.", "Dweck"),
    ("Plato", False, "Plato", "Plato", "Plato"),
    ("I CAN", True, "{I CAN}", "I CAN", "I CAN"),
    ("Royal College of Speech and Language Therapists", True,
     "{Royal College of Speech and Language Therapists}",
     "Royal College of Speech and Language Therapists", "Royal College of Speech and Language Therapists"),
    ("Education Endowment Foundation", True, "{Education Endowment Foundation}",
     "Education Endowment Foundation", "Education Endowment Foundation"),
    ("Department for Education", True, "{Department for Education}", "Department for Education",
     "Department for Education"),
    ("Ofsted", True, "{Ofsted}", "Ofsted", "Ofsted"),
    ("OECD", True, "{OECD}", "OECD", "OECD"),
    ("National Foundation for Educational Research", True, "{National Foundation for Educational Research}",
     "National Foundation for Educational Research", "National Foundation for Educational Research"),
]


@pytest.mark.parametrize(("name", "organisation", "bibtex", "apa", "family"), NAMES,
                         ids=[n[0] for n in NAMES])
def test_an_awkward_name(name: str, organisation: bool, bibtex: str, apa: str, family: str) -> None:
    assert is_organisation(name) is organisation
    assert bib_name(name) == bibtex
    read_back = parse_names(bib_name(name))
    assert len(read_back) == 1  # an organisation with "and" in its name is still one name
    assert read_back[0].inverted() == apa
    assert short(name) == family


def test_two_organisations_are_two_names_not_four() -> None:
    authors = ("I CAN", "Royal College of Speech and Language Therapists")
    field = " and ".join(bib_name(name) for name in authors)
    assert [name.literal for name in parse_names(field)] == list(authors)
    assert cited(authors) == "I CAN & Royal College of Speech and Language Therapists"


PEOPLE = [row[0] for row in NAMES]


@pytest.mark.parametrize(("count", "citation", "listing"), [
    (1, "Wiliam", "Dylan Wiliam"),
    (2, "Wiliam & Hirsch", "Dylan Wiliam & E. D. Hirsch, Jr."),
    (3, "Wiliam et al.", "Dylan Wiliam, E. D. Hirsch, Jr., & Henry L. Roediger III"),
    (20, "Wiliam et al.", None),
    (21, "Wiliam et al.", None),
    (25, "Wiliam et al.", None),
])
def test_bylines_follow_apa_7_for_1_2_3_to_20_and_21_or_more(count: int, citation: str,
                                                            listing: str | None) -> None:
    names = [PEOPLE[n % len(PEOPLE)] + ("" if n < len(PEOPLE) else f" {n}") for n in range(count)]
    assert cited(names) == citation
    line = listed(names)
    if listing is not None:
        assert line == listing
    if count <= 20:
        assert all(name in line for name in names) and ". . ." not in line
        assert line.endswith(", & " + names[-1]) == (count >= 3)
    else:  # the first nineteen, an ellipsis, the last
        assert line == ", ".join(names[:19]) + ", . . . " + names[-1]
