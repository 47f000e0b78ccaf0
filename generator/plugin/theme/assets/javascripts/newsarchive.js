// Copy buttons of the "Cite this" block. The listener sits on the document, so
// it keeps working after Material's instant navigation swaps the page content.
document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest(".na-copy") : null;
  if (!button) return;
  var text = button.getAttribute("data-na-copy");
  if (text === null) {
    var source = document.querySelector(button.getAttribute("data-na-copy-from"));
    text = source ? source.textContent.trim() : "";
  }
  var label = button.getAttribute("data-na-label") || button.textContent;
  button.setAttribute("data-na-label", label);
  function done() {
    button.textContent = "Copied";
    button.setAttribute("data-na-copied", "true");
    setTimeout(function () { button.textContent = label; }, 2000);
  }
  // Without the Clipboard API (an http:// site that is not localhost): a hidden textarea.
  function fallback() {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); done(); } finally { document.body.removeChild(area); }
  }
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).then(done, fallback);
  } else {
    fallback();
  }
});
