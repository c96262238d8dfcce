/* Compact header on small screens: the menu button shows and hides the navigation.
   Without JavaScript the button stays hidden and the navigation is always visible. */
(function () {
  "use strict";
  var button = document.querySelector("[data-menu-button]");
  var menu = document.querySelector("[data-menu]");
  if (!button || !menu) { return; }
  var narrow = window.matchMedia("(max-width: 47.99rem)");

  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    menu.hidden = narrow.matches && !open;
  }
  function layout() {
    button.hidden = !narrow.matches;
    setOpen(false);
  }
  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
    if (button.getAttribute("aria-expanded") === "true") {
      var first = menu.querySelector("a, button");
      if (first) { first.focus(); }
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  });
  if (narrow.addEventListener) { narrow.addEventListener("change", layout); }
  layout();
})();
