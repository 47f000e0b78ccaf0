"""The articles index: a light page plus small JSON files holding every article, newest first."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from generator.model import Archive, Article, Block, CleanDoc, DateValue, Event, Field, Provenance
from generator.publish.article_list import (
    ARTICLE_INDEX_PATH,
    ARTICLE_LIST_PATH,
    CHUNK_ROWS,
    PAGE_ROWS,
    render_article_index,
    render_article_list_data,
)
from generator.publish.sitemap import compose_fresh_sitemap

PROV = Provenance("test", "", 1.0)
OUTLETS = [f"The Daily Outlet Number {i}" for i in range(40)]
WORDS = ["talks", "ceasefire", "delegation", "sanctions", "agreement", "conference", "resolution", "summit", "offensive"]


def synthetic_archive(n: int) -> Archive:
    """``n`` articles shaped like bench/make_archive.py's: 70-character headlines, 40 outlets,
    three articles an event, one in 50 undated, dates over 12 years."""
    articles, events = [], []
    start = dt.date(2012, 1, 1)
    for i in range(n):
        day = start + dt.timedelta(days=(i * 7919) % 4380)
        words = " ".join(WORDS[(i * k) % len(WORDS)] for k in range(1, 6))
        title = f"Foreign ministers discuss {words} in Geneva {i}"[:70]
        articles.append(
            Article(
                id=f"a{i:05d}",
                source_path=f"seeds/a{i:05d}.txt",
                sha256=f"{i:064x}",
                title=Field(title, PROV),
                doc=CleanDoc((Block("paragraph", "Text."),), ()),
                date=None if i % 50 == 0 else Field(DateValue(day), PROV),
                outlet=None if i % 97 == 0 else Field(OUTLETS[i % len(OUTLETS)], PROV),
            )
        )
    for j in range(0, n, 3):
        ids = tuple(a.id for a in articles[j : j + 3])
        first = articles[j]
        events.append(Event(f"event-{j}-{first.title.value[:40].lower().replace(' ', '-')}", first.title.value, first.date.value if first.date else None, ids))
    return Archive(tuple(articles), (), tuple(events))


def _data(archive: Archive) -> dict[str, dict]:
    pages = render_article_list_data(archive, compose_fresh_sitemap(archive))
    return {p.path: json.loads(p.body) for p in pages}


def test_every_article_is_listed_once_newest_first_undated_last_with_its_outlet_and_event():
    archive = synthetic_archive(600)
    sitemap = compose_fresh_sitemap(archive)
    data = _data(archive)
    manifest = data[ARTICLE_LIST_PATH]
    assert manifest["count"] == 600
    assert manifest["chunks"] == ["article-list-1.json", "article-list-2.json", "article-list-3.json"]
    rows = []
    for name in manifest["chunks"]:
        chunk = data[f"data/{name}"]
        assert len(chunk["rows"]) <= CHUNK_ROWS
        for date, title, outlet, event, slug in chunk["rows"]:
            rows.append((date, title, manifest["outlets"][outlet] if outlet >= 0 else None, chunk["events"][event] if event >= 0 else None, slug))
    assert len(rows) == 600 and len({r[4] for r in rows}) == 600
    dates = [r[0] for r in rows]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)
    assert dates[len(dated) :] == [""] * 12, "the 12 undated articles come last, marked by an empty date"
    by_slug = {sitemap.article(a.id).removeprefix("articles/").removesuffix(".md"): a for a in archive.articles}
    for date, title, outlet, event, slug in rows:
        article = by_slug[slug]
        assert title == article.title.value
        assert outlet == (article.outlet.value if article.outlet else None)
        expected = archive.event_of(article.id)
        assert event == [expected.title, sitemap.event(expected.id).removeprefix("events/").removesuffix(".md")]
    years = dict(map(tuple, manifest["years"]))
    assert years[""] == 12 and sum(years.values()) == 600


def test_the_page_holds_only_the_newest_rows_and_says_where_else_to_go():
    archive = synthetic_archive(300)
    page = render_article_index(archive, compose_fresh_sitemap(archive))
    assert page.path == ARTICLE_INDEX_PATH
    rows = [line for line in page.body.splitlines() if line.startswith("| ") and "](" in line]
    assert len(rows) == PAGE_ROWS
    assert 'data-na-list="../data/article-list.json"' in page.body
    assert "(../events/index.md)" in page.body and "(../data/articles.csv)" in page.body, "a way in without script"
    assert "300 articles, newest first (6 undated, listed last)." in page.body


def test_undated_articles_are_marked_undated_in_the_page():
    archive = synthetic_archive(3)  # the first is undated (i % 50 == 0)
    body = render_article_index(archive, compose_fresh_sitemap(archive)).body
    assert body.count("*undated*") == 1
    assert "JavaScript" not in body, "a short list needs no note: it is all there"


@pytest.mark.parametrize("n", [10_000])
def test_at_10k_articles_the_page_and_the_data_it_fetches_first_stay_small(n):
    archive = synthetic_archive(n)
    sitemap = compose_fresh_sitemap(archive)
    pages = {p.path: p.body for p in render_article_list_data(archive, sitemap)}
    first = len(pages[ARTICLE_LIST_PATH].encode()) + len(pages["data/article-list-1.json"].encode())
    markdown = len(render_article_index(archive, sitemap).body.encode())
    # the browser test measures the built page; here the parts the generator controls
    assert first < 90_000, first
    assert markdown < 25_000, markdown
    assert max(len(b.encode()) for b in pages.values()) < 90_000
