"""Feeds and data: the Atom feed and the JSON exports of articles, actors and events."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from generator.model import Field, Provenance
from generator.publish.exports import entry_id, render_exports
from generator.publish.sitemap import (
    ACTORS_CSV_PATH,
    ACTORS_PATH,
    ARTICLES_CSV_PATH,
    ARTICLES_PATH,
    EVENTS_CSV_PATH,
    EVENTS_PATH,
    FEED_PATH,
    compose_fresh_sitemap,
)
from generator.publish.spreadsheets import ACTOR_COLUMNS, ARTICLE_COLUMNS, EVENT_COLUMNS
from generator.settings import Settings
from generator.files.output import check_page_path, page_text

ATOM = "{http://www.w3.org/2005/Atom}"
SETTINGS = Settings(site_url="https://me.github.io/repo/", archive_title="Test archive")


@pytest.fixture(scope="module")
def exports(archive):
    return {p.path: page_text(p) for p in render_exports(archive, compose_fresh_sitemap(archive), SETTINGS)}


def test_every_export_is_a_file_the_generator_owns(exports, archive):
    sitemap = compose_fresh_sitemap(archive)
    feeds = [sitemap.actor_feed(a.id) for a in archive.actors] + [sitemap.event_feed(e.id) for e in archive.events]
    fixed = [FEED_PATH, ARTICLES_PATH, ACTORS_PATH, EVENTS_PATH, ARTICLES_CSV_PATH, ACTORS_CSV_PATH, EVENTS_CSV_PATH]
    assert sorted(exports) == sorted(fixed + feeds)
    assert len(set(feeds)) == len(feeds)
    for path in exports:
        check_page_path(path)


@pytest.mark.parametrize(
    "path, key, fields",
    [
        (ARTICLES_PATH, "articles", {"id", "url", "path", "title", "date", "date_precision", "outlet", "authors", "source_url",
                                     "summary", "dateline", "actors", "event", "curated", "sha256", "source_file"}),
        (ACTORS_PATH, "actors", {"id", "url", "path", "name", "type", "spellings", "description", "articles", "events"}),
        (EVENTS_PATH, "events", {"id", "url", "path", "title", "title_article", "title_provenance", "date", "date_precision",
                                 "articles", "actors", "related"}),
    ],
)
def test_json_exports_have_the_documented_fields(exports, archive, path, key, fields):
    data = json.loads(exports[path])
    assert data["version"] == 1
    records = data[key]
    assert len(records) == len(getattr(archive, key))
    for record in records:
        assert set(record) == fields
        assert record["url"] == "https://me.github.io/repo/" + record["path"]


def test_json_exports_link_to_each_other(exports):
    articles = {a["id"]: a for a in json.loads(exports[ARTICLES_PATH])["articles"]}
    actors = {a["id"] for a in json.loads(exports[ACTORS_PATH])["actors"]}
    events = {e["id"]: e for e in json.loads(exports[EVENTS_PATH])["events"]}
    for article in articles.values():
        assert set(article["actors"]) <= actors
        assert article["id"] in events[article["event"]]["articles"]


def test_the_feed_is_atom_with_absolute_links_newest_first(exports, archive):
    feed = ET.fromstring(exports[FEED_PATH].encode("utf-8"))
    entries = feed.findall(f"{ATOM}entry")
    dated = [a for a in archive.articles if a.date]
    assert len(entries) == len(dated)
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert feed.findtext(f"{ATOM}updated") == updated[0], "the feed's date is its newest entry's, not the clock's"
    for entry in entries:
        href = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        assert href.startswith("https://me.github.io/repo/articles/")
        assert entry.findtext(f"{ATOM}id").startswith("urn:uuid:")


def test_feed_entry_ids_survive_a_new_title_and_a_new_site_url():
    assert entry_id("001_x") == entry_id("001_x") != entry_id("002_y")


@pytest.mark.parametrize("title", ['<script>alert("x")</script> & co', "control\x07char", "“quotes” ‘and’ ünïcode"])
def test_seed_text_in_the_feed_stays_text(archive, title):
    first = archive.articles[0]
    hostile = replace(archive, articles=(replace(first, title=Field(title, Provenance("t", "", 1.0))), *archive.articles[1:]))
    text = next(p.body for p in render_exports(hostile, compose_fresh_sitemap(hostile), SETTINGS) if p.path == FEED_PATH)
    feed = ET.fromstring(text.encode("utf-8"))  # still well-formed XML
    titles = [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]
    assert title.replace("\x07", "") in titles


def test_exports_are_deterministic(archive):
    sitemap = compose_fresh_sitemap(archive)
    assert render_exports(archive, sitemap, SETTINGS) == render_exports(archive, sitemap, SETTINGS)


def test_actor_events_are_those_sharing_an_article_in_the_archives_order(archive) -> None:
    assert any(archive.events_of_actor(actor.id) for actor in archive.actors)
    for actor in archive.actors:
        expected = tuple(e for e in archive.events if set(e.article_ids) & set(actor.article_ids))
        assert archive.events_of_actor(actor.id) == expected


# --- spreadsheets -------------------------------------------------------------------------


def _read_csv(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff"), "a byte-order mark, so spreadsheet apps read UTF-8"
    assert "\r\n" in text and "\n" not in text.replace("\r\n", ""), "RFC 4180 line ends (no bare newline in these seeds)"
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


@pytest.mark.parametrize(
    ("csv_path", "json_path", "key", "columns"),
    [
        (ARTICLES_CSV_PATH, ARTICLES_PATH, "articles", ARTICLE_COLUMNS),
        (ACTORS_CSV_PATH, ACTORS_PATH, "actors", ACTOR_COLUMNS),
        (EVENTS_CSV_PATH, EVENTS_PATH, "events", EVENT_COLUMNS),
    ],
)
def test_csv_exports_have_one_row_per_record_of_the_json(exports, csv_path, json_path, key, columns):
    rows = _read_csv(exports[csv_path])
    records = json.loads(exports[json_path])[key]
    assert list(rows[0]) == list(columns)
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    for row, record in zip(rows, records):
        assert row["url"] == record["url"]
        for column in set(columns) & set(record):
            value = record[column]
            # the JSON's actor ids are the CSV's actor_ids; its "actors" column names them
            cell = row["actor_ids" if column == "actors" else column]
            if isinstance(value, list):
                assert cell == "; ".join(value), column
            elif column not in ("title", "name", "summary", "description"):  # text may be guarded against formulas
                assert cell == ("" if value is None else str(value)), column


def test_csv_articles_name_their_actors_and_event(exports, archive):
    rows = {r["id"]: r for r in _read_csv(exports[ARTICLES_CSV_PATH])}
    for article in archive.articles:
        row = rows[article.id]
        assert row["actors"].split("; ") == [archive.actor(i).name for i in article.actor_ids]
        event = archive.event_of(article.id)
        assert row["event_title"] == (event.title if event else "")


@pytest.mark.parametrize(
    ("title", "cell"),
    [
        ("=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"),
        ("-1 dead, +2 hurt", "'-1 dead, +2 hurt"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ('A "quoted", comma; title\nover two lines', 'A "quoted", comma; title\nover two lines'),
        ("ünïcode “quotes”", "ünïcode “quotes”"),
    ],
)
def test_csv_cells_are_text_never_formulas(archive, title, cell):
    first = min(archive.articles, key=lambda a: a.id)
    hostile = replace(archive, articles=tuple(replace(a, title=Field(title, Provenance("t", "", 1.0))) if a is first else a for a in archive.articles))
    text = next(p.body for p in render_exports(hostile, compose_fresh_sitemap(hostile), SETTINGS) if p.path == ARTICLES_CSV_PATH)
    rows = list(csv.DictReader(io.StringIO(text[1:], newline="")))
    assert next(r for r in rows if r["id"] == first.id)["title"] == cell
    assert len(rows) == len(archive.articles)


# --- feeds per actor and per event -----------------------------------------------------------


def _feed(exports, path):
    feed = ET.fromstring(exports[path].encode("utf-8"))
    assert feed.tag == f"{ATOM}feed"
    return feed


def test_each_actor_and_event_has_a_valid_atom_feed_of_its_articles(exports, archive):
    sitemap = compose_fresh_sitemap(archive)
    topics = [(sitemap.actor_feed(a.id), sitemap.actor(a.id), a.article_ids) for a in archive.actors]
    topics += [(sitemap.event_feed(e.id), sitemap.event(e.id), e.article_ids) for e in archive.events]
    ids = set()
    for feed_path, page_path, article_ids in topics:
        feed = _feed(exports, feed_path)
        for required in ("id", "title", "updated"):
            assert feed.findtext(f"{ATOM}{required}"), (feed_path, required)
        ids.add(feed.findtext(f"{ATOM}id"))
        links = {l.get("rel"): l.get("href") for l in feed.findall(f"{ATOM}link")}
        assert links["self"] == "https://me.github.io/repo/" + feed_path
        assert links["alternate"].startswith("https://me.github.io/repo/")
        dated = {archive.article(i).id for i in article_ids if archive.article(i).date}
        entries = feed.findall(f"{ATOM}entry")
        assert len(entries) == min(len(dated), 20)
        for entry in entries:
            for required in ("id", "title", "updated"):
                assert entry.findtext(f"{ATOM}{required}"), (feed_path, required)
        updated = [e.findtext(f"{ATOM}updated") for e in entries]
        assert updated == sorted(updated, reverse=True)
        if entries:
            assert feed.findtext(f"{ATOM}updated") == updated[0]
    assert len(ids) == len(topics), "every feed has its own id"


def test_actor_and_event_pages_link_their_feed(archive):
    from generator.publish.site import render_site

    sitemap = compose_fresh_sitemap(archive)
    pages = {p.path: p.body for p in render_site(archive, SETTINGS, sitemap)}
    for page_path, feed_path in [(sitemap.actor(a.id), sitemap.actor_feed(a.id)) for a in archive.actors] + [
        (sitemap.event(e.id), sitemap.event_feed(e.id)) for e in archive.events
    ]:
        assert f"[Atom feed](../{feed_path})" in pages[page_path]


def test_event_exports_say_which_report_gave_the_title(exports, archive):
    events = {e["id"]: e for e in json.loads(exports[EVENTS_PATH])["events"]}
    rows = {r["id"]: r for r in _read_csv(exports[EVENTS_CSV_PATH])}
    assert any(e.title_article for e in archive.events)
    for event in archive.events:
        record, row = events[event.id], rows[event.id]
        assert record["title_article"] == event.title_article and row["title_article"] == (event.title_article or "")
        if event.title_article is not None:  # a report's headline or lead: that report is one of the event's
            assert event.title_article in record["articles"]
            assert record["title_provenance"]["method"] == row["title_method"] == event.title_provenance.method
