"""One build at a time per output folder; what a killed build left is cleaned; a full disk is no traceback."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import run_build
from generator.files.cache import ExtractionCache
from generator.files.output import BUILD_LOCK_NAME, BuildBusyError, hold_build_lock, remove_stale_staging
from generator.settings import BuildOptions, Settings

ARTICLE = "Ferry strike ends in Dover\n\n" + "The ferry crews of Dover went back to work on Monday after a week on strike. " * 5 + "\n"


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def _build(report: Path, use_cache: bool = False) -> int:
    return run_build(Settings(seeds_dir=Path("seeds"), out_dir=Path("site_src")), BuildOptions(), report_path=report, use_cache=use_cache)


def test_a_second_build_of_one_output_stops_with_a_clear_message(project, capsys):
    report = project / "report.json"
    report.write_text('{"exit_status": 0, "from": "the running build"}\n', encoding="utf-8")
    with hold_build_lock(Path("site_src")):
        assert _build(report) == 1
    err = capsys.readouterr().err
    assert f"process {os.getpid()}" in err and "run this one again when it has finished" in err
    assert json.loads(report.read_text(encoding="utf-8"))["from"] == "the running build"  # not the second build's to write
    assert not (project / "site_src").exists()
    assert _build(report) == 0  # released: the next build runs


def test_the_lock_is_held_across_processes_and_released_when_its_process_dies(project):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; from generator.files.output import hold_build_lock\n"
         "with hold_build_lock(Path('site_src')):\n    print('held', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(BuildBusyError, match=f"process {holder.pid}"):
            with hold_build_lock(Path("site_src")):
                pass
    finally:
        holder.kill()  # a killed build: the system releases its lock
        holder.wait()
    with hold_build_lock(Path("site_src")):
        assert (project / BUILD_LOCK_NAME).read_text(encoding="utf-8").strip() == str(os.getpid())


def test_stale_staging_folders_are_removed_and_nothing_else(project):
    (project / ".newsarchive-k1ll3d" / "articles").mkdir(parents=True)
    (project / ".newsarchive-k1ll3d" / "articles" / "a.md").write_text("half-written", encoding="utf-8")
    (project / ".newsarchive").mkdir()  # the cache and report folder
    (project / ".newsarchive-note.txt").write_text("a file, not a staging folder", encoding="utf-8")
    (project / "elsewhere").mkdir()
    (project / ".newsarchive-link").symlink_to(project / "elsewhere", target_is_directory=True)
    assert remove_stale_staging(Path("site_src")) == 1
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".newsarchive")) == [
        ".newsarchive", ".newsarchive-link", ".newsarchive-note.txt"
    ]


def test_a_build_removes_what_a_killed_build_left(project):
    (project / ".newsarchive-k1ll3d" / "articles").mkdir(parents=True)
    assert _build(project / "report.json") == 0
    assert not (project / ".newsarchive-k1ll3d").exists()


def test_a_full_disk_while_saving_the_cache_is_a_warning(project, monkeypatch):
    def full(self):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(ExtractionCache, "save", full)
    report = project / "report.json"
    assert _build(report, use_cache=True) == 0
    problems = json.loads(report.read_text(encoding="utf-8"))["problems"]
    mine = [p for p in problems if "cache was not saved" in p["message"]]
    assert len(mine) == 1 and mine[0]["severity"] == "warning" and "No space left" in mine[0]["message"]
    assert (project / "site_src" / "articles").is_dir()
