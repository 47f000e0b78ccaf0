"""A new archive, as a user starts one: `python -m generator new`, article files in seeds/, `make site`.

The fresh archive builds with `mkdocs build --strict` (its `make site` runs it), the build's
output is short (a summary, no MkDocs INFO line), and the site shows the archive's own
title, never the demo's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..browser import CHROMIUM, chromium_page, served_site
from ..conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import make_archive  # noqa: E402

TITLE = "Summits of 2018: a test archive"
# The figure is 30 lines at 2,000 articles (bench/results.md); the output does not
# grow with the archive (ten problems at most, then a pointer to the rest).
MAX_LINES = 30
# What a user's shell does not have: the variables `make test` passes its children (a make
# run under it is a sub-make, which prints "Entering directory" lines) and our own switches.
NOT_A_USERS = ("MAKEFLAGS", "MAKELEVEL", "MFLAGS", "MAKEOVERRIDES", "VERBOSE", "NEWSARCHIVE_QUIET", "NO_MKDOCS_2_WARNING")


def _make_site(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``make site ARGS`` in ``folder`` as a user runs it from a shell."""
    env = {k: v for k, v in os.environ.items() if k not in NOT_A_USERS}
    return subprocess.run(["make", "site", *args], cwd=folder, capture_output=True, text=True, env=env)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    folder = tmp_path_factory.mktemp("new") / "mine"
    made = subprocess.run([sys.executable, "-m", "generator", "new", str(folder), "--title", TITLE], capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    empty = _make_site(folder)
    assert empty.returncode != 0 and "no article could be built from seeds" in empty.stderr, "an empty archive says what is missing"
    make_archive.make_archive(40, folder / "seeds", seed=5)
    built = _make_site(folder)
    assert built.returncode == 0, built.stdout + built.stderr
    return folder, built


def test_a_fresh_archive_builds_strict_with_a_short_summary(fresh):
    folder, built = fresh
    lines = (built.stdout + built.stderr).splitlines()
    assert len(lines) <= MAX_LINES, lines
    assert not [line for line in lines if line.startswith("INFO")], "MkDocs' INFO lines are hidden"
    last = built.stdout.splitlines()[-1]  # the summary, on stdout (problems go to stderr)
    assert last.startswith("40 articles, ") and "-> site ready in site/" in last, last
    assert (folder / "site" / "articles" / "index.html").is_file()
    assert not (folder / "site_src" / "permalinks.yml").read_text().count("removed: true"), "no tombstone of the demo"


def test_make_site_verbose_shows_mkdocs_info_lines(fresh):
    folder, _ = fresh
    # nothing changed since the fixture's build, so MkDocs would not run: forget its stamp
    (folder / ".newsarchive" / "site-stamp.json").unlink()
    built = _make_site(folder, "VERBOSE=1")
    assert built.returncode == 0
    assert "INFO    -  Documentation built in" in built.stderr
    assert "unchanged since the last build, reused" in built.stderr  # every page, from the last site/


@pytest.mark.skipif(not Path(CHROMIUM).exists() and not os.environ.get("CI"), reason=f"{CHROMIUM} not installed")
def test_the_fresh_site_shows_its_own_title_and_lists_its_articles(fresh):
    folder, _ = fresh
    with chromium_page() as page, served_site(folder / "site") as base:
        page.goto(base)
        assert TITLE in page.locator("article h1").inner_text()
        assert TITLE in page.locator(".md-header").inner_text()
        assert "Syrian" not in page.content()
        page.goto(base + "articles/")
        page.wait_for_selector(".na-articles[data-na-loaded]")
        assert "of 40 articles" in page.locator(".na-articles .na-index__count").inner_text()
        assert not page.errors


def _likely(text: str) -> float:
    return 2.0 if text == "missing" else float(text.rstrip("%")) / 100  # missing values come last


@pytest.mark.skipif(not Path(CHROMIUM).exists() and not os.environ.get("CI"), reason=f"{CHROMIUM} not installed")
@pytest.mark.parametrize("width", [1280, 390])
def test_the_review_page_lists_the_likeliest_wrong_first_each_row_saying_where_to_write(fresh, width):
    folder, _ = fresh
    with chromium_page() as page, served_site(folder / "site") as base:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(base + "review/")
        table = page.locator("h2[id^=fields-to-check] ~ .na-review table").first
        rows = table.locator("tbody tr")
        assert rows.count() >= 2
        heads = table.locator("thead th").all_inner_texts()
        likely = heads.index("Likely right") + 1
        values = [_likely(t) for t in table.locator(f"tbody td:nth-child({likely})").all_inner_texts()]
        assert values == sorted(values), values
        for row in rows.all():
            assert row.locator("a[href*='/articles/']").count() == 1
            write_in = row.locator("td").last.inner_text()
            assert ".meta.yml" in write_in and "key" in write_in, write_in
        # the table fits the page, or scrolls inside its own box (with its note on a narrow screen)
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], widths
        box = table.evaluate(
            "t => { const w = t.closest('.md-typeset__scrollwrap'); return [w.getBoundingClientRect().right, w.scrollWidth > w.clientWidth]; }"
        )
        assert box[0] <= width + 0.5
        if width == 1280:
            assert not box[1], "at desktop width the table fits the content"
        else:
            cue = page.locator(".na-review").first.evaluate("e => getComputedStyle(e, '::before').content")
            assert "scrolls sideways" in cue
        assert not page.errors
