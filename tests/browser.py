"""Debian's Chromium driven by Playwright, set up one way for every browser test.

Never a downloaded browser: /usr/bin/chromium, with the flags a machine without
internet needs (without them Chromium keeps trying to reach Google's services and
its connections are refused).
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator, Sequence

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@contextmanager
def chromium_page(permissions: Sequence[str] = ()) -> Iterator[Any]:
    """A fresh page in headless Chromium; ``page.errors`` collects uncaught script errors."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        if permissions:
            context.grant_permissions(list(permissions))
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.errors = errors
        try:
            yield page
        finally:
            browser.close()


def search_archive(page: Any, query: str) -> list[str]:
    """Type ``query`` in the header's search box (our UI on Pagefind's API, in a dialog); the result links' hrefs.

    Waits until the results of the whole query are drawn: the UI searches once the
    typing pauses, and marks its results with the term they are for and
    ``aria-busy`` while a search runs.
    """
    if not page.locator("#na-search[open]").count():
        page.click(".na-search-box")
    page.fill(".na-search__input", query)
    wait_for_results(page, query)
    return result_links(page)


def wait_for_results(page: Any, query: str) -> None:
    """Wait until the search dialog shows the results for ``query`` (after a search or a change of filters)."""
    page.wait_for_function(
        """q => { const r = document.querySelector('#na-search .na-search__results');
        return r && r.dataset.term === q && !r.hasAttribute('aria-busy'); }""",
        arg=query.strip(),
        timeout=60_000,
    )


def result_links(page: Any) -> list[str]:
    """The hrefs of the search results on screen, in order."""
    return page.locator(".na-search__link").evaluate_all("links => links.map(a => a.href)")


@contextmanager
def served_site(site: Any) -> Iterator[str]:
    """The built ``site`` folder served over HTTP on localhost; its base URL."""
    import functools
    import http.server
    import threading

    from .conftest import _Quiet

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


def listen_for_dialogs(page: Any, dialogs: list[str], label: str | None = None) -> None:
    """Record every alert/confirm/prompt ``page`` opens (dismissed) in ``dialogs``, and prove
    the listener works with a canary first (a test that never hears one cannot fail)."""
    page.on("dialog", lambda d: (dialogs.append(f"{label or page.url}: {d.message}"), d.dismiss()))
    page.set_content("<script>alert('canary')</script>")
    assert dialogs == [f"{label or 'about:blank'}: canary"], dialogs
    dialogs.clear()


def first_visit(url: str, script: str | None = None) -> list[tuple[str, int]]:
    """Every response of a cold first visit to ``url`` (a new browser, empty cache), in
    the order they finished, as (URL, body bytes uncompressed), once the network is idle; ``script`` is run
    in the page after it loaded (and the network awaited again)."""
    fetched: list[tuple[str, int]] = []

    def record(request: Any) -> None:
        response = request.response()
        fetched.append((request.url, len(response.body()) if response else 0))

    with chromium_page() as page:
        page.on("requestfinished", record)
        page.goto(url, wait_until="networkidle")
        if script:
            page.evaluate(script)
            page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)  # a fetch started by a timer after load
    return fetched
