"""publish/site.py: the whole publication, every address from one site map."""

from __future__ import annotations

import json
import posixpath
import re

import pytest

from generator.publish import sitemap as sitemap_module
from generator.publish.sitemap import Permalink, compose_fresh_sitemap, page_url
from generator.publish.site import check_site_url, render_publication, render_site
from generator.settings import Settings

SETTINGS = Settings(site_url="https://me.github.io/repo/", archive_title="Test archive")
# A Markdown link's target; a "]" that seed text brought is escaped ("\]"), so never starts one.
_LINK = re.compile(r"(?<!\\)\]\(([^)\s]+)\)")


def _displaced_lock(archive) -> tuple[Permalink, ...]:
    """A lock where a removed article held the natural address of the first article, so that
    article is published at another address (``-2``) and the removed one leaves a tombstone."""
    first = min(archive.articles, key=lambda a: a.id)
    taken = compose_fresh_sitemap(archive).article(first.id)
    return (Permalink("article", "999_removed", taken, "Gone"),)


@pytest.fixture(scope="module")
def publication(archive):
    return render_publication(archive, SETTINGS, _displaced_lock(archive))


def test_the_lock_moves_a_page_and_every_link_follows(archive, publication):
    pages, assignment = publication
    first = min(archive.articles, key=lambda a: a.id)
    moved = assignment.sitemap.article(first.id)
    assert moved.endswith("-2.md") and moved != compose_fresh_sitemap(archive).article(first.id)
    paths = [p.path for p in pages]
    assert moved in paths
    assert [t.path for t in assignment.tombstones] == [compose_fresh_sitemap(archive).article(first.id)]
    linked = {target for p in pages if p.path.endswith(".md") for target in _targets(p)}
    if archive.event_of(first.id) is not None:
        assert moved in linked, "pages link to the article's assigned address"


def test_every_link_of_every_page_points_at_an_address_of_the_site_map(publication):
    pages, assignment = publication
    known = assignment.sitemap.all_paths()
    tombstones = {t.path for t in assignment.tombstones}
    markdown_pages = [p for p in pages if p.path.endswith(".md")]
    assert {p.path for p in markdown_pages} <= known | tombstones
    checked = 0
    for page in markdown_pages:
        for target in _targets(page):
            assert target in known, f"{page.path} links to {target}, which the site map does not hold"
            checked += 1
    assert checked > 100


def test_the_exports_print_the_site_maps_addresses(archive, publication):
    pages, assignment = publication
    data = {p.path: p.body for p in pages if p.path.endswith(".json")}
    sitemap = assignment.sitemap
    for key, path_of in (("articles", sitemap.article), ("actors", sitemap.actor), ("events", sitemap.event)):
        for record in json.loads(data[f"data/{key}.json"])[key]:
            assert record["path"] == page_url(path_of(record["id"]))
            assert record["url"] == SETTINGS.site_url + record["path"]


def test_the_site_map_is_built_once_per_publication(archive, monkeypatch):
    calls = []
    original = sitemap_module.compose_fresh_sitemap
    monkeypatch.setattr(sitemap_module, "compose_fresh_sitemap", lambda a: calls.append(1) or original(a))
    render_publication(archive, SETTINGS, ())
    assert len(calls) == 1


def test_with_no_lock_the_publication_renders_the_fresh_addresses(archive):
    pages, assignment = render_publication(archive, SETTINGS, ())
    assert assignment.sitemap == compose_fresh_sitemap(archive)
    site = render_site(archive, SETTINGS)
    assert pages[: len(site)] == site


def _targets(page) -> list[str]:
    """The page paths a page's Markdown links point at, relative to the output dir.

    A link within the page (``#letter-a``) is no page: MkDocs --strict checks its anchor."""
    folder = posixpath.dirname(page.path)
    return [posixpath.normpath(posixpath.join(folder, t)) for t in _LINK.findall(page.body) if "://" not in t and not t.startswith("#")]


@pytest.mark.parametrize(
    ("site_url", "warns"),
    [
        ("http://127.0.0.1:8000/", True),  # mkdocs.yml's default: SITE_URL not set
        ("http://127.0.0.1/newsarchive/", False),  # a local test server, set on purpose
        ("https://me.github.io/repo/", False),
        ("https://news.example.org/", False),
    ],
)
def test_the_local_default_site_url_is_one_warning_naming_site_url(site_url, warns):
    problems = check_site_url(site_url)
    assert len(problems) == (1 if warns else 0)
    for p in problems:
        assert p.severity == "warning" and site_url in p.message and "SITE_URL" in p.message
