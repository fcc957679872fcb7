"""Every problem code the tool reports, in one registry: which command reports it and at
what level, what it means and how to fix it, in words for a teacher.

The contributing page's tables are generated from it (generate/contributing.py), and a
test scans the package for every code it uses, so a new code without an explanation
fails the tests rather than reaching a teacher unexplained.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Command = Literal["validate", "library import", "build", "serve", "audit"]
Level = Literal["error", "warning", "notice"]
COMMANDS: tuple[Command, ...] = ("validate", "library import", "build", "serve", "audit")


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

    @property
    def level(self) -> Level:
        """The level of the first command that reports it."""
        return self.levels[0][1]

    def level_in(self, command: Command) -> Level | None:
        """The level at which `command` reports it, or None if it never does."""
        return dict(self.levels).get(command)


def _code(code: str, meaning: str, fix: str, *, validate: Level | None = "error",
          library_import: Level | None = None, build: Level | None = None,
          serve: Level | None = None, audit: Level | None = None) -> Code:
    levels = zip(COMMANDS, (validate, library_import, build, serve, audit), strict=True)
    return Code(code, tuple((command, level) for command, level in levels if level), meaning, fix)


# Problems with how a file is read: `validate` reports them for every source, and `library
# import` for the .bib file and library/topics.yaml, which it reads.
_READING: dict[str, Level] = {"validate": "error", "library_import": "error"}

CODES: tuple[Code, ...] = (
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
    _code("not-allowed", "A value is not one of the allowed choices, for example a stage that "
          "is not `explore`, `prepare`, `deliver` or `sustain`.",
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
    _code("unknown-building-block", "There is no principle with that id.",
          "Use an id from `building_blocks` in `docs/framework.yaml`."),
    _code("unknown-career-stage", "There is no career stage with that id.",
          "Use an id from `library/career-stages.yaml`."),
    _code("unknown-aim", "There is no aim with that id.", "Use an id from `aims` in `docs/framework.yaml`."),
    _code("year-mismatch", "The `year` field does not match the year folder.",
          "Change `year`, or move the file to the right folder."),
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
    _code("unsafe-html", "The text contains HTML that is not allowed, such as `<script>` or "
          "`<iframe>`.", "Remove it. To show code, put it in `backticks`."),
    _code("unsafe-attribute", "An HTML attribute such as `onclick=` would run a script.",
          "Remove it.", audit="error"),
    _code("unsafe-link", "A link starts `javascript:`, `vbscript:` or `data:`.",
          "Link to an `https://` address instead.", audit="error"),
    # --- validate: files ------------------------------------------------------------------
    _code("front-matter-missing", "The entry does not start with a `---` line.",
          "Make line 1 exactly `---`. Copy `research/TEMPLATE.md` if unsure."),
    _code("front-matter-unclosed", "The front matter has no closing `---` line.",
          "Add a line `---` after the last field."),
    _code("not-utf8", "The file is not saved as UTF-8 text.",
          "Save it as UTF-8. In most editors: Save As, Encoding, UTF-8.", **_READING),
    _code("unreadable", "The file cannot be opened, for example because it is not allowed "
          "to be read. The message gives the reason.",
          "Check that it is an ordinary file you can open, or save it again.", **_READING),
    _code("bad-id", "The file name is not a valid id.", "Rename it using lowercase letters, "
          "digits and hyphens, for example `my-entry.md`."),
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
    _code("control-character", "The file contains an invisible control character (often from "
          "copying and pasting).", "Delete and retype the text around the line named.",
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
    _code("image-unsafe", "An SVG drawing holds a script or an event handler.",
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
    _code("bib-preamble", "An `@preamble` holds typesetting commands, not a reference, so it "
          "was ignored.", "Nothing to do.", validate=None, library_import="notice"),
    _code("bib-comment", "A comment or other text between entries was ignored.",
          "Nothing to do.", validate=None, library_import="notice"),
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
          "This is a fault in the tool or in the theme override (`docs/_theme/main.html`), not in "
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

BY_CODE: dict[str, Code] = {code.code: code for code in CODES}


def reported_by(command: Command) -> list[Code]:
    """The codes `command` reports, in the registry's order."""
    return [code for code in CODES if code.level_in(command)]
