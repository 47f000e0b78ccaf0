"""Registry outlets the page's own furniture names: a parent company's brand, and an
outlet the page prompts its reader about. Evidence for the outlet (decide.py
decides among it).

* **Parent and brand.** A copyright line naming only a company that owns several
  outlets ("© 2022 Vox Media, LLC": ``parents`` in data/outlets.yml) says the page is
  one of its brands, not which. The brand is the one the page names in its masthead
  (a bare line opening the page) or its own furniture ("Shop The New Yorker",
  "AboutDeadspin Store", a staff photo credit "Scott Heins/Gothamist") more often
  than any other brand of that parent. A network menu listing the parent's brands
  one per line, a line naming two brands ("Fast Company & Inc © ...") and the
  article's prose say nothing of which brand the page is. The parent alone names
  nothing.
* **Prompts.** A registry outlet the page's furniture prompts about on two different
  lines ("Play The Atlantic crossword", "Explore The Atlantic Archive"; "Follow
  FORTUNE", "Fortune's technology newsletter"), more often than any other outlet, is
  the site: a guess from furniture, so tier ``inferred``. One prompt is not enough: a
  page may prompt about a partner ("Follow GMA" on a Yahoo page); an agency is never
  the site by prompts (a wire's "Follow Reuters" travels with its copy).

Both read only the lines holding a name they look for: the page's words are gathered
once (a set, in C) and met with the names' words, so a page naming none costs little.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable

from generator.extract.page_lines import MD_LINK as _MD_LINK
from generator.extract.required_texts import ASCII_LOOKALIKES, extract_required_texts
from generator.files.rules import load_confidence, load_rules
from generator.model import Field, Provenance

# The words of a text: a capital opens a word, so glued link texts ("AboutDeadspin")
# split as a reader would read them; names and text are split alike.
_WORD = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
_LEADING_MARKS = re.compile(r"^[\s*+#>|•·-]+")
_COPYRIGHT_MARKS = ("©", "copyright", "(c)", "&copy;")
_MASTHEAD_LINES = 3  # the opening lines of a page where a bare name is its masthead
_MAX_LINE_CHARS = 400
_EVIDENCE_MAX_CHARS = 240
_MIN_PROMPT_LINES = 2
_PROMO_MAX_WORDS = 10  # a kept line this short without a full stop is a promo, not prose


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: each is made once
class _Name:
    """One way a page writes a name: ``form`` as written, ``name`` the outlet's canonical name."""

    form: str
    name: str
    agency: bool = False


@dataclass(frozen=True, eq=False)
class NameIndex:
    """Names as pages are searched for them: in their order, and filed under the word a
    page must hold for each (see :func:`_key`)."""

    names: tuple[_Name, ...]
    by_key: dict[str, tuple[_Name, ...]]
    order: dict[_Name, int]


def _index(names: Iterable[_Name]) -> NameIndex:
    ordered = tuple(names)
    filed: dict[str, list[_Name]] = {}
    for n in ordered:
        key = _key(n.form)
        if key:
            filed.setdefault(key, []).append(n)
    return NameIndex(ordered, {k: tuple(v) for k, v in filed.items()}, {n: i for i, n in enumerate(ordered)})


def _key(form: str) -> str | None:
    """The word of ``form`` looked up in a page's words: its first word other than "The"."""
    words = [w for w in _WORD.findall(form) if w != "The"]
    return words[0] if words else None


def _plain(line: str) -> str:
    if "[" in line:
        line = _MD_LINK.sub(r"\1", line)
    return " ".join(_LEADING_MARKS.sub("", line).split())


def _is_bulleted(line: str) -> bool:
    return bool(_LEADING_MARKS.match(line)) and line.strip()[:1] in "*+#>|•·-"


@dataclass(frozen=True)
class _Page:
    """The lines of one page that write any of some names, each with the names it writes."""

    lines: dict[str, set[str]]  # plain line -> forms written in it
    opening: tuple[str, ...]  # the page's first few non-empty lines, as written


def _read_page(text: str, names: list[_Name]) -> _Page:
    """The lines of ``text`` writing any of ``names`` (those whose word the page holds)."""
    lines: dict[str, set[str]] = {}
    for n in names:
        start = text.find(n.form)
        while start >= 0:
            begin = text.rfind("\n", 0, start) + 1
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            line = text[begin:end]
            if len(line) <= _MAX_LINE_CHARS:
                plain = _plain(line)
                lines.setdefault(plain, set()).add(n.form)
            start = text.find(n.form, end)
    opening = tuple(line for line in (text[:2000].splitlines()) if line.strip())[:_MASTHEAD_LINES]
    return _Page(lines, opening)


def _writes(form: str, line: str) -> bool:
    """Whether ``line`` writes ``form`` as a name, not inside a longer word ("Vox" in "Voxel")."""
    i = line.find(form)
    while i >= 0:
        before = line[i - 1 : i]
        after = line[i + len(form) : i + len(form) + 1]
        # A lower-case letter next to it continues a word ("Voxel"), except before a
        # capital opening the name: link texts glued together ("AboutDeadspin Store").
        glued_before = before.isalnum() and before.islower() and not form[:1].isupper()
        if not glued_before and not (after.isalnum() and after.islower()):
            return True
        i = line.find(form, i + 1)
    return False


# --- the data ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Parent:
    names: tuple[str, ...]
    brands: NameIndex


@lru_cache(maxsize=None)
def _parents(canonical: Callable[[str], str]) -> tuple[tuple[_Parent, ...], NameIndex]:
    """The parents, and an index of every parent's names."""
    parents = tuple(
        _Parent(tuple(p["names"]), _index(_Name(b, canonical(b)) for b in p["brands"]))
        for p in load_rules("outlets").get("parents") or ()
    )
    return parents, _index(_Name(f, f) for p in parents for f in p.names)


@lru_cache(maxsize=None)
def _prompt_cues() -> tuple[re.Pattern[str], ...]:
    # {name} is the outlet's name, put in as a NUL by _prompted (names are matched as written).
    return tuple(re.compile(p.replace("{name}", "\x00"), re.I) for p in load_rules("outlets")["cues"]["registry_prompts"])


def _present(index: NameIndex, words: frozenset[str]) -> list[_Name]:
    """The names of ``index`` whose word the page holds, in the index's order."""
    found = [n for key in words.intersection(index.by_key) for n in index.by_key[key]]
    return sorted(found, key=index.order.__getitem__)


def _lines_holding(text: str, lower: str, needles: Iterable[str]) -> str:
    """The lines of ``text`` (``lower``: it lowered, of the same length) holding any of
    ``needles`` (lower-case) or a link ("["), in order, one a line: the only lines the
    caller's cues may match (reading a line takes out links, marks and spaces, joining
    no letters but across a link)."""
    starts: dict[int, int] = {}
    for needle in (*needles, "["):
        at = (text if needle == "[" else lower).find(needle)
        while at >= 0:
            begin = text.rfind("\n", 0, at) + 1
            if begin not in starts:
                end = text.find("\n", at)
                starts[begin] = len(text) if end < 0 else end
            at = (text if needle == "[" else lower).find(needle, starts[begin])
    return "\n".join(text[b : starts[b]] for b in sorted(starts))


@lru_cache(maxsize=None)
def _prompt_needs() -> tuple[str, ...]:
    """Texts one of which every prompt cue needs in a lowered line (the name aside)."""
    needs: set[str] = set()
    for cue in _prompt_cues():
        found = extract_required_texts(re.compile(cue.pattern.replace("\x00", "(?:.)"), re.I))
        if not found:
            return ("",)  # a cue needing nothing known: every line holds ""
        needs |= found
    return tuple(sorted(needs))


# --- parent and brand ----------------------------------------------------------------------


def extract_outlet_from_parent(
    text: str,
    prose: Callable[[], frozenset[str]],
    canonical: Callable[[str], str],
    fits_page: Callable[[str], bool],
) -> Field[str] | None:
    """The brand of the parent company a copyright line names, as the page names it (see
    module doc); ``None`` when no copyright line names a parent or no brand stands out.

    ``prose`` gives the article's own lines (plain),
    ``canonical`` a registry name's canonical spelling, ``fits_page`` whether a name may
    be the page's site (its domain, where known)."""
    lower = text.lower()
    if not any(mark in lower for mark in _COPYRIGHT_MARKS):
        return None
    parents, parent_names = _parents(canonical)
    copyright_lines = _lines_holding(text, lower, _COPYRIGHT_MARKS)
    present = _present(parent_names, page_words(copyright_lines))
    if not present:
        return None
    found = _parent_in_copyright(_read_page(copyright_lines, present), parents)
    if found is None:
        return None
    parent, copyright_line = found
    brands = _read_page(text, list(parent.brands.names))
    evidence = _brand_lines(parent, brands, copyright_line, prose)
    ranked = sorted(evidence.items(), key=lambda kv: -len(kv[1]))
    if not ranked or (len(ranked) > 1 and len(ranked[1][1]) == len(ranked[0][1])):
        return None
    name, lines = ranked[0]
    if not fits_page(name):
        return None
    quoted = "; ".join(f'"{line[:80]}"' for line in lines[:3])
    return Field(
        name,
        Provenance("parent-brand", _clip(f"{copyright_line} (a parent company); the page names its brand: {quoted}"), load_confidence("outlet-parent-brand")),
    )


def _parent_in_copyright(page: _Page, parents: tuple[_Parent, ...]) -> tuple[_Parent, str] | None:
    for line, forms in page.lines.items():
        lowered = line.lower()
        if not any(mark in lowered for mark in _COPYRIGHT_MARKS):
            continue
        for parent in parents:
            if any(f in forms and _writes(f, line) for f in parent.names):
                return parent, line
    return None


def _brand_lines(parent: _Parent, page: _Page, copyright_line: str, prose: Callable[[], frozenset[str]]) -> dict[str, list[str]]:
    """Each brand of ``parent`` with the page's lines naming it as the site (see module doc)."""
    forms = {b.form: b.name for b in parent.brands.names}
    bare = {line for line in page.lines if line in forms}
    network_menu = len({forms[line] for line in bare}) >= 2
    opening = {_plain(line) for line in page.opening if not _is_bulleted(line)}
    prose_lines: frozenset[str] | None = None
    found: dict[str, list[str]] = {}
    for line, written in page.lines.items():
        unowned = _parent_name_pattern().sub("\x00", line)  # "Vox Media" names the owner, not Vox
        named = {forms[f] for f in written if _writes(f, unowned)}
        if len(named) != 1 or line == copyright_line:
            continue
        if line in bare and network_menu and line not in opening:
            continue
        if prose_lines is None:
            prose_lines = prose()
        if line in prose_lines and _is_sentence(line):
            continue
        found.setdefault(named.pop(), []).append(line)
    return found


# --- prompts ---------------------------------------------------------------------------------


def extract_outlet_from_prompts(
    text: str,
    prose: Callable[[], frozenset[str]],
    names: NameIndex,
    fits_page: Callable[[str], bool],
) -> Field[str] | None:
    """The registry outlet (``names``: its spellings) the page's furniture prompts about on
    two lines or more, more often than any other (tier ``inferred``; see module doc)."""
    if ASCII_LOOKALIKES.search(text):
        candidates = text  # lowering may not keep every needed text: read every line
    else:
        candidates = _lines_holding(text, text.lower(), _prompt_needs())
    present = _present(names, page_words(candidates))
    if not present:
        return None
    page = _read_page(candidates, present)
    by_form = {n.form: n for n in present}
    prose_lines: frozenset[str] | None = None
    found: dict[str, list[str]] = {}
    for line, written in page.lines.items():
        outlet = _prompted(line, [by_form[f] for f in written])
        if outlet is None or line in found.get(outlet.name, ()):
            continue
        if prose_lines is None:
            prose_lines = prose()
        if line in prose_lines and _is_sentence(line):
            continue
        found.setdefault(outlet.name, []).append(line)
    ranked = sorted(found.items(), key=lambda kv: -len(kv[1]))
    if not ranked or len(ranked[0][1]) < _MIN_PROMPT_LINES:
        return None
    if len(ranked) > 1 and len(ranked[1][1]) == len(ranked[0][1]):
        return None
    name, lines = ranked[0]
    if any(n.agency for n in present if n.name == name) or not fits_page(name):
        return None
    quoted = "; ".join(f'"{line[:80]}"' for line in lines[:3])
    return Field(name, Provenance("furniture-prompts", _clip(f"the page's furniture names it: {quoted}"), load_confidence("outlet-furniture-prompts"), "inferred"))


def _prompted(line: str, written: list[_Name]) -> _Name | None:
    """The outlet a prompt line is about, or ``None``."""
    for n in sorted(written, key=lambda n: -len(n.form)):
        if not _writes(n.form, line):
            continue
        marked = line.replace(n.form, "\x00")
        if any(cue.search(marked) for cue in _prompt_cues()):
            return n
    return None


@lru_cache(maxsize=2)  # the parent's evidence and the prompts read the same page
def page_words(text: str) -> frozenset[str]:
    """The words of a page, split as names are (see ``_WORD``)."""
    return frozenset(_WORD.findall(text))


def prepare_names(entries: Iterable[tuple[str, str, bool]]) -> NameIndex:
    """(form, canonical name, is an agency) as prompts look them up, longest form first."""
    unique = {(f, n, a) for f, n, a in entries}
    return _index(_Name(f, n, a) for f, n, a in sorted(unique, key=lambda e: (-len(e[0]), e[0], e[1])))


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EVIDENCE_MAX_CHARS else text[: _EVIDENCE_MAX_CHARS - 1] + "…"


def _is_sentence(line: str) -> bool:
    """Whether a line the cleaner kept as the article's prose reads as its prose: a
    sentence, not a short promo it failed to set aside ("Get Data Sheet, Fortune's
    technology newsletter")."""
    return len(line.split()) > _PROMO_MAX_WORDS or line.rstrip()[-1:] in ".!?\"”"


def prose_lines(lines: Iterable[str]) -> frozenset[str]:
    """The article's own lines, as the page lines are compared with them."""
    return frozenset(_plain(line) for line in lines)


@lru_cache(maxsize=None)
def _parent_name_pattern() -> re.Pattern[str]:
    names = sorted({n for p in load_rules("outlets").get("parents") or () for n in p["names"]}, key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names))


def is_parent_name_at(line: str, start: int, end: int) -> bool:
    """Whether a parent company's name longer than ``line[start:end]`` opens at ``start``
    ("Vox Media" where "Vox" was found): the owner is written there, not the outlet."""
    m = _parent_name_pattern().match(line, start)
    return m is not None and m.end() > end
