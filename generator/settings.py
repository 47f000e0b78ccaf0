"""The one typed settings object, validated once.

Settings come from ``[tool.newsarchive]`` in ``pyproject.toml`` (when present)
and are overridden by command-line flags. Validation collects every error and
reports them together, so the archivist fixes the file in one go.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Mapping

# Folders under the output dir that the generator owns and may replace whole.
OWNED_DIRS: tuple[str, ...] = ("articles", "actors", "events", "outlets", "data")
# Generated files that are not Markdown pages, by owned folder: the feeds and the
# JSON and CSV exports in data/, and the redirect page of a moved page's old address
# (<folder>/<old slug>/index.html, see publish/moved.py).
OWNED_FILE_SUFFIXES: dict[str, tuple[str, ...]] = {"data": (".json", ".xml", ".csv")}
REDIRECT_PAGE_NAME = "index.html"
# Single generated pages at the top of the output dir. Each carries a marker in
# its front matter; a file of that name without the marker is the archivist's
# and is left alone.
OWNED_PAGES: tuple[str, ...] = ("index.md", "review.md")
GENERATED_MARKER = "newsarchive"
# The lock of assigned page addresses (publish/sitemap.py): generator state to be
# committed, so it lives in the docs dir beside the pages it describes (MkDocs is
# told not to publish it), never in seeds/, which a build only reads.
PERMALINKS_FILE = "permalinks.yml"


class SettingsError(ValueError):
    """One or more settings are invalid; ``errors`` lists each of them."""

    def __init__(self, errors: list[str]):
        super().__init__("invalid settings:\n" + "\n".join(f"  - {e}" for e in errors))
        self.errors = errors


@dataclass(frozen=True)
class Settings:
    """Everything a build needs to know, checked."""

    seeds_dir: Path = Path("seeds")
    out_dir: Path = Path("site_src")
    archive_title: str = "News archive"
    # Seeds larger than this are skipped with an error: no news article is this
    # long, and a huge file is usually a mistake (a dump, a binary).
    max_seed_bytes: int = 2_000_000
    # An installed spaCy pipeline to add statistical entity candidates; None
    # keeps recognition purely rule-based, which needs no model download.
    spacy_model: str | None = None
    # Latest events listed on the home page.
    home_latest: int = 10
    # Where the site is served; the build takes it from mkdocs.yml's site_url
    # (which reads SITE_URL) so that canonical URLs, citations and the feed agree
    # with MkDocs. The default is `mkdocs serve`'s address.
    site_url: str = "http://127.0.0.1:8000/"


def load_settings(raw: Mapping[str, Any] | None = None, **overrides: Any) -> Settings:
    """Build :class:`Settings` from a mapping plus overrides, or raise :class:`SettingsError`."""
    values: dict[str, Any] = {}
    errors: list[str] = []
    known = {f.name: f for f in fields(Settings)}
    merged = dict(raw or {})
    merged.update({k: v for k, v in overrides.items() if v is not None})
    for key, value in merged.items():
        name = key.replace("-", "_")
        if name not in known:
            errors.append(f"unknown setting {key!r} (known: {', '.join(sorted(known))})")
            continue
        try:
            values[name] = _coerce(name, value)
        except (TypeError, ValueError) as exc:
            errors.append(f"{key}: {exc}")
    if errors:
        raise SettingsError(errors)
    return Settings(**values)


def _coerce(name: str, value: Any) -> Any:
    if name in ("seeds_dir", "out_dir"):
        if not isinstance(value, (str, Path)) or not str(value):
            raise ValueError("must be a non-empty path")
        return Path(value)
    if name in ("max_seed_bytes", "home_latest"):
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise ValueError(f"must be a positive integer, not {value!r}")
        return value
    if name == "archive_title":
        if not isinstance(value, str) or not value.strip():
            raise ValueError("must be a non-empty string")
        return value.strip()
    if name == "site_url":
        if not isinstance(value, str) or not value.startswith(("http://", "https://")) or any(c.isspace() for c in value):
            raise ValueError(f"must be an http(s) URL, not {value!r}")
        return value.rstrip("/") + "/"
    if name == "spacy_model":
        if value is not None and not isinstance(value, str):
            raise ValueError("must be the name of an installed spaCy package")
        return value
    raise ValueError("no rule to check this setting")  # pragma: no cover - fields are fixed


@dataclass(frozen=True)
class BuildOptions:
    """How one run builds the archive: what it reads and how hard it works, not where.

    ``jobs`` and the cache (given beside these options) only make a build faster;
    the archive is the same whatever they are.
    """

    use_curation: bool = True  # sidecars and decision files; off for `inspect --no-curation` and eval
    # An installed spaCy pipeline adding entity candidates (Settings.spacy_model).
    spacy_model: str | None = None
    jobs: int = 1  # processes extracting seeds and finding actor mentions
    # Article id -> event id from the permalink lock: events already published keep their ids.
    locked_event_ids: tuple[tuple[str, str], ...] = ()
