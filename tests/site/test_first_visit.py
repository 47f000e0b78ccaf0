"""A reader's first visit stays light at any archive size: every request of a cold first
visit to the home page, an article page and an actor page is recorded in Chromium.

No page may fetch a file that grows with the archive before the reader asks for
something: not the site map (Material's instant navigation read the whole
``sitemap.xml`` on every first visit: 3 MB at 10,000 articles), not a list of every
page, not the search index. Figures at 2,000 and 10,000 articles: bench/results.md
(``bench/run.py --browser``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ..browser import CHROMIUM, first_visit

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"),
    reason=f"{CHROMIUM} not installed (apt-get install chromium chromium-driver)",
)

# The budget: a first visit, uncompressed, all requests together.
BUDGET_BYTES = 400 * 1024
# Files whose size follows the archive's: none may be fetched on a first visit.
GROWING = ("sitemap", "/pagefind/", "search_index", "articles.json", "article-list")


def _first_article(built: Path) -> str:
    article = sorted((built / "site" / "articles").glob("*/index.html"))[0]
    return f"articles/{article.parent.name}/"


@pytest.mark.parametrize("which", ["home", "article", "actor"])
def test_a_first_visit_fetches_nothing_that_grows_with_the_archive_and_stays_in_budget(which, server, built):
    path = {"home": "", "article": _first_article(built), "actor": "actors/khaled-khoja/"}[which]
    fetched = first_visit(server + path)
    assert fetched, "nothing was recorded"
    assert server + path in [url for url, _ in fetched]
    growing = [url for url, _ in fetched if any(mark in url for mark in GROWING)]
    assert not growing, growing
    total = sum(size for _, size in fetched)
    assert total <= BUDGET_BYTES, sorted(fetched, key=lambda f: -f[1])[:5]


def test_the_recorder_sees_a_fetch_of_the_site_map(server):
    # the test above is only as good as its recorder: a page that does fetch the
    # site map (as instant navigation did) must show it
    fetched = first_visit(server, script=f"fetch({server + 'sitemap.xml'!r})")
    assert any(url.endswith("/sitemap.xml") for url, _ in fetched), fetched
