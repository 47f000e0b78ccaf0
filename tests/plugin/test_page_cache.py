"""Which files of the docs folder a build reuses from the last one (generator/plugin/page_cache.py)."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.plugin.page_cache import (
    SkippedPageFilter,
    compose_nav_key,
    is_generated_page,
    link_clean_outputs,
    list_nav_entries,
    load_page_cache,
    save_page_cache,
    select_clean_files,
)

# src_uri -> dest_uri of the docs folder used below: a generated page, the home page (in
# the nav), a hand-written page and a static file.
FILES = {
    "articles/a.md": "articles/a/index.html",
    "index.md": "index.html",
    "about.md": "about/index.html",
    "assets/x.css": "assets/x.css",
}
NAV = {"index.md"}


def _file(docs: Path, src: str) -> SimpleNamespace:
    return SimpleNamespace(
        src_uri=src, dest_uri=FILES[src], abs_src_path=str(docs / src), is_documentation_page=lambda: src.endswith(".md")
    )


def _project(tmp_path: Path) -> tuple[Path, Path, list[SimpleNamespace]]:
    """A docs folder and the site a first build made of it, with its manifest saved."""
    docs, site = tmp_path / "docs", tmp_path / "site"
    for src, dest in FILES.items():
        (docs / src).parent.mkdir(parents=True, exist_ok=True)
        (docs / src).write_text(f"source of {src}\n", encoding="utf-8")
        (site / dest).parent.mkdir(parents=True, exist_ok=True)
        (site / dest).write_text(f"output of {src}\n", encoding="utf-8")
    files = [_file(docs, src) for src in FILES]
    first = load_page_cache(tmp_path, site, "key")
    select_clean_files(first, files, NAV, str(docs))
    assert first.clean == {}  # no manifest yet
    save_page_cache(first, files, site)  # as if site/ were the staging folder, then swapped in
    return docs, site, files


def _clean(tmp_path: Path, files: list[SimpleNamespace], key: str = "key", nav: set[str] = NAV) -> set[str]:
    cache = load_page_cache(tmp_path, tmp_path / "site", key)
    select_clean_files(cache, files, nav, str(tmp_path / "docs"))
    return set(cache.clean)


def test_unchanged_generated_pages_and_static_files_are_reused_but_not_hand_written_pages(tmp_path):
    _, _, files = _project(tmp_path)
    assert _clean(tmp_path, files) == {"articles/a.md", "index.md", "assets/x.css"}


def _edit_source(docs: Path, site: Path) -> None:
    (docs / "articles/a.md").write_text("source of articles/a.md, edited\n", encoding="utf-8")


def _rewrite_source_same_bytes(docs: Path, site: Path) -> None:
    path = docs / "articles/a.md"
    data = path.read_bytes()
    path.unlink()
    path.write_bytes(data)


def _replace_output(docs: Path, site: Path) -> None:
    path = site / "articles/a/index.html"
    path.unlink()
    path.write_text("output of articles/a.md\n", encoding="utf-8")


def _delete_output(docs: Path, site: Path) -> None:
    (site / "articles/a/index.html").unlink()


@pytest.mark.parametrize(
    ("change", "reused"),
    [
        (_edit_source, False),
        (_rewrite_source_same_bytes, True),  # another file, the same Markdown: its hash says so
        (_replace_output, False),  # site/ not as the last build left it
        (_delete_output, False),
    ],
)
def test_a_page_is_reused_only_when_its_source_and_its_previous_output_are_as_recorded(tmp_path, change, reused):
    docs, site, files = _project(tmp_path)
    change(docs, site)
    assert ("articles/a.md" in _clean(tmp_path, files)) is reused


def test_another_site_key_renders_every_page_again(tmp_path):
    _, _, files = _project(tmp_path)
    assert _clean(tmp_path, files, key="other") == set()


def test_a_clean_page_in_the_nav_is_marked_to_be_read_for_the_menu(tmp_path):
    _, site, files = _project(tmp_path)
    cache = load_page_cache(tmp_path, site, "key")
    select_clean_files(cache, files, NAV, str(tmp_path / "docs"))
    assert "index.md" in cache.clean and cache.nav == NAV


def test_clean_outputs_are_hard_links_to_the_previous_site(tmp_path):
    _, site, files = _project(tmp_path)
    cache = load_page_cache(tmp_path, site, "key")
    select_clean_files(cache, files, NAV, str(tmp_path / "docs"))
    staging = tmp_path / "staging"
    assert link_clean_outputs(cache, staging) == 3
    assert os.path.samefile(staging / "articles/a/index.html", site / "articles/a/index.html")
    assert not (staging / "about/index.html").exists()


@pytest.mark.parametrize(
    ("nav", "entries"),
    [
        (None, []),
        (["index.md"], [(None, "index.md")]),
        ([{"Home": "index.md"}, {"More": [{"About": "about.md"}]}], [("Home", "index.md"), ("More", ""), ("About", "about.md")]),
    ],
)
def test_nav_entries_are_read_from_the_config(nav, entries):
    assert list_nav_entries(nav) == entries


def test_a_nav_with_titles_does_not_depend_on_the_pages_but_one_without_does():
    titled = [("Home", "index.md")]
    assert compose_nav_key(titled, ["index.md"]) == compose_nav_key(titled, ["index.md", "articles/new.md"])
    untitled = [(None, "index.md")]
    assert compose_nav_key(untitled, ["index.md"]) != compose_nav_key(untitled, ["index.md", "articles/new.md"])
    assert compose_nav_key([], ["index.md"]) != compose_nav_key([], ["index.md", "articles/new.md"])


@pytest.mark.parametrize(
    ("src_uri", "generated"),
    [("articles/a.md", True), ("index.md", True), ("review.md", True), ("about.md", False), ("notes/x.md", False)],
)
def test_generated_pages_are_those_of_the_generators_folders_and_pages(src_uri, generated):
    assert is_generated_page(src_uri) is generated


def test_only_the_skipped_lines_of_clean_pages_are_hidden():
    hide = SkippedPageFilter(frozenset({"articles/a.md"}))
    record = lambda msg: logging.LogRecord("mkdocs.commands.build", logging.INFO, "", 0, msg, None, None)  # noqa: E731
    assert not hide.filter(record("Page skipped: 'articles/a.md'. Generated empty output."))
    assert hide.filter(record("Page skipped: 'about.md'. Generated empty output."))
    assert hide.filter(record("Building documentation"))
