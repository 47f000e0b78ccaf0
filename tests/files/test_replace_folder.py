"""site/ is replaced in one step by the folder MkDocs and Pagefind built (``make site``, ``search-index --publish-to``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.files import output
from generator.files.output import UnsafePathError, replace_folder

from ..conftest import ROOT


def _tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*")) if p.is_file()}


def _site(root: Path, version: str) -> Path:
    (root / "articles" / "a").mkdir(parents=True)
    (root / "index.html").write_text(f"home {version}", encoding="utf-8")
    (root / "articles" / "a" / "index.html").write_text(f"a {version}", encoding="utf-8")
    if version == "old":
        (root / "gone.html").write_text("only in the old site", encoding="utf-8")
    return root


@pytest.mark.parametrize("exchange", [True, False], ids=["swapped in one step", "renamed aside, then in"])
def test_the_new_site_replaces_the_old_whole_and_nothing_is_left(tmp_path, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setattr(output, "_exchange", lambda a, b: False)  # a system that cannot swap two paths
    site, staging = _site(tmp_path / "site", "old"), _site(tmp_path / ".site-staging", "new")
    replace_folder(staging, site)
    assert _tree(site) == {"index.html": "home new", "articles/a/index.html": "a new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_linux_swaps_in_one_step(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "x").write_text("a", encoding="utf-8")
    if not output._exchange(a, b):
        pytest.skip("this system cannot swap two paths in one step (renameat2)")
    assert (b / "x").read_text(encoding="utf-8") == "a" and not (a / "x").exists()


def test_a_first_site_is_renamed_into_place(tmp_path):
    replace_folder(_site(tmp_path / ".site-staging", "new"), tmp_path / "site")
    assert _tree(tmp_path / "site")["index.html"] == "home new"


@pytest.mark.parametrize("kind", ["file", "link"])
def test_only_a_folder_is_replaced(tmp_path, kind):
    target = tmp_path / "site"
    if kind == "file":
        target.write_text("not a site", encoding="utf-8")
    else:
        (tmp_path / "elsewhere").mkdir()
        target.symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    with pytest.raises(UnsafePathError):
        replace_folder(_site(tmp_path / ".site-staging", "new"), target)


def test_make_site_builds_beside_site_and_swaps_it_in_when_both_steps_succeeded():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nsite: generate\n", 1)[1].split("\n\n", 1)[0]
    assert "python -m generator site --staging $(SITE_STAGING) --site site" in recipe
    # generator site (files/site_build.py): a killed build's staging goes first, then MkDocs
    # and Pagefind into it, and only then the swap
    source = (ROOT / "generator" / "files" / "site_build.py").read_text(encoding="utf-8")
    body = source.split("def build_site(", 1)[1]
    steps = ["shutil.rmtree(staging", '"mkdocs", "build", "--strict", "--site-dir", str(staging)', "build_search_index(staging)", "replace_folder(staging, site)"]
    assert [body.index(step) for step in steps] == sorted(body.index(step) for step in steps)
