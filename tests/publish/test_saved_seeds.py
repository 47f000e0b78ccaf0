"""Tests for generator/publish/saved_seeds.py: which seeds are published as saved, and where."""

from __future__ import annotations

from generator.publish.saved_seeds import list_seed_copies
from generator.publish.sitemap import SiteMap
from generator.settings import Settings


def test_every_article_seed_is_listed_only_when_the_archive_allows_it(archive):
    assert list_seed_copies(archive, Settings()) == ()
    copies = list_seed_copies(archive, Settings(publish_seeds=True))
    assert [c.source for c in copies] == sorted(a.source_path.split("/")[-1] for a in archive.articles)
    for copy, article in zip(copies, sorted(archive.articles, key=lambda a: a.id)):
        assert copy.sha256 == article.sha256
        assert copy.path == f"data/seeds/{copy.source}"
    # never a sidecar or a decision file, though the seeds folder holds them
    assert not any(c.source.endswith((".yml", ".yaml")) for c in copies)


def test_a_seed_that_is_not_plain_text_is_published_as_text():
    assert SiteMap.saved_seed("seeds/x.txt") == "data/seeds/x.txt"
    assert SiteMap.saved_seed("seeds/x.html") == "data/seeds/x.html.txt"
    assert SiteMap.saved_seed("seeds/x.md") == "data/seeds/x.md.txt"
