// search.js's words (goldenthreadSearchRules.words over the manifest's "words" tables) under
// Node's own test runner: node --test tests/js/
// tests/data/browser-rules/search_words.json holds the tables search_words.tables() writes into
// the search index's manifest, and words and texts with what search_words.py and search_stem.py
// make of them (tests/generate/test_search_words_fixture.py checks both against the Python).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { fixture, asset } = require("./helpers.js");

const rules = asset("search.js");
const table = fixture("search_words.json");
const words = rules.words(table.tables);

test("folding is search_words.fold, with the manifest's letters", () => {
  for (const [text, folded] of fixture("fold.json").cases) { assert.equal(words.fold(text), folded, text); }
});

test("Porter2's stem, the one spelling and the index term of every word", () => {
  for (const [word, stem, spelling, term] of table.words) {
    assert.equal(words.stem(word), stem, "stem " + word);
    assert.equal(words.spelling(word), spelling, "spelling " + word);
    assert.equal(words.term(word), term, "term " + word);
  }
});

test("a word's term is the same asked twice (the memo)", () => {
  for (const [word, , , term] of table.words) { assert.equal(words.term(word), term, word); }
});

test("a text's words and terms, hyphenated words closed up too", () => {
  for (const [text, tokens, terms] of table.texts) {
    assert.deepEqual(words.tokens(text), tokens, "tokens " + JSON.stringify(text));
    assert.deepEqual(words.terms(text), terms, "terms " + JSON.stringify(text));
  }
});

test("what a word being typed may begin, and the shorter forms it may be of", () => {
  for (const [typed, partials, forms] of table.typing) {
    assert.deepEqual(words.partials(typed), partials, typed);
    assert.deepEqual(words.typedForms(typed), forms, typed);
  }
});

test("a term's other forms differ from it by an ending", () => {
  for (const [shorter, longer, found] of table.forms) { assert.equal(words.otherForm(shorter, longer), found, longer); }
});

test("the stop and filler words are the manifest's", () => {
  assert.equal(words.kept("the"), false);
  assert.equal(words.kept("x"), false);
  assert.equal(words.kept("4"), true);
  assert.deepEqual(Object.keys(words.filler).sort(), table.tables.filler.split(" "));
  for (const stop of table.tables.stop.split(" ")) { assert.equal(words.kept(stop), false, stop); }
});

test("every rule is the tables': another table, other words", () => {
  const tables = JSON.parse(JSON.stringify(table.tables));
  tables.fold["ß"] = "sz";
  tables.stop = "teaching";
  tables.spelt = { colour: "colr" };
  tables.plurals = {};
  tables.stem.exceptions = { news: "new" };
  tables.stem.r1_prefixes = "";
  const other = rules.words(tables);
  assert.equal(other.fold("Straße"), "strasze");
  assert.equal(other.kept("teaching"), false);
  assert.equal(other.kept("the"), true);
  assert.equal(other.spelling("colour"), "colr");
  assert.equal(other.term("children"), "children");
  assert.equal(other.stem("news"), "new");
  assert.equal(words.stem("generous"), "generous");   // R1 after the prefix gener
  assert.equal(other.stem("generous"), "gener");
});
