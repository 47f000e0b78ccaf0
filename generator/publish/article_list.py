"""The articles index (``articles/index.md``): every article, sortable and filterable in the browser.

A list of 10,000 articles written into the page would weigh megabytes, so the page
holds only the newest :data:`PAGE_ROWS` as a plain table (what a reader without
script sees, with links to the other ways in) and the theme's ``articles.js`` draws
the rest from small JSON files in ``data/``:

- ``data/article-list.json``, the manifest: the count, the outlets (rows name them by
  index), the years with their counts, and the chunk files;
- ``data/article-list-<n>.json``, the rows, newest first, :data:`CHUNK_ROWS` a file,
  each chunk with its own table of the events its rows name (events are near their
  articles in time, so each table is short).

Before any interaction the page fetches the manifest and the first chunk only;
sorting or filtering fetches the other chunks. A row is
``[date, title, outlet index or -1, event index in the chunk or -1, page slug]``:
the date as ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, ``""`` when undated; the slug is
the article's page under ``articles/`` (its address, from the site map).
"""

from __future__ import annotations

import json
import posixpath
from typing import Any

from generator.model import Archive, Article, Page
from generator.publish.charts import count_noun
from generator.publish.markdown import escape_cell, relative_link
from generator.publish.pages import newest_first
from generator.publish.sitemap import ARTICLE_INDEX_PATH, SiteMap, list_outlet_names
from generator.settings import GENERATED_MARKER

ARTICLE_LIST_PATH = "data/article-list.json"
# Rows per data file: 10,000 synthetic articles make 250-row chunks of about 45 KB,
# so the page, its manifest and its first chunk stay under 150 KB (bench/results.md).
CHUNK_ROWS = 250
# Rows written into the page itself: what shows before the script runs, or without it.
PAGE_ROWS = 50
LIST_VERSION = 1


def chunk_path(number: int) -> str:
    """The data file of the ``number``-th chunk of rows (from 1)."""
    return f"data/article-list-{number}.json"


def _slug(page_path: str) -> str:
    return posixpath.basename(page_path)[: -len(".md")]


def render_article_list_data(archive: Archive, sitemap: SiteMap) -> tuple[Page, ...]:
    """The manifest and the chunks of rows, as data pages (no front matter) for ``data/``."""
    articles = newest_first(archive.articles)
    outlets = list_outlet_names(archive)
    outlet_index = {name: i for i, name in enumerate(outlets)}
    years: dict[str, int] = {}
    for article in articles:
        year = str(article.date.value.date.year) if article.date else ""
        years[year] = years.get(year, 0) + 1
    pages = []
    for number, start in enumerate(range(0, len(articles), CHUNK_ROWS), start=1):
        pages.append(Page(chunk_path(number), (), _dump(_chunk(articles[start : start + CHUNK_ROWS], archive, sitemap, outlet_index))))
    manifest = {
        "version": LIST_VERSION,
        "count": len(articles),
        "outlets": outlets,
        # newest first, "" (undated) last: the order of the rows
        "years": [[year, count] for year, count in years.items()],
        "chunks": [posixpath.basename(p.path) for p in pages],
    }
    return (Page(ARTICLE_LIST_PATH, (), _dump(manifest)), *pages)


def _chunk(articles: list[Article], archive: Archive, sitemap: SiteMap, outlet_index: dict[str, int]) -> dict[str, Any]:
    events: dict[str, int] = {}
    rows = []
    for article in articles:
        event = archive.event_of(article.id)
        if event is not None and event.id not in events:
            events[event.id] = len(events)
        rows.append(
            [
                article.date.value.iso() if article.date else "",
                article.title.value,
                outlet_index[article.outlet.value] if article.outlet else -1,
                events[event.id] if event is not None else -1,
                _slug(sitemap.article(article.id)),
            ]
        )
    return {"events": [[archive.event(e).title, _slug(sitemap.event(e))] for e in events], "rows": rows}


def _dump(data: Any) -> str:
    # compact: these files are fetched by every visitor of the index page
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def render_article_index(archive: Archive, sitemap: SiteMap) -> Page:
    """The index page: the newest articles as a table the script replaces with the whole list."""
    path = ARTICLE_INDEX_PATH
    articles = newest_first(archive.articles)
    undated = sum(a.date is None for a in articles)
    total = count_noun(len(articles), "article")
    lines = [
        "# Articles",
        "",
        f"{total}, newest first" + (f" ({undated} undated, listed last)." if undated else "."),
        "{: .na-meta }",
        "",
    ]
    data = relative_link(path, ARTICLE_LIST_PATH)
    lines += [f'<div class="na-articles" data-na-list="{data}" markdown>', ""]
    if len(articles) > PAGE_ROWS:
        lines += [
            f"The {PAGE_ROWS} newest are below. Sort and filter the whole list with JavaScript on; without it, browse "
            f"by [event]({relative_link(path, sitemap.event_index)}) or [outlet]({relative_link(path, sitemap.outlet_index)}), "
            f"or download the list ([CSV]({relative_link(path, sitemap.articles_csv)}), "
            f"[JSON]({relative_link(path, sitemap.articles_data)})).",
            "{: .na-articles__note }",
            "",
        ]
    lines += ["| Date | Outlet | Title | Event |", "|---|---|---|---|"]
    for article in articles[:PAGE_ROWS]:
        lines.append(_row(article, archive, path, sitemap))
    lines += ["", "</div>", ""]
    # the whole width for the table: no navigation or table of contents beside it (Material's `hide`)
    return Page(path, (("title", "Articles"), ("generator", GENERATED_MARKER), ("hide", ["navigation", "toc"])), "\n".join(lines))


def _row(article: Article, archive: Archive, path: str, sitemap: SiteMap) -> str:
    date = article.date.value.iso() if article.date else "*undated*"
    outlet = escape_cell(article.outlet.value) if article.outlet else "—"
    title = f"[{escape_cell(article.title.value)}]({relative_link(path, sitemap.article(article.id))})"
    event = archive.event_of(article.id)
    event_cell = f"[{escape_cell(event.title)}]({relative_link(path, sitemap.event(event.id))})" if event else "—"
    return f"| {date} | {outlet} | {title} | {event_cell} |"
