"""Helpers for tests that build the real site: run the CLI and MkDocs as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# A fixed build date: MkDocs stamps the sitemap with it, and two builds must match byte for byte.
BUILD_ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}


def run_generator(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m generator ARGS`` in ``project``; fails the test on a non-zero exit."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=project,
        env={**BUILD_ENV, **(env or {})},
        capture_output=True,
        text=True,
        check=True,
    )


def run_mkdocs(project: Path, site_dir: str = "site", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` in ``project``; fails the test on any warning."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site_dir],
        cwd=project,
        env={**BUILD_ENV, **(env or {})},
        capture_output=True,
        text=True,
        check=True,
    )


def run_pagefind(project: Path) -> subprocess.CompletedProcess[str]:
    """``python -m generator search-index`` in ``project`` (Pagefind with the project's ``pagefind.yml``, then
    made byte-stable), as ``make site`` runs it."""
    return subprocess.run(
        [sys.executable, "-m", "generator", "search-index"],
        cwd=project,
        env=BUILD_ENV,
        capture_output=True,
        text=True,
        check=True,
    )


def tree_bytes(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` by relative path, for byte-for-byte comparison."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
