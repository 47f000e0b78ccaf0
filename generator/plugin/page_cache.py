"""The last build's pages, reused: MkDocs re-renders only the pages whose Markdown changed.

``make site`` builds into a staging folder beside the published ``site/``. For each
file of the docs folder, the manifest of the last build (``.newsarchive/page-cache.json``)
records the source's state and hash, where its output went, and the output file's state.
A file is *clean*, and its output in ``site/`` is hard-linked into the staging folder
instead of MkDocs reading, converting and laying it out again, when

* everything every page depends on is as it was: the site's key
  (:func:`compose_site_key`: mkdocs.yml and the variables it reads, the plugin's code
  and theme, the generator's code, every library's version, and the navigation: with a nav whose
  every entry has its title, adding a page changes no other page's chrome);
* its source is as it was (same size, time and inode, or else the same bytes);
* the output in ``site/`` is the very file the last build wrote (same size, time, inode);
* it is a generated page (``OWNED_DIRS`` / ``OWNED_PAGES``) or a static file of the docs
  folder. A hand-written page (whose links the generator does not keep in step with the
  pages it links to) is always rendered again. A clean page in the navigation is read
  (the theme prints its meta in every page's menu) but not converted nor laid out.

A generated page's HTML depends only on its own Markdown and the site's key: its links
name other pages by path, and the generator rewrites a page whenever a page it links to
moves or goes. So the staging folder ends byte-identical to a cold build
(``tests/site/test_incremental.py`` proves it after a seed added, a seed removed and a
sidecar edited). What a clean page skips: its anchors are not checked again (they were,
when it was built), and it is not converted, so its warnings are not repeated (a build
with warnings under ``--strict`` never published it).

The staging folder's clean files are hard links to ``site/``'s: nothing may write into a
built file in place after MkDocs (Pagefind writes only its own folder).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from generator.files.build_stamp import hash_file, read_stamp, write_json_in_one_step
from generator.files.cache import compute_fingerprint
from generator.files.site_build import hash_site_sources
from generator.settings import OWNED_DIRS, OWNED_PAGES

log = logging.getLogger("mkdocs.plugins.newsarchive")

# Where the manifest of the last build lives, under the project root (gitignored).
MANIFEST = Path(".newsarchive") / "page-cache.json"
MANIFEST_VERSION = 1


def _state(path: str | Path) -> list[int] | None:
    """Size, modification time (ns) and inode of a regular file, or ``None``."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ino] if stat.S_ISREG(st.st_mode) else None


def _sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    hash_file(Path(path), digest)
    return digest.hexdigest()


def compose_site_key(config: Any, project: Path) -> str:
    """A hash of everything every page's HTML depends on besides its own Markdown."""
    digest = hashlib.sha256(f"newsarchive pages {MANIFEST_VERSION}\0{compute_fingerprint()}".encode())
    hash_site_sources(project, digest)
    # the values mkdocs.yml took from the environment (!ENV), as MkDocs resolved them
    digest.update(repr((config.site_url, config.site_name, config.nav, config.theme.dirs)).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def compose_nav_key(nav_entries: list[tuple[str | None, str]], all_pages: list[str]) -> str:
    """What the navigation every page shows depends on: its entries, and, when an entry has
    no title of its own (the page's title is shown) or there is no nav (every page is in
    it), every page (so any page added or removed renders all again)."""
    if not nav_entries or any(title is None for title, _ in nav_entries):
        return hashlib.sha256(json.dumps([nav_entries, sorted(all_pages)]).encode()).hexdigest()
    return hashlib.sha256(json.dumps(nav_entries).encode()).hexdigest()


def is_generated_page(src_uri: str) -> bool:
    """A page the generator writes (and keeps in step with the pages it links to)."""
    parts = PurePosixPath(src_uri).parts
    return (len(parts) == 1 and src_uri in OWNED_PAGES) or (len(parts) > 1 and parts[0] in OWNED_DIRS)


@dataclass
class PageCache:
    """The manifest of the last build and, for this one, which files are clean."""

    project: Path
    previous_site: Path
    key: str
    entries: dict[str, Any]
    clean: dict[str, str] = field(default_factory=dict)  # src_uri -> dest_uri of each clean file
    nav: frozenset[str] = frozenset()  # pages in the navigation: read even when clean (the theme prints their meta)
    read_states: dict[str, list[int] | None] = field(default_factory=dict)  # src_uri -> state when chosen

    def is_clean(self, src_uri: str) -> bool:
        return src_uri in self.clean


def load_page_cache(project: Path, previous_site: Path, key: str) -> PageCache:
    """The last build's manifest under ``project``; its entries only if made with this ``key``."""
    data = read_stamp(project / MANIFEST) or {}
    ok = data.get("version") == MANIFEST_VERSION and data.get("key") == key
    entries = data.get("files", {}) if ok and isinstance(data.get("files"), dict) else {}
    return PageCache(project, previous_site, key, entries)


def select_clean_files(cache: PageCache, files: Any, nav_uris: set[str], docs_dir: str) -> None:
    """Mark each file of ``files`` whose previous output can be reused (see the module's doc)."""
    cache.nav = frozenset(nav_uris)
    docs = os.path.abspath(docs_dir) + os.sep
    for file in files:
        src = file.abs_src_path
        if src is None or not os.path.abspath(src).startswith(docs):
            continue  # the theme's files and generated ones: copied or built as usual
        state = _state(src)
        cache.read_states[file.src_uri] = state
        if file.is_documentation_page() and not is_generated_page(file.src_uri):
            continue
        entry = cache.entries.get(file.src_uri)
        if state is None or not isinstance(entry, list) or len(entry) != 4:
            continue
        src_state, src_sha, dest_uri, dest_state = entry
        if dest_uri != file.dest_uri or _state(cache.previous_site / dest_uri) != dest_state:
            continue
        if state != src_state and _sha256(src) != src_sha:
            continue
        cache.clean[file.src_uri] = dest_uri


def link_clean_outputs(cache: PageCache, site_dir: Path) -> int:
    """Put each clean file's previous output at its place in ``site_dir`` (a hard link; a copy
    where links cannot be made); returns how many."""
    made: set[Path] = set()
    for dest_uri in cache.clean.values():
        target = site_dir / dest_uri
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        try:
            os.link(cache.previous_site / dest_uri, target)
        except FileExistsError:
            target.unlink()
            os.link(cache.previous_site / dest_uri, target)
        except OSError:
            shutil.copy2(cache.previous_site / dest_uri, target)
    return len(cache.clean)


def save_page_cache(cache: PageCache, files: Any, site_dir: Path) -> None:
    """Write the manifest of this build: every file of the docs folder, its source and its output in ``site_dir``.

    A source that changed while the build ran is left out (its output may be of the
    earlier text). Written in one step; a manifest that cannot be written costs the
    next build time, never this one.
    """
    previous = cache.entries
    entries: dict[str, Any] = {}
    for file in files:
        if file.src_uri not in cache.read_states:
            continue
        if file.src_uri in cache.clean:  # its output is the linked file the entry names
            entries[file.src_uri] = previous[file.src_uri]
            continue
        state = cache.read_states[file.src_uri]
        if state is None or _state(file.abs_src_path) != state:
            continue
        dest_state = _state(site_dir / file.dest_uri)
        if dest_state is None:
            continue
        old = previous.get(file.src_uri)
        same_source = isinstance(old, list) and len(old) == 4 and old[0] == state
        entries[file.src_uri] = [state, old[1] if same_source else _sha256(file.abs_src_path), file.dest_uri, dest_state]
    data = {"version": MANIFEST_VERSION, "key": cache.key, "files": entries}
    path = cache.project / MANIFEST
    try:
        write_json_in_one_step(path, data)
    except OSError as exc:
        log.info("newsarchive: the page cache was not saved (%s); the next build renders every page", exc)


def list_nav_entries(nav: Any) -> list[tuple[str | None, str]]:
    """The pages of mkdocs.yml's ``nav`` as (title or ``None``, path), in order ([] when there is no nav)."""
    out: list[tuple[str | None, str]] = []
    items = nav if isinstance(nav, list) else []
    for item in items:
        if isinstance(item, str):
            out.append((None, item))
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    out.append((str(title), value))
                else:
                    out.append((str(title), ""))  # a section: its title, then its pages
                    out.extend(list_nav_entries(value))
    return out


class SkippedPageFilter(logging.Filter):
    """Hides MkDocs' "Page skipped" line for the clean pages (one per page: thousands)."""

    def __init__(self, clean: frozenset[str]):
        super().__init__()
        self.clean = clean

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message.startswith("Page skipped: '"):
            return message[len("Page skipped: '") :].split("'", 1)[0] not in self.clean
        return True


def open_page_cache(config: Any, files: Any, previous_site: str) -> PageCache | None:
    """This build's page cache, its clean files chosen; ``None`` when MkDocs builds into the
    published folder itself (it empties it first: nothing to reuse)."""
    project = Path(config.config_file_path or ".").resolve().parent
    previous = (project / previous_site).resolve()
    if Path(config.site_dir).resolve() == previous:
        return None
    entries = list_nav_entries(config.nav)
    key = compose_site_key(config, project) + compose_nav_key(entries, [f.src_uri for f in files.documentation_pages()])
    cache = load_page_cache(project, previous, key)
    select_clean_files(cache, files, {path for _, path in entries}, config.docs_dir)
    return cache
