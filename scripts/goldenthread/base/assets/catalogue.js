/* Golden Thread catalogue filters.

   Without this script the catalogue is complete: static pages of titles, A to Z by
   title, with page links. With it, the first page's "Filter and sort" opens on a form (and
   says how many filters are set); when a reader
   first uses the form (or opens a URL that carries filters), the script fetches
   catalogue.json (every title, compact: scripts/goldenthread/generate/catalogue.py
   describes it), filters and sorts it in memory and renders one page of results at a
   time. Every choice, and the page of results, is kept in the URL. Each update is
   measured as the User Timing entry "gt-catalogue". */
/* Pure rules over catalogue.json, whose tables (fold, suffixes) the build writes from Python;
   tests/js/ runs them under Node on tables the Python tests read too. */
var goldenthreadCatalogueRules = (function () {
  "use strict";
  var folds = null, letters = null;  // the table last used, and its letters as one expression

  /* search_words.fold: lower case, marks removed, the table's letters in ASCII. */
  function fold(text, table) {
    if (table !== folds) {
      var keys = Object.keys(table || {}).map(function (c) { return c.replace(/[\\^\]\-]/g, "\\$&"); });
      folds = table;
      letters = keys.length ? new RegExp("[" + keys.join("") + "]", "g") : null;
    }
    var folded = text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
    return letters ? folded.replace(letters, function (c) { return table[c]; }) : folded;
  }

  function number(n) { return String(n).replace(/\B(?=(\d{3})+$)/g, ","); }  // 10,000

  /* catalogue.last_word: the last word that is not a suffix. */
  function surname(name, suffixes) {
    var words = name.split(/\s+/).filter(Boolean).map(function (w) { return w.replace(/,+$/, ""); });
    while (words.length > 1 && (suffixes || []).indexOf(words[words.length - 1].toLowerCase()) >= 0) { words.pop(); }
    return words.length ? words[words.length - 1] : "";
  }
  /* catalogue.byline: APA 7's citation ("Black et al., 2003"); `short` names the others. */
  function byline(data, n) {
    function shortName(name) { return (data.short && data.short[name]) || surname(name, data.suffixes); }
    var authors = data.authors[n];
    var names = authors.length > 2 ? shortName(authors[0]) + " et al." : authors.map(shortName).join(" & ");
    return names + ", " + data.year[n] + (data.report[n] ? " (report)" : "");
  }

  /* catalogue.slug: a title's id where catalogue.json leaves it out. */
  function slug(text) { return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, ""); }
  function ident(data, n) { return data.id[n] || slug(data.title[n]); }
  /* Title.full_title */
  function fullTitle(data, n) {
    var title = data.title[n], subtitle = data.subtitle[n];
    return subtitle ? title + (/[?!]$/.test(title) ? " " : ": ") + subtitle : title;
  }

  /* catalogue.count_text */
  function countText(shown, total, current, pages) {
    var titles = number(total) + (total === 1 ? " title" : " titles");
    return (shown === total ? titles : number(shown) + " of " + titles) +
      (pages > 1 ? ", page " + current + " of " + pages : "");
  }

  /* catalogue.shown_pages: the page links, null for a gap. */
  function shownPages(current, pages) {
    var wanted = [1, pages];
    for (var n = Math.max(1, current - 1); n <= Math.min(pages, current + 1); n++) { wanted.push(n); }
    wanted = wanted.filter(function (n, i) { return wanted.indexOf(n) === i; }).sort(function (a, b) { return a - b; });
    var shown = [];
    wanted.forEach(function (n) {
      var last = shown.length ? shown[shown.length - 1] : null;
      if (last !== null && n - last === 2) { shown.push(n - 1); } else if (last !== null && n - last > 2) { shown.push(null); }
      shown.push(n);
    });
    return shown;
  }

  return { fold: fold, surname: surname, byline: byline, slug: slug, ident: ident, fullTitle: fullTitle,
           countText: countText, shownPages: shownPages };
}());
if (typeof module === "object" && module.exports) { module.exports = goldenthreadCatalogueRules; }

(function () {
  "use strict";
  var rules = goldenthreadCatalogueRules;
  if (typeof document !== "object") { return; }  // under Node, for the rules above
  var list = document.getElementById("gt-catalogue");
  var form = document.getElementById("gt-filters");
  if (!list || !form || !form.getAttribute("data-src") || !window.fetch || !window.Promise ||
      !window.URLSearchParams) { return; }
  var count = document.getElementById("gt-count");
  var none = document.getElementById("gt-none");
  var pager = document.getElementById("gt-pager");
  var setCount = document.getElementById("gt-filter-set");
  var off = document.getElementById("gt-filter-off");
  var panel = document.getElementById("gt-filter-panel");
  // The filters are the form's own (catalogue.py makes them from the vocabularies and the
  // framework's dimensions); every one but the year is matched by its facet codes.
  var FIELDS = Array.prototype.map.call(form.querySelectorAll("select"), function (s) { return s.name; })
    .filter(function (name) { return name !== "sort"; });
  var DEBOUNCE = 120;  // ms after the last keystroke in the text filter

  var data = null;      // the parsed catalogue.json: a list per field, item n for the n-th title
  var loading = null;   // its promise
  var failed = false;
  var codes = {};       // "field=id" -> facet code
  var texts = null;     // folded title and authors of each title, made on the first text filter
  var orders = {};      // sort -> every title's index, in that order
  var page = 1;         // the page of results shown
  var shownKey = null;  // the state last rendered
  var timer = null;

  function fold(text) { return rules.fold(text, data.fold); }
  function ident(n) { return rules.ident(data, n); }
  function fullTitle(n) { return rules.fullTitle(data, n); }
  function byline(n) { return rules.byline(data, n); }
  var countText = rules.countText, shownPages = rules.shownPages;

  function state() {
    var s = { q: form.elements.q.value.trim(), sort: form.elements.sort.value };
    FIELDS.forEach(function (name) { s[name] = form.elements[name].value; });
    return s;
  }

  function query(s, pageNumber) {
    var params = new URLSearchParams();
    if (s.q) { params.set("q", s.q); }
    FIELDS.concat(["sort"]).forEach(function (name) { if (s[name]) { params.set(name, s[name]); } });
    if (pageNumber > 1) { params.set("page", String(pageNumber)); }
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function restore() {
    var params = new URLSearchParams(location.search);
    form.elements.q.value = params.get("q") || "";
    FIELDS.concat(["sort"]).forEach(function (name) {
      var select = form.elements[name], value = params.get(name) || "";
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
      select.value = known ? value : "";
    });
    var wanted = parseInt(params.get("page") || "1", 10);
    page = wanted > 0 ? wanted : 1;
  }

  /* Every title's index in the order of a sort; the catalogue's own order is A to Z by title. */
  function order(sort) {
    if (orders[sort]) { return orders[sort]; }
    var rank = data.rank, year = data.year, added = data.added;
    var indexes = data.id.map(function (_, n) { return n; });
    var compare = {
      author: function (a, b) { return rank[a] - rank[b] || a - b; },
      year: function (a, b) { return year[b] - year[a] || a - b; },
      added: function (a, b) { return added[a] < added[b] ? 1 : added[a] > added[b] ? -1 : a - b; }
    }[sort];
    orders[sort] = compare ? indexes.sort(compare) : indexes;
    return orders[sort];
  }

  function matcher(s) {
    var wanted = [];
    for (var i = 0; i < FIELDS.length; i++) {  // the fields with facet codes: all but year
      if (FIELDS[i] !== "year" && s[FIELDS[i]]) {
        var code = codes[FIELDS[i] + "=" + s[FIELDS[i]]];
        wanted.push(code === undefined ? -1 : code);
      }
    }
    var year = s.year ? Number(s.year) : 0;
    var words = s.q ? fold(s.q).split(/\s+/).filter(Boolean) : [];
    if (words.length && !texts) {
      texts = data.title.map(function (_, n) { return fold(fullTitle(n) + " " + data.authors[n].join(" ")); });
    }
    var years = data.year, codeLists = data.codes;
    return function (n) {
      if (year && years[n] !== year) { return false; }
      for (var i = 0; i < wanted.length; i++) {
        if (codeLists[n].indexOf(wanted[i]) < 0) { return false; }
      }
      for (var j = 0; j < words.length; j++) {
        if (texts[n].indexOf(words[j]) < 0) { return false; }
      }
      return true;
    };
  }

  function renderList(found, start, end) {
    var fragment = document.createDocumentFragment();
    for (var i = start; i < end; i++) {
      var n = found[i];
      var item = document.createElement("li");
      item.setAttribute("data-id", ident(n));
      var link = document.createElement("a");
      link.href = ident(n) + "/";
      link.textContent = fullTitle(n);
      var line = document.createElement("span");
      line.className = "gt-byline";
      line.textContent = byline(n);
      item.appendChild(link);
      item.appendChild(line);
      fragment.appendChild(item);
    }
    list.textContent = "";
    list.appendChild(fragment);
  }

  function renderPager(s, current, pages) {
    pager.textContent = "";
    if (pages < 2) { return; }
    var nav = document.createElement("nav");
    nav.className = "gt-pages";
    nav.setAttribute("aria-label", "Catalogue pages");
    var items = document.createElement("ul");
    function add(n, text, attributes, className) {
      var item = document.createElement("li");
      if (className) { item.className = className; }
      var link = document.createElement("a");
      link.href = query(s, n) || "./";
      link.setAttribute("data-page", String(n));
      link.textContent = text;
      Object.keys(attributes).forEach(function (name) { link.setAttribute(name, attributes[name]); });
      if (className) {
        var hidden = document.createElement("span");
        hidden.className = "gt-hidden";
        hidden.textContent = " page";
        link.appendChild(hidden);
      }
      item.appendChild(link);
      items.appendChild(item);
    }
    if (current > 1) { add(current - 1, "Previous", { rel: "prev" }, "gt-page-step"); }
    shownPages(current, pages).forEach(function (n) {
      if (n === null) {
        var gap = document.createElement("li");
        gap.className = "gt-page-gap";
        gap.setAttribute("aria-hidden", "true");
        gap.textContent = "…";
        items.appendChild(gap);
      } else {
        var attributes = { "aria-label": "Page " + n };
        if (n === current) { attributes["aria-current"] = "page"; }
        add(n, String(n), attributes, "");
      }
    });
    if (current < pages) { add(current + 1, "Next", { rel: "next" }, "gt-page-step"); }
    nav.appendChild(items);
    pager.appendChild(nav);
  }

  /* Show the titles the form and page choose. history: "replace", "push" or "" (leave the URL). */
  function apply(history) {
    if (!data) {
      if (!failed) { waitForData(); }
      return;
    }
    var started = performance.now();
    var s = state();
    var key = JSON.stringify([s, page]);
    if (key !== shownKey) {
      var all = order(s.sort), matches = matcher(s), found = [];
      for (var i = 0; i < all.length; i++) { if (matches(all[i])) { found.push(all[i]); } }
      var size = data.size, pages = Math.max(1, Math.ceil(found.length / size));
      if (page > pages) { page = pages; }
      renderList(found, (page - 1) * size, Math.min(found.length, page * size));
      renderPager(s, page, pages);
      count.textContent = countText(found.length, data.id.length, page, pages);
      showSet(s);
      none.hidden = found.length !== 0;
      list.removeAttribute("aria-busy");
      list.setAttribute("data-source", "json");
      shownKey = JSON.stringify([s, page]);
    }
    if (history) {
      var url = location.pathname + query(s, page) + location.hash;
      if (url !== location.pathname + location.search + location.hash) {
        window.history[history === "push" ? "pushState" : "replaceState"](null, "", url);
      }
    }
    try { performance.measure("gt-catalogue", { start: started }); } catch (e) { /* older browsers */ }
  }

  function load() {
    if (!loading) {
      loading = fetch(new URL(form.getAttribute("data-src"), location.href).href)
        .then(function (response) {
          if (!response.ok) { throw new Error(response.status); }
          return response.json();
        })
        .then(function (json) {
          json.facets.forEach(function (facet, n) { codes[facet[0] + "=" + facet[1]] = n; });
          data = json;
        }, function (error) {
          loading = null;  // the next use tries again
          throw error;
        });
    }
    return loading;
  }

  var waiting = false;
  function waitForData() {
    if (waiting) { return; }
    waiting = true;
    count.textContent = "Loading the catalogue…";
    list.setAttribute("aria-busy", "true");
    load().then(function () {
      apply("replace");
    }, function () {
      failed = true;
      list.removeAttribute("aria-busy");
      form.hidden = true;
      off.hidden = false;
      count.textContent = "The filters could not be loaded. The titles below are A to Z by title; " +
        "the page links go through them all.";
    });
  }

  /* "Filter and sort (2 set)": how many filters are set, on the control that shows them. */
  function showSet(s) {
    var set = FIELDS.filter(function (name) { return s[name]; }).length + (s.q ? 1 : 0);
    setCount.textContent = set ? " (" + set + (set === 1 ? " filter" : " filters") + " set)" : "";
  }

  function changed(history) {
    page = 1;
    apply(history);
  }

  form.hidden = false;
  off.hidden = true;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    changed("replace");
  });
  form.addEventListener("change", function () {
    clearTimeout(timer);
    changed("replace");
  });
  form.addEventListener("input", function (event) {
    if (event.target !== form.elements.q) { return; }  // a select's change follows
    clearTimeout(timer);
    timer = setTimeout(function () { changed("replace"); }, DEBOUNCE);
  });
  form.addEventListener("reset", function () {
    clearTimeout(timer);
    setTimeout(function () { changed("replace"); }, 0);
  });
  /* Fetch the titles as soon as the reader reaches for the form, not for every visit. */
  function prefetch() { load().catch(function () { /* shown when used */ }); }
  ["focusin", "pointerover", "touchstart"].forEach(function (name) {
    panel.addEventListener(name, prefetch, { passive: true });
  });
  panel.addEventListener("toggle", prefetch);
  pager.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-page]") : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    page = Number(link.getAttribute("data-page"));
    apply("push");
    count.focus();
  });
  window.addEventListener("popstate", function () {
    if (!data) { return; }  // only pages of results add history entries; a #fragment needs nothing
    restore();
    apply("");
  });

  restore();
  showSet(state());
  var params = new URLSearchParams(location.search);
  if (FIELDS.concat(["q", "sort", "page"]).some(function (name) { return params.has(name); })) {
    if (FIELDS.concat(["q", "sort"]).some(function (name) { return params.has(name); })) {
      panel.open = true;  // a shared view shows what is chosen
    }
    apply("replace");
  }
})();
