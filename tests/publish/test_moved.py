"""Redirects and tombstones: pages at the addresses the site no longer uses."""

from __future__ import annotations

import pytest

from generator.files.output import check_page_path
from generator.publish.moved import redirect_file, render_redirect_pages, render_tombstone_pages

from .test_sitemap import _archive, _article, _rebuild


@pytest.mark.parametrize(
    "path, redirect",
    [
        ("articles/2015-08-05-talks.md", "articles/2015-08-05-talks/index.html"),
        ("actors/index.md", "actors/index.html"),
        ("index.md", "index.html"),
    ],
)
def test_a_redirect_is_the_index_html_of_the_old_pages_url(path, redirect):
    assert redirect_file(path) == redirect


def test_redirect_pages_are_relative_owned_and_escaped():
    _, second = _rebuild(_archive([_article("001", "Talks")]), _archive([_article("001", 'Moscow "talks" <b>')]))
    (page,) = render_redirect_pages(second, "https://me.github.io/repo/")
    check_page_path(page.path)  # raises if the generator does not own it
    assert page.path == "articles/2015-08-05-talks/index.html"
    assert 'url=../2015-08-05-moscow-talks-b/"' in page.body
    assert 'rel="canonical" href="https://me.github.io/repo/articles/2015-08-05-moscow-talks-b/"' in page.body
    assert "<b>" not in page.body


def test_a_removed_article_leaves_a_tombstone_page_linking_home():
    _, second = _rebuild(_archive([_article("001", "Talks"), _article("002", "Visit <b>*")]), _archive([_article("001", "Talks")]))
    (page,) = render_tombstone_pages(second)
    assert page.path == "articles/2015-08-05-visit-b.md" and "removed from the archive" in page.body
    assert "“Visit &lt;b&gt;\\*”" in page.body, "the old title is escaped"
    assert "[home page](../index.md)" in page.body
    assert dict(page.front_matter)["removed"] is True  # the theme keeps it out of search
