/* Golden Thread site search, in Material's header search box.

   The index is static files under search-index/ written by goldenthread's generation
   step (scripts/goldenthread/generate/search_index.py describes the format). A search
   fetches only the manifest, the shard(s) holding its words and the chunks holding the
   results it shows; everything fetched is kept for the next search.

   A query's words are looked up as the index stores them (search_words.py): one spelling
   for British and American forms, stemmed. Each word must match, in one of these ways,
   best first: the word itself; the word being typed (the last, with no space after it) as
   a prefix; another form of it (a stem that differs from it by an ending: dyslexic and
   dyslexia, governors and governance); two adjacent words closed up (well being:
   wellbeing); and, ranked below every document matched without one, one typo in a word of
   five letters or more. When no document matches every word, the documents matching the
   most words are shown, labelled as close matches.

   Material still provides the box, "/" to focus it, the arrow keys, Enter and Escape.
   Its own search is not asked on each keystroke (see the keyup listener at the end), and
   the result list and meta line it writes to are replaced by this script's own, so
   nothing of Material's search is ever shown. */
/* The rules of a query that do not need the page: its words as the index's terms, which words
   count, the glossary's names in a query, and the words of the count. Pure functions over
   tables the build generates from Python (the manifest's "words" and "glossary":
   search_words.py, search_stem.py, search_glossary.py), so tests/js/ runs them under Node
   against the fixtures the Python tests also read. */
var goldenthreadSearchRules = (function () {
  "use strict";
  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  /* Which of a query's words count: all but its filler words ("how", "do", "what", "should"),
     unless it has no other word. words: the query's words, folded; filler: word -> true. */
  function counted(words, filler) {
    var kept = words.map(function (word) { return !has(filler, word); });
    return kept.some(Boolean) ? kept : words.map(function () { return true; });
  }

  /* The glossary table (search_glossary.py) as a look-up: a name's terms -> [entry, name]. */
  function glossaryIndex(table) {
    var names = Object.create(null), longest = 0;
    (table || []).forEach(function (entry) {
      entry[2].forEach(function (name) {
        if (!has(names, name[1])) { names[name[1]] = { entry: entry, name: name[0] }; }
        longest = Math.max(longest, name[1].split(" ").length);
      });
    });
    return { names: names, longest: longest };
  }

  /* A term with a plural s the stemmer leaves (it keeps "nqts", "tas": no vowel before the s). */
  function singular(t) { return t.length > 2 && t.slice(-1) === "s" ? t.slice(0, -1) : t; }

  /* The runs of a query's terms that are a glossary name (NQTs as NQT too), longest first,
     left to right; each with what else it may match: the term's other names, and its topic. */
  function glossarySpans(terms, index) {
    var spans = [], i = 0;
    while (i < terms.length) {
      var found = null;
      for (var end = Math.min(terms.length, i + index.longest); end > i && !found; end--) {
        var run = terms.slice(i, end), keys = [run.join(" "), run.map(singular).join(" ")];
        for (var k = 0; k < keys.length && !found; k++) {
          if (has(index.names, keys[k])) { found = { start: i, end: end, key: keys[k], hit: index.names[keys[k]] }; }
        }
      }
      if (!found) { i += 1; continue; }
      var entry = found.hit.entry;
      spans.push({
        start: found.start, end: found.end, term: entry[0], anchor: entry[1], name: found.hit.name,
        others: entry[2].filter(function (name) { return name[1] !== found.key; })
          .map(function (name) { return { label: name[0], terms: name[1].split(" ") }; }),
        topic: entry[3].length ? { label: entry[3][0], terms: entry[3][1].split(" ") } : null
      });
      i = found.end;
    }
    return spans;
  }

  /* -- Words to terms: the same steps as search_words.py and search_stem.py --------------------
     words(tables) gives the functions over the tables the manifest carries ("words":
     search_words.tables()): the code of each step is here, every table is Python's. */
  function words(tables) {
    function set(list) {
      var found = Object.create(null);
      list.forEach(function (item) { found[item] = true; });
      return found;
    }
    function list(text) { return text ? text.split(" ") : []; }
    function rewrites(pairs) { return pairs.map(function (p) { return [new RegExp(p[0], "g"), p[1]]; }); }
    function rewrite(word, pairs) {
      pairs.forEach(function (p) { word = word.replace(p[0], p[1]); });
      return word;
    }

    /* search_words.fold: lower case, marks removed, the table's letters in ASCII. */
    var FOLDS = tables.fold;
    var keys = Object.keys(FOLDS).map(function (c) { return c.replace(/[\\^\]\-]/g, "\\$&"); });
    var LETTERS = keys.length ? new RegExp("[" + keys.join("") + "]", "g") : null;
    function fold(text) {
      var folded = text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
      return LETTERS ? folded.replace(LETTERS, function (c) { return FOLDS[c]; }) : folded;
    }
    var PART = /[\p{L}\p{N}]+/gu;
    var RUN = /[\p{L}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{N}]+)*/gu;
    var STOP = set(list(tables.stop));
    function kept(word) { return !STOP[word] && (word.length > 1 || /^\p{N}$/u.test(word)); }
    function tokens(text) { return (fold(text).match(PART) || []).filter(kept); }

    var SPELT = tables.spelt, PATTERNS = rewrites(tables.patterns);
    function spelling(word) {
      if (has(SPELT, word)) { return SPELT[word]; }
      if (!/^[\x00-\x7f]*$/.test(word)) { return word; }
      return rewrite(word, PATTERNS);
    }

    /* Porter2, as search_stem.py (its tables: tables.stem). */
    var S = tables.stem;
    var VOWELS = set(S.vowels.split("")), DOUBLES = set(list(S.doubles)), LI = set(S.li.split(""));
    var EXCEPTIONS = S.exceptions, AFTER_1A = set(list(S.after_1a)), R1_PREFIXES = list(S.r1_prefixes);
    var STEP2 = S.step2, STEP3 = S.step3, STEP4 = list(S.step4);
    function ends(word, suffix) { return word.length >= suffix.length && word.slice(-suffix.length) === suffix; }
    function vowel(word, at) { return !!VOWELS[word.charAt(at < 0 ? word.length + at : at)]; }
    function hasVowel(part) { for (var i = 0; i < part.length; i++) { if (VOWELS[part[i]]) { return true; } } return false; }
    function region(word, start) {
      for (var at = start + 1; at < word.length; at++) {
        if (!vowel(word, at) && vowel(word, at - 1)) { return at + 1; }
      }
      return word.length;
    }
    function shortSyllable(word) {
      if (word.length === 2) { return vowel(word, 0) && !vowel(word, 1); }
      return word.length >= 3 && !vowel(word, -3) && vowel(word, -2) && !vowel(word, -1) &&
        "wxY".indexOf(word.slice(-1)) < 0;
    }
    function step1a(word) {
      if (ends(word, "sses")) { return word.slice(0, -2); }
      if (ends(word, "ied") || ends(word, "ies")) { return word.length > 4 ? word.slice(0, -2) : word.slice(0, -1); }
      if (ends(word, "us") || ends(word, "ss")) { return word; }
      if (ends(word, "s") && hasVowel(word.slice(0, -2))) { return word.slice(0, -1); }
      return word;
    }
    function step1b(word, r1) {
      var suffixes = ["eedly", "eed"], i, suffix, stem;
      for (i = 0; i < suffixes.length; i++) {
        suffix = suffixes[i];
        if (ends(word, suffix)) {
          return word.length - suffix.length >= r1 ? word.slice(0, -suffix.length) + "ee" : word;
        }
      }
      suffixes = ["ingly", "edly", "ing", "ed"];
      for (i = 0; i < suffixes.length; i++) {
        suffix = suffixes[i];
        if (ends(word, suffix)) {
          stem = word.slice(0, -suffix.length);
          if (!hasVowel(stem)) { return word; }
          if (ends(stem, "at") || ends(stem, "bl") || ends(stem, "iz")) { return stem + "e"; }
          if (DOUBLES[stem.slice(-2)]) { return stem.slice(0, -1); }
          if (stem.length === r1 && shortSyllable(stem)) { return stem + "e"; }
          return stem;
        }
      }
      return word;
    }
    function step1c(word) {
      var last = word.slice(-1);
      return word.length > 2 && (last === "y" || last === "Y") && !vowel(word, -2) ? word.slice(0, -1) + "i" : word;
    }
    function step2(word, r1) {
      for (var i = 0; i < STEP2.length; i++) {
        var suffix = STEP2[i][0];
        if (ends(word, suffix)) {
          var at = word.length - suffix.length, before = word.slice(0, at);
          if (at < r1) { return word; }
          if (suffix === "ogi") { return ends(before, "l") ? before + "og" : word; }
          if (suffix === "li") { return LI[before.slice(-1)] ? before : word; }
          return before + STEP2[i][1];
        }
      }
      return word;
    }
    function step3(word, r1, r2) {
      for (var i = 0; i < STEP3.length; i++) {
        var suffix = STEP3[i][0];
        if (ends(word, suffix)) {
          var at = word.length - suffix.length;
          if (at < r1 || (suffix === "ative" && at < r2)) { return word; }
          return word.slice(0, at) + STEP3[i][1];
        }
      }
      return word;
    }
    function step4(word, r2) {
      for (var i = 0; i < STEP4.length; i++) {
        var suffix = STEP4[i];
        if (ends(word, suffix)) {
          var at = word.length - suffix.length, before = word.slice(0, at);
          if (at < r2) { return word; }
          if (suffix === "ion" && !(ends(before, "s") || ends(before, "t"))) { return word; }
          return before;
        }
      }
      return word;
    }
    function step5(word, r1, r2) {
      var at = word.length - 1;
      if (ends(word, "e") && (at >= r2 || (at >= r1 && !shortSyllable(word.slice(0, -1))))) { return word.slice(0, -1); }
      if (ends(word, "ll") && at >= r2) { return word.slice(0, -1); }
      return word;
    }
    function stem(word) {
      if (word.length <= 2 || !/^[a-z]+$/.test(word)) { return word; }
      if (has(EXCEPTIONS, word)) { return EXCEPTIONS[word]; }
      var chars = word.split("");
      for (var i = 0; i < chars.length; i++) {
        if (chars[i] === "y" && (i === 0 || VOWELS[chars[i - 1]])) { chars[i] = "Y"; }
      }
      word = chars.join("");
      var prefix = R1_PREFIXES.filter(function (p) { return word.lastIndexOf(p, 0) === 0; })[0];
      var r1 = prefix ? prefix.length : region(word, 0);
      var r2 = region(word, r1);
      word = step1a(word);
      if (AFTER_1A[word]) { return word; }
      word = step1c(step1b(word, r1));
      word = step5(step4(step3(step2(word, r1), r1, r2), r2), r1, r2);
      return word.replace(/Y/g, "y");
    }

    var PLURALS = tables.plurals, FINAL = rewrites([tables.final]);
    var TERMS = Object.create(null);   // a word's term, worked out once (results mark every word of their text)
    function term(word) {
      if (!has(TERMS, word)) {
        TERMS[word] = rewrite(stem(has(PLURALS, word) ? PLURALS[word] : spelling(word)), FINAL);
      }
      return TERMS[word];
    }
    function terms(text) {
      var found = [];
      (fold(text).match(RUN) || []).forEach(function (run) {
        var parts = run.match(PART);
        parts.forEach(function (part) { if (kept(part)) { found.push(term(part)); } });
        if (parts.length > 1) { found.push(term(parts.join(""))); }
      });
      return found;
    }
    /* search_words.partials: what a word still being typed may begin, as the index spells it. */
    var TYPED = rewrites(tables.typed), SINGLE = rewrites([tables.single]);
    function partials(word) {
      var spelt = rewrite(spelling(word), TYPED);
      var single = rewrite(spelt, SINGLE);
      return single === spelt ? [spelt] : [spelt, single];
    }
    /* search_words.other_form and typed_forms: a term's other forms, by their endings. */
    var FORMS = tables.forms, ENDINGS = set(list(FORMS.endings));
    var STARTS = set([].concat.apply([], list(FORMS.endings).map(function (ending) {
      return ending.split("").map(function (c, i) { return ending.slice(0, i + 1); });
    })));
    function otherForm(shorter, longer) {
      return shorter.length >= FORMS.length && longer.lastIndexOf(shorter, 0) === 0 &&
        !!ENDINGS[longer.slice(shorter.length)];
    }
    function typedForms(typed) {
      var found = [];
      for (var k = FORMS.typed; k < typed.length; k++) {
        if (STARTS[typed.slice(k)]) { found.push(typed.slice(0, k)); }
      }
      return found;
    }

    return { fold: fold, kept: kept, tokens: tokens, spelling: spelling, stem: stem, term: term, terms: terms,
             partials: partials, otherForm: otherForm, typedForms: typedForms, formLength: FORMS.length,
             filler: set(list(tables.filler)), PART: PART, RUN: RUN };
  }

  /* How a result matched through the glossary is labelled. */
  function via(name, other, topic) {
    return topic ? "matched " + name + " through the topic " + topic : "matched " + name + " as " + other;
  }

  /* The count above the results: how many match every word, then how many match fewer. */
  function countText(exact, close) {
    var text = exact === 0 ? "No results" : exact === 1 ? "1 result" : exact + " results";
    if (!close) { return text; }
    var closeText = close === 1 ? "1 close match" : close + " close matches";
    return exact ? text + ", then " + closeText
      : "No exact matches: the " + (close === 1 ? "closest match" : close + " closest matches");
  }

  return { words: words, counted: counted, glossaryIndex: glossaryIndex, glossarySpans: glossarySpans, via: via,
           countText: countText };
}());
if (typeof module === "object" && module.exports) { module.exports = goldenthreadSearchRules; }

(function () {
  "use strict";
  var box = typeof document === "object" && document.querySelector(".md-search");
  var input = box && box.querySelector(".md-search__input");
  var result = box && box.querySelector(".md-search-result");
  if (!input || !result || !window.fetch || !window.Promise) { return; }

  var DEBOUNCE = 25;      // ms after the last keystroke before searching
  var PAGE = 10;          // results rendered at a time
  var MAX_SHARDS = 4;     // shards fetched for one prefix: a prefix spread over more waits for more letters
  var POSTING = 64;       // a posting is gap * POSTING + impact (search_index.py)
  var EXACT = 1, TYPED = 0.8, FORM = 0.7, TYPO = 0.4;   // how much each way of matching a word counts
  var GLOSSED = 0.7, TOPIC = 0.35;   // a word matched by another of its glossary names, by its glossary topic
  var HUB = 2;            // full matches that are all pages, and this few, are shown with the closest matches
  var rules = goldenthreadSearchRules;
  var TYPO_LENGTH = 5;    // letters a word needs before a typo in it is forgiven
  var RARE = 2;           // documents a word may be in and still be taken for a typo
  var config = {};
  try { config = JSON.parse(document.getElementById("__config").textContent); } catch (e) { config = {}; }
  var script = document.currentScript;
  var root = config.base !== undefined
    ? new URL(String(config.base).replace(/\/?$/, "/"), location.href)
    : new URL("../", script ? script.src : location.href);
  var indexRoot = new URL("search-index/", root);
  var translations = config.translations || {};
  var highlight = (config.features || []).indexOf("search.highlight") >= 0;

  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }
  function set(list) {
    var found = Object.create(null);
    list.forEach(function (item) { found[item] = true; });
    return found;
  }

  /* -- Words to terms: rules.words over the manifest's tables (search_words.tables()) ----------
     Every path that works out a term (parse, marked, phrased, typo shards) runs after
     loadManifest(), which makes them; before it, using one is an error. */
  var W = null, FILLER = null, GLOSSARY = null;
  function fold(text) { return W.fold(text); }
  function kept(word) { return W.kept(word); }
  function term(word) { return W.term(word); }
  function terms(text) { return W.terms(text); }
  function partials(word) { return W.partials(word); }

  /* -- Fetching, each file once --------------------------------------------------------------- */

  var cache = {};
  function load(path, fresh) {
    if (!cache[path]) {
      cache[path] = fetch(new URL(path, indexRoot).href, fresh ? { cache: "no-cache" } : {})
        .then(function (response) {
          if (!response.ok) { throw new Error(path + ": " + response.status); }
          return response.json();
        });
      cache[path].catch(function () { delete cache[path]; });
    }
    return cache[path];
  }
  var manifest = null;
  function loadManifest() {
    return load("manifest.json", true).then(function (m) {
      if (!manifest) {
        manifest = m;
        manifest.keys = Object.create(null);
        m.shards.forEach(function (key, n) { manifest.keys[key] = n; });
        W = rules.words(m.words);
        FILLER = W.filler;
        GLOSSARY = rules.glossaryIndex(m.glossary);
      }
      return manifest;
    });
  }
  var shards = {};   // shard number -> the shard, once loaded
  function loadShard(n) {
    return load("t/" + n + ".json?v=" + manifest.version).then(function (shard) {
      if (!shard.__terms) {
        Object.defineProperty(shard, "__terms", { value: Object.keys(shard).sort() });
        Object.defineProperty(shard, "__decoded", { value: Object.create(null) });
      }
      shards[n] = shard;
      return shard;
    });
  }
  function loadChunk(n) { return load("d/" + n + ".json?v=" + manifest.version); }

  /* Where a term, or the terms beginning with a prefix, are. */
  function shardOf(text) {
    for (var length = text.length; length > 0; length--) {
      var n = manifest.keys[text.slice(0, length)];
      if (n !== undefined) { return n; }
    }
    return -1;
  }
  function shardsOf(prefix) {
    var found = [];
    var own = shardOf(prefix);
    if (own >= 0) { found.push(own); }
    manifest.shards.forEach(function (key, n) {
      if (key.length > prefix.length && key.lastIndexOf(prefix, 0) === 0) { found.push(n); }
    });
    return found;
  }
  function postings(t) {   // [doc, impact, doc, impact, ...] of a term whose shard is loaded
    var shard = shards[shardOf(t)];
    if (!shard || !has(shard, t)) { return null; }
    var decoded = shard.__decoded[t];
    if (!decoded) {
      decoded = [];
      var doc = 0;
      shard[t].forEach(function (value) {
        doc += Math.floor(value / POSTING);
        decoded.push(doc, value % POSTING);
      });
      shard.__decoded[t] = decoded;
    }
    return decoded;
  }
  function beginning(prefix, numbers) {   // the loaded terms that begin with prefix
    var found = [];
    numbers.forEach(function (n) {
      var list = shards[n] ? shards[n].__terms : [];
      var low = 0, high = list.length;
      while (low < high) {
        var middle = (low + high) >> 1;
        if (list[middle] < prefix) { low = middle + 1; } else { high = middle; }
      }
      for (var i = low; i < list.length && list[i].lastIndexOf(prefix, 0) === 0; i++) { found.push(list[i]); }
    });
    return found;
  }

  /* -- The query ------------------------------------------------------------------------------ */

  /* Its words: the last, while being typed (no space after it), may be a prefix. A word whose
     prefix is still too short to narrow the search is left out until it does. */
  function parse(value) {
    var all = fold(value).match(W.PART) || [];
    var typing = all.length > 0 && /[\p{L}\p{N}]$/u.test(fold(value));
    var parts = [];
    all.forEach(function (word, i) {
      var last = i === all.length - 1;
      if (!kept(word)) { return; }
      var part = { word: word, term: term(word), prefix: last && typing, index: i };
      part.partials = part.prefix ? partials(word) : [];
      part.prefixShards = [].concat.apply([], part.partials.map(shardsOf));
      if (part.prefix && part.prefixShards.length > MAX_SHARDS) {
        if (!/^\p{N}+$/u.test(word)) { return; }
        part.prefix = false;   // a number ("year 4") is taken as typed
        part.partials = part.prefixShards = [];
      }
      parts.push(part);
    });
    var counts = rules.counted(parts.map(function (part) { return part.word; }), FILLER);
    parts = parts.filter(function (part, i) { return counts[i]; });
    parts.spans = rules.glossarySpans(parts.map(function (part) { return part.term; }), GLOSSARY);
    parts.spans.forEach(function (span) { span.whole = span.start === 0 && span.end === parts.length; });
    return parts;
  }

  /* The shards a word's matches can be in (typos aside): its term's, its prefixes', and those
     of the shorter forms it may be of. */
  function shardsFor(part) {
    var found = [shardOf(part.term)].concat(part.prefixShards);
    var forms = shardsOf(part.term);
    if (forms.length <= MAX_SHARDS) { found = found.concat(forms); }
    [part.term].concat(part.partials).forEach(function (t) {
      for (var k = 4; k < t.length; k++) { found.push(shardOf(t.slice(0, k))); }
    });
    return found;
  }

  /* The words one typo away from a word (a letter dropped, added, changed, or two swapped). */
  function edits(word) {
    var found = [], letters = "abcdefghijklmnopqrstuvwxyz";
    for (var i = 0; i <= word.length; i++) {
      var head = word.slice(0, i), tail = word.slice(i);
      if (tail) { found.push(head + tail.slice(1)); }
      if (tail.length > 1) { found.push(head + tail[1] + tail[0] + tail.slice(2)); }
      for (var c = 0; c < letters.length; c++) {
        found.push(head + letters[c] + tail);
        if (tail && letters[c] !== tail[0]) { found.push(head + letters[c] + tail.slice(1)); }
      }
    }
    return found;
  }
  function typoable(part) { return part.word.length >= TYPO_LENGTH && /^[a-z]+$/.test(part.word); }
  /* The shards of the typos that change a word's first two letters: fetched only when nothing
     else matched it. */
  function typoShards(part) {
    var w = part.word;
    return [w.slice(1), w[0] + w.slice(2), w[1] + w[0] + w.slice(2), w[0] + w[2] + w[1] + w.slice(3)]
      .map(function (v) { return shardOf(term(v)); });
  }

  /* A word's candidate terms: term -> [weight, tier] (tier 1: a typo); worked out once for
     the shards loaded. */
  function candidates(part, withTypos) {
    var key = (withTypos ? "t" : "") + Object.keys(shards).length;
    part.known = part.known || {};
    return part.known[key] || (part.known[key] = candidatesNow(part, withTypos));
  }
  function candidatesNow(part, withTypos) {
    var found = Object.create(null);
    function add(t, weight, tier) {
      var old = found[t];
      if (postings(t) && (!old || old[1] > tier || (old[1] === tier && old[0] < weight))) { found[t] = [weight, tier]; }
    }
    add(part.term, EXACT, 0);
    part.partials.forEach(function (p) {
      beginning(p, part.prefixShards).forEach(function (t) { add(t, TYPED, 0); });
      W.typedForms(p).forEach(function (t) { add(t, FORM, 0); });
    });
    if (part.term.length >= W.formLength) {
      beginning(part.term, shardsOf(part.term)).forEach(function (t) {
        if (W.otherForm(part.term, t)) { add(t, FORM, 0); }
      });
      for (var k = W.formLength; k < part.term.length; k++) {
        if (W.otherForm(part.term.slice(0, k), part.term)) { add(part.term.slice(0, k), FORM, 0); }
      }
    }
    /* A word is taken for a typo of another only if it is in at most RARE documents, and the
       other (of four letters or more) in more. */
    var common = Math.max.apply(null, [0].concat(Object.keys(found).map(function (t) { return postings(t).length / 2; })));
    if (withTypos && typoable(part) && common <= RARE) {
      var exact = common === 0;
      edits(part.word).forEach(function (v) {
        var t = term(v), list = postings(t);
        if (list && list.length / 2 > common && t.length >= 4) { add(t, TYPO, 1); }
        if (part.prefix && exact && v.length >= TYPO_LENGTH) {   // a typo in a word still being typed
          partials(v).forEach(function (p) {
            beginning(p, [shardOf(p)]).slice(0, 20).forEach(function (t) { add(t, TYPO * TYPED, 1); });
          });
        }
      });
    }
    return found;
  }

  function rarity(count) {   // BM25's inverse document frequency
    return Math.log(1 + (manifest.docs - count + 0.5) / (count + 0.5));
  }
  /* How each document matches a set of candidate terms: doc -> {score, tier}. */
  function scored(found) {
    var best = [Object.create(null), Object.create(null)];   // by tier: doc -> best weight * impact
    Object.keys(found).forEach(function (t) {
      var weight = found[t][0], tier = found[t][1], list = postings(t), into = best[tier];
      for (var i = 0; i < list.length; i += 2) {
        var value = weight * list[i + 1];
        if (!(into[list[i]] >= value)) { into[list[i]] = value; }
      }
    });
    var exact = Object.keys(best[0]);
    var idf = rarity(exact.length || Object.keys(best[1]).length);
    var docs = Object.create(null);
    [1, 0].forEach(function (tier) {
      Object.keys(best[tier]).forEach(function (doc) { docs[doc] = { score: idf * best[tier][doc], tier: tier }; });
    });
    return { docs: docs, terms: Object.keys(found) };
  }

  /* Two adjacent words closed up (well being: wellbeing), if the index has it. */
  function closed(a, b) {
    var word = a.word + b.word;
    var part = { word: word, term: term(word), prefix: b.prefix, partials: b.prefix ? partials(word) : [] };
    part.prefixShards = [].concat.apply([], part.partials.map(shardsOf));
    return part;
  }

  /* The slots a query's words fill: a word, or two adjacent words that may also be matched
     closed up; each with how every document it matches scores in it. */
  function slots(parts) {
    var list = [], i = 0, spans = Object.create(null);
    (parts.spans || []).forEach(function (span) { spans[span.start] = span; });
    while (i < parts.length) {
      if (spans[i]) {
        list.push(glossed(parts.slice(spans[i].start, spans[i].end), spans[i]));
        i = spans[i].end;
        continue;
      }
      var part = parts[i], next = spans[i + 1] ? null : parts[i + 1];
      var one = scored(candidates(part, true));
      var pair = next && next.index === part.index + 1 ? scored(candidates(closed(part, next), false)) : null;
      if (pair && Object.keys(pair.docs).length) {
        var two = scored(candidates(next, true));
        var docs = Object.create(null);
        Object.keys(one.docs).forEach(function (doc) {
          if (two.docs[doc]) {
            docs[doc] = { score: one.docs[doc].score + two.docs[doc].score,
                          tier: Math.max(one.docs[doc].tier, two.docs[doc].tier) };
          }
        });
        Object.keys(pair.docs).forEach(function (doc) {
          var score = 2 * pair.docs[doc].score;
          if (!docs[doc] || docs[doc].tier > 0 || docs[doc].score < score) { docs[doc] = { score: score, tier: 0 }; }
        });
        list.push({ docs: docs, terms: one.terms.concat(two.terms, pair.terms), parts: [part, next] });
        i += 2;
      } else {
        list.push({ docs: one.docs, terms: one.terms, parts: [part] });
        i += 1;
      }
    }
    return list;
  }

  /* A word as the index spells it, to be matched as it is (no prefix, no typo). */
  function bare(t) { return { word: t, term: t, prefix: false, partials: [], prefixShards: [] }; }
  /* The documents every one of some words matches, each with its summed score and worst tier. */
  function every(words, withTypos) {
    var docs = null, terms = [];
    words.forEach(function (part) {
      var one = scored(candidates(part, withTypos));
      terms = terms.concat(one.terms);
      var both = Object.create(null);
      Object.keys(one.docs).forEach(function (doc) {
        if (docs === null) { both[doc] = { score: one.docs[doc].score, tier: one.docs[doc].tier }; }
        else if (docs[doc]) {
          both[doc] = { score: docs[doc].score + one.docs[doc].score, tier: Math.max(docs[doc].tier, one.docs[doc].tier) };
        }
      });
      docs = both;
    });
    return { docs: docs || Object.create(null), terms: terms };
  }
  /* What else a glossary name in a query matches: the term's other names, then, when the name
     is the whole query, its topic (beside other words, a topic would match too much). */
  function alternatives(span) {
    var found = span.others.map(function (other) {
      return { terms: other.terms, weight: GLOSSED, label: rules.via(span.name, other.label) };
    });
    if (span.topic && span.whole) {
      found.push({ terms: span.topic.terms, weight: TOPIC, label: rules.via(span.name, null, span.topic.label) });
    }
    return found;
  }
  /* The slot of words that are a glossary name: the documents with the words themselves, and,
     labelled, those with another of the term's names (scored GLOSSED times the mean of its
     words: a page about the name itself comes before one that says it another way, while a
     passing mention of the name does not outrank a page about it) or, weaker, its topic. */
  function glossed(words, span) {
    /* A word being typed that is already a whole glossary name (SEN) is taken as typed: the
       words it begins (Senge, senior) are not the name itself, to come first. */
    var whole = words.map(function (part) {
      return part.prefix ? { word: part.word, term: part.term, prefix: false, partials: [], prefixShards: [], index: part.index } : part;
    });
    var literal = every(whole, true), docs = Object.create(null), terms = literal.terms;
    Object.keys(literal.docs).forEach(function (doc) { docs[doc] = literal.docs[doc]; });
    alternatives(span).forEach(function (other) {
      var found = every(other.terms.map(bare), false);
      terms = terms.concat(found.terms);
      Object.keys(found.docs).forEach(function (doc) {
        var score = other.weight * found.docs[doc].score / other.terms.length, old = docs[doc];
        if (!old || old.tier > 0 || (old.via && old.score < score)) { docs[doc] = { score: score, tier: 0, via: other.label }; }
      });
    });
    return { docs: docs, terms: terms, parts: words, span: span };
  }

  /* The documents every slot matches (tier 0, or 1 through a typo), else those matching the
     most slots (tier 2), best first. When the only documents matching every slot are a few
     pages (a hub page listing many titles holds every word of a question), the documents
     matching the most slots follow them. */
  function rank(list) {
    list = list.slice().sort(function (a, b) { return Object.keys(a.docs).length - Object.keys(b.docs).length; });
    var hits = [];
    Object.keys(list[0].docs).forEach(function (doc) {
      var score = 0, tier = 0, via = [];
      for (var i = 0; i < list.length; i++) {
        var hit = list[i].docs[doc];
        if (!hit) { return; }
        score += hit.score;
        tier = Math.max(tier, hit.tier);
        if (hit.via) { via.push(hit.via); }
      }
      hits.push({ doc: Number(doc), score: score, tier: tier, via: via });
    });
    var hub = hits.length > 0 && hits.length <= HUB &&
      hits.every(function (hit) { return hit.doc >= (manifest.records || 0); });
    if ((!hits.length || hub) && list.length > 1) {
      var partly = Object.create(null), most = 0, full = set(hits.map(function (hit) { return hit.doc; }));
      list.forEach(function (slot) {
        Object.keys(slot.docs).forEach(function (doc) {
          if (full[doc]) { return; }
          var hit = partly[doc] || (partly[doc] = { doc: Number(doc), score: 0, tier: 2, count: 0, via: [] });
          hit.score += slot.docs[doc].score;
          hit.count += 1;
          if (slot.docs[doc].via) { hit.via.push(slot.docs[doc].via); }
          most = Math.max(most, hit.count);
        });
      });
      hits = hits.concat(Object.keys(partly).map(function (doc) { return partly[doc]; })
        .filter(function (hit) { return hit.count === most; }));
    }
    return hits.sort(function (a, b) { return a.tier - b.tier || b.score - a.score || a.doc - b.doc; });
  }

  var lastSearch = { value: null, found: null };
  function search(value) {   // the same query twice (while typing, then to show it) is worked out once
    if (lastSearch.value !== value) {
      var entry = lastSearch = { value: value, found: find(value) };
      entry.found.catch(function () { if (lastSearch === entry) { lastSearch = { value: null }; } });
    }
    return lastSearch.found;
  }
  function loadAll(numbers) {
    return Promise.all(numbers.filter(function (n, i) { return n >= 0 && numbers.indexOf(n) === i; }).map(loadShard));
  }
  /* The query's words, once the shards they need are loaded (typos in first letters aside). */
  function prepared(value) {
    return loadManifest().then(function () {
      var parts = parse(value);
      var needed = [];
      parts.forEach(function (part, i) {
        needed = needed.concat(shardsFor(part));
        var next = parts[i + 1];
        if (next && next.index === part.index + 1) { needed = needed.concat(shardsFor(closed(part, next))); }
      });
      parts.spans.forEach(function (span) {
        alternatives(span).forEach(function (other) {
          other.terms.forEach(function (t) { needed = needed.concat(shardsFor(bare(t))); });
        });
      });
      return loadAll(needed).then(function () { return parts; });
    });
  }
  function find(value) {
    return prepared(value).then(function (parts) {
      if (!parts.length) { return null; }
      return Promise.resolve().then(function () {
        /* A word that nothing matched yet may have a typo in its first letters. */
        var more = [];
        parts.forEach(function (part) {
          if (typoable(part) && !Object.keys(candidates(part, true)).length) { more = more.concat(typoShards(part)); }
        });
        return loadAll(more);
      }).then(function () {
        var list = slots(parts);
        var matched = set([].concat.apply([], list.map(function (slot) { return slot.terms; })));
        return { parts: parts, slots: list, terms: matched, hits: rank(list), spans: parts.spans };
      });
    });
  }

  /* Phrases: among the results shown first, those whose title (or snippet) has the query's
     words side by side move up, within the same tier. */
  function phrased(state, docs) {
    var pairs = [];
    for (var i = 0; i + 1 < state.slots.length; i++) { pairs.push([state.slots[i], state.slots[i + 1]]); }
    if (!pairs.length) { return; }
    function adjacent(text) {
      var seq = terms(text), count = 0;
      pairs.forEach(function (pair) {
        var a = set(pair[0].terms), b = set(pair[1].terms);
        for (var k = 0; k + 1 < seq.length; k++) { if (a[seq[k]] && b[seq[k + 1]]) { count++; return; } }
      });
      return count / pairs.length;
    }
    var order = state.hits.slice(0, docs.length).map(function (hit, i) {
      var doc = docs[i];
      return { hit: hit, doc: doc, score: hit.score * (1 + adjacent(doc[1]) + 0.25 * adjacent(doc[3])) };
    });
    order.sort(function (a, b) { return a.hit.tier - b.hit.tier || b.score - a.score || a.hit.doc - b.hit.doc; });
    order.forEach(function (item, i) { state.hits[i] = item.hit; docs[i] = item.doc; });
  }

  /* -- Rendering, in Material's result markup ------------------------------------------------- */

  function escape(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
    });
  }
  /* The text with the words that matched marked (a hyphenated word whole if it matched
     closed up); the words marked are added to seen. */
  function marked(text, matched, seen) {
    var out = "", last = 0, match;
    var runs = new RegExp(W.RUN.source, "gu");
    function hit(piece) {
      var word = fold(piece);
      return kept(word) && !!matched[term(word)];
    }
    function mark(at, piece) {
      out += escape(text.slice(last, at)) + "<mark>" + escape(piece) + "</mark>";
      last = at + piece.length;
      seen[piece.toLowerCase()] = true;
    }
    while ((match = runs.exec(text)) !== null) {
      var run = match[0], pieces = run.split(/([-\u2010\u2011])/);
      if (pieces.length > 1 && matched[term(fold(pieces.filter(function (p, i) { return i % 2 === 0; }).join("")))]) {
        mark(match.index, run);
        continue;
      }
      var at = match.index;
      pieces.forEach(function (piece, i) {
        if (i % 2 === 0 && hit(piece)) { mark(at, piece); }
        at += piece.length;
      });
    }
    return out + escape(text.slice(last));
  }
  function item(doc, hit, state) {
    var url = new URL(doc[0], root);
    if (url.origin !== root.origin) { return null; }   // the index only holds the site's own pages
    var seen = Object.create(null);
    var title = marked(doc[1], state.terms, seen), snippet = doc[3] ? marked(doc[3], state.terms, seen) : "";
    if (highlight) {   // Material marks these on the page opened (as substrings)
      var words = state.parts.map(function (part) { return part.word; }).concat(Object.keys(seen));
      url.searchParams.set("h", words.filter(function (w, i) { return words.indexOf(w) === i; }).join(" "));
    }
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    li.innerHTML = '<a href="' + escape(url.href) + '" class="md-search-result__link" tabindex="-1">'
      + '<article class="md-search-result__article md-typeset" data-md-score="' + hit.score.toFixed(2) + '">'
      + '<div class="md-search-result__icon md-icon"></div>'
      + "<h1>" + title + "</h1>"
      + '<div class="md-tags">' + [doc[2]].concat(hit.tier ? [closeLabel] : [], hit.via || [])
        .filter(function (tag, i, all) { return tag && all.indexOf(tag) === i; })
        .map(function (tag) { return '<span class="md-tag">' + escape(tag) + "</span>"; }).join("") + "</div>"
      + (snippet ? "<p>" + snippet + "</p>" : "")
      + "</article></a>";
    return li;
  }
  var closeLabel = translations["search.result.close"] || "Close match";
  function count(hits) {
    var exact = hits.filter(function (hit) { return hit.tier === 0; }).length;
    return rules.countText(exact, hits.length - exact);
  }

  /* Material's meta line and list are replaced by this script's own (see the top). */
  var meta = document.createElement("div");
  meta.className = "md-search-result__meta";
  meta.setAttribute("role", "status");
  var list = document.createElement("ol");
  list.className = "md-search-result__list";
  var placeholder = translations["search.result.placeholder"] || "Type to start searching";
  meta.textContent = placeholder;
  var oldMeta = result.querySelector(".md-search-result__meta");
  var oldList = result.querySelector(".md-search-result__list");
  if (oldMeta) { result.replaceChild(meta, oldMeta); } else { result.appendChild(meta); }
  if (oldList) { result.replaceChild(list, oldList); } else { result.appendChild(list); }
  /* A query with a glossary name links the name's entry on the Glossary page. */
  var note = document.createElement("p");
  note.className = "gt-search-glossary";
  note.hidden = true;
  result.insertBefore(note, list);
  function glossaryNote(spans) {
    var page = manifest && manifest.glossary_page;
    var seen = Object.create(null);
    var links = page ? (spans || []).filter(function (span) {
      return !seen[span.anchor] && (seen[span.anchor] = true);
    }).map(function (span) {
      return '<a href="' + escape(new URL(page + "#" + span.anchor, root).href) + '">' + escape(span.term) + "</a>";
    }) : [];
    note.innerHTML = links.length ? "In the glossary: " + links.join(", ") : "";
    note.hidden = !links.length;
  }
  var toggle = document.querySelector("[data-md-toggle=search]");
  function shown() { list.hidden = !!toggle && !toggle.checked; }
  if (toggle) { toggle.addEventListener("change", shown); }
  shown();

  var current = null;   // {parts, slots, terms, hits, rendered}
  var more = "IntersectionObserver" in window ? new IntersectionObserver(function (seen) {
    if (seen.some(function (e) { return e.isIntersecting; })) {
      renderMore(current).catch(function () { /* the next scroll tries again */ });
    }
  }, { root: result.closest(".md-search__scrollwrap") }) : null;

  function documentsOf(hits) {
    return Promise.all(hits.map(function (hit) {
      return loadChunk(Math.floor(hit.doc / manifest.chunk)).then(function (chunk) { return chunk[hit.doc % manifest.chunk]; });
    }));
  }
  /* The next page of results (the first reordered for phrases once its documents are here). */
  function renderMore(state) {
    if (!state || state.rendered >= state.hits.length || state.loading) { return Promise.resolve(); }
    var start = state.rendered;
    state.loading = true;
    list.setAttribute("aria-busy", "true");
    return documentsOf(state.hits.slice(start, start + PAGE)).then(function (docs) {
      state.loading = false;
      if (state !== current) { return; }
      if (start === 0) { phrased(state, docs); }
      var fragment = document.createDocumentFragment();
      docs.forEach(function (doc, i) {
        var li = item(doc, state.hits[start + i], state);
        if (li) { fragment.appendChild(li); }
      });
      list.appendChild(fragment);
      list.removeAttribute("aria-busy");
      state.rendered += docs.length;
      if (more) {
        more.disconnect();
        if (state.rendered < state.hits.length) { more.observe(list.lastElementChild); }
      }
    }, function (error) {
      state.loading = false;
      if (state === current) { list.removeAttribute("aria-busy"); }
      throw error;
    });
  }

  /* The query whose results are on screen is kept in data-gt-query; the list is aria-busy
     while its results are still arriving. */
  var latest = 0, timer = null;
  function showing(value, state, text) {
    current = state;
    if (more) { more.disconnect(); }
    list.innerHTML = "";
    list.removeAttribute("aria-busy");
    meta.textContent = text;
    glossaryNote(state && state.spans);
    result.setAttribute("data-gt-query", value);
  }
  /* On a phone Material locks the page's scroll 400 ms after the search opens (the body's
     data-md-scrolllock), which lays the results out again a little narrower: results shown
     before that would move (Lighthouse counted a layout shift of 0.24 to 0.39 on a page
     opened at ?q=). So on a phone the first results wait for the lock, at most 500 ms. */
  var PHONE = window.matchMedia("(max-width: 59.984375em)");
  function locked() {
    if (!PHONE.matches || !toggle || !toggle.checked || document.body.hasAttribute("data-md-scrolllock")) {
      return Promise.resolve();
    }
    return new Promise(function (resolve) {
      var watch = new MutationObserver(function () {
        if (document.body.hasAttribute("data-md-scrolllock")) { watch.disconnect(); resolve(); }
      });
      watch.observe(document.body, { attributes: true, attributeFilter: ["data-md-scrolllock"] });
      setTimeout(function () { watch.disconnect(); resolve(); }, 500);
    });
  }
  function run() {
    clearTimeout(timer);
    var ticket = ++latest;
    var value = input.value;
    if (!value.trim()) { showing(value, null, placeholder); return; }
    search(value).then(function (found) {
      if (ticket !== latest) { return null; }
      if (!found) { showing(value, null, placeholder); return null; }
      var state = { parts: found.parts, slots: found.slots, terms: found.terms, hits: found.hits.slice(),
                    spans: found.spans, rendered: 0 };
      return documentsOf(state.hits.slice(0, PAGE)).then(locked).then(function () {   // the old results stay until these are here
        if (ticket !== latest) { return null; }
        showing(value, state, count(found.hits));
        return renderMore(state);
      });
    }).catch(function () {
      if (ticket === latest) { showing(value, null, "Search is not available just now."); }
    });
  }

  /* Fetch the shards a query needs while the reader is still typing (working out its results
     waits for a pause: DEBOUNCE). */
  function prefetch() {
    var value = input.value;
    if (!value.trim()) { return; }
    prepared(value).catch(function () { /* run() reports it */ });
  }

  input.addEventListener("focus", function () { loadManifest().catch(function () { /* later */ }); });
  input.addEventListener("input", function () {
    prefetch();
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE);
  });
  if (input.form) {
    input.form.addEventListener("reset", function () { setTimeout(run, 0); });
    /* Material's own search answers every keyup in the box. Its answers could only reach the
       elements replaced above, so it is not asked: a keyup in the box goes no further than the
       form (Material's "/", arrows, Enter and Escape listen for keydown, and still work). */
    input.form.addEventListener("keyup", function (event) {
      if (event.target === input) { event.stopPropagation(); }
    }, true);
  }
  if (input.value) { run(); }   // Material fills the box from ?q= when a search is shared

  /* The words' rules as this page's search uses them, once the manifest is here (the tests). */
  window.goldenthreadSearch = { words: function () { return loadManifest().then(function () { return W; }); } };
})();
