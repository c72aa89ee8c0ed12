// Enhances the work-process tree widget: a filter box that narrows the checkboxes while typing.
document.addEventListener("DOMContentLoaded", () => {
  for (const widget of document.querySelectorAll("[data-tree-select]")) {
    const box = widget.querySelector("[data-tree-filter]");
    const input = box.querySelector("input");
    box.hidden = false;
    input.addEventListener("input", () => {
      const term = input.value.trim().toLowerCase();
      for (const group of widget.querySelectorAll(".tree-select-group")) {
        let groupHits = 0;
        for (const fieldset of group.querySelectorAll("fieldset")) {
          let hits = 0;
          for (const label of fieldset.querySelectorAll("label")) {
            const match = !term || label.textContent.toLowerCase().includes(term);
            label.hidden = !match;
            hits += match ? 1 : 0;
          }
          fieldset.hidden = hits === 0;
          groupHits += hits;
        }
        group.hidden = groupHits === 0;
        if (term && groupHits > 0) group.open = true;
      }
    });
  }
});
