/* Golden Thread catalogue filters. The list is complete without this script; with it,
   readers can filter, sort and share the view: every choice is kept in the URL. */
(function () {
  "use strict";
  var list = document.getElementById("gt-catalogue");
  var form = document.getElementById("gt-filters");
  if (!list || !form) { return; }
  var count = document.getElementById("gt-count");
  var none = document.getElementById("gt-none");
  var items = Array.prototype.slice.call(list.children);
  var total = items.length;
  var fields = ["topic", "principle", "aim", "stage", "career", "format", "year"];
  var timer = null;

  function state() {
    var s = { q: form.elements.q.value.trim().toLowerCase(), sort: form.elements.sort.value };
    fields.forEach(function (name) { s[name] = form.elements[name].value; });
    return s;
  }

  function matches(item, s) {
    for (var i = 0; i < fields.length; i++) {
      var name = fields[i], want = s[name];
      if (want && (" " + item.getAttribute("data-" + name) + " ").indexOf(" " + want + " ") < 0) {
        return false;
      }
    }
    if (!s.q) { return true; }
    var text = item.getAttribute("data-text");
    return s.q.split(/\s+/).every(function (word) { return text.indexOf(word) >= 0; });
  }

  var compare = {
    "": function (a, b) { return a.getAttribute("data-title").localeCompare(b.getAttribute("data-title")); },
    author: function (a, b) {
      return a.getAttribute("data-author").localeCompare(b.getAttribute("data-author")) || compare[""](a, b);
    },
    year: function (a, b) {
      return Number(b.getAttribute("data-year")) - Number(a.getAttribute("data-year")) || compare[""](a, b);
    },
    added: function (a, b) {
      return b.getAttribute("data-added").localeCompare(a.getAttribute("data-added")) || compare[""](a, b);
    }
  };

  function apply(updateUrl) {
    var s = state();
    var shown = 0;
    var sorted = items.slice().sort(compare[s.sort] || compare[""]);
    var fragment = document.createDocumentFragment();
    sorted.forEach(function (item) {
      var visible = matches(item, s);
      item.hidden = !visible;
      if (visible) { shown++; }
      fragment.appendChild(item);
    });
    list.appendChild(fragment);
    count.textContent = shown === total ? total + " titles" : shown + " of " + total + " titles";
    none.hidden = shown !== 0;
    if (updateUrl) {
      var params = new URLSearchParams();
      if (s.q) { params.set("q", form.elements.q.value.trim()); }
      fields.concat(["sort"]).forEach(function (name) { if (s[name]) { params.set(name, s[name]); } });
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }
  }

  function restore() {
    var params = new URLSearchParams(location.search);
    form.elements.q.value = params.get("q") || "";
    fields.concat(["sort"]).forEach(function (name) {
      var select = form.elements[name], value = params.get(name) || "";
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
      select.value = known ? value : "";
    });
  }

  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { apply(true); }, 120);
  });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  restore();
  apply(false);
})();
