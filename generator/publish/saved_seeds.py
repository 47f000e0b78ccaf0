"""The seeds published as saved: each article's file, byte for byte, beside its page.

A reader checks the extraction against the page as it was saved (as DocumentCloud and
Zotero keep the original); the page's SHA-256 in the provenance record is the copy's.
Only when the archive allows it (``publish_seeds``): some archives may not republish
whole pages. Only the seeds an article was built from are listed, so a sidecar, a
decision file, a hidden file or a skipped seed is never published; ``files/output.py``
copies them, checking each file is still the one the build read.
"""

from __future__ import annotations

import posixpath

from generator.model import Archive, SeedCopy
from generator.publish.sitemap import SiteMap
from generator.settings import Settings


def list_seed_copies(archive: Archive, settings: Settings) -> tuple[SeedCopy, ...]:
    """The copy of every article's seed to publish, by article id; none unless ``settings.publish_seeds``."""
    if not settings.publish_seeds:
        return ()
    return tuple(
        SeedCopy(SiteMap.saved_seed(a.source_path), posixpath.basename(a.source_path), a.sha256)
        for a in sorted(archive.articles, key=lambda a: a.id)
    )
