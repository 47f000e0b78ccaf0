"""Earlier names: "Ellen Gille, née Fetter" names one person under two surnames.

A person's name followed by ", née X", " (née X)", ", born X" or ", formerly X" gives
the name she or he was known by before. Mentions of that earlier form in the article
("Ellen Fetter had married John Gille", "Fetter married") stand for the current name:
they take it as their ``hint``, so resolution puts both on one page (and, through the
spelling the page keeps, the earlier form met in another article too).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from generator.files.rules import load_rules
from generator.lexicon import is_common_word
from generator.resolve.actors.gazetteer import vocabulary
from generator.resolve.actors.names import core_keys, fold_name, split_name
from generator.resolve.actors.segments import Candidate, Segment
from generator.text import fold

# Markers that are no common words: a name after them is an earlier name whatever it looks like.
_UNAMBIGUOUS = frozenset({"née", "nee"})
_NAME_WORD = r"[A-Z][\w'’-]*"
# A segment without one of these holds no earlier name (the pattern is not tried).
_CHEAP_MARKERS = ("née", "nee", "born", "formerly")


@lru_cache(maxsize=1)
def _earlier_name_pattern() -> re.Pattern[str]:
    markers = sorted(load_rules("gazetteer")["earlier_name_markers"], key=len, reverse=True)
    alternatives = "|".join(re.escape(m) for m in markers)
    # ", née Fetter," / " (née Fetter)" / ", born Jane Smith." — the earlier name ends the aside
    return re.compile(
        rf"\s*[,(]\s*(?P<marker>{alternatives})\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})"
        r"\s*(?=[,);.:]|$)"
    )


def _is_earlier_name(marker: str, name: str) -> bool:
    """Whether ``name`` after ``marker`` reads as a person's name, not a place or a date."""
    if marker.lower() in _UNAMBIGUOUS:
        return True
    vocab = vocabulary()
    for word in name.split():
        folded = fold(word)
        if (
            is_common_word(word)
            or folded in vocab.calendar
            or folded in vocab.place_words
            or folded in vocab.listed_words
            or word in vocab.us_states
        ):
            return False  # "born Tuesday", "born London", "formerly Google"
    return True


def find_earlier_names(kept: Sequence[Candidate], segments: Sequence[Segment]) -> list[Candidate]:
    """Each earlier name the article gives, as a mention of it hinted to the current name.

    A one-word earlier name is a surname: the earlier form keeps the current given names
    ("Ellen Gille, née Fetter" -> "Ellen Fetter"), so the mention's surface is that form.
    """
    pattern = _earlier_name_pattern()
    out: list[Candidate] = []
    for c in kept:
        if c.type != "person" or len(split_name(c.hint or c.surface)) < 2:
            continue
        text = segments[c.segment].text
        if not any(m in text for m in _CHEAP_MARKERS):
            continue
        m = pattern.match(text, c.end)
        if m is None or not _is_earlier_name(m.group("marker"), m.group("name")):
            continue
        current = c.hint or c.surface
        earlier = m.group("name")
        if " " not in earlier:
            earlier = " ".join([*current.split()[:-1], earlier])
        out.append(Candidate(c.segment, m.start("name"), m.end("name"), earlier, "person", "earlier-name", current))
    return out


def link_earlier_names(kept: Sequence[Candidate], segments: Sequence[Segment]) -> tuple[Candidate, ...]:
    """``kept`` with each mention of an earlier name hinted to the current name.

    A bare earlier surname is linked only when no other person of the article bears it
    ("Fetter" beside a "Tom Fetter" stays his).
    """
    found = find_earlier_names(kept, segments)
    if not found:
        return tuple(kept)
    earlier: dict[str, str] = {}
    for e in found:
        earlier[fold_name(e.surface)] = e.hint or e.surface
        earlier.setdefault(fold_name(e.surface.split()[-1]), e.hint or e.surface)
    kept = sorted(
        [*(c for c in kept if not any(c.segment == e.segment and c.start < e.end and e.start < c.end for e in found)), *found],
        key=lambda c: (c.segment, c.start),
    )
    full_surnames: dict[str, set[str]] = {}
    for c in kept:
        if c.type == "person" and len(split_name(c.surface)) >= 2:
            full_surnames.setdefault(core_keys(c.surface)[-1], set()).add(fold_name(c.surface))
    out = []
    for c in kept:
        # a later surname's hint ("Fetter" -> "Ellen Fetter") is the earlier name too
        current = earlier.get(fold_name(c.hint or c.surface)) if c.type == "person" else None
        if current is not None and c.hint is None and len(split_name(c.surface)) == 1:
            bearers = full_surnames.get(core_keys(c.surface)[-1], set())
            if bearers - set(earlier):
                current = None  # another person of the article bears the earlier surname
        out.append(replace(c, hint=current) if current is not None else c)
    return tuple(out)
