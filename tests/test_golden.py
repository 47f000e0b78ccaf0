"""Golden files: the generated Markdown of the five seeds, reviewed and committed.

When a change to the generator changes its output on purpose, update them with

    make golden

and review the diff of ``tests/golden/`` before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.publish.site import render_site
from generator.settings import Settings
from generator.files.output import page_text

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
# Every article page and every index; actor and event pages are covered by their own tests.
INDEXES = ("index.md", "articles/index.md", "actors/index.md", "events/index.md", "outlets/index.md")


def _golden_pages(archive):
    pages = render_site(archive, Settings())
    return [p for p in pages if p.path.startswith("articles/") or p.path in INDEXES]


def _golden_name(path: str) -> str:
    return path.replace("/", "__")


def test_generated_markdown_matches_the_golden_files(archive):
    pages = _golden_pages(archive)
    assert sum(p.path.startswith("articles/") and p.path not in INDEXES for p in pages) == 5
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        for old in GOLDEN.glob("*.md"):
            old.unlink()
        for page in pages:
            (GOLDEN / _golden_name(page.path)).write_text(page_text(page), encoding="utf-8", newline="\n")
        pytest.skip("golden files rewritten; review `git diff tests/golden`")
    expected = {p.name for p in GOLDEN.glob("*.md")}
    assert expected == {_golden_name(p.path) for p in pages}, "pages added or removed: run `make golden`"
    for page in pages:
        want = (GOLDEN / _golden_name(page.path)).read_text(encoding="utf-8")
        assert page_text(page) == want, f"{page.path} differs from its golden file: run `make golden` and review"
