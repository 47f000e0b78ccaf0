"""Reading what the archivist curates: sidecars, and the decision files of ``seeds/``.

A sidecar ``<stem>.meta.yml`` beside a seed sets that seed's values (title,
date, outlet ...), checked key by key: a bad key or value is reported and
skipped, the good ones still apply. ``seeds/actors.yml`` and
``seeds/events.yml`` hold the archivist's decisions about actors and events;
they are read here and interpreted by ``resolve/``.

Every file is read through :mod:`generator.files.regular`: a regular file inside
the seeds folder, never a link leaving it, a FIFO or a device.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from generator.files.regular import OversizeFileError, RefusedFileError, read_regular_text
from generator.model import Problem
from generator.settings import InputLimits
from generator.text import slugify

SIDECAR_SUFFIX = ".meta.yml"
ACTOR_DECISIONS_FILE = "actors.yml"
EVENT_OVERRIDES_FILE = "events.yml"

# Text checked for a URL in sidecars and front matter: only web addresses are a
# source (a "javascript:" or "data:" URL is a script, not a place).
_WEB_URL = re.compile(r"^https?://[^\s<>\"'`]+$", re.IGNORECASE)

# What a sidecar may set, and the Python type its value must have. Dates stay
# text when parsed (see _ArchivistLoader) and are checked by _parse_curated_date.
SIDECAR_KEYS: dict[str, type | tuple[type, ...]] = {
    "title": str,
    "date": (str, int),
    "outlet": str,
    "source_url": str,
    "summary": str,
    "event": str,
    "authors": str,  # the byline's people, separated by ";": "Jane Doe; John Smith"
}


def sidecar_path(seed_path: Path) -> Path:
    """Where the sidecar of the seed at ``seed_path`` is: ``<stem>.meta.yml`` beside it."""
    return seed_path.with_name(seed_path.stem + SIDECAR_SUFFIX)


def read_sidecar(
    path: Path, inside: Path | None = None, limits: InputLimits = InputLimits()
) -> tuple[tuple[tuple[str, Any], ...], tuple[Problem, ...]]:
    """The archivist's curated values for one seed, checked key by key.

    A bad key or value is reported and skipped; the good ones still apply. No
    file at ``path`` is no sidecar; one that is not a regular file inside
    ``inside`` (default: its own folder), or is over ``limits.sidecar_bytes``, is
    one error, and its values are not read.
    """
    if not path.exists() and not path.is_symlink():
        return (), ()
    data, problems = read_yaml(path, path.parent if inside is None else inside, max_bytes=limits.sidecar_bytes)
    if data is None:
        return (), problems
    if not isinstance(data, dict):
        return (), problems + (Problem(str(path), "must be a mapping of field: value"),)
    curated, found = check_curated_values(data, str(path), limits)
    return curated, problems + found


def read_decision_file(seeds_dir: Path, name: str) -> tuple[Any, tuple[Problem, ...], Path]:
    """``seeds/<name>`` (:data:`ACTOR_DECISIONS_FILE` or :data:`EVENT_OVERRIDES_FILE`) parsed:
    (data or ``None``, problems, its path). No such file is no decisions, and no problem."""
    path = seeds_dir / name
    if not path.exists() and not path.is_symlink():
        return None, (), path
    data, problems = read_yaml(path, seeds_dir)
    return data, problems, path


def check_curated_values(
    data: dict[Any, Any], label: str, limits: InputLimits = InputLimits()
) -> tuple[tuple[tuple[str, Any], ...], tuple[Problem, ...]]:
    """Check an archivist's ``key: value`` mapping (sidecar or front matter) key by key.

    Text is kept on one line (a line break would start a new block on the page);
    ``source_url`` must be a web address and ``event`` an event id (a slug), so
    no curated value can carry a script or reach outside the generated folders;
    a value longer than its limit (``summary`` and ``source_url``:
    ``limits.summary_chars``, the others ``limits.title_chars``) is refused.
    """
    curated: list[tuple[str, Any]] = []
    found: list[Problem] = []
    for key in sorted(data, key=str):
        value = data[key]
        expected = SIDECAR_KEYS.get(str(key))
        if expected is None:
            found.append(Problem(label, f"unknown key {key!r}; allowed: {', '.join(SIDECAR_KEYS)}"))
            continue
        if value is None:
            curated.append((str(key), None))  # explicit null: the archivist says "there is none"
            continue
        if not isinstance(value, expected) or isinstance(value, bool):
            found.append(Problem(label, f"key {key!r}: expected text, got {type(value).__name__}"))
            continue
        if key == "date":
            parsed = _parse_curated_date(value)
            if parsed is None:
                found.append(Problem(label, f"key 'date': {value!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY"))
                continue
            value = parsed
        else:
            value = " ".join(str(value).split())
            problem = _check_curated_length(str(key), value, limits) or _check_curated_text(str(key), value)
            if problem:
                found.append(Problem(label, problem))
                continue
        curated.append((str(key), value))
    return tuple(curated), tuple(found)


# Keys whose values may be long, up to InputLimits.summary_chars; the others are
# one-line names and titles, up to InputLimits.title_chars.
_LONG_KEYS = ("summary", "source_url")


def _check_curated_length(key: str, value: str, limits: InputLimits) -> str | None:
    """Why a curated text is too long to publish, or ``None``."""
    limit, setting = (
        (limits.summary_chars, "max_summary_chars") if key in _LONG_KEYS else (limits.title_chars, "max_title_chars")
    )
    if len(value) <= limit:
        return None
    return (
        f"key {key!r} is {len(value):,} characters, over the limit of {limit:,}; ignored. Shorten it "
        f"(or raise {setting} in [tool.newsarchive] of pyproject.toml)"
    )


def _check_curated_text(key: str, value: str) -> str | None:
    """Why a curated text value is refused, or ``None`` when it is fine."""
    if not value:
        return f"key {key!r} is empty; give a value, or write null to say there is none"
    if key == "source_url" and not _WEB_URL.match(value):
        return f"key 'source_url': {value[:80]!r} is not a web address; write the page's http:// or https:// URL"
    if key == "event" and slugify(value, max_length=200) != value:
        return (
            f"key 'event': {value[:80]!r} is not an event id; use lowercase letters, digits and hyphens"
            f" (e.g. {slugify(value, max_length=60)!r}, or copy the id from the event page's address)"
        )
    return None


def _parse_curated_date(value: Any) -> tuple[dt.date, str] | None:
    """A curated date as (date, precision); accepts YYYY-MM-DD, YYYY-MM and YYYY."""
    text = str(value).strip()
    for fmt, precision in (("%Y-%m-%d", "day"), ("%Y-%m", "month"), ("%Y", "year")):
        try:
            return dt.datetime.strptime(text, fmt).date(), precision
        except ValueError:
            continue
    return None


# libyaml's parser when PyYAML was built with it: the same documents, about ten
# times faster, which matters for the permalink lock (a row per page: 4 s of a
# 2,000-article rebuild with the pure-Python parser).
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _ArchivistLoader(_SafeLoader):  # type: ignore[misc,valid-type]
    """SafeLoader that leaves dates as text.

    PyYAML turns 2015-02-30 into an exception for the whole file; kept as text,
    a bad date is reported against its key and the rest of the file still applies.
    """


_ArchivistLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_archivist_yaml(text: str) -> Any:
    """YAML the archivist wrote (a file, a seed's front matter), dates left as text.

    Raises :class:`yaml.YAMLError` when it is not valid YAML.
    """
    return yaml.load(text, Loader=_ArchivistLoader)  # noqa: S506 - a SafeLoader subclass


def read_yaml(path: Path, inside: Path | None = None, max_bytes: int | None = None) -> tuple[Any, tuple[Problem, ...]]:
    """Parse a YAML file the archivist edits; ``(None, problems)`` if it is broken.

    Read only when it is a regular file inside ``inside`` (``None``: anywhere, for
    a file named on the command line): see :mod:`generator.files.regular`; and,
    given ``max_bytes``, only when it holds no more.
    """
    try:
        text = read_regular_text(path, inside, max_bytes)
    except RefusedFileError as exc:
        return None, (Problem(str(path), exc.reason),)
    except OversizeFileError as exc:
        return None, (
            Problem(
                str(path),
                f"is {exc.size:,} bytes, over the limit of {max_bytes:,}; its values were not read. Shorten it "
                "(or raise max_sidecar_bytes in [tool.newsarchive] of pyproject.toml)",
            ),
        )
    except (OSError, UnicodeDecodeError) as exc:
        return None, (Problem(str(path), f"cannot be read: {exc}"),)
    try:
        return parse_archivist_yaml(text), ()
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        at = f" at line {where.line + 1}" if where is not None else ""
        return None, (Problem(str(path), f"is not valid YAML{at}: {getattr(exc, 'problem', exc)}"),)
