"""Parallel conversion and layout in the MkDocs plugin: the same site as a serial build, the same strictness."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.plugin.parallel import RenderedPage, hash_markdown
from generator.plugin.plugin import NewsArchivePlugin

from ..conftest import SUBPATH
from ..sitebuild import BUILD_ENV, run_mkdocs, tree_bytes

PARALLEL = "  - newsarchive:\n      parallel_from: 0\n      jobs: 2\n"


def _parallel_copy(built: Path, target: Path) -> Path:
    shutil.copytree(built, target, ignore=shutil.ignore_patterns("site"), symlinks=True)
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - newsarchive\n" in config, "mkdocs.yml no longer lists the plugin as this test expects"
    (target / "mkdocs.yml").write_text(config.replace("  - newsarchive\n", PARALLEL), encoding="utf-8")
    return target


def test_parallel_build_is_byte_identical_to_the_serial_one(built, tmp_path):
    project = _parallel_copy(built, tmp_path / "parallel")
    result = run_mkdocs(project, env={"SITE_URL": f"http://127.0.0.1{SUBPATH}"})
    pages = len(list((project / "site_src").rglob("*.md")))
    # Both stages really ran in workers, for every page...
    assert f"newsarchive: {pages} pages converted in 2 processes (" in result.stderr
    assert f"newsarchive: {pages} pages laid out in 2 processes (" in result.stderr
    # ...and the site (sitemap included) is the serial build's, byte for byte (the search
    # index, made after MkDocs from its pages, aside: it is compared in test_crawl).
    serial = {path: data for path, data in tree_bytes(built / "site").items() if not path.startswith("pagefind/")}
    assert tree_bytes(project / "site") == serial


def test_a_broken_link_found_in_a_worker_still_fails_strict(built, tmp_path):
    project = _parallel_copy(built, tmp_path / "broken")
    (project / "site_src" / "broken.md").write_text("# Broken\n\nSee [nowhere](no-such-page.md).\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        env=BUILD_ENV,
        capture_output=True,
        text=True,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Aborted with 1 warnings in strict mode" in output
    assert output.count("no-such-page.md") == 1, "the worker's warning is logged once, by the main process"


def _page(uri: str) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=uri), meta={})


def _rendered(uri: str, markdown: str) -> RenderedPage:
    return RenderedPage(uri, hash_markdown(markdown), "<p>x</p>", None, None, frozenset(), None, ())


@pytest.mark.parametrize(
    ("converted", "final", "used"),
    [
        ("# Same\n", "# Same\n", True),
        # A plugin changed the Markdown after the worker saw it: convert it here instead.
        ("# Before\n", "# After\n", False),
    ],
)
def test_a_workers_html_is_used_only_for_the_markdown_it_converted(converted, final, used):
    plugin = NewsArchivePlugin()
    plugin.rendered = {"a.md": _rendered("a.md", converted)}
    page = _page("a.md")
    plugin._use_rendered(final, page=page, config=None, files=None)
    assert ("render" in vars(page)) is used
    if used:
        page.render(None, SimpleNamespace(get_file_from_path=lambda uri: None))
        assert page.content == "<p>x</p>"
        assert "render" not in vars(page), "the stand-in removes itself"
