"""What search engines read: the site map as a sitemap index with its parts, and ``robots.txt``.

MkDocs writes one ``sitemap.xml`` listing every page. The sitemap protocol
(sitemaps.org) caps a file at 50,000 URLs (and 50 MB), so a large archive needs a
*sitemap index* naming several parts. The index is what stays at ``sitemap.xml``
(the address robots.txt and search consoles are given), at any archive size, so
the address never changes meaning as an archive grows past the cap.

The site map is for crawlers only: no page of the archive fetches it (the theme's
instant navigation, which read the whole site map on every first visit, is off; see
the README, "Large archives").

Pure: takes the XML MkDocs wrote and returns the files' texts; the plugin writes them.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

# The protocol's cap on URLs per sitemap file (https://www.sitemaps.org/protocol.html).
MAX_URLS_PER_SITEMAP = 50_000

_URL_ENTRY = re.compile(r"<url>.*?</url>", re.DOTALL)
_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
_NAMESPACE = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def part_name(number: int) -> str:
    """The site path of the index's ``number``-th part (1-based)."""
    return f"sitemap-{number}.xml"


def render_crawler_files(
    urlset_xml: str, site_url: str, own_robots: bool = False, max_urls: int = MAX_URLS_PER_SITEMAP
) -> dict[str, str]:
    """The texts to publish, by path in the site: the sitemap index (``sitemap.xml``), its
    parts ``sitemap-1.xml`` ... of at most ``max_urls`` URLs each (the entries of MkDocs'
    ``urlset_xml`` in their order, kept as written), and a ``robots.txt`` that names the
    index, unless ``own_robots`` (the archivist's own file is published as it is).

    ``site_url`` is the site's address (mkdocs.yml's ``site_url``): search engines need
    absolute URLs in an index and in robots.txt.
    """
    if max_urls < 1:
        raise ValueError("max_urls must be at least 1")
    base = site_url if site_url.endswith("/") else site_url + "/"
    entries = _URL_ENTRY.findall(urlset_xml)
    chunks = [entries[i : i + max_urls] for i in range(0, len(entries), max_urls)] or [[]]
    files: dict[str, str] = {}
    for number, chunk in enumerate(chunks, start=1):
        body = "".join(f"\n    {entry}" for entry in chunk)
        files[part_name(number)] = f"{_HEAD}<urlset {_NAMESPACE}>{body}\n</urlset>\n"
    index = "".join(
        f"\n    <sitemap>\n         <loc>{escape(base + part_name(n))}</loc>\n    </sitemap>" for n in range(1, len(chunks) + 1)
    )
    files["sitemap.xml"] = f"{_HEAD}<sitemapindex {_NAMESPACE}>{index}\n</sitemapindex>\n"
    if not own_robots:
        files["robots.txt"] = f"User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n"
    return files
