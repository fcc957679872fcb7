/* Golden Thread: My list.

   Each title's and entry's page has an "Add to my list" button whose data-gt-item holds
   what the list needs of it (its address, title and byline, and the work as BibTeX, RIS
   and CSL-JSON: scripts/goldenthread/generate/my_list.py). The list is kept in this
   browser's localStorage. The My list page (my-list/) shows it, removes from it, shares it
   as a link (my-list/#library/make-it-stick/,research/2025/...: the recipient's browser
   fetches those pages for their data), prints, and exports it in each of the three formats. */
(function () {
  "use strict";
  var KEY = "goldenthread-my-list";
  var script = document.currentScript;
  var root = script ? new URL("..", script.src) : new URL("/", location.href);  // the site's root

  function read() {
    try {
      var items = JSON.parse(localStorage.getItem(KEY) || "[]");
      return Array.isArray(items) ? items : [];
    } catch (error) {
      return [];
    }
  }
  function write(items) {
    try { localStorage.setItem(KEY, JSON.stringify(items)); } catch (error) { /* private mode */ }
  }
  function has(items, url) { return items.some(function (i) { return i.url === url; }); }
  function add(item) { var items = read(); if (!has(items, item.url)) { items.push(item); write(items); } }
  function remove(url) { write(read().filter(function (i) { return i.url !== url; })); }

  /* The button on a title's or an entry's page. */
  Array.prototype.forEach.call(document.querySelectorAll(".gt-mylist-add"), function (button) {
    var item;
    try { item = JSON.parse(button.getAttribute("data-gt-item")); } catch (error) { return; }
    function show() {
      var kept = has(read(), item.url);
      button.setAttribute("aria-pressed", kept ? "true" : "false");
      button.textContent = kept ? "On my list (remove)" : "Add to my list";
    }
    button.addEventListener("click", function () {
      if (has(read(), item.url)) { remove(item.url); } else { add(item); }
      show();
    });
    show();
    button.classList.add("gt-ready");
  });

  var place = document.getElementById("gt-mylist");
  if (!place) { return; }

  function element(name, attributes, text) {
    var made = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) { made.setAttribute(key, attributes[key]); });
    if (text) { made.textContent = text; }
    return made;
  }

  function download(name, type, text) {
    var link = element("a", { href: URL.createObjectURL(new Blob([text], { type: type })), download: name });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
  }

  var EXPORTS = [
    ["BibTeX", "my-list.bib", "application/x-bibtex", function (items) {
      return items.map(function (i) { return i.bib; }).join("\n"); }],
    ["RIS", "my-list.ris", "application/x-research-info-systems", function (items) {
      return items.map(function (i) { return i.ris; }).join("\n"); }],
    ["CSL-JSON", "my-list.json", "application/json", function (items) {
      return JSON.stringify(items.map(function (i) { return i.csl; }), null, 1) + "\n"; }]
  ];

  function shareLink(items) {
    return new URL("my-list/#" + items.map(function (i) { return i.url; }).join(","), root).href;
  }

  function render(message) {
    var items = read();
    place.textContent = "";
    if (message) { place.appendChild(element("p", { "class": "gt-mylist-note", role: "status" }, message)); }
    if (!items.length) {
      place.appendChild(element("p", {}, "Your list is empty. Use Add to my list on a title's or an " +
                                         "entry's page to keep it here."));
      return;
    }
    place.appendChild(element("p", { "class": "gt-count" },
                              items.length + (items.length === 1 ? " item" : " items") + " on your list"));
    var list = element("ul", { "class": "gt-mylist-items" });
    items.forEach(function (item) {
      var row = element("li");
      row.appendChild(element("a", { href: new URL(item.url, root).href }, item.title));
      row.appendChild(element("span", { "class": "gt-byline" }, item.byline));
      var drop = element("button", { type: "button", "class": "md-button gt-mylist-remove",
                                     "aria-label": "Remove " + item.title }, "Remove");
      drop.addEventListener("click", function () { remove(item.url); render("Removed " + item.title + "."); });
      row.appendChild(drop);
      list.appendChild(row);
    });
    place.appendChild(list);
    var actions = element("div", { "class": "gt-mylist-actions" });
    EXPORTS.forEach(function (format) {
      var button = element("button", { type: "button", "class": "md-button" }, "Download as " + format[0]);
      button.addEventListener("click", function () { download(format[1], format[2], format[3](read())); });
      actions.appendChild(button);
    });
    var print = element("button", { type: "button", "class": "md-button" }, "Print");
    print.addEventListener("click", function () { window.print(); });
    actions.appendChild(print);
    place.appendChild(actions);
    var share = element("p", { "class": "gt-mylist-share" });
    share.appendChild(element("label", { "for": "gt-mylist-link" }, "A link to this list, to share: "));
    share.appendChild(element("input", { id: "gt-mylist-link", type: "text", readonly: "readonly",
                                         value: shareLink(items) }));
    place.appendChild(share);
  }

  /* A shared list: fetch each page it names for its data, then ask before adding what is
     new to the reader's own list (the link is someone else's; the list is the reader's). */
  function fromLink() {
    var wanted = decodeURIComponent(location.hash.slice(1)).split(",").filter(function (url) {
      return /^[a-z0-9\-\/]+\/$/.test(url);
    });
    if (!wanted.length) { return Promise.resolve(""); }
    return Promise.all(wanted.map(function (url) {
      return fetch(new URL(url, root).href).then(function (response) {
        return response.ok ? response.text() : "";
      }).then(function (html) {
        var button = new DOMParser().parseFromString(html, "text/html").querySelector(".gt-mylist-add");
        return button ? JSON.parse(button.getAttribute("data-gt-item")) : null;
      }).catch(function () { return null; });
    })).then(function (found) {
      var fresh = found.filter(function (item) { return item && !has(read(), item.url); });
      var missing = found.filter(function (item) { return !item; }).length;
      var lost = missing ? " " + missing + " could not be found." : "";
      history.replaceState(null, "", location.pathname);
      if (!fresh.length) { return "Everything on the shared list is already on yours." + lost; }
      return ask(fresh, lost);
    });
  }

  /* "Add these to your list?": the shared titles, and two buttons. */
  function ask(fresh, lost) {
    return new Promise(function (resolve) {
      place.textContent = "";
      var box = element("section", { "class": "gt-mylist-shared", "aria-labelledby": "gt-mylist-shared-heading",
                                     tabindex: "-1" });
      box.appendChild(element("h2", { id: "gt-mylist-shared-heading" }, "A list someone shared with you"));
      box.appendChild(element("p", {}, (fresh.length === 1 ? "It has 1 item" : "It has " + fresh.length + " items") +
        " not on your list. Add " + (fresh.length === 1 ? "it" : "them") + " to your list?" + lost));
      var items = element("ul", { "class": "gt-mylist-items" });
      fresh.forEach(function (item) {
        var row = element("li");
        row.appendChild(element("a", { href: new URL(item.url, root).href }, item.title));
        row.appendChild(element("span", { "class": "gt-byline" }, item.byline));
        items.appendChild(row);
      });
      box.appendChild(items);
      var yes = element("button", { type: "button", "class": "md-button md-button--primary" },
                        fresh.length === 1 ? "Add it to my list" : "Add them to my list");
      var no = element("button", { type: "button", "class": "md-button" }, "No, keep my list as it is");
      yes.addEventListener("click", function () {
        fresh.forEach(add);
        resolve(fresh.length + " added from the shared link.");
      });
      no.addEventListener("click", function () { resolve("Nothing was added from the shared link."); });
      var actions = element("div", { "class": "gt-mylist-actions" });
      actions.appendChild(yes);
      actions.appendChild(no);
      box.appendChild(actions);
      place.appendChild(box);
      box.focus();
    });
  }

  fromLink().then(render, function () { render(""); });
})();
