"""The index pages: one A–Z table of actors with jump links, events by year and month, outlets."""

from __future__ import annotations

import re

import pytest

from generator.publish.indexes import initial_of, render_actor_index, render_event_index, render_outlet_index
from generator.publish.sitemap import compose_fresh_sitemap


@pytest.mark.parametrize(
    ("name", "initial"),
    [
        ("Sergei Lavrov", "S"),
        ("al-Assad", "A"),  # case folded
        ("Élysée Palace", "E"),  # accents off
        ("“Quoted” group", "Q"),  # punctuation skipped
        ("9/11 Commission", "#"),  # a digit files under the rest
        ("Владимир Путин", "#"),  # a script without Latin letters too
        ("", "#"),
    ],
)
def test_initial_of(name, initial):
    assert initial_of(name) == initial


def test_the_actor_index_is_one_table_a_to_z_with_a_jump_link_per_letter(archive):
    body = render_actor_index(archive, compose_fresh_sitemap(archive)).body
    rows = [line for line in body.splitlines() if line.startswith("| ") and "](" in line]
    assert len(rows) == len(archive.actors)
    names = [re.search(r"\[(.+?)\]\(", row).group(1) for row in rows]
    assert names == sorted(names, key=lambda n: (initial_of(n), n.casefold())), "A to Z"
    assert body.count("| Actor | Type | Articles |") == 1
    # every letter's jump link has its anchor, on the letter's first row
    jumps = re.findall(r"\]\(#(letter-[a-z]+)\)", body)
    anchors = re.findall(r'<span id="(letter-[a-z]+)"></span>', body)
    assert jumps == anchors and len(jumps) > 5
    assert '<div class="na-index" data-na-facet="2" markdown>' in body, "the type column is the facet"
    assert re.search(r"\d+ actors named in the archive: \d+ people, \d+ organisations, \d+ states\.", body)


def test_the_events_index_jumps_to_each_year_and_month(archive):
    body = render_event_index(archive, compose_fresh_sitemap(archive)).body
    for year, month in re.findall(r"^### (\w+) (\d{4})$", body, re.M):
        assert f"(#{year.lower()}-{month})" in body, f"a jump link to {year} {month}"
    for year in re.findall(r"^## (\d{4})$", body, re.M):
        assert f"[**{year}**](#{year})" in body


def test_the_outlet_index_is_a_filterable_table(archive):
    body = render_outlet_index(archive, compose_fresh_sitemap(archive)).body
    assert '<div class="na-index" markdown>' in body and "| Outlet | Articles |" in body
