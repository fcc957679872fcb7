"""The site's two forms: "Write your entry" (an action-research entry and its references)
and "Propose a title" (a catalogue record). Each page is the hand-written guide
(docs/_text/<name>.md) and a form in raw HTML, complete here: labels, hints and the
vocabularies' choices by name. base/assets/form-rules.js checks what is typed with the
rules in form_data.py's files and writes the files `goldenthread new` would write, filled
in; base/assets/forms.js runs the page. Without JavaScript the page says so and links the
step-by-step guide.

When the entry is ready: "Send to the research lead" downloads one file (submission.py) and
opens an email to the plugin's `submissions` address; "Propose on GitHub" opens repo_url's
new-file page (mkdocs.yml) and is absent without one; the files themselves are behind "Show
the files".
"""

from __future__ import annotations

from ..model import KnowledgeBase, Named
from ..paths import file_href, href
from ..scaffold import ABSTRACT, BODY, PLACEHOLDER, QUESTION, SUMMARY
from ..settings import Settings
from .form_data import RULES, TITLES, rules_data, titles_data, version
from .text import attr, front_matter

ENTRY_FORM = "contributing/write/index.md"
TITLE_FORM = "contributing/propose-a-title/index.md"
GUIDE = "contributing/index.md"
SCRIPTS = ("effect.js", "form-rules.js", "forms.js")
ENTRY_HEADING = "Write your entry"
TITLE_HEADING = "Propose a title"


def _hint_of(placeholder: str) -> str:
    """A scaffold placeholder as a hint: 'TODO: the question ...' -> 'The question ...'."""
    text = placeholder.removeprefix(PLACEHOLDER).strip()
    return text[:1].upper() + text[1:]


def _described(ident: str, hint: str) -> str:
    return f"gt-{ident}-hint gt-{ident}-error" if hint else f"gt-{ident}-error"


def _frame(ident: str, label: str, hint: str, control: str, path: str) -> str:
    """A field: its label, hint, error message (filled by forms.js) and control."""
    hint_html = f'<p class="gt-hint" id="gt-{ident}-hint">{attr(hint)}</p>' if hint else ""
    return (f'<div class="gt-field" data-path="{attr(path)}">'
            f'<label class="gt-label" for="gt-{ident}">{attr(label)}</label>{hint_html}'
            f'<p class="gt-error" id="gt-{ident}-error" hidden></p>{control}</div>')


def text_field(ident: str, label: str, hint: str = "", path: str = "", kind: str = "text",
               extra: str = "") -> str:
    control = (f'<input class="gt-input" id="gt-{ident}" name="{ident}" type="{kind}" '
               f'aria-describedby="{_described(ident, hint)}" autocomplete="off"{extra}>')
    return _frame(ident, label, hint, control, path or ident)


def text_area(ident: str, label: str, hint: str, rows: int, path: str = "", value: str = "") -> str:
    control = (f'<textarea class="gt-input" id="gt-{ident}" name="{ident}" rows="{rows}" '
               f'aria-describedby="{_described(ident, hint)}" spellcheck="true">'
               f"{attr(value)}</textarea>")
    return _frame(ident, label, hint, control, path or ident)


def select(ident: str, label: str, hint: str, options: list[tuple[str, str]], path: str = "",
           empty: str = "") -> str:
    first = f'<option value="">{attr(empty)}</option>' if empty else ""
    choices = "".join(f'<option value="{attr(value)}">{attr(text)}</option>' for value, text in options)
    control = (f'<select class="gt-input" id="gt-{ident}" name="{ident}" '
               f'aria-describedby="{_described(ident, hint)}">{first}{choices}</select>')
    return _frame(ident, label, hint, control, path or ident)


def _label(item: Named) -> str:
    return f"{item.number}. {item.name}" if item.number else item.name


def choices(name: str, legend: str, hint: str, items: list[tuple[str, str]], kind: str = "checkbox",
            checked: tuple[str, ...] = ()) -> str:
    """A group of checkboxes (or radio buttons) in a fieldset; values are ids, labels names."""
    boxes = "".join(
        f'<div class="gt-choice"><input type="{kind}" id="gt-{name}-{attr(value)}" name="{name}" '
        f'value="{attr(value)}"{" checked" if value in checked else ""}>'
        f'<label for="gt-{name}-{attr(value)}">{attr(text)}</label></div>' for value, text in items)
    hint_html = f'<p class="gt-hint" id="gt-{name}-hint">{attr(hint)}</p>' if hint else ""
    return (f'<fieldset class="gt-field gt-choices" data-path="{name}" '
            f'aria-describedby="{_described(name, hint)}"><legend class="gt-label">{attr(legend)}</legend>'
            f'{hint_html}<p class="gt-error" id="gt-{name}-error" hidden></p>'
            f'<div class="gt-choice-list">{boxes}</div></fieldset>')


def vocabulary(kb: KnowledgeBase, kind: str) -> list[tuple[str, str]]:
    return [(item.id, _label(item)) for item in kb.named(kind).values()]


def picker(ident: str, label: str, hint: str, path: str, button: str = "") -> str:
    """A combobox that finds catalogue titles by part of a title or an author's name; chosen
    titles are listed below it (forms.js fills the list)."""
    add = f'<p class="gt-picker-note">{attr(button)}</p>' if button else ""
    return (f'<div class="gt-field gt-picker" data-path="{attr(path)}" data-picker="{ident}">'
            f'<label class="gt-label" for="gt-{ident}">{attr(label)}</label>'
            f'<p class="gt-hint" id="gt-{ident}-hint">{attr(hint)}</p>'
            f'<p class="gt-error" id="gt-{ident}-error" hidden></p>'
            f'<div class="gt-combobox"><input class="gt-input" id="gt-{ident}" type="text" '
            f'role="combobox" aria-autocomplete="list" aria-expanded="false" '
            f'aria-controls="gt-{ident}-options" aria-describedby="gt-{ident}-hint gt-{ident}-error" '
            f'autocomplete="off">'
            f'<ul class="gt-options" id="gt-{ident}-options" role="listbox" '
            f'aria-label="{attr(label)}: matching titles" hidden></ul></div>'
            f'<p class="gt-status" id="gt-{ident}-status" role="status"></p>{add}'
            f'<ul class="gt-chosen" id="gt-{ident}-chosen"></ul></div>')


def section(number: int, heading: str, inner: str, ident: str) -> str:
    return (f'<section class="gt-section gt-section-{ident}" id="gt-section-{ident}" '
            f'aria-labelledby="gt-{ident}-heading">'
            f'<h2 id="gt-{ident}-heading">{number}. {attr(heading)}</h2>{inner}</section>')


def progress(headings: list[tuple[str, str]]) -> str:
    """The form's sections, numbered, as links; forms.js marks the one the teacher is in
    (aria-current="step")."""
    items = "".join(f'<li><a href="#gt-section-{ident}" data-section="gt-section-{ident}">'
                    f"{attr(heading)}</a></li>" for ident, heading in headings)
    return (f'<nav class="gt-progress" aria-label="Sections of the form"><ol>{items}</ol></nav>'
            f'<p class="gt-progress-where" id="gt-progress-where">{len(headings)} sections</p>')


def sections(parts: list[tuple[str, str, str]]) -> str:
    """The numbered sections, (heading, inner HTML, ident) each, after their list."""
    return progress([(ident, heading) for heading, _, ident in parts]) + "".join(
        section(number, heading, inner, ident) for number, (heading, inner, ident) in enumerate(parts, 1))


def versions(kb: KnowledgeBase) -> tuple[str, str]:
    """The versions of the rules' and the catalogue's files, which the pages name."""
    return version(rules_data(kb)), version(titles_data(kb))


def _attributes(page: str, settings: Settings, data: tuple[str, str], kind: str) -> str:
    rules = f"{file_href(page, RULES)}?v={data[0]}"
    titles = f"{file_href(page, TITLES)}?v={data[1]}"
    github = settings.github
    repo = f' data-repo="{attr(github)}" data-branch="{attr(settings.branch)}"' if github else ""
    lead = settings.submissions_address
    email = f' data-submissions="{attr(lead)}" data-trust="{attr(settings.trust_name)}"' if lead else ""
    return (f'data-form="{kind}" data-rules="{attr(rules)}" data-titles="{attr(titles)}"'
            f'{repo}{email} novalidate hidden')


def needs_script(page: str) -> str:
    """What the page says when the form cannot run: inside <noscript>, so a browser that runs
    scripts never shows it (an admonition's own `display` would override `hidden`), and a
    second note, hidden by forms.css until forms.js finds it cannot load its rules."""
    guide = f'<a href="{href(page, GUIDE)}">How to contribute</a>'
    return ('<noscript><div class="admonition note" id="gt-form-needs-script">'
            '<p class="admonition-title">This form needs JavaScript</p><p>Your browser is not '
            f"running the form. You can still contribute by following {guide}, step by step."
            "</p></div></noscript>"
            '<div class="admonition warning gt-form-failed" id="gt-form-failed" hidden>'
            '<p class="admonition-title">The form could not start</p><p>Reload the page to try '
            f"again. If it still does not start, you can contribute by following {guide}, "
            "step by step.</p></div>")


def send(settings: Settings, what: str) -> str:
    """"Send to the research lead": one file to download, and an email to write (forms.js fills
    the email's address, subject and body; without an address the teacher is told whom to send
    it to)."""
    email = ('<li><p>Write to the research lead: the button opens your email program with the '
             'message filled in. Attach the file you downloaded, then send it.</p>'
             '<p><a class="md-button md-button--primary" id="gt-email" href="#">Write the email</a>'
             '</p><p class="gt-hint" id="gt-email-address"></p></li>'
             if settings.submissions_address else
             f"<li><p>Email the file you downloaded to {attr(settings.trust_name)}’s research "
             "lead.</p></li>")
    return ('<section class="gt-send" aria-labelledby="gt-send-heading">'
            '<h3 id="gt-send-heading">Send to the research lead</h3><ol class="gt-steps">'
            f'<li><p>Download your {what}: one file, with everything in it.</p>'
            f'<p><button type="button" class="md-button md-button--primary" id="gt-download-submission">'
            f"Download your {what}</button></p></li>{email}</ol></section>")


def finish(settings: Settings, what: str) -> str:
    """The last section: the check, the problems' summary, and the finished entry or record:
    how it will look, two ways to send it, and its files for the curious."""
    github = ('<section class="gt-propose" id="gt-propose" aria-labelledby="gt-propose-heading">'
              '<h3 id="gt-propose-heading">Or propose it on GitHub</h3><p>If you have a GitHub '
              'account, you can propose it there yourself.</p><div id="gt-propose-steps"></div>'
              "</section>" if settings.github else "")
    looks = ('<section class="gt-finished-box" aria-labelledby="gt-finished-heading">'
             f'<h3 id="gt-finished-heading">Your {what}, as it will look</h3>'
             '<div class="gt-finished" id="gt-finished"></div></section>' if what == "entry" else "")
    return (f'<p>When you have finished, check your {what}. If something needs changing, the '
            "check lists each problem, with a link to the field.</p>"
            f'<button type="button" class="md-button md-button--primary" id="gt-check">Check my '
            f"{what}</button>"
            '<div class="gt-summary" id="gt-problems" tabindex="-1" hidden>'
            '<h3 id="gt-problems-heading">There is a problem</h3><ul id="gt-problems-list"></ul></div>'
            '<div class="gt-output" id="gt-output" tabindex="-1" hidden>'
            f'<h3 id="gt-output-heading">Your {what} is ready</h3>'
            f"{send(settings, what)}{github}{looks}"
            '<details class="gt-files"><summary>Show the files</summary>'
            '<p id="gt-output-intro"></p><div id="gt-output-files"></div></details></div>'
            '<div class="gt-restart"><button type="button" class="md-button" id="gt-restart">'
            'Start again</button><p class="gt-restart-confirm" id="gt-restart-confirm" hidden>'
            f"This clears every field and the draft kept in this browser. "
            '<button type="button" class="md-button" id="gt-restart-yes">Yes, clear the form'
            '</button> <button type="button" class="md-button" id="gt-restart-no">No, keep it'
            "</button></p></div>")


def _page(page: str, heading: str, guide: str, form: str) -> str:
    scripts = "".join(f'<script src="{file_href(page, "assets/" + name)}"></script>' for name in SCRIPTS)
    # the form's own list of sections stands for the table of contents, and its room lets the
    # text sit beside its preview on a wide screen
    return (front_matter(title=heading, hide=["toc"]) + f"# {heading}\n\n" + guide.strip() + "\n\n"
            + needs_script(page) + "\n\n"
            '<p class="gt-draft-note" id="gt-draft-note" role="status" hidden></p>\n\n'
            + form + "\n\n" + scripts + "\n")


def framework_choices(kb: KnowledgeBase) -> list[str]:
    """A group of tick boxes for each dimension of the framework that records name."""
    return [choices(d.id, d.name, "Choose any that fit.", vocabulary(kb, d.id)) for d in kb.tagging]


MEASURED = (
    "<p>Optional. If you measured something with numbers, such as a quiz, a reading test or "
    "a spelling age, give each group’s numbers here: the form works out the result as you "
    "type, and the site shows it with your entry.</p>"
    "<p>For each group you need three numbers from your spreadsheet of scores: how many pupils, "
    "their average (AVERAGE in a spreadsheet) and their standard deviation (STDEV): how spread "
    "out the scores are. About two in three pupils score within one standard deviation of the "
    "average.</p>"
    "<p>Comparing two groups, and have only a published result, such as a report’s effect size "
    "and its 95% confidence interval? Choose that instead of the groups’ numbers.</p>")


def measured() -> str:
    """The findings (outcomes:): forms.js draws one group of boxes a finding."""
    return ('<div class="gt-field gt-findings" data-path="outcomes">' + MEASURED
            + '<p class="gt-error" id="gt-outcomes-error" hidden></p>'
            '<ol class="gt-groups" id="gt-outcomes-list"></ol>'
            '<button type="button" class="md-button" id="gt-add-finding">Add a finding</button></div>')


def entry_form(kb: KnowledgeBase, settings: Settings, data: tuple[str, str]) -> str:
    years = [(str(year), str(year)) for year in sorted(set(kb.years), reverse=True)]
    about = "".join([
        text_field("title", "Title", "Your title as a question."),
        select("year", "Year of publication", "The year your entry is published in.", years),
        select("academy", "Academy", "", vocabulary(kb, "academies"), empty="Choose your academy"),
        text_field("id", "Short name", "Made from your title; it becomes part of your entry’s web "
                   "address. Lowercase letters, digits and hyphens only. Change it only if the "
                   "check asks you to.", extra=' spellcheck="false"'),
        '<p class="gt-files-note" id="gt-files-note"></p>'])
    authors = ('<fieldset class="gt-field gt-authors" data-path="authors"><legend class="gt-label">'
               'Authors</legend><p class="gt-hint" id="gt-authors-hint">Each author’s name and role, '
               'for example Year 4 class teacher.</p><p class="gt-error" id="gt-authors-error" hidden>'
               '</p><ol class="gt-groups" id="gt-authors-list"></ol>'
               '<button type="button" class="md-button" id="gt-add-author">Add another author</button>'
               "</fieldset>")
    research = "".join([
        text_area("research_question", "Research question", _hint_of(QUESTION), 3),
        text_area("abstract", "Abstract", _hint_of(ABSTRACT), 5)])
    where = "".join([
        choices("topics", "Topics", "Choose any that fit.", vocabulary(kb, "topics")),
        *framework_choices(kb),
        picker("library", "Library titles that informed it", "Type part of a title or an "
               "author’s name, then choose a title from the list.", "library")])
    kinds = [("book", "Book"), ("chapter", "Chapter in a book"), ("article", "Journal article"),
             ("report", "Report"), ("webpage", "Web page")]
    references = ('<p>Add each book, article or web page you cite. Each gets a key, such as '
                  "<code>[@sherrington2019]</code>: paste it into your text where you cite it.</p>"
                  '<ol class="gt-groups gt-references" id="gt-references-list"></ol>'
                  '<div class="gt-add-reference">'
                  + select("reference-kind", "Kind of reference", "", kinds, path="reference-kind")
                  + '<button type="button" class="md-button" id="gt-add-reference">Add this '
                  "reference</button></div>"
                  + picker("reference-title", "Or add a title from the library", "Type part of a "
                           "title or an author’s name, then choose it: its details are filled in, "
                           "and it is listed among the titles that informed your entry.",
                           "reference-title"))
    text = ('<div class="gt-beside">'
            + text_area("body", "Your text", "Keep the four headings that start ##. Replace each "
                        "line that starts TODO: with your own words. To cite a reference, paste its "
                        "key, for example [@sherrington2019].", 22, value=BODY)
            + '<section class="gt-preview-box" aria-labelledby="gt-preview-heading">'
            '<h3 id="gt-preview-heading">Preview</h3><p class="gt-hint">How your text will look '
            "(the site shows references in full).</p>"
            '<div class="gt-preview" id="gt-preview"></div></section></div>')
    parts = sections([
        ("About your entry", about, "about"), ("Authors", authors, "authors"),
        ("Your research", research, "research"), ("What you measured", measured(), "outcomes"),
        ("Where it fits", where, "where"),
        ("References", references, "references"), ("Your text", text, "text"),
        ("Check and finish", finish(settings, "entry"), "finish")])
    return (f'<form class="gt-form" id="gt-form" {_attributes(ENTRY_FORM, settings, data, "entry")}>'
            f"{parts}</form>")


def title_form(kb: KnowledgeBase, settings: Settings, data: tuple[str, str]) -> str:
    formats = [("print", "Print"), ("ebook", "Ebook"), ("audiobook", "Audiobook")]
    about = "".join([
        text_field("title", "Title", "As printed on the book, without its subtitle."),
        text_field("subtitle", "Subtitle", "If it has one."),
        '<fieldset class="gt-field gt-authors" data-path="authors"><legend class="gt-label">Authors'
        '</legend><p class="gt-hint" id="gt-authors-hint">Full names as printed, one a box.</p>'
        '<p class="gt-error" id="gt-authors-error" hidden></p><ol class="gt-groups" '
        'id="gt-authors-list"></ol><button type="button" class="md-button" id="gt-add-author">'
        "Add another author</button></fieldset>",
        text_field("year", "Year of publication", "Of this edition, for example 2019.",
                   extra=' inputmode="numeric" spellcheck="false"'),
        text_field("edition", "Edition", "Only if not the first, for example 2nd."),
        text_field("publisher", "Publisher", "For example Routledge."),
        text_field("isbn", "ISBN", "Copy it from the back cover or the copyright page. If you "
                   "cannot, leave it empty: never guess one.", extra=' spellcheck="false"'),
        choices("type", "Kind", "", [("book", "Book"), ("report", "Report, for example EEF "
                                      "guidance")], kind="radio", checked=("book",)),
        text_field("url", "Web address", "Only if it has a page of its own, starting https://",
                   kind="url", extra=' spellcheck="false"'),
        text_field("id", "Short name", "Made from the title; it becomes part of the title’s web "
                   "address. Lowercase letters, digits and hyphens only. Change it only if the "
                   "check asks you to.", extra=' spellcheck="false"'),
        '<p class="gt-files-note" id="gt-files-note"></p>'])
    where = "".join([
        choices("topics", "Topics", "Choose at least one.", vocabulary(kb, "topics")),
        *framework_choices(kb),
        choices("career_stages", "Career stages it suits", "", vocabulary(kb, "career_stages")),
        choices("formats", "Formats the library holds", "", formats, checked=("print",))])
    summary = text_area("summary", "Summary", _hint_of(SUMMARY) + " Say what the book covers and "
                        "who it is for.", 5)
    parts = sections([
        ("The title", about, "about"), ("Where it fits", where, "where"),
        ("Summary", summary, "summary"), ("Check and finish", finish(settings, "title"), "finish")])
    return (f'<form class="gt-form" id="gt-form" {_attributes(TITLE_FORM, settings, data, "title")}>'
            f"{parts}</form>")


def form_pages(kb: KnowledgeBase, settings: Settings, texts: dict[str, str]) -> dict[str, str]:
    """Both forms' pages: docs-relative path -> Markdown. texts holds the guides by name
    (write-your-entry and propose-a-title: the engine's texts, or the trust's in docs/_text/)."""
    data = versions(kb)
    return {
        ENTRY_FORM: _page(ENTRY_FORM, ENTRY_HEADING, texts.get("write-your-entry", ""),
                          entry_form(kb, settings, data)),
        TITLE_FORM: _page(TITLE_FORM, TITLE_HEADING, texts.get("propose-a-title", ""),
                          title_form(kb, settings, data)),
    }
