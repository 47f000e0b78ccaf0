"""A stage is skipped only when its inputs' hash and every output's state are as stamped."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from generator.files.build_stamp import (
    compose_generator_inputs,
    hash_folder_entries,
    is_up_to_date,
    list_file_states,
    read_stamp,
    write_stamp,
)


def _project(tmp_path: Path) -> tuple[Path, Path]:
    seeds, out = tmp_path / "seeds", tmp_path / "out"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Alpha\n", encoding="utf-8")
    (seeds / "a.meta.yml").write_text("outlet: A\n", encoding="utf-8")
    (out / "articles").mkdir(parents=True)
    (out / "articles" / "a.md").write_text("# A\n", encoding="utf-8")
    return seeds, out


def _edit_seed(seeds: Path, out: Path) -> None:
    (seeds / "a.txt").write_text("Alphb\n", encoding="utf-8")  # same size, other bytes


def _edit_sidecar(seeds: Path, out: Path) -> None:
    (seeds / "a.meta.yml").write_text("outlet: B\n", encoding="utf-8")


def _add_seed(seeds: Path, out: Path) -> None:
    (seeds / "b.txt").write_text("Beta\n", encoding="utf-8")


def _rename_seed(seeds: Path, out: Path) -> None:
    (seeds / "a.txt").rename(seeds / "c.txt")


def _add_subfolder(seeds: Path, out: Path) -> None:
    (seeds / "originals").mkdir()


def _rewrite_output(seeds: Path, out: Path) -> None:
    page = out / "articles" / "a.md"
    page.unlink()
    page.write_text("# A\n", encoding="utf-8")  # same bytes, another file


def _delete_output(seeds: Path, out: Path) -> None:
    (out / "articles" / "a.md").unlink()


def _add_output(seeds: Path, out: Path) -> None:
    (out / "articles" / "stray.md").write_text("# stray\n", encoding="utf-8")


def _touch_output(seeds: Path, out: Path) -> None:
    page = out / "articles" / "a.md"
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 1_000_000_000))


INPUT_CHANGES = [_edit_seed, _edit_sidecar, _add_seed, _rename_seed, _add_subfolder]
OUTPUT_CHANGES = [_rewrite_output, _delete_output, _add_output, _touch_output]


def _inputs(seeds: Path, fingerprint: str = "f1", settings: object = ("strict", False)) -> str:
    return compose_generator_inputs(seeds, fingerprint, settings)


def test_nothing_changed_is_up_to_date(tmp_path):
    seeds, out = _project(tmp_path)
    write_stamp(tmp_path / "stamp.json", _inputs(seeds), [out / "articles"], status=0)
    assert is_up_to_date(read_stamp(tmp_path / "stamp.json"), _inputs(seeds), [out / "articles"])
    assert read_stamp(tmp_path / "stamp.json")["status"] == 0


@pytest.mark.parametrize("change", INPUT_CHANGES + OUTPUT_CHANGES, ids=lambda f: f.__name__.strip("_"))
def test_any_change_of_an_input_or_an_output_runs_the_stage_again(tmp_path, change):
    seeds, out = _project(tmp_path)
    write_stamp(tmp_path / "stamp.json", _inputs(seeds), [out / "articles"])
    change(seeds, out)
    assert not is_up_to_date(read_stamp(tmp_path / "stamp.json"), _inputs(seeds), [out / "articles"])


@pytest.mark.parametrize(("fingerprint", "settings"), [("f2", ("strict", False)), ("f1", ("strict", True))])
def test_other_code_or_settings_run_the_stage_again(tmp_path, fingerprint, settings):
    seeds, out = _project(tmp_path)
    write_stamp(tmp_path / "stamp.json", _inputs(seeds), [out / "articles"])
    assert not is_up_to_date(read_stamp(tmp_path / "stamp.json"), _inputs(seeds, fingerprint, settings), [out / "articles"])


@pytest.mark.parametrize("content", ["", "not json", "[1, 2]"])
def test_a_missing_or_unreadable_stamp_is_never_up_to_date(tmp_path, content):
    seeds, out = _project(tmp_path)
    path = tmp_path / "stamp.json"
    if content:
        path.write_text(content, encoding="utf-8")
    assert not is_up_to_date(read_stamp(path), _inputs(seeds), [out / "articles"])


def test_a_link_is_stamped_as_a_link_and_its_target_changes_the_hash(tmp_path):
    seeds, _ = _project(tmp_path)
    (seeds / "l.txt").symlink_to(seeds / "a.txt")
    before = hashlib.sha256()
    hash_folder_entries(seeds, before)
    (seeds / "a.txt").write_text("changed through the link\n", encoding="utf-8")
    after = hashlib.sha256()
    hash_folder_entries(seeds, after)
    assert before.hexdigest() != after.hexdigest()
    assert list(list_file_states([seeds / "l.txt"])) == [(seeds / "l.txt").as_posix()]
