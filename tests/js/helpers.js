// What the tests of the site's scripts share: the fixture tables in tests/data/browser-rules/
// (tests/test_browser_rules.py checks the same tables against the Python the scripts repeat),
// and contributing/form-data.json as the build makes it, the data form-rules.js starts from.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { execFileSync } = require("node:child_process");

const REPO = path.join(__dirname, "..", "..");

function fixture(name) {
  return JSON.parse(fs.readFileSync(path.join(REPO, "tests", "data", "browser-rules", name), "utf8"));
}

function asset(name) { return require(path.join(REPO, "scripts", "goldenthread", "base", "assets", name)); }

/* form-data.json of this repository: the file GT_FORM_DATA names (tests/test_js.py writes it),
   else made by the repository's Python (GT_PYTHON, else .venv/bin/python, else python3). */
function formData() {
  if (process.env.GT_FORM_DATA) { return JSON.parse(fs.readFileSync(process.env.GT_FORM_DATA, "utf8")); }
  const venv = path.join(REPO, ".venv", "bin", "python");
  const python = process.env.GT_PYTHON || (fs.existsSync(venv) ? venv : "python3");
  const code = "import sys; from pathlib import Path; sys.path.insert(0, 'scripts');" +
    "from goldenthread.assemble import assemble; from goldenthread.load.repository import load_sources;" +
    "from goldenthread.generate.form_data import rules_data;" +
    "sys.stdout.write(rules_data(assemble(load_sources(Path('.')))))";
  return JSON.parse(execFileSync(python, ["-c", code], { cwd: REPO, encoding: "utf8", maxBuffer: 1 << 26 }));
}

/* Node has no HTML parser: form-rules.js decodes a URL's character references with a
   textarea, so the tests give it one that knows the references the fixture lists (whose
   values tests/test_browser_rules.py checks are html.unescape's). */
function withEntities(entities) {
  const known = new Map(entities);
  globalThis.document = {
    createElement() {
      let value = "";
      return {
        set innerHTML(html) {
          value = html.replace(/&(?:#[xX]?[0-9A-Fa-f]+;?|[A-Za-z][A-Za-z0-9]*;?)/g, function (reference) {
            if (reference === "&lt;") { return "<"; }
            if (!known.has(reference)) { throw new Error("add " + reference + " to the fixture's entities"); }
            return known.get(reference);
          });
        },
        get value() { return value; },
      };
    },
  };
}

module.exports = { REPO, fixture, asset, formData, withEntities };
