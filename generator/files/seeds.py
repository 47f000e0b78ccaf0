"""Reading the seeds: the article files of ``seeds/``, decoded, their front matter split off.

With the other modules of ``files/``, the only code that touches the user's
disk. Every problem is returned as a :class:`Problem` naming the file; one bad
file never stops the others from being read.

Only regular files inside the seeds folder are read (see
:mod:`generator.files.regular`): a link to a file outside it, a FIFO, a device,
a folder named like a seed (``x.txt/``) or a dangling link is one error naming
it, and is never opened. A link to another file inside the folder is read.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import yaml
from charset_normalizer import from_bytes

from generator.files.curation import (
    ACTOR_DECISIONS_FILE,
    EVENT_OVERRIDES_FILE,
    SIDECAR_KEYS,
    SIDECAR_SUFFIX,
    check_curated_values,
    parse_archivist_yaml,
    read_decision_file,
    read_sidecar,
    sidecar_path,
)
from generator.files.html import HTML_SUFFIXES, extract_html_article
from generator.files.regular import OversizeFileError, RefusedFileError, check_regular_file, read_regular_file
from generator.model import Problem, Seed
from generator.settings import InputLimits

SEED_SUFFIXES = (".txt", ".md", *HTML_SUFFIXES)
# Control characters (NUL and the like) beyond this share of a file mean it is
# not text at all (an image, a PDF, a word-processor file); below it they are
# stray bytes from a bad copy, removed with a warning.
BINARY_CONTROL_SHARE = 0.05
# A seed's own front matter: "---" on the first line, closed by "---" or "..."
# within this many lines (further down, a "---" is a Markdown rule, not a close).
FRONT_MATTER_MAX_LINES = 60


# What a file system allows (Linux, macOS, Windows alike): a name of at most 255
# bytes, a path of at most 4,096. A seed's sidecar name is its stem plus
# ".meta.yml", so a seed name near the limit cannot have one: such a seed is
# refused before anything derived from its name is opened.
NAME_MAX_BYTES = 255
PATH_MAX_BYTES = 4096
# Characters a seed's file name must not hold, because the name is printed into
# pages, tables and messages: a line break or tab would end a Markdown block or
# table row (and let the rest of the name be read as markup), a NUL or another
# control character is invisible, and a bidirectional override (U+202A-U+202E,
# U+2066-U+2069, the marks U+200E, U+200F, U+061C) makes a name read otherwise
# than it is spelled ("evil\u202eexe.txt" shows as "eviltxt.exe").
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _is_unsafe_char(ch: str) -> bool:
    # Cc: controls (tab, line feed, NUL, DEL, C1); Zl, Zp: the line and paragraph
    # separators, line breaks to str.splitlines and browsers; Cs: a byte that is
    # not UTF-8, which Python keeps as a lone surrogate and no page can hold.
    return ch in _BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Zl", "Zp", "Cs")


def printable_path(path: Path | str) -> str:
    """A path as messages show it: every unsafe character as its escape (``\\n``, ``\\u202e``).

    Ordinary names come out unchanged; a hostile one stays on one line and reads
    as what it is, never as markup or reversed text.
    """
    text = str(path)
    if not any(_is_unsafe_char(ch) for ch in text):
        return text
    # the backslash too, so that a name holding the text "\\n" never reads as one holding a line break
    return "".join(repr(ch)[1:-1] if _is_unsafe_char(ch) or ch == "\\" else ch for ch in text)


def check_seed_name(path: Path) -> Problem | None:
    """An error when the seed's name cannot be published or its derived paths cannot exist.

    A name holding a control character, line break or bidirectional override is
    refused (see :data:`_BIDI_CONTROLS`), and so is a seed whose own or sidecar
    name would pass :data:`NAME_MAX_BYTES`, or whose sidecar path would pass
    :data:`PATH_MAX_BYTES`: the file system would refuse it mid-build.
    """
    label = printable_path(path)
    unsafe = sorted({ch for ch in path.name if _is_unsafe_char(ch)})
    if unsafe:
        named = ", ".join(_describe_char(ch) for ch in unsafe)
        return Problem(
            label,
            f"its name holds {named}, which would be written into the pages with the name; skipped. "
            "Rename the file with letters, digits, spaces, hyphens or underscores",
        )
    sidecar = sidecar_path(path)
    longest = max(len(os.fsencode(path.name)), len(os.fsencode(sidecar.name)))
    if longest > NAME_MAX_BYTES:
        return Problem(
            label,
            f"its name is too long: its sidecar's name {sidecar.name[:40]}… would be {longest:,} bytes, over the "
            f"file system's limit of {NAME_MAX_BYTES}; skipped. Rename it with a shorter name",
        )
    full = len(os.fsencode(os.path.abspath(sidecar)))
    if full > PATH_MAX_BYTES:
        return Problem(
            label,
            f"its path is too long: its sidecar's path would be {full:,} bytes, over the file system's limit "
            f"of {PATH_MAX_BYTES:,}; skipped. Move the seeds folder higher up, or shorten the name",
        )
    return None


def _describe_char(ch: str) -> str:
    if unicodedata.category(ch) == "Cs":
        return "a byte that is not UTF-8"
    name = unicodedata.name(ch, "") or {"\n": "LINE FEED", "\t": "TAB", "\r": "CARRIAGE RETURN", "\x00": "NUL"}.get(ch, "a control character")
    return f"{repr(ch)[1:-1]} ({name}, U+{ord(ch):04X})"


def archive_path(path: Path) -> str:
    """How pages name a seed file: ``seeds/<file>``, its folder and name.

    Never the absolute path: the same archive built on another machine (or from
    another working directory) must give byte-identical pages.
    """
    return f"{path.parent.name}/{path.name}" if path.parent.name else path.name


def _is_seed_name(path: Path) -> bool:
    return path.suffix in SEED_SUFFIXES and not path.name.startswith(".")


def list_seed_paths(seeds_dir: Path) -> tuple[Path, ...]:
    """Everything in ``seeds_dir`` named like a seed, sorted by name (hidden files excluded).

    Named like a seed is enough: a folder, FIFO or outward link named ``x.txt``
    is listed so that :func:`read_seed` reports it, rather than being skipped
    without a word.
    """
    if not seeds_dir.is_dir():
        return ()
    # by name: the same order as sorting the paths (one folder), at a fraction of the cost
    return tuple(sorted((p for p in seeds_dir.iterdir() if _is_seed_name(p)), key=lambda p: p.name))


def list_stray_files(seeds_dir: Path) -> tuple[Problem, ...]:
    """A warning for each file in ``seeds_dir`` that the build does not read (a PDF, an image).

    A hidden seed (``.draft.txt``, or a hidden sidecar) is warned about too: the
    archivist may not know that a leading dot hides it. Other hidden files
    (``.DS_Store``, ``.gitkeep``) are the system's, and pass without a word.

    Folders (and links to folders) are not warned about: they are not read, and
    keeping originals in a subfolder is fine. Anything named like a seed is
    :func:`read_seed`'s to report.
    """
    if not seeds_dir.is_dir():
        return ()
    known = {ACTOR_DECISIONS_FILE, EVENT_OVERRIDES_FILE}
    entries = sorted(seeds_dir.iterdir(), key=lambda p: p.name)
    hidden = tuple(
        Problem(
            printable_path(p),
            "is hidden (its name starts with a dot), so it is not read; rename it without the dot to build it, "
            "or move a draft out of the folder",
            "warning",
        )
        for p in entries
        if p.name.startswith(".") and (p.suffix in SEED_SUFFIXES or p.name.endswith(SIDECAR_SUFFIX))
    )
    return hidden + tuple(
        Problem(
            printable_path(p),
            f"is not read: seeds are {', '.join(SEED_SUFFIXES)} files (sidecars {SIDECAR_SUFFIX}); "
            "save the article's text as .txt, or move this file out of the folder",
            "warning",
        )
        for p in entries
        # the name tests first: they need no system call, and rule out nearly every entry
        if not p.name.startswith(".")
        and p.suffix not in SEED_SUFFIXES
        and not p.name.endswith(SIDECAR_SUFFIX)
        and p.name not in known
        and not p.is_dir()
        and (p.exists() or p.is_symlink())
    )


def check_seed_args(paths: Sequence[Path]) -> tuple[Problem, ...]:
    """One error for each seed named on the command line that cannot be read.

    Such a file may be anywhere the user points, but must be a regular file
    (resolved): a FIFO or a device would block or never end.
    """
    problems: list[Problem] = []
    for path in paths:
        try:
            check_regular_file(path)
        except RefusedFileError as exc:
            problems.append(Problem(str(path), exc.reason))
        except FileNotFoundError:
            problems.append(Problem(str(path), "no such file"))
        except OSError as exc:
            problems.append(Problem(str(path), f"cannot be read ({exc.strerror})"))
    return tuple(problems)


def read_seed(
    path: Path, max_bytes: int = 2_000_000, *, anywhere: bool = False, limits: InputLimits = InputLimits()
) -> tuple[Seed | None, tuple[Problem, ...]]:
    """Read one seed and its sidecar; ``None`` with problems when it cannot be used.

    Any encoding is accepted and recorded (a non-UTF-8 one with a warning); an
    HTML page is reduced to its article's text; a seed's own front matter is
    curated like a sidecar (the sidecar wins on a key both set). The seed must be
    a regular file inside its folder (``anywhere``: any regular file, for a file
    named on the command line); its sidecar, a regular file inside the seed's folder.
    A seed of more than ``limits.seed_lines`` lines is refused; a sidecar or
    front matter is checked against ``limits`` (see :class:`InputLimits`).
    """
    refused = check_seed_name(path)
    if refused is not None:
        return None, (refused,)
    label = str(path)
    try:
        raw = read_regular_file(path, None if anywhere else path.parent, max_bytes)
    except RefusedFileError as exc:
        return None, (Problem(label, exc.reason),)
    except OversizeFileError as exc:
        return None, (
            Problem(
                label,
                f"is {exc.size:,} bytes, over the limit of {max_bytes:,}; skipped. Split it, or raise "
                "max_seed_bytes in [tool.newsarchive] of pyproject.toml if it really is one article",
            ),
        )
    except OSError as exc:
        return None, (Problem(label, f"cannot be read ({exc.strerror}); check its permissions"),)
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
    lines = text.count("\n") + 1
    if lines > limits.seed_lines:
        return None, (
            Problem(
                label,
                f"is {lines:,} lines long, over the limit of {limits.seed_lines:,}; skipped. Keep only the article's "
                "text, or raise max_seed_lines in [tool.newsarchive] of pyproject.toml if it really is one article",
            ),
        )
    text, front, front_problems = split_front_matter(text, f"{label} (front matter)", limits)
    problems.extend(front_problems)
    curated, sidecar_problems = read_sidecar(sidecar_path(path), limits=limits)
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


def split_front_matter(
    text: str, label: str, limits: InputLimits = InputLimits()
) -> tuple[str, tuple[tuple[str, Any], ...], tuple[Problem, ...]]:
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
        data = parse_archivist_yaml(block)
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
    curated, problems = check_curated_values(known, label, limits)
    if ignored:
        problems += (
            Problem(label, f"keys ignored: {', '.join(ignored)} (the generator reads only {', '.join(SIDECAR_KEYS)})", "warning"),
        )
    return rest, curated, problems


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
    seeds_dir: Path,
    paths: Sequence[Path] | None = None,
    max_bytes: int = 2_000_000,
    progress: Any = None,
    limits: InputLimits = InputLimits(),
) -> ArchiveInputs:
    """Read every seed (or just ``paths``, from anywhere) and the archivist's decision files.

    The seeds of ``seeds_dir`` and its decision files must be regular files
    inside it; ``paths``, given by the user, must be regular files. Each seed
    holds at most ``max_bytes`` bytes, and it and its sidecar keep to ``limits``.
    """
    problems: list[Problem] = []
    seeds: list[Seed] = []
    chosen = tuple(paths) if paths is not None else list_seed_paths(seeds_dir)
    if paths is None and not seeds_dir.is_dir():
        problems.append(Problem(str(seeds_dir), "is not a folder; point --seeds at the folder of article files"))
    for path in chosen:
        try:
            seed, found = read_seed(path, max_bytes, anywhere=paths is not None, limits=limits)
        except OSError as exc:  # one file never stops the build, whatever the system says of it
            seed, found = None, (Problem(printable_path(path), f"cannot be read ({exc.strerror or exc}); skipped"),)
        problems.extend(found)
        if seed is not None:
            seeds.append(seed)
        if progress is not None:
            progress(1)
    if paths is None:
        problems.extend(list_stray_files(seeds_dir))
    decision_files = []
    for name in (ACTOR_DECISIONS_FILE, EVENT_OVERRIDES_FILE):
        data, found, path = read_decision_file(seeds_dir, name)
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
