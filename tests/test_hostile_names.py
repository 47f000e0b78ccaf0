"""Every text a user controls is data: hostile file names, sidecar values and decisions, in every output.

A project of the five seeds plus seeds whose *names* are markup (a backtick to
break out of a code span, an ``<img onerror>``, a quote for an attribute), a
sidecar whose every value is markup, and decision files naming actors and events
with markup, is built and rendered by MkDocs. Then every output is parsed: the
HTML has no ``on*`` attribute and no ``javascript:``/``data:`` URL (the parser of
tests/test_nasty.py), the feeds are Atom and nothing else, the JSON parses, the
CSV never starts a cell with a formula, and Chromium shows no dialog. A name
holding a line break is refused with an error, and the rest builds.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from .browser import CHROMIUM, LAUNCH_ARGS, listen_for_dialogs, served_site
from .conftest import ROOT, SEEDS, link_theme
from .sitebuild import BUILD_ENV, run_mkdocs
from .test_nasty import _ActiveContent

ATOM = "{http://www.w3.org/2005/Atom}"
# A code span as Python-Markdown reads one (its BACKTICK_RE): a run of backticks, closed by an equal run.
CODE_SPAN = re.compile(r"(?<!\\)(`+)(.+?)(?<!`)\1(?!`)")
ARTICLE = (
    "Ferry crews end their strike in Dover\n\n"
    + "The ferry crews of Dover went back to work on Monday after a week on strike, the port said. " * 4
    + "\n\nTalks between the union and the operators will go on in London, the union said.\n"
)
# seed names (no control character: each is a legal name on Linux and macOS) -> built
HOSTILE_NAMES = (
    "x`<img src=x onerror=alert(1)>`.txt",
    'q"onmouseover=alert(2) x=".txt',
    "p*{: onclick=alert(3) }.txt",
    "[a](javascript:alert(4)).txt",
    "t<svg onload=alert(5)>.md",
    "=HYPERLINK(1)'.txt",
)
NEWLINE_NAME = "z\n<img src=x onerror=alert(6)>\n.txt"
SIDECAR = """\
title: "<img src=x onerror=alert(7)> `x` {: onclick=alert(8) } </script>"
summary: "</script><script>alert(9)</script> <img src=x onerror=alert(10)> [x](javascript:alert(11))"
outlet: '"><script>alert(12)</script>'
authors: "<b onclick=alert(13)>Jane</b>; [x](javascript:alert(14))"
source_url: "https://x.example/a)[b](javascript:alert(15))?{:onclick=alert(22)}&_x_*y*"
date: 2019-06-03
"""
ACTORS = """\
rename:
  Sergei Lavrov: "<img src=x onerror=alert(16)> Lavrov"
description:
  Moaz al-Khatib: "<script>alert(17)</script> {: onclick=alert(18) } [x](javascript:alert(19))"
type:
  Syria: state
"""
EVENTS = """\
name:
  - article: 000_fd73cf28fdfb5874
    title: "<svg onload=alert(20)> `x` {: onclick=alert(21) }"
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> dict:
    project = tmp_path_factory.mktemp("hostile_names") / "project"
    shutil.copytree(SEEDS, project / "seeds")
    seeds = project / "seeds"
    for i, name in enumerate(HOSTILE_NAMES):
        (seeds / name).write_text(ARTICLE.replace("Dover", f"Dover {i}").replace("Ferry", f"Ferry {i}"), encoding="utf-8")
    (seeds / NEWLINE_NAME).write_text(ARTICLE.replace("Dover", "Calais"), encoding="utf-8")
    (seeds / (Path(HOSTILE_NAMES[0]).stem + ".meta.yml")).write_text(SIDECAR, encoding="utf-8")
    (seeds / "actors.yml").write_text(ACTORS, encoding="utf-8")
    (seeds / "events.yml").write_text(EVENTS, encoding="utf-8")
    shutil.copytree(ROOT / "site_src", project / "site_src", ignore=shutil.ignore_patterns("articles", "actors", "events", "outlets", "data", "index.md", "review.md"))
    for name in ("mkdocs.yml", "pyproject.toml", "pagefind.yml"):
        shutil.copy(ROOT / name, project / name)
    link_theme(project)
    build = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--no-cache"], cwd=project, env=BUILD_ENV, capture_output=True, text=True
    )
    run_mkdocs(project)
    report = json.loads((project / ".newsarchive" / "build-report.json").read_text(encoding="utf-8"))
    return {"project": project, "build": build, "report": report}


def test_every_hostile_name_builds_and_the_newline_name_is_refused(hostile_site):
    build, report = hostile_site["build"], hostile_site["report"]
    assert build.returncode == 0, build.stderr
    assert {f"seeds/{n}" for n in HOSTILE_NAMES} <= set(report["built"])
    refused = [p for p in report["problems"] if "its name holds" in p["message"]]
    assert [p["file"] for p in refused] == ["seeds/z\\n<img src=x onerror=alert(6)>\\n.txt"]
    assert all("\n" not in p["file"] for p in report["problems"])


def test_no_html_page_has_an_event_handler_or_a_script_url(hostile_site):
    site = hostile_site["project"] / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        parser = _ActiveContent()
        parser.feed(page.read_text(encoding="utf-8"))
        found = [f for f in parser.found if not (page == site / "404.html" and f == "<base>")]
        assert not found, (page.relative_to(site), found)


def test_the_hostile_values_are_shown_as_text(hostile_site):
    site = hostile_site["project"] / "site"
    review = (site / "review" / "index.html").read_text(encoding="utf-8")
    assert "<code>seeds/t&lt;svg onload=alert(5)&gt;.meta.yml</code>" in review  # "Fields to check": where to write
    assert "<code>seeds/z\\n&lt;img src=x onerror=alert(6)&gt;\\n.txt</code>" in review  # the refused name, escaped
    article = next(p for p in site.glob("articles/*/index.html") if "onerror=alert(7)" in p.read_text(encoding="utf-8"))
    text = article.read_text(encoding="utf-8")
    assert "<code>seeds/x`&lt;img src=x onerror=alert(1)&gt;`.txt</code>" in text


def test_the_markdown_holds_no_raw_html_from_a_user(hostile_site):
    src = hostile_site["project"] / "site_src"
    for page in sorted(src.rglob("*.md")):
        body = page.read_text(encoding="utf-8").split("\n---\n", 1)[-1]  # the front matter is YAML, escaped by the plugin
        body = CODE_SPAN.sub("", body)  # Markdown escapes what a code span holds
        for tag in ("<img src=x", "<svg onload", "<script>alert", "<b onclick"):  # the generator's own charts are <svg>
            assert tag not in body, (page.relative_to(src), tag)


def test_the_feeds_are_atom_and_nothing_else(hostile_site):
    feeds = sorted((hostile_site["project"] / "site_src" / "data").glob("*.xml"))
    assert feeds
    hostile_seen = False
    for feed in feeds:
        root = ET.parse(feed).getroot()
        for element in root.iter():
            assert element.tag.startswith(ATOM), (feed.name, element.tag)
            hostile_seen |= "onerror=alert(7)" in (element.text or "")
    assert hostile_seen  # the dated hostile article is in a feed, as text


def test_the_json_and_csv_exports_keep_values_as_data(hostile_site):
    data = hostile_site["project"] / "site_src" / "data"
    articles = json.loads((data / "articles.json").read_text(encoding="utf-8"))["articles"]
    mine = next(a for a in articles if a["source_file"] == f"seeds/{HOSTILE_NAMES[0]}")
    assert mine["title"].startswith("<img src=x onerror=alert(7)>")  # data, exactly as curated
    for name in ("articles.csv", "actors.csv", "events.csv"):
        rows = list(csv.reader((data / name).read_text(encoding="utf-8-sig").splitlines()))
        for row in rows:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t")), (name, cell)


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} not installed (apt-get install chromium)")
def test_no_dialog_fires_on_the_pages_that_show_names(hostile_site):
    from playwright.sync_api import sync_playwright

    site = hostile_site["project"] / "site"
    dialogs: list[str] = []
    pages = ["review/", *(p.parent.relative_to(site).as_posix() + "/" for p in sorted(site.glob("*/*/index.html")))]
    with served_site(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
        page = browser.new_page()
        listen_for_dialogs(page, dialogs)
        for path in pages:
            page.goto(base + path, wait_until="load")
        browser.close()
    assert not dialogs, dialogs
