"""The second pass over an article: names found again once the first pass has named them.

* acronyms defined in the text ("... Opposition Forces (SNC)") or spelling the
  initials of an organisation named there;
* every later use of a name found once, people's bare surnames too ("Lavrov").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher

from generator.model import ActorType
from generator.resolve.actors.gazetteer import Recognizer, vocabulary
from generator.resolve.actors.names import initials, role_key, split_name, surname_key
from generator.resolve.actors.segments import Candidate, Segment
from generator.text import fold

_QUOTED = re.compile(r"[\"“”]")
# Words that join a name's parts but carry no initial in its acronym.
_ACRONYM_SKIP = frozenset({"of", "for", "and", "the", "de", "la", "du"})


def find_acronym_candidates(segments: tuple[Segment, ...], kept: Sequence[Candidate]) -> list[Candidate]:
    """Acronyms defined in parentheses, or spelling the initials of an organisation named here."""
    out: list[Candidate] = []
    orgs = [c for c in kept if c.type == "organisation" and " " in c.surface]
    for i, seg in enumerate(segments):
        words = seg.words
        for k, w in enumerate(words):
            if not _looks_like_acronym(w.text) or any(c.segment == i and c.start <= w.start < c.end for c in kept):
                continue
            defined = _defined_by(seg, i, k, kept)
            if defined is not None:
                out.append(Candidate(i, w.start, w.end, w.text, defined.type, "acronym-definition", _hint_of(defined)))
                continue
            spelled = sorted({_hint_of(o) for o in orgs if initials(o.surface, _ACRONYM_SKIP) == w.text})
            if len(spelled) == 1:
                out.append(Candidate(i, w.start, w.end, w.text, "organisation", "acronym-initials", spelled[0]))
    defined_here = {c.surface: c for c in out}
    for i, seg in enumerate(segments if defined_here else ()):  # later uses of an acronym defined once
        for w in seg.words:
            c = defined_here.get(w.text)
            if c is not None and not any(o.segment == i and o.start == w.start for o in out):
                out.append(Candidate(i, w.start, w.end, w.text, c.type, c.method, c.hint))
    return out


@lru_cache(maxsize=1 << 16)
def _looks_like_acronym(text: str) -> bool:
    if not text[:1].isupper():
        return False  # its first character must be a letter, and every letter a capital
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 8 and all(c.isupper() for c in letters) and text[:1].isalpha()


def _defined_by(seg: Segment, index: int, k: int, kept: Sequence[Candidate]) -> Candidate | None:
    """The name an acronym in "(...)" right after it defines: "... Forces (SNC)"."""
    words = seg.words
    if not (0 < k < len(words) - 1 and words[k - 1].text == "(" and words[k + 1].text == ")"):
        return None
    if k + 2 < len(words) and words[k + 2].text in vocabulary().org_heads:
        return None  # "Mohammed bin Salman (MBS) Foundation": the acronym is the foundation's
    opening = words[k - 1].start
    for c in kept:
        if c.segment != index or not 0 <= opening - c.end <= 1 or " " not in c.surface:
            continue
        if c.type == "person" and initials(c.surface) != words[k].text:
            continue
        return c
    return None


def _hint_of(c: Candidate) -> str:
    return c.hint or c.surface


def find_repeat_candidates(
    rec: Recognizer, segments: tuple[Segment, ...], kept: Sequence[Candidate]
) -> list[Candidate]:
    """Every later use of a name found once, people's bare surnames included ("Lavrov").

    A surname carries the full name it stands for as its hint when only one person
    of the article bears it; with two, it is left for resolution to judge.
    """
    readings: dict[str, set[tuple[ActorType, str | None]]] = defaultdict(set)
    roles: dict[str, set[str]] = defaultdict(set)  # per spelling, the offices it is written with
    for c in kept:
        key = role_key(c.role)
        if c.type == "person" and key is not None:
            roles[c.surface].add(key)
    for c in kept:
        if c.method in ("gazetteer", "demonym"):
            continue  # their matchers saw every use already; a bare demonym is no actor
        forms = _repeat_forms(c)
        readings[forms[0]].add((c.type, c.hint))
        for form in forms[1:]:
            # "President Trump" beside "Ivanka Trump" only: the surname holds an office the
            # full name never does here, so it may be another bearer (resolution judges)
            other_office = bool(roles[form] - roles[c.surface])
            # a full name written with a nickname in quotes stands for its name without it
            full = c.hint if c.hint and c.type == "person" and _QUOTED.search(c.surface) else c.surface
            readings[form].add(("person", None if other_office else full))
    meaning: dict[str, tuple[ActorType, str | None]] = {}
    for form, options in sorted(readings.items()):
        reading = _one_reading(options)
        if reading is not None:
            meaning[form] = reading
    index = _index_phrases(rec.nlp, meaning)
    out = []
    for i, seg in enumerate(segments):
        runs = _find_token_runs(index, seg) if index is not None else _match_phrases(rec, meaning, seg)
        for form, start, end in runs:
            kind, hint = meaning[form]
            start_char, end_char = seg.token_starts[start], seg.token_ends[end - 1]
            first, last = seg.word_at_token[start], seg.word_at_token[end - 1]
            if seg.words[first].start != start_char or seg.words[last].end != end_char:
                continue  # only whole words: "Assad" is not inside "Assadi"
            if first == last and _is_date_word(seg, first):
                continue  # "May" the surname, not "in May 2017"
            out.append(Candidate(i, start_char, end_char, seg.text[start_char:end_char], kind, "repeat", hint))
    return out


# Forms by their first token, each with all its tokens.
_PhraseIndex = dict[str, list[tuple[tuple[str, ...], str]]]


def _index_phrases(nlp: Language, forms: Iterable[str]) -> _PhraseIndex | None:
    """The forms' tokens (ORTH) by first token; ``None`` when two forms have the same tokens."""
    index: _PhraseIndex = defaultdict(list)
    seen: set[tuple[str, ...]] = set()
    for form in forms:
        tokens = _orth_tokens(nlp, form)
        if not tokens or tokens in seen:
            return None
        seen.add(tokens)
        index[tokens[0]].append((tokens, form))
    return index


def _find_token_runs(index: _PhraseIndex, seg: Segment) -> list[tuple[str, int, int]]:
    """Where each indexed form's tokens occur in the segment, as ``(form, start, end)`` token ranges.

    What a ``PhraseMatcher(attr="ORTH")`` of the forms finds, in its order (by
    start, then by length), without building a matcher per article. Forms with
    the same tokens are left to the matcher (:func:`_match_phrases`), which
    reports each, in its own order.
    """
    texts = seg.token_texts
    found: list[tuple[str, int, int]] = []
    for start, text in enumerate(texts):
        if text in index:
            hits = [(start + len(t), form) for t, form in index[text] if texts[start : start + len(t)] == t]
            found.extend((form, start, end) for end, form in sorted(hits))
    return found


@lru_cache(maxsize=1 << 14)
def _orth_tokens(nlp: Language, text: str) -> tuple[str, ...]:
    """The tokens of ``text`` as the matchers compare them (ORTH); cached, as names recur."""
    return tuple(t.text for t in nlp.make_doc(text))


def _match_phrases(rec: Recognizer, forms: Iterable[str], seg: Segment) -> list[tuple[str, int, int]]:
    """The forms found in the segment by a PhraseMatcher, as ``(form, start, end)``."""
    matcher = PhraseMatcher(rec.nlp.vocab, attr="ORTH")
    for form in forms:
        matcher.add(form, [rec.nlp.make_doc(form)])
    return [(rec.nlp.vocab.strings[match_id], start, end) for match_id, start, end in matcher(seg.doc)]


def _one_reading(options: set[tuple[ActorType, str | None]]) -> tuple[ActorType, str | None] | None:
    """What a repeated form means: the one hinted reading, else unhinted, else (mixed types) nothing."""
    kinds = {kind for kind, _ in options}
    if len(kinds) != 1:
        return None
    (kind,) = kinds
    hints = sorted(h for _, h in options if h is not None)
    return (kind, hints[0] if len(hints) == 1 else None)


def _is_date_word(seg: Segment, k: int) -> bool:
    words = seg.words
    if fold(words[k].text) not in vocabulary().months:
        return False
    before = fold(words[k - 1].text) if k > 0 else ""
    after = words[k + 1].text if k + 1 < len(words) else ""
    return before in STOP_WORDS or after[:1].isdigit()


def _repeat_forms(c: Candidate) -> list[str]:
    forms = [c.surface]
    if c.type != "person" or c.method == "acronym-definition":
        return forms
    parts = split_name(c.surface)
    if len(parts) >= 2 and surname_key(c.surface) is not None:
        last = parts[-1]
        forms.append(last.core)
        for particle in last.particles[-1:]:
            for spelled in (particle, particle.capitalize()):
                forms += [f"{spelled}-{last.core}", f"{spelled} {last.core}"]
    return forms

