"""Feeds and data: Atom feeds, and the archive's articles, actors and events as JSON and CSV.

MkDocs copies every non-Markdown file of ``site_src/`` into the site, so these
are generated as :class:`Page` objects with no front matter under the
generator's own ``data/`` folder (``settings.OWNED_DIRS``): ``data/feed.xml``
and a feed per actor and per event (``feeds.py``), ``data/articles.json``,
``data/actors.json``, ``data/events.json``, and the same records as
spreadsheets, ``data/articles.csv``, ``actors.csv``, ``events.csv``
(``spreadsheets.py``).

Links are absolute, under ``settings.site_url`` (mkdocs.yml's ``site_url``, which
the ``SITE_URL`` environment variable sets): a feed reader needs them, and the
same ``SITE_URL`` gives the same bytes. Nothing depends on the clock. The fields
of each file are listed in the README ("Feeds and data"); keys are added, never
renamed.
"""

from __future__ import annotations

import json
from typing import Any

from generator.model import Archive, DateValue, Page
from generator.publish.feeds import entry_id, render_actor_feed, render_atom_feed, render_event_feed
from generator.publish.review import list_curated_fields
from generator.publish.sitemap import ACTORS_PATH, ARTICLES_PATH, EVENTS_PATH, FEED_PATH, SiteMap, absolute_url, page_url
from generator.publish.spreadsheets import SPREADSHEETS, render_csv
from generator.settings import Settings

__all__ = ["entry_id", "export_actors", "export_articles", "export_events", "render_atom_feed", "render_exports"]

EXPORT_VERSION = 1


def render_exports(archive: Archive, sitemap: SiteMap, settings: Settings) -> tuple[Page, ...]:
    """The feeds, the three JSON files and the three CSV files, as pages for ``write.write_pages``."""
    pages = [
        Page(FEED_PATH, (), render_atom_feed(archive, sitemap, settings)),
        Page(ARTICLES_PATH, (), _dump({"version": EXPORT_VERSION, "articles": export_articles(archive, sitemap, settings)})),
        Page(ACTORS_PATH, (), _dump({"version": EXPORT_VERSION, "actors": export_actors(archive, sitemap, settings)})),
        Page(EVENTS_PATH, (), _dump({"version": EXPORT_VERSION, "events": export_events(archive, sitemap, settings)})),
    ]
    pages += [Page(path, (), render_csv(columns, rows(archive, sitemap, settings.site_url))) for path, columns, rows in SPREADSHEETS]
    pages += [Page(sitemap.actor_feed(a.id), (), render_actor_feed(a, archive, sitemap, settings)) for a in archive.actors]
    pages += [Page(sitemap.event_feed(e.id), (), render_event_feed(e, archive, sitemap, settings)) for e in archive.events]
    return tuple(pages)


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _date(value: DateValue | None) -> tuple[str | None, str | None]:
    return (value.iso(), value.precision) if value else (None, None)


def export_articles(archive: Archive, sitemap: SiteMap, settings: Settings) -> list[dict[str, Any]]:
    """One record per article, in seed id order."""
    records = []
    for a in sorted(archive.articles, key=lambda a: a.id):
        event = archive.event_of(a.id)
        date, precision = _date(a.date.value if a.date else None)
        records.append(
            {
                "id": a.id,
                "url": absolute_url(settings.site_url, sitemap.article(a.id)),
                "path": page_url(sitemap.article(a.id)),
                "title": a.title.value,
                "date": date,
                "date_precision": precision,
                "outlet": a.outlet.value if a.outlet else None,
                "authors": list(a.authors.value) if a.authors else [],
                "source_url": a.source_url.value if a.source_url else None,
                "summary": a.summary.value if a.summary else None,
                "dateline": a.doc.dateline,
                "actors": list(a.actor_ids),
                "event": event.id if event else None,
                "curated": list_curated_fields(a),
                "sha256": a.sha256,
                "source_file": a.source_path,
            }
        )
    return records


def export_actors(archive: Archive, sitemap: SiteMap, settings: Settings) -> list[dict[str, Any]]:
    """One record per actor, in id order."""
    return [
        {
            "id": actor.id,
            "url": absolute_url(settings.site_url, sitemap.actor(actor.id)),
            "path": page_url(sitemap.actor(actor.id)),
            "name": actor.name,
            "type": actor.type,
            "spellings": list(actor.surfaces),
            "description": actor.description,
            "articles": sorted(actor.article_ids),
            "events": sorted(e.id for e in archive.events_of_actor(actor.id)),
        }
        for actor in sorted(archive.actors, key=lambda a: a.id)
    ]


def export_events(archive: Archive, sitemap: SiteMap, settings: Settings) -> list[dict[str, Any]]:
    """One record per event, in the archive's order (by date, undated last)."""
    records = []
    for e in archive.events:
        date, precision = _date(e.date)
        records.append(
            {
                "id": e.id,
                "url": absolute_url(settings.site_url, sitemap.event(e.id)),
                "path": page_url(sitemap.event(e.id)),
                "title": e.title,
                # which report the title came from, and how (its headline, its lead; None: the archivist's)
                "title_article": e.title_article,
                "title_provenance": e.title_provenance.as_dict() if e.title_provenance else None,
                "date": date,
                "date_precision": precision,
                "articles": list(e.article_ids),
                "actors": list(e.actor_ids),
                "related": list(e.related),
            }
        )
    return records
