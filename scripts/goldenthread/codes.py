"""Every problem code the tool reports, in one registry: which command reports it and at
what level, what it means and how to fix it, in words for a teacher.

The contributing page's tables are generated from it (generate/contributing.py), and a
test scans the package for every code it uses, so a new code without an explanation
fails the tests rather than reaching a teacher unexplained.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from .messages import TEACHER, TEMPLATES

Command = Literal["validate", "library import", "research add", "build", "serve", "audit"]
Level = Literal["error", "warning", "notice"]
COMMANDS: tuple[Command, ...] = ("validate", "library import", "research add", "build", "serve", "audit")


@dataclass(frozen=True)
class Code:
    """One problem code: the level at which each command that reports it does so (in the
    order of COMMANDS), what it means and how to fix it. `build` and `serve` also run
    validate's checks, and `build` the audit's; a code is listed under the command whose
    own check finds it."""

    code: str
    levels: tuple[tuple[Command, Level], ...]
    meaning: str
    fix: str
    teacher: str = ""  # what a teacher reads: what to do, in the words on the form's screen

    @property
    def message(self) -> str | None:
        """The maintainer's message template (messages.TEMPLATES), where the code has one."""
        return TEMPLATES.get(self.code)

    @property
    def teacher_message(self) -> str | None:
        """The teacher's message template (messages.TEACHER) the forms fill, where it has one."""
        return TEACHER.get(self.code)

    @property
    def level(self) -> Level:
        """The level of the first command that reports it."""
        return self.levels[0][1]

    def level_in(self, command: Command) -> Level | None:
        """The level at which `command` reports it, or None if it never does."""
        return dict(self.levels).get(command)


def level_of(code: str, command: Command = "validate") -> Level:
    """The level at which `command` reports `code`: the one place a level is decided."""
    level = _BY_CODE[code].level_in(command)
    if level is None:
        raise KeyError(f"{command} does not report {code}")
    return level


def _code(code: str, meaning: str, fix: str, *, validate: Level | None = "error",
          library_import: Level | None = None, research_add: Level | None = None,
          build: Level | None = None, serve: Level | None = None, audit: Level | None = None) -> Code:
    levels = zip(COMMANDS, (validate, library_import, research_add, build, serve, audit), strict=True)
    return Code(code, tuple((command, level) for command, level in levels if level), meaning, fix)


# Problems with how a file is read: `validate` reports them for every source, and `library
# import` for the .bib file and library/topics.yaml, which it reads.
_READING: dict[str, Level] = {"validate": "error", "library_import": "error"}
_SUBMITTED: dict[str, Level] = {**_READING, "research_add": "error"}

_CODES: tuple[Code, ...] = (
    # --- validate: reading YAML and files ---------------------------------------------
    _code("yaml-syntax", "The fields cannot be read. Often a missing space after a colon, a "
          "tab, a bad indent, or a colon inside a value.",
          "Look at the line named and the line before it. Use spaces, not tabs. Put values "
          "that contain a colon in quotes.", **_READING),
    _code("duplicate-key", "The same field appears twice.", "Keep one.", **_READING),
    _code("missing-field", "A required field is missing.", "Add the field the message names."),
    _code("unknown-field", "A field name is not one we use. Often a typing mistake.",
          "Correct the spelling (the message may suggest one), or remove the field."),
    _code("wrong-type", "A value is the wrong kind, for example text where a number should "
          "be, or a single word where a list should be.",
          "Follow the message, for example write lists as `[a, b]`, or put an ISBN in quotes."),
    _code("not-allowed", "A value is not one of the allowed choices, for example a format that "
          "is not `print`, `ebook` or `audiobook`.",
          "Use one of the values the message lists."),
    _code("bad-format", "A value is not in the expected form, for example an id with capitals "
          "or spaces, or a web address that does not start `https://`.",
          "Follow the example in the message. Ids use lowercase letters, digits and hyphens."),
    _code("bad-date", "A date is not a real date.", "Write it as YYYY-MM-DD, for example `2026-03-14`."),
    _code("empty-list", "A list that needs at least one item is empty, for example `authors` "
          "or `topics`.", "Add at least one item."),
    # --- validate: ISBNs (library import drops a bad one and says so) ------------------
    _code("isbn-checksum", "The ISBN fails its check digit. A digit was probably mistyped.",
          "Copy it again from the book, or leave the `isbn` line out. Never guess.",
          library_import="warning"),
    _code("isbn-format", "The ISBN does not have 10 or 13 digits.",
          "Copy it again from the back cover or the copyright page, or leave it out.",
          library_import="warning"),
    _code("isbn-prefix", "A 13-digit ISBN always begins 978 or 979. This one does not, so "
          "another number may have been copied.",
          "Copy the ISBN from the copyright page, or leave the `isbn` line out.",
          library_import="warning"),
    _code("isbn-placeholder", "The ISBN is zeros where a book's number goes, such as "
          "`0000000000`: a placeholder that some programs write when they have no ISBN.",
          "Copy the real ISBN from the back cover or the copyright page, or leave the `isbn` "
          "line out.", library_import="warning"),
    _code("duplicate-isbn", "Another record has the same ISBN. The book may already be in the "
          "library.", "Keep one record per book. Remove your file, or correct the ISBN."),
    # --- validate: ids and cross-references --------------------------------------------
    _code("unknown-topic", "There is no topic with that id.", "Use an id from `library/topics.yaml`."),
    _code("unknown-academy", "There is no academy with that id.",
          "Use an id from `library/academies.yaml`."),
    _code("unknown-title", "A title in `library` is not in the catalogue.",
          "Use a file name from `library/titles/`, without `.yaml`."),
    _code("unknown-item", "A field named after a dimension of the framework (`docs/framework.yaml`) "
          "names an item that dimension does not have.",
          "Use an id listed under that dimension in `docs/framework.yaml` (the message suggests "
          "the closest)."),
    _code("unknown-career-stage", "There is no career stage with that id.",
          "Use an id from `library/career-stages.yaml`."),
    _code("year-mismatch", "The `year` field does not match the year folder.",
          "Change `year`, or move the file to the right folder."),
    # --- validate: findings (outcomes) ---------------------------------------------------
    _code("outcome-missing", "A finding lacks something its kind of study needs: two groups "
          "compared need both groups' numbers (or a published result), one group before and after "
          "needs both sets of numbers, and a study with a pre-test needs each group's pre-test.",
          "Add what the message names, or choose the kind of study that matches what you did."),
    _code("outcome-extra", "A finding has something its kind of study does not use, for example "
          "a pre-test for two groups compared only after, or groups' numbers beside a published result.",
          "Remove it, or choose the kind of study that matches what you did."),
    _code("outcome-group-size", "A group has fewer than 2 pupils, so how spread out their scores "
          "are cannot be measured.", "Check the number of pupils. A finding needs at least 2 in each group."),
    _code("outcome-sd", "A standard deviation is 0 or less. It is 0 only if every pupil scored the same.",
          "Copy it again, for example from your spreadsheet's STDEV of the group's scores."),
    _code("outcome-interval", "A published result's interval is not two numbers with the lowest "
          "first, or does not contain the result itself.",
          "Copy the result and its 95% interval again from the report, lowest number first."),
    _code("outcome-scale", "A score is outside the lowest and highest scores the measure allows, "
          "or a standard deviation is larger than the whole scale.",
          "Check the number, and check the lowest and highest scores given for the measure."),
    _code("outcome-number", "A number in a finding is not an ordinary number (such as `.nan` or "
          "`.inf`), or the numbers give a result too large to show.",
          "Write the number itself. If a standard deviation is close to 0, check it."),
    _code("outcome-large", "A finding's result is more than 2 standard deviations, which is very "
          "rare in schools. Often a standard error was typed where the standard deviation goes.",
          "Check each standard deviation: it describes how spread out the pupils' scores are. "
          "If the numbers are right, leave them.", validate="warning"),
    # --- validate: references ------------------------------------------------------------
    _code("unknown-citation", "You cite a key, for example `[@smith2020]`, that is not in your "
          "`.bib` file.", "Add the reference to the `.bib` file, or correct the key."),
    _code("bib-syntax", "A reference in the `.bib` file cannot be read. (`library import` "
          "skips it.)", "Check it starts `@type{key,`, has a comma after each field, and every "
          "`{` has a matching `}`.", library_import="warning"),
    _code("bib-missing-field", "A reference lacks a field its type needs.",
          "Add the field the message names."),
    _code("doi-prefix", "A DOI starts with `https://doi.org/` or `doi:`.",
          "Write the DOI alone, starting `10.`"),
    _code("doi-format", "A DOI is not in the right form.",
          "Copy it from the article’s page. A DOI looks like `10.1000/xyz123`."),
    # --- validate: active content -----------------------------------------------------
    _code("unsafe-html", "The text contains HTML that is not on the site's list of safe "
          "elements, such as `<script>`, `<iframe>`, `<form>` or `<svg>`.",
          "Remove it. To show code, put it in `backticks`."),
    _code("unsafe-attribute", "An HTML attribute is not on the site's list of safe ones, such "
          "as `onclick=`, which would run a script, or `style=`.", "Remove it.", audit="error"),
    _code("unsafe-link", "A link's address is not a web page or a page of the site: it starts "
          "`javascript:`, `vbscript:`, `data:` or another scheme that is not `https:`, `http:` "
          "or `mailto:`.",
          "Link to an `https://` address instead.", audit="error"),
    # --- validate: files ------------------------------------------------------------------
    _code("front-matter-missing", "The entry does not start with a `---` line.",
          "Make line 1 exactly `---`. Copy `research/TEMPLATE.md` if unsure."),
    _code("front-matter-unclosed", "The front matter has no closing `---` line.",
          "Add a line `---` after the last field."),
    _code("not-utf8", "The file is not saved as UTF-8 text.",
          "Save it as UTF-8. In most editors: Save As, Encoding, UTF-8.", **_SUBMITTED),
    _code("unreadable", "The file cannot be opened, for example because it is not allowed "
          "to be read. The message gives the reason.",
          "Check that it is an ordinary file you can open, or save it again.", **_READING),
    _code("bad-id", "The file name is not a valid id.", "Rename it using lowercase letters, "
          "digits and hyphens, for example `my-entry.md`."),
    _code("name-too-long", "A file name is over 100 characters. Some disks, zip files and sync "
          "tools cannot hold it, and the site adds to it when it is built.",
          "Shorten the file name (the message suggests one)."),
    _code("reserved-id", "A file name is the address of a page or folder the site makes itself, "
          "such as `index` or `pathways`, so the record would take that page's place.",
          "Choose another file name, for example one made from the title."),
    _code("case-clash", "Two files have the same name but for capital letters. On Windows and "
          "Mac they are one file, so one would replace the other.",
          "Rename one of them. File names use lowercase letters."),
    _code("source-not-file", "A file is a link to another file (a symbolic link, or a folder on "
          "its way is one), or is not a file at all. The site publishes only ordinary files "
          "inside the repository.", "Replace the link with a copy of the file itself.",
          **_READING),
    _code("source-outside", "A path leads outside the repository.",
          "Copy the file into the repository.", **_READING),
    _code("placeholder", "A line still has the placeholder text from `goldenthread new` (it "
          "starts with TODO:).", "Replace it with your own words."),
    _code("empty-file", "The file is empty.", "Fill it in, or delete it. An entry starts with "
          "front matter between two `---` lines."),
    _code("empty-value", "A field is there but has nothing in it.",
          "Write the value, or delete the field if it is optional."),
    _code("glossary-duplicate", "The glossary gives the same name twice: a term defined twice, or "
          "one name given to two terms, so search could not tell which is meant.",
          "Keep the name under one term only."),
    _code("glossary-loop", "Glossary terms name each other in a circle (each is given as another "
          "name of the next), so none of them says what the thing is called.",
          "Decide which term is the main one and remove the name that points back to it."),
    _code("duplicate-item", "A list names the same thing twice.", "Remove one of them."),
    _code("identity-unset", "A part of the trust's identity (its name, contact address, where "
          "library requests and entries go, its privacy notice) is not set.",
          "Set it in `docs/trust.yaml`.", validate="notice"),
    _code("logo-file", "The trust's logo (`logo` in `docs/trust.yaml`) is not an image file "
          "under `docs/`: a web address, a path out of `docs/` or into a folder the site leaves "
          "out or rewrites on every build (such as `docs/assets/`), or a file that is not there.",
          "Put the image in `docs/images/` and write its path from `docs/`, for example "
          "`images/logo.svg`."),
    _code("dimension-reserved", "A dimension of the framework has an id that titles or entries "
          "already use for something else (title, topics, year ...).",
          "Give the dimension another id in `docs/framework.yaml`, for example `themes`."),
    _code("duplicate-id", "Two files or two list items use the same id.",
          "Rename one so each id is used once."),
    _code("out-of-range", "A number is too small or too large (a year like 19, say).",
          "Check the number, e.g. a four-digit year."),
    _code("field-too-long", "One value is extremely long (over 100,000 characters).",
          "Shorten it; long text belongs in the body of an entry.", **_READING),
    _code("too-long", "A value is longer than its field allows (a summary of many paragraphs, "
          "say).", "Shorten it to the length the message gives."),
    _code("file-too-large", "The file is over 1 MB.", "Split it, or shorten the longest text.",
          **_READING),
    _code("control-character", "The text holds an invisible character that is not text, such "
          "as a control character or a mark that reverses the order in which text is shown "
          "(often from copying and pasting). The message names it.",
          "Delete it: retype the text around the place named.",
          **_READING),
    _code("yaml-tag", "A value starts with `!` or `!!`, which YAML reads as an instruction.",
          "Put the value in quotes.", **_READING),
    _code("yaml-key", "A field name is not plain text: it is in brackets, `[...]` or `{...}`, "
          "so YAML reads it as a list or a set of fields.",
          "Write the field name as a plain word followed by a colon, like `title:`.", **_READING),
    _code("yaml-alias-limit", "The `&` and `*` shorthands repeat values too many times.",
          "Write the values out in full.", **_READING),
    _code("yaml-too-deep", "Lists or brackets are nested far too deeply.",
          "Check the brackets and indents on the line named.", **_READING),
    _code("unexpected-file", "A file is in a folder where the tool does not expect it (a `.yml` "
          "title, or a file in a year folder that is not an entry, its `.bib`, `_foreword.md` "
          "or `images/`).", "Rename or move the file as the message says."),
    # --- validate: images ---------------------------------------------------------------
    _code("cover-missing", "A title's `cover` names an image that is not there.",
          "Add the image under `library/`, or fix the name."),
    _code("cover-outside-library", "A title's `cover` points outside `library/`.",
          "Put the image in `library/covers/` and write `covers/<file>`."),
    _code("image-alt", "An image has no alt text, so people who cannot see it are told nothing.",
          "Describe the image in the square brackets: "
          "`![Bar chart of quiz scores by week](images/chart.png)`.", audit="error"),
    _code("image-outside", "An image is not in the year's `images/` folder (or is a web address).",
          "Put the image in `research/<year>/images/` and write `images/<file>`."),
    _code("image-missing", "An image is named but the file is not there.",
          "Add the file to `research/<year>/images/`, or fix the name."),
    _code("image-format", "A file in `images/` is not a PNG, JPEG, WebP or SVG file.",
          "Save it in one of those formats: PNG for charts, JPEG for photographs."),
    _code("image-corrupt", "An image file is not what its name says (for example an iPhone "
          "HEIC photo renamed `.jpg`), or is cut short.",
          "Export or save it again in the format its name says, or copy it again from the original."),
    _code("image-unsafe", "An SVG drawing holds something that is not plain drawing: a script, "
          "an event handler, an element from a web page, a link to a script, or a reference to "
          "another file.",
          "Export the drawing again as plain SVG, or as PNG."),
    _code("image-large", "An image file is over 2 MB, which readers on a slow connection wait for.",
          "Save it smaller: for example 1600 pixels wide, and JPEG quality 80 for photographs."),
    # --- validate: more on references -------------------------------------------------------
    _code("bib-duplicate-key", "Two references in one `.bib` file have the same key. (`library "
          "import` skips the second.)", "Rename one and change its citations to match.",
          library_import="warning"),
    _code("bib-web-date", "A web page reference has no usable date.",
          "If the page says when it was published, give `year` and `month`; if not, leave out "
          "`year` and give `urldate`, the day you read it (e.g. `urldate = {2025-09-15}`)."),
    _code("bib-url", "A reference's `url` is not a web address.", "Use an address starting `https://`."),
    _code("bib-type", "A reference has a type the publication cannot print.",
          "Use one of the types the message lists, such as `@book` or `@article`."),
    _code("bib-title-case", "A reference's title is written in Title Case. APA 7 writes the titles "
          "of books, reports, articles and web pages in sentence case: capitals only for the first "
          "word, the first word after a colon, and proper nouns. (Journal names keep their capitals.)",
          "Paste the sentence-case title the message gives. If it lowered a proper noun, put that "
          "word in braces, for example `{Rosenshine}` or `{Key Stage}`, so that it keeps its "
          "capitals.", validate="notice"),
    # --- library import -------------------------------------------------------------------
    _code("import-skipped", "The entry gave no record: it is not a book or report, or it has no "
          "title, author or year of publication. The message says which.",
          "Add what the message names and import again, or leave the entry out.",
          validate=None, library_import="warning"),
    _code("import-existing", "The book is already in the catalogue, so it was left alone.",
          "Nothing to do.", validate=None, library_import="notice"),
    _code("import-duplicate", "An earlier entry in the file is the same book, so this one was "
          "skipped.", "Nothing to do.", validate=None, library_import="notice"),
    _code("import-exists", "A record with the same file name appeared while importing, so "
          "this entry was skipped.", "Import again.", validate=None, library_import="warning"),
    _code("import-chapter", "The entry is a chapter or a paper: the record is for the book it "
          "is in.", "Check that the record describes the book.",
          validate=None, library_import="notice"),
    _code("import-keywords", "Some keywords are not topics in `library/topics.yaml`, so they "
          "were left out.", "Add the record's topics from `library/topics.yaml`.",
          validate=None, library_import="notice"),
    _code("import-url", "The `url` is not an http or https address, so the record was imported "
          "without it.", "Add the title's web address to the record, if it has one.",
          validate=None, library_import="warning"),
    _code("bib-crossref", "An entry's `crossref` names an entry that is not in the file, so "
          "nothing was taken from it.", "Export the book as well, or fill in the entry's own "
          "fields, and import again.", validate=None, library_import="warning"),
    _code("bib-duplicate-field", "An entry has the same field twice, so it is not clear which "
          "value is right. The entry was skipped.", "Keep one of the two and import again.",
          validate=None, library_import="warning"),
    _code("bib-undefined-macro", "A field uses an abbreviation (an `@string`) that the file does "
          "not define, so it was read as empty.", "Put the value in braces, for example "
          "`publisher = {Routledge}`, or define the `@string` before it, and import again.",
          validate=None, library_import="warning"),
    _code("bib-macro-too-long", "An abbreviation (an `@string`) grows to more than 100,000 "
          "characters, usually because abbreviations are repeated inside each other, so it was "
          "refused and read as empty.", "Write the value out in braces, for example "
          "`publisher = {Routledge}`, and import again.", validate=None, library_import="warning"),
    _code("bib-preamble", "An `@preamble` holds typesetting commands, not a reference, so it "
          "was ignored.", "Nothing to do.", validate=None, library_import="notice"),
    _code("bib-comment", "A comment or other text between entries was ignored.",
          "Nothing to do.", validate=None, library_import="notice"),
    # --- research add: a submission from the entry form -----------------------------------
    _code("submission-format", "The file is not a submission from the entry form (\"Send to the "
          "research lead\"): its last lines must be a comment that starts `<!-- Golden Thread "
          "submission: research/<year>/<id>.md` and ends `-->`.",
          "Ask the teacher to download it again from the form, and attach that file unchanged.",
          validate=None, research_add="error"),
    _code("submission-exists", "An entry (or its `.bib`) is already where the submission would go, "
          "so nothing was placed.", "If it is an old copy, remove it; if it is another entry, "
          "change the submission's id on its `<!-- Golden Thread submission:` line.",
          validate=None, research_add="error"),
    # --- build and serve ---------------------------------------------------------------
    _code("plugin-option", "An option of the goldenthread plugin in `mkdocs.yml` is not one it "
          "has, or is not text.", "Correct the option's name (the message may suggest one), or "
          "put its value in quotes.", validate=None, build="error"),
    _code("site-warning", "MkDocs warned about a page while the preview showed it, for "
          "example about a link to a page that does not exist.",
          "Correct the page as the message says: `goldenthread build` stops on it.",
          validate=None, serve="warning"),
    # --- audit: the built site --------------------------------------------------------------
    _code("unsafe-script", "A page of the built site has a script that is not the site's own.",
          "Remove the script from the page's source. If you added none, tell the research lead.",
          validate=None, audit="error"),
    _code("csp-missing", "A page of the built site has no Content-Security-Policy before its "
          "first script, so a browser would run any inline script that reached it.",
          "This is a fault in the tool or in the engine's theme override (`base/_theme/main.html`), not in "
          "your files: tell the research lead.", validate=None, audit="error"),
    _code("csp-blocked", "A page's Content-Security-Policy does not admit one of the page's own "
          "inline scripts, so a browser would refuse to run it and the page would not work.",
          "This is a fault in the tool or in the theme, not in your files: tell the research lead.",
          validate=None, audit="error"),
    _code("broken-link", "A link in the built site leads to no page or file.",
          "Correct the link in the page's source. Link to the `.md` file, for example "
          "`../library/index.md`.", validate=None, audit="error"),
    _code("broken-anchor", "A link leads to a page, but the part after `#` names no heading "
          "on it.", "Correct the part after `#` to match a heading on that page.",
          validate=None, audit="error"),
    _code("missing-page", "A title or entry has no page in the built site.",
          "This is a fault in the tool, not in your files: tell the research lead.",
          validate=None, audit="error"),
    _code("missing-search-entry", "A title or entry is not in the site's search.",
          "This is a fault in the tool, not in your files: tell the research lead.",
          validate=None, audit="error"),
    _code("missing-export", "A title or entry is missing from the site's `.bib` downloads.",
          "This is a fault in the tool, not in your files: tell the research lead.",
          validate=None, audit="error"),
)

# What a teacher reads for each code: plain English, what to do, in the terms of the form's
# screen; never a field name from the files, an id, a file name or a command. Problems a
# teacher cannot cause say who fixes them.
_LEAD = "Nothing for you to do: tell the research lead, who will put it right."
TEACHER_WORDS: dict[str, str] = {
    "glossary-duplicate": "Ask the research lead: a word in the glossary is given twice.",
    "glossary-loop": "Ask the research lead: two words in the glossary point at each other.",
    "bib-macro-too-long": ("A reference repeats a shortening inside itself too many times: type "
                           "the reference in the form instead."),
    "case-clash": ("Another entry has the same short name but for capitals: change the short "
                   "name, for example by adding a word."),
    "dimension-reserved": "Ask the research lead: the trust's framework needs a change first.",
    "identity-unset": "Ask the research lead: the trust's details are not all set yet.",
    "logo-file": "Ask the research lead: the trust's logo is not in place yet.",
    "name-too-long": "Shorten the short name: use the first few words of your title.",
    "outcome-extra": "Remove the numbers the form did not ask for in this finding.",
    "outcome-group-size": "Each group needs at least 2 pupils: check the number of pupils.",
    "outcome-interval": ("Check the interval: the lower number comes first, and the result must "
                         "lie between the two."),
    "outcome-large": ("Check the spread you typed: it may be a standard error rather than a "
                      "standard deviation."),
    "outcome-missing": "Fill in each number this kind of finding needs.",
    "outcome-number": "Type a number, for example 12 or 3.5.",
    "outcome-scale": "Check the numbers: each must lie within the scale of your measure.",
    "outcome-sd": "The spread of scores must be more than 0: check the standard deviation.",
    "reserved-id": ("That short name is taken by a page of the site: change it, for example by "
                    "adding a word."),
    "source-not-file": "Send your entry to the research lead as the file the form made.",
    "source-outside": "Send your entry to the research lead as the file the form made.",
    "yaml-syntax": ("Part of the entry cannot be read: check the line named, and ask the research "
                    "lead if it still fails."),
    "duplicate-key": "The same box is filled in twice: keep one.",
    "missing-field": "Fill in the box the message names.",
    "unknown-field": "Remove the box the message names: the form does not use it.",
    "wrong-type": ("Check the box the message names: it should be text, a number or a choice from "
                   "the list."),
    "not-allowed": "Choose one of the choices the form offers.",
    "bad-format": "Follow the example in the box's hint.",
    "bad-date": "Give a real date, for example 14 March 2026.",
    "empty-list": "Add or choose at least one.",
    "isbn-checksum": ("A digit of the ISBN is probably mistyped: copy it again from the book, or "
                      "leave it empty."),
    "isbn-format": ("An ISBN has 10 or 13 digits: copy it again from the back cover or the "
                    "copyright page, or leave it empty."),
    "isbn-prefix": ("A 13-digit ISBN begins 978 or 979: copy it again from the copyright page, or "
                    "leave it empty."),
    "isbn-placeholder": ("That ISBN is only zeros where a book's number goes: copy the real one "
                         "from the book, or leave it empty."),
    "duplicate-isbn": ("The book may already be in the library: search the catalogue before you "
                       "propose it."),
    "unknown-topic": "Choose the topics from the list the form offers.",
    "unknown-academy": "Choose your academy.",
    "unknown-title": "Choose the library titles from the list the form offers.",
    "unknown-item": "Choose from the list the form offers for that part of the framework.",
    "unknown-career-stage": "Choose the career stages from the list the form offers.",
    "year-mismatch": "Choose the year your entry is published in.",
    "unknown-citation": ("Your text cites a key that no reference has: add the reference under "
                         "References, or correct the key in your text."),
    "bib-syntax": "A reference cannot be read: ask the research lead to look at it.",
    "bib-missing-field": "Fill in the reference's box the message names.",
    "doi-prefix": "Write the DOI from 10. on, without the web address in front of it.",
    "doi-format": ("Copy the DOI from the article's page: it starts 10. and has a slash, for "
                   "example 10.1000/xyz123."),
    "unsafe-html": "Take the tag the message names out of your text: the site does not publish it.",
    "unsafe-attribute": ("Take the part the message names out of your text: it would run a program"
                         " on the page."),
    "unsafe-link": "Change the link to a web address that starts https://.",
    "front-matter-missing": _LEAD,
    "front-matter-unclosed": _LEAD,
    "not-utf8": _LEAD,
    "unreadable": _LEAD,
    "bad-id": "Use only lowercase letters, digits and hyphens in the short name.",
    "placeholder": "Replace the line that starts TODO: with your own words.",
    "empty-file": "Fill in the form: the entry is empty.",
    "empty-value": "Fill in the box the message names, or leave it out if it is optional.",
    "duplicate-item": "The same choice is named twice: remove one.",
    "duplicate-id": "Another entry already has this short name: change it, or change your title.",
    "out-of-range": "Check the number: a year has four digits, for example 2026.",
    "field-too-long": "Shorten the text the message names.",
    "too-long": "Shorten the text to the length the message gives.",
    "file-too-large": "Shorten your text: the entry is too long to publish.",
    "control-character": ("Type again the words around the line named: they hold an invisible "
                          "character from copying and pasting."),
    "yaml-tag": ("Check the box the message names: it starts with an exclamation mark, which the "
                 "site cannot keep."),
    "yaml-key": _LEAD,
    "yaml-alias-limit": _LEAD,
    "yaml-too-deep": _LEAD,
    "unexpected-file": _LEAD,
    "cover-missing": "Send the cover's picture to the research lead, or leave the cover out.",
    "cover-outside-library": _LEAD,
    "image-alt": ("Describe the picture between its square brackets, so that people who cannot see"
                  " it are told what it shows."),
    "image-outside": ("Send the picture to the research lead with your entry: the form cannot add "
                      "pictures."),
    "image-missing": ("Send the picture to the research lead with your entry: the form cannot add "
                      "pictures."),
    "image-format": ("Save the picture as PNG (for a chart) or JPEG (for a photograph), and send "
                     "it again."),
    "image-corrupt": "Save the picture again as PNG or JPEG from the original, and send it again.",
    "image-unsafe": "Save the drawing again as PNG, and send it again.",
    "image-large": "Save the picture smaller, for example 1600 pixels wide, and send it again.",
    "bib-duplicate-key": ("Two references have the same key: change the key of one, and its "
                          "citations in your text."),
    "bib-web-date": ("Give the web page's date: its year and month if the page shows when it was "
                     "published, or else the day you read it."),
    "bib-url": "Give a web address that starts https://.",
    "bib-type": "Choose another kind of reference: the site cannot print this one.",
    "bib-title-case": ("Write the reference's title in sentence case, as APA 7 does: a capital "
                       "only for the first word, the first word after a colon, and names."),
    "import-skipped": _LEAD,
    "import-existing": "Nothing to do: the book is already in the library.",
    "import-duplicate": "Nothing to do: the book was listed twice.",
    "import-exists": _LEAD,
    "import-chapter": _LEAD,
    "import-keywords": _LEAD,
    "import-url": _LEAD,
    "bib-crossref": _LEAD,
    "bib-duplicate-field": _LEAD,
    "bib-undefined-macro": _LEAD,
    "bib-preamble": "Nothing to do.",
    "bib-comment": "Nothing to do.",
    "submission-format": ("Download your entry again from the form, and attach that file to "
                          "your email unchanged."),
    "submission-exists": "Nothing for you to do: the research lead will give your entry another short name.",
    "plugin-option": _LEAD,
    "site-warning": _LEAD,
    "unsafe-script": _LEAD,
    "csp-missing": _LEAD,
    "csp-blocked": _LEAD,
    "broken-link": "Correct the link the message names, or tell the research lead.",
    "broken-anchor": "Correct the link the message names, or tell the research lead.",
    "missing-page": _LEAD,
    "missing-search-entry": _LEAD,
    "missing-export": _LEAD,
}

CODES: tuple[Code, ...] = tuple(replace(code, teacher=TEACHER_WORDS[code.code]) for code in _CODES)

BY_CODE: dict[str, Code] = {code.code: code for code in CODES}


def reported_by(command: Command) -> list[Code]:
    """The codes `command` reports, in the registry's order."""
    return [code for code in CODES if code.level_in(command)]

_BY_CODE = {entry.code: entry for entry in CODES}
