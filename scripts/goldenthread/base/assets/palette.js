/* Golden Thread: the light/dark toggle in the header, in place of Material's palette
   component (base/_theme/partials/palette.html says why). The scheme a page starts with is
   set before it is first drawn (base/_theme/partials/javascripts/palette.html); this file
   only answers the reader:
   - the toggle (click, tap, or Enter on it) switches the scheme and keeps the choice in the
     browser, in Material's own "__palette" entry, so every page starts with it;
   - until the reader chooses, the page follows the device's light or dark setting, even
     when that changes while the page is open;
   - the browser's colour for its own bar (theme-color) is the header's, as Material sets it,
     worked out once the page is idle rather than while it starts. */
(function () {
  "use strict";
  var form = document.querySelector("[data-gt-palette]");
  if (!form) return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));
  var body = document.body;
  var scheme = document.querySelector('meta[name="color-scheme"]');
  var theme = document.createElement("meta");
  theme.name = "theme-color";
  document.head.appendChild(theme);

  function current() {
    var stored = __md_get("__palette");
    if (stored && inputs[stored.index]) return stored.index;
    for (var i = 0; i < inputs.length; i++)
      if (matchMedia(inputs[i].getAttribute("data-md-color-media")).matches) return i;
    return 0;
  }

  function colours(input) {
    if (input.getAttribute("data-md-color-media") !== "(prefers-color-scheme)") return input;
    var light = matchMedia("(prefers-color-scheme: light)").matches ? "light" : "dark";
    return form.querySelector("input[data-md-color-media='(prefers-color-scheme: " + light + ")']") || input;
  }

  function paintTheme() {
    var header = document.querySelector("[data-md-component=header]");
    if (!header) return;
    var style = getComputedStyle(header);
    if (scheme && scheme.content !== style.colorScheme) scheme.content = style.colorScheme;
    theme.content = "#" + style.backgroundColor.match(/\d+/g).slice(0, 3)
      .map(function (value) { return (+value).toString(16).padStart(2, "0"); }).join("");
  }

  function apply(index, keep) {
    var chosen = inputs[index], from = colours(chosen);
    /* As Material does: no colour transitions while the scheme switches. */
    body.setAttribute("data-md-color-switching", "");
    body.setAttribute("data-md-color-media", chosen.getAttribute("data-md-color-media"));
    ["scheme", "primary", "accent"].forEach(function (key) {
      body.setAttribute("data-md-color-" + key, from.getAttribute("data-md-color-" + key));
    });
    inputs.forEach(function (input, i) {
      if (input.nextElementSibling instanceof HTMLElement) input.nextElementSibling.hidden = i !== index;
    });
    if (keep) __md_set("__palette", { index: index, color: {
      media: chosen.getAttribute("data-md-color-media"), scheme: from.getAttribute("data-md-color-scheme"),
      primary: from.getAttribute("data-md-color-primary"), accent: from.getAttribute("data-md-color-accent") } });
    paintTheme();
    setTimeout(function () { body.removeAttribute("data-md-color-switching"); });
  }

  inputs.forEach(function (input, index) {
    input.addEventListener("change", function () { apply(index, true); });
  });
  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    var next = inputs[(current() + 1) % inputs.length];
    next.click();
    next.focus();
  });
  matchMedia("(prefers-color-scheme: light)").addEventListener("change", function () {
    if (!__md_get("__palette")) apply(current(), false);
  });
  (window.requestIdleCallback || function (run) { setTimeout(run, 200); })(paintTheme);
})();
