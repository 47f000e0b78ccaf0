"""Feeds and data: the Atom feed and the JSON exports of articles, actors and events."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from generator.model import Field, Provenance
from generator.publish.exports import entry_id, render_exports
from generator.publish.sitemap import ACTORS_PATH, ARTICLES_PATH, EVENTS_PATH, FEED_PATH, compose_fresh_sitemap
from generator.settings import Settings
from generator.files.output import check_page_path, page_text

ATOM = "{http://www.w3.org/2005/Atom}"
SETTINGS = Settings(site_url="https://me.github.io/repo/", archive_title="Test archive")


@pytest.fixture(scope="module")
def exports(archive):
    return {p.path: page_text(p) for p in render_exports(archive, compose_fresh_sitemap(archive), SETTINGS)}


def test_every_export_is_a_file_the_generator_owns(exports):
    assert sorted(exports) == sorted([FEED_PATH, ARTICLES_PATH, ACTORS_PATH, EVENTS_PATH])
    for path in exports:
        check_page_path(path)


@pytest.mark.parametrize(
    "path, key, fields",
    [
        (ARTICLES_PATH, "articles", {"id", "url", "path", "title", "date", "date_precision", "outlet", "source_url",
                                     "summary", "dateline", "actors", "event", "curated", "sha256", "source_file"}),
        (ACTORS_PATH, "actors", {"id", "url", "path", "name", "type", "spellings", "description", "articles", "events"}),
        (EVENTS_PATH, "events", {"id", "url", "path", "title", "date", "date_precision", "articles", "actors", "related"}),
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
