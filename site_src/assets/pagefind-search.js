// Header search for large archives: Pagefind instead of Material's search.
//
// Material's search downloads its whole index (26 MB at 5,000 articles) before the
// first query; Pagefind downloads only the index chunks a query needs. When the
// site is built with Material's search off and Pagefind run on it (see the README,
// "Search"), this puts a search button in the header that opens Pagefind's UI in
// a dialog. With Material's search on, it does nothing.
(function () {
  "use strict";

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
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function openDialog() {
    var dialog = document.getElementById("newsarchive-search");
    if (!dialog) {
      dialog = document.createElement("dialog");
      dialog.id = "newsarchive-search";
      dialog.className = "newsarchive-search";
      dialog.setAttribute("aria-label", "Search the archive");
      dialog.innerHTML = '<div class="newsarchive-search__ui"></div>';
      var style = document.createElement("style");
      style.textContent =
        ".newsarchive-search{width:min(44rem,94vw);max-height:86vh;border:0;border-radius:.2rem;padding:1rem;" +
        "background:var(--md-default-bg-color);color:var(--md-default-fg-color);" +
        "--pagefind-ui-text:var(--md-default-fg-color);--pagefind-ui-background:var(--md-default-bg-color);" +
        "--pagefind-ui-primary:var(--md-primary-fg-color)}.newsarchive-search::backdrop{background:rgba(0,0,0,.5)}";
      document.head.appendChild(style);
      dialog.addEventListener("click", function (event) {
        if (event.target === dialog) dialog.close(); // a click on the backdrop
      });
      document.body.appendChild(dialog);
      loadPagefind().then(function (bundlePath) {
        new window.PagefindUI({
          element: dialog.querySelector(".newsarchive-search__ui"),
          bundlePath: bundlePath,
          showSubResults: true,
          showImages: false,
          autofocus: true,
        });
        var input = dialog.querySelector("input");
        if (input) input.focus();
      });
    }
    dialog.showModal();
    var input = dialog.querySelector("input");
    if (input) input.focus();
  }

  function addButton() {
    // Material's own search is on: nothing to do
    if (document.querySelector("label[for=__search]")) return;
    var header = document.querySelector(".md-header__inner");
    if (!header || header.querySelector(".newsarchive-search__button")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button md-icon newsarchive-search__button";
    button.title = "Search";
    button.setAttribute("aria-label", "Search");
    button.innerHTML =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>';
    button.addEventListener("click", openDialog);
    var before = header.querySelector(".md-header__source") || null;
    header.insertBefore(button, before);
  }

  // Material's instant navigation swaps pages without a reload: add the button on each
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(addButton);
  } else {
    document.addEventListener("DOMContentLoaded", addButton);
  }
  document.addEventListener("keydown", function (event) {
    if ((event.key === "/" || event.key === "s") && !/input|textarea/i.test(event.target.tagName)) {
      if (!document.querySelector("label[for=__search]")) {
        event.preventDefault();
        openDialog();
      }
    }
  });
})();
