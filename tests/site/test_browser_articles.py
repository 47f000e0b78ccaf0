"""The articles index in Chromium: sorting and filtering on the demo site, and its weight at 10,000 articles."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.publish.article_list import ARTICLE_LIST_PATH, render_article_list_data
from generator.publish.sitemap import compose_fresh_sitemap

from ..browser import CHROMIUM, chromium_page, served_site
from ..publish.test_article_list import synthetic_archive

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"),
    reason=f"{CHROMIUM} not installed (apt-get install chromium chromium-driver)",
)

# The budget: the page's own bytes before any interaction at 10,000 articles (its
# HTML, its script and the data it fetches; Material's stylesheet and script are every
# page's, cached after the first).
PAGE_BUDGET = 150_000


@pytest.fixture(scope="module")
def page():
    with chromium_page() as pg:
        yield pg


def _loaded(page) -> None:
    page.wait_for_selector(".na-articles[data-na-loaded]", timeout=30_000)
    page.wait_for_function("!document.querySelector('.na-articles[aria-busy]')")


def _column(page, index: int) -> list[str]:
    page.wait_for_function("!document.querySelector('.na-articles[aria-busy]')")
    return page.locator(f".na-articles tbody tr td:nth-child({index})").all_inner_texts()


def test_the_articles_tab_opens_every_article_newest_first(page, server):
    page.goto(server)
    page.locator(".md-tabs__link", has_text="Articles").click()
    page.wait_for_url(server + "articles/")
    _loaded(page)
    dates = _column(page, 1)
    assert len(dates) == 5 and dates == sorted(dates, reverse=True)
    assert page.locator(".na-articles tbody a[href*='/articles/']").count() == 5
    assert page.locator(".na-articles tbody a[href*='/events/']").count() == 5
    page.locator(".na-articles tbody a[href*='/articles/']").first.click()
    page.wait_for_url("**/articles/2017-*/")
    assert not page.errors


def test_sorting_by_title_and_outlet_and_filtering_by_outlet_and_year(page, server):
    page.goto(server + "articles/")
    _loaded(page)
    page.click("[data-na-sort=title]")
    titles = _column(page, 3)
    assert titles == sorted(titles, key=str.casefold) and len(titles) == 5
    page.click("[data-na-sort=title]")  # again: the other way
    assert _column(page, 3) == titles[::-1]
    page.click("[data-na-sort=outlet]")
    outlets = _column(page, 2)
    assert outlets[-1] == "—", "no outlet comes last"
    assert outlets[:-1] == sorted(outlets[:-1])
    page.select_option("[data-na-filter=outlet]", "The Moscow Times")
    assert set(_column(page, 2)) == {"The Moscow Times"} and len(_column(page, 2)) == 2
    page.select_option("[data-na-filter=outlet]", "")
    page.select_option("[data-na-filter=year]", "2012")
    assert [d[:4] for d in _column(page, 1)] == ["2012", "2012"]
    assert "2 of 2 articles" in page.locator(".na-articles .na-index__count").inner_text()
    assert not page.errors


@pytest.fixture(scope="module")
def big_site(built, tmp_path_factory) -> Path:
    """The demo site with the list data of 10,000 synthetic articles in place of its own."""
    site = tmp_path_factory.mktemp("articles10k") / "site"
    shutil.copytree(built / "site", site)
    for old in (site / "data").glob("article-list*.json"):
        old.unlink()
    archive = synthetic_archive(10_000)
    for data in render_article_list_data(archive, compose_fresh_sitemap(archive)):
        (site / data.path).write_text(data.body, encoding="utf-8")
    return site


def test_at_10k_articles_the_page_weighs_under_150_kb_before_interaction_and_still_sorts(page, big_site):
    sizes: dict[str, int] = {}
    page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())) if r.ok else None)
    with served_site(big_site) as base:
        page.goto(base + "articles/", wait_until="networkidle")
        _loaded(page)
        own = {u: n for u, n in sizes.items() if u == base + "articles/" or "/data/" in u or u.endswith("/articles.js")}
        fetched_data = sorted(u.rsplit("/", 1)[1] for u in own if "/data/" in u)
        assert fetched_data == ["article-list-1.json", "article-list.json"], "only the manifest and the first chunk"
        total = sum(own.values())
        print(f"articles index at 10,000 articles: {total} bytes before interaction ({own})")
        assert total <= PAGE_BUDGET, own
        assert "1–100 of 10,000 articles" in page.locator(".na-articles .na-index__count").inner_text()
        page.select_option("[data-na-filter=year]", "")  # the undated
        _loaded(page)
        assert set(_column(page, 1)) == {"undated"} and len(_column(page, 1)) == 100
        assert "of 200 articles" in page.locator(".na-articles .na-index__count").inner_text()
        page.select_option("[data-na-filter=year]", "*")
        page.click("[data-na-sort=title]")
        titles = _column(page, 3)
        assert len(titles) == 100 and titles == sorted(titles, key=lambda t: [int(w) if w.isdigit() else w.casefold() for w in t.split()])
        page.click("text=Older →")
        assert "101–200 of 10,000" in page.locator(".na-articles .na-index__count").inner_text()
        assert sum("/data/article-list-" in u for u in sizes) == 40, "sorting fetched every chunk"
    assert not page.errors


@pytest.mark.parametrize("width", [1280, 390])
def test_the_articles_index_fits_the_screen(page, server, width):
    page.set_viewport_size({"width": width, "height": 900})
    try:
        page.goto(server + "articles/")
        _loaded(page)
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], widths
    finally:
        page.set_viewport_size({"width": 1280, "height": 900})
