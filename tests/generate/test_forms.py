"""The forms' pages and data (generate/forms.py, form_data.py): made from validate's own rules
and the sources' vocabularies, so the forms cannot drift from them. What the forms do with
them in a browser is tests/site/test_forms.py's."""

from __future__ import annotations

import json
import re
from functools import cache
from html.parser import HTMLParser

import pytest

from goldenthread import scaffold
from goldenthread.assemble import assemble
from goldenthread.check.schema import schema_for
from goldenthread.export.bibtex import bib_name
from goldenthread.generate.form_data import RULES, TITLES, author_line, form_files, rules_data, titles_data
from goldenthread.generate.forms import ENTRY_FORM, TITLE_FORM, form_pages
from goldenthread.generate.pages import OWNED, site_files, site_pages
from goldenthread.messages import TEMPLATES
from goldenthread.model import KnowledgeBase
from goldenthread.settings import Settings
from goldenthread.validation import validate

from ..conftest import REPO


@cache
def knowledge() -> KnowledgeBase:
    return assemble(validate(REPO).sources)


class Controls(HTMLParser):
    """Each form control's (tag, type, name, value), and label texts by their `for`."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str]] = []
        self.labels: dict[str, str] = {}
        self._label: str | None = None
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.ids.append(values["id"])
        if tag in ("input", "select", "textarea", "option"):
            self.controls.append({"tag": tag, **values})
        if tag == "label":
            self._label = values.get("for", "")
            self.labels[self._label] = ""

    def handle_data(self, data: str) -> None:
        if self._label is not None:
            self.labels[self._label] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self._label = None


def parsed(text: str) -> Controls:
    parser = Controls()
    parser.feed(text)
    return parser


def test_the_rules_are_validates_own() -> None:
    data = json.loads(rules_data(knowledge()))
    fields = ("aims", "building_blocks", "stages")
    assert data["schemas"] == {"entry": schema_for("entry", fields), "title": schema_for("title", fields)}
    assert data["dimensions"] == [["aims", "Aims"], ["building_blocks", "Principles"], ["stages", "Stages"]]
    assert data["messages"] == TEMPLATES
    assert data["templates"]["entry"] == scaffold.ENTRY and data["templates"]["body"] == scaffold.BODY
    assert data["templates"]["title"] == scaffold.TITLE and data["templates"]["bib"] == scaffold.BIB
    assert data["patterns"]["notText"] == scaffold.NOT_TEXT
    kinds = {kind: (bibtype, [tuple(f) for f in fields]) for kind, bibtype, fields in data["referenceKinds"]}
    assert kinds == {kind: (bibtype, list(fields))
                     for kind, (bibtype, fields) in scaffold.REFERENCE_KINDS.items()}
    kb = knowledge()
    for name in ("academies", "topics", "aims", "building_blocks", "stages", "career_stages"):
        named = kb.named(name).values()
        assert [item[:2] for item in data["vocabularies"][name]] == [[i.id, i.name] for i in named]
    assert data["entries"] == sorted(f"research/{e.year}/{e.id}.md" for e in kb.entries)


def test_every_message_template_is_used() -> None:
    """A template nothing fills would be words the forms show and validate never prints."""
    sources = [path.read_text("utf-8") for path in (REPO / "scripts" / "goldenthread").rglob("*.py")]
    rules = REPO / "scripts" / "goldenthread" / "base" / "assets" / "form-rules.js"
    sources.append(rules.read_text("utf-8"))
    used = {name for text in sources for name in re.findall(r"""\bsay\(\s*["']([a-z.-]+)["']""", text)}
    assert sorted(set(TEMPLATES) - used) == []
    assert sorted(used - set(TEMPLATES)) == []


def test_the_catalogue_for_the_pickers() -> None:
    kb = knowledge()
    data = json.loads(titles_data(kb))
    assert data["id"] == sorted(t.id for t in kb.titles)
    by_id = {t.id: t for t in kb.titles}
    for n, ident in enumerate(data["id"]):
        assert data["title"][n] == by_id[ident].full_title
        kind, fields = data["reference"][n]
        assert kind == ("report" if by_id[ident].type == "report" else "book")
        assert fields["year"] == str(by_id[ident].year)


def test_a_title_chosen_as_a_reference_names_its_authors_as_library_bib_does() -> None:
    names = sorted({name for title in knowledge().titles for name in title.authors})
    assert len(names) > 100
    assert {name: scaffold.bib_value("author", author_line(name)) for name in names} == {
        name: bib_name(name) for name in names}


def test_the_forms_offer_every_choice_by_name() -> None:
    kb = knowledge()
    pages = form_pages(kb, Settings(), {})
    for page, names in ((ENTRY_FORM, ("topics", "aims", "building_blocks", "stages")),
                        (TITLE_FORM, ("topics", "aims", "building_blocks", "stages", "career_stages"))):
        form = parsed(pages[page])
        assert len(form.ids) == len(set(form.ids)), "ids are used once"
        for name in names:
            boxes = [c for c in form.controls if c.get("name") == name]
            assert [b["value"] for b in boxes] == [item.id for item in kb.named(name).values()]
            for box, item in zip(boxes, kb.named(name).values(), strict=True):
                assert form.labels[box["id"]].endswith(item.name)
    entry = parsed(pages[ENTRY_FORM])
    academies = [c["value"] for c in entry.controls if c["tag"] == "option" and c["value"]
                 and c["value"] in kb.named("academies")]
    assert academies == list(kb.named("academies"))
    assert scaffold.BODY in pages[ENTRY_FORM].replace("&#x27;", "'")  # the body starts from the template


@pytest.mark.parametrize(("repo_url", "edit_uri", "repo", "branch"), [
    ("https://github.com/trust/golden-thread", "", "https://github.com/trust/golden-thread", "main"),
    ("https://github.com/trust/golden-thread.git/", "edit/trunk/docs/",
     "https://github.com/trust/golden-thread", "trunk"),
    ("https://gitlab.com/trust/golden-thread", "", "", ""),
    ("", "", "", ""),
])
def test_propose_on_github_follows_repo_url(repo_url: str, edit_uri: str, repo: str, branch: str) -> None:
    pages = form_pages(knowledge(), Settings(repo_url=repo_url, edit_uri=edit_uri), {})
    for page in (ENTRY_FORM, TITLE_FORM):
        form = pages[page]
        if repo:
            assert f'data-repo="{repo}" data-branch="{branch}"' in form
            assert 'id="gt-propose"' in form
        else:
            assert "data-repo" not in form and 'id="gt-propose"' not in form
        # with GitHub or without, the teacher can send it to the research lead
        assert 'id="gt-send-heading">Send to the research lead<' in form
        assert "repo_url" not in form  # no setting's name on a teacher's screen


def test_send_to_the_research_lead_writes_to_the_submissions_address() -> None:
    pages = form_pages(knowledge(), Settings(submissions="mailto:lead@school.example"), {})
    assert 'data-submissions="lead@school.example"' in pages[ENTRY_FORM]
    assert 'id="gt-email"' in pages[ENTRY_FORM]
    without = form_pages(knowledge(), Settings(), {})[ENTRY_FORM]
    assert "data-submissions" not in without and 'id="gt-email"' not in without
    assert "Email the file you downloaded to The Trust’s research lead." in without  # the default name
    named = form_pages(knowledge(), Settings(trust_name="Riverside Learning Partnership"), {})[ENTRY_FORM]
    assert "to Riverside Learning Partnership’s research lead." in named


def test_the_pages_and_their_data_are_generated() -> None:
    kb = knowledge()
    pages = site_pages(kb, Settings(), {"write-your-entry": "How it works.", "propose-a-title": "Propose."})
    assert pages[ENTRY_FORM].startswith(
        '---\ntitle: "Write your entry"\nhide: ["toc"]\n---\n\n# Write your entry\n\nHow it works.')
    assert ENTRY_FORM.split("/")[0] in OWNED and TITLE_FORM.split("/")[0] in OWNED
    files = site_files(kb, pages, {})
    assert files[RULES] == rules_data(kb) and files[TITLES] == titles_data(kb)
    assert set(form_files(kb)) == {RULES, TITLES}
    for page in (ENTRY_FORM, TITLE_FORM):
        text = pages[page]
        assert ('<script src="../../assets/form-rules.js"></script>'
                '<script src="../../assets/forms.js">') in text
        assert re.search(r'data-rules="\.\./form-data\.json\?v=[0-9a-f]{12}"', text)
        # without JavaScript, the page says what to do, and only then (inside <noscript>)
        assert re.search(r'<noscript><div class="admonition note" id="gt-form-needs-script">', text)
        assert 'id="gt-form-failed" hidden' in text
