/* scripts/goldenthread/base/assets/effect.js on the table tests/data/effect-cases.json, which
   tests/impact/test_effect_fixture.py checks is what impact/effect.py and strength.py give.
   Run: node --test tests/js/effect.test.js (tests/test_js_effect.py runs it under pytest). */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const table = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "data", "effect-cases.json"), "utf-8"));
const effect = require(path.join(__dirname, "..", "..", "scripts", "goldenthread", "base", "assets", "effect.js")).start(table.constants);

/* Equal to the last bit but for the square roots' and hypot's own rounding (a few ulps). */
function close(actual, expected, what) {
  if (expected === null) { assert.equal(actual, null, what); return; }
  const tolerance = 1e-12 * Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= tolerance, what + ": " + actual + " is not " + expected);
}

test("every finding of the table: g or the change, its interval, months and strength", function () {
  assert.ok(table.findings.length >= 100);
  table.findings.forEach(function (row, n) {
    const found = effect.resultOf(row.finding), want = row.result, what = "finding " + n;
    assert.equal(found.effect, want.effect, what);
    close(found.value, want.value, what + " value");
    close(found.low, want.low, what + " low");
    close(found.high, want.high, what + " high");
    close(found.baseline, want.baseline, what + " baseline");
    assert.deepEqual(found.months, want.months, what + " months");
    assert.deepEqual(found.strength, want.strength, what + " strength");
    assert.equal(found.source, want.source, what);
    const shown = [effect.number(found.value)].concat(found.low === null ? [] : [effect.number(found.low), effect.number(found.high)]);
    assert.deepEqual(shown, want.shown, what + " as shown");
  });
});

test("g to two places, its months and its figures, at every turn of the table", function () {
  table.g.forEach(function (row) {
    if (row.hundredths !== null) { assert.equal(effect.hundredths(row.g), row.hundredths, "hundredths of " + row.g); }
    assert.deepEqual(effect.months(row.g), row.months, "months of " + row.g);
    if (row.fixed !== null) {
      assert.equal(effect.fixed(row.g, 2), row.fixed, "fixed " + row.g);
      assert.equal(effect.number(row.g), row.number, "number " + row.g);
    }
  });
});

test("a group of one pupil, or no spread, is refused as the Python refuses it", function () {
  const one = { n: 1, mean: 3, sd: 1 }, flat = { n: 5, mean: 3, sd: 0 }, fine = { n: 5, mean: 2, sd: 1 };
  assert.throws(function () { effect.hedgesG(one, fine, true); });
  assert.throws(function () { effect.standardisedChange(flat, fine, true); });
  assert.throws(function () { effect.months(Infinity); });
});
