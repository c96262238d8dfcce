// The report's print button (no inline handlers under the strict CSP).
document.querySelectorAll("[data-rollout-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
