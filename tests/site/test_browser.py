"""The built site in a real browser: Debian's Chromium driven by Playwright.

Never a downloaded browser: the tests use /usr/bin/chromium, and are skipped
with a clear reason where it is not installed (CI installs it: see .ci/run).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from ..browser import CHROMIUM, chromium_page, result_links, search_archive, wait_for_results
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


def test_no_search_file_is_downloaded_before_the_visitor_searches(page, server):
    fetched: list[str] = []

    def record(request):
        fetched.append(request.url)

    page.on("requestfinished", record)
    page.goto(server, wait_until="networkidle")
    page.goto(server + "actors/", wait_until="networkidle")
    page.remove_listener("requestfinished", record)
    assert not [u for u in fetched if "/pagefind/" in u or "search_index" in u], fetched
    assert page.locator(".na-search-box").is_visible()


def test_search_finds_an_actor_and_reaches_an_article(page, server):
    page.goto(server)
    hrefs = search_archive(page, "Khoja")
    assert any("/articles/" in h for h in hrefs), hrefs
    assert any("/actors/khaled-khoja/" in h for h in hrefs), hrefs
    # a result shows its date and outlet, and a snippet of text, not a list of actors
    article = page.locator(".na-search__result", has=page.locator("a[href*='/articles/']")).first
    assert article.locator("[data-meta=outlet]").inner_text() == "The Moscow Times"
    assert article.locator("[data-meta=date]").inner_text() == "13 August 2015"
    assert "Khoja" in article.locator(".na-search__excerpt").inner_text()
    assert "Adel al-Jubeir, Interfax" not in article.inner_text()
    article.locator("a.na-search__link").click()
    page.wait_for_url("**/articles/**")
    assert "Khaled Khoja" in page.locator("article").inner_text()
    assert not page.locator("#na-search[open]").count(), "the dialog closes on the way to a result"
    assert not page.errors


def test_search_opens_with_slash_and_closes_with_escape_keeping_focus_inside(page, server):
    page.goto(server)
    page.keyboard.press("/")
    page.wait_for_selector("#na-search[open]")
    assert page.evaluate("document.activeElement.classList.contains('na-search__input')")
    search_archive(page, "Khoja")
    # Tab goes round the dialog's controls and never reaches the page behind it
    for _ in range(40):
        page.keyboard.press("Tab")
        assert page.evaluate("!!document.activeElement.closest('#na-search')")
    page.keyboard.press("Escape")
    assert not page.locator("#na-search[open]").count()


@pytest.mark.parametrize(("name", "slug"), [("Sergei Lavrov", "sergei-lavrov"), ("Vladimir Putin", "vladimir-putin"), ("Syria", "syria")])
def test_an_actors_own_page_ranks_first_for_its_name(page, server, name, slug):
    page.goto(server)
    hrefs = search_archive(page, name)
    assert hrefs and hrefs[0].endswith(f"/actors/{slug}/"), hrefs[:5]


def _check_filter(page, group: str, value: str) -> None:
    """Open ``group`` among the search's filters, tick ``value`` and wait for the narrower results."""
    term = page.locator(".na-search__input").input_value().strip()
    if page.locator(".na-search__filters").is_hidden():
        page.click(".na-search__toggle")  # behind a toggle on a phone
    block = page.locator(f".na-search__filter[data-filter={group}]")
    if block.get_attribute("open") is None:
        block.locator("summary").click()  # its values are fetched now, not before
        wait_for_results(page, term)
    find = block.locator(".na-search__find")
    if find.count():  # a long list shows its most frequent values: find the others
        find.fill(value)
    block.locator(".na-search__value", has_text=value).locator("input").check()
    wait_for_results(page, term)


def test_a_filtered_search_finds_articles_by_actor_and_year(page, server):
    page.goto(server)
    everything = search_archive(page, "opposition")
    assert any("/articles/2012-" in h for h in everything), everything
    _check_filter(page, "Actor", "Vladimir Putin")
    _check_filter(page, "Year", "2015")
    filtered = result_links(page)
    assert filtered and all("/articles/2015-" in h for h in filtered), filtered
    assert len(filtered) < len(everything)


def test_a_plain_search_fetches_no_filter_and_opening_one_fetches_only_it(page, server):
    fetched: list[str] = []

    def record(request):
        fetched.append(request.url)

    page.on("requestfinished", record)
    page.goto(server)
    search_archive(page, "Russia")
    page.wait_for_load_state("networkidle")
    assert not [u for u in fetched if "/pagefind/filter/" in u], fetched
    assert not [u for u in fetched if "pagefind-ui" in u or "pagefind-worker" in u], fetched
    page.locator(".na-search__filter[data-filter=Kind] summary").click()
    wait_for_results(page, "Russia")
    # the values are drawn once the search the opening started has answered
    page.locator(".na-search__filter[data-filter=Kind] .na-search__value").first.wait_for(timeout=15_000)
    page.wait_for_load_state("networkidle")
    page.remove_listener("requestfinished", record)
    # at most that filter's chunk, never every filter's (Pagefind may already hold a small
    # archive's filter values: this Chromium and Pagefind fetch no chunk for the five seeds)
    assert len([u for u in fetched if "/pagefind/filter/" in u]) <= 1, fetched
    assert page.locator(".na-search__filter[data-filter=Kind] .na-search__value", has_text="article").count() == 1


def test_search_results_sort_by_date_and_keep_their_filters(page, server):
    page.goto(server)
    search_archive(page, "Russia")
    _check_filter(page, "Kind", "article")
    page.select_option(".na-search__sort select", "desc")
    wait_for_results(page, "Russia")
    dates = page.locator(".na-search__meta [data-meta=date]").all_inner_texts()
    years = [int(d.split()[-1]) for d in dates]
    assert len(years) > 1 and years == sorted(years, reverse=True), dates
    hrefs = result_links(page)
    assert all("/articles/" in h for h in hrefs), "the Kind filter is still ticked"


def _shown_actors(page) -> list[str]:
    return page.locator(".na-index tbody tr:not([hidden]) td:first-child").all_inner_texts()


def test_the_actors_filter_narrows_the_list(page, server):
    page.goto(server + "actors/")
    everyone = _shown_actors(page)
    assert len(everyone) > 20
    page.fill(".na-index__filter", "lavr")
    page.wait_for_function("() => document.querySelectorAll('.na-index tbody tr:not([hidden])').length < 5")
    assert _shown_actors(page) == ["Sergei Lavrov"]
    assert float(page.locator(".na-index").get_attribute("data-na-filter-ms")) < 100
    page.fill(".na-index__filter", "")
    page.locator(".na-index__facet", has_text="state").click()
    states = _shown_actors(page)
    assert "Russia" in states and "Sergei Lavrov" not in states and len(states) < len(everyone)
    page.locator(".na-index__facet", has_text="All").click()
    # sorting by count: the most named actor first, then back to A to Z
    page.locator(".na-index__sort", has_text="Articles").click()
    counts = [int(c) for c in page.locator(".na-index tbody td:last-child").all_inner_texts()]
    assert counts == sorted(counts, reverse=True)
    page.locator(".na-index__sort", has_text="Actor").click()
    assert _shown_actors(page) == everyone
    # the jump links reach their letter
    page.locator(".na-jump a", has_text="S").first.click()
    assert page.url.endswith("#letter-s")
    assert not page.errors


def test_the_outlets_filter_narrows_the_list(page, server):
    page.goto(server + "outlets/")
    page.fill(".na-index__filter", "moscow")
    page.wait_for_function("() => document.querySelectorAll('.na-index tbody tr:not([hidden])').length === 1")
    assert _shown_actors(page) == ["The Moscow Times"]


def test_article_actor_event_article_round_trip(page, server):
    page.goto(server + "events/")
    page.locator("article li a:not(.na-jump a)").first.click()
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
    page.locator("article li a:not(.na-jump a)").first.click()
    page.wait_for_url("**/events/*/")
    page.locator("article a[href*='articles/']").first.click()
    page.wait_for_url("**/articles/**")
    # the page lists its actors as links, once: no tag chips above the title
    assert page.locator("article nav.md-tags").count() == 0
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


@pytest.mark.parametrize("which", ["home", "article", "review", "actors index", "events index", "search", "search filters"])
def test_no_page_scrolls_sideways_on_a_phone(phone, server, which):
    path = {"home": "", "review": "review/", "actors index": "actors/", "events index": "events/"}.get(which)
    if which in ("search", "search filters"):
        phone.goto(server)
        search_archive(phone, "Russia")
        # the filters wait behind a toggle: the first result is near the top
        assert phone.locator(".na-search__filters").is_hidden()
        top = phone.locator(".na-search__result").first.evaluate("r => r.getBoundingClientRect().top")
        assert top < 200, top
        if which == "search filters":
            _check_filter(phone, "Actor", "Vladimir Putin")
    elif which == "article":
        phone.goto(server + "events/")
        phone.locator("article li a:not(.na-jump a)").first.click()
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
