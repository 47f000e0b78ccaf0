"""Writing: only the generator's own folders, atomically, never the archivist's pages."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from generator.model import Page, SeedCopy
from generator.files.output import UnsafePathError, check_page_path, check_seed_copy, write_pages
from generator.publish.sitemap import SiteMap


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


@pytest.mark.parametrize(
    "path, allowed",
    [
        ("data/articles.json", True),
        ("data/feed.xml", True),
        ("articles/old-slug/index.html", True),  # a moved page's redirect
        ("actors/old-name/index.html", True),
        ("data/x.html", False),
        ("data/a/b.json", False),
        ("data/old/index.html", False),
        ("articles/x.json", False),
        ("articles/old/page.html", False),
        ("assets/x.json", False),
        ("feed.xml", False),
        ("articles/../../x/index.html", False),
        ("/data/x.json", False),
        ("data\\..\\..\\x.json", False),
    ],
)
def test_generated_files_besides_pages_stay_in_their_places(path, allowed):
    if allowed:
        assert str(check_page_path(path)) == path
    else:
        with pytest.raises(UnsafePathError):
            check_page_path(path)


def _owned_tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _fail_on_call(n: int, real):
    calls = {"n": 0}

    def replaced(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == n:
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)

    return replaced


# five folders swapped (calls 1-5), then index.md (6); where the system cannot swap, renames
@pytest.mark.parametrize("failing_call", [1, 2, 3, 5, 6])
def test_a_failure_while_swapping_puts_the_previous_output_back(tmp_path, monkeypatch, failing_call):
    out = tmp_path / "site_src"
    write_pages([_page("articles/a.md", "first"), _page("actors/b.md", "first"), _page("index.md", "first")], out)
    (out / "about.md").write_text("mine", encoding="utf-8")
    before = _owned_tree(out)
    import generator.files.output as write_module

    # every step of the swap counts: a folder swapped in one step, a page renamed aside and in
    calls = {"n": 0}

    def step(real):
        def run(*args):
            calls["n"] += 1
            if calls["n"] == failing_call:
                raise OSError(28, "No space left on device")
            return real(*args)

        return run

    monkeypatch.setattr(write_module.os, "replace", step(write_module.os.replace))
    monkeypatch.setattr(write_module, "_exchange", step(write_module._exchange))
    with pytest.raises(OSError):
        write_pages([_page("articles/c.md", "second"), _page("events/d.md", "second"), _page("index.md", "second")], out)
    monkeypatch.undo()
    assert _owned_tree(out) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".newsarchive-")]


def test_a_failure_while_rendering_a_page_leaves_the_previous_output(tmp_path, monkeypatch):
    out = tmp_path / "site_src"
    write_pages([_page("articles/a.md", "first")], out)
    before = _owned_tree(out)
    import generator.files.output as write_module

    real = write_module.page_text
    monkeypatch.setattr(write_module, "page_text", lambda p: (_ for _ in ()).throw(RuntimeError("boom")) if p.body == "bad" else real(p))
    with pytest.raises(RuntimeError):
        write_pages([_page("articles/b.md", "good"), _page("articles/c.md", "bad")], out)
    assert _owned_tree(out) == before


@pytest.mark.parametrize("seeds_rel", ["site_src/articles", "site_src/events/seeds", "site_src/data"])
def test_an_owned_folder_may_never_hold_the_seeds(tmp_path, seeds_rel):
    out = tmp_path / "site_src"
    seeds = tmp_path / seeds_rel
    seeds.mkdir(parents=True)
    (seeds / "a.txt").write_text("article", encoding="utf-8")
    with pytest.raises(UnsafePathError):
        write_pages([_page("articles/x.md")], out, protect=(seeds,))
    assert (seeds / "a.txt").read_text(encoding="utf-8") == "article"


def test_seeds_beside_the_output_are_fine(tmp_path):
    (tmp_path / "seeds").mkdir()
    write_pages([_page("articles/x.md")], tmp_path / "site_src", protect=(tmp_path / "seeds",))
    assert (tmp_path / "site_src" / "articles" / "x.md").is_file()


def test_the_build_report_is_replaced_whole(tmp_path):
    from generator.files.output import write_build_report

    path = tmp_path / ".newsarchive" / "build-report.json"
    write_build_report({"problems": [{"file": "a.txt"}]}, path)
    write_build_report({"problems": []}, path)
    assert path.read_text(encoding="utf-8") == '{\n  "problems": []\n}\n'
    assert [p.name for p in path.parent.iterdir()] == ["build-report.json"]


@pytest.mark.parametrize("second_body, kept", [("same", True), ("changed", False)])
def test_only_new_and_changed_pages_get_a_new_file(tmp_path, second_body, kept):
    out = tmp_path / "site_src"
    write_pages([_page("articles/a.md", "same"), _page("articles/b.md", "other")], out)
    before = (out / "articles" / "a.md").stat()
    write_pages([_page("articles/a.md", second_body), _page("articles/b.md", "other")], out)
    after = (out / "articles" / "a.md").stat()
    assert ((after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)) is kept
    assert second_body in (out / "articles" / "a.md").read_text(encoding="utf-8")
    assert sorted(p.name for p in (out / "articles").iterdir()) == ["a.md", "b.md"]


def test_a_page_recorded_as_written_is_kept_without_rendering_it(tmp_path, monkeypatch):
    from generator.files import output as write

    out = tmp_path / "site_src"
    written: dict = {}
    pages = [_page("articles/a.md", "same"), _page("articles/b.md", "other"), Page("data/x.json", (), "{}")]
    write_pages(pages, out, written=written)
    assert sorted(written) == ["written:articles/a.md", "written:articles/b.md", "written:data/x.json"]
    before = (out / "articles" / "a.md").stat()
    rendered = []
    monkeypatch.setattr(write, "page_text", lambda page: rendered.append(page.path) or Page.__name__)
    write_pages(pages, out, written=written)
    assert rendered == []
    after = (out / "articles" / "a.md").stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


@pytest.mark.parametrize("change", ["body", "front matter", "file edited", "file replaced", "file deleted"])
def test_a_changed_page_or_file_is_written_again(tmp_path, change):
    out = tmp_path / "site_src"
    written: dict = {}
    write_pages([_page("articles/a.md", "same")], out, written=written)
    target = out / "articles" / "a.md"
    page = _page("articles/a.md", "same")
    if change == "body":
        page = _page("articles/a.md", "changed")
    elif change == "front matter":
        page = Page("articles/a.md", (("title", "Other"), ("generator", "newsarchive")), "same")
    elif change == "file edited":
        stat = target.stat()
        with target.open("a", encoding="utf-8") as fh:
            fh.write("edited by hand\n")
        os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    elif change == "file replaced":
        replacement = target.with_name("new.tmp")
        replacement.write_text("something else\n", encoding="utf-8")
        os.replace(replacement, target)
    else:
        target.unlink()
    write_pages([page], out, written=written)
    with_record = target.read_bytes()
    write_pages([page], tmp_path / "fresh")
    assert with_record == (tmp_path / "fresh" / "articles" / "a.md").read_bytes()


def test_no_owned_folder_is_ever_missing_while_swapping(tmp_path, monkeypatch):
    # a build killed between two steps of the swap (or a reader at that moment) finds every folder
    out = tmp_path / "site_src"
    write_pages([_page("articles/a.md", "first"), _page("actors/b.md", "first"), _page("index.md", "first")], out)
    import generator.files.output as write_module
    from generator.settings import OWNED_DIRS

    probe_a, probe_b = tmp_path / "probe-a", tmp_path / "probe-b"
    probe_a.mkdir()
    probe_b.mkdir()
    if not write_module._exchange(probe_a, probe_b):
        pytest.skip("this system cannot swap two folders in one step (renameat2)")
    missing: list[str] = []

    def watch(real):
        def run(*args):
            missing.extend(name for name in OWNED_DIRS if not (out / name).is_dir())
            missing.extend(["index.md"] if not (out / "index.md").is_file() else [])
            return real(*args)

        return run

    monkeypatch.setattr(write_module.os, "replace", watch(write_module.os.replace))
    monkeypatch.setattr(write_module, "_exchange", watch(write_module._exchange))
    write_pages([_page("articles/c.md", "second"), _page("events/d.md", "second"), _page("index.md", "second")], out)
    monkeypatch.undo()
    assert missing == []
    assert (out / "articles" / "c.md").exists() and not (out / "articles" / "a.md").exists()


@pytest.mark.parametrize("failing_call", [1, 2, 3, 5, 8, 12])
def test_where_folders_cannot_be_swapped_a_failed_rename_also_puts_everything_back(tmp_path, monkeypatch, failing_call):
    out = tmp_path / "site_src"
    write_pages([_page("articles/a.md", "first"), _page("actors/b.md", "first"), _page("index.md", "first")], out)
    before = _owned_tree(out)
    import generator.files.output as write_module

    monkeypatch.setattr(write_module, "_exchange", lambda a, b: False)  # not Linux: each is renamed aside, then in
    monkeypatch.setattr(write_module.os, "replace", _fail_on_call(failing_call, write_module.os.replace))
    with pytest.raises(OSError):
        write_pages([_page("articles/c.md", "second"), _page("events/d.md", "second"), _page("index.md", "second")], out)
    monkeypatch.undo()
    assert _owned_tree(out) == before


# --- seeds published as saved (Settings.publish_seeds) ---------------------------------


def _copy(source: str, data: bytes) -> SeedCopy:
    return SeedCopy(SiteMap.saved_seed(f"seeds/{source}"), source, hashlib.sha256(data).hexdigest())


def test_a_seed_is_published_byte_for_byte_and_goes_with_its_article(tmp_path):
    seeds, out = tmp_path / "seeds", tmp_path / "site_src"
    seeds.mkdir()
    raw = b"<html><script>x()</script>caf\xe9\r\n"  # cp1252, CRLF, markup: copied as they are
    (seeds / "a.html").write_bytes(raw)
    (seeds / "a.meta.yml").write_text("title: T\n", encoding="utf-8")
    assert write_pages([_page("articles/a.md")], out, copies=[_copy("a.html", raw)], seeds_dir=seeds) == ()
    assert sorted(p.name for p in (out / "data" / "seeds").iterdir()) == ["a.html.txt"]  # never the sidecar
    assert (out / "data" / "seeds" / "a.html.txt").read_bytes() == raw
    write_pages([_page("articles/a.md")], out, seeds_dir=seeds)  # the archive stops publishing it
    assert not (out / "data" / "seeds").exists()


def test_a_seed_changed_since_the_build_read_it_is_not_published(tmp_path):
    seeds, out = tmp_path / "seeds", tmp_path / "site_src"
    seeds.mkdir()
    (seeds / "a.txt").write_bytes(b"new text")
    problems = write_pages([_page("articles/a.md")], out, copies=[_copy("a.txt", b"old text")], seeds_dir=seeds)
    assert [p.severity for p in problems] == ["warning"] and "build again" in problems[0].message
    assert not (out / "data" / "seeds" / "a.txt").exists()


def test_a_link_out_of_the_seeds_folder_is_not_published(tmp_path):
    seeds, out = tmp_path / "seeds", tmp_path / "site_src"
    seeds.mkdir()
    (tmp_path / "secret.txt").write_bytes(b"secret")
    (seeds / "a.txt").symlink_to(tmp_path / "secret.txt")
    problems = write_pages([_page("articles/a.md")], out, copies=[_copy("a.txt", b"secret")], seeds_dir=seeds)
    assert len(problems) == 1 and not (out / "data" / "seeds").exists()


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("data/seeds/a.txt", "../a.txt"),  # only a file of the seeds folder itself
        ("data/seeds/a.txt", "sub/a.txt"),
        ("data/seeds/.a.txt", ".a.txt"),  # never a hidden file
        ("data/seeds/a.html", "a.html"),  # always served as text
        ("data/a.txt", "a.txt"),
        ("data/seeds/x/a.txt", "a.txt"),
        ("articles/a.txt", "a.txt"),
        ("/data/seeds/a.txt", "a.txt"),
        ("data/seeds/a.txt", ""),
    ],
)
def test_a_copy_outside_data_seeds_or_of_another_file_is_refused(path, source):
    with pytest.raises(UnsafePathError):
        check_seed_copy(SeedCopy(path, source, "0" * 64))
