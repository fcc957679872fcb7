/* Golden Thread site search, in Material's header search box.

   The index is static files under search-index/ written by goldenthread's generation
   step (scripts/goldenthread/generate/search_index.py describes the format). A search
   fetches only the manifest, the shard(s) holding its words and the chunks holding the
   results it shows; everything fetched is kept for the next search.

   Material still provides the box, "/" to focus it, the arrow keys, Enter and Escape.
   Its own search is not asked on each keystroke (see the keyup listener at the end), and
   the result list and meta line it writes to are replaced by this script's own, so
   nothing of Material's search is ever shown. */
(function () {
  "use strict";
  var box = document.querySelector(".md-search");
  var input = box && box.querySelector(".md-search__input");
  var result = box && box.querySelector(".md-search-result");
  if (!input || !result || !window.fetch || !window.Promise) { return; }

  var DEBOUNCE = 25;      // ms after the last keystroke before searching
  var PAGE = 10;          // results rendered at a time
  var MAX_SHARDS = 4;     // shards fetched for one prefix: a prefix spread over more waits for more letters
  var FOLDS = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "ı": "i" };

  var config = {};
  try { config = JSON.parse(document.getElementById("__config").textContent); } catch (e) { config = {}; }
  var script = document.currentScript;
  var root = config.base !== undefined
    ? new URL(String(config.base).replace(/\/?$/, "/"), location.href)
    : new URL("../", script ? script.src : location.href);
  var indexRoot = new URL("search-index/", root);
  var translations = config.translations || {};
  var highlight = (config.features || []).indexOf("search.highlight") >= 0;

  /* The tokeniser: the same steps as search_index.py's fold() and tokens(). */
  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "")
      .replace(/[ßæœøđðþłı]/g, function (c) { return FOLDS[c]; });
  }
  var WORD = /[\p{L}\p{N}]+/gu;
  function words(text) { return fold(text).match(WORD) || []; }
  function keep(word, stop) {
    return !stop[word] && (word.length > 1 || /^\p{N}$/u.test(word));
  }
  function tokens(text, stopWords) {
    var stop = Object.create(null);
    (stopWords || []).forEach(function (w) { stop[w] = true; });
    return words(text).filter(function (w) { return keep(w, stop); });
  }

  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  /* Fetching, each file once. */
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
        manifest.stopSet = Object.create(null);
        m.stop.forEach(function (w) { manifest.stopSet[w] = true; });
        manifest.scores = [];
        for (var mask = 0; mask < 16; mask++) {
          var score = 0;
          for (var bit = 0; bit < 4; bit++) { if (mask & (1 << bit)) { score += m.weights[bit]; } }
          manifest.scores.push(score);
        }
      }
      return manifest;
    });
  }
  function loadShard(n) {
    return load("t/" + n + ".json?v=" + manifest.version).then(function (shard) {
      if (!shard.__terms) {
        Object.defineProperty(shard, "__terms", { value: Object.keys(shard).sort() });
        Object.defineProperty(shard, "__decoded", { value: Object.create(null) });
      }
      return shard;
    });
  }
  function loadChunk(n) { return load("d/" + n + ".json?v=" + manifest.version); }

  /* Where a term, or the terms beginning with a prefix, are. */
  function shardOf(term) {
    for (var length = term.length; length > 0; length--) {
      var n = manifest.keys[term.slice(0, length)];
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

  /* The query: every word must match; the last, while being typed, as a prefix. */
  function parse(value) {
    var all = words(value);
    var typing = all.length > 0 && /[\p{L}\p{N}]$/u.test(fold(value));
    var parts = [];
    all.forEach(function (word, i) {
      var last = i === all.length - 1;
      if (last && typing && word.length > 1) {
        parts.push({ word: word, prefix: true });
      } else if (keep(word, manifest.stopSet)) {
        parts.push({ word: word, prefix: false });
      }
    });
    parts.forEach(function (part) {
      part.shards = (part.prefix ? shardsOf(part.word) : [shardOf(part.word)])
        .filter(function (n) { return n >= 0; });
    });
    /* A last word still too short to narrow the search is left out until it does. */
    return parts.filter(function (part) { return !part.prefix || part.shards.length <= MAX_SHARDS; });
  }

  function postings(shard, term) {
    var decoded = shard.__decoded[term];
    if (!decoded) {
      decoded = [];
      var doc = 0;
      (has(shard, term) ? shard[term] : []).forEach(function (value) {
        doc += Math.floor(value / 16);
        decoded.push(doc, value % 16);
      });
      shard.__decoded[term] = decoded;
    }
    return decoded;
  }

  function termsOf(part, shard) {
    if (!part.prefix) { return has(shard, part.word) ? [part.word] : []; }
    var terms = shard.__terms, found = [];
    var low = 0, high = terms.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (terms[middle] < part.word) { low = middle + 1; } else { high = middle; }
    }
    for (var i = low; i < terms.length && terms[i].lastIndexOf(part.word, 0) === 0; i++) {
      found.push(terms[i]);
    }
    return found;
  }

  function scores(part, shards) {
    var found = {};
    shards.forEach(function (shard) {
      termsOf(part, shard).forEach(function (term) {
        var list = postings(shard, term);
        var factor = term === part.word ? 10 : 9;   // a word in full scores more than its prefix
        for (var i = 0; i < list.length; i += 2) {
          var score = manifest.scores[list[i + 1]] * factor;
          if (!(found[list[i]] >= score)) { found[list[i]] = score; }
        }
      });
    });
    return found;
  }

  var lastSearch = { value: null, found: null };
  function search(value) {   // the same query twice (while typing, then to show it) is worked out once
    if (lastSearch.value !== value) {
      var entry = lastSearch = { value: value, found: find(value) };
      entry.found.catch(function () { if (lastSearch === entry) { lastSearch = { value: null }; } });
    }
    return lastSearch.found;
  }
  function find(value) {
    return loadManifest().then(function () {
      var parts = parse(value);
      if (!parts.length) { return null; }
      return Promise.all(parts.map(function (part) {
        return Promise.all(part.shards.map(loadShard));
      })).then(function (shardLists) {
        var maps = parts.map(function (part, i) { return scores(part, shardLists[i]); });
        maps.sort(function (a, b) { return Object.keys(a).length - Object.keys(b).length; });
        var hits = [];
        Object.keys(maps[0]).forEach(function (doc) {
          var total = 0;
          for (var i = 0; i < maps.length; i++) {
            if (maps[i][doc] === undefined) { return; }
            total += maps[i][doc];
          }
          hits.push({ doc: Number(doc), score: total });
        });
        hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
        return { parts: parts, hits: hits };
      });
    });
  }

  /* Rendering, in Material's result markup. */
  function escape(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
    });
  }
  function marked(text, parts) {
    var out = "", last = 0, match;
    var pattern = /[\p{L}\p{N}]+/gu;
    while ((match = pattern.exec(text)) !== null) {
      var word = fold(match[0]);
      var hit = parts.some(function (part) {
        return part.prefix ? word.lastIndexOf(part.word, 0) === 0 : word === part.word;
      });
      if (hit) {
        out += escape(text.slice(last, match.index)) + "<mark>" + escape(match[0]) + "</mark>";
        last = match.index + match[0].length;
      }
    }
    return out + escape(text.slice(last));
  }
  function item(doc, hit, parts) {
    var url = new URL(doc[0], root);
    if (url.origin !== root.origin) { return null; }   // the index only holds the site's own pages
    if (highlight) {
      url.searchParams.set("h", parts.map(function (part) { return part.word; }).join(" "));
    }
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    li.innerHTML = '<a href="' + escape(url.href) + '" class="md-search-result__link" tabindex="-1">'
      + '<article class="md-search-result__article md-typeset" data-md-score="' + (hit.score / 10).toFixed(2) + '">'
      + '<div class="md-search-result__icon md-icon"></div>'
      + "<h1>" + marked(doc[1], parts) + "</h1>"
      + (doc[3] ? "<p>" + marked(doc[3], parts) + "</p>" : "")
      + "</article></a>";
    return li;
  }
  function count(n) {
    if (n === 0) { return translations["search.result.none"] || "No matching documents"; }
    if (n === 1) { return translations["search.result.one"] || "1 matching document"; }
    return (translations["search.result.other"] || "# matching documents").replace("#", n);
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
  var toggle = document.querySelector("[data-md-toggle=search]");
  function shown() { list.hidden = !!toggle && !toggle.checked; }
  if (toggle) { toggle.addEventListener("change", shown); }
  shown();

  var current = null;   // {parts, hits, rendered}
  var more = "IntersectionObserver" in window ? new IntersectionObserver(function (seen) {
    if (seen.some(function (e) { return e.isIntersecting; })) {
      renderMore(current).catch(function () { /* the next scroll tries again */ });
    }
  }, { root: result.closest(".md-search__scrollwrap") }) : null;

  /* The next page of results, each shown as soon as it and those above it have arrived. */
  function renderMore(state) {
    if (!state || state.rendered >= state.hits.length || state.loading) { return Promise.resolve(); }
    var hits = state.hits.slice(state.rendered, state.rendered + PAGE);
    var docs = [], next = 0;
    function flush() {
      if (state !== current) { return; }
      var fragment = document.createDocumentFragment();
      for (; next < hits.length && docs[next]; next++) {
        var li = item(docs[next], hits[next], state.parts);
        if (li) { fragment.appendChild(li); }
      }
      list.appendChild(fragment);
    }
    state.loading = true;
    list.setAttribute("aria-busy", "true");
    return Promise.all(hits.map(function (hit, i) {
      return loadChunk(Math.floor(hit.doc / manifest.chunk)).then(function (chunk) {
        docs[i] = chunk[hit.doc % manifest.chunk];
        flush();
      });
    })).then(function () {
      state.loading = false;
      if (state !== current) { return; }
      list.removeAttribute("aria-busy");
      state.rendered += hits.length;
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
    result.setAttribute("data-gt-query", value);
  }
  function run() {
    clearTimeout(timer);
    var ticket = ++latest;
    var value = input.value;
    if (!value.trim()) { showing(value, null, placeholder); return; }
    search(value).then(function (found) {
      if (ticket !== latest) { return null; }
      if (!found) { showing(value, null, placeholder); return null; }
      var state = { parts: found.parts, hits: found.hits, rendered: 0 };
      var best = found.hits.length ? loadChunk(Math.floor(found.hits[0].doc / manifest.chunk)) : null;
      return Promise.resolve(best).then(function () {   // the old results stay until the best is here
        if (ticket !== latest) { return null; }
        showing(value, state, count(found.hits.length));
        return renderMore(state);
      });
    }).catch(function () {
      if (ticket === latest) { showing(value, null, "Search is not available just now."); }
    });
  }

  /* Fetch what a query needs while the reader is still typing: its shards, then the chunk
     holding its best result (the old results stay on screen until that is here). */
  function prefetch() {
    var value = input.value;
    if (!value.trim()) { return; }
    search(value).then(function (found) {
      if (found && found.hits.length && input.value === value) {
        return loadChunk(Math.floor(found.hits[0].doc / manifest.chunk));
      }
      return null;
    }).catch(function () { /* run() reports it */ });
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

  window.goldenthreadSearch = { fold: fold, tokens: tokens };
})();
