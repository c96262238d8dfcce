/* At-home module: show one step at a time with "Vorige stap" / "Volgende stap" buttons.
   Without JavaScript every step stays visible, each with its "stap n van N" indicator. */
(function () {
  "use strict";
  var root = document.querySelector("[data-steps]");
  if (!root) { return; }
  var steps = Array.prototype.slice.call(root.querySelectorAll("[data-step]"));
  if (steps.length < 2) { return; }
  // Labels come translated from the template, so every carer language gets its own words.
  var labels = { prev: root.getAttribute("data-label-prev") || "Vorige stap", next: root.getAttribute("data-label-next") || "Volgende stap" };
  var current = 0;
  var fromHash = steps.findIndex(function (s) { return "#" + s.id === location.hash; });
  if (fromHash > 0) { current = fromHash; }

  var nav = document.createElement("div");
  nav.className = "step-nav";
  var prev = document.createElement("button");
  prev.type = "button"; prev.className = "button button--secondary step-nav__prev"; prev.textContent = labels.prev;
  var next = document.createElement("button");
  next.type = "button"; next.className = "button step-nav__next"; next.textContent = labels.next;
  nav.appendChild(prev); nav.appendChild(next);
  root.after(nav);
  root.classList.add("js-steps");

  function show(index, focus) {
    current = Math.max(0, Math.min(steps.length - 1, index));
    steps.forEach(function (step, i) { step.hidden = i !== current; });
    prev.hidden = current === 0;
    next.hidden = current === steps.length - 1;
    if (focus) {
      var heading = steps[current].querySelector("h2");
      if (heading) { heading.focus(); }
      history.replaceState(null, "", "#" + steps[current].id);
    }
  }
  prev.addEventListener("click", function () { show(current - 1, true); });
  next.addEventListener("click", function () { show(current + 1, true); });
  show(current, false);
})();
