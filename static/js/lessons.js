/* Class lesson page: the print button (shown only when JavaScript runs; Ctrl+P works anyway). */
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
