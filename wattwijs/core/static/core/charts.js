// Draws a horizontal bar chart (Chart.js) from a table of figures on the page, so the table stays the
// source and stays readable without JavaScript. Markup:
//
//   <figure class="chart" data-chart-table="ID" hidden> <figcaption>…</figcaption>
//     <div class="chart-box"><canvas role="img" aria-label="…"></canvas></div> </figure>
//   <table id="ID"> … <th scope="col" data-chart-series="#2f7a55">Label</th> …
//     <tbody><tr><th scope="row">Row label</th><td>12</td> …
//
// Every column whose header has data-chart-series becomes a stacked series in that colour;
// data-chart-stacked="false" on the figure draws the series side by side. Figures may be negative.
(function () {
  "use strict";

  function figureValue(text) {
    // "1.234" (thousands), "−12" or "-12" (negative), "3,5" (decimal comma).
    const cleaned = text.replace(/\u2212/g, "-").replace(/[^\d,-]/g, "").replace(",", ".");
    return Number(cleaned) || 0;
  }

  function seriesColumns(table) {
    const header = table.tHead && table.tHead.rows[0];
    if (!header) {
      return [];
    }
    return Array.from(header.cells)
      .map(function (cell, index) {
        return { cell: cell, index: index };
      })
      .filter(function (column) {
        return column.cell.hasAttribute("data-chart-series");
      });
  }

  function draw(figure) {
    const table = document.getElementById(figure.getAttribute("data-chart-table"));
    const canvas = figure.querySelector("canvas");
    if (!table || !canvas || !table.tBodies.length || typeof window.Chart === "undefined") {
      return;
    }
    const rows = Array.from(table.tBodies[0].rows);
    const labels = rows.map(function (row) {
      return row.cells[0].textContent.trim();
    });
    const datasets = seriesColumns(table).map(function (column) {
      return {
        label: column.cell.textContent.trim(),
        backgroundColor: column.cell.getAttribute("data-chart-series"),
        data: rows.map(function (row) {
          const cell = row.cells[column.index];
          return cell ? figureValue(cell.textContent) : 0;
        }),
      };
    });
    const box = figure.querySelector(".chart-box");
    if (box) {
      // Room for every bar and its label; the chart fills the box.
      box.style.height = 3 + rows.length * 1.6 + "rem";
    }
    const stacked = figure.getAttribute("data-chart-stacked") !== "false";
    figure.hidden = false;
    new window.Chart(canvas, {
      type: "bar",
      data: { labels: labels, datasets: datasets },
      options: {
        indexAxis: "y",
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: document.documentElement.lang || "nl",
        scales: {
          x: { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } },
          y: { stacked: stacked, ticks: { autoSkip: false } },
        },
        plugins: { legend: { position: "top" } },
      },
    });
  }

  document.querySelectorAll("figure[data-chart-table]").forEach(draw);
})();
