// form-rules.js's rules (what the site's forms check and write), under Node's own test runner
// (node --test tests/js/), over the tables in tests/data/browser-rules/ that
// tests/test_browser_rules.py checks against the Python they repeat (check/, scaffold.py,
// search_words.py), started from contributing/form-data.json as the build makes it.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { fixture, asset, formData, withEntities } = require("./helpers.js");

const Rules = asset("form-rules.js");
const data = formData();
const safety = fixture("markdown_safety.json");
withEntities(safety.entities);
const rules = Rules.start(data);

test("fold: the forms' library search folds as the site search does", () => {
  for (const [text, folded] of fixture("fold.json").cases) { assert.equal(rules.fold(text), folded, text); }
});

test("a suggested id, and the id `new` gives", () => {
  const table = fixture("ids.json");
  for (const [text, suggested, made] of table.cases) {
    assert.equal(Rules.suggestedId(text), suggested, text);
    assert.equal(Rules.newId(text, table.reserved), made, text);
  }
  assert.deepEqual(formData().reserved, table.reserved);   // the site's form gets the same names
});

test("ISBNs: format, placeholder, prefix, check digit", () => {
  for (const [isbn, code] of fixture("isbn.json").cases) {
    const found = rules.isbnProblem(isbn);
    assert.equal(found ? found[0] : null, code, isbn);
    if (found) { assert.equal(found[1].template, code, isbn); }  // messages.py's template of that code
  }
});

test("citations: each key, its locator and its line", () => {
  for (const [text, cited] of fixture("citations.json").cases) {
    assert.deepEqual(rules.citations(text).map((c) => [c.key, c.locator, c.line]), cited, text);
  }
});

test("a reference title in Title Case, in sentence case", () => {
  for (const [title, sentence] of fixture("sentence_case.json").cases) {
    assert.equal(Rules.sentenceCase(title), sentence, title);
  }
});

test("active content in Markdown", () => {
  for (const [text, codes] of safety.cases) {
    const found = [...new Set(rules.unsafeContent(text).map((f) => f[0]))].sort();
    assert.deepEqual(found, codes, text);
  }
});

const yaml = fixture("yaml.json");
test("YAML: a quoted string, and what YAML reads back", () => {
  for (const [text, written, read] of yaml.quoted) {
    assert.equal(Rules.quoted(text), written, text);
    assert.equal(JSON.parse(written), read, text);  // the quoted form is JSON, which YAML reads as such
  }
});

test("YAML: a folded block, and the text YAML reads from it", () => {
  for (const [text, written, read] of yaml.folded) {
    assert.equal(Rules.folded(text), written, text);
    assert.equal(Rules.unfolded(text), read, text);
  }
});

test("YAML: an id plain when YAML reads it as text, else quoted", () => {
  for (const [value, written] of yaml.word) { assert.equal(rules.word(value), written, value); }
  assert.equal(rules.idList(yaml.word.map((row) => row[0])), "[" + yaml.word.map((row) => row[1]).join(", ") + "]");
});

test("a year: a number, nothing, or text", () => {
  for (const [text, year, written] of yaml.year_of) {
    assert.equal(Rules.yearOf(text), year, text);
    assert.equal(Rules.number(year), written, text);
  }
});

test("an entry's Markdown body", () => {
  for (const [text, written] of yaml.body) { assert.equal(Rules.body(text), written, JSON.stringify(text)); }
});

test("a reference's BibTeX values", () => {
  for (const [field, text, value] of yaml.bib_value) { assert.equal(rules.bibValue(field, text), value, text); }
});

const messages = fixture("messages.json");
test("a value in a message as Python's repr() writes it", () => {
  for (const [value, written] of messages.repr) { assert.equal(Rules.repr(value), written, JSON.stringify(value)); }
});

test("images: alt text, and a file in the year's images folder", () => {
  for (const [text, found] of messages.images) {
    const seen = rules.images(text).map((image) => [image.alt, image.src, image.line, rules.imageProblem(image)[0]]);
    assert.deepEqual(seen, found, text);
  }
});

test("a reference's problems: fields, web dates, DOIs, addresses, Title Case", () => {
  for (const [kind, fields, codes] of fixture("references.json").cases) {
    const found = rules.referenceProblems([{ kind: kind, key: "key", fields: fields }]).map((p) => p.code);
    assert.deepEqual([...new Set(found)].sort(), codes, JSON.stringify(fields));
  }
});

test("a character reference to a character that is not text, in validate's words", () => {
  for (const [text, sentences] of safety.messages) {
    const found = rules.unsafeContent(text).filter((f) => f[0] === "control-character").map((f) => String(f[1]));
    assert.deepEqual(found, sentences, text);
  }
});

test("every problem in active content has a teacher's sentence", () => {
  for (const [text] of safety.cases) {
    for (const [code, message] of rules.unsafeContent(text)) {
      const said = rules.teacherSays({ template: message.template || code, values: message.values || {} },
        { field: "‘Your entry’", choose: "" });
      assert.ok(said.includes("‘Your entry’"), text + ": " + said);  // teacherSays throws on a template it lacks
    }
  }
});

test("a published result (effect size and interval): written and read back as scaffold.py does", () => {
  const cases = JSON.parse(require("node:fs").readFileSync(require("node:path").join(__dirname, "..", "data", "browser-rules", "reported.json"), "utf8")).cases;
  assert.ok(cases.length >= 8);
  for (const row of cases) {
    assert.equal(rules.entry.findingText(row.draft), row.text, JSON.stringify(row.draft));
    assert.deepEqual(rules.entry.findings({ outcomes: [row.draft] })[0], row.data, JSON.stringify(row.draft));
  }
  // one group cannot take a published result (check/outcomes.py): its groups are written instead
  const one = Object.assign({}, cases[0].draft, { design: "one-group", better: "higher",
    before: { n: "20", mean: "5", sd: "2" }, after: { n: "20", mean: "6", sd: "2" } });
  assert.ok(!rules.entry.findingText(one).includes("effect_size"));
  assert.ok(rules.entry.findingText(one).includes("    before: {n: 20, mean: 5, sd: 2}\n"));
  // the numbers for each group, chosen again: the groups are written, not the published result
  const groups = Object.assign({}, one, { design: "two-group", source: "groups",
    intervention: { n: "14", mean: "92.5", sd: "18.2" }, comparison: { n: "13", mean: "84.1", sd: "17.6" } });
  assert.ok(!rules.entry.findingText(groups).includes("effect_size"));
});

test("an interval with one end left empty: the pair's own sentence for the teacher", () => {
  const problem = { template: "empty-list", values: { low: 2 } };
  assert.equal(rules.teacherSays(problem, { field: "‘Its interval’", both: true }), "Fill in both numbers of ‘Its interval’, the lowest first.");
  assert.equal(rules.teacherSays(problem, { field: "‘Authors’" }), "Add at least one to ‘Authors’.");
});
