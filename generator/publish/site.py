"""The whole publication: every page and file of the site, at the addresses of one site map."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Sequence

from generator.model import Archive, Article, Page, Problem
from generator.publish.article_list import render_article_index, render_article_list_data
from generator.publish.exports import render_exports
from generator.publish.markdown import relative_link
from generator.publish.moved import render_redirect_pages, render_tombstone_pages
from generator.publish.indexes import render_actor_index, render_event_index, render_outlet_index
from generator.publish.pages import (
    render_actor_page,
    render_article_page,
    render_event_page,
    render_home_page,
    render_outlet_page,
)
from generator.publish.review import render_review_page
from generator.publish.sitemap import Assignment, Permalink, SiteMap, assign_permalinks, compose_fresh_sitemap, list_outlet_names
from generator.settings import Settings

# mkdocs.yml's site_url when SITE_URL is not set (the address of `make serve`).
DEFAULT_SITE_URL = Settings().site_url


def render_publication(
    archive: Archive, settings: Settings, lock: Sequence[Permalink] = ()
) -> tuple[tuple[Page, ...], Assignment]:
    """Every file of the site at its permanent address: pages, tombstones, redirects, feed and data.

    The addresses are decided once, from the archive and the permalink ``lock``;
    the returned :class:`Assignment` also holds the lock to write back.
    """
    assignment = assign_permalinks(archive, lock)
    pages = (
        render_site(archive, settings, assignment.sitemap)
        + render_tombstone_pages(assignment)
        + render_redirect_pages(assignment, settings.site_url)
        + render_exports(archive, assignment.sitemap, settings)
        + render_article_list_data(archive, assignment.sitemap)
    )
    return pages, assignment


# The line under a page's title block (its first "{: .na-meta }" paragraph) that links its feed.
_META_MARK = "{: .na-meta }"


def add_feed_link(page: Page, feed_path: str, what: str) -> Page:
    """``page`` with a link to its Atom feed (``what`` it follows) under its title block, or at its end."""
    line = f"[Atom feed]({relative_link(page.path, feed_path)}) of {what}"
    lines = page.body.split("\n")
    at = lines.index(_META_MARK) + 1 if _META_MARK in lines else len(lines)
    lines[at:at] = ["", line, "{: .na-meta .na-feed }"]
    return replace(page, body="\n".join(lines))


def check_site_url(site_url: str) -> tuple[Problem, ...]:
    """A warning when ``site_url`` is still the local default: the published citations would name it.

    ``SITE_URL`` unset leaves mkdocs.yml's default, ``make serve``'s address, in every
    citation, permanent link and feed. A local address set on purpose (``SITE_URL`` of a
    test server) is not warned of. One problem for the whole build (printed once, and
    kept in the build report), never an error: a local preview is a normal build.
    """
    if site_url != DEFAULT_SITE_URL:
        return ()
    return (
        Problem(
            "mkdocs.yml",
            f"site_url is {site_url}, a local address (SITE_URL is not set): citations, permanent links and the"
            " feeds will name it. Set SITE_URL to where the site is published (e.g. SITE_URL=https://example.org/archive/)"
            " before building.",
            "warning",
        ),
    )


def render_site(archive: Archive, settings: Settings, sitemap: SiteMap | None = None) -> tuple[Page, ...]:
    """Every Markdown page of the archive, in a stable order, at the ``sitemap``'s addresses
    (the fresh ones, as with no permalink lock, when none is given)."""
    if sitemap is None:
        sitemap = compose_fresh_sitemap(archive)
    pages: list[Page] = []
    pages += [render_article_page(a, archive, sitemap, settings) for a in sorted(archive.articles, key=lambda a: a.id)]
    pages.append(render_article_index(archive, sitemap))
    pages += [
        add_feed_link(render_actor_page(a, archive, sitemap), sitemap.actor_feed(a.id), "articles naming this actor")
        for a in archive.actors
    ]
    pages.append(render_actor_index(archive, sitemap))
    pages += [
        add_feed_link(render_event_page(e, archive, sitemap), sitemap.event_feed(e.id), "this event's reports")
        for e in archive.events
    ]
    pages.append(render_event_index(archive, sitemap))
    by_outlet: dict[str, list[Article]] = defaultdict(list)  # one pass, not one per outlet
    for article in archive.articles:
        if article.outlet:
            by_outlet[article.outlet.value].append(article)
    pages += [render_outlet_page(name, sitemap, by_outlet[name]) for name in list_outlet_names(archive)]
    pages.append(render_outlet_index(archive, sitemap))
    pages.append(render_review_page(archive, sitemap))
    pages.append(render_home_page(archive, sitemap, settings))
    return tuple(pages)
