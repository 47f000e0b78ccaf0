// The index pages' tables (actors, outlets: generator/publish/indexes.py): a filter box,
// a facet per value of one column (an actor's type) and sorting by name or count.
// Plain script over the rendered table, no framework: the page works without it (a
// table in A–Z order with jump links). `make bench` times a keystroke until the table is
// drawn again (it must stay under 100 ms at 10,000 articles); data-na-filter-ms keeps the
// script's own share.
(function () {
  "use strict";

  // "Élysée" and "elysee" match: accents off, case folded
  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function enhance(block) {
    var table = block.querySelector("table");
    if (!table || block.getAttribute("data-na-ready")) return;
    block.setAttribute("data-na-ready", "true");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var names = rows.map(function (row) { return fold(row.cells[0].textContent); });
    var counts = rows.map(function (row) { return parseInt(row.cells[row.cells.length - 1].textContent, 10) || 0; });
    var facetColumn = block.hasAttribute("data-na-facet") ? parseInt(block.getAttribute("data-na-facet"), 10) - 1 : -1;
    var facets = facetColumn >= 0 ? rows.map(function (row) { return row.cells[facetColumn].textContent.trim(); }) : null;
    var noun = table.tHead.rows[0].cells[0].textContent.trim().toLowerCase() + "s";

    var bar = document.createElement("div");
    bar.className = "na-index__bar";
    var input = document.createElement("input");
    input.type = "search";
    input.className = "na-index__filter";
    input.placeholder = "Filter " + rows.length.toLocaleString("en") + " " + noun + " by name";
    input.setAttribute("aria-label", "Filter the " + noun + " by name");
    bar.appendChild(input);
    var chosen = "";
    if (facets) {
      var group = document.createElement("div");
      group.className = "na-index__facets";
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", "Type");
      var tally = {};
      facets.forEach(function (f) { tally[f] = (tally[f] || 0) + 1; });
      [""].concat(Object.keys(tally).sort()).forEach(function (value) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "na-index__facet";
        button.setAttribute("data-value", value);
        button.setAttribute("aria-pressed", value === "" ? "true" : "false");
        button.textContent = value === "" ? "All" : value + " (" + tally[value].toLocaleString("en") + ")";
        button.addEventListener("click", function () {
          chosen = value;
          group.querySelectorAll("button").forEach(function (b) {
            b.setAttribute("aria-pressed", b === button ? "true" : "false");
          });
          apply();
        });
        group.appendChild(button);
      });
      bar.appendChild(group);
    }
    var status = document.createElement("span");
    status.className = "na-index__count";
    status.setAttribute("aria-live", "polite");
    bar.appendChild(status);
    block.insertBefore(bar, block.firstChild);

    // Showing or hiding all 1,900 rows of a 10,000-article archive costs 100-400 ms of
    // layout. So rows change in display order, a batch per frame: the top of the table
    // answers at once and the rest follows (a new keystroke drops what is left).
    var ROWS_PER_FRAME = 250;
    var batchFrame = 0;
    function apply() {
      var start = performance.now();
      var query = fold(input.value.trim());
      var shown = 0;
      var changed = [];
      cancelAnimationFrame(batchFrame);
      for (var k = 0; k < order.length; k++) {
        var i = order[k];
        var visible = (!query || names[i].indexOf(query) !== -1) && (!chosen || facets[i] === chosen);
        if (rows[i].hidden === visible) changed.push(rows[i]);
        if (visible) shown++;
      }
      (function changeFrom(from) {
        var end = Math.min(from + ROWS_PER_FRAME, changed.length);
        for (var r = from; r < end; r++) changed[r].hidden = !changed[r].hidden;
        if (end < changed.length) batchFrame = requestAnimationFrame(function () { changeFrom(end); });
      })(0);
      status.textContent = shown === rows.length ? "" : shown.toLocaleString("en") + " of " + rows.length.toLocaleString("en");
      block.setAttribute("data-na-filter-ms", (performance.now() - start).toFixed(1));
    }
    var pending = 0;
    input.addEventListener("input", function () {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(apply);
    });

    // sorting: a button in the name and count headers; the page's own order is A–Z
    var order = rows.map(function (_, i) { return i; });
    function sortBy(key, header) {
      var byCount = key === "count";
      var descending = byCount && header.getAttribute("aria-sort") !== "descending";
      order.sort(function (a, b) {
        if (byCount) return (descending ? counts[b] - counts[a] : counts[a] - counts[b]) || a - b;
        return a - b;
      });
      var fragment = document.createDocumentFragment();
      order.forEach(function (i) { fragment.appendChild(rows[i]); });
      body.appendChild(fragment);
      table.tHead.querySelectorAll("th").forEach(function (th) { th.removeAttribute("aria-sort"); });
      header.setAttribute("aria-sort", byCount ? (descending ? "descending" : "ascending") : "ascending");
    }
    var heads = table.tHead.rows[0].cells;
    [[heads[0], "name"], [heads[heads.length - 1], "count"]].forEach(function (pair) {
      var th = pair[0];
      var button = document.createElement("button");
      button.type = "button";
      button.className = "na-index__sort";
      button.textContent = th.textContent;
      button.title = pair[1] === "count" ? "Sort by count (again: the other way)" : "Sort A to Z";
      button.addEventListener("click", function () { sortBy(pair[1], th); });
      th.textContent = "";
      th.appendChild(button);
    });
    heads[0].setAttribute("aria-sort", "ascending");
  }

  function enhanceAll() {
    document.querySelectorAll(".na-index").forEach(enhance);
  }
  // Material's instant navigation swaps the page content without a reload
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(enhanceAll);
  } else {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  }
})();
