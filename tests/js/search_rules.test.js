// search.js's rules of a query (goldenthreadSearchRules), under Node's own test runner:
//   node --test tests/js/
// over tests/search/rules.json, whose tables and words tests/generate/test_search_glossary.py
// checks are the ones the build makes (search_glossary.py, search_words.py).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const fs = require("node:fs");

const rules = require(path.join(__dirname, "..", "..", "scripts", "goldenthread", "base", "assets", "search.js"));
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "search", "rules.json"), "utf8"));
const filler = Object.fromEntries(fixture.filler.map((word) => [word, true]));
const index = rules.glossaryIndex(fixture.table);

test("filler words do not count, unless the query has no other word", () => {
  for (const { words, counted } of fixture.counted) {
    assert.deepEqual(rules.counted(words, filler), counted, words.join(" "));
  }
});

for (const { query, words, terms, spans } of fixture.queries) {
  test(`the glossary names in "${query}"`, () => {
    const counted = rules.counted(words, filler);
    const kept = terms.filter((_, i) => counted[i]);
    const found = rules.glossarySpans(kept, index).map((span) => ({
      term: span.term, name: span.name, start: span.start, end: span.end,
      others: span.others.map((other) => other.label), topic: span.topic ? span.topic.label : null,
    }));
    assert.deepEqual(found, spans);
  });
}

test("a name's other names are matched by their index terms", () => {
  const [span] = rules.glossarySpans(["ehcp"], index);
  const other = span.others.find((o) => o.label === "education, health and care plan");
  assert.deepEqual(other.terms, ["educ", "health", "care", "plan"]);
  assert.equal(span.anchor, "ehcp");
});

test("the longest name wins, left to right", () => {
  const spans = rules.glossarySpans(["continu", "profession", "develop", "profession", "develop"], index);
  assert.deepEqual(spans.map((s) => [s.start, s.end, s.name]),
    [[0, 3, "continuing professional development"], [3, 5, "professional development"]]);
});

test("an empty glossary matches nothing", () => {
  assert.deepEqual(rules.glossarySpans(["ehcp"], rules.glossaryIndex([])), []);
  assert.deepEqual(rules.glossarySpans(["ehcp"], rules.glossaryIndex(undefined)), []);
});

test("the count says results", () => {
  for (const [exact, close, text] of fixture.counts) {
    assert.equal(rules.countText(exact, close), text);
  }
});

test("a match through the glossary says how", () => {
  for (const [name, other, topic, text] of fixture.via) {
    assert.equal(rules.via(name, other, topic), text);
  }
});
