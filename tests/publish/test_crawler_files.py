"""The site map for search engines: a sitemap index whose parts hold every page, and robots.txt."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from generator.publish.crawler_files import MAX_URLS_PER_SITEMAP, part_name, render_crawler_files

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SITE = "https://example.org/archive/"


def urlset(n: int) -> str:
    """MkDocs' sitemap.xml with ``n`` pages (its layout: one <url> per page, lastmod optional)."""
    entries = "".join(
        f"\n    <url>\n         <loc>{SITE}articles/a-{i}/</loc>\n         <lastmod>2024-01-0{1 + i % 9}</lastmod>\n    </url>"
        for i in range(n)
    )
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}\n</urlset>'


def locs(xml: str, tag: str) -> list[str]:
    return [el.text or "" for el in ET.fromstring(xml).findall(f"s:{tag}/s:loc", NS)]


@pytest.mark.parametrize(
    ("pages", "max_urls", "parts"),
    [(0, 3, 1), (1, 3, 1), (3, 3, 1), (4, 3, 2), (7, 3, 3), (12, 50_000, 1)],
)
def test_the_index_names_parts_that_hold_every_page_once_in_order(pages, max_urls, parts):
    files = render_crawler_files(urlset(pages), SITE, max_urls=max_urls)
    index = locs(files["sitemap.xml"], "sitemap")
    assert index == [f"{SITE}{part_name(n)}" for n in range(1, parts + 1)]
    held = []
    for n in range(1, parts + 1):
        part = locs(files[part_name(n)], "url")
        assert 0 < len(part) <= max_urls or pages == 0
        held += part
    assert held == [f"{SITE}articles/a-{i}/" for i in range(pages)]
    assert set(files) == {"sitemap.xml", "robots.txt", *(part_name(n) for n in range(1, parts + 1))}


def test_a_part_keeps_each_entrys_lastmod():
    part = render_crawler_files(urlset(2), SITE)[part_name(1)]
    assert [el.text for el in ET.fromstring(part).findall("s:url/s:lastmod", NS)] == ["2024-01-01", "2024-01-02"]


def test_the_protocols_cap_is_the_default():
    assert MAX_URLS_PER_SITEMAP == 50_000


@pytest.mark.parametrize("site_url", ["https://example.org/archive/", "https://example.org/archive"])
def test_robots_txt_names_the_index_under_the_sites_address(site_url):
    robots = render_crawler_files(urlset(1), site_url)["robots.txt"]
    assert "Sitemap: https://example.org/archive/sitemap.xml" in robots.splitlines()
    assert robots.startswith("User-agent: *\n")


def test_an_archivists_own_robots_txt_is_not_replaced():
    assert "robots.txt" not in render_crawler_files(urlset(1), SITE, own_robots=True)


def test_addresses_are_escaped_in_the_index():
    index = render_crawler_files(urlset(1), "https://example.org/a&b/")["sitemap.xml"]
    assert locs(index, "sitemap") == ["https://example.org/a&b/sitemap-1.xml"]


def test_no_parts_of_zero_urls():
    with pytest.raises(ValueError, match="max_urls"):
        render_crawler_files(urlset(1), SITE, max_urls=0)
