"""The ``newsarchive`` plugin's options in mkdocs.yml, typed and validated by MkDocs
(as Material's plugins declare theirs in a ``config.py``)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class NewsArchiveConfig(base.Config):
    """The plugin's options in mkdocs.yml (validated by MkDocs)."""

    # Below this many pages a serial build is faster: forking and sending the HTML
    # back cost more than they save (measured in bench/results.md).
    parallel_from = c.Type(int, default=500)
    jobs = c.Type(int, default=0)
    # URLs per part of the sitemap index (the protocol's cap; smaller only in tests).
    sitemap_part_urls = c.Type(int, default=50_000)
    # The published site, whose pages a build into another folder (make site's staging
    # folder) reuses when their Markdown is unchanged (plugin/page_cache.py); relative
    # to mkdocs.yml's folder.
    previous_site = c.Type(str, default="site")
