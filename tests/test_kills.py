"""A build killed at any moment leaves each generated folder and page whole, and the next build finishes the job.

The project is built once (the "old" output); then seeds change and the build is run
again in a subprocess, killed (SIGKILL, as a crash or an impatient Ctrl-C would) at
several moments of its run. After each kill, every generated folder and page is
either the old one or the new one, byte for byte, never missing and never half
written; a build after it removes the staging folder the killed one left and gives
exactly the output of an uninterrupted build.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.settings import OWNED_DIRS

from .conftest import SEEDS
from .sitebuild import BUILD_ENV, tree_bytes

# Fractions of an uninterrupted build's time at which the build is killed.
KILL_AT = (0.3, 0.6, 0.85, 0.95)


def _build(project: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--jobs", "1"],
        cwd=project, env=BUILD_ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def _parts(site_src: Path) -> dict[str, dict[str, bytes] | None]:
    """Each generated folder and page of the output: its files' bytes, or None when it is missing."""
    parts: dict[str, dict[str, bytes] | None] = {}
    for name in OWNED_DIRS:
        parts[name] = tree_bytes(site_src / name) if (site_src / name).is_dir() else None
    for name in ("index.md", "review.md"):
        parts[name] = {"": (site_src / name).read_bytes()} if (site_src / name).is_file() else None
    return parts


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("kills")
    old = root / "old"
    shutil.copytree(SEEDS, old / "seeds")
    assert _build(old).wait() == 0
    new = root / "new"
    shutil.copytree(old, new)
    # the change: a seed gone, one retitled, one added (every folder's pages change)
    first = sorted((new / "seeds").glob("*.txt"))
    first[0].unlink()
    (new / "seeds" / "added.txt").write_text(
        "Ferry strike ends in Dover\n\n" + "The ferry crews of Dover went back to work on Monday, the port said. " * 8 + "\n",
        encoding="utf-8",
    )
    started = time.monotonic()
    assert _build(new).wait() == 0
    return {"root": root, "old": old, "new": new, "seconds": time.monotonic() - started}


@pytest.mark.parametrize("fraction", KILL_AT)
def test_a_killed_build_leaves_each_part_old_or_new_and_the_next_build_finishes(outputs, fraction, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(outputs["old"], project)
    shutil.rmtree(project / "seeds")
    shutil.copytree(outputs["new"] / "seeds", project / "seeds")
    old, new = _parts(outputs["old"] / "site_src"), _parts(outputs["new"] / "site_src")
    build = _build(project)
    time.sleep(outputs["seconds"] * fraction)
    build.kill()
    build.wait()
    after = _parts(project / "site_src")
    for name, files in after.items():
        assert files is not None, f"{name} is missing after a kill at {fraction:.0%}"
        assert files in (old[name], new[name]), f"{name} is neither the old nor the new one after a kill at {fraction:.0%}"
    assert _build(project).wait() == 0
    assert _parts(project / "site_src") == new
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".newsarchive-")]
