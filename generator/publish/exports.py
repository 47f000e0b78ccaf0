"""Feeds and data: an Atom feed of the articles and JSON exports of articles, actors and events.

MkDocs copies every non-Markdown file of ``site_src/`` into the site, so these
are generated as :class:`Page` objects with no front matter under the
generator's own ``data/`` folder (``settings.OWNED_DIRS``): ``data/feed.xml``,
``data/articles.json``, ``data/actors.json``, ``data/events.json``.

Links are absolute, under ``settings.site_url`` (mkdocs.yml's ``site_url``, which
the ``SITE_URL`` environment variable sets): a feed reader needs them, and the
same ``SITE_URL`` gives the same bytes. Nothing depends on the clock: the
feed's ``updated`` is the newest article's date. The fields of each file are
listed in the README ("Feeds and data"); keys are added, never renamed.
"""

from __future__ import annotations

import json
import re
import uuid
import xml.etree.ElementTree as ET
from typing import Any

from generator.model import Archive, Article, DateValue, Page
from generator.publish.review import list_curated_fields
from generator.publish.sitemap import ACTORS_PATH, ARTICLES_PATH, EVENTS_PATH, FEED_PATH, SiteMap, absolute_url, page_url
from generator.settings import Settings

EXPORT_VERSION = 1
# A feed is read for what is new: the newest entries are enough, and a feed of
# thousands of entries is megabytes that every reader downloads on each poll.
FEED_MAX_ENTRIES = 50
ATOM_NS = "http://www.w3.org/2005/Atom"
# XML 1.0 forbids most control characters, which pasted web text sometimes carries.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render_exports(archive: Archive, sitemap: SiteMap, settings: Settings) -> tuple[Page, ...]:
    """The feed and the three JSON files, as pages for ``write.write_pages``."""
    return (
        Page(FEED_PATH, (), render_atom_feed(archive, sitemap, settings)),
        Page(ARTICLES_PATH, (), _dump({"version": EXPORT_VERSION, "articles": export_articles(archive, sitemap, settings)})),
        Page(ACTORS_PATH, (), _dump({"version": EXPORT_VERSION, "actors": export_actors(archive, sitemap, settings)})),
        Page(EVENTS_PATH, (), _dump({"version": EXPORT_VERSION, "events": export_events(archive, sitemap, settings)})),
    )


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
                "date": date,
                "date_precision": precision,
                "articles": list(e.article_ids),
                "actors": list(e.actor_ids),
                "related": list(e.related),
            }
        )
    return records


def _xml_text(text: str) -> str:
    return _XML_INVALID.sub("", text)


def _timestamp(value: DateValue) -> str:
    return f"{value.date.isoformat()}T00:00:00Z"


def entry_id(article_id: str) -> str:
    """A feed entry's id: derived from the seed id, so it survives a moved page or a new site_url."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'newsarchive:article:' + article_id)}"


def render_atom_feed(archive: Archive, sitemap: SiteMap, settings: Settings) -> str:
    """Atom 1.0 feed of the newest dated articles (undated ones have no place in a feed's order)."""
    dated = sorted((a for a in archive.articles if a.date), key=lambda a: a.sort_key, reverse=True)
    entries = dated[:FEED_MAX_ENTRIES]
    ET.register_namespace("", ATOM_NS)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
        if text is not None:
            el.text = _xml_text(text)
        return el

    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    sub(feed, "title", settings.archive_title)
    sub(feed, "id", settings.site_url)
    sub(feed, "link", rel="alternate", type="text/html", href=settings.site_url)
    sub(feed, "link", rel="self", type="application/atom+xml", href=settings.site_url.rstrip("/") + "/" + FEED_PATH)
    sub(feed, "updated", _timestamp(entries[0].date.value) if entries else "1970-01-01T00:00:00Z")
    author = sub(feed, "author")
    sub(author, "name", settings.archive_title)
    sub(feed, "generator", "newsarchive")
    for a in entries:
        entry = sub(feed, "entry")
        sub(entry, "title", a.title.value)
        sub(entry, "id", entry_id(a.id))
        sub(entry, "link", rel="alternate", type="text/html", href=absolute_url(settings.site_url, sitemap.article(a.id)))
        if a.source_url:
            sub(entry, "link", rel="via", href=_xml_text(a.source_url.value))
        sub(entry, "published", _timestamp(a.date.value))
        sub(entry, "updated", _timestamp(a.date.value))
        if a.outlet:
            sub(sub(entry, "author"), "name", a.outlet.value)
        for actor_id in a.actor_ids:
            sub(entry, "category", term=_xml_text(archive.actor(actor_id).name))
        summary = a.summary.value if a.summary else _first_paragraph(a)
        if summary:
            sub(entry, "summary", summary, type="text")
    ET.indent(feed, space=" ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _first_paragraph(a: Article) -> str | None:
    return next((b.text for b in a.doc.blocks if b.kind == "paragraph"), None)
