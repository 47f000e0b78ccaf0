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
