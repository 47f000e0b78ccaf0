"""files/output.py: a page's front matter is valid YAML that reads back as written."""

from __future__ import annotations

import pytest
import yaml

from generator.files.output import render_front_matter


@pytest.mark.parametrize(
    "title",
    ["Official: Russia invites", 'He said "no" # not a comment', "key: value | > [x] {y} *z*", "---", "null", "2015-08-05"],
)
def test_front_matter_round_trips_any_title(title):
    text = render_front_matter([("title", title), ("actors", ["A: B"])], "body")
    _, fm, body = text.split("---\n", 2)
    assert yaml.safe_load(fm) == {"title": title, "actors": ["A: B"]}
    assert body.strip() == "body"
