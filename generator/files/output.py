"""Writing pages to the output dir, touching only what the generator owns.

The generator owns the folders of ``settings.OWNED_DIRS`` and the top-level
pages of ``settings.OWNED_PAGES`` that carry its marker. Owned folders are
built beside the output dir and swapped in whole, so a build that fails
half-way leaves the previous output as it was; everything else in the output
dir (the archivist's own pages) is never written, moved or deleted.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import hashlib
import json
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any, Iterable, Iterator, MutableMapping

import frontmatter
import yaml

from generator.files.regular import read_regular_file
from generator.model import Page, Problem, SeedCopy
from generator.settings import GENERATED_MARKER, OWNED_DIRS, OWNED_FILE_SUFFIXES, OWNED_PAGES, REDIRECT_PAGE_NAME


class UnsafePathError(ValueError):
    """A page would land outside the generator's own folders."""


class BuildBusyError(RuntimeError):
    """Another build holds the output folder's lock."""


# The staging folders of write_pages, beside the output dir (ignored by git). One
# left behind was a killed build's: the next build removes it.
STAGING_PREFIX = ".newsarchive-"
# The build report: outside the MkDocs docs_dir, which would publish it; at the
# project root, ignored by git (.gitignore).
BUILD_REPORT = Path(".newsarchive") / "build-report.json"
# Beside the output dir: two builds writing one output at once would swap their
# folders into each other's (and share one cache), so the second one stops.
BUILD_LOCK_NAME = ".newsarchive.lock"


@contextmanager
def hold_build_lock(out_dir: Path) -> Iterator[None]:
    """Hold the lock on ``out_dir`` for one build; :class:`BuildBusyError` if another build has it.

    An advisory lock of the operating system (``flock``) on a file beside the
    output: it goes with its process, so a killed build never leaves it held.
    """
    path = out_dir.absolute().parent / BUILD_LOCK_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "another process"
            raise BuildBusyError(
                f"another build (process {holder}) is writing {out_dir} now; run this one again when it has finished"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the lock


def remove_stale_staging(out_dir: Path) -> int:
    """Remove the staging folders that killed builds left beside ``out_dir``; returns how many.

    Call it only while holding :func:`hold_build_lock`: then no other build is
    staging there. Only folders are removed, never what a link points to.
    """
    parent = out_dir.absolute().parent
    if not parent.is_dir():
        return 0
    stale = [p for p in parent.iterdir() if p.name.startswith(STAGING_PREFIX) and p.is_dir() and not p.is_symlink()]
    for folder in stale:
        shutil.rmtree(folder, ignore_errors=True)
    return len(stale)


def page_text(page: Page) -> str:
    """The full file content of a page (a non-Markdown file is its body, verbatim)."""
    if not page.path.endswith(".md"):
        return page.body
    return render_front_matter(page.front_matter, page.body)


# libyaml's emitter when PyYAML was built with it: the same output as the pure-Python
# one, 3.5 times faster, which is most of the write stage at 10,000 articles.
_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _FrontMatterDumper(_SafeDumper):  # type: ignore[misc,valid-type]
    """SafeDumper that writes a repeated list out again instead of as a YAML alias."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_text(dumper: Any, data: str) -> yaml.ScalarNode:
    # NEL and the Unicode line/paragraph separators are line breaks to YAML: in a
    # plain or quoted scalar they read back as spaces. Double quotes escape them.
    style = '"' if any(ch in data for ch in "\x85\u2028\u2029") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_FrontMatterDumper.add_representer(str, _represent_text)


def render_front_matter(meta: Iterable[tuple[str, Any]], body: str) -> str:
    """A Markdown document: YAML front matter written by the YAML library, then the body."""
    dumped = yaml.dump(
        dict(meta),
        Dumper=_FrontMatterDumper,
        sort_keys=False,
        allow_unicode=True,
        width=1_000_000,
        default_flow_style=False,
    )
    return f"---\n{dumped}---\n\n{body.rstrip()}\n"


def check_page_path(path: str) -> PurePosixPath:
    """Return the page's relative path, or raise if it is not one the generator owns.

    Owned are: the pages of ``OWNED_PAGES``; ``<owned folder>/<name>.md``; in a
    folder of ``OWNED_FILE_SUFFIXES``, files with those suffixes; and a moved
    page's redirect, ``<owned folder>/<slug>/index.html``.
    """
    rel = PurePosixPath(path)
    if rel.is_absolute() or ".." in rel.parts or not rel.parts or "\\" in path:
        raise UnsafePathError(f"refusing to write {path!r}: not a relative path inside the output folder")
    top = rel.parts[0]
    if rel.suffix == ".md":
        if len(rel.parts) == 1 and rel.name in OWNED_PAGES:
            return rel
        if len(rel.parts) == 2 and top in OWNED_DIRS:
            return rel
    elif len(rel.parts) == 2 and rel.suffix in OWNED_FILE_SUFFIXES.get(top, ()):
        return rel
    elif len(rel.parts) == 3 and top in OWNED_DIRS and top not in OWNED_FILE_SUFFIXES and rel.name == REDIRECT_PAGE_NAME:
        return rel
    raise UnsafePathError(f"refusing to write {path!r}: not one of the generator's files in {OWNED_DIRS}")


# Where seeds are published as saved (publish/sitemap.py: SiteMap.saved_seed), and the one
# suffix they have there: a copy is always served as plain text, never as a page.
SAVED_SEEDS_PARTS = ("data", "seeds")
SAVED_SEED_SUFFIX = ".txt"


def check_seed_copy(copy: SeedCopy) -> PurePosixPath:
    """The copy's relative path, or raise unless it is ``data/seeds/<name>.txt`` of a seed's plain file name.

    The source must be a file name alone (no folder, not hidden): only a file the
    archivist put in the seeds folder itself is ever published.
    """
    rel = PurePosixPath(copy.path)
    source = copy.source
    if (
        rel.is_absolute()
        or "\\" in copy.path
        or rel.parts[:2] != SAVED_SEEDS_PARTS
        or len(rel.parts) != 3
        or rel.suffix != SAVED_SEED_SUFFIX
        or rel.name.startswith(".")
        or not source
        or source != PurePosixPath(source).name
        or source in (".", "..")
        or source.startswith(".")
        or "\\" in source
    ):
        raise UnsafePathError(f"refusing to publish {copy.source!r} at {copy.path!r}: not a seed's copy in data/seeds/")
    return rel


def stage_seed_copy(copy: SeedCopy, seeds_dir: Path, target: Path, previous: Path) -> tuple[Problem, ...]:
    """Put the seed's bytes at ``target``, read anew from ``seeds_dir`` (a regular file inside it).

    A file that changed since the build read it is not published (its page names
    the SHA-256 of what was read): a warning says to build again.
    """
    source = seeds_dir / copy.source
    try:
        data = read_regular_file(source, seeds_dir)
    except OSError as exc:
        return (Problem(str(source), f"cannot be read again to publish it as saved ({exc}); build again", "warning"),)
    if hashlib.sha256(data).hexdigest() != copy.sha256:
        return (Problem(str(source), "changed while the archive was built: not published as saved; build again", "warning"),)
    target.parent.mkdir(parents=True, exist_ok=True)
    _stage_file(target, data, previous)
    return ()


def is_generated(path: Path) -> bool:
    """True when the file at ``path`` was written by the generator (it carries the marker).

    Only a regular file is read (a FIFO named ``index.md`` must not block the
    build); anything else is the archivist's, and left alone.
    """
    try:
        text = read_regular_file(path).decode("utf-8")
        return frontmatter.loads(text).get("generator") == GENERATED_MARKER
    except Exception:  # a hand-written file may hold anything: treat it as the archivist's
        return False


def write_pages(
    pages: Iterable[Page],
    out_dir: Path,
    protect: Iterable[Path] = (),
    written: MutableMapping[str, Any] | None = None,
    copies: Iterable[SeedCopy] = (),
    seeds_dir: Path | None = None,
) -> tuple[Problem, ...]:
    """Write every page; return warnings for pages left alone to protect the archivist's files.

    All pages are written to a staging folder first; only then are the owned
    folders and pages swapped in, and a failure while swapping puts every one
    already swapped back. Either the whole new output is in place or the
    previous one is, untouched. ``protect`` lists folders (the seeds) that no
    owned folder may be or contain.

    ``written`` (a cache table) records, per page path, a hash of the page and
    the file it was written to (size, time, inode): a page whose hash and file
    are unchanged since is kept without writing its front matter again or
    reading the file back (the YAML front matter was most of this stage).

    ``copies`` are seeds of ``seeds_dir`` published as saved (:func:`stage_seed_copy`),
    swapped in with the pages' folders.
    """
    pages = list(pages)
    rel_paths = [check_page_path(p.path) for p in pages]
    copies = list(copies)
    copy_paths = [check_seed_copy(c) for c in copies]
    check_owned_dirs(out_dir, protect)
    out_dir.mkdir(parents=True, exist_ok=True)
    problems: list[Problem] = []
    records: dict[str, Any] = {}
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out_dir.parent))
    try:
        for page, rel in zip(pages, rel_paths):
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            key = compose_page_key(page) if written is not None else ""
            if written is None or not _keep_file(target, out_dir / rel, written.get(WRITTEN_PREFIX + page.path), key):
                _stage_file(target, page_text(page).encode("utf-8"), out_dir / rel)
            if written is not None:
                records[WRITTEN_PREFIX + page.path] = (key, _file_state(target))
        for copy, rel in zip(copies, copy_paths):
            problems += stage_seed_copy(copy, seeds_dir or Path("seeds"), staging / rel, out_dir / rel)
        swaps: list[tuple[Path, Path]] = []
        for name in OWNED_DIRS:
            (staging / name).mkdir(exist_ok=True)
            swaps.append((staging / name, out_dir / name))
        for name in OWNED_PAGES:
            new = staging / name
            if not new.exists():
                continue
            old = out_dir / name
            if old.exists() and not is_generated(old):
                problems.append(
                    Problem(str(old), "is a hand-written page; the generated one was not written over it", "warning")
                )
                records.pop(WRITTEN_PREFIX + name, None)  # not the output: nothing to keep next time
                continue
            swaps.append((new, old))
        _swap_all(swaps, staging / ".previous")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if written is not None:  # only now: these files are the output
        for name, record in records.items():
            if written.get(name) != record:
                written[name] = record
    return tuple(problems)


# The keys of write_pages' records in a cache table.
WRITTEN_PREFIX = "written:"


def compose_page_key(page: Page) -> str:
    """A hash of everything :func:`page_text` reads: the path, the front matter (its repr:
    plain values, types and order) and the body."""
    digest = hashlib.sha256(page.path.encode("utf-8", "surrogatepass"))
    digest.update(b"\0" + repr(page.front_matter).encode("utf-8", "surrogatepass") + b"\0")
    digest.update(page.body.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _file_state(path: Path) -> tuple[int, int, int, int]:
    """What tells that a file was not touched since: size, modification time, device and inode."""
    st = path.stat()
    return (st.st_size, st.st_mtime_ns, st.st_dev, st.st_ino)


def _keep_file(target: Path, previous: Path, record: Any, key: str) -> bool:
    """Hard-link ``previous`` at ``target`` when the record says it holds this very page."""
    if not isinstance(record, tuple) or len(record) != 2 or record[0] != key:
        return False
    try:
        if previous.is_symlink() or _file_state(previous) != record[1]:
            return False
        os.link(previous, target)
    except OSError:  # gone, or a file system without hard links: write it anew
        return False
    return True


def _stage_file(target: Path, data: bytes, previous: Path) -> None:
    """Put ``data`` at ``target``: a hard link to ``previous`` when that already holds it.

    An unchanged page keeps its file (and its modification time, which tools that
    copy or serve the site go by); only new and changed pages are written.
    """
    try:
        same = previous.is_file() and not previous.is_symlink() and previous.stat().st_size == len(data)
        if same and previous.read_bytes() == data:
            os.link(previous, target)
            return
    except OSError:  # unreadable, or a file system without hard links: write it anew
        pass
    target.write_bytes(data)


def check_owned_dirs(out_dir: Path, protect: Iterable[Path]) -> None:
    """Raise when replacing an owned folder of ``out_dir`` would replace a protected folder."""
    for guarded in protect:
        guarded = guarded.resolve()
        for name in OWNED_DIRS:
            owned = (out_dir / name).resolve()
            if guarded == owned or owned in guarded.parents:
                raise UnsafePathError(
                    f"refusing to build: {out_dir / name} (replaced on every build) would hold {guarded}; "
                    "choose another --out"
                )


def _swap_all(swaps: list[tuple[Path, Path]], parking: Path) -> None:
    """Move each ``new`` to its ``target``, all or none: on failure, undo the ones done.

    A folder or page is swapped with its previous self in one step where the
    system can (:func:`_exchange`), so no moment passes without ``articles/`` or
    ``index.md`` (a build killed between two swaps leaves each whole, some new
    and some old); a new one, or any on a system that cannot swap, is renamed
    aside, then in.
    """
    parking.mkdir()
    done: list[tuple[Path, Path | None, Path | None]] = []  # (target, parked, exchanged with)
    try:
        for i, (new, target) in enumerate(swaps):
            if _same_kind(new, target) and _exchange(new, target):
                done.append((target, None, new))  # the previous folder (or page) now lies at new
                continue
            parked = parking / f"{i}-{target.name}" if target.exists() or target.is_symlink() else None
            if parked is not None:
                os.replace(target, parked)
            done.append((target, parked, None))
            os.replace(new, target)
    except BaseException:
        for target, parked, exchanged in reversed(done):
            if exchanged is not None:
                _exchange(exchanged, target)
                continue
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)
            elif target.exists() or target.is_symlink():
                target.unlink()
            if parked is not None:
                os.replace(parked, target)
        raise


def _same_kind(a: Path, b: Path) -> bool:
    """Both folders, or both regular files, and neither a link: what may be swapped in one step."""
    if a.is_symlink() or b.is_symlink():
        return False
    return (a.is_dir() and b.is_dir()) or (a.is_file() and b.is_file())


# renameat2's flag that swaps two paths in one step (Linux 3.15+, glibc 2.28+).
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap the paths ``a`` and ``b`` in one step; ``False`` when the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):  # not Linux, or a C library without it
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):  # the kernel or file system cannot swap
        return False
    raise OSError(err, os.strerror(err), str(b))


def replace_folder(new: Path, target: Path) -> None:
    """Put the folder ``new`` at ``target`` in one step, then delete what was there.

    Where the system can swap two paths at once (Linux), there is no moment
    without ``target`` or with part of each: a reader (a web server) sees the
    old folder whole, then the new one whole, and a build killed at any point
    leaves one of them at ``target``. Elsewhere the old folder is renamed aside
    and the new one renamed in, two steps a moment apart.
    """
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise UnsafePathError(f"refusing to replace {target}: not a folder")
    if not target.exists():
        os.replace(new, target)
        return
    if _exchange(new, target):
        shutil.rmtree(new)  # the old folder, now at new's path
        return
    parked = target.with_name(f"{STAGING_PREFIX}old-{target.name}")
    shutil.rmtree(parked, ignore_errors=True)
    os.replace(target, parked)
    os.replace(new, target)
    shutil.rmtree(parked)


def write_build_report(report: dict[str, Any], path: Path) -> None:
    """Write the build report as JSON, replacing the previous one in one step."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8", newline="\n")
    os.replace(tmp, path)


def read_build_report(path: Path) -> dict[str, Any] | None:
    """The last build's report (see :func:`write_build_report`), or ``None`` when there is none readable."""
    try:
        data = json.loads(read_regular_file(path).decode("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
