"""The site's search index: Pagefind run on the built site, then made byte-stable.

Pagefind (1.x) writes its filter chunks in hash-map order, which changes from run to
run (its issue #638: fragments became stable, filter indexes did not), so two builds of
the same seeds gave two different ``site/pagefind/`` folders. After Pagefind has run,
each filter chunk is rewritten with its values in sorted order, the language's
metadata lists the filters by name, and every rewritten file is named after a hash of
its new content, as Pagefind names them; the entry file points at the new metadata.
What a search finds is unchanged: the same values with the same pages.

The chunks are gzip-compressed CBOR after a ``pagefind_dcd`` signature (read and
written with cbor2; gzip with no timestamp).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import cbor2

SIGNATURE = b"pagefind_dcd"
FILTER_HASH_LENGTH = 7  # as Pagefind names them: "en_5b1b707"
META_HASH_LENGTH = 10  # "en_948f602d3c"

# Pagefind's ready-made interfaces, written beside every index. The site searches with
# its own script on pagefind.js (plugin/theme/assets/javascripts/search.js), so these
# would be published unused: about 400 KB in every copy of the site. pagefind.js and
# its worker stay (pagefind.js may start the worker, falling back without it).
UNUSED_BUNDLES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


class SearchIndexError(Exception):
    """Pagefind failed, or wrote an index this module does not recognise."""


def build_search_index(site: Path) -> None:
    """Run Pagefind on the built ``site`` (with ``pagefind.yml`` of the working folder), then make its output stable."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--silent"], capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SearchIndexError(f"{site}: Pagefind failed:\n{result.stdout}{result.stderr}")
    stabilise_search_index(site / "pagefind")
    remove_unused_bundles(site / "pagefind")


def remove_unused_bundles(index: Path) -> None:
    """Delete Pagefind's ready-made search interfaces from ``index``: the site never loads them."""
    for name in UNUSED_BUNDLES:
        (index / name).unlink(missing_ok=True)


def stabilise_search_index(index: Path) -> None:
    """Rewrite ``index`` (a ``pagefind/`` folder) so that the same pages always give the same bytes."""
    entry_path = index / "pagefind-entry.json"
    try:
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
        languages = entry["languages"]
    except (OSError, ValueError, KeyError) as exc:
        raise SearchIndexError(f"{entry_path}: not a Pagefind entry file ({exc})") from exc
    for language in sorted(languages):
        details = languages[language]
        details["hash"] = _stabilise_language(index, language, details["hash"])
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _stabilise_language(index: Path, language: str, meta_hash: str) -> str:
    """Sort this language's filter chunks and metadata; the metadata's new hash."""
    meta_path = index / f"pagefind.{meta_hash}.pf_meta"
    meta = _read_chunk(meta_path)
    filters = _filters_of(meta, meta_path)
    stable = []
    for name, chunk_hash in filters:
        chunk_path = index / "filter" / f"{chunk_hash}.pf_filter"
        chunk = _read_chunk(chunk_path)
        if not (isinstance(chunk, list) and len(chunk) == 2 and isinstance(chunk[1], list)):
            raise SearchIndexError(f"{chunk_path}: not a Pagefind filter chunk")
        values = sorted(([value, sorted(pages)] for value, pages in chunk[1]), key=lambda vp: vp[0])
        stable.append([name, _write_chunk(index / "filter", language, [chunk[0], values], FILTER_HASH_LENGTH, ".pf_filter", chunk_path)])
    meta[3] = sorted(stable)
    return _write_chunk(index, language, meta, META_HASH_LENGTH, ".pf_meta", meta_path, prefix="pagefind.")


def _filters_of(meta: Any, path: Path) -> list[tuple[str, str]]:
    # [version, pages, index chunks, filters, sorts, meta fields]: filters are [name, hash] pairs
    if not (isinstance(meta, list) and len(meta) >= 4 and isinstance(meta[3], list)):
        raise SearchIndexError(f"{path}: not a Pagefind metadata chunk")
    return [(str(name), str(chunk_hash)) for name, chunk_hash in meta[3]]


def _read_chunk(path: Path) -> Any:
    try:
        data = gzip.decompress(path.read_bytes())
    except OSError as exc:
        raise SearchIndexError(f"{path}: cannot read ({exc})") from exc
    if not data.startswith(SIGNATURE):
        raise SearchIndexError(f"{path}: no Pagefind signature")
    return cbor2.loads(data[len(SIGNATURE) :])


def _write_chunk(
    folder: Path, language: str, value: Any, hash_length: int, suffix: str, old: Path, prefix: str = ""
) -> str:
    """Write ``value`` as a chunk named after its content's hash; remove ``old`` when the name changed."""
    data = SIGNATURE + cbor2.dumps(value, canonical=True)
    chunk_hash = f"{language}_{hashlib.sha256(data).hexdigest()[:hash_length]}"
    path = folder / f"{prefix}{chunk_hash}{suffix}"
    path.write_bytes(gzip.compress(data, mtime=0))
    if path != old:
        old.unlink()
    return chunk_hash
