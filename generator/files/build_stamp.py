"""Stamps of a stage's inputs and outputs: nothing changed since the last run, nothing to do.

One of the modules of ``files/``, the only code that touches the disk; it imports
only the standard library, so a rebuild with nothing changed stops here before the
generator's extraction libraries (a second of CPU) are loaded.

A stamp is written when a stage has run to its end, under ``.newsarchive/`` at the
project root (gitignored, beside the extraction cache). It holds

* ``inputs``: a hash of everything the stage reads (for the generator: the name and
  bytes of every entry of the seeds folder, decisions and sidecars included, the
  permanent-link lock, the settings and options, and the fingerprint of the
  generator's code, rules data and libraries);
* ``outputs``: the state of every file the stage wrote (path, size, modification
  time, inode), taken when it finished;
* what the run printed and its exit status, which a skipped run repeats.

A stage is skipped only when both the inputs' hash and every output file's state
are as stamped: a deleted, added or edited output (by hand, or by a build killed
while swapping folders) makes it run again. Writers keep an unchanged file's inode
and modification time (``files/output.py`` hard-links it from the previous
output), so a rebuild that changed nothing leaves the outputs as stamped.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable, Mapping

STAMP_DIR = Path(".newsarchive")
# Files read in blocks of this size when hashed (a seed may be a few megabytes).
_BLOCK = 1 << 20


def hash_file(path: Path, digest: Any) -> None:
    """Feed ``path``'s bytes to ``digest`` (nothing for what is not a readable regular file)."""
    try:
        with path.open("rb") as fh:
            while block := fh.read(_BLOCK):
                digest.update(block)
    except OSError:
        digest.update(b"\0unreadable")


def hash_folder_entries(folder: Path, digest: Any) -> None:
    """Feed ``folder``'s top-level entries to ``digest``: each name, kind, link target and file bytes.

    What the seeds folder holds for a build: it reads only its top level (seeds,
    sidecars, decision files; a subfolder is never read).
    """
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        digest.update(b"\0no folder")
        return
    for entry in entries:
        digest.update(b"\0" + os.fsencode(entry.name) + b"\0")
        if entry.is_symlink():
            digest.update(b"link:" + os.fsencode(os.readlink(entry.path)) + b"\0")
        if entry.is_dir():
            digest.update(b"dir")
        elif entry.is_file():
            hash_file(Path(entry.path), digest)
        else:
            digest.update(b"other")


def hash_tree(root: Path, digest: Any) -> None:
    """Feed every file under ``root`` to ``digest``: relative path and bytes, in sorted order
    (Python's ``__pycache__`` aside: written when a module is first imported)."""
    if root.is_file():
        hash_file(root, digest)
        return
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(b"\0" + os.fsencode(path.relative_to(root).as_posix()) + b"\0")
        hash_file(path, digest)


def list_file_states(roots: Iterable[Path]) -> dict[str, list[int]]:
    """Each file under ``roots`` (a folder, walked, or one file) by path: size, mtime (ns), inode.

    What tells that a file was not touched since: writers replace a file (new
    inode) or keep it (same inode, same time). Links are recorded as links
    (their own state), never followed.
    """
    states: dict[str, list[int]] = {}
    for root in roots:
        if root.is_symlink() or root.is_file():
            st = root.lstat()
            states[root.as_posix()] = [st.st_size, st.st_mtime_ns, st.st_ino]
            continue
        for folder, dirs, files in os.walk(root):
            dirs.sort()
            for name in [*sorted(files), *(d for d in dirs if os.path.islink(os.path.join(folder, d)))]:
                path = os.path.join(folder, name)
                st = os.lstat(path)
                states[Path(path).as_posix()] = [st.st_size, st.st_mtime_ns, st.st_ino]
    return states


def read_stamp(path: Path) -> dict[str, Any] | None:
    """The JSON object at ``path`` (a stamp, or the page cache's manifest), or ``None`` when there is none readable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def is_up_to_date(stamp: Mapping[str, Any] | None, inputs: str, output_roots: Iterable[Path]) -> bool:
    """Whether ``stamp`` was written for these very ``inputs`` and every output is still as it left it."""
    if stamp is None or stamp.get("inputs") != inputs:
        return False
    return stamp.get("outputs") == list_file_states(output_roots)


def write_stamp(path: Path, inputs: str, output_roots: Iterable[Path], **record: Any) -> None:
    """Stamp a finished stage: its inputs' hash, its outputs' states, and ``record`` (what it printed...).

    Written in one step (a killed run leaves the old stamp or the new one); a
    stamp that cannot be written costs the next run time, never this one.
    """
    data = {"inputs": inputs, "outputs": list_file_states(output_roots), **record}
    try:
        write_json_in_one_step(path, data)
    except OSError:
        pass


def write_json_in_one_step(path: Path, data: Any) -> None:
    """Write ``data`` as JSON to ``path`` through a temporary file beside it, replaced in one
    step: a killed run leaves the old file or the new one, never half of one (raises OSError)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_stamp(path: Path) -> None:
    """Forget a stamp (before a run that changes the outputs: a kill then leaves no stale stamp)."""
    try:
        path.unlink()
    except OSError:
        pass


# --- the generator's stamp -----------------------------------------------------------

# The stamp of the last `generator build` that ran to its end.
GENERATOR_STAMP = STAMP_DIR / "build-stamp.json"


def compose_generator_inputs(seeds_dir: Path, fingerprint: str, *parts: object) -> str:
    """A hash of everything a build reads: the seeds folder's entries (names and bytes),
    the generator's ``fingerprint`` (its code, rules data, libraries: ``files/cache.py``)
    and ``parts`` (the settings, options and flags, through their repr)."""
    digest = hashlib.sha256(b"newsarchive build 1\0" + fingerprint.encode())
    for part in parts:
        digest.update(b"\0" + repr(part).encode("utf-8", "surrogatepass"))
    hash_folder_entries(seeds_dir, digest)
    return digest.hexdigest()


def list_generator_outputs(out_dir: Path, owned: Iterable[str], report_path: Path) -> list[Path]:
    """What a build writes: its owned folders and pages of ``out_dir`` (the permanent-link
    lock among them) and the build report."""
    return [*(out_dir / name for name in owned), report_path]
