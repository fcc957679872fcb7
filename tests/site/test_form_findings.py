"""The entry form's "What you measured" (generate/forms.py, base/assets/forms.js, form-rules.js
and effect.js), in a real browser, as a teacher uses it: the result shown as they type must be
what impact/ computes from the same numbers, the mistakes must be validate's, each in the
teacher's words, and the entry written must be what scaffold.py writes and pass validate and
`goldenthread research add`."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from goldenthread.generate.forest import number
from goldenthread.impact.effect import Group
from goldenthread.impact.finding import Finding, finding_of, result_of
from goldenthread.messages import TEACHER
from goldenthread.scaffold import NewEntry, NewFinding, NewGroup, bib_text, entry_text, new_id

from ..plain_words import unplain
from . import test_forms as forms
from .test_forms import (
    ENTRY_FORM,
    IDS,
    axe_violations,
    entry_of,
    form_problems,
    judged,
    load_draft,
    made_files,
    press_until,
    research_add,
    teacher_state,
    validate_in_copy,
    validator_problems,
)

pytestmark = pytest.mark.browser
form_site, open_form = forms.form_site, forms.open_form  # the forms' site, built for this module
FIELDS = ("n", "mean", "sd", "pre_mean", "pre_sd")


def new_finding(finding: dict[str, Any]) -> NewFinding:
    """The oracle's finding: the form's draft of one, as `scaffold.finding_text` takes it (a
    published result only for two groups, as check/outcomes.py allows)."""
    reported = finding.get("source") == "reported" and finding["design"] != "one-group"
    return NewFinding(finding["measure"], finding["design"], finding.get("better") != "lower",
                      tuple((name, NewGroup(**{key: finding[name].get(key, "") for key in FIELDS}))
                            for name in ("intervention", "comparison", "before", "after") if name in finding),
                      (finding.get("scale_min", ""), finding.get("scale_max", "")),
                      (finding["g"], finding["ci_low"], finding["ci_high"]) if reported else None)


def published(g: str, low: str, high: str, design: str = "two-group", **more: Any) -> dict[str, Any]:
    """A draft finding given as a published result: Hedges' g and its 95% interval, as typed."""
    return {**draft_finding(design), "source": "reported", "g": g, "ci_low": low, "ci_high": high, **more}


def with_findings(state: dict[str, Any]) -> tuple[str, NewEntry, Any]:
    ident, new, references = entry_of(state)
    findings = tuple(new_finding(f) for f in state.get("outcomes", []))
    return ident, NewEntry(**{**new.__dict__, "outcomes": findings}), references


def draft_finding(design: str = "two-group", better: str = "higher",
                  **groups: Any) -> dict[str, Any]:
    empty = {key: "" for key in FIELDS}
    finding: dict[str, Any] = {"measure": "Reading fluency, words correct per minute", "design": design,
                               "better": better}
    for name in ("intervention", "comparison", "before", "after"):
        finding[name] = {**empty, **groups.get(name, {})}
    return finding


TWO = {"intervention": {"n": "14", "mean": "92.5", "sd": "18.2"},
       "comparison": {"n": "13", "mean": "84.1", "sd": "17.6"}}


def fill_finding(page: Any, numbers: dict[str, dict[str, str]], measure: str) -> Any:
    """Add a finding and type its numbers into the boxes, as a teacher would."""
    page.get_by_role("button", name="Add a finding").click()
    finding = page.locator("#gt-outcomes-list > li").last
    finding.get_by_label("What you measured, and how").fill(measure)
    for name, values in numbers.items():
        group = finding.locator(f"[data-group='{name}']")
        for label, key in (("Number of pupils", "n"), ("Average score", "mean"),
                           ("Spread (standard deviation)", "sd")):
            box = group.get_by_label(label, exact=True)
            box.click()
            box.press_sequentially(values[key])
    return finding


def shown_rows(finding: Any) -> dict[str, str]:
    rows = finding.locator(".gt-result-row").all()
    return {row.locator("strong").inner_text().rstrip(": ").strip():
            row.locator(".gt-result-value").inner_text() for row in rows}


def sent_and_added(page: Any, folder: Path, ident: str, md_path: str, expected: str) -> None:
    """"Download your entry", then `research add` of the file in a copy of the repository:
    the entry it places is the one the form wrote."""
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("^Download your entry")).click()
    sent = Path(download.value.path()).read_text("utf-8")
    added = research_add(folder, sent, f"{ident}.md")
    assert added.returncode == 0, added.stdout + added.stderr
    assert (folder / md_path).read_text("utf-8") == expected


def test_a_teacher_measures_two_groups_and_sees_pythons_result(
        open_form: Any, form_site: Any, tmp_path: Path) -> None:
    visit = open_form(ENTRY_FORM)
    page = visit.page
    state = teacher_state()
    load_draft(page, "entry", state)
    finding = fill_finding(page, TWO, "Reading fluency, words correct per minute")
    expect(finding.locator(".gt-result[data-shown]")).to_be_visible()
    expected = result_of(Finding("m", "two-group", True, Group(14, 92.5, 18.2), Group(13, 84.1, 17.6)))
    interval = expected.estimate.interval
    assert interval is not None and expected.months is not None
    rows = shown_rows(finding)
    assert rows == {
        "Effect size (Hedges’ g)": number(expected.estimate.value),
        "95% interval": f"{number(interval.low)} to {number(interval.high)}",
        "Months’ progress": f"{str(expected.months).replace('-', '−')} months",
        "Strength": str(expected.strength)}, rows
    # by hand: pooled SD 17.915, d 0.469, J 0.970, g 0.455; 0.45 is up to 0.52, so 6 months
    assert rows["Effect size (Hedges’ g)"] == "0.45" and rows["Months’ progress"] == "6 months"
    for reason in expected.strength.reasons:
        expect(finding.locator(".gt-result")).to_contain_text(reason[1:])

    # A mistake: a spread of 0. The teacher's sentence, at the box, once it is left.
    comparison = finding.locator("[data-group='comparison']")
    spread = comparison.get_by_label("Spread (standard deviation)", exact=True)
    spread.fill("0")
    spread.press("Tab")
    box = "‘Spread (standard deviation)’ in Pupils who did not (the comparison group) in finding 1"
    sentence = TEACHER["outcome-sd"].format(field=box)
    expect(page.locator("#gt-outcomes-0-comparison-sd-error")).to_have_text("Error: " + sentence)
    assert page.locator("#gt-outcomes-0-comparison-sd").get_attribute("aria-invalid") == "true"
    expect(finding.locator(".gt-result")).to_contain_text("Put right what is marked above")
    assert unplain(sentence, IDS) == []
    spread.fill("17.6")
    spread.press("Tab")
    expect(page.locator("#gt-outcomes-0-comparison-sd-error")).to_be_hidden()
    expect(finding.locator(".gt-result[data-shown]")).to_be_visible()

    # Finished: the file is what scaffold.py writes, and it passes validate and research add.
    page.get_by_role("button", name="Check my entry").click()
    page.locator("#gt-output").wait_for()
    # the last screen says it too, as the entry will show it
    expect(page.locator("#gt-finished")).to_contain_text(
        "Finding 1: Reading fluency, words correct per minute: "
        f"effect size {rows['Effect size (Hedges’ g)']} "
        f"(95% interval {rows['95% interval']}), 6 months’ progress. Strength: {expected.strength}.")
    state["outcomes"] = [draft_finding(**TWO)]
    ident, new, references = with_findings(state)
    md_path = f"research/2026/{ident}.md"
    files = made_files(visit)
    assert files[md_path] == entry_text(new)
    assert "    intervention: {n: 14, mean: 92.5, sd: 18.2}\n" in files[md_path]
    done = validate_in_copy(tmp_path / "repo", files)
    assert done.returncode == 0 and judged(done.stdout) == [], done.stdout + done.stderr
    assert not [p for p in json.loads(done.stdout) if p["code"].startswith("outcome")]
    sent_and_added(page, tmp_path / "added", ident, md_path, entry_text(new))
    assert (tmp_path / "added" / f"research/2026/{ident}.bib").read_text("utf-8") == bib_text(references)
    assert visit.console_errors == []


def test_one_group_shows_a_change_never_months(open_form: Any) -> None:
    page = open_form(ENTRY_FORM).page
    finding = fill_finding(page, {}, "Spelling, words right out of 20")
    finding.get_by_label("One group, before and after").check()
    assert finding.locator("[data-group='intervention']").is_hidden()
    for name, values in (("before", ("28", "12.5", "4.1")), ("after", ("28", "15.25", "3.9"))):
        group = finding.locator(f"[data-group='{name}']")
        for label, value in zip(("Number of pupils", "Average score", "Spread (standard deviation)"), values,
                                strict=True):
            group.get_by_label(label, exact=True).fill(value)
    expect(finding.locator(".gt-result[data-shown]")).to_be_visible()
    expected = result_of(Finding("m", "one-group", True, before=Group(28, 12.5, 4.1),
                                 after=Group(28, 15.25, 3.9)))
    rows = shown_rows(finding)
    assert rows == {"Standardised change": f"{number(expected.estimate.value)} standard deviations",
                    "Strength": str(expected.strength)}
    text = finding.locator(".gt-result").inner_text()
    assert "not an effect of the approach" in text and "No months’ progress" in text
    assert "Effect size" not in text and "interval" not in text


def test_a_finding_by_keyboard_alone(open_form: Any) -> None:
    """Add a finding, choose its design with the arrows, type its numbers: no click, no fill."""
    page = open_form(ENTRY_FORM).page
    keyboard = page.keyboard
    press_until(page, "#gt-add-finding")
    keyboard.press("Enter")  # the focus goes to the new finding's first box
    assert page.evaluate("document.activeElement.id") == "gt-outcomes-0-measure"
    keyboard.type("Spelling, words right out of 20")
    press_until(page, "#gt-outcomes-0-design-two-group")
    keyboard.press("ArrowDown")  # the next design: two groups, with a test before too
    assert page.locator("#gt-outcomes-0-design-two-group-pretest").is_checked()
    expect(page.locator("#gt-outcomes-0-intervention-pre-mean")).to_be_visible()
    typed = (("intervention", ("20", "14", "3", "10", "3")), ("comparison", ("21", "12", "3", "10", "3")))
    for name, values in typed:
        for box, value in zip(("n", "mean", "sd", "pre-mean", "pre-sd"), values, strict=True):
            press_until(page, f"#gt-outcomes-0-{name}-{box}")
            keyboard.type(value)
    keyboard.press("Tab")
    result = page.locator("#gt-outcomes-0-result[data-shown]")
    expect(result).to_contain_text("Effect size (Hedges’ g)")
    expect(result).to_contain_text("a pre-test showed they started level")


def test_a_teacher_enters_a_published_result_by_keyboard(open_form: Any, tmp_path: Path) -> None:
    """Only keys: choose a published result, type g and its interval, see the result the site
    will publish, make the interval miss g, read the mistake in plain words at the box, put it
    right, and the entry written passes validate and `research add`."""
    visit = open_form(ENTRY_FORM)
    page, keyboard = visit.page, visit.page.keyboard
    state = teacher_state()
    load_draft(page, "entry", state)
    press_until(page, "#gt-add-finding")
    keyboard.press("Enter")
    keyboard.type("Spelling age (months)")
    finding = page.locator("#gt-outcomes-list > li").first
    reported = finding.locator("[data-reported]")
    expect(reported).to_be_hidden()  # the groups' numbers first, as before
    press_until(page, "#gt-outcomes-0-source-groups")
    keyboard.press("ArrowDown")
    assert page.locator("#gt-outcomes-0-source-reported").is_checked()
    choice = finding.get_by_label("I have a published result (an effect size with its interval)")
    expect(choice).to_be_checked()
    # the published result stands alone: no groups, no "which scores are better", no range
    expect(reported).to_be_visible()
    for hidden in ("[data-group='intervention']", "[data-group='comparison']",
                   "[data-path='outcomes.0.higher_is_better']", "[data-path='outcomes.0.scale']"):
        expect(finding.locator(hidden)).to_be_hidden()
    # the teacher's words label each box, and its hint and error are read with it
    for ident, label in (("g", "Effect size (Hedges’ g)"),
                         ("ci-low", "Lowest value of its 95% confidence interval"),
                         ("ci-high", "Highest value of its 95% confidence interval")):
        box = page.locator(f"#gt-outcomes-0-reported-{ident}")
        expect(finding.get_by_label(label, exact=True)).to_have_id(f"gt-outcomes-0-reported-{ident}")
        described = (box.get_attribute("aria-describedby") or "").split()
        assert f"gt-outcomes-0-reported-{ident}-error" in described, described
        if ident != "g":
            assert "gt-outcomes-0-reported-ci-error" in described, described
    # the mistake: an interval copied wrong, that does not hold g
    for ident, value in (("g", "0.42"), ("ci-low", "0.12"), ("ci-high", "0.32")):
        press_until(page, f"#gt-outcomes-0-reported-{ident}")
        keyboard.type(value)
    keyboard.press("Tab")
    field = "‘Its 95% confidence interval in finding 1’"
    sentence = TEACHER["outcome-interval"].format(field=field)
    error = page.locator("#gt-outcomes-0-reported-ci-error")
    expect(error).to_have_text("Error: " + sentence)
    for end in ("low", "high"):  # both ends are marked, and read the interval's error
        expect(page.locator(f"#gt-outcomes-0-reported-ci-{end}")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#gt-outcomes-0-reported-g")).not_to_have_attribute("aria-invalid", "true")
    assert unplain(sentence, IDS) == []
    expect(finding.locator(".gt-result")).to_contain_text("Put right what is marked above")
    # put right, by keyboard: back to the highest value, which was 0.72 in the report
    press_until(page, "#gt-outcomes-0-reported-ci-high", key="Shift+Tab")
    keyboard.press("Control+a")
    keyboard.type("0.72")
    keyboard.press("Tab")
    expect(error).to_be_hidden()
    expect(page.locator("#gt-outcomes-0-reported-ci-high")).not_to_have_attribute("aria-invalid", "true")
    expect(finding.locator(".gt-result[data-shown]")).to_be_visible()
    expected = result_of(finding_of({"measure": "m", "design": "two-group",
                                     "effect_size": {"g": 0.42, "ci": [0.12, 0.72]}}))
    interval, months = expected.estimate.interval, expected.months
    assert interval is not None and months is not None
    rows = shown_rows(finding)
    assert rows == {"Effect size (Hedges’ g)": number(expected.estimate.value),
                    "95% interval": f"{number(interval.low)} to {number(interval.high)}",
                    "Months’ progress": f"{months} months", "Strength": str(expected.strength)}, rows
    # by hand: 0.42 is up to 0.44 in the EEF's table, so 5 months; no group sizes given, so
    # from Moderate one level down to Limited; the interval is clear of zero
    assert rows["Months’ progress"] == "5 months" and rows["Strength"] == "Limited (2 of 4)"
    expect(finding.locator(".gt-result")).to_contain_text(
        "he sizes of the groups are not given, so we cannot check them")

    page.get_by_role("button", name="Check my entry").click()
    page.locator("#gt-output").wait_for()
    expect(page.locator("#gt-finished")).to_contain_text(
        "Finding 1: Spelling age (months): effect size 0.42 (95% interval 0.12 to 0.72), 5 months’ progress. "
        "Strength: Limited (2 of 4).")
    state["outcomes"] = [{**published("0.42", "0.12", "0.72"), "measure": "Spelling age (months)"}]
    ident, new, _ = with_findings(state)
    md_path = f"research/2026/{ident}.md"
    files = made_files(visit)
    assert files[md_path] == entry_text(new)
    assert ("  - measure: \"Spelling age (months)\"\n    design: two-group\n"
            "    effect_size: {g: 0.42, ci: [0.12, 0.72]}\n---\n") in files[md_path]
    done = validate_in_copy(tmp_path / "repo", files)
    assert done.returncode == 0 and judged(done.stdout) == [], done.stdout + done.stderr
    sent_and_added(page, tmp_path / "added", ident, md_path, entry_text(new))
    assert visit.console_errors == []


def test_one_group_is_never_offered_a_published_result(open_form: Any) -> None:
    page = open_form(ENTRY_FORM).page
    finding = fill_finding(page, {}, "Spelling, words right out of 20")
    finding.get_by_label("I have a published result (an effect size with its interval)").check()
    expect(finding.locator("[data-reported]")).to_be_visible()
    finding.get_by_label("One group, before and after").check()
    expect(finding.locator("[data-path='outcomes.0.source']")).to_be_hidden()
    expect(finding.locator("[data-reported]")).to_be_hidden()
    expect(finding.locator("[data-group='before']")).to_be_visible()
    finding.get_by_label("Two groups, with a test before too").check()
    expect(finding.locator("[data-reported]")).to_be_visible()  # what was chosen comes back


# -- The form's checks of findings and validate agree ---------------------------------------------

SD_0 = {"n": "13", "mean": "84.1", "sd": "0"}
PRETEST = {"intervention": {**TWO["intervention"], "pre_mean": "80", "pre_sd": "17"},
           "comparison": {**TWO["comparison"], "pre_mean": "81", "pre_sd": "15"}}
TINY = "0." + "0" * 319  # then a digit: 1e-320, and the difference over it is past the largest number
FINDING_MISTAKES: dict[str, list[dict[str, Any]]] = {
    "a spread of 0": [draft_finding(**{**TWO, "comparison": SD_0})],
    "one pupil, and a negative spread": [
        draft_finding(**{**TWO, "intervention": {"n": "1", "mean": "3", "sd": "-2"}})],
    "pupils as words and with a point": [draft_finding(**{
        "intervention": {"n": "fourteen", "mean": "3", "sd": "2"},
        "comparison": {"n": "13.5", "mean": "3", "sd": "2"}})],
    "an average left empty": [draft_finding(**{**TWO, "comparison": {"n": "13", "mean": "", "sd": "17.6"}})],
    "no measure": [{**draft_finding(**TWO), "measure": ""}],
    "a pre-test's spread of 0": [draft_finding("two-group-pretest", **{
        **PRETEST, "intervention": {**PRETEST["intervention"], "pre_sd": "0"}})],
    "a pre-test left out": [draft_finding("two-group-pretest", **TWO)],
    "a standard error for a spread": [draft_finding(**{
        "intervention": {"n": "30", "mean": "60", "sd": "1.2"},
        "comparison": {"n": "30", "mean": "55", "sd": "1.1"}})],
    "a spread near nothing": [draft_finding(**{
        "intervention": {"n": "30", "mean": "60", "sd": TINY + "1"},
        "comparison": {"n": "30", "mean": "55", "sd": TINY + "2"}})],
    "one group, one pupil after": [draft_finding("one-group", before={"n": "20", "mean": "5", "sd": "2"},
                                                 after={"n": "1", "mean": "6", "sd": "2"})],
    "an average outside the range of scores": [{**draft_finding(**TWO), "scale_min": "0", "scale_max": "50"}],
    "a range upside down": [{**draft_finding(**TWO), "scale_min": "100", "scale_max": "0"}],
    "a spread wider than the range, and only its top given": [
        {**draft_finding(**TWO), "scale_min": "0", "scale_max": "15"},
        {**draft_finding(**TWO), "scale_max": "100"}],
    "a published result outside its interval": [published("0.42", "0.12", "0.32")],
    "a published result's interval upside down": [published("0.42", "0.72", "0.12")],
    "a published result without its effect size": [published("", "0.12", "0.72")],
    "a published result with one end of its interval": [published("0.42", "", "0.72")],
    "a published result with no interval": [published("0.42", "", "")],
    "a published result as words": [published("about 0.4", "0.12", "0.72")],
    "a published result of 3 standard deviations": [published("3", "2", "4")],
    # these must pass both
    "a published result, with the groups' numbers left from before": [
        published("0.42", "0.12", "0.72", better="lower", **TWO, scale_min="0", scale_max="10")],
    "a published result, with a pre-test": [published("−0.2", "−0.45", "0.05", "two-group-pretest")],
    "one group cannot take a published result: its groups are written": [
        published("0.4", "0.1", "0.7", "one-group", before=TWO["comparison"], after=TWO["intervention"])],
    "lower is better, two findings": [
        draft_finding(better="lower", **TWO),
        draft_finding("one-group", before={"n": "020", "mean": "−5.50", "sd": "2"},
                      after={"n": "+20", "mean": "−4", "sd": "2.0"})],
    "with a pre-test": [draft_finding("two-group-pretest", **PRETEST)],
    "within the range of scores": [{**draft_finding("two-group-pretest", **PRETEST), "scale_min": "0",
                                    "scale_max": "120"}],
}


def test_the_forms_checks_of_findings_and_validate_agree(open_form: Any, tmp_path: Path) -> None:
    visit = open_form(ENTRY_FORM)
    files, seen = {}, {}
    for n, (name, findings) in enumerate(FINDING_MISTAKES.items()):
        state = teacher_state(outcomes=findings, id=f"case-{n}", idEdited=True)
        ident, new, references = with_findings(state)
        files[name] = {f"research/2026/{ident}.md": entry_text(new),
                       f"research/2026/{ident}.bib": bib_text(references)}
        seen[name] = form_problems(visit.page, "entry", state)
        # the file the form writes is the oracle's
        assert visit.page.evaluate("GoldenThreadForm.files()")[0]["text"] == entry_text(new), name
    expected = validator_problems(tmp_path / "repo", files)
    disagree = {name: {"form only": seen[name] - expected[name], "validate only": expected[name] - seen[name]}
                for name in files if seen[name] != expected[name]}
    assert disagree == {}
    judged_only = {name: {p[1] for p in found if p[1] != "bib-title-case"}
                   for name, found in expected.items()}
    assert [name for name, codes in judged_only.items() if not codes] == [
        "a published result, with the groups' numbers left from before",
        "a published result, with a pre-test",
        "one group cannot take a published result: its groups are written",
        "lower is better, two findings", "with a pre-test", "within the range of scores"]
    for name in ("a published result outside its interval", "a published result's interval upside down"):
        assert judged_only[name] == {"outcome-interval"}, name
    assert judged_only["a published result without its effect size"] == {"missing-field"}
    assert judged_only["a published result with one end of its interval"] == {"empty-list"}
    assert judged_only["a published result with no interval"] == {"missing-field"}
    assert judged_only["a published result as words"] == {"wrong-type"}
    assert judged_only["a published result of 3 standard deviations"] == {"outcome-large"}
    assert judged_only["a range upside down"] == judged_only["an average outside the range of scores"] == {
        "outcome-scale"}
    assert judged_only["a spread wider than the range, and only its top given"] == {"outcome-scale",
                                                                                   "missing-field"}
    assert judged_only["a spread of 0"] == {"outcome-sd"}
    assert judged_only["one pupil, and a negative spread"] == {"outcome-group-size", "outcome-sd"}
    assert judged_only["a standard error for a spread"] == {"outcome-large"}
    assert judged_only["a spread near nothing"] == {"outcome-number"}
    assert visit.console_errors == []


# -- Accessible, light and dark, and at a phone's width -------------------------------------------

def _open_with_finding(open_form: Any, scheme: str = "light", width: int = 1280) -> Any:
    visit = open_form(ENTRY_FORM, scheme, width=width, height=800 if width > 400 else 740)
    page = visit.page
    good = draft_finding("two-group-pretest", **PRETEST)
    bad = draft_finding(**{**TWO, "comparison": SD_0})
    # a published result shown, and one whose interval misses its g
    load_draft(page, "entry", teacher_state(outcomes=[good, bad, published("0.42", "0.12", "0.72"),
                                                      published("0.42", "0.12", "0.32")]))
    page.get_by_role("button", name="Check my entry").click()
    page.locator("#gt-problems").wait_for()
    expect(page.locator("#gt-outcomes-0-result[data-shown]")).to_be_visible()
    expect(page.locator("#gt-outcomes-1-comparison-sd-error")).to_be_visible()
    expect(page.locator("#gt-outcomes-2-result[data-shown]")).to_be_visible()
    expect(page.locator("#gt-outcomes-3-reported-ci-error")).to_be_visible()
    page.locator("#gt-section-outcomes").scroll_into_view_if_needed()
    return visit


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_what_you_measured_is_axe_clean(open_form: Any, scheme: str) -> None:
    visit = _open_with_finding(open_form, scheme)
    assert axe_violations(visit.page) == []


def test_what_you_measured_fits_a_phone(open_form: Any) -> None:
    page = _open_with_finding(open_form, width=320).page
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    wide = page.evaluate("""() => [...document.querySelectorAll('#gt-section-outcomes *')].filter(e => {
        const box = e.getBoundingClientRect();
        return box.width && (box.right > innerWidth + 1 || box.left < -1) && !e.closest('.gt-hidden');
      }).map(e => e.id || e.className || e.tagName)""")
    assert wide == []


def test_no_findings_writes_what_new_research_writes(open_form: Any) -> None:
    """Without a finding the entry's file is the one it was before findings existed."""
    page = open_form(ENTRY_FORM).page
    state = teacher_state()
    load_draft(page, "entry", state)
    _, new, _ = entry_of(state)
    text = page.evaluate("GoldenThreadForm.files()")[0]["text"]
    assert text == entry_text(new) and "outcomes" not in text
    assert new_id(state["title"]) in page.evaluate("GoldenThreadForm.files()")[0]["path"]
