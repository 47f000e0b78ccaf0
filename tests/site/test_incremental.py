"""An incremental `make site` gives, byte for byte, the site and Markdown of a cold build.

One project is built cold, then changed three times as an archivist changes one: a
seed added, a seed removed, a sidecar edited. After each change it is built again
(``generator build`` then ``generator site``, the two steps of ``make site``) with its
caches, stamps and previous ``site/``, and a copy of its inputs (seeds, hand-written
pages, the permanent-link lock, settings) is built cold beside it: no cache, no
stamp, no previous site. The two ``site_src/`` and ``site/`` trees must be equal, and
the incremental build must really have reused pages (else the test proves nothing).
A build with nothing changed runs neither the generator's stages nor MkDocs, and
leaves every file of ``site/`` as it was.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import ROOT, SEEDS, link_theme
from ..sitebuild import BUILD_ENV, tree_bytes

ENV = {**BUILD_ENV, "SITE_URL": "https://archive.example.org/incr/"}
# What `make site` runs after the set-up.
STEPS = (("build", "--jobs", "1"), ("site",))
GENERATED = ("articles", "actors", "events", "outlets", "data", "index.md", "review.md")
# A new article, written for this test (no text of the shared corpus).
ADDED = """Talks on the river dam resume in Vienna

Vienna, 3 March 2016 - Negotiators from the three riparian states met again on Thursday
to discuss the filling schedule of the new dam, the ministry of water resources said.
The delegations agreed to meet twice a month until the summer, a spokesman said, and to
publish a joint statement after each round. Observers said the tone was calmer than at
the last meeting in January, when one delegation left the room after an hour.
"""


def _run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=project, env=ENV, capture_output=True, text=True, check=True
    )


def _make_site(project: Path) -> str:
    """Both steps of `make site`; what MkDocs and the commands printed."""
    return "".join(r.stdout + r.stderr for r in (_run(project, *step) for step in STEPS))


def _new_project(root: Path) -> Path:
    project = root / "project"
    shutil.copytree(SEEDS, project / "seeds")
    shutil.copytree(ROOT / "site_src", project / "site_src", ignore=shutil.ignore_patterns(*GENERATED))
    for name in ("mkdocs.yml", "pyproject.toml", "pagefind.yml"):
        shutil.copy(ROOT / name, project / name)
    link_theme(project)
    return project


def _cold_copy(project: Path, target: Path) -> Path:
    """The project's inputs, without what a build leaves for the next one."""
    shutil.copytree(project / "seeds", target / "seeds")
    shutil.copytree(project / "site_src", target / "site_src", ignore=shutil.ignore_patterns(*GENERATED))
    for name in ("mkdocs.yml", "pyproject.toml", "pagefind.yml"):
        shutil.copy(project / name, target / name)
    link_theme(target)
    return target


def _add_seed(seeds: Path) -> None:
    (seeds / "900_added.txt").write_text(ADDED, encoding="utf-8")


def _remove_seed(seeds: Path) -> None:
    (seeds / "001_b3644d8a320e78a4.txt").unlink()


def _edit_sidecar(seeds: Path) -> None:
    sidecar = next(iter(sorted(seeds.glob("*.meta.yml"))))
    sidecar.write_text(sidecar.read_text(encoding="utf-8") + "\noutlet: Incremental Test Wire\n", encoding="utf-8")


def _states(site: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(site).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns) for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = _new_project(tmp_path_factory.mktemp("incremental"))
    _make_site(project)
    return project


def test_a_build_with_nothing_changed_runs_no_stage_and_keeps_every_file(project):
    before = _states(project / "site")
    markdown = _states(project / "site_src")
    output = _make_site(project)
    assert "nothing changed since the last build, so MkDocs and Pagefind did not run" in output
    assert "5 articles" in output  # the generator repeats its summary
    assert _states(project / "site") == before
    assert _states(project / "site_src") == markdown


@pytest.mark.parametrize("change", [_add_seed, _remove_seed, _edit_sidecar], ids=["+1 seed", "-1 seed", "edit sidecar"])
def test_an_incremental_build_is_byte_identical_to_a_cold_one(project, change, tmp_path):
    change(project / "seeds")
    cold = _cold_copy(project, tmp_path / "cold")
    output = _make_site(project)
    _make_site(cold)
    assert tree_bytes(project / "site_src") == tree_bytes(cold / "site_src")
    assert tree_bytes(project / "site") == tree_bytes(cold / "site")
    reused = [line for line in output.splitlines() if "unchanged since the last build, reused" in line]
    assert reused and int(reused[0].split("newsarchive: ")[1].split()[0]) > 0, output[-2000:]


def test_a_hand_edited_page_of_the_site_is_rebuilt(project):
    """An output not as the last build left it is never trusted: the page is built again."""
    page = next((project / "site" / "articles").rglob("index.html"))
    original = page.read_bytes()
    page.unlink()
    page.write_bytes(b"<p>edited by hand</p>")
    _make_site(project)
    assert page.read_bytes() == original
