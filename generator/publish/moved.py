"""Pages for addresses the site no longer uses: redirects to where a page moved, tombstones where one left.

The :class:`~generator.publish.sitemap.Assignment` says which addresses moved
or were removed; these pages stand at them so that a link once published
keeps leading somewhere (see ``sitemap.py``).
"""

from __future__ import annotations

import html
import json
import posixpath

from generator.model import Page
from generator.publish.markdown import escape_markdown, relative_link
from generator.publish.sitemap import Assignment, Kind, SiteMap, absolute_url, page_url
from generator.settings import GENERATED_MARKER

# Where a tombstone sends the reader: (link text, page). There is no list of all
# articles (it would not scale), so a removed article points to the home page.
_TOMBSTONE_NEXT: dict[Kind, tuple[str, str]] = {
    "article": ("home page", SiteMap.home),
    "actor": ("list of actors", SiteMap.actor_index),
    "event": ("timeline of events", SiteMap.event_index),
}


def redirect_file(path: str) -> str:
    """Where the redirect page of the old page ``path`` is written: its folder's index.html."""
    return page_url(path) + "index.html"


def render_redirect_pages(assignment: Assignment, site_url: str) -> tuple[Page, ...]:
    """A small HTML page at every old address that sends the reader on to the current page.

    Three ways, so that it works everywhere: a meta refresh, ``location.replace``
    (which keeps ``#fragment`` links working), and a plain link.
    """
    pages = []
    for old, new in assignment.redirects:
        target = posixpath.relpath(page_url(new), page_url(old)) + "/"
        pages.append(Page(redirect_file(old), (), _redirect_html(target, absolute_url(site_url, new))))
    return tuple(pages)


def _redirect_html(target: str, canonical: str) -> str:
    href = html.escape(target, quote=True)
    script_target = json.dumps(target).replace("</", "<\\/")
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>Moved</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{html.escape(canonical, quote=True)}">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f"<script>location.replace({script_target} + location.hash)</script>\n"
        "</head>\n<body>\n"
        f'<p>This page has moved to <a href="{href}">{html.escape(canonical)}</a>.</p>\n'
        "</body>\n</html>\n"
    )


def render_tombstone_pages(assignment: Assignment) -> tuple[Page, ...]:
    """A page at the address of everything that left the archive, saying so."""
    pages = []
    for gone in assignment.tombstones:
        label, target = _TOMBSTONE_NEXT[gone.kind]
        index = relative_link(gone.path, target)
        title = gone.title or gone.key
        body = "\n".join(
            [
                "# No longer in the archive",
                "",
                f"The {gone.kind} “{escape_markdown(title)}” that was at this address has been removed from the archive.",
                "",
                f"See the [{label}]({index}) or search with the box at the top.",
            ]
        )
        meta = (
            ("title", f"Removed: {title}"),
            # the theme leaves a removed page out of the search index (main.html)
            ("removed", True),
            ("generator", GENERATED_MARKER),
        )
        pages.append(Page(gone.path, meta, body))
    return tuple(pages)
