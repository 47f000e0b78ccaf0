"""The five seeds plus a corpus of bad and hostile files (tests/nasty/) build into a safe site.

Every bad file gets one clear problem naming it; every good article is built; no
text from a seed runs as script (checked in the HTML and in Chromium); and no
input changes by a single byte.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.build import PRINTED_PROBLEMS
from generator.settings import PERMALINKS_FILE
from generator.settings import OWNED_DIRS, OWNED_PAGES

from .browser import CHROMIUM, LAUNCH_ARGS, listen_for_dialogs, search_archive, served_site
from .conftest import ROOT, SEEDS, link_theme
from .sitebuild import BUILD_ENV, run_mkdocs, run_pagefind, tree_bytes

NASTY = ROOT / "tests" / "nasty"
MAX_SEED_BYTES = 100_000  # set in the project copy, so the oversize file stays small

# file -> (severity, words the one problem about it must contain). Files not listed
# here must build, and must have no problem at all.
EXPECTED_PROBLEMS = {
    "empty.txt": ("error", "is empty"),
    "whitespace_only.txt": ("error", "is empty"),
    "scan_really_a_png.txt": ("error", "binary"),
    "oversize.txt": ("error", "over the limit"),
    "page_without_article.html": ("error", "no article text"),
    "furniture_only.txt": ("error", "page furniture"),
    "path_traversal.meta.yml": ("error", "not an event id"),
    "hostile_sidecar.meta.yml": ("error", "not a web address"),
    "malformed_sidecar.meta.yml": ("error", "not valid YAML"),
    "copy_of_seed_000.txt": ("warning", "byte-for-byte copy"),
    "same_text_as_seed_001.txt": ("warning", "same article as"),
    "enc_cp1252.txt": ("warning", "read as cp1252"),
    "enc_latin1.txt": ("warning", "read as latin-1"),
    "enc_utf16le_bom.txt": ("warning", "read as utf-16"),
    "nul_bytes.txt": ("warning", "control character"),
    "front_matter.md": ("warning", "keys ignored: layout, tags"),
    "photo.png": ("warning", "is not read"),
}
NOT_BUILT = {
    "empty.txt", "whitespace_only.txt", "scan_really_a_png.txt", "oversize.txt", "page_without_article.html",
    "furniture_only.txt", "copy_of_seed_000.txt", "same_text_as_seed_001.txt",
}  # fmt: skip


@pytest.fixture(scope="module")
def nasty_project(tmp_path_factory) -> dict:
    """A project whose seeds are the five plus tests/nasty/, built and rendered by MkDocs."""
    project = tmp_path_factory.mktemp("nasty") / "project"
    shutil.copytree(SEEDS, project / "seeds")
    for path in NASTY.iterdir():
        if path.is_file() and path.name != ".gitattributes":
            shutil.copy(path, project / "seeds" / path.name)
    (project / "seeds" / "oversize.txt").write_bytes(b"Too long\n\n" + b"word " * (MAX_SEED_BYTES // 5))
    shutil.copytree(ROOT / "site_src", project / "site_src", ignore=shutil.ignore_patterns(*OWNED_DIRS, *OWNED_PAGES))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copy(ROOT / "pagefind.yml", project / "pagefind.yml")
    link_theme(project)  # mkdocs.yml's theme.custom_dir
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (project / "pyproject.toml").write_text(pyproject + f"max_seed_bytes = {MAX_SEED_BYTES}\n", encoding="utf-8")
    inputs_before = {**_prefixed("seeds", tree_bytes(project / "seeds")), **_prefixed("site_src", tree_bytes(project / "site_src"))}
    build = _generator(project, "build")
    run_mkdocs(project)
    run_pagefind(project)
    report = json.loads((project / ".newsarchive" / "build-report.json").read_text(encoding="utf-8"))
    return {"project": project, "build": build, "report": report, "inputs_before": inputs_before}


def _prefixed(prefix: str, tree: dict[str, bytes]) -> dict[str, bytes]:
    return {f"{prefix}/{k}": v for k, v in tree.items()}


def _generator(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=project, env=BUILD_ENV, capture_output=True, text=True
    )


def test_the_corpus_is_big_enough():
    assert len([p for p in NASTY.iterdir() if p.is_file() and not p.name.startswith(".")]) >= 20


def test_build_succeeds_with_warnings_and_reports_every_problem(nasty_project):
    build, report = nasty_project["build"], nasty_project["report"]
    assert build.returncode == 0, build.stderr
    assert report["exit_status"] == 0
    assert report["errors"] == sum(1 for s, _ in EXPECTED_PROBLEMS.values() if s == "error")
    assert len(report["problems"]) == report["errors"] + report["warnings"]
    # the first ten on the terminal, each with its file and what to do; the rest in the report
    # (and all on the terminal with -v: test_verbose_build_prints_every_problem)
    printed = [f"{p['severity']}: {p['file']}: {p['message']}" for p in report["problems"]]
    for line in printed[:PRINTED_PROBLEMS]:
        assert line in build.stderr
    if len(printed) > PRINTED_PROBLEMS:
        assert f"... and {len(printed) - PRINTED_PROBLEMS} more problems" in build.stderr
        assert printed[-1] not in build.stderr


def test_verbose_build_prints_every_problem(nasty_project, tmp_path):
    result = _generator(nasty_project["project"], "build", "-v", "--report", str(tmp_path / "r.json"))
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert len(report["problems"]) > PRINTED_PROBLEMS  # else this test proves nothing
    for p in report["problems"]:
        assert f"{p['severity']}: {p['file']}: {p['message']}" in result.stderr


@pytest.mark.parametrize("name, expected", sorted(EXPECTED_PROBLEMS.items()))
def test_each_bad_file_has_one_clear_problem(nasty_project, name, expected):
    severity, words = expected
    mine = [p for p in nasty_project["report"]["problems"] if Path(p["file"].split(" (")[0]).name == name]
    assert len(mine) == 1, mine
    assert mine[0]["severity"] == severity and words in mine[0]["message"], mine[0]


def test_good_files_have_no_problem(nasty_project):
    # mkdocs.yml's warning (SITE_URL not set, publish/site.py) is about the project, not a seed
    named = {Path(p["file"].split(" (")[0]).name for p in nasty_project["report"]["problems"] if p["file"] != "mkdocs.yml"}
    assert named <= set(EXPECTED_PROBLEMS), named - set(EXPECTED_PROBLEMS)


def test_every_good_article_is_built_and_no_bad_one(nasty_project):
    project = nasty_project["project"]
    seeds = {p.name for p in (project / "seeds").iterdir() if p.suffix in (".txt", ".md", ".html")}
    built = {Path(p).name for p in nasty_project["report"]["built"]}
    assert built == seeds - NOT_BUILT
    assert {p.name for p in SEEDS.glob("*.txt")} <= built
    pages = [p for p in (project / "site_src" / "articles").glob("*.md") if p.name != "index.md"]  # not the Articles page
    assert len(pages) == len(built)  # titles that slug alike still get a page each


def test_every_input_is_byte_identical_afterwards(nasty_project):
    project = nasty_project["project"]
    after = {**_prefixed("seeds", tree_bytes(project / "seeds"))}
    after.update(_prefixed("site_src", {k: v for k, v in tree_bytes(project / "site_src").items() if _hand_written(k)}))
    # The permalink lock is the generator's own record of page addresses (publish/sitemap.py),
    # kept beside the pages; every file of the archivist's is checked.
    lock = f"site_src/{PERMALINKS_FILE}"
    before = {k: v for k, v in nasty_project["inputs_before"].items() if k != lock}
    after.pop(lock, None)
    assert after == before


def _hand_written(rel: str) -> bool:
    return rel.split("/")[0] not in OWNED_DIRS and rel not in OWNED_PAGES


def test_strict_build_fails_on_the_same_files(nasty_project, tmp_path):
    result = _generator(nasty_project["project"], "build", "--strict", "--report", str(tmp_path / "r.json"))
    assert result.returncode == 1
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["exit_status"] == 1


def test_seed_values_keep_their_provenance(nasty_project):
    result = _generator(
        nasty_project["project"], "inspect", "--json", "seeds/page_with_script.html", "seeds/front_matter.md", "seeds/enc_cp1252.txt"
    )
    html_page, front, cp1252 = json.loads(result.stdout)
    assert html_page["title"] == "Dockers in Antwerp end strike"
    assert html_page["date"] == "2019-03-14" and html_page["provenance"]["date"]["method"] == "html-meta"
    assert html_page["source_url"] == "https://news.example.com/2019/03/14/antwerp-dockers"
    assert "alert" not in html_page["body"].replace('alert("NASTY-escaped")', "")
    assert front["title"] == "Glacier melt: Swiss villages plan evacuation"
    assert front["provenance"]["title"] == {"method": "front-matter", "evidence": "seeds/front_matter.md front matter: title", "confidence": 1.0, "tier": "curated"}
    assert front["date"] == "2020-07-02" and front["outlet"] == "Swissinfo"
    assert "\u201cThe harvest is lost,\u201d" in cp1252["body"]


class _ActiveContent(HTMLParser):
    """Finds what in a page could run script: handlers, javascript: URLs, frames, seed scripts."""

    URL_ATTRS = ("href", "src", "action", "formaction", "data", "srcdoc", "xlink:href")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script = False

    def handle_starttag(self, tag, attrs):
        if tag in ("iframe", "object", "embed", "frame", "base"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            if name in self.URL_ATTRS and value.replace("\t", "").replace("\n", "").startswith(("javascript:", "data:text/html", "vbscript:")):
                self.found.append(f"<{tag} {name}={value[:40]}>")
        self._script = tag == "script"
        # JSON-LD and other data blocks never run; they only must not close the element.
        self._data_block = dict(attrs).get("type", "") in ("application/ld+json", "application/json")

    def handle_endtag(self, tag):
        self._script = False

    def handle_data(self, data):
        if not self._script:
            return
        if self._data_block and "<" in data:
            self.found.append(f"<script type=data> with '<': {data[:60]}")
        elif not self._data_block and ("NASTY" in data or "alert(" in data):
            self.found.append(f"<script>{data[:60]}")


@pytest.mark.parametrize(
    "snippet, active",
    [
        ("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", False),
        ('<script type="application/ld+json">{"a": "\\u003cscript\\u003e NASTY"}</script>', False),
        ("<script>alert('NASTY')</script>", True),
        ('<img src="x" onerror="alert(1)">', True),
        ('<a href=" JavaScript:alert(1)">x</a>', True),
        ('<iframe src="about:blank"></iframe>', True),
    ],
)
def test_the_active_content_check_finds_script(snippet, active):
    parser = _ActiveContent()
    parser.feed(snippet)
    assert bool(parser.found) == active


def _html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_seed_markup_is_active_in_the_built_html(nasty_project):
    site = nasty_project["project"] / "site"
    pages = _html_pages(site)
    assert len(pages) > 50
    for page in pages:
        parser = _ActiveContent()
        parser.feed(page.read_text(encoding="utf-8"))
        found = parser.found
        if page == site / "404.html":  # the theme's 404 page roots its links with a <base> (theme/404.html)
            found = [f for f in found if f != "<base>"]
        assert not found, (page.relative_to(site), found)
    # and the hostile text is there, shown as text (in the body or the cleaning record)
    article = next(p for p in pages if "/articles/" in str(p) and "seeds/script_tags.txt" in p.read_text(encoding="utf-8"))
    assert "&lt;script&gt;alert(&#x27;NASTY-body&#x27;)&lt;/script&gt;" in article.read_text(encoding="utf-8") or "&lt;script&gt;alert('NASTY-body')&lt;/script&gt;" in article.read_text(encoding="utf-8")




@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} not installed (apt-get install chromium)")
def test_no_dialog_fires_on_any_page_in_chromium(nasty_project):
    from playwright.sync_api import sync_playwright

    site = nasty_project["project"] / "site"
    dialogs: list[str] = []
    with served_site(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
        crawler = browser.new_page()
        listen_for_dialogs(crawler, dialogs)
        visited = 0
        for html_file in _html_pages(site):
            # "load": after every inline script and every onload/onerror has had its turn
            crawler.goto(base + html_file.relative_to(site).as_posix(), wait_until="load")
            visited += 1
        page = browser.new_page()
        listen_for_dialogs(page, dialogs, label="search")
        # search renders result snippets as HTML: search for the payloads too
        page.goto(base)
        assert search_archive(page, "script alert"), "the payloads are findable text"
        browser.close()
    assert visited > 50
    assert not dialogs, dialogs
