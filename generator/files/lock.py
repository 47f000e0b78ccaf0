"""The lock of page addresses, ``site_src/permalinks.yml``: read before a build, written after.

What the lock means (which page keeps which address) is ``publish/sitemap.py``'s
business; this module only moves its text to and from the disk. It is the
generator's own file, kept beside the pages it describes and committed with
the seeds.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from generator.files.curation import read_yaml
from generator.files.regular import RefusedFileError, read_regular_text
from generator.model import Problem
from generator.settings import PERMALINKS_FILE


def read_permalink_lock(out_dir: Path) -> tuple[Any, tuple[Problem, ...], Path]:
    """The parsed lock in ``out_dir`` (``None`` when there is none yet), its problems and its path."""
    path = out_dir / PERMALINKS_FILE
    if not path.exists() and not path.is_symlink():
        return None, (), path
    data, problems = read_yaml(path, out_dir)
    return data, problems, path


def write_permalink_lock(path: Path, text: str) -> bool:
    """Write the lock of page addresses when it changed (in one step); True when it was written."""
    try:
        if read_regular_text(path, path.parent) == text:
            return False
    except (RefusedFileError, OSError, UnicodeDecodeError):
        pass  # none yet, or not a file we can trust: replaced below (os.replace replaces a link, not its target)
    staging = path.with_name(f".{path.name}.tmp")
    staging.write_text(text, encoding="utf-8", newline="\n")
    os.replace(staging, path)
    return True
