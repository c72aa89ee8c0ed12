// Enhances the search pickers: with htmx loaded, Enter in a picker's search box searches in place
// instead of sending the whole form (which is how the search works without JavaScript).
document.addEventListener("keydown", (event) => {
  const input = event.target;
  if (event.key !== "Enter" || !window.htmx || !(input instanceof HTMLInputElement)) return;
  if (!input.matches("[data-picker-search]")) return;
  event.preventDefault();
  window.htmx.trigger(input, "search");
});
