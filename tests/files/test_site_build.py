"""`generator site` runs MkDocs and Pagefind only when something the site is made of changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.files.build_stamp import write_stamp
from generator.files.site_build import SITE_STAMP, SiteBuildError, build_site, compose_site_inputs


def _project(tmp_path: Path) -> Path:
    (tmp_path / "docs" / "articles").mkdir(parents=True)
    (tmp_path / "docs" / "articles" / "a.md").write_text("# A\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text('site_url: !ENV [TEST_SITE_URL, "http://x/"]\n', encoding="utf-8")
    (tmp_path / "pagefind.yml").write_text("site: site\n", encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<p>built</p>", encoding="utf-8")
    return tmp_path


def _edit_page(project: Path, monkeypatch) -> None:
    (project / "docs" / "articles" / "a.md").write_text("# B\n", encoding="utf-8")


def _add_page(project: Path, monkeypatch) -> None:
    (project / "docs" / "articles" / "b.md").write_text("# B\n", encoding="utf-8")


def _edit_config(project: Path, monkeypatch) -> None:
    (project / "mkdocs.yml").write_text('site_url: "http://y/"\n', encoding="utf-8")


def _edit_pagefind(project: Path, monkeypatch) -> None:
    (project / "pagefind.yml").write_text("site: site\nexclude_selectors: [details]\n", encoding="utf-8")


def _set_env_named_by_config(project: Path, monkeypatch) -> None:
    monkeypatch.setenv("TEST_SITE_URL", "https://example.org/")


def _set_build_date(project: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1")


@pytest.mark.parametrize(
    "change", [_edit_page, _add_page, _edit_config, _edit_pagefind, _set_env_named_by_config, _set_build_date], ids=lambda f: f.__name__.strip("_")
)
def test_what_the_site_is_made_of_is_in_its_inputs(tmp_path, monkeypatch, change):
    monkeypatch.delenv("TEST_SITE_URL", raising=False)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    project = _project(tmp_path)
    before = compose_site_inputs(project, project / "docs")
    assert compose_site_inputs(project, project / "docs") == before
    change(project, monkeypatch)
    assert compose_site_inputs(project, project / "docs") != before


def test_an_up_to_date_site_is_left_alone_and_a_changed_one_is_built(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    project = _project(tmp_path)
    docs, staging, site = Path("docs"), Path(".site-staging"), Path("site")
    write_stamp(project / SITE_STAMP, compose_site_inputs(project, docs), [site])
    assert build_site(project, docs, staging, site) is False  # nothing ran: no mkdocs.yml theme, no MkDocs
    assert not staging.exists()
    (site / "index.html").write_text("<p>edited by hand</p>", encoding="utf-8")
    with pytest.raises(SiteBuildError):  # MkDocs runs now (and fails on this bare project): site/ untouched
        build_site(project, docs, staging, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "<p>edited by hand</p>"
