"""The real build (``python -m generator build``) with hostile entries in ``seeds/``.

A link out of the folder (to a secret file, to a passwd-like file, to a folder),
a FIFO, a folder named like a seed, a dangling link and an outward sidecar: each
is one error naming it, the five sample seeds still build into five articles,
and no secret reaches any generated file. The build runs in a subprocess with a
timeout, so a FIFO that blocks it fails the test instead of hanging it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import ROOT, SEEDS
from ..sitebuild import BUILD_ENV

# Seconds the build of five seeds may take; beyond, it is blocked (on a FIFO?).
BUILD_TIMEOUT_SECONDS = 300
CANARY = "SECRET-CANARY"
SECRET_ARTICLE = f"{CANARY} in the title\n\nThe password of the archive server is hunter2, the admin said on Monday.\n"
PASSWD = f"root:x:0:0:{CANARY}:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
FIRST_SEED = sorted(SEEDS.glob("*.txt"))[0].stem

# entry in seeds/ -> (how it is planted, words its one error must contain)
HOSTILE = {
    "leak.txt": ("link to outside/secret.txt", "outside"),
    "passwd.txt": ("link to outside/passwd", "outside"),
    "leakdir.txt": ("link to outside/", "outside"),
    "pipe.txt": ("fifo", "FIFO"),
    "folder.txt": ("folder holding a secret", "a folder"),
    "dangling.txt": ("link to a missing file", "does not exist"),
    f"{FIRST_SEED}.meta.yml": ("link to outside/secret.meta.yml", "outside"),
}


def _plant(seeds: Path, outside: Path) -> None:
    (outside / "secret.txt").write_text(SECRET_ARTICLE, encoding="utf-8")
    (outside / "passwd").write_text(PASSWD, encoding="utf-8")
    (outside / "secret.meta.yml").write_text(f"title: {CANARY}\nsummary: {CANARY}\n", encoding="utf-8")
    (outside / "inner.txt").write_text(SECRET_ARTICLE, encoding="utf-8")
    (seeds / "leak.txt").symlink_to(outside / "secret.txt")
    (seeds / "passwd.txt").symlink_to(os.path.relpath(outside / "passwd", seeds))
    (seeds / "leakdir.txt").symlink_to(outside, target_is_directory=True)
    os.mkfifo(seeds / "pipe.txt")
    (seeds / "folder.txt").mkdir()
    (seeds / "folder.txt" / "inner.txt").write_text(SECRET_ARTICLE, encoding="utf-8")
    (seeds / "dangling.txt").symlink_to(seeds / "gone.txt")
    (seeds / f"{FIRST_SEED}.meta.yml").symlink_to(outside / "secret.meta.yml")


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("hostile")
    project, outside = root / "project", root / "outside"
    outside.mkdir()
    shutil.copytree(SEEDS, project / "seeds")
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    _plant(project / "seeds", outside)
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--seeds", "seeds", "--out", "site_src", "--no-cache"],
        cwd=project,
        env=BUILD_ENV,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_SECONDS,
    )
    report = json.loads((project / ".newsarchive" / "build-report.json").read_text(encoding="utf-8"))
    return {"project": project, "result": result, "report": report}


def test_the_five_seeds_still_build_into_five_articles(hostile_build):
    result, report = hostile_build["result"], hostile_build["report"]
    assert result.returncode == 0, result.stderr
    assert report["built"] == sorted(f"seeds/{p.name}" for p in SEEDS.glob("*.txt"))
    assert len([p for p in (hostile_build["project"] / "site_src" / "articles").glob("*.md") if p.name != "index.md"]) == 5


@pytest.mark.parametrize("name, planted, words", [(n, p, w) for n, (p, w) in sorted(HOSTILE.items())])
def test_each_hostile_entry_is_one_error_naming_it(hostile_build, name, planted, words):
    mine = [p for p in hostile_build["report"]["problems"] if p["file"] == f"seeds/{name}"]
    assert len(mine) == 1, (planted, mine)
    assert mine[0]["severity"] == "error" and words in mine[0]["message"], (planted, mine[0])
    assert hostile_build["result"].stderr.count(f"seeds/{name}:") == 1


def test_there_is_no_other_problem(hostile_build):
    # mkdocs.yml's warning (SITE_URL not set, publish/site.py) is about the project, not a seed
    files = [p["file"] for p in hostile_build["report"]["problems"] if p["file"] != "mkdocs.yml"]
    assert sorted(files) == sorted(f"seeds/{n}" for n in HOSTILE)


def test_no_secret_reaches_any_generated_file(hostile_build):
    project = hostile_build["project"]
    for path in sorted((project / "site_src").rglob("*")):
        if path.is_file():
            assert CANARY not in path.read_text(encoding="utf-8", errors="replace"), path
    assert CANARY not in json.dumps(hostile_build["report"]) and CANARY not in hostile_build["result"].stdout
    assert "hunter2" not in hostile_build["result"].stderr


def test_inspect_refuses_a_fifo_argument_without_blocking(hostile_build):
    project = hostile_build["project"]
    result = subprocess.run(
        [sys.executable, "-m", "generator", "inspect", "seeds/pipe.txt", f"seeds/{FIRST_SEED}.txt"],
        cwd=project,
        env=BUILD_ENV,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_SECONDS,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()] and "seeds/pipe.txt" in result.stderr
    assert "FIFO" in result.stderr
