"""The outlet registry (``generator/data/outlets.yml``): names, aliases and hosts of
news outlets and wire agencies, looked up by name or by host. extract/outlets/ reads
pages with it; bylines and the evaluation ask it whether a name is an outlet's."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from generator.extract.outlets.parents import NameIndex, prepare_names
from generator.files.rules import load_rules


def compare_key(name: str) -> str:
    """A name as compared: case, dots, hyphens and spacing ignored; "The X Y" is "X Y"."""
    s = name.casefold().replace("’", "'").replace(".", "")
    s = " ".join(re.sub(r"[-‐–—_]", " ", s).split())
    # "The Moscow Times" is also called "Moscow Times"; "The Hindu" is never "Hindu".
    if s.startswith("the ") and len(s.split()) >= 3:
        s = s[4:]
    return s


def _surface_forms(entry: dict[str, Any]) -> list[str]:
    """How a running text may write the outlet's name, case as written."""
    forms: list[str] = []
    for name in [entry["name"], *(entry.get("aliases") or [])]:
        forms.append(name)
        if name.startswith("The "):
            rest = name[4:]
            forms.append("the " + rest)
            if len(rest.split()) >= 2:
                forms.append(rest)
    return forms


@lru_cache(maxsize=None)
def load_registry() -> dict[str, Any]:
    data = load_rules("outlets")
    entries: list[dict[str, Any]] = data["outlets"]
    by_key: dict[str, dict[str, Any]] = {}
    hosts: list[tuple[str, dict[str, Any]]] = []
    forms: list[str] = []
    for entry in entries:
        for name in [entry["name"], *(entry.get("aliases") or [])]:
            by_key.setdefault(compare_key(name), entry)
        hosts.extend((h.lower(), entry) for h in entry.get("hosts") or [])
        forms.extend(_surface_forms(entry))
    # Longest first, so "The Kyiv Independent" wins over "The Independent" at a position.
    alternation = "|".join(re.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)))
    cues = data["cues"]
    return {
        "entries": entries,
        "by_key": by_key,
        "hosts": hosts,
        # Case-sensitive even inside case-insensitive patterns: outlet names are proper
        # nouns, and "the independent commission" is not The Independent.
        "names": f"(?-i:(?<![\\w-])(?:{alternation})(?![\\w-]))",
        "threshold": float(data.get("signature_threshold", 1.0)),
        "cues": cues,
    }


_DOMAIN_NAME = re.compile(r"(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}")


def outlet_by_name(name: str) -> dict[str, Any] | None:
    """The registry entry called ``name`` or one of its aliases ("NYT"), or whose host the
    name is ("NYTimes.com", "CNN.com": sites call themselves by their domain), else ``None``."""
    entry = load_registry()["by_key"].get(compare_key(name))
    if entry is None and "." in name:
        bare = name.strip()
        if _DOMAIN_NAME.fullmatch(bare):
            entry = find_entry_for_host(bare.lower().removeprefix("www."))
    return entry


def canonical_outlet_name(name: str) -> str:
    """The registry's canonical spelling of ``name``; an unknown name passes through unchanged."""
    entry = outlet_by_name(name)
    return entry["name"] if entry else name


# --- URL host ---------------------------------------------------------------------------


def extract_host(url: str) -> str | None:
    """The lower-case host of ``url`` without port or credentials, archive wrappers unwrapped."""
    text = url.strip().strip("<>").strip()
    if not text:
        return None
    if "://" not in text and not text.startswith("//"):
        text = "//" + text
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    host = host.rstrip(".")
    if _is_archive_host(host):
        inner = re.search(r"https?:/+(?P<rest>\S+)", parts.path + "?" + parts.query)
        return extract_host("http://" + inner.group("rest")) if inner else None
    return host


def _is_archive_host(host: str) -> bool:
    return any(host == h or host.endswith("." + h) for h in load_registry()["cues"]["archive_hosts"])


@lru_cache(maxsize=None)
def _entries_by_host() -> dict[str, dict[str, Any]]:
    by_host: dict[str, dict[str, Any]] = {}
    for registered, entry in load_registry()["hosts"]:
        by_host.setdefault(registered, entry)
    return by_host


def find_entry_for_host(host: str) -> dict[str, Any] | None:
    """The entry of the longest registered host that ``host`` is, or is a subdomain of
    (looked up label by label, longest first: one dictionary probe a label)."""
    by_host = _entries_by_host()
    labels = host.split(".")
    for i in range(len(labels)):
        entry = by_host.get(".".join(labels[i:]))
        if entry is not None:
            return entry
    return None


def outlet_name_for_host(host: str) -> str | None:
    """The registry's name for the outlet on ``host`` (or a subdomain of it), else ``None``."""
    entry = find_entry_for_host(host.lower())
    return entry["name"] if entry else None



# Every named.py cue needs a registry name, written as the registry writes it (case
# kept): a line writing none of the names the page holds can match none of them, so most
# lines are passed over without running the cues (same results, less time). A form is looked
# up by one of its runs of letters and digits (the page's runs are gathered at once),
# the least common one: "Moscow" of "The Moscow Times", not "Times".
_ALNUM = re.compile(r"[A-Za-z0-9]+")
_COMMON_RUNS = frozenset({"the", "news", "times", "post", "daily", "media", "network", "press", "agency", "group",
                          "online", "world", "company", "inc", "international", "english", "new", "of", "and"})


@lru_cache(maxsize=None)
def _forms_by_run() -> dict[str, tuple[tuple[str, frozenset[str]], ...]] | None:
    """Each written form of a registry name with its runs, filed under its least common
    run (``None`` when a form has no run: then no line is passed over)."""
    by_run: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for entry in load_registry()["entries"]:
        for form in _surface_forms(entry):
            runs = _ALNUM.findall(form)
            if not runs:
                return None
            rare = [r for r in runs if r.lower() not in _COMMON_RUNS] or runs
            by_run.setdefault(max(rare, key=len), []).append((form, frozenset(runs)))
    return {run: tuple(forms) for run, forms in by_run.items()}


# Every ASCII character but letters and digits, as a space: an ASCII text's words once
# split are its runs of letters and digits.
_NOT_ALNUM_ASCII = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum()})


def _alnum_runs(text: str) -> set[str]:
    """``set(_ALNUM.findall(text))``; an ASCII text is split in C, quicker than the pattern."""
    if not text.isascii():
        return set(_ALNUM.findall(text))  # translate is slow on text outside ASCII
    return set(text.translate(_NOT_ALNUM_ASCII).split())


def forms_written_in(text: str) -> tuple[str, ...] | None:
    """The registry's written forms whose runs of letters and digits ``text`` all holds
    (``None``: not known, any may be written): only lines writing one of them may hold a
    registry name."""
    by_run = _forms_by_run()
    if by_run is None:
        return None
    runs = _alnum_runs(text)
    return tuple(form for run in runs.intersection(by_run) for form, need in by_run[run] if need <= runs)


@lru_cache(maxsize=None)
def prompt_names() -> NameIndex:
    """The names furniture prompts are read for (parents.py)."""
    # Registry outlets, and the publishing platforms: a writer's page on Medium prompts
    # "More From Medium", "Get the Medium app" and names no publication of its own.
    entries = load_registry()["entries"]
    platforms = tuple(load_registry()["cues"].get("platform_names", {}).values())
    return prepare_names(
        [(form, e["name"], e.get("kind") == "agency") for e in entries for form in _surface_forms(e)]
        + [(name, name, False) for name in platforms]
    )
