"""Names: folding, splitting and comparing the spellings of one actor's name.

A personal name is read as a sequence of parts, each a core word with the particles
written before it: "Mouaz Al Khatib" and "Moaz al-Khatib" are both
``[(), Mouaz|Moaz] [(al,), Khatib]``. Comparing cores, not raw strings, makes
"Al-Khatib", "al-Khatib" and "Al Khatib" the same surname, and a small fuzzy
ratio lets transliterations (Mouaz/Moaz, Sergei/Sergey, Shoigu/Shoygu) agree.
The particle lists live in ``data/gazetteer.yml``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from generator.files.rules import load_rules
from generator.lexicon import are_name_forms
from generator.text import fold

# Transliterations of one name differ by a letter or two; 80 admits Sergei/Sergey (83)
# and Mouaz/Moaz (89) but not Riyad/Ramadan or Badr/Bashar.
TOKEN_RATIO = 80
# Below this length one letter is too large a share of the word to forgive.
FUZZY_MIN_LEN = 4


@dataclass(frozen=True)
class NamePart:
    """One core word of a name and the particles written before it."""

    particles: tuple[str, ...]  # folded: ("al",), ("von", "der")
    core: str  # as written: "Khatib"

    @property
    def key(self) -> str:
        return fold(self.core)


@dataclass(frozen=True)
class _Particles:
    bare: frozenset[str]
    hyphen: frozenset[str]
    patronymic: frozenset[str]
    given: frozenset[str]


@lru_cache(maxsize=1)
def _particles() -> _Particles:
    data = load_rules("gazetteer")
    return _Particles(
        bare=frozenset(data["particles"]),
        hyphen=frozenset(data["hyphen_particles"]),
        patronymic=frozenset(data["patronymic_particles"]),
        given=frozenset(data["given_name_particles"]),
    )


_NAME_SEPARATORS = re.compile(r"[\s\-‐–]+")


@lru_cache(maxsize=1 << 16)
def fold_name(text: str) -> str:
    """A whole name folded, with hyphens and runs of spaces made single spaces."""
    return _NAME_SEPARATORS.sub(" ", fold(text)).strip()


@lru_cache(maxsize=1 << 16)
def is_particle(word: str) -> bool:
    """True for a free-standing name particle ("bin", "Al", "von").

    Capitalised, only the Arabic article and a kunya count: "Ben Rhodes" and "Van
    Morrison" begin with given names.
    """
    folded = fold(word)
    p = _particles()
    return folded in p.bare and (word[:1].islower() or folded in p.hyphen or folded in p.given)


@lru_cache(maxsize=1 << 16)
def split_hyphen_particle(word: str) -> tuple[str, str] | None:
    """``("al", "Khatib")`` for "Al-Khatib"; ``None`` when the word has no such prefix."""
    head, sep, tail = word.partition("-")
    if not sep or not tail or not tail[0].isupper():
        return None
    p = _particles()
    folded = fold(head)
    return (folded, tail) if folded in p.hyphen or folded in p.bare else None


@lru_cache(maxsize=1 << 16)
def split_name(surface: str) -> tuple[NamePart, ...]:
    """The parts of a personal name; particles attach to the core word after them."""
    parts: list[NamePart] = []
    pending: list[str] = []
    words = surface.split()
    if len(words) > 1:  # "James R. Clapper Jr." is James Clapper: initials and suffixes name no one apart
        words = [w for w in words if not _is_initial_or_suffix(w)] or words
    for i, word in enumerate(words):
        if is_particle(word) and i + 1 < len(words):
            pending.append(fold(word))
            continue
        split = split_hyphen_particle(word)
        if split is not None:
            pending.append(split[0])
            word = split[1]
        parts.append(NamePart(tuple(pending), word))
        pending = []
    return tuple(parts)


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Jr. and Sr. tell a son from his father, who are often in the same story ("Donald Trump
# Jr." beside "Donald Trump"); news rarely drops them. A numeral ("Robert S. Mueller III")
# is dropped from the name key: news writes him "Robert Mueller" too.
_GENERATIONS = {"jr": "Jr.", "sr": "Sr."}


@lru_cache(maxsize=1 << 16)
def generation(surface: str) -> str | None:
    """"Jr." or "Sr." when a full name carries it ("Donald Trump Jr."), else ``None``."""
    words = surface.split()
    if len(words) < 3:
        return None
    return _GENERATIONS.get(words[-1].rstrip(".,").lower())


def _is_initial_or_suffix(word: str) -> bool:
    return (len(word) == 2 and word[0].isupper() and word[1] == ".") or word.rstrip(".,").lower() in _SUFFIXES


@lru_cache(maxsize=1 << 16)
def core_keys(surface: str) -> tuple[str, ...]:
    """The folded core words of a name: "Bashar Al Assad" -> ("bashar", "assad")."""
    return tuple(p.key for p in split_name(surface))


@lru_cache(maxsize=1 << 16)
def surname_key(surface: str) -> str | None:
    """The folded surname, or ``None`` when the last part is a patronymic ("bin Salman")."""
    parts = split_name(surface)
    if not parts or set(parts[-1].particles) & _particles().patronymic:
        return None
    return parts[-1].key


@lru_cache(maxsize=1 << 16)
def same_token(a: str, b: str) -> bool:
    """Two folded name words that are one name, allowing a transliteration's letter or two."""
    if a == b:
        return True
    if min(len(a), len(b)) < FUZZY_MIN_LEN or a[0] != b[0]:
        return False
    return fuzz.ratio(a, b) >= TOKEN_RATIO


def shared_tokens(a: Sequence[str], b: Sequence[str]) -> int:
    """How many words of ``a`` find a distinct equal word in ``b``."""
    free = list(b)
    shared = 0
    for word in a:
        for j, other in enumerate(free):
            if same_token(word, other):
                shared += 1
                del free[j]
                break
    return shared


@lru_cache(maxsize=1 << 16)
def are_same_person(a: str, b: str) -> bool:
    """Whether two full names (two parts or more) name one person.

    The surnames must agree and, besides them, either the given names agree (or are forms
    of one: "Chuck" and "Charles"), or two
    words are shared ("Ahmed Moaz al-Khatib" and "Moaz al-Khatib"). A shared surname
    alone never suffices: two Khatibs stay two people.
    """
    ka, kb = core_keys(a), core_keys(b)
    if len(ka) < 2 or len(kb) < 2 or not same_token(ka[-1], kb[-1]) or generation(a) != generation(b):
        return False
    # "Chuck Schumer" and "Charles Schumer": forms of one given name (the nicknames list)
    return same_token(ka[0], kb[0]) or are_name_forms(ka[0], kb[0]) or shared_tokens(ka, kb) >= 2


def initials(surface: str, skip: frozenset[str] = frozenset()) -> str:
    """The upper-cased first letters of the words of a name, leaving out ``skip`` words."""
    return "".join(w[0] for w in re.split(r"[\s\-]+", surface) if w and fold(w) not in skip).upper()


def compose_person_name(forms: Sequence[tuple[str, int]]) -> str:
    """The canonical spelling of one person from the spellings seen and their counts.

    The most frequent well-formed full form wins (ties: the longer, then the alphabetically first);
    each word takes its most frequent spelling, and a particle seen before it in any
    spelling is kept, lower-cased ("Bashar Assad" + "Bashar Al Assad" -> "Bashar al-Assad").
    """
    parsed = [(split_name(s), c) for s, c in forms if split_name(s)]
    if not parsed:
        return forms[0][0] if forms else ""
    full = [(p, c) for p, c in parsed if len(p) >= 2]
    # a hand merge may bring in a run of two names glued together ("Kristi Noem Kristi Lynn
    # Noem South"): never the page's name while a well-formed full name is there
    full = [(p, c) for p, c in full if _well_formed(p)] or full or parsed
    groups: list[tuple[tuple[str, ...], int]] = []
    for parts, count in sorted(full, key=lambda pc: tuple(x.key for x in pc[0])):
        keys = tuple(x.key for x in parts)
        for i, (rep, total) in enumerate(groups):
            if len(rep) == len(keys) and all(same_token(x, y) for x, y in zip(rep, keys)):
                groups[i] = (rep, total + count)
                break
        else:
            groups.append((keys, count))
    best = min(_credit_surname_tails(groups, parsed), key=lambda g: (-g[1], -len(g[0]), g[0]))[0]
    all_parts = [(part, c) for parts, c in parsed for part in parts]
    words = [_compose_part(key, all_parts, first=(i == 0)) for i, key in enumerate(best)]
    generations = {generation(s) for s, _ in forms if len(split_name(s)) >= 2}
    if len(generations) == 1 and None not in generations:  # every full form says "Jr.": so does the page
        words.append(str(generations.pop()))
    return " ".join(words)


# A person's full name as news writes it holds at most this many core words ("Andrés Manuel
# López Obrador"); a longer run is names or words run together.
_MAX_NAME_PARTS = 4


def _well_formed(parts: tuple[NamePart, ...]) -> bool:
    """No more than ``_MAX_NAME_PARTS`` core words, none of them twice ("Dee Dee Myers" apart)."""
    keys = [p.key for p in parts]
    return len(keys) <= _MAX_NAME_PARTS and not any(k in keys[i + 2 :] for i, k in enumerate(keys))


def _credit_surname_tails(
    groups: list[tuple[tuple[str, ...], int]], parsed: list[tuple[tuple[NamePart, ...], int]]
) -> list[tuple[tuple[str, ...], int]]:
    """"Black Elk" said twice, "Linda Black Elk" once: a short form opening on a common English
    word that is no given name ("Black") is a two-word surname, the long form's tail, and its
    uses count for the long form. "Moaz al-Khatib" beside "Ahmed Moaz al-Khatib" stays itself.
    A form that opens a longer one ("Te Kaurinui", "Kim Jong") counts for it too."""
    from generator.lexicon import is_common_word, is_given_name

    firsts = {p[0].key: p[0].core for p, _ in parsed if p}
    bare = {p[0].key for p, _ in parsed if len(p) == 1}
    out: list[tuple[tuple[str, ...], int]] = []
    moved: dict[tuple[str, ...], int] = defaultdict(int)
    for keys, total in groups:
        first = firsts.get(keys[0], keys[0])
        longer = [
            g for g, _ in groups if len(g) > len(keys) and all(same_token(x, y) for x, y in zip(g[-len(keys) :], keys))
        ]
        fronted = [g for g in groups if len(g[0]) > len(keys) and g[0][: len(keys)] == keys]
        if len(longer) == 1 and is_common_word(first) and not is_given_name(first):
            moved[longer[0]] += total
        elif fronted and keys[-1] not in bare:  # "Hamilton" said alone: "Margaret Hamilton" is a full name
            # "Te Kaurinui" (given names only) beside "Te Kaurinui Parata": the front counts
            # for the most used full form it opens
            moved[min(fronted, key=lambda g: (-g[1], len(g[0]), g[0]))[0]] += total
        else:
            out.append((keys, total))
    return [(keys, total + moved[keys]) for keys, total in out]


def _compose_part(key: str, all_parts: list[tuple[NamePart, int]], first: bool) -> str:
    spellings: Counter[str] = Counter()
    particles: Counter[tuple[str, ...]] = Counter()
    for part, count in all_parts:
        if same_token(part.key, key):
            spellings[part.core] += count
            if part.particles:
                particles[part.particles] += count
    core = min(spellings.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    if not particles:
        return core
    chosen = min(particles.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    return _render_particles(chosen, first) + core


def _render_particles(particles: tuple[str, ...], first: bool) -> str:
    p = _particles()
    out = []
    for i, particle in enumerate(particles):
        word = particle.capitalize() if first and i == 0 and particle in p.given else particle
        is_last = i == len(particles) - 1
        out.append(word + ("-" if is_last and particle in p.hyphen else " "))
    return "".join(out)


# Honorifics say nothing about which bearer of a surname is meant (beyond a sex); modifiers of a
# role ("former", "acting", "-elect") do not change which office it is.
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "rev", "reverend"})
_ROLE_MODIFIERS = frozenset({"former", "acting", "then", "elect", "the", "u.s.", "us"})


@lru_cache(maxsize=1 << 12)
def role_key(role: str | None) -> str | None:
    """The office a mention's role names, comparable across articles ("President-elect" and
    "President" -> "president"); ``None`` for no role or an honorific ("Mr", "Ms.")."""
    if not role:
        return None
    words = [w.strip(".,") for w in fold(role).replace("-", " ").split()]
    words = [w for w in words if w and w not in _ROLE_MODIFIERS]
    if not words or all(w in _HONORIFICS for w in words):
        return None
    return " ".join(w for w in words if w not in _HONORIFICS)

