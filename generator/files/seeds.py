"""Reading the archivist's files: seeds, their curated sidecars, decision files.

With ``write.py``, the only module that touches the user's disk. Every problem
is returned as a :class:`Problem` naming the file; one bad file never stops the
others from being read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import yaml
from charset_normalizer import from_bytes

from generator.model import Problem, Seed
from generator.files.html import HTML_SUFFIXES, extract_html_article
from generator.settings import PERMALINKS_FILE
from generator.text import slugify

SEED_SUFFIXES = (".txt", ".md", *HTML_SUFFIXES)
SIDECAR_SUFFIX = ".meta.yml"
# Control characters (NUL and the like) beyond this share of a file mean it is
# not text at all (an image, a PDF, a word-processor file); below it they are
# stray bytes from a bad copy, removed with a warning.
BINARY_CONTROL_SHARE = 0.05
# A seed's own front matter: "---" on the first line, closed by "---" or "..."
# within this many lines (further down, a "---" is a Markdown rule, not a close).
FRONT_MATTER_MAX_LINES = 60
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
}


def read_settings_table(project_dir: Path) -> dict[str, Any]:
    """``[tool.newsarchive]`` of ``pyproject.toml`` in ``project_dir``, or ``{}``."""
    path = project_dir / "pyproject.toml"
    if not path.is_file():
        return {}
    with path.open("rb") as fh:
        return tomllib.load(fh).get("tool", {}).get("newsarchive", {})


def archive_path(path: Path) -> str:
    """How pages name a seed file: ``seeds/<file>``, its folder and name.

    Never the absolute path: the same archive built on another machine (or from
    another working directory) must give byte-identical pages.
    """
    return f"{path.parent.name}/{path.name}" if path.parent.name else path.name


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


def list_stray_files(seeds_dir: Path) -> tuple[Problem, ...]:
    """A warning for each file in ``seeds_dir`` that the build does not read (a PDF, an image)."""
    if not seeds_dir.is_dir():
        return ()
    known = {ACTOR_DECISIONS_FILE, EVENT_OVERRIDES_FILE}
    return tuple(
        Problem(
            str(p),
            f"is not read: seeds are {', '.join(SEED_SUFFIXES)} files (sidecars {SIDECAR_SUFFIX}); "
            "save the article's text as .txt, or move this file out of the folder",
            "warning",
        )
        for p in sorted(seeds_dir.iterdir())
        if p.is_file()
        and not p.name.startswith(".")
        and p.suffix not in SEED_SUFFIXES
        and not p.name.endswith(SIDECAR_SUFFIX)
        and p.name not in known
    )


def read_seed(path: Path, max_bytes: int = 2_000_000) -> tuple[Seed | None, tuple[Problem, ...]]:
    """Read one seed and its sidecar; ``None`` with problems when it cannot be used.

    Any encoding is accepted and recorded (a non-UTF-8 one with a warning); an
    HTML page is reduced to its article's text; a seed's own front matter is
    curated like a sidecar (the sidecar wins on a key both set).
    """
    label = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, (Problem(label, f"cannot be read ({exc.strerror}); check its permissions"),)
    if len(raw) > max_bytes:
        return None, (
            Problem(
                label,
                f"is {len(raw):,} bytes, over the limit of {max_bytes:,}; skipped. Split it, or raise "
                "max_seed_bytes in [tool.newsarchive] of pyproject.toml if it really is one article",
            ),
        )
    decoded = decode_seed_bytes(raw)
    if decoded is None:
        return None, (Problem(label, "looks like a binary file (an image, a PDF?), not article text; skipped. Save the article as a .txt file"),)
    text, encoding, controls = decoded
    problems: list[Problem] = []
    if encoding not in ("utf-8", "utf-8-sig", "ascii"):
        problems.append(Problem(label, f"is not UTF-8; read as {encoding}. Check its accented letters and quotes on the page", "warning"))
    if controls:
        problems.append(Problem(label, f"holds {controls} control character(s) (NUL and the like), removed; check the text is complete", "warning"))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None, (Problem(label, "is empty; add the article's text or remove the file"),)
    stated: tuple[tuple[str, str, str], ...] = ()
    if path.suffix.lower() in HTML_SUFFIXES:
        page = extract_html_article(text)
        if page is None:
            return None, (Problem(label, "is an HTML page with no article text found in it; skipped. Save the article's text as .txt instead"),)
        text, stated = page.text, page.stated
    text, front, front_problems = split_front_matter(text, f"{label} (front matter)")
    problems.extend(front_problems)
    curated, sidecar_problems = read_sidecar(path.with_name(path.stem + SIDECAR_SUFFIX))
    problems.extend(sidecar_problems)
    sidecar_keys = {key for key, _ in curated}
    from_front = tuple(key for key, _ in front if key not in sidecar_keys)
    seed = Seed(
        id=path.stem,
        path=archive_path(path),
        text=text,
        sha256=hashlib.sha256(raw).hexdigest(),
        encoding=encoding,
        curated=tuple(sorted([*curated, *((k, v) for k, v in front if k in from_front)], key=lambda kv: kv[0])),
        front_matter_keys=from_front,
        stated=stated,
    )
    return seed, tuple(problems)


def decode_seed_bytes(raw: bytes) -> tuple[str, str, int] | None:
    """(text, encoding, control characters removed), or ``None`` for a binary file.

    A byte-order mark decides; then strict UTF-8; then charset-normalizer, except
    that text of mostly ASCII letters is Western single-byte: cp1252 when it uses
    the bytes 0x80-0x9F (curly quotes, dashes: Windows' additions), else latin-1.
    charset-normalizer alone calls short Western text cp1250 or worse.
    """
    text, encoding = _decode(raw)
    controls = len(_CONTROL.findall(text))
    if text and controls / len(text) > BINARY_CONTROL_SHARE:
        return None
    if controls:
        text = _CONTROL.sub("", text)
    return text, encoding, controls


# Unicode's control characters (category Cc: U+0000-U+001F and U+007F-U+009F)
# except the four that shape plain text: tab, line feed, carriage return, form feed.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _decode(raw: bytes) -> tuple[str, str]:
    for bom, codec, name in (
        (b"\xef\xbb\xbf", "utf-8-sig", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32", "utf-32"),
        (b"\xff\xfe", "utf-16", "utf-16"),
        (b"\xfe\xff", "utf-16", "utf-16"),
    ):
        if raw.startswith(bom):
            return raw.decode(codec, errors="replace"), name
    if b"\x00" in raw:  # UTF-16 or UTF-32 saved without a byte-order mark, or binary
        wide = from_bytes(raw).best()
        if wide is not None and wide.encoding.startswith(("utf_16", "utf_32")):
            return str(wide), wide.encoding.replace("_", "-")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    western = raw.decode("latin-1")
    letters = [ch for ch in western if ch.isalpha()]
    if letters and sum(ch.isascii() for ch in letters) / len(letters) >= 0.7:
        try:
            if any(0x80 <= b <= 0x9F for b in raw):
                return raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass  # a byte cp1252 leaves undefined: latin-1 reads every byte
        return western, "latin-1"
    best = from_bytes(raw).best()
    if best is not None:
        return str(best), best.encoding.replace("_", "-")
    return western, "latin-1"


FRONT_MATTER_CLOSE = ("---", "...")


def split_front_matter(text: str, label: str) -> tuple[str, tuple[tuple[str, Any], ...], tuple[Problem, ...]]:
    """A seed's own front matter: (text without it, curated values, problems).

    The block's lines become blank lines, so line numbers in the cleaning record
    still match the file. Keys are checked like a sidecar's; keys other tools
    write (layout, tags, author ...) are ignored with one warning. A leading
    "---" whose block is not a YAML mapping is left as text (a Markdown rule).
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return text, (), ()
    close = next(
        (i for i, line in enumerate(lines[1:FRONT_MATTER_MAX_LINES], start=1) if line.rstrip() in FRONT_MATTER_CLOSE),
        None,
    )
    if close is None:
        return text, (), ()
    block = "\n".join(lines[1:close])
    rest = "\n" * close + "\n".join(lines[close + 1 :])
    try:
        data = yaml.load(block, Loader=_ArchivistLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        if not re.match(r"^\s*[A-Za-z_][\w-]*\s*:", block):
            return text, (), ()
        where = getattr(exc, "problem_mark", None)
        at = f" at line {where.line + 2}" if where is not None else ""
        return rest, (), (Problem(label, f"is not valid YAML{at}: {getattr(exc, 'problem', exc)}; its values were ignored"),)
    if not isinstance(data, dict):
        return text, (), ()
    ignored = sorted(str(k) for k in data if str(k) not in SIDECAR_KEYS)
    known = {k: v for k, v in data.items() if str(k) in SIDECAR_KEYS}
    curated, problems = check_curated_values(known, label)
    if ignored:
        problems += (
            Problem(label, f"keys ignored: {', '.join(ignored)} (the generator reads only {', '.join(SIDECAR_KEYS)})", "warning"),
        )
    return rest, curated, problems


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
    curated, found = check_curated_values(data, str(path))
    return curated, problems + found


def check_curated_values(data: dict[Any, Any], label: str) -> tuple[tuple[tuple[str, Any], ...], tuple[Problem, ...]]:
    """Check an archivist's ``key: value`` mapping (sidecar or front matter) key by key.

    Text is kept on one line (a line break would start a new block on the page);
    ``source_url`` must be a web address and ``event`` an event id (a slug), so
    no curated value can carry a script or reach outside the generated folders.
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
            problem = _check_curated_text(str(key), value)
            if problem:
                found.append(Problem(label, problem))
                continue
        curated.append((str(key), value))
    return tuple(curated), tuple(found)


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
def read_permalink_lock(out_dir: Path) -> tuple[Any, tuple[Problem, ...], Path]:
    """The parsed lock of page addresses (``site_src/permalinks.yml``, see permalinks.py), or ``None``."""
    path = out_dir / PERMALINKS_FILE
    if not path.is_file():
        return None, (), path
    data, problems = read_yaml(path)
    return data, problems, path


def read_site_url(project_dir: Path) -> str | None:
    """``site_url`` of ``mkdocs.yml`` in ``project_dir``, resolving ``!ENV`` exactly as MkDocs does.

    So the generator and MkDocs always agree on where the site lives. ``None``
    when there is no readable mkdocs.yml or it sets no site_url.
    """
    from yaml_env_tag import construct_env_tag  # MkDocs' own !ENV resolver (pyyaml_env_tag)

    class _MkDocsLoader(yaml.SafeLoader):
        """SafeLoader that resolves !ENV and reads any other tag (!!python/name ...) as null."""

    _MkDocsLoader.add_constructor("!ENV", construct_env_tag)
    _MkDocsLoader.add_multi_constructor("", lambda loader, suffix, node: None)
    path = project_dir / "mkdocs.yml"
    try:
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=_MkDocsLoader)  # noqa: S506 - a SafeLoader subclass
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    value = config.get("site_url") if isinstance(config, dict) else None
    return value if isinstance(value, str) and value else None


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
    if paths is None:
        problems.extend(list_stray_files(seeds_dir))
    decision_files = []
    for name in (ACTOR_DECISIONS_FILE, EVENT_OVERRIDES_FILE):
        path = seeds_dir / name
        data = None
        if path.is_file():
            data, found = read_yaml(path)
            problems.extend(found)
        decision_files.append((data, path.as_posix()))
    return ArchiveInputs(
        seeds=_unique_ids(_unique_contents(seeds, problems), problems),
        actor_decisions=decision_files[0][0],
        actor_decisions_path=decision_files[0][1],
        event_overrides=decision_files[1][0],
        event_overrides_path=decision_files[1][1],
        problems=tuple(problems),
    )


def _unique_contents(seeds: list[Seed], problems: list[Problem]) -> list[Seed]:
    """The same file saved twice under two names is one article: keep the first by name."""
    seen: dict[str, Seed] = {}
    for seed in seeds:
        first = seen.setdefault(seed.sha256, seed)
        if first is not seed:
            problems.append(
                Problem(seed.path, f"is a byte-for-byte copy of {first.path}; skipped. Delete one of the two", "warning")
            )
    return [s for s in seeds if seen[s.sha256] is s]


def _unique_ids(seeds: list[Seed], problems: list[Problem]) -> tuple[Seed, ...]:
    """Two files with one stem (a.txt, a.md) would share a page: keep the first."""
    seen: dict[str, Seed] = {}
    for seed in seeds:
        if seed.id in seen:
            problems.append(Problem(seed.path, f"has the same name as {seen[seed.id].path}; skipped, rename one of them"))
            continue
        seen[seed.id] = seed
    return tuple(seen.values())
