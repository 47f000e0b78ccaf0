// The header's search: Pagefind, at every size of archive (see the README, "Search").
//
// Pagefind's index is split into chunks and a query fetches only the ones it needs.
// Nothing of it is downloaded before the visitor searches: the search box in the
// header is a button; its first click (or "/" typed anywhere) loads Pagefind's UI
// and opens it in a dialog, with the filters the theme tags pages with
// (partials/search-facets.html) and a choice of order: best match or by date.
(function () {
  "use strict";

  var SORTS = [
    ["", "Best match"],
    ["desc", "Newest first"],
    ["asc", "Oldest first"],
  ];
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
      loading = new Promise(function (resolve, reject) {
        var bundle = new URL("pagefind/", siteBase());
        var css = document.createElement("link");
        css.rel = "stylesheet";
        css.href = new URL("pagefind-ui.css", bundle).href;
        document.head.appendChild(css);
        var script = document.createElement("script");
        script.src = new URL("pagefind-ui.js", bundle).href;
        script.onload = function () { resolve(bundle.href); };
        script.onerror = function () { loading = null; reject(new Error("no Pagefind bundle")); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  // "2015-08-03" -> "3 August 2015" (the page's own date format); "2015" stays.
  function readableDate(iso) {
    var m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso || "");
    if (!m) return iso;
    var month = MONTHS[parseInt(m[2], 10) - 1];
    return (m[3] ? parseInt(m[3], 10) + " " : "") + month + " " + m[1];
  }

  // the filters ticked in the UI, as {Year: ["2015"], ...} (Pagefind UI's checkbox name and value)
  function checkedFilters(dialog) {
    var filters = {};
    dialog.querySelectorAll(".pagefind-ui__filter-checkbox:checked").forEach(function (box) {
      (filters[box.name] = filters[box.name] || []).push(box.value);
    });
    return filters;
  }

  var ui = null;
  function createUI(dialog, bundlePath, sort, term) {
    // a new order is a new UI: carry the ticked filters over
    var filters = checkedFilters(dialog);
    if (ui) ui.destroy();
    var options = {
      element: dialog.querySelector(".na-search__ui"),
      bundlePath: bundlePath,
      showSubResults: false,
      pageSize: 10,
      showImages: false,
      excerptLength: 24,
      resetStyles: false,
      showEmptyFilters: false,
      // on a phone the filters sit above the results: all closed there
      openFilters: window.matchMedia("(min-width: 45em)").matches ? ["Kind"] : [],
      autofocus: true,
      translations: { placeholder: "Search the archive" },
      processResult: function (result) {
        if (result.meta && result.meta.date) result.meta.date = readableDate(result.meta.date);
        return result;
      },
    };
    // a sort leaves out pages without a date (actors, outlets): said next to the choice
    if (sort) options.sort = { date: sort };
    ui = new window.PagefindUI(options);
    if (Object.keys(filters).length) ui.triggerFilters(filters);
    if (term) ui.triggerSearch(term);
    var input = dialog.querySelector(".pagefind-ui__search-input");
    if (input) input.focus();
  }

  function buildDialog() {
    var dialog = document.createElement("dialog");
    dialog.id = "na-search";
    dialog.className = "na-search";
    dialog.setAttribute("aria-label", "Search the archive");
    var options = SORTS.map(function (s) { return '<option value="' + s[0] + '">' + s[1] + "</option>"; }).join("");
    dialog.innerHTML =
      '<div class="na-search__bar">' +
      '<label class="na-search__sort">Order <select>' + options + "</select></label>" +
      '<span class="na-search__hint" hidden>dated pages only</span>' +
      '<button type="button" class="na-search__close" aria-label="Close search">×</button></div>' +
      '<div class="na-search__ui"></div>';
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close(); // a click on the backdrop
      // a result: Material's instant navigation swaps the page under the open dialog
      if (event.target.closest && event.target.closest("a[href]")) dialog.close();
    });
    dialog.querySelector(".na-search__close").addEventListener("click", function () { dialog.close(); });
    document.body.appendChild(dialog);
    return dialog;
  }

  function openSearch() {
    var dialog = document.getElementById("na-search") || buildDialog();
    if (!dialog.open) dialog.showModal();
    if (dialog.getAttribute("data-state")) {
      var input = dialog.querySelector(".pagefind-ui__search-input");
      if (input) input.focus();
      return;
    }
    dialog.setAttribute("data-state", "loading");
    loadPagefind().then(function (bundlePath) {
      dialog.setAttribute("data-state", "ready");
      createUI(dialog, bundlePath, "", "");
      var select = dialog.querySelector(".na-search__sort select");
      select.addEventListener("change", function () {
        var input = dialog.querySelector(".pagefind-ui__search-input");
        dialog.querySelector(".na-search__hint").hidden = !select.value;
        createUI(dialog, bundlePath, select.value, input ? input.value : "");
      });
    }, function () {
      dialog.removeAttribute("data-state");
      dialog.querySelector(".na-search__ui").textContent =
        "The search index is not built: run `make site` (MkDocs, then Pagefind on the built site).";
    });
  }

  function addSearchBox() {
    var header = document.querySelector(".md-header__inner");
    if (!header || header.querySelector(".na-search-box")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button na-search-box";
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
