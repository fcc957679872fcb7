/* Golden Thread: the rules and the files of the site's forms, without the page.

   Everything here is read from contributing/form-data.json, which the build makes from
   the same sources as `goldenthread validate` (scripts/goldenthread/generate/form_data.py):
   the JSON Schemas, the checks' message templates (messages.py), the files `goldenthread
   new` writes (scaffold.py) and the vocabularies. What is code here is how those are
   applied, each function named after the Python it mirrors; tests/site/test_forms.py
   proves the two agree, on the files written and on a table of mistakes.

   GoldenThreadRules.start(data) returns { entry, title, ... }: functions from what a
   teacher typed to the files' text, and to the problems validate would report, each
   { file, field, code, message }. */
(function () {
  "use strict";

  // -- Python's ways of writing a value (messages.py fills templates with str.format) -----

  const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

  function hex(number, width) { return number.toString(16).padStart(width, "0"); }

  /* repr() of a str: the quote Python picks, and its escapes. */
  function repr(value) {
    if (typeof value === "number") { return String(value); }
    if (typeof value === "boolean") { return value ? "True" : "False"; }
    if (value === null || value === undefined) { return "None"; }
    const text = String(value);
    const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
    let out = quote;
    for (const char of text) {
      const code = char.codePointAt(0);
      if (char === quote || char === "\\") { out += "\\" + char; }
      else if (char === "\t") { out += "\\t"; }
      else if (char === "\n") { out += "\\n"; }
      else if (char === "\r") { out += "\\r"; }
      else if (char !== " " && UNPRINTABLE.test(char)) {
        out += code < 0x100 ? "\\x" + hex(code, 2) : code < 0x10000 ? "\\u" + hex(code, 4) : "\\U" + hex(code, 8);
      } else { out += char; }
    }
    return out + quote;
  }

  function thousands(number) { return String(number).replace(/\B(?=(\d{3})+$)/g, ","); }
  function length(text) { return Array.from(text).length; }  // Python's len(): code points

  // -- Text as scaffold.py writes it ---------------------------------------------------------

  const LINE_BREAKS = /\r\n?|[\x85\u2028\u2029]/g;
  const UNREADABLE = /[^\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
  const SPACES = /[\t\n \xa0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;  // Python's str.split(), after clean
  const BLANK_LINE = /^[ \t]*$/;

  function clean(text) { return String(text).replace(LINE_BREAKS, "\n").replace(UNREADABLE, ""); }
  function strip(text, chars) {
    let start = 0, end = text.length;
    while (start < end && chars.includes(text[start])) { start += 1; }
    while (end > start && chars.includes(text[end - 1])) { end -= 1; }
    return text.slice(start, end);
  }
  function quoted(text) { return JSON.stringify(clean(text)); }  // json.dumps(ensure_ascii=False)
  function foldedLines(text) {
    return strip(clean(text), " \t\n").split("\n").map(function (line) { return BLANK_LINE.test(line) ? "" : line; });
  }
  function folded(text) {
    return foldedLines(text).map(function (line) { return line ? "  " + line : ""; }).join("\n");
  }

  /* What YAML reads from folded(text): PyYAML's scan_block_scalar for `>-`. */
  function unfolded(text) {
    const lines = foldedLines(text);
    let out = "", breaks = 0, previous = null;
    for (const line of lines) {
      if (!line) { breaks += 1; continue; }
      if (previous !== null) {
        const textLines = !/^[ \t]/.test(previous) && !/^[ \t]/.test(line);
        out += textLines ? (breaks ? "\n".repeat(breaks) : " ") : "\n".repeat(breaks + 1);
      }
      out += line;
      previous = line;
      breaks = 0;
    }
    return out;
  }

  function body(text) { return clean(text).replace(/^\n+/, "").replace(/[ \t\n]+$/, "") + "\n"; }
  function fill(template, slots) {
    return template.replace(/\{\{|\}\}|\{(\w+)\}/g, function (match, name) {
      if (match === "{{") { return "{"; }
      if (match === "}}") { return "}"; }
      if (!(name in slots)) { throw new Error("no slot " + name); }
      return slots[name];
    });
  }
  function present(text) { return strip(clean(text || ""), " \t\n") !== ""; }
  function optional(name, text) { return present(text) ? name + ": " + quoted(text) + "\n" : ""; }

  /* scaffold.year_of: a whole number, nothing (null), or other text. */
  function yearOf(text) {
    const value = strip(String(text || ""), " \t\n");
    if (!value) { return null; }
    return /^[1-9][0-9]{0,5}$/.test(value) ? parseInt(value, 10) : value;
  }
  function number(value) {
    if (value === null || value === "") { return ""; }
    return typeof value === "number" ? String(value) : quoted(value);
  }

  /* check/ids.py's suggested_id, and scaffold.new_id. */
  function suggestedId(text) {
    return String(text).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "untitled";
  }
  function newId(title, reserved) {   // reserved: check/ids.py's GENERATED (form-data.json's "reserved")
    const ident = suggestedId(title).slice(0, 60).replace(/-+$/, "");
    return (reserved || []).indexOf(ident) >= 0 ? ident + "-1" : ident;
  }
  const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  // -- BibTeX as export/bibtex.py writes it ---------------------------------------------------

  /* export/bibtex.py's escape: BibTeX's special characters escaped, braces balanced. */
  function bibEscape(text) {
    let value = text.replace(/\\/g, "\\textbackslash{}").replace(/([&%$#_])/g, "\\$1");
    if (value.includes("{") || value.includes("}")) {
      let depth = 0;
      for (const char of value) {
        depth += char === "{" ? 1 : char === "}" ? -1 : 0;
        if (depth < 0) { break; }
      }
      if (depth !== 0) { value = value.replace(/\{/g, "\\{").replace(/\}/g, "\\}"); }
    }
    return value.split(SPACES).filter(Boolean).join(" ");
  }
  function oneLine(text) { return strip(clean(text).replace(SPACES, " "), " "); }
  function balanced(text) {
    let depth = 0;
    for (const char of text) {
      depth += char === "{" ? 1 : char === "}" ? -1 : 0;
      if (depth < 0) { return false; }
    }
    return depth === 0;
  }
  function bibEntry(kind, key, fields) {
    const width = Math.max(0, ...fields.map(function (field) { return field[0].length; }));
    const lines = fields.map(function (field) { return "  " + field[0].padEnd(width) + " = {" + field[1] + "}"; });
    return "@" + kind + "{" + key + ",\n" + lines.join(",\n") + "\n}\n";
  }

  // -- check/sentence_case.py: a reference title in Title Case -------------------------------

  const PART_END = /[:?!.\u2014\u2013]$|--+$/;
  const LETTER = /[\p{L}\p{Nl}\p{No}]/gu;
  function letters(text) { return (text.match(LETTER) || []).join(""); }
  function titleWords(title) {
    const words = [];
    let depth = 0, begin = -1, isProtected = false, first = true;
    const chars = Array.from(title);
    let offset = 0;
    const offsets = chars.map(function (char) { const at = offset; offset += char.length; return at; });
    function close(end) {
      if (begin >= 0) {
        const text = title.slice(offsets[begin], end < chars.length ? offsets[end] : title.length);
        words.push({ start: offsets[begin], text: text, isProtected: isProtected, first: first });
        first = PART_END.test(text.replace(/\}+$/, ""));
        begin = -1;
      }
    }
    chars.forEach(function (char, index) {
      if (char === "{") { close(index); depth += 1; }
      else if (char === "}") { close(index); depth = Math.max(depth - 1, 0); }
      else if (/\s/u.test(char)) {
        close(index);
        if (["-", "\u2014", "\u2013"].includes(chars[index - 1])) { first = true; }
      } else if (char === "-" && begin >= 0) { close(index); first = false; }
      else if (begin < 0) { begin = index; isProtected = depth > 0; }
    });
    close(chars.length);
    return words;
  }
  function kept(word) {
    const found = letters(word.text);
    if (word.isProtected || word.first || !found) { return true; }
    if (found === "I" || Array.from(found).filter(function (c) { return /\p{Lu}/u.test(c); }).length >= 2) { return true; }
    return !/\p{Lu}/u.test(Array.from(found)[0]);
  }
  /* The sentence-case form of a title written in Title Case; null if it is not. */
  function sentenceCase(title) {
    const words = titleWords(title);
    const lowered = words.filter(function (w) { return !kept(w); });
    const small = words.filter(function (w) {
      return !w.isProtected && !w.first && letters(w.text).length >= 4 && /^\p{Ll}/u.test(w.text);
    });
    if (lowered.length < 2 || lowered.length < 2 * small.length) { return null; }
    let out = title;
    lowered.forEach(function (word) {
      const at = word.start + word.text.search(/\p{L}/u);
      const char = String.fromCodePoint(out.codePointAt(at));
      out = out.slice(0, at) + char.toLowerCase() + out.slice(at + char.length);
    });
    return out;
  }

  // -- search_words.fold: how the forms' library search matches ------------------------------

  let folds = null, foldLetters = null;  // the table last used, and its letters as one expression
  /* Lower case, marks removed, the table's letters spelt in ASCII (form-data.json's "fold"). */
  function fold(text, table) {
    if (table !== folds) {
      const keys = Object.keys(table || {}).map(function (c) { return c.replace(/[\\^\]\-]/g, "\\$&"); });
      folds = table;
      foldLetters = keys.length ? new RegExp("[" + keys.join("") + "]", "g") : null;
    }
    const folded = String(text).toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
    return foldLetters ? folded.replace(foldLetters, function (c) { return table[c]; }) : folded;
  }

  function start(data) {
    const messages = data.messages;
    const templates = data.templates;
    const DIMENSIONS = data.dimensions.map(function (dimension) { return dimension[0]; });

    /* scaffold.framework_lines: a line for each dimension of the framework that records name. */
    function frameworkLines(record) {
      return DIMENSIONS.map(function (name) {
        return fill(templates.framework_line, { field: name, ids: idList(record[name] || []) });
      }).join("");
    }
    const PLAIN = new RegExp(data.patterns.plain);
    const NOT_TEXT = new RegExp(data.patterns.notText);
    const KINDS = {};
    data.referenceKinds.forEach(function (kind) { KINDS[kind[0]] = { type: kind[1], fields: kind[2] }; });

    function format(templates_, name, values) {
      const template = templates_[name];
      if (template === undefined) { throw new Error("no message " + name); }
      return template.replace(/\{\{|\}\}|\{(\w+)(!r)?(:,)?\}/g, function (match, field, asRepr, comma) {
        if (match === "{{") { return "{"; }
        if (match === "}}") { return "}"; }
        const value = values[field];
        if (value === undefined) { throw new Error(name + " needs " + field); }
        return asRepr ? repr(value) : comma ? thousands(value) : String(value);
      });
    }
    /* messages.say: a template of messages.py with its fields filled in. The text remembers
       which template and values made it, so the form can say the same in a teacher's words. */
    function say(name, values) {
      const text = new String(format(messages, name, values));  // eslint-disable-line no-new-wrappers
      text.template = name;
      text.values = values;
      return text;
    }
    /* messages.TEACHER: the teacher's sentence for a problem. `screen` holds what only the
       page knows: `field`, the field's label as shown, and `choose`, a list's first line. */
    function teacherSays(problem, screen) {
      const values = Object.assign({}, problem.values, screen);
      // the page's own variant: a list to choose from (.choose), or a pair of boxes (.both)
      const variant = screen.choose ? ".choose" : screen.both ? ".both" : "";
      const chosen = variant && data.teacher[problem.template + variant] ? problem.template + variant : problem.template;
      return format(data.teacher, chosen, values);
    }
    /* A problem as the page gets it: plain text, its level (codes.py), and its template. */
    function settled(problem) {
      const message = problem.message;
      return { file: problem.file, field: problem.field, code: problem.code, line: problem.line || 0,
        level: data.levels[problem.code] || "error", message: String(message),
        template: message.template || problem.code, values: message.values || {} };
    }

    function word(value) { return PLAIN.test(value) && !NOT_TEXT.test(value) ? value : quoted(value); }
    function idList(values) { return "[" + values.map(word).join(", ") + "]"; }

    // -- check/schema.py: a schema's checks on the value YAML reads ---------------------------

    const ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    function label(at) {
      return at.length ? at.map(function (part) { return typeof part === "number" ? "item " + (part + 1) : String(part); }).join(", ") : "the file";
    }
    function example(schema) { return schema.description ? " (" + schema.description + ")" : ""; }
    function typeOf(value) {
      if (typeof value === "boolean") { return "boolean"; }
      if (typeof value === "number") { return Number.isInteger(value) ? "integer" : "number"; }
      if (typeof value === "string") { return "string"; }
      if (Array.isArray(value)) { return "array"; }
      if (value === null || value === undefined) { return "null"; }
      return "object";
    }
    function typeName(kind) { return data.typeNames[kind] || kind; }
    function isDate(text) {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      if (!match) { return false; }
      const date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
      return date.getUTCMonth() === +match[2] - 1 && date.getUTCDate() === +match[3] && +match[1] >= 1;
    }

    function checkValue(schema, value, at, emit) {
      const expected = schema.type;
      if (expected !== undefined) {
        const actual = typeOf(value);
        if (actual !== expected && !(expected === "number" && actual === "integer")) {
          let hint = "";
          if (expected === "string" && (actual === "integer" || actual === "number")) { hint = say("wrong-type.quotes", {}); }
          else if (expected === "array") { hint = say("wrong-type.list", {}); }
          emit(at, "wrong-type", say("wrong-type", { label: label(at), expected: typeName(expected),
            actual: typeName(actual), hint: hint, example: example(schema) }));
          return;
        }
      }
      if (schema.enum && !schema.enum.includes(value)) {
        emit(at, "not-allowed", say("not-allowed", { label: label(at), value: value,
          allowed: schema.enum.map(String).join(", "), suggestion: "" }));
      }
      if (typeof value === "string" && ("pattern" in schema || "minLength" in schema || "maxLength" in schema || "format" in schema)) {
        const size = length(value);
        if (size < (schema.minLength || 0)) {
          emit(at, "empty-value", say("empty-value", { label: label(at), example: example(schema) }));
        } else if (schema.maxLength !== undefined && size > schema.maxLength) {
          emit(at, "too-long", say("too-long", { label: label(at), length: size, most: schema.maxLength }));
        } else if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value)) {
          if (schema.pattern === ID_PATTERN) {
            const suggestion = value.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "my-id";
            emit(at, "bad-format", say("bad-format.id", { value: value, suggestion: suggestion }));
          } else {
            emit(at, "bad-format", say("bad-format", { label: label(at), value: value, example: example(schema) }));
          }
        } else if (schema.format === "date" && !isDate(value)) {
          emit(at, "bad-date", say("bad-date", { label: label(at), value: value }));
        }
      }
      if (("minimum" in schema || "maximum" in schema) && typeOf(value) === "integer") {
        if ((schema.minimum !== undefined && value < schema.minimum) || (schema.maximum !== undefined && value > schema.maximum)) {
          emit(at, "out-of-range", say("out-of-range", { label: label(at), value: value, low: schema.minimum, high: schema.maximum }));
        }
      }
      if (Array.isArray(value)) {
        const low = schema.minItems || 0;
        if (value.length < low) {
          emit(at, "empty-list", say("empty-list", { label: label(at), low: low, plural: low > 1 ? "s" : "", example: example(schema) }));
        }
        const seen = new Set();
        value.forEach(function (item, index) {
          if (schema.items) { checkValue(schema.items, item, at.concat([index]), emit); }
          if (schema.uniqueItems && (typeof item === "string" || Number.isInteger(item))) {
            if (seen.has(item)) { emit(at.concat([index]), "duplicate-item", say("duplicate-item", { label: label(at), item: item })); }
            seen.add(item);
          }
        });
      }
      if (expected === "object" && value && typeof value === "object" && !Array.isArray(value)) {
        const properties = schema.properties || {};
        (schema.required || []).forEach(function (name) {
          if (!(name in value)) {
            emit(at, "missing-field", say("missing-field", { name: name, where: at.length ? " in " + label(at) : "",
              example: example(properties[name] || {}) }));
          }
        });
        Object.keys(value).forEach(function (name) {
          if (properties[name]) { checkValue(properties[name], value[name], at.concat([name]), emit); }
        });
      }
    }

    // -- check/markdown_safety.py, check/citations.py, check/images.py ----------------------

    const FENCED = /^( {0,3})(`{3,}|~{3,})[\s\S]*?(?:^\1?\2[`~]*[ \t]*$|$(?![\s\S]))/gm;
    function blank(text) { return text.replace(/[^\n]/g, " "); }
    /* _code_spans: what (`+)(?!`)(.+?)(?<!`)\1(?!`) matches, in linear time: a run of n
       backticks closes at the next run of exactly n; failing that, its last n-1, n-2 ... */
    function codeSpans(text) {
      const runs = [], starts = new Map(), spans = [];
      for (const run of text.matchAll(/`+/g)) {
        runs.push([run.index, run[0].length]);
        if (!starts.has(run[0].length)) { starts.set(run[0].length, []); }
        starts.get(run[0].length).push(run.index);
      }
      let done = 0;
      for (const [start, length] of runs) {
        if (start < done) { continue; }
        for (let size = length; size > 0; size -= 1) {
          const same = starts.get(size) || [];
          let low = 0, high = same.length;
          while (low < high) { const mid = (low + high) >> 1; if (same[mid] <= start + length - 1) { low = mid + 1; } else { high = mid; } }
          if (low < same.length) { done = same[low] + size; spans.push([start + length - size, done]); break; }
        }
      }
      return spans;
    }
    /* without_code: fenced code and code spans blanked, every line and column kept. */
    function withoutCode(source) {
      const text = source.replace(FENCED, blank);
      let out = "", done = 0;
      for (const [start, end] of codeSpans(text)) { out += text.slice(done, start) + blank(text.slice(start, end)); done = end; }
      return out + text.slice(done);
    }

    const FENCE_OPEN = /^(`{3,}|~{3,})[ \t]*(?:\.?[\w#.+-]+)?[ \t]*\r?$/gm;
    const FENCE_CLOSE = /^(`{3,}|~{3,})[ \t]*\r?$/gm;
    const HTML_START = /^ {0,3}<([A-Za-z][A-Za-z0-9-]*|!--|[!?])/gm;
    const HTML_TAG_NAME = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])/g;

    function blankFences(text) {
      const closings = {};
      for (const line of text.matchAll(FENCE_CLOSE)) {
        (closings[line[1]] = closings[line[1]] || []).push(line.index + line[0].length);
      }
      let out = "", done = 0;
      for (const opening of text.matchAll(FENCE_OPEN)) {
        if (opening.index < done) { continue; }
        const end = opening.index + opening[0].length;
        const close = (closings[opening[1]] || []).find(function (at) { return at > end; });
        if (close === undefined) { continue; }
        out += text.slice(done, opening.index) + blank(text.slice(opening.index, close));
        done = close;
      }
      return out + text.slice(done);
    }
    function blocks(text) {
      const found = [];
      let begin = 0;
      for (const gap of text.matchAll(/\n[ \t\r]*\n/g)) {
        found.push([begin, gap.index + 1]);
        begin = gap.index + gap[0].length - 1;
      }
      found.push([begin, text.length]);
      return found;
    }
    function rawHtmlUntil(text, at, opener) {
      if (opener === "!--") { const close = text.indexOf("-->", at); return close < 0 ? text.length : close; }
      if (opener === "!" || opener === "?") { return at; }
      const name = opener.toLowerCase();
      let depth = 0;
      HTML_TAG_NAME.lastIndex = at;
      let tag;
      while ((tag = HTML_TAG_NAME.exec(text)) !== null) {
        if (tag[2].toLowerCase() === name) {
          depth += tag[1] ? -1 : 1;
          if (depth <= 0) { return tag.index; }
        }
      }
      return text.length;
    }
    function rawHtml(text) {
      const found = [];
      for (const opening of text.matchAll(HTML_START)) {
        if (!found.length || opening.index > found[found.length - 1][1]) {
          found.push([opening.index, rawHtmlUntil(text, opening.index, opening[1])]);
        }
      }
      return found;
    }
    function cleanSpans(text, begin, end) {
      const runs = [];
      const ticks = /`+/g;
      ticks.lastIndex = begin;
      let run;
      while ((run = ticks.exec(text)) !== null && run.index < end) {
        runs.push([run.index, run.index + Math.min(run[0].length, end - run.index)]);
      }
      if (runs.length % 2) { return null; }
      const spans = [];
      for (let i = 0; i < runs.length; i += 2) {
        const open = runs[i], close = runs[i + 1];
        if (open[1] - open[0] !== close[1] - close[0] || text.slice(open[1], close[0]).includes("\n") ||
            text[open[0] - 1] === "\\" || text[close[0] - 1] === "\\") { return null; }
        spans.push([open[0], close[1]]);
      }
      return spans;
    }
    /* _safe_code: only what Python-Markdown certainly renders as code is blanked. */
    function safeCode(source) {
      const text = blankFences(source);
      const html = rawHtml(text);
      let h = 0, out = "", done = 0;
      for (const block of blocks(text)) {
        while (h < html.length && html[h][1] < block[0]) { h += 1; }
        if (h < html.length && html[h][0] < block[1]) { continue; }
        for (const span of cleanSpans(text, block[0], block[1]) || []) {
          out += text.slice(done, span[0]) + blank(text.slice(span[0], span[1]));
          done = span[1];
        }
      }
      return out + text.slice(done);
    }

    /* active_content.py's allow-list, as form-data.json carries it. */
    const ACTIVE = data.activeContent;
    const ELEMENTS = new Set(ACTIVE.elements), GLOBAL = new Set(ACTIVE.global);
    const URL_ATTRIBUTES = new Set(ACTIVE.urlAttributes), SAFE_SCHEMES = new Set(ACTIVE.safeSchemes);
    const TAG = /<[A-Za-z][^<>]*>/g;
    const QUOTED_TAG = /<[A-Za-z][^\s/>"']*(?:"[^"]*"?|'[^']*'?|[^>"'])*>?/g;
    const TAG_NAME = /^<([A-Za-z][^\s/>]*)/;
    const ATTRIBUTE = /([^\s"'<>/=][^\s"'<>/=]*)(?:\s*=\s*("[^"]*"?|'[^']*'?|[^\s>]*))?/g;
    const AUTOLINK = /^<(?:(?:[Ff]|[Hh][Tt])[Tt][Pp][Ss]?:\/\/[^<>]*|[^<> !]+@[^@<> ]+)>$/;
    const MD_URLS = [/\]\(\s*<?([^)\s>]*)/g, /\]\(\s*<([^>\n]*)/g, /\[[^[\]]+\]:\s*<?(\S+)/g,
      /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/g];
    const ATTR_LIST = /\{[^}\n]*\}?/g;
    const ATTR_PAIR = /[\s{:]([^\s"'<>/={}:]+)\s*=\s*("[^"]*"?|'[^']*'?|[^\s}]*)/g;
    let entityNode = null;  // made on first use: the rules load under Node too (tests/js/)
    function unescapeHtml(text) {
      entityNode = entityNode || document.createElement("textarea");
      entityNode.innerHTML = text.replace(/</g, "&lt;");
      return entityNode.value;
    }
    function attributeAllowed(element, name) {
      return GLOBAL.has(name) || /^aria-[a-z]+$/.test(name) || (ACTIVE.attributes[element] || []).includes(name);
    }
    /* unsafe_scheme: a URL's scheme, as a browser reads it, when it is not a safe one. */
    function unsafeScheme(value) {
      const seen = unescapeHtml(value).replace(/[\t\n\r]/g, "").replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, "").replace(/\\/g, "");
      const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(seen);
      if (scheme && !SAFE_SCHEMES.has(scheme[1].toLowerCase())) { return scheme[1].toLowerCase() + ":"; }
      const collapsed = seen.replace(/[\x00-\x20\x7f]+/g, "").toLowerCase();
      return ACTIVE.scriptSchemes.find(function (name) { return collapsed.startsWith(name); }) || null;
    }
    function unquoted(value) { return value.replace(/^["']+|["']+$/g, ""); }
    function attributeFinding(element, name, value) {
      if (name.startsWith("on")) { return ["unsafe-attribute", say("unsafe-attribute", { name: name })]; }
      if (ELEMENTS.has(element) && !attributeAllowed(element, name)) {
        return ["unsafe-attribute", say("unsafe-attribute.other", { name: name, element: "<" + element + ">" })];
      }
      const scheme = value && URL_ATTRIBUTES.has(name) ? unsafeScheme(unquoted(value)) : null;
      return scheme ? ["unsafe-link", say("unsafe-link", { scheme: scheme })] : null;
    }
    /* _entity_findings: a character reference (&#x202E;) to a character that is not text. */
    const ENTITY = /&#(?:[xX]([0-9A-Fa-f]{1,8})|([0-9]{1,10}));?/g;
    function entityFindings(text) {
      const found = [];
      for (const match of text.matchAll(ENTITY)) {
        const refused = data.refused[String(match[1] ? parseInt(match[1], 16) : parseInt(match[2], 10))];
        if (refused) { found.push(["control-character", say(refused[0], { name: refused[1] })]); }
      }
      return found;
    }
    /* unsafe_content: (code, message) of each piece of active content. */
    function unsafeContent(text) {
      if (!text.includes("<") && !text.includes("{") && !text.includes("]") && !text.includes("&#")) { return []; }
      const scanned = safeCode(text);
      const found = [];
      [TAG, QUOTED_TAG].forEach(function (pattern) {
        for (const match of scanned.matchAll(pattern)) {
          const tag = match[0], name = TAG_NAME.exec(tag);
          if (AUTOLINK.test(tag) || !name) { continue; }
          const element = name[1].toLowerCase();
          if (!ELEMENTS.has(element)) { found.push(["unsafe-html", say("unsafe-html", { name: element })]); }
          ATTRIBUTE.lastIndex = 0;
          for (const attribute of tag.slice(name[0].length).matchAll(ATTRIBUTE)) {
            const finding = attributeFinding(element, attribute[1].toLowerCase(), attribute[2]);
            if (finding) { found.push(finding); }
          }
        }
      });
      for (const list of scanned.matchAll(ATTR_LIST)) {
        for (const pair of list[0].matchAll(ATTR_PAIR)) {
          const name = pair[1].toLowerCase();
          let scheme = null;
          if (name.startsWith("on")) {
            found.push(["unsafe-attribute", say("unsafe-attribute", { name: name })]);
          } else if (!Array.from(ELEMENTS).some(function (element) { return attributeAllowed(element, name); })) {
            found.push(["unsafe-attribute", say("unsafe-attribute.other", { name: name, element: "any element" })]);
          } else if (URL_ATTRIBUTES.has(name) && (scheme = unsafeScheme(unquoted(pair[2])))) {
            found.push(["unsafe-link", say("unsafe-link", { scheme: scheme })]);
          }
        }
      }
      MD_URLS.forEach(function (pattern) {
        for (const match of scanned.matchAll(pattern)) {
          const scheme = unsafeScheme(match[1]);
          if (scheme) { found.push(["unsafe-link", say("unsafe-link", { scheme: scheme })]); }
        }
      });
      return scanned.includes("&#") ? found.concat(entityFindings(scanned)) : found;
    }

    const KEY = data.patterns.citationKey;
    const GROUP = /\[(-?@[A-Za-z0-9_][^[\]]*)\]/g;  // KEY then no bracket: as check/citations.py
    const ITEM = new RegExp("(?:^|;)\\s*(-?)@(" + KEY + ")(?:\\s*,\\s*([^;]*))?", "g");
    /* citations: each cited key, with the line of the text it is on. */
    function citations(text) {
      const scanned = withoutCode(text);
      const found = [];
      for (const group of scanned.matchAll(GROUP)) {
        for (const item of group[1].matchAll(ITEM)) {
          const at = group.index + 1 + item.index;
          found.push({ key: item[2].replace(/[.,;:]+$/, ""), locator: strip(item[3] || "", " \t\n"),
            line: lineAt(scanned, at) });
        }
      }
      return found;
    }
    function lineAt(text, offset) { return text.slice(0, offset).split("\n").length; }

    const MARKDOWN_IMAGE = /!\[([^\][]*)\]\(\s*<?([^)\s>[]+)>?(?:\s+"[^"[]*")?\s*\)/g;
    const HTML_IMAGE = /<img\b[^>]*>?/gi;
    const ALT = /\balt\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i;
    const SRC = /\bsrc\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i;
    function images(text) {
      const scanned = withoutCode(text);
      const found = [];
      for (const match of scanned.matchAll(MARKDOWN_IMAGE)) {
        found.push({ alt: match[1].trim(), src: match[2], line: lineAt(scanned, match.index) });
      }
      for (const match of scanned.matchAll(HTML_IMAGE)) {
        const alt = ALT.exec(match[0]), src = SRC.exec(match[0]);
        found.push({ alt: alt ? alt[1].replace(/^["']+|["']+$/g, "").trim() : "",
          src: src ? src[1].replace(/^["']+|["']+$/g, "") : "", line: lineAt(scanned, match.index) });
      }
      return found;
    }
    /* image_problem, with no image in the year's images/ folder: a form cannot add one. */
    function imageProblem(image) {
      if (!image.alt) { return ["image-alt", say("image-alt", {})]; }
      const parts = image.src.split("/").filter(function (part) { return part && part !== "."; });
      if (/^[a-z][a-z0-9+.-]*:/i.test(image.src) || image.src.startsWith("/") || parts.includes("..") ||
          !parts.length || parts[0] !== "images") {
        return ["image-outside", say("image-outside", { src: image.src })];
      }
      return ["image-missing", say("image-missing", { src: image.src })];
    }

    const PLACEHOLDER_LINE = new RegExp("^[ \\t>*-]*" + templates.placeholder.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gm");
    function placeholderLines(text) {
      return Array.from(text.matchAll(PLACEHOLDER_LINE), function (match) { return lineAt(text, match.index); });
    }

    // -- References: scaffold.bib_value and check/bib.py --------------------------------------

    function names(text) {
      return clean(text).split("\n").map(oneLine).filter(Boolean).map(function (name) {
        return name.includes(",") || !name.includes(" ") ? bibEscape(name) : "{" + bibEscape(name) + "}";
      }).join(" and ");
    }
    function asWritten(text) {
      const value = oneLine(text);
      return balanced(value) ? value : value.replace(/[{}]/g, "");
    }
    function bibValue(field, text) {
      if (data.names.includes(field)) { return names(text || ""); }
      return data.asWritten.includes(field) ? asWritten(text || "") : bibEscape(oneLine(text || ""));
    }
    /* The fields a reference is written with: [field, value] in its kind's order, none empty. */
    function referenceFields(reference) {
      return KINDS[reference.kind].fields.map(function (field) {
        return [field[0], bibValue(field[0], (reference.fields || {})[field[0]] || "")];
      }).filter(function (field) { return field[1]; });
    }
    function referenceText(reference) {
      return bibEntry(KINDS[reference.kind].type, reference.key, referenceFields(reference));
    }
    function bibText(references) {
      return templates.bib + references.map(function (reference) { return "\n" + referenceText(reference); }).join("");
    }

    // check/bib.py's patterns (re.IGNORECASE where "i")
    const WEB_ADDRESS = new RegExp(data.patterns.webAddress, "i");
    const DOI = new RegExp(data.patterns.doi);
    const DOI_PREFIX = new RegExp(data.patterns.doiPrefix, "i");
    function field(where, name) { return where + "." + name; }
    /* check_bib and load_bib's duplicate keys, on the references as they will be read back. */
    function referenceProblems(references) {
      const problems = [];
      const seen = new Set();
      references.forEach(function (reference, index) {
        const where = "references." + index;
        const kind = KINDS[reference.kind];
        if (seen.has(reference.key)) {
          problems.push({ file: "bib", field: field(where, "key"), code: "bib-duplicate-key",
            message: say("bib-duplicate-key", { key: reference.key }) });
          return;
        }
        seen.add(reference.key);
        const fields = {};
        referenceFields(reference).forEach(function (pair) { fields[pair[0]] = pair[1]; });
        (data.bibRequired[kind.type] || []).forEach(function (options) {
          if (!options.some(function (name) { return strip(fields[name] || "", " \t\n"); })) {
            const first = options.find(function (name) { return kind.fields.some(function (f) { return f[0] === name; }); }) || options[0];
            problems.push({ file: "bib", field: field(where, first), code: "bib-missing-field",
              message: say("bib-missing-field", { key: reference.key, type: kind.type, field: options.join(" or ") }) });
          }
        });
        if (kind.type === "online") {
          const dated = fields.date || (fields.year && fields.month);
          if (!(dated || (!fields.year && fields.urldate))) {
            problems.push({ file: "bib", field: field(where, fields.year ? "month" : "urldate"), code: "bib-web-date",
              message: say("bib-web-date", { key: reference.key }) });
          }
        }
        if (fields.doi !== undefined) {
          const doi = strip(fields.doi, " \t\n");
          const bare = doi.replace(DOI_PREFIX, "");
          if (bare !== doi) {
            problems.push({ file: "bib", field: field(where, "doi"), code: "doi-prefix", message: say("doi-prefix", { bare: bare }) });
          } else if (!DOI.test(bare)) {
            problems.push({ file: "bib", field: field(where, "doi"), code: "doi-format", message: say("doi-format", { doi: fields.doi }) });
          }
        }
        const url = strip(fields.url || "", " \t\n");
        if (url && !WEB_ADDRESS.test(url)) {
          problems.push({ file: "bib", field: field(where, "url"), code: "bib-url", message: say("bib-url", { url: url }) });
        }
        ["title", "booktitle"].forEach(function (name) {
          const sentence = fields[name] ? sentenceCase(fields[name].split(SPACES).filter(Boolean).join(" ")) : null;
          if (sentence !== null) {
            problems.push({ file: "bib", field: field(where, name), code: "bib-title-case",
              message: say("bib-title-case", { name: name, sentence: sentence }) });
          }
        });
      });
      return problems;
    }

    /* scaffold's suggestion for a reference's key: the first author's surname and the year. */
    function suggestedKey(reference, taken) {
      const fields = reference.fields || {};
      const first = clean(fields.author || fields.editor || "").split("\n").map(oneLine).filter(Boolean)[0] ||
        fields.title || fields.organization || fields.institution || "reference";
      const name = (first.includes(",") ? first.split(",")[0] : first.split(" ")[0]).normalize("NFKD")
        .toLowerCase().replace(/[^a-z0-9]/g, "") || "reference";
      const year = (oneLine(fields.year || "").match(/\d{4}/) || [""])[0];
      let key = name + year, letter = 0;
      while (taken.includes(key)) { key = name + year + "abcdefghijklmnopqrstuvwxyz"[letter++ % 26]; }
      return key;
    }

    // -- An entry ------------------------------------------------------------------------------

    // -- Findings: scaffold.finding_text, and check/outcomes.py ---------------------------------

    const IMPACT = data.impact;
    // effect.js: on the page it is loaded before this file; under Node it is required beside it.
    const Effect = typeof window !== "undefined" ? window.GoldenThreadEffect : require("./effect.js");
    const effect = Effect.start(IMPACT);
    const FIGURE = new RegExp(IMPACT.figure);
    function typedNumber(text) { return strip(clean(text || ""), " \t\n").replace(/\u2212/g, "-"); }
    /* scaffold.figure: a number as typed, as YAML will read it back; else quoted text. */
    function figure(text) {
      const value = typedNumber(text);
      const match = FIGURE.exec(value);
      if (!match || !(match[2] || match[3])) { return quoted(value); }
      const whole = match[2].replace(/^0+/, "") || "0", fraction = (match[3] || "").replace(/0+$/, "");
      const sign = match[1] === "-" && (whole !== "0" || fraction) ? "-" : "";
      return sign + whole + (fraction ? "." + fraction : "");
    }
    /* What YAML reads from figure(text): a number, or the text. */
    function figureValue(text) {
      const written = figure(text);
      return written.startsWith('"') ? clean(typedNumber(text)) : Number(written);
    }
    function filled(text) { return strip(clean(text || ""), " \t\n") !== ""; }
    function numbers(pairs) {
      return pairs.filter(function (pair) { return filled(pair[1]); })
        .map(function (pair) { return pair[0] + ": " + figure(pair[1]); }).join(", ");
    }
    function numbersRead(pairs) {
      const out = {};
      pairs.forEach(function (pair) { if (filled(pair[1])) { out[pair[0]] = figureValue(pair[1]); } });
      return out;
    }
    function groupOf(finding, name) { return finding[name] || {}; }
    /* A published result (its g and 95% interval) instead of the groups: two groups only. */
    function isReported(finding) { return finding.source === "reported" && finding.design !== "one-group"; }
    /* scaffold.reported_text */
    function reportedText(finding) {
      const ends = [finding.ci_low, finding.ci_high].filter(filled).map(figure).join(", ");
      const size = [numbers([["g", finding.g]]), ends ? fill(templates.interval, { ends: ends }) : ""]
        .filter(Boolean).join(", ");
      return fill(templates.reported, { measure: quoted(finding.measure || ""), design: word(finding.design), size: size });
    }
    function reportedData(finding) {
      const size = numbersRead([["g", finding.g]]);
      const ends = [finding.ci_low, finding.ci_high].filter(filled).map(figureValue);
      if (ends.length) { size.ci = ends; }
      return { measure: clean(finding.measure || ""), design: finding.design, effect_size: size };
    }
    function findingText(finding) {
      if (isReported(finding)) { return reportedText(finding); }
      const lines = IMPACT.designGroups[finding.design].map(function (name) {
        const group = groupOf(finding, name);
        let inside = numbers([["n", group.n], ["mean", group.mean], ["sd", group.sd]]);
        if (finding.design === IMPACT.pretest) {
          const pre = fill(templates.pre, { numbers: numbers([["mean", group.pre_mean], ["sd", group.pre_sd]]) });
          inside = inside ? inside + ", " + pre : pre;
        }
        return fill(templates.group, { name: name, numbers: inside });
      });
      const scale = numbers([["min", finding.scale_min], ["max", finding.scale_max]]);
      return fill(templates.finding, { measure: quoted(finding.measure || ""), design: word(finding.design),
        higher_is_better: finding.better === "lower" ? "false" : "true", groups: lines.join(""),
        scale: scale ? fill(templates.scale, { numbers: scale }) : "" });
    }
    function outcomesText(findings) {
      if (!findings || !findings.length) { return ""; }
      return fill(templates.outcomes, { findings: findings.map(findingText).join("") });
    }
    /* A finding's front matter, as YAML reads it back from findingText. */
    function findingData(finding) {
      if (isReported(finding)) { return reportedData(finding); }
      const out = { measure: clean(finding.measure || ""), design: finding.design,
        higher_is_better: finding.better !== "lower" };
      IMPACT.designGroups[finding.design].forEach(function (name) {
        const group = groupOf(finding, name);
        out[name] = numbersRead([["n", group.n], ["mean", group.mean], ["sd", group.sd]]);
        if (finding.design === IMPACT.pretest) {
          out[name].pre = numbersRead([["mean", group.pre_mean], ["sd", group.pre_sd]]);
        }
      });
      if (filled(finding.scale_min) || filled(finding.scale_max)) {
        out.scale = numbersRead([["min", finding.scale_min], ["max", finding.scale_max]]);
      }
      return out;
    }

    function isNumber(value) { return typeof value === "number"; }
    function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
    /* check/outcomes.py's _fields, _spreads, _interval, _scale and _result on one finding the
       schema passed (the form writes no infinite number: _finite finds nothing). */
    function findingProblems(item, at, emit) {
      const design = item.design, groups = IMPACT.designGroups[design];
      const found = [];
      function add(where, code, message) { found.push([where, code, message]); }
      const reported = "effect_size" in item && design !== "one-group";
      const needed = reported ? ["effect_size"] : groups.concat(["higher_is_better"]);
      needed.forEach(function (name) {
        if (!(name in item)) {
          add(at, "outcome-missing", say("outcome-missing", { label: label(at), design: IMPACT.designWords[design],
            field: name, what: IMPACT.neededWhy[name] || "" }));
        }
      });
      const allowed = new Set(needed.concat(["measure", "design"], reported ? [] : ["scale"]));
      Object.keys(item).forEach(function (name) {
        if (!allowed.has(name)) {
          const why = reported ? say("outcome-extra.reported", {}) : say("outcome-extra.design", { design: IMPACT.designWords[design] });
          add(at.concat([name]), "outcome-extra", say("outcome-extra", { label: label(at.concat([name])), why: why }));
        }
      });
      if (!reported) {
        groups.forEach(function (name) {
          const group = item[name];
          if (!isObject(group)) { return; }
          if (design === IMPACT.pretest && !("pre" in group)) {
            add(at.concat([name]), "outcome-missing", say("outcome-missing", { label: label(at.concat([name])),
              design: IMPACT.designWords[design], field: "pre", what: IMPACT.neededWhy.pre }));
          } else if (design === "two-group" && "pre" in group) {
            add(at.concat([name, "pre"]), "outcome-extra", say("outcome-extra", { label: label(at.concat([name, "pre"])),
              why: say("outcome-extra.pre", {}) }));
          }
        });
      }
      groups.forEach(function (name) {
        const group = item[name];
        if (!isObject(group)) { return; }
        if (Number.isInteger(group.n) && group.n < IMPACT.minPupils) {
          add(at.concat([name, "n"]), "outcome-group-size", say("outcome-group-size", { label: label(at.concat([name, "n"])), value: group.n }));
        }
        [[at.concat([name]), group], [at.concat([name, "pre"]), group.pre]].forEach(function (pair) {
          const sd = isObject(pair[1]) ? pair[1].sd : undefined;
          if (isNumber(sd) && sd <= 0) {
            add(pair[0].concat(["sd"]), "outcome-sd", say("outcome-sd", { label: label(pair[0].concat(["sd"])), value: sd }));
          }
        });
      });
      const size = item.effect_size;
      if (isObject(size) && Array.isArray(size.ci)) {
        const ci = size.ci, where = at.concat(["effect_size", "ci"]);
        if (ci.length !== 2 || !ci.every(isNumber)) {
          add(where, "outcome-interval", say("outcome-interval.shape", { label: label(where) }));
        } else if (ci[0] > ci[1]) {
          add(where, "outcome-interval", say("outcome-interval.order", { label: label(where), low: ci[0], high: ci[1] }));
        } else if (isNumber(size.g) && !(ci[0] <= size.g && size.g <= ci[1])) {
          add(where, "outcome-interval", say("outcome-interval", { low: ci[0], high: ci[1], g: size.g }));
        }
      }
      const scale = item.scale;
      if (isObject(scale) && isNumber(scale.min) && isNumber(scale.max)) {
        const low = scale.min, high = scale.max;
        if (!(low < high)) {
          add(at.concat(["scale"]), "outcome-scale", say("outcome-scale.order", { label: label(at.concat(["scale"])), low: low, high: high }));
        } else {
          groups.forEach(function (name) {
            const group = item[name];
            [[at.concat([name]), group], [at.concat([name, "pre"]), isObject(group) ? group.pre : undefined]].forEach(function (pair) {
              if (!isObject(pair[1])) { return; }
              const mean = pair[1].mean, sd = pair[1].sd;
              if (isNumber(mean) && !(low <= mean && mean <= high)) {
                add(pair[0].concat(["mean"]), "outcome-scale", say("outcome-scale", { label: label(pair[0].concat(["mean"])),
                  value: mean, low: low, high: high }));
              }
              if (isNumber(sd) && sd > high - low) {
                add(pair[0].concat(["sd"]), "outcome-scale", say("outcome-scale.sd", { label: label(pair[0].concat(["sd"])),
                  value: sd, low: low, high: high }));
              }
            });
          });
        }
      }
      if (!found.length) {
        let result = null;
        try { result = effect.resultOf(item); } catch (error) { result = null; }
        const values = result ? [result.value].concat(result.low === null ? [] : [result.low, result.high]) : [];
        if (!result || !values.every(Number.isFinite)) {
          add(at, "outcome-number", say("outcome-number.result", { label: label(at) }));
        } else if (Math.abs(result.value) > IMPACT.large) {
          add(at, "outcome-large", say("outcome-large", { label: label(at), value: effect.fixed(Math.abs(result.value), 2) }));
        }
      }
      found.forEach(function (problem) { emit(problem[0], problem[1], problem[2]); });
    }

    /* scaffold.entry_text of what the form holds. */
    function entryText(entry) {
      const authors = entry.authors.map(function (author) {
        return fill(templates.author, { name: quoted(author.name), role: quoted(author.role) });
      }).join("") || templates.no_authors;
      return fill(templates.entry, {
        title: quoted(entry.title), authors: authors, academy: entry.academy ? word(entry.academy) : "",
        year: number(entry.year), research_question: folded(entry.research_question),
        abstract: folded(entry.abstract), topics: idList(entry.topics), framework: frameworkLines(entry),
        library: idList(entry.library), outcomes: outcomesText(entry.outcomes), body: body(entry.body) });
    }

    /* The front matter as YAML reads it back from entryText. */
    function entryFrontMatter(entry) {
      const front = {
        title: clean(entry.title),
        authors: entry.authors.map(function (author) { return { name: clean(author.name), role: clean(author.role) }; }),
        academy: entry.academy ? entry.academy : null, year: entry.year,
        research_question: unfolded(entry.research_question), abstract: unfolded(entry.abstract),
        topics: entry.topics.slice(),
      };
      DIMENSIONS.forEach(function (name) { front[name] = (entry[name] || []).slice(); });
      front.library = entry.library.slice();
      if (entry.outcomes && entry.outcomes.length) { front.outcomes = entry.outcomes.map(findingData); }
      return front;
    }

    function entryPath(entry) { return "research/" + entry.year + "/" + entry.id; }

    function fieldOf(at) { return at.join("."); }

    /* Every problem validate would report in the entry's two files. */
    function entryProblems(entry) {
      const problems = [];
      function add(file, where, code, message, line) {
        problems.push({ file: file, field: where, code: code, message: message, line: line || 0 });
      }
      if (!ID.test(entry.id)) {
        add("md", "id", "bad-id", say("bad-id", { name: entry.id + ".md", suggestion: suggestedId(entry.id) + ".md" }));
      } else {
        const path = entryPath(entry) + ".md";
        const other = data.entries.filter(function (known) { return known.split("/").pop() === entry.id + ".md"; });
        if (other.includes(path)) {
          add("md", "id", "duplicate-id", say("exists.entry", { path: path }));
        } else if (other.length) {
          add("md", "id", "duplicate-id", say("duplicate-id", { id: entry.id, path: other[0] }));
        }
      }
      const front = entryFrontMatter(entry);
      const faulted = new Set();
      checkValue(data.schemas.entry, front, [], function (at, code, message) {
        if (at[0] === "outcomes" && at.length > 1) { faulted.add(at[1]); }
        // a number left empty: the field is the box it was left out of
        const where = code === "missing-field" && at[0] === "outcomes" ? at.concat([message.values.name]) : at;
        add("md", fieldOf(where), code, message);
      });
      (front.outcomes || []).forEach(function (item, index) {
        if (faulted.has(index)) { return; }  // as check_outcomes: the schema's problem is enough
        findingProblems(item, ["outcomes", index], function (at, code, message) { add("md", fieldOf(at), code, message); });
      });
      const text = body(entry.body);
      const seen = new Set();
      data.markdownFields.forEach(function (name) {
        if (typeof front[name] !== "string") { return; }
        unsafeContent(front[name]).forEach(function (found) {
          if (!seen.has(name + found[1])) { seen.add(name + found[1]); add("md", name, found[0], found[1]); }
        });
      });
      unsafeContent(text).forEach(function (found) { add("md", "body", found[0], found[1]); });
      const keys = entry.references.map(function (reference) { return reference.key; });
      citations(text).forEach(function (cited) {
        if (!keys.includes(cited.key)) {
          add("md", "body", "unknown-citation", say("unknown-citation", { key: cited.key,
            where: say("unknown-citation.bib", { id: entry.id }) }), cited.line);
        }
      });
      placeholderLines(text).forEach(function (line) { add("md", "body", "placeholder", say("placeholder", {}), line); });
      data.markdownFields.forEach(function (name) {
        if (typeof front[name] === "string" && front[name].startsWith(templates.placeholder)) {
          add("md", name, "placeholder", say("placeholder", {}));
        }
      });
      images(text).forEach(function (image) {
        const found = imageProblem(image);
        add("md", "body", found[0], found[1], image.line);
      });
      return problems.concat(referenceProblems(entry.references)).map(settled);
    }

    /* submission.join: the one file "Send to the research lead" downloads. */
    function entrySubmission(entry) {
      const path = entryPath(entry) + ".md";
      const bib = entry.references.length ? bibText(entry.references) : "";
      return { path: path, name: entry.id + ".md",
        text: entryText(entry) + "\n" + fill(data.submission.open, { path: path }) + "\n" + bib + data.submission.close + "\n" };
    }

    function entryFiles(entry) {
      const path = entryPath(entry);
      return [{ path: path + ".md", text: entryText(entry) }, { path: path + ".bib", text: bibText(entry.references) }];
    }

    // -- A catalogue record --------------------------------------------------------------------

    function titleText(title) {
      const authors = title.authors.map(function (name) { return fill(templates.title_author, { name: quoted(name) }); }).join("");
      return fill(templates.title, {
        title: quoted(title.title), subtitle: optional("subtitle", title.subtitle),
        authors: authors || templates.no_authors, year: number(title.year),
        edition: optional("edition", title.edition), publisher: optional("publisher", title.publisher),
        isbn: optional("isbn", title.isbn) || templates.no_isbn, type: title.type === "report" ? templates.report : "",
        topics: idList(title.topics), framework: frameworkLines(title),
        career_stages: idList(title.career_stages), formats: idList(title.formats),
        url: optional("url", title.url), summary: folded(title.summary) });
    }
    function titleRecord(title) {
      const record = { title: clean(title.title) };
      if (present(title.subtitle)) { record.subtitle = clean(title.subtitle); }
      record.authors = title.authors.map(clean);
      record.year = title.year;
      ["edition", "publisher", "isbn"].forEach(function (name) { if (present(title[name])) { record[name] = clean(title[name]); } });
      if (title.type === "report") { record.type = "report"; }
      ["topics"].concat(DIMENSIONS, ["career_stages", "formats"]).forEach(function (name) {
        record[name] = (title[name] || []).slice();
      });
      if (present(title.url)) { record.url = clean(title.url); }
      record.summary = unfolded(title.summary);
      return record;
    }

    /* check/isbn.py */
    const PREFIXES = data.isbnPrefixes;
    function normalise(isbn) { return isbn.replace(/-/g, "").replace(/ /g, "").toUpperCase(); }
    function isDigits(text) { return /^[0-9]+$/.test(text); }
    function isbn10(digits) {
      if (!(isDigits(digits.slice(0, 9)) && (isDigits(digits[9]) || digits[9] === "X"))) { return false; }
      let sum = 0;
      for (let i = 0; i < 10; i += 1) { sum += (10 - i) * (digits[i] === "X" ? 10 : +digits[i]); }
      return sum % 11 === 0;
    }
    function isbn13(digits) {
      if (!isDigits(digits)) { return false; }
      let sum = 0;
      for (let i = 0; i < 13; i += 1) { sum += (i % 2 === 0 ? 1 : 3) * +digits[i]; }
      return sum % 10 === 0;
    }
    function isPlaceholder(digits) {
      const inner = digits.length === 13 && PREFIXES.includes(digits.slice(0, 3)) ? digits.slice(3, -1) : digits.slice(0, -1);
      return inner.length > 0 && /^0+$/.test(inner);
    }
    function isbnProblem(isbn) {
      const digits = normalise(isbn);
      const count = length(digits);
      if (count !== 10 && count !== 13) { return ["isbn-format", say("isbn-format", { isbn: isbn, count: count })]; }
      if (isPlaceholder(digits)) { return ["isbn-placeholder", say("isbn-placeholder", { isbn: isbn })]; }
      if (count === 13 && !PREFIXES.includes(digits.slice(0, 3))) {
        return ["isbn-prefix", say("isbn-prefix", { digits: digits, prefix: digits.slice(0, 3) })];
      }
      if (count === 10 ? isbn10(digits) : isbn13(digits)) { return null; }
      return ["isbn-checksum", say("isbn-checksum", { digits: digits })];
    }

    function titlePath(title) { return "library/titles/" + title.id + ".yaml"; }

    /* Every problem validate would report in the record; catalogue is titles.json, or null
       while it has not arrived (the checks against other records then wait). */
    function titleProblems(title, catalogue) {
      const problems = [];
      function add(where, code, message) { problems.push({ file: "yaml", field: where, code: code, message: message, line: 0 }); }
      if (!ID.test(title.id)) {
        add("id", "bad-id", say("bad-id", { name: title.id + ".yaml", suggestion: suggestedId(title.id) + ".yaml" }));
      } else if (catalogue && catalogue.id.includes(title.id)) {
        add("id", "bad-id", say("exists.title", { path: titlePath(title) }));
      }
      const record = titleRecord(title);
      checkValue(data.schemas.title, record, [], function (at, code, message) { add(fieldOf(at), code, message); });
      if (typeof record.isbn === "string") {
        const found = isbnProblem(record.isbn);
        if (found) { add("isbn", found[0], found[1]); }
        if (catalogue) {
          const digits = normalise(record.isbn);
          const others = catalogue.id.filter(function (id, n) { return catalogue.isbn[n] === digits; })
            .map(function (id) { return "library/titles/" + id + ".yaml"; });
          if (others.length) { add("isbn", "duplicate-isbn", say("duplicate-isbn", { isbn: digits, others: others.join(", ") })); }
        }
      }
      const seen = new Set();
      unsafeContent(record.summary).forEach(function (found) {
        if (!seen.has(found[1])) { seen.add(found[1]); add("summary", found[0], found[1]); }
      });
      if (record.summary.startsWith(templates.placeholder)) { add("summary", "placeholder", say("placeholder.summary", {})); }
      return problems.map(settled);
    }

    function titleFiles(title) { return [{ path: titlePath(title), text: titleText(title) }]; }

    return {
      data: data, say: say, teacherSays: teacherSays, sentenceCase: sentenceCase, repr: repr, clean: clean, yearOf: yearOf, kinds: KINDS,
      newId: function (title) { return newId(title, data.reserved); },
      suggestedKey: suggestedKey, citations: citations, withoutCode: withoutCode, unfolded: unfolded,
      fold: function (text) { return fold(text, data.fold); }, word: word, idList: idList, bibValue: bibValue,
      isbnProblem: isbnProblem, unsafeContent: unsafeContent, referenceProblems: referenceProblems, images: images, imageProblem: imageProblem,
      entry: { files: entryFiles, problems: entryProblems, text: entryText, submission: entrySubmission,
        findings: function (entry) { return (entry.outcomes || []).map(findingData); }, findingText: findingText },
      effect: effect,
      title: { files: titleFiles, problems: titleProblems, text: titleText },
    };
  }

  const rules = { start: start, fold: fold, repr: repr, clean: clean, quoted: quoted, folded: folded,
    unfolded: unfolded, body: body, yearOf: yearOf, number: number, suggestedId: suggestedId, newId: newId,
    bibEscape: bibEscape, sentenceCase: sentenceCase };
  if (typeof window === "object") { window.GoldenThreadRules = rules; }
  if (typeof module === "object" && module.exports) { module.exports = rules; }  // tests/js/ under Node
}());
