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
class InputLimits:
    """How much of each input file a build accepts; over a limit is an error naming the file.

    Each limit keeps one file from costing the whole site: a 10 MB curated title
    once made a 120 MB page that Chromium could not open and Pagefind took minutes
    on, a 10 MB summary 268 MB of feeds. The defaults are far above any real input.
    """

    # Lines of a seed's text: the longest page dump of the development corpus has
    # 4,105 (furniture included); 100,000 one-letter lines are no article.
    seed_lines: int = 20_000
    # A sidecar's bytes: a full one, comments included, is about 2 KB.
    sidecar_bytes: int = 100_000
    # A curated title, outlet, author list or event id, in characters: the longest
    # headline of the development corpus is under 300.
    title_chars: int = 500
    # A curated summary (and source URL: browsers keep addresses to about 2,000).
    summary_chars: int = 2_000


@dataclass(frozen=True)
class Settings:
    """Everything a build needs to know, checked."""

    seeds_dir: Path = Path("seeds")
    out_dir: Path = Path("site_src")
    archive_title: str = "News archive"
    # Seeds larger than this are skipped with an error: no news article is this
    # long, and a huge file is usually a mistake (a dump, a binary).
    max_seed_bytes: int = 2_000_000
    # The other inputs' limits (see InputLimits for each one's why).
    max_seed_lines: int = InputLimits.seed_lines
    max_sidecar_bytes: int = InputLimits.sidecar_bytes
    max_title_chars: int = InputLimits.title_chars
    max_summary_chars: int = InputLimits.summary_chars
    # An article page's body and cleaning record, in bytes: beyond, the page is
    # published cut, with a note (publish/page_size.py). Browsers and Pagefind
    # handle pages of a few MB; a 120 MB one Chromium could not open.
    max_page_bytes: int = 2_000_000
    # An installed spaCy pipeline to add statistical entity candidates; None
    # keeps recognition purely rule-based, which needs no model download.
    spacy_model: str | None = None
    # Latest events listed on the home page.
    home_latest: int = 10
    # Publish each article's seed as saved, byte for byte, under data/seeds/ and link it
    # from the article's page, so a reader can check the extraction against the
    # original. Off unless the archive says so: republishing whole pages is the
    # archivist's decision (rights, privacy); the demo archive turns it on.
    publish_seeds: bool = False
    # Where the site is served; the build takes it from mkdocs.yml's site_url
    # (which reads SITE_URL) so that canonical URLs, citations and the feed agree
    # with MkDocs. The default is `mkdocs serve`'s address.
    site_url: str = "http://127.0.0.1:8000/"

    def input_limits(self) -> InputLimits:
        """The limits the reading layer (``files/``) checks each input against."""
        return InputLimits(
            seed_lines=self.max_seed_lines,
            sidecar_bytes=self.max_sidecar_bytes,
            title_chars=self.max_title_chars,
            summary_chars=self.max_summary_chars,
        )


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
    if name.startswith("max_") or name == "home_latest":
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
    if name == "publish_seeds":
        if not isinstance(value, bool):
            raise ValueError(f"must be true or false, not {value!r}")
        return value
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
    # What one article's page may hold (Settings' max_page_bytes, max_title_chars,
    # max_summary_chars): a larger article is published cut, with a note.
    max_page_bytes: int = 2_000_000
    max_title_chars: int = InputLimits.title_chars
    max_summary_chars: int = InputLimits.summary_chars
