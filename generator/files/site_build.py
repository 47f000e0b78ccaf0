"""``site/`` from ``site_src/``: MkDocs and Pagefind into a staging folder, swapped in whole; or nothing.

The second half of ``make site`` (``python -m generator site``). MkDocs builds the
site into the staging folder, Pagefind indexes it there (``files/search_index.py``),
and the staging folder replaces ``site/`` in one step (``files/output.py``:
``replace_folder``): a failed or killed build leaves the previous ``site/`` whole.

When nothing the site is made of changed since the last build that ran to its end
(:func:`compose_site_inputs`: every file of the docs folder, as stamped, the
configuration, the theme, the generator's code and the installed libraries), and
``site/`` is as that build left it, neither MkDocs nor Pagefind runs
(``files/build_stamp.py``). The docs folder is compared by each file's size,
modification time and inode, as ``make`` and ``git`` compare files: the generator
keeps an unchanged page's file (``files/output.py``), so a rebuild that changed no
page leaves them all as stamped.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from generator.files.build_stamp import STAMP_DIR, hash_file, hash_tree, is_up_to_date, list_file_states, read_stamp, write_stamp
from generator.files.cache import PACKAGE_DIR, compute_fingerprint
from generator.files.output import replace_folder
from generator.files.search_index import build_search_index

# The stamp of the last site build that ran to its end.
SITE_STAMP = STAMP_DIR / "site-stamp.json"
# Environment variables MkDocs reads besides those mkdocs.yml names with !ENV: the
# sitemap's date comes from SOURCE_DATE_EPOCH.
SITE_ENV = ("SOURCE_DATE_EPOCH",)
# The MkDocs plugin's code and, in it, the theme folder mkdocs.yml names (theme.custom_dir;
# a new archive names it by its absolute path): outside the generator's fingerprint.
PLUGIN_DIR = PACKAGE_DIR / "plugin"
# Files of the project MkDocs and Pagefind read besides the docs folder.
CONFIG_FILES = ("mkdocs.yml", "pagefind.yml")


class SiteBuildError(Exception):
    """MkDocs failed (its messages are already printed): site/ is left as it was."""


def compose_site_inputs(project: Path, docs_dir: Path) -> str:
    """A hash of everything MkDocs and Pagefind read: the configuration files and the
    environment variables they name, the theme's files, the generator's fingerprint
    (its plugin among it), every installed library's version, and the state of every
    file of ``docs_dir``."""
    digest = hashlib.sha256(b"newsarchive site 1\0" + compute_fingerprint().encode())
    hash_site_sources(project, digest)
    names = set(SITE_ENV)
    for name in CONFIG_FILES:
        try:
            names.update(re.findall(r"!ENV\s*\[?\s*([A-Za-z_][A-Za-z0-9_]*)", (project / name).read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError):
            pass
    for name in sorted(names):
        digest.update(f"\0{name}={os.environ.get(name)!r}".encode("utf-8", "surrogatepass"))
    digest.update(json.dumps(list_file_states([docs_dir]), sort_keys=True).encode())
    return digest.hexdigest()


def hash_site_sources(project: Path, digest: Any) -> None:
    """Feed ``digest`` what every page of the site is built from besides its own Markdown
    and the generator's code: the configuration files' bytes, the plugin's code and theme,
    and every installed library's version (the site stamp and the page cache both ask it)."""
    for name in CONFIG_FILES:
        digest.update(b"\0" + name.encode() + b"\0")
        hash_file(project / name, digest)
    digest.update(b"\0plugin\0")
    hash_tree(PLUGIN_DIR, digest)
    versions = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    digest.update("\0".join(versions).encode())


def build_site(project: Path, docs_dir: Path, staging: Path, site: Path) -> bool:
    """Build ``site`` from ``docs_dir`` through ``staging``; ``False`` when it was up to date and nothing ran.

    Raises :class:`SiteBuildError` when MkDocs fails, and ``search_index``'s error
    when Pagefind does; ``site`` is then untouched.
    """
    inputs = compose_site_inputs(project, docs_dir)
    if site.is_dir() and is_up_to_date(read_stamp(project / SITE_STAMP), inputs, [site]):
        return False
    shutil.rmtree(staging, ignore_errors=True)  # a killed build's
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging)]
    if subprocess.run(mkdocs, cwd=project).returncode != 0:
        raise SiteBuildError(f"mkdocs build failed: {site} is left as it was")
    build_search_index(staging)
    replace_folder(staging, site)
    write_stamp(project / SITE_STAMP, inputs, [site])
    return True
