"""The article page: links to the original and its Wayback Machine copy, and the cite box."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import markdown
import pytest

from generator.model import Archive, Article, Block, CleanDoc, DateValue, Field, Provenance
from generator.publish.citations import compose_bibtex, compose_citation
from generator.publish.markdown import link_destination, wayback_link
from generator.publish.pages import render_article_page
from generator.publish.sitemap import compose_fresh_sitemap
from generator.settings import Settings

PROV = Provenance("test", "", 1.0)
SETTINGS = Settings(site_url="https://me.github.io/repo/")


def _article(
    source_url: str | None = None,
    authors: tuple[str, ...] = (),
    outlet: str | None = "The Moscow Times",
    source_path: str = "seeds/001.txt",
) -> Article:
    return Article(
        id="001",
        source_path=source_path,
        sha256="ab" * 32,
        title=Field("Russia invites the opposition", PROV),
        doc=CleanDoc((Block("paragraph", "Text."),), ()),
        date=Field(DateValue(dt.date(2015, 8, 5)), PROV),
        outlet=Field(outlet, PROV) if outlet else None,
        source_url=Field(source_url, PROV) if source_url else None,
        authors=Field(authors, PROV) if authors else None,
    )


def _page_html(article: Article, settings: Settings = SETTINGS) -> str:
    archive = Archive((article,), (), ())
    page = render_article_page(article, archive, compose_fresh_sitemap(archive), settings)
    return markdown.markdown(page.body, extensions=["attr_list", "tables", "admonition", "md_in_html", "pymdownx.details"])


def _links(html: str) -> dict[str, str]:
    return {re.sub("<[^>]+>", "", text): href for href, text in re.findall(r'<a href="([^"]*)">(.*?)</a>', html)}


@pytest.mark.parametrize(
    ("url", "original"),
    [
        ("https://www.themoscowtimes.com/2015/08/05/talks-a-48787", "https://www.themoscowtimes.com/2015/08/05/talks-a-48787"),
        ("http://ex.com/a?x=1&y=2#top", "http://ex.com/a?x=1&amp;y=2#top"),
        # what Markdown or HTML would read is percent-encoded, never markup
        ('https://ex.com/a_(b)*c/"q"<script>[x] \'s', "https://ex.com/a_%28b%29%2Ac/%22q%22%3Cscript%3E%5Bx%5D%27s"),
    ],
)
def test_the_original_and_its_wayback_copy_are_linked(url, original):
    html = _page_html(_article(url))
    links = _links(html)
    host = re.match(r"https?://([^/]+)", url).group(1)
    assert links[f"Original article ({host})"] == original
    assert links["Wayback Machine copy"] == "https://web.archive.org/web/" + original
    assert "<script>" not in html


@pytest.mark.parametrize("url", [None, "javascript:alert(1)", "www.example.com/page", "ftp://ex.com/file", "http:///nohost"])
def test_no_original_link_without_a_web_address(url):
    html = _page_html(_article(url))
    assert "Original article" not in html and "web.archive.org" not in html
    assert 'href="javascript:' not in html


@pytest.mark.parametrize(
    ("source_path", "text", "href"),
    [
        ("seeds/001.txt", "Saved page (001.txt)", "../data/seeds/001.txt"),
        # any other kind is published as plain text: never served as a page of the site
        ("seeds/001.html", "Saved page (001.html)", "../data/seeds/001.html.txt"),
        ("seeds/001.md", "Saved page (001.md)", "../data/seeds/001.md.txt"),
        # a name Markdown or a URL would read is escaped in the text, encoded in the link
        ("seeds/a (b) [c]*#.txt", "Saved page (a (b) [c]*#.txt)", "../data/seeds/a%20%28b%29%20%5Bc%5D%2A%23.txt"),
    ],
)
def test_the_seed_as_saved_is_linked_when_the_archive_publishes_it(source_path, text, href):
    article = _article("https://ex.com/a", source_path=source_path)
    links = _links(_page_html(article, replace(SETTINGS, publish_seeds=True)))
    # relative to the Markdown file (articles/<slug>.md); MkDocs rewrites it for the page's folder
    assert links[text] == href
    assert "Original article (ex.com)" in links and "Wayback Machine copy" in links
    assert not any(t.startswith("Saved page") for t in _links(_page_html(article, replace(SETTINGS, publish_seeds=False))))


def test_without_a_url_or_a_published_seed_there_is_no_source_line():
    assert "na-sources" not in _page_html(_article(None))
    assert "na-sources" in _page_html(_article(None), replace(SETTINGS, publish_seeds=True))


def test_link_destination_keeps_a_plain_url_and_wayback_prefixes_it():
    url = "https://edition.cnn.com/2012/12/28/world/meast/syria-civil-war/index.html"
    assert link_destination(url) == url
    assert wayback_link(url) == "https://web.archive.org/web/" + url
    assert link_destination(" https://ex.com/a b\n") == "https://ex.com/ab"


def test_the_cite_box_names_the_outlet_once_and_the_authors():
    article = _article("https://ex.com/a", authors=("Jane Doe", "John Smith"))
    citation = compose_citation(article, "https://me.github.io/repo/articles/x/", "Archive", "5 August 2015")
    assert citation.startswith("Jane Doe and John Smith. “Russia invites the opposition.” The Moscow Times, 5 August 2015.")
    assert citation.count("The Moscow Times") == 1
    bibtex = compose_bibtex(article, "https://me.github.io/repo/articles/x/", "Archive")
    assert bibtex.count("The Moscow Times") == 1
    assert "author       = {{Jane Doe} and {John Smith}}" in bibtex


def test_a_citation_without_authors_or_outlet_starts_with_the_title():
    citation = compose_citation(_article(outlet=None), "https://me.github.io/repo/articles/x/", "Archive", "5 August 2015")
    assert citation.startswith("“Russia invites the opposition.”")
    assert "None" not in citation


def test_actor_page_and_events_index_count_the_undated_they_leave_out(archive):
    from dataclasses import replace as replace_

    from generator.publish.indexes import render_event_index
    from generator.publish.pages import render_actor_page

    actor = max(archive.actors, key=lambda a: len(a.article_ids))
    undated_id = actor.article_ids[0]
    articles = tuple(replace_(a, date=None) if a.id == undated_id else a for a in archive.articles)
    events = tuple(replace_(e, date=None) if i == 0 else e for i, e in enumerate(archive.events))
    changed = replace_(archive, articles=articles, events=events)
    sitemap = compose_fresh_sitemap(changed)
    body = render_actor_page(actor, changed, sitemap).body
    assert "**First dated:**" in body and "First seen" not in body
    assert "(1 undated article not counted)" in body
    assert "1 undated article is not in this chart." in body
    index = render_event_index(changed, sitemap).body
    assert "1 undated event is not in this chart." in index
    assert f"{len(changed.events)} events, newest first." in index


@pytest.mark.parametrize(
    ("provenance", "front_date", "around", "header"),
    [
        # a date the text states: the article's date
        (Provenance("dateline-date", '"August 5, 2015"', 0.85, "extracted"), "2015-08-05", None, "**Date:** 5 August 2015 ·"),
        # a fair inference: the article's date, marked inferred
        (Provenance("updated-label", '"Updated Aug 5, 2015"', 0.75, "inferred"), "2015-08-05", None, "**Date:** 5 August 2015 *(inferred)*"),
        # a weak inference (an event's other reports): never the article's date, "around" with why
        (Provenance("event-date", "event e1: 3 dated reports", 0.25, "inferred"), None, "2015-08-05", "**Date:** around 5 August 2015 *(no date written; inferred by event-date (event e1: 3 dated reports), confidence 0.25)*"),
    ],
)
def test_a_weak_inferred_date_is_shown_as_around_with_its_reason(provenance, front_date, around, header):
    article = _article()
    article = Article(**{**article.__dict__, "date": Field(DateValue(dt.date(2015, 8, 5)), provenance)})
    archive = Archive((article,), (), ())
    page = render_article_page(article, archive, compose_fresh_sitemap(archive), SETTINGS)
    meta = dict(page.front_matter)
    assert meta["date"] == front_date
    assert meta.get("date_around") == around
    assert header in page.body
    assert ("undated" in meta["citation"]) == (front_date is None)  # the cite box gives no day it does not know
