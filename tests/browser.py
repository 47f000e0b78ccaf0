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
    """Type ``query`` in the header's search box (Pagefind's UI in a dialog); the result links' hrefs.

    Waits for the message about the whole query: the UI searches as it is typed, and
    the results of a prefix may still be on screen.
    """
    if not page.locator("#na-search[open]").count():
        page.click(".na-search-box")
    page.fill(".pagefind-ui__search-input", query)
    page.wait_for_function(
        "q => (document.querySelector('.pagefind-ui__message') || {}).textContent?.includes(q.replaceAll('\"', ''))",
        arg=query,
        timeout=60_000,
    )
    # the message comes first, each result's title and snippet once its fragment is loaded
    page.wait_for_function(
        """() => /^(No|0) results/.test(document.querySelector('.pagefind-ui__message').textContent)
        || (document.querySelector('.pagefind-ui__result-link') && !document.querySelector('.pagefind-ui__loading'))""",
        timeout=60_000,
    )
    page.wait_for_load_state("networkidle")
    return page.locator(".pagefind-ui__result-link").evaluate_all("links => links.map(a => a.href)")
