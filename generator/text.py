"""Small text and bookkeeping pieces every stage shares, each written once.

Slugs for page addresses, the comparison keys of text and names, the "-2", "-3"
suffix that makes a name unique, union-find for grouping, the sort key that puts
dated things before undated ones, and the month names pages and citations print.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from functools import lru_cache
from typing import Callable, Generic, Hashable, Iterable, TypeVar

K = TypeVar("K", bound=Hashable)

# Letters that NFKD does not decompose to ASCII but have a conventional spelling.
_TRANSLITERATE = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "đ": "d", "ł": "l", "þ": "th", "ı": "i"})

# English month names, as pages print dates ("5 August 2015") and BibTeX's month
# macros abbreviate them ("aug"). Reading dates in text is data (data/dates.yml).
MONTH_NAMES: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def slugify(text: str, max_length: int = 80) -> str:
    """``"Moaz Al-Khatib's talks"`` → ``"moaz-al-khatibs-talks"``; never empty.

    Cut at a hyphen so that a word is never split, and fall back to ``"untitled"``
    for text with no ASCII letters or digits at all.
    """
    ascii_text = (
        unicodedata.normalize("NFKD", text.lower().translate(_TRANSLITERATE)).encode("ascii", "ignore").decode("ascii")
    )
    ascii_text = re.sub(r"['’`]", "", ascii_text)
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return slug or "untitled"


_WORD = re.compile(r"\w+")


def normalise_key(text: str) -> str:
    """The words of a text, case-folded, for telling whether two lines say the same thing.

    Punctuation, quotes and spacing do not count: a caption printed twice with other
    quote marks, or a standfirst repeated as a body paragraph, has one key.
    """
    # The words joined by single spaces; a fifth cheaper than replacing what lies between them.
    return " ".join(_WORD.findall(text)).casefold()


# Cached: actor resolution compares every spelling with many others, and this is pure.
@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case, accent-free form of a word or phrase, for comparison only."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def suffix_until_free(stem: str, is_free: Callable[[str], bool], form: str = "{stem}-{n}") -> str:
    """``stem`` if free, else ``form`` with n = 2, 3 ... until one is: one rule for every
    name that must be unique (actor ids, event ids, page paths)."""
    if is_free(stem):
        return stem
    n = 2
    while not is_free(form.format(stem=stem, n=n)):
        n += 1
    return form.format(stem=stem, n=n)


class UnionFind(Generic[K]):
    """Disjoint sets of keys; a set is named by its smallest key, so the result of a
    series of unions does not depend on their order (the site stays deterministic)."""

    def __init__(self, keys: Iterable[K] = ()):
        self.parent: dict[K, K] = {}
        self.groups: dict[K, list[K]] = {}
        for key in keys:
            self.add(key)

    def add(self, key: K) -> None:
        if key not in self.parent:
            self.parent[key] = key
            self.groups[key] = [key]

    def find(self, key: K) -> K:
        self.add(key)
        parent = self.parent
        while parent[key] != key:
            parent[key] = parent[parent[key]]  # path halving
            key = parent[key]
        return key

    def union(self, a: K, b: K) -> K:
        """Join the sets of ``a`` and ``b``; return the root of the joined set."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        keep, gone = (ra, rb) if ra < rb else (rb, ra)  # type: ignore[operator]
        self.parent[gone] = keep
        self.groups[keep].extend(self.groups.pop(gone))
        return keep

    def members(self, key: K) -> list[K]:
        """Every key in the set of ``key``, sorted."""
        return sorted(self.groups[self.find(key)])  # type: ignore[type-var]

    def roots(self) -> list[K]:
        """The name (smallest key) of every set, sorted."""
        return sorted(self.groups)  # type: ignore[type-var]


def dated_first_key(day: _dt.date | None, tie: str) -> tuple[int, str, str]:
    """Sort key: dated things by date, oldest first, then undated ones; ties by ``tie``
    (an id). The one ordering of articles, drafts and events by date."""
    return (1, "", tie) if day is None else (0, day.isoformat(), tie)
