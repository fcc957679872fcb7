/* Golden Thread: the "Write your entry" and "Propose a title" forms.

   The page (scripts/goldenthread/generate/forms.py) holds the form, hidden until this
   script has its rules: contributing/form-data.json, applied by form-rules.js. What is
   typed is kept in `state`, saved as a draft in this browser (localStorage) and checked
   as the teacher types; a field shows its problems once it has been left, and "Check"
   lists them all. With none, the files are shown, to copy, download or propose on GitHub
   (repo_url in mkdocs.yml). No request leaves the site: GitHub opens only when asked. */
(function () {
  "use strict";
  const form = document.getElementById("gt-form");
  if (!form || !window.fetch || !window.GoldenThreadRules) { return; }
  const KIND = form.getAttribute("data-form");             // entry | title
  const DRAFT = "goldenthread-draft-" + KIND;
  const URL_LIMIT = 8000;   // GitHub refuses longer addresses (414): then the text is copied instead
  const byId = function (id) { return document.getElementById(id); };

  let rules = null;
  let state = null;
  let catalogue = null, catalogueLoading = null, catalogueFailed = false;
  const touched = new Set();
  let checkedOnce = false;
  let timers = {};
  let lastProblems = [];

  function later(name, ms, action) {
    clearTimeout(timers[name]);
    timers[name] = setTimeout(action, ms);
  }

  function element(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      const value = attributes[name];
      if (value === false || value === null || value === undefined) { return; }
      if (name === "text") { node.textContent = value; }
      else { node.setAttribute(name, value === true ? "" : value); }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) { node.append(child); }
    });
    return node;
  }

  // -- State ---------------------------------------------------------------------------------

  function years() {
    const select = byId("gt-year");
    return select && select.options ? Array.from(select.options, function (o) { return o.value; }) : [];
  }

  function emptyState() {
    if (KIND === "entry") {
      const wanted = new URLSearchParams(location.search).get("year");
      const now = String(new Date().getFullYear());
      const year = years().includes(wanted) ? wanted : years().includes(now) ? now : years()[0];
      return withDimensions({ title: "", year: year, academy: "", id: "", idEdited: false,
        authors: [{ name: "", role: "" }], research_question: "", abstract: "", topics: [],
        library: [], references: [], outcomes: [], body: rules.data.templates.body });
    }
    return withDimensions({ title: "", subtitle: "", authors: [""], year: "", edition: "", publisher: "",
      isbn: "", type: "book", url: "", id: "", idEdited: false, topics: [], career_stages: [],
      formats: ["print"], summary: "" });
  }

  /* A list for each dimension of the framework that records name (form-data.json's). */
  function withDimensions(fields) {
    rules.data.dimensions.forEach(function (dimension) { fields[dimension[0]] = []; });
    return fields;
  }

  /* What the rules check and write: the state, with the year as YAML will read it and
     each reference's key the one it will have. */
  function typed() {
    const copy = JSON.parse(JSON.stringify(state));
    copy.id = state.id || rules.newId(state.title);
    if (KIND === "entry") {
      copy.year = parseInt(state.year, 10);
      copy.references = keyedReferences();
    } else {
      copy.year = rules.yearOf(state.year);
    }
    return copy;
  }

  function keyedReferences() {
    const taken = [];
    return state.references.map(function (reference) {
      const key = reference.key || rules.suggestedKey(reference, taken);
      taken.push(key);
      return { kind: reference.kind, key: key, fields: reference.fields };
    });
  }

  function getPath(path) {
    return path.split(".").reduce(function (value, part) { return value === undefined ? undefined : value[part]; }, state);
  }
  function setPath(path, value) {
    const parts = path.split(".");
    const last = parts.pop();
    const holder = parts.reduce(function (object, part) { return object[part]; }, state);
    holder[last] = value;
  }

  function save() {
    later("save", 300, function () {
      try { localStorage.setItem(DRAFT, JSON.stringify({ saved: Date.now(), state: state })); } catch (error) { /* private browsing */ }
    });
  }

  function restore() {
    let draft = null;
    try { draft = JSON.parse(localStorage.getItem(DRAFT) || "null"); } catch (error) { draft = null; }
    if (!draft || !draft.state) { return false; }
    state = Object.assign(emptyState(), draft.state);
    const note = byId("gt-draft-note");
    note.textContent = "Your draft from " + new Date(draft.saved).toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short" }) +
      " is back, as you left it. To clear it, select Start again at the end of the form.";
    note.hidden = false;
    return true;
  }

  // -- Drawing the state ---------------------------------------------------------------------

  function drawSimple() {
    Array.from(form.elements).forEach(function (control) {
      const name = control.getAttribute("data-bind") || control.name;
      if (!name || control.closest(".gt-groups")) { return; }
      const value = getPath(name);
      if (control.type === "checkbox") { control.checked = Array.isArray(value) && value.includes(control.value); }
      else if (control.type === "radio") { control.checked = value === control.value; }
      else if (value !== undefined && typeof value !== "object") { control.value = value; }
    });
    const id = byId("gt-id");
    if (id) { id.value = state.id || rules.newId(state.title); }
    filesNote();
  }

  function field(path, ident, label, hint, control) {
    const errorId = ident + "-error", hintId = ident + "-hint";
    control.id = ident;
    control.setAttribute("aria-describedby", (hint ? hintId + " " : "") + errorId);
    control.setAttribute("data-bind", control.getAttribute("data-bind") || path);
    return element("div", { class: "gt-field", "data-path": path }, [
      element("label", { class: "gt-label", for: ident, text: label }),
      hint ? element("p", { class: "gt-hint", id: hintId, text: hint }) : null,
      element("p", { class: "gt-error", id: errorId, hidden: true }),
      control]);
  }
  function input(value, extra) {
    return element("input", Object.assign({ class: "gt-input", type: "text", autocomplete: "off", value: value || "" }, extra || {}));
  }
  function textarea(value, rows) {
    const node = element("textarea", { class: "gt-input", rows: String(rows) });
    node.value = value || "";
    return node;
  }

  function drawAuthors(focusIndex) {
    const list = byId("gt-authors-list");
    list.replaceChildren();
    state.authors.forEach(function (author, n) {
      const number = n + 1;
      let inner;
      if (KIND === "entry") {
        inner = [
          field("authors." + n + ".name", "gt-authors-" + n + "-name", "Name", "", input(author.name, { autocomplete: "name" })),
          field("authors." + n + ".role", "gt-authors-" + n + "-role", "Role", "", input(author.role))];
      } else {
        inner = [field("authors." + n, "gt-authors-" + n, "Full name", "", input(author, { autocomplete: "off" }))];
      }
      const remove = state.authors.length > 1 ? element("button", { type: "button", class: "md-button gt-remove",
        "data-remove-author": String(n) }, ["Remove ", element("span", { class: "gt-hidden", text: "author " + number }),
        element("span", { "aria-hidden": "true", text: "this author" })]) : null;
      list.append(element("li", { class: "gt-group" }, [
        element("fieldset", { class: "gt-group-box" }, [element("legend", { text: "Author " + number })].concat(inner, [remove]))]));
    });
    if (focusIndex !== undefined) {
      const target = list.querySelectorAll("li")[focusIndex];
      if (target) { target.querySelector("input").focus(); }
    }
  }

  function kindLabel(kind) {
    const option = byId("gt-reference-kind").querySelector('option[value="' + kind + '"]');
    return option ? option.textContent : kind;
  }

  /* The fields a reference's kind needs (check/bib.py's REQUIRED): shown first; the rest of
     its kind's fields wait behind "More details". */
  function needed(kind) {
    const wanted = new Set([].concat.apply([], rules.data.bibRequired[kind.type] || []));
    return kind.fields.filter(function (spec) { return wanted.has(spec[0]); });
  }

  function referenceField(reference, n, spec) {
    const name = spec[0];
    const multi = rules.data.names.includes(name);
    const control = multi ? textarea(reference.fields[name], 3) : input(reference.fields[name], { spellcheck: name === "url" || name === "doi" ? "false" : null });
    control.setAttribute("data-bind", "references." + n + ".fields." + name);
    return field("references." + n + "." + name, "gt-references-" + n + "-" + name, spec[1], spec[2], control);
  }

  function drawReferences(focusIndex) {
    const list = byId("gt-references-list");
    list.replaceChildren();
    const keyed = keyedReferences();
    state.references.forEach(function (reference, n) {
      const kind = rules.kinds[reference.kind];
      const key = keyed[n].key;
      const first = needed(kind);
      const rest = kind.fields.filter(function (spec) { return !first.includes(spec); });
      let fields;
      if (reference.library && !reference.editing) {
        // from the library: one line, its details already right
        fields = [element("p", { class: "gt-from-library", text: referenceLine(reference) }),
          element("button", { type: "button", class: "md-button", "data-edit-reference": String(n) },
            ["Change the details", element("span", { class: "gt-hidden", text: " of reference " + (n + 1) })])];
      } else {
        fields = first.map(function (spec) { return referenceField(reference, n, spec); });
        if (rest.length) {
          const more = element("details", { class: "gt-more", "data-more": String(n),
            open: reference.more || rest.some(function (spec) { return (reference.fields[spec[0]] || "").trim(); }) });
          more.append(element("summary", { text: "More details (" + rest.map(function (spec) { return spec[1]; }).join(", ") + ")" }));
          rest.forEach(function (spec) { more.append(referenceField(reference, n, spec)); });
          more.addEventListener("toggle", function () { if (state.references[n]) { state.references[n].more = more.open; } });
          fields.push(more);
        }
      }
      const keyInput = input(key, { spellcheck: "false", "data-bind": "references." + n + ".key" });
      const cite = "[@" + key + "]";
      fields.push(field("references." + n + ".key", "gt-references-" + n + "-key", "Key",
        "Letters and digits only. Paste " + cite + " into your text where you cite it.", keyInput));
      const copy = element("button", { type: "button", class: "md-button", "data-copy-citation": String(n) },
        ["Copy " + cite]);
      const status = element("span", { class: "gt-status", role: "status", id: "gt-references-" + n + "-copied" });
      const remove = element("button", { type: "button", class: "md-button gt-remove", "data-remove-reference": String(n) },
        ["Remove ", element("span", { class: "gt-hidden", text: "reference " + (n + 1) }),
          element("span", { "aria-hidden": "true", text: "this reference" })]);
      const from = reference.library ? "from the library" : kindLabel(reference.kind);
      list.append(element("li", { class: "gt-group" }, [element("fieldset", { class: "gt-group-box", "data-reference": String(n) },
        [element("legend", { text: "Reference " + (n + 1) + ": " + from })].concat(
          fields, [element("div", { class: "gt-actions" }, [copy, status, remove])]))]));
    });
    if (focusIndex !== undefined) {
      const target = list.querySelectorAll("li")[focusIndex];
      if (target) { target.querySelector("input, textarea").focus(); }
    }
  }

  // -- Findings: what the teacher measured, and the result as they type ------------------------

  const DESIGNS = [["two-group", "Two groups compared after", "Pupils who had the approach, and pupils who did not."],
    ["two-group-pretest", "Two groups, with a test before too", "The same two groups, tested before the approach and after it."],
    ["one-group", "One group, before and after", "One group tested before the approach and after it."]];
  const GROUP_NAMES = { intervention: "Pupils who had the approach", comparison: "Pupils who did not (the comparison group)",
    before: "Before", after: "After" };
  const SPREAD = "How spread out the scores are: about two in three pupils score within one standard deviation " +
    "of the average. A spreadsheet’s STDEV of the scores gives it.";

  function newFinding() {
    const group = function () { return { n: "", mean: "", sd: "", pre_mean: "", pre_sd: "" }; };
    return { measure: "", design: "two-group", source: "groups", better: "higher", intervention: group(), comparison: group(),
      before: group(), after: group(), scale_min: "", scale_max: "", g: "", ci_low: "", ci_high: "" };
  }
  const SOURCES = [["groups", "I have the numbers for each group"],
    ["reported", "I have a published result (an effect size with its interval)"]];
  /* A published result: its effect size and the two ends of its 95% interval, as the report gives them. */
  function reportedBox(finding, n) {
    const base = "outcomes." + n, ident = "gt-outcomes-" + n + "-reported";
    const interval = ident + "-ci";
    const ends = [["0", "ci_low", "low", "Lowest value of its 95% confidence interval", "For example −0.05. A minus sign is fine."],
      ["1", "ci_high", "high", "Highest value of its 95% confidence interval", "For example 0.67."]].map(function (end) {
      const box = numberBox(base + ".effect_size.ci." + end[0], base + "." + end[1], interval + "-" + end[2], end[3], end[4], finding[end[1]] || "");
      const control = box.querySelector("input");
      control.setAttribute("aria-describedby", control.getAttribute("aria-describedby") + " " + interval + "-error");
      return box;
    });
    return element("div", { class: "gt-reported", "data-reported": "" }, [
      numberBox(base + ".effect_size.g", base + ".g", ident + "-g", "Effect size (Hedges’ g)",
        "As the report gives it: above 0 when the pupils who had the approach did better, below 0 when they did worse.",
        finding.g || ""),
      element("fieldset", { class: "gt-field gt-group-box", "data-path": base + ".effect_size.ci", "data-both": "",
        "aria-describedby": interval + "-hint " + interval + "-error" }, [
        element("legend", {}, ["Its 95% confidence interval", element("span", { class: "gt-hidden", text: " in finding " + (n + 1) })]),
        element("p", { class: "gt-hint", id: interval + "-hint", text: "The report gives it beside the effect size, often in square brackets: [−0.05, 0.67]." }),
        element("p", { class: "gt-error", id: interval + "-error", hidden: true })].concat(ends))]);
  }

  function radios(path, ident, legend, hint, options, value) {
    const name = ident.replace(/^gt-/, "");
    const boxes = options.map(function (option) {
      const id = ident + "-" + option[0];
      return element("div", { class: "gt-choice" }, [
        element("input", { type: "radio", id: id, name: name, value: option[0], "data-bind": path, checked: option[0] === value }),
        element("label", { for: id, text: option[1] })]);
    });
    return element("fieldset", { class: "gt-field gt-choices", "data-path": path,
      "aria-describedby": (hint ? ident + "-hint " : "") + ident + "-error" }, [
      element("legend", { class: "gt-label", text: legend }),
      hint ? element("p", { class: "gt-hint", id: ident + "-hint", text: hint }) : null,
      element("p", { class: "gt-error", id: ident + "-error", hidden: true }),
      element("div", { class: "gt-choice-list" }, boxes)]);
  }

  function numberBox(path, bind, ident, label, hint, value) {
    const control = input(value, { inputmode: "decimal", spellcheck: "false", "data-bind": bind });
    return field(path, ident, label, hint, control);
  }

  function groupBox(finding, n, name) {
    const base = "outcomes." + n + "." + name, ident = "gt-outcomes-" + n + "-" + name;
    const group = finding[name];
    const boxes = [
      numberBox(base + ".n", base + ".n", ident + "-n", "Number of pupils", "", group.n),
      numberBox(base + ".mean", base + ".mean", ident + "-mean", "Average score", "", group.mean),
      numberBox(base + ".sd", base + ".sd", ident + "-sd", "Spread (standard deviation)", SPREAD, group.sd)];
    if (name === "intervention" || name === "comparison") {
      const before = element("div", { class: "gt-pretest", "data-pretest": "" }, [
        numberBox(base + ".pre.mean", base + ".pre_mean", ident + "-pre-mean", "Average score before", "", group.pre_mean),
        numberBox(base + ".pre.sd", base + ".pre_sd", ident + "-pre-sd", "Spread before (standard deviation)", "", group.pre_sd)]);
      boxes.push(before);
    }
    return element("fieldset", { class: "gt-field gt-group-box gt-measured-group", "data-path": base, "data-group": name }, [
      element("legend", {}, [GROUP_NAMES[name], element("span", { class: "gt-hidden", text: " in finding " + (n + 1) })]),
      element("p", { class: "gt-error", id: ident + "-error", hidden: true })].concat(boxes));
  }

  /* The lowest and highest score the measure allows, if it has them (optional). */
  function scaleBox(finding, n) {
    const base = "outcomes." + n, ident = "gt-outcomes-" + n + "-scale";
    return element("fieldset", { class: "gt-field gt-group-box gt-measured-group", "data-path": base + ".scale",
      "aria-describedby": ident + "-hint " + ident + "-error" }, [
      element("legend", {}, ["The range of possible scores (optional)", element("span", { class: "gt-hidden", text: " in finding " + (n + 1) })]),
      element("p", { class: "gt-hint", id: ident + "-hint", text: "If your test has a fixed range, for example 0 to 50 marks: the form then checks each average and spread against it." }),
      element("p", { class: "gt-error", id: ident + "-error", hidden: true }),
      numberBox(base + ".scale.min", base + ".scale_min", ident + "-min", "Lowest possible score", "", finding.scale_min || ""),
      numberBox(base + ".scale.max", base + ".scale_max", ident + "-max", "Highest possible score", "", finding.scale_max || "")]);
  }

  function drawFindings(focusIndex) {
    const list = byId("gt-outcomes-list");
    if (!list) { return; }
    list.replaceChildren();
    state.outcomes.forEach(function (finding, n) {
      const base = "outcomes." + n, ident = "gt-outcomes-" + n;
      const remove = element("button", { type: "button", class: "md-button gt-remove", "data-remove-finding": String(n) },
        ["Remove ", element("span", { class: "gt-hidden", text: "finding " + (n + 1) }),
          element("span", { "aria-hidden": "true", text: "this finding" })]);
      const parts = [
        element("legend", { text: "Finding " + (n + 1) }),
        element("p", { class: "gt-error", id: ident + "-error", hidden: true }),
        field(base + ".measure", ident + "-measure", "What you measured, and how",
          "For example: Reading fluency, words read correctly in one minute, on the same passage.",
          input(finding.measure, { "data-bind": base + ".measure" })),
        radios(base + ".design", ident + "-design", "How you compared", "", DESIGNS.map(function (d) { return [d[0], d[1]]; }), finding.design),
        radios(base + ".source", ident + "-source", "What you have", "Two groups only: a published result can stand in for the groups’ numbers when they are not shared.",
          SOURCES, finding.source || "groups"),
        radios(base + ".higher_is_better", ident + "-better", "Which scores are better?", "",
          [["higher", "Higher scores are better"], ["lower", "Lower scores are better (for example, errors or days absent)"]],
          finding.better)].concat(["intervention", "comparison", "before", "after"].map(function (name) { return groupBox(finding, n, name); }),
        [reportedBox(finding, n), scaleBox(finding, n)],
        [element("div", { class: "gt-result", id: ident + "-result", role: "status" }),
          element("div", { class: "gt-actions" }, [remove])]);
      parts[3].querySelectorAll("input").forEach(function (box) { box.setAttribute("data-bind", base + ".design"); });
      parts[5].querySelectorAll("input").forEach(function (box) { box.setAttribute("data-bind", base + ".better"); });
      list.append(element("li", { class: "gt-group" }, [element("fieldset", { class: "gt-group-box gt-finding", "data-path": base }, parts)]));
      showDesign(n);
    });
    if (focusIndex !== undefined) {
      const target = list.querySelectorAll("li")[focusIndex];
      if (target) { target.querySelector("input").focus(); }
    }
    drawResults();
  }

  /* The boxes a finding's design asks for; the others wait, hidden, with what was typed. */
  function showDesign(n) {
    const box = form.querySelector('.gt-finding[data-path="outcomes.' + n + '"]');
    const design = state.outcomes[n].design;
    const groups = rules.data.impact.designGroups[design];
    box.querySelectorAll(".gt-measured-group[data-group]").forEach(function (group) { group.hidden = !groups.includes(group.getAttribute("data-group")); });
    box.querySelectorAll("[data-pretest]").forEach(function (part) { part.hidden = design !== rules.data.impact.pretest; });
    // a published result: two groups only (check/outcomes.py); it stands alone, without the
    // groups, which scores are better, or the range of scores
    const twoGroups = design !== "one-group";
    const reported = twoGroups && state.outcomes[n].source === "reported";
    const at = "outcomes." + n;
    box.querySelector('[data-path="' + at + '.source"]').hidden = !twoGroups;
    box.querySelector("[data-reported]").hidden = !reported;
    box.querySelector('[data-path="' + at + '.higher_is_better"]').hidden = reported;
    box.querySelector('[data-path="' + at + '.scale"]').hidden = reported;
    if (reported) { box.querySelectorAll(".gt-measured-group[data-group]").forEach(function (group) { group.hidden = true; }); }
  }

  /* Each finding's result in plain words, once its numbers are all there and right. */
  function drawResults() {
    if (KIND !== "entry" || !state.outcomes) { return; }
    const doc = typed();
    const data = rules.entry.findings(doc);
    const effect = rules.effect;
    state.outcomes.forEach(function (finding, n) {
      const target = byId("gt-outcomes-" + n + "-result");
      if (!target) { return; }
      const mine = lastProblems.filter(function (problem) {
        return (problem.field + ".").startsWith("outcomes." + n + ".") && problem.level === "error";
      });
      let result = null;
      if (!mine.length) { try { result = effect.resultOf(data[n]); } catch (error) { result = null; } }
      const words = result && Number.isFinite(result.value) ? resultWords(result, effect) :
        [element("p", { text: mine.length ? "Put right what is marked above, and the result shows here." :
          "The result shows here once each number is filled in." })];
      const nodes = [element("p", { class: "gt-result-heading", text: "The result" })].concat(words);
      const text = nodes.map(function (node) { return node.textContent; }).join(" ");
      if (target.getAttribute("data-words") === text) { return; }  // said once, not at each key
      target.setAttribute("data-words", text);
      target.replaceChildren.apply(target, nodes);
      target.toggleAttribute("data-shown", Boolean(result && Number.isFinite(result.value)));
    });
  }

  function resultWords(result, effect) {
    const rows = [];
    function row(name, value, more) {
      rows.push(element("p", { class: "gt-result-row" }, [element("strong", { text: name + ": " }),
        element("span", { class: "gt-result-value", text: value })].concat(more ? [" ", element("span", { class: "gt-result-note", text: more })] : [])));
    }
    if (result.effect) {
      row("Effect size (Hedges’ g)", effect.number(result.value), result.value >= 0 ?
        "The group that had the approach did better, by this many standard deviations." :
        "The group that had the approach did worse, by this many standard deviations.");
      const zero = result.low <= 0 && 0 <= result.high;
      row("95% interval", effect.number(result.low) + " to " + effect.number(result.high),
        "The range of results that chance alone could easily give." +
        (zero ? " It includes zero: the result fits no difference at all." : ""));
      const months = result.months;
      const count = String(months.value).replace("-", "\u2212") + (months.orMore ? " or more" : "");
      row("Months’ progress", count + (Math.abs(months.value) === 1 && !months.orMore ? " month" : " months"),
        "The Education Endowment Foundation’s conversion of the effect size.");
    } else {
      row("Standardised change", effect.number(result.value) + " standard deviations",
        "After minus before, over the spread of scores. One group, so this is a change, not an effect of " +
        "the approach: pupils make progress anyway. No months’ progress is given for one group.");
    }
    row("Strength", result.strength.text, result.strength.reasons.map(function (reason) {
      return reason.charAt(0).toUpperCase() + reason.slice(1) + ".";
    }).join(" "));
    return rows;
  }

  function drawChosen() {
    const list = byId("gt-library-chosen");
    if (!list) { return; }
    list.replaceChildren();
    state.library.forEach(function (id, n) {
      const name = titleName(id);
      list.append(element("li", {}, [element("span", { text: name }), " ",
        element("button", { type: "button", class: "md-button gt-remove", "data-remove-title": String(n) },
          ["Remove", element("span", { class: "gt-hidden", text: " " + name })])]));
    });
  }

  function titleName(id) {
    if (!catalogue) { return id; }
    const n = catalogue.id.indexOf(id);
    return n < 0 ? id : catalogue.title[n] + " (" + catalogue.authors[n].join(", ") + ", " + catalogue.year[n] + ")";
  }

  function filesNote() {
    const note = byId("gt-files-note");
    if (!note) { return; }
    note.textContent = "";  // the teacher never needs the files' names
  }

  function drawAll() {
    drawSimple();
    drawAuthors();
    if (KIND === "entry") { drawReferences(); drawChosen(); drawFindings(); preview(); }
  }

  // -- Checking ------------------------------------------------------------------------------

  function problems() {
    const doc = typed();
    return KIND === "entry" ? rules.entry.problems(doc) : rules.title.problems(doc, catalogue);
  }

  /* The field a problem belongs to: its own, or the nearest enclosing one on the page. */
  function fieldFor(path) {
    let parts = String(path || "").split(".");
    while (parts.length) {
      const found = form.querySelector('[data-path="' + parts.join(".") + '"]');
      if (found) { return found; }
      parts = parts.slice(0, -1);
    }
    return null;
  }
  /* The box's own control (a fieldset of choices has none: its first choice is linked to). */
  function controlOf(box, own) {
    const mine = box.querySelector(":scope > input, :scope > textarea, :scope > select, :scope > .gt-combobox > input");
    return mine || (own ? null : box.querySelector("input, textarea, select"));
  }
  function labelOf(box) {
    const own = box.querySelector(":scope > .gt-label, :scope > legend");
    const group = box.closest(".gt-group-box");
    const head = group && group !== box ? group.querySelector("legend").textContent + ", " : "";
    return head + (own ? own.textContent : "");
  }
  function quote(text) { return "‘" + String(text).trim().replace(/[:.]$/, "") + "’"; }
  /* The heading of the part of the text a line is in ("What we did"), if any. */
  function headingAt(line) {
    const lines = state.body.replace(/\r\n?/g, "\n").split("\n").slice(0, line);
    for (let n = lines.length - 1; n >= 0; n -= 1) {
      const match = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(lines[n]);
      if (match) { return match[1]; }
    }
    return null;
  }
  /* What only the page knows about a problem: the field's label as the teacher sees it, and
     the first line of a list to choose from. */
  function screen(problem) {
    const box = fieldFor(problem.field);
    if (!box) { return { field: KIND === "entry" ? "your entry" : "the record" }; }
    const own = box.querySelector(":scope > .gt-label, :scope > legend");
    const group = box.closest(".gt-group-box");
    let name = quote(own ? own.textContent : "");
    if (group && group !== box) { name += " in " + group.querySelector("legend").textContent.split(":")[0]; }
    if (problem.line && box.getAttribute("data-path") === "body") {
      const heading = headingAt(problem.line);
      if (heading) { name = quote(heading) + " in " + name; }
    }
    const values = { field: name };
    const list = box.querySelector(":scope > select");
    if (list && list.options.length && list.options[0].value === "") { values.choose = list.options[0].textContent; }
    else if (box.classList.contains("gt-choices")) { values.choose = "Choose at least one in " + name; }
    if (box.hasAttribute("data-both")) { values.both = true; }
    return values;
  }
  /* A problem in the teacher's words (messages.TEACHER), as the summary and the field say it. */
  function wording(problem) {
    const words = rules.teacherSays(problem, screen(problem));
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  function blocking(all) { return all.filter(function (problem) { return problem.level !== "notice"; }); }

  function showErrors(all) {
    const byBox = new Map();
    all.forEach(function (problem) {
      const box = fieldFor(problem.field);
      if (!box) { return; }
      const path = box.getAttribute("data-path");
      if (!checkedOnce && !touched.has(path)) { return; }
      if (!byBox.has(box)) { byBox.set(box, []); }
      const words = (problem.level === "notice" ? "Advice: " : "") + wording(problem);
      if (!byBox.get(box).includes(words)) { byBox.get(box).push(words); }
    });
    form.querySelectorAll("[data-path]").forEach(function (box) {
      const error = box.querySelector(":scope > .gt-error");
      const control = controlOf(box, true);
      const words = byBox.get(box);
      if (!error) { return; }
      // a box of a pair (an interval's two ends) is invalid when the pair is
      const pair = box.parentElement && box.parentElement.closest("[data-both]");
      const invalid = Boolean(words || (pair && byBox.get(pair)));
      if (control) { if (invalid) { control.setAttribute("aria-invalid", "true"); } else { control.removeAttribute("aria-invalid"); } }
      if (words) {
        const more = box.closest("details.gt-more");
        if (more && !more.open) { more.open = true; }
        error.replaceChildren(element("span", { class: "gt-hidden", text: "Error: " }), words.join(" "));
        error.hidden = false;
        box.classList.add("gt-field-error");
      } else {
        error.hidden = true;
        error.replaceChildren();
        box.classList.remove("gt-field-error");
      }
    });
  }

  function recheck() {
    lastProblems = problems();
    showErrors(lastProblems);
    drawResults();
    if (checkedOnce && !byId("gt-problems").hidden) { summary(lastProblems, false); }
  }

  function summary(all, focus) {
    const box = byId("gt-problems");
    const list = byId("gt-problems-list");
    // A re-check while the keyboard is on one of the list's links (a field left, 50 ms
    // earlier) draws the list again: the focus stays on the same link, not lost to the page.
    const held = list.contains(document.activeElement) ? document.activeElement : null;
    const heldTarget = held && held.getAttribute("data-focus"), heldText = held && held.textContent;
    list.replaceChildren();
    const shown = new Set();
    let errors = 0;
    blocking(all).concat(all.filter(function (problem) { return problem.level === "notice"; })).forEach(function (problem) {
      const field_ = fieldFor(problem.field);
      const control = field_ ? controlOf(field_) : null;
      const notice = problem.level === "notice";
      const words = (notice ? "Advice: " : "") + wording(problem);
      if (shown.has(words)) { return; }
      shown.add(words);
      if (!notice) { errors += 1; }
      const item = element("li", { "data-code": problem.code, "data-level": problem.level });
      item.append(control ? element("a", { href: "#" + control.id, "data-focus": control.id, text: words }) : words);
      list.append(item);
    });
    const advice = shown.size - errors;
    byId("gt-problems-heading").textContent = errors === 0 ? (advice === 1 ? "One piece of advice" : advice + " pieces of advice") +
      " (your " + (KIND === "entry" ? "entry" : "record") + " can be sent as it is)" :
      errors === 1 ? "There is a problem" : "There are " + errors + " problems";
    box.classList.toggle("gt-advice-only", errors === 0);
    box.hidden = all.length === 0;
    if (focus && errors) { box.focus(); return; }
    if (held) {
      const links = Array.prototype.slice.call(list.querySelectorAll("a[data-focus]"));
      const same = links.filter(function (link) { return link.getAttribute("data-focus") === heldTarget; });
      const again = same.filter(function (link) { return link.textContent === heldText; })[0] || same[0];
      (again || (box.hidden ? byId("gt-check") : box)).focus();
    }
  }

  function check() {
    checkedOnce = true;
    if (KIND === "title" && !catalogue && !catalogueFailed) {
      // the record is checked against the catalogue's ids and ISBNs too
      loadCatalogue().then(check, function () { catalogueFailed = true; check(); });
      return;
    }
    lastProblems = problems();
    showErrors(lastProblems);
    summary(lastProblems, true);
    const output = byId("gt-output");
    if (blocking(lastProblems).length) { output.hidden = true; return; }
    showFiles();
    showSend();
    if (KIND === "entry") { showFinished(); }
    output.hidden = false;
    output.focus();
  }

  // -- The files -----------------------------------------------------------------------------

  function files() {
    const doc = typed();
    const all = (KIND === "entry" ? rules.entry : rules.title).files(doc);
    return KIND === "entry" && !doc.references.length ? all.slice(0, 1) : all;
  }

  function copyText(text, status) {
    function done(words) { status.textContent = words; later("copied", 4000, function () { status.textContent = ""; }); }
    const fallback = function () {
      const area = element("textarea", { class: "gt-hidden", "aria-hidden": "true" });
      area.value = text;
      document.body.append(area);
      area.select();
      const ok = document.execCommand && document.execCommand("copy");
      area.remove();
      done(ok ? "Copied." : "Your browser would not copy: select the text and copy it.");
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).then(function () { done("Copied."); }, fallback);
    }
    fallback();
    return Promise.resolve();
  }

  function download(file) {
    const url = URL.createObjectURL(new Blob([file.text], { type: "text/plain;charset=utf-8" }));
    const link = element("a", { href: url, download: file.path.split("/").pop() });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  function showFiles() {
    const all = files();
    const holder = byId("gt-output-files");
    holder.replaceChildren();
    byId("gt-output-intro").textContent = KIND === "title" ? "Here is the record's file, as the library keeps it." :
      all.length > 1 ? "Here are your entry and its references, as the site keeps them." :
        "Here is your entry, as the site keeps it. It cites no references, so it needs no references file.";
    all.forEach(function (file, n) {
      const area = element("textarea", { class: "gt-input gt-file", id: "gt-file-" + n, readonly: true, rows: "12",
        "aria-labelledby": "gt-file-" + n + "-name", spellcheck: "false" });
      area.value = file.text;
      const status = element("span", { class: "gt-status", role: "status" });
      const copy = element("button", { type: "button", class: "md-button", text: "Copy " + file.path.split("/").pop() });
      copy.addEventListener("click", function () { copyText(file.text, status); });
      const save = element("button", { type: "button", class: "md-button", "data-download": file.path,
        text: "Download " + file.path.split("/").pop() });
      save.addEventListener("click", function () { download(file); });
      holder.append(element("div", { class: "gt-file-box", "data-file": file.path }, [
        element("h4", { id: "gt-file-" + n + "-name", text: file.path }), area,
        element("div", { class: "gt-actions" }, [copy, save, status])]));
    });
    propose(all);
  }

  // -- Send to the research lead, and the entry as it will look -------------------------------

  function submission() {
    if (KIND === "entry") { return rules.entry.submission(typed()); }
    const file = files()[0];
    return { path: file.path, name: file.path.split("/").pop(), text: file.text };
  }

  function showSend() {
    const button = byId("gt-download-submission");
    if (button && !button.hasAttribute("data-ready")) {
      button.setAttribute("data-ready", "");
      button.addEventListener("click", function () { const made = submission(); download({ path: made.name, text: made.text }); });
    }
    const email = byId("gt-email");
    const address = form.getAttribute("data-submissions");
    if (!email || !address) { return; }
    const doc = typed();
    const made = submission();
    const first = KIND === "entry" ? (doc.authors[0] || {}).name : "";
    const what = KIND === "entry" ? "action research entry" : "library title";
    const subject = (KIND === "entry" ? "Action research entry: " : "Library title: ") + rules.clean(doc.title).trim();
    const lines = ["Hello,", "", "I attach my " + what + ", \u201c" + rules.clean(doc.title).trim() + "\u201d, made with the form on " +
      (form.getAttribute("data-trust") || "the Trust") + "\u2019s Golden Thread site.", "",
      "The file is " + made.name + ".", "", "Thank you" + (first && first.trim() ? "," : "."), first ? first.trim() : ""];
    email.href = "mailto:" + address + "?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(lines.join("\n").trim() + "\n");
    byId("gt-email-address").textContent = "It goes to " + address + ". Remember to attach the file: " + made.name + ".";
  }

  function choiceNames(name, ids) {
    return ids.map(function (id) {
      const label = form.querySelector('label[for="gt-' + name + '-' + id + '"]');
      return label ? label.textContent : id;
    });
  }

  /* A reference as a reader sees it, in short: who, when, what, where. */
  function referenceLine(reference) {
    const fields = reference.fields || {};
    const names = (fields.author || fields.editor || "").split("\n").map(function (line) { return line.trim(); }).filter(Boolean);
    const who = names.length ? names.join("; ") : fields.organization || fields.institution || "";
    const where = fields.journal || fields.booktitle || fields.publisher || fields.institution || fields.organization || "";
    return [who, "(" + ((fields.year || "").trim() || "n.d.") + ")", (fields.title || "").trim(), where].filter(Boolean).join(". ").replace(/\.\. /g, ". ");
  }

  function showFinished() {
    const target = byId("gt-finished");
    if (!target) { return; }
    const doc = typed();
    const academy = byId("gt-academy");
    const where = academy && academy.selectedIndex > 0 ? academy.options[academy.selectedIndex].textContent : "";
    const byline = doc.authors.map(function (author) { return author.name + (author.role ? " (" + author.role + ")" : ""); }).join(", ");
    const body = element("div", { class: "gt-preview" });
    renderText(body);
    const parts = [element("p", { class: "gt-finished-title", text: doc.title }),
      element("p", { text: [byline, where, String(doc.year)].filter(Boolean).join(" \u00b7 ") }),
      element("p", {}, [element("strong", { text: "Research question: " }), rules.unfolded(doc.research_question)]),
      element("p", {}, [element("strong", { text: "Abstract: " }), rules.unfolded(doc.abstract)])];
    const tagged = [["Topics", choiceNames("topics", doc.topics)], ["Stages", choiceNames("stages", doc.stages)]]
      .filter(function (pair) { return pair[1].length; });
    tagged.forEach(function (pair) { parts.push(element("p", {}, [element("strong", { text: pair[0] + ": " }), pair[1].join(", ")])); });
    const findings = rules.entry.findings(doc);
    findings.forEach(function (finding, n) {
      let result = null;
      try { result = rules.effect.resultOf(finding); } catch (error) { result = null; }
      if (!result || !Number.isFinite(result.value)) { return; }
      const number = rules.effect.number;
      const words = result.effect ? "effect size " + number(result.value) + " (95% interval " + number(result.low) +
        " to " + number(result.high) + "), " + String(result.months.value).replace("-", "\u2212") +
        (result.months.orMore ? " or more" : "") + " months’ progress" :
        "a change of " + number(result.value) + " standard deviations in one group";
      parts.push(element("p", {}, [element("strong", { text: "Finding " + (n + 1) + ": " }),
        finding.measure + ": " + words + ". Strength: " + result.strength.text + "."]));
    });
    parts.push(body);
    if (doc.references.length) {
      parts.push(element("p", {}, [element("strong", { text: "References" })]),
        element("ul", {}, doc.references.map(function (reference) { return element("li", { text: referenceLine(reference) }); })));
    }
    target.replaceChildren.apply(target, parts);
  }

  function newFileUrl(repo, branch, path, text) {
    const base = repo + "/new/" + branch.split("/").map(encodeURIComponent).join("/") + "?filename=" + encodeURIComponent(path);
    const full = base + "&value=" + encodeURIComponent(text);
    return full.length <= URL_LIMIT ? { url: full, fits: true } : { url: base, fits: false };
  }

  /* Where a proposal's branch is, from the address GitHub shows after "Propose new file":
     .../compare/main...someone:repo:patch-1, .../compare/main...someone:patch-1,
     .../compare/patch-1, or .../tree/patch-1. */
  function branchOf(address, repo) {
    const base = /^https:\/\/github\.com\/([\w.-]+)\/([\w.-]+)/.exec(repo);
    const match = /^https:\/\/github\.com\/([\w.-]+)\/([\w.-]+)\/(compare|tree)\/([^?#]+)/.exec(String(address).trim());
    if (!base || !match) { return null; }
    let owner = match[1], name = match[2], branch = decodeURIComponent(match[4]);
    if (match[3] === "compare") {
      const head = branch.includes("...") ? branch.split("...").pop() : branch;
      const parts = head.split(":");
      if (parts.length === 3) { owner = parts[0]; name = parts[1]; branch = parts[2]; }
      else if (parts.length === 2) { owner = parts[0]; name = base[2]; branch = parts[1]; }
      else { branch = parts[0]; }
    }
    return { repo: "https://github.com/" + owner + "/" + name, branch: branch };
  }

  function proposeLink(link, text, words) {
    const status = element("span", { class: "gt-status", role: "status" });
    const node = element("a", { class: "md-button md-button--primary", href: link.url, target: "_blank", rel: "noopener",
      text: words });
    if (!link.fits) {
      node.addEventListener("click", function () { copyText(text, status); });
    }
    return element("p", {}, [node, " ", status, link.fits ? null : element("span", { class: "gt-hint gt-block",
      text: "This file is too long for GitHub to take in its address, so the button copies it: on GitHub, " +
        "paste it into the large box (Ctrl+V, or Cmd+V on a Mac)." })]);
  }

  function propose(all) {
    const steps = byId("gt-propose-steps");
    if (!steps) { return; }
    const repo = form.getAttribute("data-repo"), branch = form.getAttribute("data-branch") || "main";
    steps.replaceChildren();
    const first = all[0];
    const intro = element("p", { text: "GitHub opens in a new tab, with the file filled in. Sign in, then select " +
      "Commit changes (or Propose changes): if you cannot change the Trust’s repository yourself, GitHub makes your " +
      "own copy and asks you to open a pull request. The check then comments on it, and a preview follows." });
    steps.append(intro);
    const what = KIND === "entry" ? "entry" : "record";
    if (all.length === 1) {
      steps.append(proposeLink(newFileUrl(repo, branch, first.path, first.text), first.text, "Propose your " + what + " on GitHub"));
      return;
    }
    const bib = all[1];
    const second = element("div", { class: "gt-step-two" });
    const address = input("", { id: "gt-proposal-address", type: "url", spellcheck: "false", "aria-describedby": "gt-proposal-address-hint" });
    const hint = element("p", { class: "gt-hint", id: "gt-proposal-address-hint", text: "After step 1, GitHub shows a " +
      "page called Open a pull request (or Comparing changes). Copy that page’s address from the address bar and paste it here." });
    const result = element("div", { id: "gt-step-two-link" });
    address.addEventListener("input", function () {
      const found = branchOf(address.value, repo);
      result.replaceChildren(found ? proposeLink(newFileUrl(found.repo, found.branch, bib.path, bib.text), bib.text,
        "Add the references to your proposal") : address.value.trim() ? element("p", { class: "gt-hint",
        text: "That is not the address of the page GitHub showed after step 1. It starts https://github.com/ " +
          "and has compare in it." }) : "");
    });
    second.append(element("h4", { text: "Step 2: add its references to the same proposal" }),
      element("label", { class: "gt-label", for: "gt-proposal-address", text: "The address of the page GitHub showed you" }),
      hint, address, result,
      element("p", { class: "gt-hint", text: "Or: open your pull request, select its branch (after “from”), " +
        "then Add file, Create new file; name it " + bib.path + " and paste the references, copied with the button above." }));
    steps.append(element("h4", { text: "Step 1: propose your entry" }),
      proposeLink(newFileUrl(repo, branch, first.path, first.text), first.text, "Propose your entry on GitHub"), second);
  }

  // -- The catalogue and the title pickers ---------------------------------------------------

  function loadCatalogue() {
    if (!catalogueLoading) {
      catalogueLoading = fetch(form.getAttribute("data-titles")).then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      }).then(function (data) {
        catalogue = data;
        catalogue.folded = data.title.map(function (title, n) { return fold(title + " " + data.authors[n].join(" ")); });
        if (KIND === "entry") { drawChosen(); }
        return data;
      });
      catalogueLoading.catch(function () { catalogueLoading = null; });
    }
    return catalogueLoading;
  }

  function fold(text) { return rules.fold(text); }  // search_words.fold, with its table (form-rules.js)

  function picker(ident, choose) {
    const box = byId("gt-" + ident);
    if (!box) { return; }
    const list = byId("gt-" + ident + "-options");
    const status = byId("gt-" + ident + "-status");
    let matches = [], active = -1;

    function close() {
      list.hidden = true;
      box.setAttribute("aria-expanded", "false");
      box.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function mark(n) {
      active = n;
      Array.from(list.children).forEach(function (option, i) { option.setAttribute("aria-selected", i === n ? "true" : "false"); });
      if (n >= 0) {
        box.setAttribute("aria-activedescendant", list.children[n].id);
        list.children[n].scrollIntoView({ block: "nearest" });
      } else { box.removeAttribute("aria-activedescendant"); }
    }
    function search() {
      const words = fold(box.value).split(/\s+/).filter(Boolean);
      if (!words.length) { close(); status.textContent = ""; return; }
      if (!catalogue) {
        status.textContent = "Loading the library…";
        loadCatalogue().then(search, function () { status.textContent = "The library could not be loaded. Reload the page to try again."; });
        return;
      }
      matches = [];
      for (let n = 0; n < catalogue.id.length && matches.length < 8; n += 1) {
        if (words.every(function (w) { return catalogue.folded[n].includes(w); })) { matches.push(n); }
      }
      list.replaceChildren.apply(list, matches.map(function (n, i) {
        const option = element("li", { role: "option", id: "gt-" + ident + "-option-" + i, "aria-selected": "false",
          class: "gt-option" }, [element("span", { class: "gt-option-title", text: catalogue.title[n] }),
          element("span", { class: "gt-byline", text: catalogue.authors[n].join(", ") + ", " + catalogue.year[n] })]);
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { pick(i); });
        return option;
      }));
      list.hidden = !matches.length;
      box.setAttribute("aria-expanded", matches.length ? "true" : "false");
      mark(-1);
      status.textContent = matches.length ? (matches.length === 8 ? "8 or more titles match" : matches.length +
        (matches.length === 1 ? " title matches" : " titles match")) + ". Use the down arrow to choose one, then Enter." :
        "No title matches. Try fewer words.";
    }
    function pick(i) {
      const n = matches[i];
      close();
      box.value = "";
      status.textContent = choose(n);
    }
    box.addEventListener("input", function () { later("search-" + ident, 120, search); });
    box.addEventListener("focus", function () { loadCatalogue().catch(function () { /* said on searching */ }); });
    box.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && matches.length) {
        event.preventDefault();
        if (list.hidden) { list.hidden = false; box.setAttribute("aria-expanded", "true"); }
        mark(Math.min(active + 1, matches.length - 1));
      } else if (event.key === "ArrowUp" && matches.length) {
        event.preventDefault();
        mark(Math.max(active - 1, 0));
      } else if (event.key === "Enter") {
        event.preventDefault();  // never submits the form
        if (!list.hidden && active >= 0) { pick(active); }
      } else if (event.key === "Escape") {
        if (!list.hidden) { event.preventDefault(); close(); }
      }
    });
    box.addEventListener("blur", function () { later("close-" + ident, 150, close); });
  }

  function chooseLibrary(n) {
    const id = catalogue.id[n];
    if (state.library.includes(id)) { return catalogue.title[n] + " is already chosen."; }
    state.library.push(id);
    drawChosen();
    changed();
    return "Added " + catalogue.title[n] + " (" + state.library.length + " chosen).";
  }

  function chooseReference(n) {
    const reference = catalogue.reference[n];
    const id = catalogue.id[n];
    state.references.push({ kind: reference[0], key: "", fields: Object.assign({}, reference[1]), library: id });
    if (!state.library.includes(id)) { state.library.push(id); drawChosen(); }
    drawReferences();
    changed();
    const key = keyedReferences()[state.references.length - 1].key;
    return "Added " + catalogue.title[n] + " as reference " + state.references.length + ". Its key is [@" + key + "].";
  }

  // -- The preview of an entry's text --------------------------------------------------------

  function citationText(group, keyed) {
    return "(" + group.split(";").map(function (item) {
      const match = /-?@([^\s,;]+)\s*(?:,\s*(.*))?/.exec(item.trim());
      if (!match) { return item.trim(); }
      const key = match[1].replace(/[.,;:]+$/, "");
      const reference = keyed.find(function (r) { return r.key === key; });
      let words = key;
      if (reference) {
        const names = (reference.fields.author || reference.fields.editor || "").split("\n").map(function (line) { return line.trim(); }).filter(Boolean);
        const surnames = names.map(function (name) { return name.includes(",") ? name.split(",")[0] : name; });
        const who = surnames.length > 2 ? surnames[0] + " et al." : surnames.join(" & ") || reference.fields.title || key;
        words = who + ", " + ((reference.fields.year || "").trim() || "n.d.");
      }
      return match[2] ? words + ", " + match[2].trim() : words;
    }).join("; ") + ")";
  }

  function inline(text, keyed) {
    const nodes = [];
    const pattern = /(`+)([\s\S]+?)\1|\*\*([^*]+)\*\*|\*([^*]+)\*|_([^_]+)_|!\[([^\]]*)\]\([^)]*\)|\[(-?@[^\]]+)\]|\[([^\]]+)\]\(([^)\s]+)[^)]*\)/g;
    let last = 0, match;
    while ((match = pattern.exec(text)) !== null) {
      if (match.index > last) { nodes.push(text.slice(last, match.index)); }
      if (match[2] !== undefined) { nodes.push(element("code", { text: match[2] })); }
      else if (match[3] !== undefined) { nodes.push(element("strong", {}, inline(match[3], keyed))); }
      else if (match[4] !== undefined || match[5] !== undefined) { nodes.push(element("em", {}, inline(match[4] || match[5], keyed))); }
      else if (match[6] !== undefined) { nodes.push(element("span", { class: "gt-preview-image", text: "[Image: " + (match[6] || "no description") + "]" })); }
      else if (match[7] !== undefined) { nodes.push(citationText(match[7], keyed)); }
      else {
        const safe = /^(https?:\/\/|\.{0,2}\/|#|[\w-]+(\.md)?(#[\w-]*)?$)/i.test(match[9]);
        nodes.push(safe ? element("a", { href: match[9] }, inline(match[8], keyed)) : match[8]);
      }
      last = pattern.lastIndex;
    }
    if (last < text.length) { nodes.push(text.slice(last)); }
    return nodes;
  }

  function preview() {
    const target = byId("gt-preview");
    if (target) { renderText(target); }
  }

  /* The teacher's text as the site shows it, in short, into `target`. */
  function renderText(target) {
    const keyed = keyedReferences();
    const blocks = [];
    const lines = state.body.replace(/\r\n?/g, "\n").split("\n");
    let paragraph = [], list = null, fence = null;
    function flush() {
      if (paragraph.length) { blocks.push(element("p", {}, inline(paragraph.join(" "), keyed))); paragraph = []; }
      if (list) { blocks.push(list); list = null; }
    }
    lines.forEach(function (line) {
      if (fence) {
        if (/^(`{3,}|~{3,})\s*$/.test(line)) { blocks.push(element("pre", {}, [element("code", { text: fence.join("\n") })])); fence = null; }
        else { fence.push(line); }
        return;
      }
      let match;
      if (/^(`{3,}|~{3,})/.test(line)) { flush(); fence = []; }
      else if ((match = /^(#{1,6})\s+(.*)$/.exec(line))) {
        flush();
        const level = Math.min(6, match[1].length + 1);  // the entry's title is the page's heading
        blocks.push(element("h" + level, {}, inline(match[2], keyed)));
      } else if ((match = /^\s*([-*+]|\d+[.)])\s+(.*)$/.exec(line))) {
        const ordered = /\d/.test(match[1]);
        if (paragraph.length) { blocks.push(element("p", {}, inline(paragraph.join(" "), keyed))); paragraph = []; }
        if (!list || (list.tagName === "OL") !== ordered) { if (list) { blocks.push(list); } list = element(ordered ? "ol" : "ul"); }
        list.append(element("li", {}, inline(match[2], keyed)));
      } else if ((match = /^>\s?(.*)$/.exec(line))) {
        flush();
        blocks.push(element("blockquote", {}, [element("p", {}, inline(match[1], keyed))]));
      } else if (/^\s*$/.test(line)) { flush(); }
      else if (/^(-{3,}|\*{3,})\s*$/.test(line)) { flush(); blocks.push(element("hr")); }
      else { if (list) { flush(); } paragraph.push(line.trim()); }
    });
    if (fence) { blocks.push(element("pre", {}, [element("code", { text: fence.join("\n") })])); }
    flush();
    target.replaceChildren.apply(target, blocks);
  }

  // -- Events --------------------------------------------------------------------------------

  function changed() {
    save();
    filesNote();
    later("check", 200, recheck);
    if (!byId("gt-output").hidden) { byId("gt-output").hidden = true; }
  }

  function onInput(event) {
    const control = event.target;
    const name = control.getAttribute("data-bind") || control.name;
    if (!name || !state || control.closest(".gt-combobox") || name === "reference-kind" || control.id === "gt-proposal-address") { return; }
    if (control.type === "checkbox") {
      state[control.name] = Array.from(form.querySelectorAll('input[name="' + control.name + '"]:checked'), function (box) { return box.value; });
    } else if (control.type === "radio" && control.getAttribute("data-bind")) {
      if (control.checked) { setPath(name, control.value); }
      const finding = /^outcomes\.(\d+)\.(?:design|source)$/.exec(name);
      if (finding) { showDesign(+finding[1]); }
    } else if (control.type === "radio") {
      if (control.checked) { state[control.name] = control.value; }
    } else if (/^references\.\d+\.key$/.test(name)) {
      const value = control.value.replace(/[^A-Za-z0-9]/g, "");
      if (value !== control.value) { control.value = value; }
      setPath(name, value);
    } else {
      setPath(name, control.value);
    }
    if (name === "title" && !state.idEdited) {
      state.id = "";
      byId("gt-id").value = rules.newId(state.title);
    }
    if (name === "id") { state.idEdited = control.value !== ""; }
    if (/^references\.\d+\.fields\./.test(name)) { later("keys", 400, refreshKeys); }
    if (name === "body" || /^references\./.test(name)) { later("preview", 250, preview); }
    changed();
  }

  /* A reference's suggested key follows its author and year until the teacher sets one. */
  function refreshKeys() {
    const keyed = keyedReferences();
    state.references.forEach(function (reference, n) {
      const box = byId("gt-references-" + n + "-key");
      if (!box || reference.key) { return; }
      if (box !== document.activeElement) { box.value = keyed[n].key; }
      const hint = byId("gt-references-" + n + "-key-hint");
      if (hint) { hint.textContent = "Letters and digits only. Paste [@" + keyed[n].key + "] into your text where you cite it."; }
      const copy = form.querySelector('[data-copy-citation="' + n + '"]');
      if (copy) { copy.textContent = "Copy [@" + keyed[n].key + "]"; }
    });
  }

  function onLeave(event) {
    const box = event.target.closest && event.target.closest("[data-path]");
    if (!box || !state) { return; }
    touched.add(box.getAttribute("data-path"));
    // a pair of boxes (an interval's two ends) is checked as one once the focus leaves both
    const pair = box.parentElement && box.parentElement.closest("[data-both]");
    if (pair && !(event.relatedTarget && pair.contains(event.relatedTarget))) { touched.add(pair.getAttribute("data-path")); }
    if (box.getAttribute("data-path") === "id" && !byId("gt-id").value) { byId("gt-id").value = rules.newId(state.title); }
    const key = /^references\.(\d+)\.key$/.exec(box.getAttribute("data-path"));
    if (key && !state.references[+key[1]].key) { refreshKeys(); }
    later("check", 50, recheck);
  }

  function onClick(event) {
    const button = event.target.closest("button, a[data-focus]");
    if (!button || !state) { return; }
    if (button.hasAttribute("data-focus")) {
      event.preventDefault();
      const target = byId(button.getAttribute("data-focus"));
      target.focus();
      const box = target.closest("[data-path]");
      (box || target).scrollIntoView({ block: "center" });
      return;
    }
    if (button.id === "gt-add-author") {
      state.authors.push(KIND === "entry" ? { name: "", role: "" } : "");
      drawAuthors(state.authors.length - 1);
      changed();
    } else if (button.hasAttribute("data-remove-author")) {
      state.authors.splice(+button.getAttribute("data-remove-author"), 1);
      drawAuthors();
      byId("gt-add-author").focus();
      changed();
    } else if (button.id === "gt-add-finding") {
      state.outcomes.push(newFinding());
      drawFindings(state.outcomes.length - 1);
      changed();
    } else if (button.hasAttribute("data-remove-finding")) {
      state.outcomes.splice(+button.getAttribute("data-remove-finding"), 1);
      drawFindings();
      byId("gt-add-finding").focus();
      changed();
    } else if (button.id === "gt-add-reference") {
      const kind = byId("gt-reference-kind").value;
      state.references.push({ kind: kind, key: "", fields: {} });
      drawReferences(state.references.length - 1);
      changed();
    } else if (button.hasAttribute("data-edit-reference")) {
      const n = +button.getAttribute("data-edit-reference");
      state.references[n].editing = true;
      drawReferences(n);
      save();
    } else if (button.hasAttribute("data-remove-reference")) {
      const gone = state.references.splice(+button.getAttribute("data-remove-reference"), 1)[0];
      const still = state.references.some(function (other) { return other.library === gone.library; });
      if (gone.library && !still && state.library.includes(gone.library)) {
        state.library.splice(state.library.indexOf(gone.library), 1);
        drawChosen();
      }
      drawReferences();
      byId("gt-add-reference").focus();
      preview();
      changed();
    } else if (button.hasAttribute("data-copy-citation")) {
      const n = +button.getAttribute("data-copy-citation");
      copyText("[@" + keyedReferences()[n].key + "]", byId("gt-references-" + n + "-copied"));
    } else if (button.hasAttribute("data-remove-title")) {
      state.library.splice(+button.getAttribute("data-remove-title"), 1);
      drawChosen();
      byId("gt-library").focus();
      changed();
    } else if (button.id === "gt-check") {
      check();
    } else if (button.id === "gt-restart") {
      byId("gt-restart-confirm").hidden = false;
      byId("gt-restart-yes").focus();
    } else if (button.id === "gt-restart-no") {
      byId("gt-restart-confirm").hidden = true;
      byId("gt-restart").focus();
    } else if (button.id === "gt-restart-yes") {
      try { localStorage.removeItem(DRAFT); } catch (error) { /* private browsing */ }
      state = emptyState();
      touched.clear();
      checkedOnce = false;
      byId("gt-restart-confirm").hidden = true;
      byId("gt-problems").hidden = true;
      byId("gt-output").hidden = true;
      byId("gt-draft-note").hidden = true;
      drawAll();
      recheck();
      byId("gt-title").focus();
    }
  }

  /* The section the teacher is in: marked in the list of sections, and said above it. */
  function markSection(event) {
    const section = event.target.closest && event.target.closest(".gt-section");
    if (!section) { return; }
    const links = Array.from(form.querySelectorAll(".gt-progress a"));
    links.forEach(function (link, n) {
      const here = link.getAttribute("data-section") === section.id;
      if (here) {
        link.setAttribute("aria-current", "step");
        const words = "You are in section " + (n + 1) + " of " + links.length + ": " + link.textContent + ".";
        if (byId("gt-progress-where").textContent !== words) { byId("gt-progress-where").textContent = words; }
      } else { link.removeAttribute("aria-current"); }
    });
  }

  function addYears() {
    const select = byId("gt-year");
    if (!select || select.tagName !== "SELECT") { return; }
    const now = new Date().getFullYear();
    [now + 1, now].forEach(function (year) {
      if (!years().includes(String(year))) {
        const option = element("option", { value: String(year), text: String(year) });
        const after = Array.from(select.options).find(function (o) { return +o.value < year; });
        select.insertBefore(option, after || null);
      }
    });
  }

  function setup(data) {
    rules = window.GoldenThreadRules.start(data);
    addYears();
    if (!restore()) { state = emptyState(); }
    drawAll();
    form.addEventListener("input", onInput);
    form.addEventListener("change", onInput);
    form.addEventListener("focusout", onLeave);
    form.addEventListener("focusin", markSection);
    form.addEventListener("click", onClick);
    form.addEventListener("submit", function (event) { event.preventDefault(); check(); });
    picker("library", chooseLibrary);
    picker("reference-title", chooseReference);
    form.hidden = false;
    lastProblems = problems();
    if (KIND === "title") { loadCatalogue().then(recheck, function () { catalogueFailed = true; }); }
    form.setAttribute("data-ready", "");
  }

  /* For the tests and for a teacher's own tools: what the form holds and would check. */
  window.GoldenThreadForm = {
    state: function () { return JSON.parse(JSON.stringify(state)); },
    problems: function () { return problems(); },
    /* each problem with the sentence the teacher reads */
    said: function () { return problems().map(function (problem) { return Object.assign({ words: wording(problem) }, problem); }); },
    files: function () { return files(); },
  };

  fetch(form.getAttribute("data-rules")).then(function (response) {
    if (!response.ok) { throw new Error(String(response.status)); }
    return response.json();
  }).then(setup).catch(function (error) {
    const failed = byId("gt-form-failed");
    if (failed) {
      failed.hidden = false;
      if (window.console) { console.warn("The form's rules did not load:", error); }
    }
  });
}());
