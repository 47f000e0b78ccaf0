"""The built site in a real browser: Debian's Chromium driven by Playwright.

Never a downloaded browser: the tests use /usr/bin/chromium, and are skipped
with a clear reason where it is not installed (CI installs it: see .ci/run).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from ..browser import CHROMIUM, chromium_page
from ..conftest import ROOT

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"),
    reason=f"{CHROMIUM} not installed (apt-get install chromium chromium-driver)",
)


@pytest.fixture(scope="module")
def page():
    with chromium_page() as pg:
        yield pg


def test_home_page_shows_the_archive(page, server):
    page.goto(server)
    assert "articles" in page.locator("article").inner_text()
    assert page.locator(".md-tabs__link, .md-nav__link").filter(has_text="Events").count() >= 1
    assert not page.errors


def test_search_finds_an_actor_and_reaches_an_article(page, server):
    page.goto(server)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    # typed key by key: Material searches on keyboard events, not on a filled value
    page.locator("input.md-search__input").press_sequentially("Khoja", delay=30)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=15000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any("/articles/" in (h or "") for h in hrefs), hrefs
    assert any("/actors/khaled-khoja/" in (h or "") for h in hrefs), hrefs
    page.locator(".md-search-result__item a[href*='articles/']").first.click()
    page.wait_for_url("**/articles/**")
    assert "Khaled Khoja" in page.locator("article").inner_text()


def test_article_actor_event_article_round_trip(page, server):
    page.goto(server + "events/")
    page.locator("article li a").first.click()
    page.wait_for_url("**/events/*/")
    event_url = page.url
    page.locator("article a[href*='articles/']").first.click()
    page.wait_for_url("**/articles/**")
    article_url = page.url
    page.locator("article .na-meta a[href*='actors/']").first.click()
    page.wait_for_url("**/actors/**")
    assert page.locator("article h1").inner_text()
    page.locator("article a[href*='articles/']").first.click()
    page.wait_for_url("**/articles/**")
    page.goto(article_url)
    page.locator("article a[href*='events/']").first.click()
    page.wait_for_url("**/events/**")
    assert page.url.rstrip("/") == event_url.rstrip("/")
    assert not page.errors


def test_cleaning_record_opens(page, server):
    page.goto(server + "events/")
    page.locator("article li a").first.click()
    page.wait_for_url("**/events/*/")
    page.locator("article a[href*='articles/']").first.click()
    page.wait_for_url("**/articles/**")
    # actors are tags for search, but the page lists them as links: no duplicate chips
    assert page.locator("article nav.md-tags").count() == 1
    assert page.locator("article nav.md-tags").is_hidden()
    record = page.locator("details.note").first
    assert not record.locator("table").is_visible()
    record.locator("summary").click()
    assert record.locator("table").is_visible()


def test_screenshot_for_the_readme(page, server, tmp_path):
    """Take the README's screenshot; `UPDATE_SCREENSHOT=1` writes it into the repository."""
    page.goto(server)
    target = ROOT / "site_src" / "assets" / "screenshot.png" if os.environ.get("UPDATE_SCREENSHOT") else tmp_path / "s.png"
    page.screenshot(path=str(target))
    assert target.stat().st_size > 10_000
    if not os.environ.get("UPDATE_SCREENSHOT"):
        shutil.rmtree(tmp_path, ignore_errors=True)


def test_the_review_page_is_in_the_navigation(page, server):
    page.goto(server)
    page.locator(".md-tabs__link", has_text="Review").click()
    page.wait_for_url(server + "review/")
    assert page.locator("article h1").inner_text().startswith("Review")


# A phone's width (an iPhone 12-15 in portrait): no page may scroll sideways there.
PHONE_WIDTH = 390


@pytest.fixture
def phone(page):
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 844})
    yield page
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.mark.parametrize("which", ["home", "article", "review", "actors index", "events index"])
def test_no_page_scrolls_sideways_on_a_phone(phone, server, which):
    path = {"home": "", "review": "review/", "actors index": "actors/", "events index": "events/"}.get(which)
    if which == "article":
        phone.goto(server + "events/")
        phone.locator("article li a").first.click()
        phone.wait_for_url("**/events/*/")
        phone.locator("article a[href*='articles/']").first.click()
        phone.wait_for_url("**/articles/**")
    else:
        phone.goto(server + path)
    # the wide records too: open every cleaning and provenance record
    phone.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    widths = phone.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"{which}: the page is {widths[0]} px wide in a {widths[1]} px window"
    # a table wider than the screen scrolls inside its own box
    for box in phone.locator("article table").all():
        right = box.evaluate("t => (t.closest('.md-typeset__scrollwrap') || t).getBoundingClientRect().right")
        assert right <= PHONE_WIDTH + 0.5, which
