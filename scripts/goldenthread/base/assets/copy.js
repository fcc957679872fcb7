/* Golden Thread: the copy buttons of "Cite this" (generate/cite_this.py). Each button names
   the element whose text it copies (data-copy); the buttons stay hidden until this script
   runs, so a reader without it sees the text to select, and no button that does nothing. */
(function () {
  "use strict";
  function copied(button, words) {
    const status = button.parentNode.querySelector(".gt-copy-status");
    if (!status) { return; }
    status.textContent = words;
    setTimeout(function () { status.textContent = ""; }, 4000);
  }
  function fallback(text) {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    let done = false;
    try { done = document.execCommand("copy"); } catch (error) { done = false; }
    area.remove();
    return done;
  }
  function copy(button) {
    const source = document.getElementById(button.getAttribute("data-copy"));
    if (!source) { return; }
    const text = source.textContent.replace(/\s+$/, "") + "\n";
    const failed = "Your browser would not copy: select the text and copy it.";
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { copied(button, "Copied."); },
        function () { copied(button, fallback(text) ? "Copied." : failed); });
    } else {
      copied(button, fallback(text) ? "Copied." : failed);
    }
  }
  function setup() {
    document.querySelectorAll("button.gt-copy[data-copy]").forEach(function (button) {
      if (button.hasAttribute("data-ready")) { return; }
      button.setAttribute("data-ready", "");
      button.hidden = false;
      button.addEventListener("click", function () { copy(button); });
    });
  }
  // Material's instant navigation swaps pages without reloading: document$ says when.
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(setup); }
  else if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", setup); }
  else { setup(); }
}());
