// The header's search: Pagefind's index, our own small UI (see the README, "Search").
//
// Pagefind splits its index into chunks and a query fetches only those it needs. This
// script asks for as little as it can, so that a first search stays small however big
// the archive grows:
// - nothing before the visitor opens the search (the header box is a button; "/" opens it);
// - opening it loads pagefind.js, its wasm and the index's metadata, on the main
//   thread (no worker script to fetch too);
// - a query runs once the typing pauses (DEBOUNCE_MS), so only the final term's index
//   chunks are fetched, never those of every prefix typed on the way;
// - a filter's values (one chunk each) are fetched only when the reader opens that
//   filter: a plain search loads none of them;
// - a result's page fragment (title, date, outlet, snippet) only when it is shown,
//   PAGE_SIZE at a time.
// Pagefind's ready-made UI did none of the last three (about 800 KB at 10,000 articles).
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var DEBOUNCE_MS = 200; // a pause this long ends the query: shorter would search half-typed words
  // the filters partials/search-facets.html tags pages with, in the order shown
  var FILTERS = ["Kind", "Year", "Actor", "Outlet", "Language"];
  // Within one filter, ticked values widen the search (a page has one year, one
  // outlet) except actors, which narrow it: an article naming all of them.
  var MATCH = { Actor: "all" };
  var LONG_LIST = 40; // more values than this: the most frequent, and a box to find the others
  var SORTS = [["", "Best match"], ["desc", "Newest first"], ["asc", "Oldest first"]];
  var KINDS = { articles: "", actors: "Actor", events: "Event", outlets: "Outlet" };
  // What a page is found by besides its text (Pagefind 1.5 searches metadata fields and
  // adds, for a field holding the words searched, its weight times their rarity): an
  // actor's name and spellings (publish/search_names.py) outweigh an event's title,
  // which outweighs everything else, so an actor's page ranks first for its name, an
  // event's for its title. "known_as" (the spellings other than the name: "Trump" of
  // Donald Trump) ranks the person the texts call by a surname before others of that
  // name. An article's "names" (its actors' spellings) make it found by every variant,
  // and add little. The page title's own boost is off (Pagefind's default is 5): it
  // counts "Trump" and "Trump’s" as two matches and squares that, so headlines with a
  // possessive outranked the actor's page; headings still weigh in the text (h1 7).
  // Date, outlet, type and report count are result details, not words to rank by.
  var RANKING = {
    metaWeights: { name: 20, known_as: 10, event: 10, names: 1, title: 0, date: 0, outlet: 0, type: 0, reports: 0 },
  };
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];

  function siteBase() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }

  var loading = null;
  function loadPagefind() {
    if (!loading) {
      var base = siteBase();
      loading = import(new URL("pagefind/pagefind.js", base).href).then(function (pagefind) {
        // result URLs are relative to the site's root, which may be a subpath
        return pagefind.options({ baseUrl: base.pathname, excerptLength: 24, noWorker: true, ranking: RANKING })
          .then(function () { return pagefind.init(); })
          .then(function () { return pagefind; });
      }, function (error) { loading = null; throw error; });
    }
    return loading;
  }

  // "2015-08-03" -> "3 August 2015" (the page's own date format); "2015" stays.
  function readableDate(iso) {
    var m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso || "");
    if (!m) return iso || "";
    return (m[3] ? parseInt(m[3], 10) + " " : "") + MONTHS[parseInt(m[2], 10) - 1] + " " + m[1];
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // ---- state: one dialog per page, kept across Material's instant navigation ----
  var state = {
    ticked: {},   // {Year: ["2015"], ...}
    opened: {},   // filters whose values the reader asked for (their chunk is loaded)
    sort: "",
    searchId: 0,
    results: [],
    shown: 0,
    counts: {},   // the last search's counts per filter value: {filtered, total}
  };
  var timer = null;
  var dialog = null;

  function searchOptions() {
    var filters = {};
    FILTERS.forEach(function (name) {
      var values = state.ticked[name] || [];
      if (values.length) {
        var match = {};
        match[MATCH[name] || "any"] = values;
        filters[name] = match;
      } else if (state.opened[name]) {
        filters[name] = { none: [] }; // loads the filter's chunk without narrowing anything
      }
    });
    var options = { filters: filters };
    if (state.sort) options.sort = { date: state.sort };
    return options;
  }

  function part(name) { return dialog.querySelector(".na-search__" + name); }

  function setMessage(text) { part("message").textContent = text; }

  // A word followed by a space is finished: its index chunk can be fetched while the
  // next word is typed (never a word still being typed: that would be every prefix).
  var preloaded = "";
  function preloadFinishedWords() {
    var words = part("input").value.split(/\s+/);
    words.pop();
    var finished = words.join(" ").trim();
    if (!finished || finished === preloaded || !loading) return;
    preloaded = finished;
    loading.then(function (pagefind) { return pagefind.preload(searchTerm(finished), searchOptions()); }).catch(function () {});
  }

  function scheduleSearch(delay) {
    clearTimeout(timer);
    // busy from now: what is on screen is no longer the answer to what is asked
    part("results").setAttribute("aria-busy", "true");
    timer = setTimeout(runSearch, delay === undefined ? DEBOUNCE_MS : delay);
  }

  // A query as the index holds names: a hyphen or dash between letters is a space, so
  // "Kim Jong-un" finds what "Kim Jong Un" finds (Pagefind indexes "Jong-un" as "jong",
  // "un" and "jongun", but reads the query's "jong-un" as one word).
  function searchTerm(text) {
    return text.replace(/([\p{L}\p{N}])[-\u2010-\u2014]+(?=[\p{L}\p{N}])/gu, "$1 ").trim();
  }

  function runSearch() {
    var id = ++state.searchId;
    var term = part("input").value.trim();
    var results = part("results");
    results.setAttribute("data-term", term);
    if (!term) {
      // a search without words would fetch every index chunk: wait for one
      state.results = [];
      part("list").textContent = "";
      part("more").hidden = true;
      setMessage("Type a word to search; the filters then narrow the results.");
      drawFilters({}, {});
      results.removeAttribute("aria-busy");
      return;
    }
    results.setAttribute("aria-busy", "true");
    loadPagefind().then(function (pagefind) {
      return pagefind.search(searchTerm(term), searchOptions());
    }).then(function (response) {
      if (id !== state.searchId || !response) return;
      state.results = response.results;
      state.shown = 0;
      part("list").textContent = "";
      var n = response.results.length;
      setMessage((n ? n.toLocaleString("en") : "No") + (n === 1 ? " result" : " results") + " for “" + term + "”" +
        (state.sort ? " (dated pages only)" : ""));
      drawFilters(response.filters || {}, response.totalFilters || {});
      return showMore(id);
    }).then(function () {
      if (id === state.searchId) results.removeAttribute("aria-busy");
    }, function () {
      results.removeAttribute("aria-busy");
      setMessage("The search index is not built: run `make site` (MkDocs, then Pagefind on the built site).");
    });
  }

  // the next PAGE_SIZE results, in order, each drawn as soon as its fragment arrives
  function showMore(id) {
    var batch = state.results.slice(state.shown, state.shown + PAGE_SIZE);
    state.shown += batch.length;
    part("more").hidden = true;
    var list = part("list");
    return Promise.all(batch.map(function (result) {
      var item = list.appendChild(element("li", "na-search__result")); // empty, so hidden, until then
      return result.data().then(function (page) { drawResult(item, page); });
    })).then(function () {
      if (id === state.searchId) part("more").hidden = state.shown >= state.results.length;
    });
  }

  function drawResult(item, page) {
    var meta = page.meta || {};
    var link = element("a", "na-search__link", meta.title || page.url);
    link.href = page.url;
    item.appendChild(link);
    var line = element("p", "na-search__meta");
    var base = siteBase().pathname;
    var section = page.url.indexOf(base) === 0 ? page.url.slice(base.length).split("/")[0] : "";
    var details = [
      ["kind", KINDS[section] === undefined ? "Page" : KINDS[section]],
      ["type", meta.type],
      ["date", readableDate(meta.date)],
      ["outlet", meta.outlet],
      // an event's result says how many reports its page brings together
      ["reports", meta.reports ? meta.reports + " reports" : ""],
    ];
    details.forEach(function (detail) {
      if (!detail[1]) return;
      var span = element("span", "", detail[1]);
      span.setAttribute("data-meta", detail[0]);
      line.appendChild(span);
    });
    if (line.childNodes.length) item.appendChild(line);
    // Pagefind's excerpt: the page's text, HTML-escaped, the words found in <mark>
    var excerpt = element("p", "na-search__excerpt");
    excerpt.innerHTML = page.excerpt;
    item.appendChild(excerpt);
  }

  // ---- filters ----
  function drawFilters(filtered, total) {
    FILTERS.forEach(function (name) {
      var box = dialog.querySelector('.na-search__filter[data-filter="' + name + '"]');
      var values = box.querySelector(".na-search__values");
      var ticked = state.ticked[name] || [];
      box.querySelector(".na-search__ticked-count").textContent = ticked.length ? " (" + ticked.length + ")" : "";
      if (!state.opened[name]) return;
      values.textContent = "";
      var totals = total[name] || {};
      // every value this term finds, and the ticked ones even when it finds none
      var names = Object.keys(totals).filter(function (v) { return totals[v] > 0 || ticked.indexOf(v) >= 0; });
      ticked.forEach(function (v) { if (names.indexOf(v) < 0) names.push(v); });
      if (!part("input").value.trim()) {
        values.appendChild(element("p", "na-search__note", "Search first: the values come with their counts."));
        return;
      }
      names.sort(name === "Year" ? function (a, b) { return b.localeCompare(a); } : function (a, b) {
        return (totals[b] || 0) - (totals[a] || 0) || a.localeCompare(b);
      });
      var find = box.querySelector(".na-search__find");
      if (names.length > LONG_LIST && !find) {
        find = element("input", "na-search__find");
        find.type = "search";
        find.placeholder = "Find " + name.toLowerCase() + "…";
        find.setAttribute("aria-label", "Find a value of " + name);
        find.addEventListener("input", function () { drawFilters(state.lastFiltered, state.lastTotal); });
        box.insertBefore(find, values);
      }
      var wanted = find ? find.value.trim().toLowerCase() : "";
      var shown = names.filter(function (v) { return !wanted || v.toLowerCase().indexOf(wanted) >= 0; });
      var rest = shown.length - LONG_LIST;
      shown.slice(0, LONG_LIST).forEach(function (value) {
        var label = element("label", "na-search__value");
        var input = element("input");
        input.type = "checkbox";
        input.name = name;
        input.value = value;
        input.checked = ticked.indexOf(value) >= 0;
        label.appendChild(input);
        label.appendChild(document.createTextNode(" " + value + " "));
        label.appendChild(element("span", "na-search__count", String((filtered[name] || {})[value] || 0)));
        values.appendChild(label);
      });
      if (rest > 0) values.appendChild(element("p", "na-search__note", rest + " more: type in the box to find them."));
      if (!names.length) values.appendChild(element("p", "na-search__note", "None for this search."));
    });
    state.lastFiltered = filtered;
    state.lastTotal = total;
    var count = Object.keys(state.ticked).reduce(function (n, k) { return n + state.ticked[k].length; }, 0);
    part("toggle").querySelector(".na-search__ticked").textContent = count ? " (" + count + ")" : "";
  }

  function onTick(event) {
    var input = event.target;
    if (input.type !== "checkbox") return;
    var values = state.ticked[input.name] || [];
    values = values.filter(function (v) { return v !== input.value; });
    if (input.checked) values.push(input.value);
    state.ticked[input.name] = values;
    scheduleSearch(0);
  }

  function openFilter(event) {
    var box = event.target;
    if (!box.open || state.opened[box.getAttribute("data-filter")]) return;
    state.opened[box.getAttribute("data-filter")] = true;
    box.querySelector(".na-search__values").textContent = "Loading…";
    scheduleSearch(0);
  }

  function setFiltersShown(shown) {
    part("toggle").setAttribute("aria-expanded", String(shown));
    part("filters").hidden = !shown;
  }

  // ---- the dialog ----
  function buildDialog() {
    dialog = element("dialog", "na-search");
    dialog.id = "na-search";
    dialog.setAttribute("aria-label", "Search the archive");
    var sorts = SORTS.map(function (s) { return '<option value="' + s[0] + '">' + s[1] + "</option>"; }).join("");
    var filters = FILTERS.map(function (name) {
      return '<details class="na-search__filter" data-filter="' + name + '"><summary>' + name +
        '<span class="na-search__ticked-count"></span></summary><div class="na-search__values"></div></details>';
    }).join("");
    dialog.innerHTML =
      '<form class="na-search__bar" role="search">' +
      '<input class="na-search__input" type="search" placeholder="Search the archive" aria-label="Search the archive" autocomplete="off" spellcheck="false">' +
      '<button type="button" class="na-search__close" aria-label="Close search">×</button></form>' +
      '<div class="na-search__tools">' +
      '<button type="button" class="na-search__toggle" aria-controls="na-search-filters">Filters<span class="na-search__ticked"></span></button>' +
      '<label class="na-search__sort">Order <select>' + sorts + "</select></label></div>" +
      '<div class="na-search__body">' +
      '<div class="na-search__filters" id="na-search-filters">' + filters + "</div>" +
      '<div class="na-search__results"><p class="na-search__message" role="status"></p>' +
      '<ol class="na-search__list"></ol><button type="button" class="na-search__more" hidden>More results</button></div></div>';

    part("bar").addEventListener("submit", function (event) { event.preventDefault(); scheduleSearch(0); });
    part("input").addEventListener("input", function () {
      preloadFinishedWords();
      scheduleSearch();
    });
    part("close").addEventListener("click", function () { dialog.close(); });
    part("toggle").addEventListener("click", function () { setFiltersShown(part("filters").hidden); });
    part("sort").querySelector("select").addEventListener("change", function (event) {
      state.sort = event.target.value;
      scheduleSearch(0);
    });
    part("more").addEventListener("click", function () { showMore(state.searchId); });
    part("filters").addEventListener("change", onTick);
    dialog.querySelectorAll(".na-search__filter").forEach(function (box) { box.addEventListener("toggle", openFilter); });
    dialog.addEventListener("keydown", keepFocusInside);
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close(); // a click on the backdrop
      // a result: Material's instant navigation swaps the page under the open dialog
      if (event.target.closest && event.target.closest("a[href]")) dialog.close();
    });
    // the filters beside the results on a wide screen; behind the toggle on a phone,
    // where they would push the first result below the fold
    setFiltersShown(window.matchMedia("(min-width: 45em)").matches);
    document.body.appendChild(dialog);
    runSearch();
  }

  // Esc closes (even from the search field, which would only clear itself); Tab and
  // Shift+Tab go round the dialog's controls, never to the page behind it
  function keepFocusInside(event) {
    if (event.key === "Escape") {
      event.preventDefault();
      dialog.close();
      return;
    }
    if (event.key !== "Tab") return;
    var focusable = Array.prototype.filter.call(
      dialog.querySelectorAll("a[href], button, input, select, summary"),
      function (node) { return !node.disabled && node.getClientRects().length; });
    if (!focusable.length) return;
    var first = focusable[0];
    var last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  function openSearch() {
    if (!dialog || !dialog.isConnected) buildDialog();
    if (!dialog.open) dialog.showModal();
    part("input").focus();
    part("input").select();
    // fetched while the reader types: pagefind.js, its wasm and the index's metadata
    loadPagefind().catch(function () {
      setMessage("The search index is not built: run `make site` (MkDocs, then Pagefind on the built site).");
    });
  }

  function addSearchBox() {
    var header = document.querySelector(".md-header__inner");
    if (!header || header.querySelector(".na-search-box")) return;
    var button = element("button", "md-header__button na-search-box");
    button.type = "button";
    button.title = "Search (/)";
    button.setAttribute("aria-label", "Search");
    button.innerHTML =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>' +
      '<span class="na-search-box__label">Search</span>';
    button.addEventListener("click", openSearch);
    header.insertBefore(button, header.querySelector(".md-header__source"));
  }

  // Material's instant navigation swaps pages without a reload: the header is kept,
  // but subscribe anyway so a page without instant navigation gets its box too.
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(addSearchBox);
  } else {
    document.addEventListener("DOMContentLoaded", addSearchBox);
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "/" && !/input|textarea|select/i.test(event.target.tagName) && !event.target.isContentEditable) {
      event.preventDefault();
      openSearch();
    }
  });
})();
