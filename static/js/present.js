/* Presentation mode: one slide at a time. Arrow keys, Page Up/Down and space move between steps,
   Home/End jump, Esc leaves (first full screen, then the presentation). */
(function () {
  "use strict";
  var main = document.querySelector("[data-present]");
  if (!main) { return; }
  var slides = Array.prototype.slice.call(main.querySelectorAll(".slide"));
  var prev = document.querySelector("[data-prev]");
  var next = document.querySelector("[data-next]");
  var status = document.querySelector("[data-status]");
  var fullscreen = document.querySelector("[data-fullscreen]");
  var lang = document.documentElement.lang;
  var word = lang === "en" ? ["Screen", "of"] : ["Scherm", "van"];
  var current = 0;
  var fromHash = slides.findIndex(function (s) { return "#" + s.id === location.hash; });
  if (fromHash > 0) { current = fromHash; }
  document.documentElement.classList.add("js-present");

  function show(index, focus) {
    current = Math.max(0, Math.min(slides.length - 1, index));
    slides.forEach(function (slide, i) { slide.hidden = i !== current; });
    prev.disabled = current === 0;
    next.disabled = current === slides.length - 1;
    status.textContent = word[0] + " " + (current + 1) + " " + word[1] + " " + slides.length;
    history.replaceState(null, "", "#" + slides[current].id);
    if (focus) {
      var title = slides[current].querySelector(".slide__title");
      if (title) { title.focus({ preventScroll: true }); }
      window.scrollTo(0, 0);
    }
  }
  function exit() { window.location.href = main.dataset.exitUrl; }

  prev.addEventListener("click", function () { show(current - 1, true); });
  next.addEventListener("click", function () { show(current + 1, true); });
  if (document.documentElement.requestFullscreen) {
    fullscreen.hidden = false;
    fullscreen.addEventListener("click", function () {
      if (document.fullscreenElement) { document.exitFullscreen(); } else { document.documentElement.requestFullscreen(); }
    });
  }
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select" || event.target.isContentEditable) { return; }
    switch (event.key) {
      case "ArrowRight": case "ArrowDown": case "PageDown": case " ":
        if (tag === "button" && event.key === " ") { return; }
        event.preventDefault(); show(current + 1, true); break;
      case "ArrowLeft": case "ArrowUp": case "PageUp":
        event.preventDefault(); show(current - 1, true); break;
      case "Home": event.preventDefault(); show(0, true); break;
      case "End": event.preventDefault(); show(slides.length - 1, true); break;
      case "Escape":
        // In full screen the browser itself leaves full screen on Esc; otherwise leave the presentation.
        if (!document.fullscreenElement) { event.preventDefault(); exit(); }
        break;
    }
  });
  show(current, false);
})();
