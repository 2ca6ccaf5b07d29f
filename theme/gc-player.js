// The step-through players of the collector (book/generated/players/*.html, written by bookgen).
// A player is a <figure class="gc-player"> holding one .gc-frame per step; without this script
// (and in print, and on print.html) every frame shows, as a filmstrip. This script shows one
// frame at a time and adds previous/next buttons, a slider and keys. The keys work only while
// the player has focus, and are kept from mdBook, which uses the arrow keys to change chapter.
// A query string ?gc-player=ID&gc-step=N opens that player at step N (for links and tests).
(function () {
  "use strict";

  function setUp(figure) {
    var frames = Array.prototype.slice.call(figure.querySelectorAll(".gc-frame"));
    if (frames.length === 0) return;
    var current = 0;

    var controls = document.createElement("div");
    controls.className = "gc-controls";
    var prev = button("◀ Previous", "Previous step");
    var next = button("Next ▶", "Next step");
    var slider = document.createElement("input");
    slider.type = "range";
    slider.min = "1";
    slider.max = String(frames.length);
    slider.step = "1";
    slider.className = "gc-slider";
    slider.setAttribute("aria-label", "Step");
    var status = document.createElement("span");
    status.className = "gc-status";
    status.setAttribute("aria-live", "polite");
    controls.appendChild(prev);
    controls.appendChild(slider);
    controls.appendChild(next);
    controls.appendChild(status);
    var help = document.createElement("p");
    help.className = "gc-help";
    help.textContent = "Click the player, then use ← and → (Home, End) to step.";
    var box = figure.querySelector(".gc-frames");
    figure.insertBefore(controls, box);
    figure.insertBefore(help, box);

    function button(text, label) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = text;
      b.setAttribute("aria-label", label);
      return b;
    }

    function show(n) {
      current = Math.max(0, Math.min(frames.length - 1, n));
      frames.forEach(function (frame, i) {
        var on = i === current;
        frame.classList.toggle("gc-current", on);
        frame.setAttribute("aria-hidden", on ? "false" : "true");
      });
      slider.value = String(current + 1);
      status.textContent = "Step " + (current + 1) + " of " + frames.length;
      prev.disabled = current === 0;
      next.disabled = current === frames.length - 1;
      figure.setAttribute("data-current-step", String(current + 1));
    }

    prev.addEventListener("click", function () { show(current - 1); });
    next.addEventListener("click", function () { show(current + 1); });
    slider.addEventListener("input", function () { show(Number(slider.value) - 1); });

    // The figure itself takes focus (a click on a picture gives it focus too).
    figure.tabIndex = 0;
    figure.addEventListener("mousedown", function (e) {
      if (e.target === figure || box.contains(e.target)) figure.focus();
    });
    figure.addEventListener("keydown", function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      var to = null;
      // Left and right only: up, down and the page keys still scroll.
      if (e.key === "ArrowRight") to = current + 1;
      else if (e.key === "ArrowLeft") to = current - 1;
      else if (e.key === "Home") to = 0;
      else if (e.key === "End") to = frames.length - 1;
      if (to === null) return;
      // Ours, not mdBook's (document-level) chapter navigation, nor the slider's own.
      e.preventDefault();
      e.stopPropagation();
      show(to);
    });

    figure.classList.add("gc-active");
    var start = 0;
    var query = new URLSearchParams(window.location.search);
    if (query.get("gc-player") === figure.id.replace(/^gc-player-/, "")) {
      start = (parseInt(query.get("gc-step"), 10) || 1) - 1;
    }
    show(start);
  }

  function init() {
    // print.html is the whole book for printing: keep its filmstrips.
    if (/(^|\/)print\.html$/.test(window.location.pathname)) return;
    var players = document.querySelectorAll("figure.gc-player");
    Array.prototype.forEach.call(players, setUp);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
