"""Writing pages to the output dir, touching only what the generator owns.

The generator owns the folders of ``settings.OWNED_DIRS`` and the top-level
pages of ``settings.OWNED_PAGES`` that carry its marker. Owned folders are
built beside the output dir and swapped in whole, so a build that fails
half-way leaves the previous output as it was; everything else in the output
dir (the archivist's own pages) is never written, moved or deleted.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath
from typing import Iterable

import frontmatter

from .model import Page, Problem
from .render import render_front_matter
from .settings import GENERATED_MARKER, OWNED_DIRS, OWNED_PAGES


class UnsafePathError(ValueError):
    """A page would land outside the generator's own folders."""


def page_text(page: Page) -> str:
    """The full file content of a page."""
    return render_front_matter(page.front_matter, page.body)


def check_page_path(path: str) -> PurePosixPath:
    """Return the page's relative path, or raise if it is not one the generator owns."""
    rel = PurePosixPath(path)
    if rel.is_absolute() or ".." in rel.parts or not rel.parts or rel.suffix != ".md":
        raise UnsafePathError(f"refusing to write {path!r}: not a relative .md path")
    if len(rel.parts) == 1 and rel.name in OWNED_PAGES:
        return rel
    if len(rel.parts) == 2 and rel.parts[0] in OWNED_DIRS:
        return rel
    raise UnsafePathError(f"refusing to write {path!r}: outside the generator's folders {OWNED_DIRS}")


def is_generated(path: Path) -> bool:
    """True when the file at ``path`` was written by the generator (it carries the marker)."""
    try:
        return frontmatter.load(str(path)).get("generator") == GENERATED_MARKER
    except Exception:  # a hand-written file may hold anything: treat it as the archivist's
        return False


def write_pages(pages: Iterable[Page], out_dir: Path) -> tuple[Problem, ...]:
    """Write every page; return warnings for pages left alone to protect the archivist's files."""
    pages = list(pages)
    rel_paths = [check_page_path(p.path) for p in pages]
    out_dir.mkdir(parents=True, exist_ok=True)
    problems: list[Problem] = []
    staging = Path(tempfile.mkdtemp(prefix=".newsarchive-", dir=out_dir.parent))
    try:
        for page, rel in zip(pages, rel_paths):
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page_text(page), encoding="utf-8", newline="\n")
        for name in OWNED_DIRS:
            (staging / name).mkdir(exist_ok=True)
            _swap_dir(staging / name, out_dir / name, staging / f"{name}.previous")
        for name in OWNED_PAGES:
            new = staging / name
            if not new.exists():
                continue
            old = out_dir / name
            if old.exists() and not is_generated(old):
                problems.append(
                    Problem(str(old), "is a hand-written page; the generated one was not written over it", "warning")
                )
                continue
            os.replace(new, old)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return tuple(problems)


def _swap_dir(new: Path, target: Path, parking: Path) -> None:
    """Put ``new`` at ``target``; the old ``target`` is parked, then removed."""
    if target.exists():
        os.replace(target, parking)
    os.replace(new, target)
