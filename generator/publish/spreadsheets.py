"""The archive as spreadsheets: ``data/articles.csv``, ``actors.csv`` and ``events.csv``.

Written with Python's csv module (RFC 4180: comma-separated, fields quoted when
needed, CRLF line ends) in UTF-8 with a byte-order mark, which spreadsheet
apps need to read the file as UTF-8 rather than a local code page. One row per
article, actor or event, in the order of the JSON exports; a list in one cell
is joined with ``"; "``. The columns are listed in the README ("Feeds and
data"); columns are added, never renamed. Seed text starting with ``=``, ``+``,
``-``, ``@`` or a tab gets a leading ``'``, so that a spreadsheet shows it as text
and never runs it as a formula.
"""

from __future__ import annotations

import csv
import io
from typing import Any, Callable, Iterable, Sequence

from generator.model import Archive, Article
from generator.publish.sitemap import SiteMap, absolute_url

BOM = "\ufeff"
LIST_SEPARATOR = "; "
# What a spreadsheet app reads as the start of a formula (OWASP's CSV injection list).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Row = dict[str, Any]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = LIST_SEPARATOR.join(str(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def render_csv(columns: Sequence[str], rows: Iterable[Row]) -> str:
    """A CSV file's text (with its byte-order mark): a header, then one line per row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return BOM + out.getvalue()


ARTICLE_COLUMNS = (
    "id", "url", "title", "date", "date_precision", "outlet", "authors", "source_url", "summary", "dateline",
    "actors", "actor_ids", "event", "event_title", "sha256", "source_file",
)  # fmt: skip
ACTOR_COLUMNS = ("id", "url", "name", "type", "spellings", "description", "article_count", "articles", "events")
EVENT_COLUMNS = (
    "id", "url", "title", "date", "date_precision", "article_count", "articles", "actors", "actor_ids", "related",
    "title_article", "title_method",
)


def _date(article: Article) -> tuple[str | None, str | None]:
    return (article.date.value.iso(), article.date.value.precision) if article.date else (None, None)


def list_article_rows(archive: Archive, sitemap: SiteMap, site_url: str) -> list[Row]:
    """One row per article, in seed id order."""
    rows = []
    for a in sorted(archive.articles, key=lambda a: a.id):
        event = archive.event_of(a.id)
        date, precision = _date(a)
        rows.append(
            {
                "id": a.id,
                "url": absolute_url(site_url, sitemap.article(a.id)),
                "title": a.title.value,
                "date": date,
                "date_precision": precision,
                "outlet": a.outlet.value if a.outlet else None,
                "authors": list(a.authors.value) if a.authors else None,
                "source_url": a.source_url.value if a.source_url else None,
                "summary": a.summary.value if a.summary else None,
                "dateline": a.doc.dateline,
                "actors": [archive.actor(i).name for i in a.actor_ids],
                "actor_ids": list(a.actor_ids),
                "event": event.id if event else None,
                "event_title": event.title if event else None,
                "sha256": a.sha256,
                "source_file": a.source_path,
            }
        )
    return rows


def list_actor_rows(archive: Archive, sitemap: SiteMap, site_url: str) -> list[Row]:
    """One row per actor, in id order."""
    return [
        {
            "id": actor.id,
            "url": absolute_url(site_url, sitemap.actor(actor.id)),
            "name": actor.name,
            "type": actor.type,
            "spellings": list(actor.surfaces),
            "description": actor.description,
            "article_count": len(actor.article_ids),
            "articles": sorted(actor.article_ids),
            "events": sorted(e.id for e in archive.events_of_actor(actor.id)),
        }
        for actor in sorted(archive.actors, key=lambda a: a.id)
    ]


def list_event_rows(archive: Archive, sitemap: SiteMap, site_url: str) -> list[Row]:
    """One row per event, in the archive's order (by date, undated last)."""
    return [
        {
            "id": e.id,
            "url": absolute_url(site_url, sitemap.event(e.id)),
            "title": e.title,
            "date": e.date.iso() if e.date else None,
            "date_precision": e.date.precision if e.date else None,
            "article_count": len(e.article_ids),
            "articles": list(e.article_ids),
            "actors": [archive.actor(i).name for i in e.actor_ids],
            "actor_ids": list(e.actor_ids),
            "related": list(e.related),
            "title_article": e.title_article,  # the report the title came from
            "title_method": e.title_provenance.method if e.title_provenance else None,
        }
        for e in archive.events
    ]


SPREADSHEETS: tuple[tuple[str, Sequence[str], Callable[[Archive, SiteMap, str], list[Row]]], ...] = (
    (SiteMap.articles_csv, ARTICLE_COLUMNS, list_article_rows),
    (SiteMap.actors_csv, ACTOR_COLUMNS, list_actor_rows),
    (SiteMap.events_csv, EVENT_COLUMNS, list_event_rows),
)
