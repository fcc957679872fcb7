// catalogue.js's rules of a title's line (goldenthreadCatalogueRules), under Node's own test
// runner (node --test tests/js/), over the tables in tests/data/browser-rules/ that
// tests/test_browser_rules.py checks against catalogue.py and search_words.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { fixture, asset, formData } = require("./helpers.js");

const rules = asset("catalogue.js");
const table = fixture("catalogue.json");
const data = formData();  // the fold table: the same FOLDS catalogue.json carries

test("fold: case and marks ignored, the table's letters in ASCII", () => {
  for (const [text, folded] of fixture("fold.json").cases) {
    assert.equal(rules.fold(text, data.fold), folded, text);
  }
});

test("slug: the id catalogue.json leaves out", () => {
  for (const [text, slug] of table.slug) { assert.equal(rules.slug(text), slug, text); }
  const compact = { id: ["", "kept-id"], title: ["Make It Stick", "Ignored"] };
  assert.equal(rules.ident(compact, 0), "make-it-stick");
  assert.equal(rules.ident(compact, 1), "kept-id");
});

test("a name's last word that is not a suffix", () => {
  for (const [name, word] of table.last_word) { assert.equal(rules.surname(name, table.suffixes), word, name); }
});

test("the byline: APA's citation of the authors, the year, (report)", () => {
  for (const row of table.bylines) {
    const compact = { authors: [row.authors], year: [row.year], report: [row.report ? 1 : 0], short: row.short,
                      suffixes: table.suffixes };
    assert.equal(rules.byline(compact, 0), row.cited + ", " + row.year + (row.report ? " (report)" : ""),
      row.authors.join("; "));
  }
});

test("the count and the page links", () => {
  for (const [shown, total, page, pages, text] of table.count_text) {
    assert.equal(rules.countText(shown, total, page, pages), text);
  }
  for (const [current, pages, shown] of table.shown_pages) {
    assert.deepEqual(rules.shownPages(current, pages), shown, current + " of " + pages);
  }
});

test("the full title: a colon, or a space after ? or !", () => {
  const compact = { title: ["Make It Stick", "Why Don't Students Like School?", "Alone"],
                    subtitle: ["The Science", "A Cognitive Scientist Answers", ""] };
  assert.deepEqual([0, 1, 2].map((n) => rules.fullTitle(compact, n)),
    ["Make It Stick: The Science", "Why Don't Students Like School? A Cognitive Scientist Answers", "Alone"]);
});
