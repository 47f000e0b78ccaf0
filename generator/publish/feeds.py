"""Atom feeds: the archive's newest articles, and one feed per actor and per event.

A feed is a file with no front matter under the generator's ``data/`` folder:
``data/feed.xml`` for the whole archive, ``data/actor-<slug>.xml`` and
``data/event-<slug>.xml`` beside it (the slug of the actor's or event's page;
see ``SiteMap.actor_feed``). Links are absolute under ``settings.site_url``: a
feed reader needs them. Nothing depends on the clock: a feed's ``updated`` is
its newest entry's date. Entry ids come from the seed id and feed ids from the
actor's name or the event's id, so a moved page is not a new entry or a new feed.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from typing import Iterable, Sequence

from generator.model import Actor, Archive, Article, DateValue, Event
from generator.publish.sitemap import FEED_PATH, SiteMap, absolute_url
from generator.settings import Settings

# A feed is read for what is new: the newest entries are enough, and a feed of
# thousands of entries is megabytes that every reader downloads on each poll.
FEED_MAX_ENTRIES = 50
# An actor's or event's feed: fewer entries and no category list (the actors of each
# entry), since there is one such file per actor and per event: at 10,000 articles,
# tens of thousands of files.
TOPIC_FEED_MAX_ENTRIES = 20
ATOM_NS = "http://www.w3.org/2005/Atom"
# XML 1.0 forbids most control characters, which pasted web text sometimes carries.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The date of a feed with no dated entry: fixed, never the build's clock.
_NO_DATE = "1970-01-01T00:00:00Z"


def _xml_text(text: str) -> str:
    return _XML_INVALID.sub("", text)


def _timestamp(value: DateValue) -> str:
    return f"{value.date.isoformat()}T00:00:00Z"


def _urn(name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'newsarchive:' + name)}"


def entry_id(article_id: str) -> str:
    """A feed entry's id: derived from the seed id, so it survives a moved page or a new site_url."""
    return _urn("article:" + article_id)


def _file_url(settings: Settings, path: str) -> str:
    return settings.site_url.rstrip("/") + "/" + path


def render_atom_feed(archive: Archive, sitemap: SiteMap, settings: Settings) -> str:
    """Atom 1.0 feed of the archive's newest dated articles (undated ones have no place in a feed's order)."""
    return _render_feed(
        archive,
        sitemap,
        settings,
        title=settings.archive_title,
        feed_id=settings.site_url,
        page_url=settings.site_url,
        self_url=_file_url(settings, FEED_PATH),
        articles=archive.articles,
        max_entries=FEED_MAX_ENTRIES,
        categories=True,
    )


def render_actor_feed(actor: Actor, archive: Archive, sitemap: SiteMap, settings: Settings) -> str:
    """Atom 1.0 feed of the newest dated articles naming ``actor``."""
    return _render_feed(
        archive,
        sitemap,
        settings,
        title=f"{actor.name}: {settings.archive_title}",
        feed_id=_urn("actor:" + actor.name),
        page_url=absolute_url(settings.site_url, sitemap.actor(actor.id)),
        self_url=_file_url(settings, sitemap.actor_feed(actor.id)),
        articles=[archive.article(i) for i in actor.article_ids],
        max_entries=TOPIC_FEED_MAX_ENTRIES,
        categories=False,
    )


def render_event_feed(event: Event, archive: Archive, sitemap: SiteMap, settings: Settings) -> str:
    """Atom 1.0 feed of the newest dated reports of ``event``."""
    return _render_feed(
        archive,
        sitemap,
        settings,
        title=f"{event.title}: {settings.archive_title}",
        feed_id=_urn("event:" + event.id),
        page_url=absolute_url(settings.site_url, sitemap.event(event.id)),
        self_url=_file_url(settings, sitemap.event_feed(event.id)),
        articles=[archive.article(i) for i in event.article_ids],
        max_entries=TOPIC_FEED_MAX_ENTRIES,
        categories=False,
    )


def _render_feed(
    archive: Archive,
    sitemap: SiteMap,
    settings: Settings,
    *,
    title: str,
    feed_id: str,
    page_url: str,
    self_url: str,
    articles: Iterable[Article],
    max_entries: int,
    categories: bool,
) -> str:
    dated = sorted((a for a in articles if a.date), key=lambda a: a.sort_key, reverse=True)
    entries: Sequence[Article] = dated[:max_entries]
    ET.register_namespace("", ATOM_NS)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
        if text is not None:
            el.text = _xml_text(text)
        return el

    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    sub(feed, "title", title)
    sub(feed, "id", _xml_text(feed_id))
    sub(feed, "link", rel="alternate", type="text/html", href=page_url)
    sub(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    sub(feed, "updated", _timestamp(entries[0].date.value) if entries else _NO_DATE)
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
        # Atom's author is a person; the byline's people when known, else the outlet
        for name in a.authors.value if a.authors else ([a.outlet.value] if a.outlet else []):
            sub(sub(entry, "author"), "name", name)
        for actor_id in a.actor_ids if categories else ():
            sub(entry, "category", term=_xml_text(archive.actor(actor_id).name))
        summary = a.summary.value if a.summary else _first_paragraph(a)
        if summary:
            sub(entry, "summary", summary, type="text")
    ET.indent(feed, space=" ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _first_paragraph(a: Article) -> str | None:
    return next((b.text for b in a.doc.blocks if b.kind == "paragraph"), None)
