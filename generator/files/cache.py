"""The extraction cache: what each seed gave last time, so a rebuild extracts only new or changed seeds.

One of the modules of ``files/``, the only code that touches the disk; it writes
only inside its own folder, ``.newsarchive/cache/`` at the project root (gitignored;
delete it at any time, or build with ``--no-cache``).

An entry is one pickled :class:`~generator.model.Article` (cleaned and its fields
extracted), stored under a key that ``build.compose_cache_key`` derives from
everything extraction reads: the whole :class:`~generator.model.Seed` (text,
sha256, path, sidecar values) and the curation switch. The
entries live in a folder named after :func:`compute_fingerprint`, a hash of the
generator's code, its rules data and the versions of the libraries that shape
extraction, so any change to the generator empties the cache instead of serving
stale results. Actor resolution and event grouping look at the whole archive and
are never cached.

Beside the entries, a *table* (:meth:`ExtractionCache.table`) keeps small values
derived from the archive, each under a hash of all its inputs (a text's actor mentions and TF-IDF
term counts, a retried date): one file per table, read whole and written whole,
holding only the values the last build used.

Pickle runs code when loaded: the cache is the generator's own scratch space,
written and read by this module only, never a file to share.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

CACHE_DIR = Path(".newsarchive") / "cache"

# Libraries whose behaviour changes what extraction returns (scikit-learn: the
# analyzer behind the tables' term counts; py3langid: the article's language).
_LIBRARIES = ("spacy", "dateparser", "rapidfuzz", "pyyaml", "regex", "scikit-learn", "py3langid")


# The generator package: its code and rules data are what the fingerprint hashes.
PACKAGE_DIR = Path(__file__).resolve().parents[1]


# The MkDocs plugin (its code and the theme) runs after the generator and shapes only
# site/: a change there neither empties this cache nor makes the generator run again.
# The site's stamps hash it instead (files/site_build.py, plugin/page_cache.py).
SITE_ONLY_PARTS = ("plugin",)


def list_fingerprinted_files(package: Path = PACKAGE_DIR) -> list[Path]:
    """Every file whose change must empty the cache, sorted: each module of every
    subpackage (``extract/``, ``resolve/actors/`` ...) but the MkDocs plugin's, and
    each rules file of ``data/``."""
    modules = [p for p in package.rglob("*.py") if p.relative_to(package).parts[0] not in SITE_ONLY_PARTS]
    return sorted([*modules, *(package / "data").glob("*.yml")])


def compute_fingerprint(package: Path = PACKAGE_DIR) -> str:
    """A hash of the generator's code, its rules and the libraries it extracts with."""
    # every module of every subpackage and every rules file: a change anywhere in
    # extraction (extract/, resolve/, the rules data) must empty the cache
    digest = hashlib.sha256(sys.version.encode())
    for path in list_fingerprinted_files(package):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}=={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name} missing".encode())
    return digest.hexdigest()[:20]


class ExtractionCache:
    """Entries of one fingerprint under ``root``; new ones are kept in memory until :meth:`save`."""

    def __init__(self, root: Path, fingerprint: str | None = None):
        self.root = root
        self.fingerprint = fingerprint or compute_fingerprint()
        self.folder = root / self.fingerprint
        self.new: dict[str, Any] = {}
        self.hits = 0
        self.misses = 0
        self.tables: dict[str, CacheTable] = {}

    def table(self, name: str) -> CacheTable:
        """The table ``name`` (read on first use): a key -> value store saved by :meth:`save`.

        The one way the build keeps values derived from the archive: each use
        names its table (e.g. ``"derived"`` for values computed across seeds,
        ``"written"`` for the pages last written) and passes the
        :class:`CacheTable` on as a plain mutable mapping. Every key must be a hash
        of all the value's inputs, so a hit is always right.
        """
        if name not in self.tables:
            try:
                with (self.folder / f"{name}.table").open("rb") as fh:
                    data = pickle.load(fh)
            except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
                data = {}
            self.tables[name] = CacheTable(data if isinstance(data, dict) else {})
        return self.tables[name]

    def get(self, key: str) -> Any | None:
        """The stored value of ``key``, or ``None`` (also when the entry is unreadable)."""
        if key in self.new:
            return self.new[key]
        try:
            with (self.folder / key[:2] / key).open("rb") as fh:
                value = pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            # missing, half-written by a killed build, or from a build whose classes differ
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: Any) -> None:
        """Remember ``value``; it reaches the disk on :meth:`save`."""
        self.new[key] = value

    def save(self) -> int:
        """Write the new entries (each atomically) and drop other fingerprints' folders; returns how many."""
        for key, value in self.new.items():
            target = self.folder / key[:2] / key
            target.parent.mkdir(parents=True, exist_ok=True)
            _write_atomically(target, value)
        written = len(self.new)
        self.new.clear()
        for name, table in self.tables.items():
            if table.changed():
                self.folder.mkdir(parents=True, exist_ok=True)
                table.data, table.added = table.kept(), 0  # as saved: a second save writes only what follows
                _write_atomically(self.folder / f"{name}.table", table.data)
        if self.root.is_dir():
            for stale in self.root.iterdir():
                if stale.is_dir() and stale.name != self.fingerprint:
                    shutil.rmtree(stale, ignore_errors=True)
        return written


def _write_atomically(target: Path, value: Any) -> None:
    """Pickle ``value`` to ``target`` in one step: a killed build leaves the old file or none."""
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class CacheTable:
    """A dict of derived values that remembers which keys a build read or wrote.

    Saved (by :meth:`ExtractionCache.save`) only when it changed, keeping only the
    keys used: values of deleted or edited seeds do not pile up.
    """

    def __init__(self, data: dict[str, Any]):
        self.data = data
        self.used: set[str] = set()
        self.added = 0

    def get(self, key: str, default: Any = None) -> Any:
        """The value of ``key``, or ``default``."""
        if key in self.data:
            self.used.add(key)
            return self.data[key]
        return default

    def __contains__(self, key: object) -> bool:
        if key in self.data:
            self.used.add(key)  # type: ignore[arg-type]
            return True
        return False

    def __getitem__(self, key: str) -> Any:
        value = self.data[key]
        self.used.add(key)
        return value

    def __setitem__(self, key: str, value: Any) -> None:
        self.data[key] = value
        self.used.add(key)
        self.added += 1

    def __delitem__(self, key: str) -> None:
        del self.data[key]
        self.used.discard(key)
        self.added += 1

    def __iter__(self) -> Any:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)

    def changed(self) -> bool:
        """Whether the saved table would differ: values added, or values left unused."""
        return self.added > 0 or len(self.used) < len(self.data)

    def kept(self) -> dict[str, Any]:
        """The values this build used, to be saved."""
        return {k: v for k, v in self.data.items() if k in self.used}
