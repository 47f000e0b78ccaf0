"""Shared fixtures: the project's seeds, the shared truth file, a built archive."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
TRUTH_PATH = ROOT.parent / "shared" / "seed_truth.yml"


@pytest.fixture(scope="session")
def truth() -> dict:
    """``../shared/seed_truth.yml``: what a careful reader finds in the seeds."""
    if not TRUTH_PATH.is_file():
        pytest.skip(f"{TRUTH_PATH} is not beside the project")
    return yaml.safe_load(TRUTH_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def archive():
    """The five seeds run through every stage, with curation."""
    from generator.build import build_archive
    from generator.files.seeds import read_archive_inputs

    return build_archive(read_archive_inputs(SEEDS))


@pytest.fixture(scope="session")
def archive_uncurated():
    """The five seeds with sidecars and decision files ignored."""
    from generator.build import build_archive
    from generator.files.seeds import read_archive_inputs
    from generator.settings import BuildOptions

    return build_archive(read_archive_inputs(SEEDS), BuildOptions(use_curation=False))


# What the generator writes into site_src/: never copied from the working tree.
_GENERATED_NAMES = ("articles", "actors", "events", "outlets", "data", "index.md", "review.md")
_GENERATED = shutil.ignore_patterns(*_GENERATED_NAMES)


def link_theme(project: Path) -> None:
    """mkdocs.yml's theme.custom_dir (generator/plugin/theme) inside a project copy.

    The whole package is linked, not a folder holding only the theme: run from the
    project, Python finds ``generator/`` there first, and a folder without the
    package's modules would hide the installed plugin (``generator.plugin.plugin``).
    """
    (project / "generator").symlink_to(ROOT / "generator", target_is_directory=True)


SUBPATH = "/newsarchive/"  # GitHub Pages serves a project site under /<repo>/


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """A project copy with generated Markdown and a built site/, its Pagefind index included."""
    project = tmp_path_factory.mktemp("built") / "project"
    shutil.copytree(SEEDS, project / "seeds")
    shutil.copytree(ROOT / "site_src", project / "site_src", ignore=_GENERATED)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    link_theme(project)
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    shutil.copy(ROOT / "pagefind.yml", project / "pagefind.yml")
    from .sitebuild import run_generator, run_mkdocs, run_pagefind

    result = run_generator(project, "build", env={"SITE_URL": f"http://127.0.0.1{SUBPATH}"})
    assert "5 articles" in result.stdout
    run_mkdocs(project, env={"SITE_URL": f"http://127.0.0.1{SUBPATH}"})
    run_pagefind(project)  # the search index, as `make site` builds it (once per session)
    return project


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@pytest.fixture(scope="session")
def server(built, tmp_path_factory):
    """The built site served over HTTP on localhost under a project-site subpath."""
    root = tmp_path_factory.mktemp("www")
    shutil.copytree(built / "site", root / SUBPATH.strip("/"))
    handler = functools.partial(_Quiet, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}{SUBPATH}"
    httpd.shutdown()


