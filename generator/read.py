"""Reading the archivist's files: seeds, their curated sidecars, decision files.

With ``write.py``, the only module that touches the user's disk. Every problem
is returned as a :class:`Problem` naming the file; one bad file never stops the
others from being read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import yaml

from .model import Problem, Seed

SEED_SUFFIXES = (".txt", ".md")
SIDECAR_SUFFIX = ".meta.yml"

# What a sidecar may set, and the Python type its value must have. Dates stay
# text when parsed (see _ArchivistLoader) and are checked by _parse_curated_date.
SIDECAR_KEYS: dict[str, type | tuple[type, ...]] = {
    "title": str,
    "date": (str, int),
    "outlet": str,
    "source_url": str,
    "summary": str,
    "event": str,
}


def read_settings_table(project_dir: Path) -> dict[str, Any]:
    """``[tool.newsarchive]`` of ``pyproject.toml`` in ``project_dir``, or ``{}``."""
    path = project_dir / "pyproject.toml"
    if not path.is_file():
        return {}
    with path.open("rb") as fh:
        return tomllib.load(fh).get("tool", {}).get("newsarchive", {})


def list_seed_paths(seeds_dir: Path) -> tuple[Path, ...]:
    """Seed files in ``seeds_dir``, sorted by name (sidecars and hidden files excluded)."""
    if not seeds_dir.is_dir():
        return ()
    return tuple(
        sorted(
            p
            for p in seeds_dir.iterdir()
            if p.is_file() and p.suffix in SEED_SUFFIXES and not p.name.startswith(".")
        )
    )


def read_seed(path: Path, max_bytes: int = 2_000_000) -> tuple[Seed | None, tuple[Problem, ...]]:
    """Read one seed and its sidecar; ``None`` with problems when it cannot be used."""
    label = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, (Problem(label, f"cannot be read ({exc.strerror}); check its permissions"),)
    if len(raw) > max_bytes:
        return None, (
            Problem(label, f"is {len(raw):,} bytes, over the limit of {max_bytes:,} (setting max_seed_bytes); skipped"),
        )
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, (Problem(label, "looks like a binary file, not article text; skipped"),)
    text, encoding = _decode(raw)
    problems: list[Problem] = []
    if encoding not in ("utf-8", "utf-8-sig", "ascii"):
        problems.append(Problem(label, f"is not UTF-8; read as {encoding}", "warning"))
    if not text.strip():
        return None, (Problem(label, "is empty; add the article's text or remove the file"),)
    curated, sidecar_problems = read_sidecar(path.with_name(path.stem + SIDECAR_SUFFIX))
    problems.extend(sidecar_problems)
    seed = Seed(
        id=path.stem,
        path=path.as_posix(),
        text=text.replace("\r\n", "\n").replace("\r", "\n"),
        sha256=hashlib.sha256(raw).hexdigest(),
        encoding=encoding,
        curated=curated,
    )
    return seed, tuple(problems)


def _decode(raw: bytes) -> tuple[str, str]:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace"), "utf-16"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "latin-1"


def read_sidecar(path: Path) -> tuple[tuple[tuple[str, Any], ...], tuple[Problem, ...]]:
    """The archivist's curated values for one seed, checked key by key.

    A bad key or value is reported and skipped; the good ones still apply.
    """
    if not path.is_file():
        return (), ()
    data, problems = read_yaml(path)
    if data is None:
        return (), problems
    if not isinstance(data, dict):
        return (), problems + (Problem(str(path), "must be a mapping of field: value"),)
    curated: list[tuple[str, Any]] = []
    found: list[Problem] = list(problems)
    for key in sorted(data, key=str):
        value = data[key]
        expected = SIDECAR_KEYS.get(str(key))
        if expected is None:
            found.append(Problem(str(path), f"unknown key {key!r}; allowed: {', '.join(SIDECAR_KEYS)}"))
            continue
        if value is None:
            curated.append((str(key), None))  # explicit null: the archivist says "there is none"
            continue
        if not isinstance(value, expected):
            found.append(Problem(str(path), f"key {key!r}: expected text, got {type(value).__name__}"))
            continue
        if key == "date":
            parsed = _parse_curated_date(value)
            if parsed is None:
                found.append(Problem(str(path), f"key 'date': {value!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY"))
                continue
            value = parsed
        curated.append((str(key), value))
    return tuple(curated), tuple(found)


def _parse_curated_date(value: Any) -> tuple[dt.date, str] | None:
    """A curated date as (date, precision); accepts YYYY-MM-DD, YYYY-MM and YYYY."""
    text = str(value).strip()
    for fmt, precision in (("%Y-%m-%d", "day"), ("%Y-%m", "month"), ("%Y", "year")):
        try:
            return dt.datetime.strptime(text, fmt).date(), precision
        except ValueError:
            continue
    return None


class _ArchivistLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text.

    PyYAML turns 2015-02-30 into an exception for the whole file; kept as text,
    a bad date is reported against its key and the rest of the file still applies.
    """


_ArchivistLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml(path: Path) -> tuple[Any, tuple[Problem, ...]]:
    """Parse a YAML file the archivist edits; ``(None, problems)`` if it is broken."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, (Problem(str(path), f"cannot be read: {exc}"),)
    try:
        return yaml.load(text, Loader=_ArchivistLoader), ()  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        at = f" at line {where.line + 1}" if where is not None else ""
        return None, (Problem(str(path), f"is not valid YAML{at}: {getattr(exc, 'problem', exc)}"),)


ACTOR_DECISIONS_FILE = "actors.yml"
EVENT_OVERRIDES_FILE = "events.yml"


@dataclass(frozen=True)
class ArchiveInputs:
    """Everything the archivist put in the seeds folder, read but not yet interpreted."""

    seeds: tuple[Seed, ...]
    actor_decisions: Any = None  # parsed seeds/actors.yml, or None
    event_overrides: Any = None  # parsed seeds/events.yml, or None
    actor_decisions_path: str = ""
    event_overrides_path: str = ""
    problems: tuple[Problem, ...] = ()


def read_archive_inputs(
    seeds_dir: Path, paths: Sequence[Path] | None = None, max_bytes: int = 2_000_000, progress: Any = None
) -> ArchiveInputs:
    """Read every seed (or just ``paths``) and the archivist's decision files."""
    problems: list[Problem] = []
    seeds: list[Seed] = []
    chosen = tuple(paths) if paths is not None else list_seed_paths(seeds_dir)
    if paths is None and not seeds_dir.is_dir():
        problems.append(Problem(str(seeds_dir), "is not a folder; point --seeds at the folder of article files"))
    for path in chosen:
        seed, found = read_seed(path, max_bytes)
        problems.extend(found)
        if seed is not None:
            seeds.append(seed)
        if progress is not None:
            progress(1)
    decision_files = []
    for name in (ACTOR_DECISIONS_FILE, EVENT_OVERRIDES_FILE):
        path = seeds_dir / name
        data = None
        if path.is_file():
            data, found = read_yaml(path)
            problems.extend(found)
        decision_files.append((data, path.as_posix()))
    return ArchiveInputs(
        seeds=_unique_ids(seeds, problems),
        actor_decisions=decision_files[0][0],
        actor_decisions_path=decision_files[0][1],
        event_overrides=decision_files[1][0],
        event_overrides_path=decision_files[1][1],
        problems=tuple(problems),
    )


def _unique_ids(seeds: list[Seed], problems: list[Problem]) -> tuple[Seed, ...]:
    """Two files with one stem (a.txt, a.md) would share a page: keep the first."""
    seen: dict[str, Seed] = {}
    for seed in seeds:
        if seed.id in seen:
            problems.append(Problem(seed.path, f"has the same name as {seen[seed.id].path}; skipped, rename one of them"))
            continue
        seen[seed.id] = seed
    return tuple(seen.values())
