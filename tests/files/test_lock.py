"""The permalink lock on disk: read when it is a regular file, written only when it changed."""

from __future__ import annotations

import os
from pathlib import Path

from generator.files.lock import read_permalink_lock, write_permalink_lock
from generator.settings import PERMALINKS_FILE


def test_no_lock_yet_is_no_problem(tmp_path: Path) -> None:
    assert read_permalink_lock(tmp_path) == (None, (), tmp_path / PERMALINKS_FILE)


def test_the_lock_is_written_only_when_it_changed(tmp_path: Path) -> None:
    path = tmp_path / PERMALINKS_FILE
    assert write_permalink_lock(path, "a: 1\n") is True
    assert write_permalink_lock(path, "a: 1\n") is False
    assert read_permalink_lock(tmp_path)[0] == {"a": 1}
    assert write_permalink_lock(path, "a: 2\n") is True and path.read_text(encoding="utf-8") == "a: 2\n"


def test_a_fifo_in_place_of_the_lock_is_one_error_and_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / PERMALINKS_FILE
    os.mkfifo(path)
    data, problems, _ = read_permalink_lock(tmp_path)  # returns at once: never opened
    assert data is None and len(problems) == 1 and "FIFO" in problems[0].message
    assert write_permalink_lock(path, "a: 1\n") is True and path.is_file()


def test_a_link_out_of_the_output_is_replaced_not_written_through(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yml"
    outside.write_text("kept\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    path = tmp_path / "out" / PERMALINKS_FILE
    path.symlink_to(outside)
    assert "outside" in read_permalink_lock(tmp_path / "out")[1][0].message
    assert write_permalink_lock(path, "a: 1\n") is True
    assert outside.read_text(encoding="utf-8") == "kept\n" and not path.is_symlink()
