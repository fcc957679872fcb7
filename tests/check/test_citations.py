from __future__ import annotations

from goldenthread.check.citations import citations


def test_forms_of_citation() -> None:
    body = "One [@a].\nTwo [@b, p. 12] and [@c; @d, ch. 2].\nMail me@x.org; [see @e]."
    found = [(c.key, c.locator, c.line) for c in citations(body, first_line=10)]
    assert found == [("a", "", 10), ("b", "p. 12", 11), ("c", "", 11), ("d", "ch. 2", 11)]


def test_citations_in_code_are_ignored() -> None:
    assert citations("`[@a]`\n```\n[@b]\n```\n") == []
