/* Golden Thread: the arithmetic of a finding, as the entry form shows it while a teacher types.

   The same formulas as scripts/goldenthread/impact/effect.py and strength.py, each function
   named after the Python it mirrors; the constants (the EEF's months table, the strength
   rating's thresholds and words, 1.96) are not written here but passed in from
   contributing/form-data.json ("impact"), which generate/form_data.py makes from the Python.
   tests/js/effect.test.js runs these on tests/data/effect-cases.json, a table that
   tests/test_js_effect.py checks against the Python itself.

   GoldenThreadEffect.start(constants) returns the functions. In Node: require() it. */
(function (root) {
  "use strict";

  function start(c) {
    const MONTHS = c.monthsTable;  // [highest effect size in hundredths, months], ascending
    const LAST = MONTHS[MONTHS.length - 1][1];

    /* effect._check_groups */
    function checkGroups(groups) {
      groups.forEach(function (group) {
        if (group.n < 2 || !(group.sd > 0) || !Number.isFinite(group.sd) || !Number.isFinite(group.mean)) {
          throw new Error("a group needs n >= 2 and a finite sd > 0");
        }
      });
    }

    /* effect.pooled_sd: squares of ratios to the larger SD, so none overflows or vanishes. */
    function pooledSd(first, second) {
      checkGroups([first, second]);
      const scale = Math.max(first.sd, second.sd);
      const df = first.n + second.n - 2;
      const a = first.sd / scale, b = second.sd / scale;
      const mix = ((first.n - 1) * (a * a) + (second.n - 1) * (b * b)) / df;
      return scale * Math.sqrt(mix);
    }

    function correction(df) { return 1.0 - 3.0 / (4.0 * df - 1.0); }
    function oriented(difference, higherIsBetter) { return higherIsBetter ? difference : -difference; }

    function cohensD(intervention, comparison, higherIsBetter) {
      const spread = pooledSd(intervention, comparison);
      return oriented((intervention.mean - comparison.mean) / spread, higherIsBetter);
    }

    /* effect.hedges_g: { value, low, high, variance } */
    function hedgesG(intervention, comparison, higherIsBetter) {
      const n1 = intervention.n, n2 = comparison.n;
      const d = cohensD(intervention, comparison, higherIsBetter);
      const j = correction(n1 + n2 - 2);
      const seD = Math.hypot(Math.sqrt((n1 + n2) / (n1 * n2)), d / Math.sqrt(2 * (n1 + n2)));
      const g = j * d, se = j * seD;
      return { value: g, low: g - c.z95 * se, high: g + c.z95 * se, variance: se * se };
    }

    function standardisedChange(before, after, higherIsBetter) {
      const spread = pooledSd(before, after);
      return oriented((after.mean - before.mean) / spread, higherIsBetter);
    }

    function baselineDifference(interventionPre, comparisonPre, higherIsBetter) {
      return cohensD(interventionPre, comparisonPre, higherIsBetter);
    }

    /* effect.hundredths: g rounded to two places, halves away from zero, on the shortest
       decimal that reads back as g (Python's repr, JavaScript's own digits: the same). */
    function hundredths(g) {
      const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(g.toExponential());
      const digits = match[2] + (match[3] || "");
      const point = parseInt(match[4], 10) + 3;  // digits before the point of |g| x 100
      let whole = 0, next = 0;
      if (point === 0) { next = +digits[0]; }
      else if (point > 0) {
        const padded = digits.padEnd(point + 1, "0");
        whole = parseInt(padded.slice(0, point), 10);
        next = +padded[point];
      }
      const size = whole + (next >= 5 ? 1 : 0);
      return match[1] && size ? -size : size;
    }

    /* effect.months: { value, orMore } */
    function months(g) {
      if (!Number.isFinite(g)) { throw new Error("no months for a g of " + g); }
      if (Math.abs(g) > 2 * c.monthsTop / 100) { return { value: g < 0 ? -LAST : LAST, orMore: true }; }
      let size = hundredths(g);
      const sign = size < 0 ? -1 : 1;
      size = Math.abs(size);
      if (size > c.monthsTop) { return { value: sign * LAST, orMore: true }; }
      const found = MONTHS.find(function (row) { return size <= row[0]; })[1];
      return { value: sign * found, orMore: false };
    }

    /* Python's f"{value:.{places}f}": the exact binary value, ties to even (toFixed's go up). */
    function fixed(value, places) {
      const size = Math.abs(value);
      let text = size.toFixed(places);
      const odd = size * Math.pow(2, places + 1);
      if (Number.isSafeInteger(odd) && odd % 2 === 1) {
        let n = Math.floor(size * Math.pow(10, places));
        if (n % 2 === 1) { n += 1; }
        const digits = String(n).padStart(places + 1, "0");
        text = places ? digits.slice(0, -places) + "." + digits.slice(-places) : digits;
      }
      return (value < 0 || Object.is(value, -0) ? "-" : "") + text;
    }

    /* generate/forest.py's number: two places, a true minus, never "minus nothing". */
    function number(value, places) {
      let text = fixed(value, places === undefined ? 2 : places);
      if (text.replace(/^-/, "").replace(/^[0.]+|[0.]+$/g, "") === "") { text = text.replace(/^-/, ""); }
      return text.replace("-", "\u2212");
    }

    /* strength.py */
    function strength(level, reasons) {
      return { level: level, name: c.levels[String(level)], reasons: reasons,
        text: c.levels[String(level)] + " (" + level + " of " + c.top + ")" };
    }
    function reason(name, values) {
      return c.reasons[name].replace(/\{(\w+)\}/g, function (match, key) { return String(values[key]); });
    }
    function rateOneGroup() { return strength(1, [c.reasons["one-group"]]); }
    function startLevel(baseline, pretest) {
      if (!pretest || baseline === null || baseline === undefined) { return [3, c.reasons["no-pretest"]]; }
      const apart = Math.abs(baseline);
      if (apart <= c.levelStart) { return [4, c.reasons.level]; }
      if (apart <= c.notEquivalent) { return [3, reason("apart", { apart: fixed(apart, 2) })]; }
      return [2, reason("not-level", { apart: fixed(apart, 2) })];
    }
    function rateTwoGroups(interval, pupils, pretest, baseline) {
      const first = startLevel(baseline, pretest);
      let level = first[0];
      const reasons = [first[1]];
      if (pupils === null || pupils === undefined) { level -= 1; reasons.push(c.reasons["not-given"]); }
      else if (pupils < c.small) { level -= 1; reasons.push(reason("small", { pupils: pupils, small: c.small })); }
      if (interval.low <= 0 && 0 <= interval.high) { level -= 1; reasons.push(c.reasons.crosses); }
      else { reasons.push(c.reasons.clear); }
      return strength(Math.max(1, level), reasons);
    }

    function group(data, n) { return { n: n === undefined ? data.n : n, mean: data.mean, sd: data.sd }; }

    /* finding.result_of(finding_of(data)), for a finding as its front matter holds it:
       { effect, value, low, high (null for one group), months, strength, baseline, source } */
    function resultOf(data) {
      const better = data.higher_is_better === undefined ? true : Boolean(data.higher_is_better);
      if (data.effect_size) {
        const g = data.effect_size.g, low = data.effect_size.ci[0], high = data.effect_size.ci[1];
        const interval = { low: low, high: high };
        return { effect: true, value: g, low: low, high: high, months: months(g), baseline: null,
          strength: rateTwoGroups(interval, null), source: "reported" };
      }
      if (data.design === "one-group") {
        return { effect: false, value: standardisedChange(group(data.before), group(data.after), better),
          low: null, high: null, months: null, baseline: null, strength: rateOneGroup(), source: "computed" };
      }
      const intervention = data.intervention, comparison = data.comparison;
      const estimate = hedgesG(group(intervention), group(comparison), better);
      let baseline = null;
      if (intervention.pre && comparison.pre) {
        baseline = baselineDifference(group(intervention.pre, intervention.n), group(comparison.pre, comparison.n), better);
      }
      const rated = rateTwoGroups(estimate, intervention.n + comparison.n, data.design === c.pretest, baseline);
      return { effect: true, value: estimate.value, low: estimate.low, high: estimate.high,
        months: months(estimate.value), baseline: baseline, strength: rated, source: "computed" };
    }

    return { pooledSd: pooledSd, correction: correction, cohensD: cohensD, hedgesG: hedgesG,
      standardisedChange: standardisedChange, baselineDifference: baselineDifference,
      hundredths: hundredths, months: months, fixed: fixed, number: number,
      rateOneGroup: rateOneGroup, rateTwoGroups: rateTwoGroups, resultOf: resultOf };
  }

  const api = { start: start };
  if (typeof module === "object" && module.exports) { module.exports = api; }
  else { root.GoldenThreadEffect = api; }
}(typeof window !== "undefined" ? window : this));
