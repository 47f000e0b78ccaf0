"""Organisations by the head noun that ends their name ("the X Committee", "West Mercia police",
"the 4th District Court of Appeal", "Observatory for Human Rights"): the organisation rule of
the first pass (:mod:`~generator.resolve.actors.candidates`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from generator.model import ActorType
from generator.lexicon import is_common_word
from generator.resolve.actors.gazetteer import gazetteer_entries, vocabulary
from generator.resolve.actors.name_words import is_cap_word, is_org_head, is_role_word
from generator.resolve.actors.names import fold_name
from generator.resolve.actors.segments import Segment, Word
from generator.text import fold


def find_org_runs(seg: Segment) -> Iterable[tuple[list[int], str, ActorType]]:
    """Organisations ending on a head noun, with an optional "for/of ..." tail."""
    vocab = vocabulary()
    words = seg.words
    for i, w in enumerate(words):
        head = i if is_org_head(w) else _lower_org_head_start(seg, i)
        if head is None:
            continue
        left: list[int] = []
        k = head - 1
        # through other heads ("Police Department") and an "and" between capitals ("World
        # Travel and Tourism Council", "Medic & Healer Council")
        while k >= 0 and len(left) < 6:
            if is_cap_word(words[k]):
                left.insert(0, k)
            elif (
                left
                and k >= 1
                and words[k].text in ("and", "&")
                and is_cap_word(words[k - 1])
                and not is_role_word(words[k - 1].text)
                and not is_org_head(words[k - 1])  # "International Monetary Fund and | World Bank": two names
            ):
                left.insert(0, k)
            elif (
                k >= 1
                and words[k].text in ("'s", "’s")
                and words[k - 1].end == words[k].start
                and words[k - 1].text in vocab.possessive_org_words
            ):
                left.insert(0, k)  # "Harris County Sheriff's Office", "Children's Hospital"
            else:
                break
            k -= 1
        while left and words[left[0]].text in ("and", "&"):
            left.pop(0)
        if left and left[0] >= 1 and _ORDINAL.match(words[left[0] - 1].text):
            left.insert(0, left[0] - 1)  # "the 4th District Court of Appeal", "1st Cavalry Division"
        # a state's abbreviation before an office says where it is, not its name: "U.S. |
        # Justice Department" (a written-out state may be the name: "Syria Solidarity Committee")
        # (but "U.S. Attorney's Office" is that office's name, the possessive the office-holder's;
        # and "U.S. District Court" is no "District Court": common words alone name no body)
        while (
            len(left) > 1
            and fold(words[left[0]].text) in vocab.state_words
            and words[left[0]].text.isupper()
            and words[left[1]].text not in vocab.possessive_org_words
            and not _generic_without(seg, left[1:], head, i)
        ):
            left.pop(0)
        tail = _org_tail(seg, i + 1)
        after = (tail[-1] if tail else i) + 1
        if after < len(words) and _continues_name(words[after]):
            continue  # the front of a longer name: "Investment Company | Act", "Tourism Council | Award"
        modifiers = [words[k] for k in left]
        if not tail and w.text not in vocab.own_name_heads and not any(fold(m.text) not in vocab.listed_words for m in modifiers):
            continue  # "Syrian Army" is the state's army; "Coalition leader" is no name
        if not is_org_head(w) and tuple(words[k].text for k in range(head, i + 1)) in vocab.lower_org_descriptors:
            if left:
                yield left, "org-head", "organisation"  # "the Ennahda party": its name is "Ennahda"
            continue
        yield [*left, *range(head, i + 1), *tail], "org-head", "organisation"


def _generic_without(seg: Segment, left: list[int], head: int, last: int) -> bool:
    """The name's words after the state's abbreviation are common words and heads only, and no
    listed name ("District Court"; "Justice Department" is listed: the department's)."""
    words = seg.words
    texts = [words[k].text for k in (*left, *range(head, last + 1))]
    if fold_name(" ".join(texts)) in _listed_names():
        return False
    return all(is_common_word(t) or t in vocabulary().org_heads for t in texts)


@lru_cache(maxsize=1)
def _listed_names() -> frozenset[str]:
    return frozenset(fold_name(s) for e in gazetteer_entries() for s in (e.name, *e.aliases))


_ORDINAL = re.compile(r"^\d{1,3}(?:st|nd|rd|th)$")


def _continues_name(word: Word) -> bool:
    """A capitalised word in the same sentence that is no role or date: a name goes on."""
    return (
        not word.sent_start
        and word.text[:1].isupper()
        and word.text.isalpha()
        and not is_role_word(word.text)
        and fold(word.text) not in vocabulary().calendar
    )


def _org_tail(seg: Segment, start: int) -> list[int]:
    """"for Human Rights", "for Syrian Revolutionary and Opposition Forces"."""
    vocab = vocabulary()
    words = seg.words
    tail: list[int] = []
    k = start
    while k < len(words) and words[k].text in vocab.connectors and words[k].text != "the":
        if words[k].text == "and" and k > 0 and is_org_head(words[k - 1]):
            break  # "International Monetary Fund | and World Bank": the name before "and" is whole
        j = k + 1
        if j < len(words) and words[j].text in ("the", "a"):
            if words[k].text == "and":
                break  # "... of Aviation and the Linden Police Department": two names
            j += 1
        part = []
        # a role ends the name: "Federation of Government Employees | President J. David Cox"
        while j < len(words) and is_cap_word(words[j]) and not is_role_word(words[j].text):
            part.append(j)
            j += 1
        # "X and Y" joins a name after another connector ("Center on Poverty and Inequality"),
        # or when Y ends on a head ("Revolutionary and Opposition Forces"); otherwise it lists two
        joined = (
            bool(tail)
            and words[tail[0]].text in ("on", "for")
            and not any(fold(words[p].text) in vocab.listed_words or words[p].text in vocab.us_states for p in part)
        )
        if not part or (words[k].text == "and" and not joined and not is_org_head(words[part[-1]])):
            break
        tail.extend(range(k, part[-1] + 1))
        k = part[-1] + 1
    return tail


def _lower_org_head_start(seg: Segment, i: int) -> int | None:
    """The first word of a lower-case head ending on word ``i`` after a capitalised word
    ("West Mercia | police said", "Morton County | sheriff’s department"), unless a role
    follows: "Ferguson police officer Darren Wilson" is about the officer."""
    words = seg.words
    for phrase in vocabulary().lower_org_heads:
        start = i - len(phrase) + 1
        if start < 1 or words[i].text != phrase[-1]:
            continue
        if all(words[start + n].text.replace("’", "'") == part for n, part in enumerate(phrase)) and is_cap_word(words[start - 1]):
            if i + 1 < len(words) and is_role_word(words[i + 1].text):
                return None
            if _after_state(seg, start):
                return None  # "South Korean police", "Italian police": the state's
            k = start - 1
            while k >= 0 and is_cap_word(words[k]) and is_common_word(words[k].text):
                k -= 1
            if k < 0 or not is_cap_word(words[k]):
                return None  # "the Christmas party": common words alone are no name ("Morton County" is)
            return start
    return None


def _after_state(seg: Segment, start: int) -> bool:
    """The capitalised words before word ``start`` are a listed state's name or demonym."""
    words = seg.words
    for n in (1, 2, 3):
        if start - n < 0 or not is_cap_word(words[start - n]):
            break
        text = seg.text[words[start - n].start : words[start - 1].end]
        if fold(text) in _state_spellings():
            return True
    return False


@lru_cache(maxsize=1)
def _state_spellings() -> frozenset[str]:
    return frozenset(
        fold(s) for e in gazetteer_entries() if e.type == "state" for s in (e.name, *e.aliases, *e.demonyms)
    )
