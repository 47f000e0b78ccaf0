// The articles index (articles/index.md, generator/publish/article_list.py): every article,
// sortable by date, outlet and title, filterable by outlet and year, drawn from small JSON
// files: the manifest (data/article-list.json) and chunks of 250 rows, newest first. The
// page first fetches the manifest and the first chunk only (what the newest rows need);
// sorting, filtering or paging past them fetches the rest. Without script the page shows
// its newest rows as a plain table, with links to the other ways in.
(function () {
  "use strict";

  var PAGE = 100; // rows drawn at once; "Next" draws the following ones
  var collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function fetchJson(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  function enhance(block) {
    var table = block.querySelector("table");
    if (!table || block.getAttribute("data-na-ready")) return;
    block.setAttribute("data-na-ready", "true");
    var listUrl = new URL(block.getAttribute("data-na-list"), document.baseURI);
    var root = new URL("../", listUrl); // the site's root: the data folder's parent
    var manifest = null;
    var chunks = []; // loaded chunks' rows, by chunk number
    var all = null; // every row, once every chunk is loaded
    var state = { sort: "date", descending: true, outlet: "", year: "*", start: 0 };

    function rowsOf(chunk) {
      return chunk.rows.map(function (r) {
        var event = r[3] >= 0 ? chunk.events[r[3]] : null;
        return {
          date: r[0], year: r[0].slice(0, 4), title: r[1], outlet: r[2] >= 0 ? manifest.outlets[r[2]] : "",
          event: event ? event[0] : "", eventSlug: event ? event[1] : "", slug: r[4],
        };
      });
    }

    function loadChunk(i) {
      if (chunks[i]) return Promise.resolve(chunks[i]);
      return fetchJson(new URL(manifest.chunks[i], listUrl)).then(function (chunk) {
        chunks[i] = rowsOf(chunk);
        return chunks[i];
      });
    }

    function loadAll() {
      if (all) return Promise.resolve(all);
      return Promise.all(manifest.chunks.map(function (_, i) { return loadChunk(i); })).then(function (parts) {
        all = [].concat.apply([], parts);
        all.forEach(function (row, i) { row.order = i; }); // newest first: the tie-break of every sort
        return all;
      });
    }

    // --- controls -----------------------------------------------------------------
    var bar = element("div", "na-index__bar na-articles__bar");
    function select(label, options, onChange) {
      var wrap = element("label", "na-articles__select");
      wrap.appendChild(element("span", "", label + " "));
      var box = element("select");
      options.forEach(function (o) {
        var option = element("option", "", o[1]);
        option.value = o[0];
        box.appendChild(option);
      });
      box.addEventListener("change", function () { onChange(box.value); });
      wrap.appendChild(box);
      bar.appendChild(wrap);
      return box;
    }
    var status = element("span", "na-index__count");
    status.setAttribute("aria-live", "polite");
    var pager = element("div", "na-articles__pager");
    var previous = element("button", "na-search__more", "← Newer");
    var next = element("button", "na-search__more", "Older →");
    previous.type = next.type = "button";
    pager.appendChild(previous);
    pager.appendChild(next);

    function build() {
      var count = function (n) { return " (" + n.toLocaleString("en") + ")"; };
      select("Outlet", [["", "All outlets"]].concat(manifest.outlets.map(function (name) { return [name, name]; })), function (value) {
        state.outlet = value;
        update(true);
      }).setAttribute("data-na-filter", "outlet");
      select("Year", [["*", "All years"]].concat(manifest.years.map(function (y) {
        return [y[0], (y[0] || "Undated") + count(y[1])];
      })), function (value) {
        state.year = value;
        update(true);
      }).setAttribute("data-na-filter", "year");
      bar.appendChild(status);
      var holder = table; // the block's child holding the table (Material wraps it for scrolling)
      while (holder.parentNode !== block) holder = holder.parentNode;
      block.insertBefore(bar, holder);
      block.insertBefore(pager, holder.nextSibling);
      var note = block.querySelector(".na-articles__note");
      if (note) note.hidden = true;
      var heads = table.tHead.rows[0].cells;
      [[heads[0], "date"], [heads[1], "outlet"], [heads[2], "title"]].forEach(function (pair) {
        var th = pair[0];
        var button = element("button", "na-index__sort", th.textContent);
        button.type = "button";
        button.setAttribute("data-na-sort", pair[1]);
        button.title = "Sort by " + pair[1] + " (again: the other way)";
        button.addEventListener("click", function () {
          state.descending = state.sort === pair[1] ? !state.descending : pair[1] === "date";
          state.sort = pair[1];
          update(true);
        });
        th.textContent = "";
        th.appendChild(button);
      });
      previous.addEventListener("click", function () { state.start = Math.max(0, state.start - PAGE); update(false); });
      next.addEventListener("click", function () { state.start += PAGE; update(false); });
    }

    function compare(a, b) {
      var d = state.descending ? -1 : 1;
      var byDate = a.order - b.order; // the data's order: newest first, undated last
      if (state.sort === "date") {
        if (!a.date !== !b.date) return a.date ? -1 : 1; // undated last either way
        return state.descending ? byDate : (a.date < b.date ? -1 : a.date > b.date ? 1 : -byDate);
      }
      var x = state.sort === "outlet" ? a.outlet : a.title;
      var y = state.sort === "outlet" ? b.outlet : b.title;
      if (!x !== !y) return x ? -1 : 1; // no outlet: last either way
      return d * collator.compare(x, y) || byDate;
    }

    function selected(rows) {
      var out = rows.filter(function (r) {
        return (!state.outlet || r.outlet === state.outlet) && (state.year === "*" || r.year === state.year);
      });
      return state.sort === "date" && state.descending ? out : out.sort(compare);
    }

    function draw(rows, total) {
      var body = table.tBodies[0];
      var fragment = document.createDocumentFragment();
      rows.forEach(function (r) {
        var tr = element("tr");
        var date = element("td", r.date ? "" : "na-articles__undated", r.date || "undated");
        tr.appendChild(date);
        tr.appendChild(element("td", "", r.outlet || "—"));
        var title = element("td");
        var link = element("a", "", r.title);
        link.href = new URL("articles/" + r.slug + "/", root).pathname;
        title.appendChild(link);
        tr.appendChild(title);
        var event = element("td");
        if (r.eventSlug) {
          var eventLink = element("a", "", r.event);
          eventLink.href = new URL("events/" + r.eventSlug + "/", root).pathname;
          event.appendChild(eventLink);
        } else {
          event.textContent = "—";
        }
        tr.appendChild(event);
        fragment.appendChild(tr);
      });
      body.textContent = "";
      body.appendChild(fragment);
      var end = state.start + rows.length;
      status.textContent = total ? (state.start + 1).toLocaleString("en") + "–" + end.toLocaleString("en") + " of " +
        total.toLocaleString("en") + " articles" : "No article matches.";
      previous.hidden = state.start === 0;
      next.hidden = end >= total;
      var heads = table.tHead.rows[0].cells;
      for (var i = 0; i < 3; i++) heads[i].removeAttribute("aria-sort");
      var sorted = { date: 0, outlet: 1, title: 2 }[state.sort];
      heads[sorted].setAttribute("aria-sort", state.descending ? "descending" : "ascending");
    }

    function update(fromTop) {
      if (fromTop) state.start = 0;
      var plain = !state.outlet && state.year === "*" && state.sort === "date" && state.descending;
      if (plain && !all && state.start + PAGE <= (chunks[0] || []).length) {
        draw(chunks[0].slice(state.start, state.start + PAGE), manifest.count);
        return Promise.resolve();
      }
      block.setAttribute("aria-busy", "true"); // until the rows are drawn (the tests wait for it)
      return loadAll().then(function (rows) {
        var shown = selected(rows);
        draw(shown.slice(state.start, state.start + PAGE), shown.length);
        block.removeAttribute("aria-busy");
      });
    }

    fetchJson(listUrl)
      .then(function (data) {
        manifest = data;
        build();
        return manifest.chunks.length ? loadChunk(0) : [];
      })
      .then(function () {
        chunks[0] = chunks[0] || [];
        chunks[0].forEach(function (row, i) { row.order = i; });
        return update(true);
      })
      .then(function () { block.setAttribute("data-na-loaded", "true"); })
      .catch(function (error) {
        status.textContent = "The list could not be loaded: " + error.message;
        if (!status.parentNode) block.insertBefore(status, block.firstChild);
      });
  }

  function enhanceAll() {
    document.querySelectorAll(".na-articles[data-na-list]").forEach(enhance);
  }
  // Material's instant navigation swaps the page content without a reload
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(enhanceAll);
  } else {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  }
})();
