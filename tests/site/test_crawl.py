"""The real site: generator CLI + `mkdocs build --strict`, crawled over HTTP."""

from __future__ import annotations

import re
import shutil
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from generator.files.search_index import UNUSED_BUNDLES

from ..conftest import ROOT, SEEDS, SUBPATH
from ..sitebuild import run_generator, run_mkdocs, run_pagefind, tree_bytes

def test_build_writes_five_articles_and_every_index(built):
    site = built / "site"
    assert len([p for p in (built / "site_src" / "articles").glob("*.md") if p.name != "index.md"]) == 5
    assert len([p for p in (site / "articles").iterdir() if (p / "index.html").is_file()]) == 5
    for index in ("index.html", "articles/index.html", "events/index.html", "actors/index.html", "outlets/index.html", "about/index.html"):
        assert (site / index).is_file(), index
    assert (built / "site_src" / "about.md").read_text(encoding="utf-8") == (ROOT / "site_src" / "about.md").read_text(
        encoding="utf-8"
    ), "hand-written page untouched"


def test_an_article_s_content_carries_its_language(built):
    for page in (built / "site" / "articles").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        assert re.search(r'<div data-pagefind-body[^>]* lang="en">', html), page
        assert "**Language:**" not in html and "Language:</strong> en" not in html  # shown only when not English


def test_an_actor_s_mention_sentences_are_quotes_under_each_article(built):
    html = (built / "site" / "actors" / "sergei-lavrov" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<li>.*?<blockquote>\s*<p>“", html, re.S), "each article's sentences as a blockquote"
    assert "&gt; “" not in html and "> “" not in re.sub(r"<[^>]+>", "", html), "no quote marker left as text"
    assert not re.search(r"<blockquote>(?:(?!</blockquote>).)*<a href=\"\.\./\.\./articles/", html, re.S), "no next item inside a quote"


def test_nav_stays_short(built):
    home = (built / "site" / "index.html").read_text(encoding="utf-8")
    nav_links = re.findall(r'class="md-nav__link[^"]*"[^>]*href="([^"]+)"', home)
    assert not any("articles/" in link for link in nav_links), "articles must not be listed in the nav"


def test_two_builds_are_byte_identical(built, tmp_path):
    again = tmp_path / "project"
    shutil.copytree(built, again, ignore=shutil.ignore_patterns("site"))
    run_generator(again, "build", env={"SITE_URL": f"http://127.0.0.1{SUBPATH}"})
    run_mkdocs(again, env={"SITE_URL": f"http://127.0.0.1{SUBPATH}"})
    run_pagefind(again)
    assert tree_bytes(again / "site_src") == tree_bytes(built / "site_src")
    # the search index too: Pagefind's own output varies from run to run (files/search_index.py)
    assert tree_bytes(again / "site") == tree_bytes(built / "site")


def test_search_index_publishes_only_what_the_site_loads(built):
    index = built / "site" / "pagefind"
    assert (index / "pagefind.js").is_file() and (index / "pagefind-entry.json").is_file()
    assert [n for n in UNUSED_BUNDLES if (index / n).exists()] == []


def test_seeds_are_untouched_by_a_build(built):
    assert tree_bytes(built / "seeds") == tree_bytes(SEEDS)
    assert (built / "site_src" / "permalinks.yml").is_file(), "the address lock lives beside the pages"


_LINK = re.compile(r'(?:href|src)="([^"#]+)(?:#[^"]*)?"')


def test_every_internal_link_resolves_over_http(server):
    base = urllib.parse.urlsplit(server)
    todo, seen, broken = [server], set(), []
    while todo and len(seen) < 2000:  # bounded: the site is small
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        try:
            with urllib.request.urlopen(url, timeout=10) as resp:
                body = resp.read()
                kind = resp.headers.get_content_type()
        except urllib.error.HTTPError as exc:
            broken.append(f"{url} -> {exc.code}")
            continue
        if kind != "text/html":
            continue
        for link in _LINK.findall(body.decode("utf-8", "replace")):
            target = urllib.parse.urljoin(url, link)
            parts = urllib.parse.urlsplit(target)
            if parts.netloc == base.netloc and parts.scheme in ("http", "https"):
                todo.append(urllib.parse.urlunsplit(parts._replace(query="", fragment="")))
    assert not broken, broken
    assert sum("/articles/" in u for u in seen) >= 5
