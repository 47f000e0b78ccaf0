"""Writing: only the generator's own folders, atomically, never the archivist's pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model import Page
from generator.write import UnsafePathError, check_page_path, write_pages


def _page(path: str, body: str = "text") -> Page:
    return Page(path, (("title", "T"), ("generator", "newsarchive")), body)


@pytest.mark.parametrize(
    "path",
    ["../x.md", "/etc/x.md", "articles/../../x.md", "about.md", "articles/a/b.md", "articles/x.html", "assets/x.md", ""],
)
def test_pages_outside_the_owned_folders_are_refused(path):
    with pytest.raises(UnsafePathError):
        check_page_path(path)


def test_stale_generated_pages_go_and_hand_written_ones_stay(tmp_path):
    out = tmp_path / "site_src"
    (out / "articles").mkdir(parents=True)
    (out / "articles" / "stale.md").write_text("old", encoding="utf-8")
    (out / "about.md").write_text("mine", encoding="utf-8")
    (out / "index.md").write_text("# My own home page\n", encoding="utf-8")
    problems = write_pages([_page("articles/new.md"), _page("index.md", "generated home")], out)
    assert sorted(p.name for p in (out / "articles").iterdir()) == ["new.md"]
    assert (out / "about.md").read_text(encoding="utf-8") == "mine"
    assert (out / "index.md").read_text(encoding="utf-8") == "# My own home page\n"
    assert len(problems) == 1 and "hand-written" in problems[0].message


def test_a_generated_home_page_is_replaced(tmp_path):
    out = tmp_path / "site_src"
    write_pages([_page("index.md", "one")], out)
    write_pages([_page("index.md", "two")], out)
    assert (out / "index.md").read_text(encoding="utf-8").rstrip().endswith("two")


def test_a_failed_write_leaves_the_previous_output(tmp_path):
    out = tmp_path / "site_src"
    write_pages([_page("articles/a.md", "first")], out)
    before = (out / "articles" / "a.md").read_text(encoding="utf-8")
    with pytest.raises(UnsafePathError):
        write_pages([_page("articles/a.md", "second"), _page("../escape.md")], out)
    assert (out / "articles" / "a.md").read_text(encoding="utf-8") == before
    assert not (tmp_path / "escape.md").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".newsarchive-")]
