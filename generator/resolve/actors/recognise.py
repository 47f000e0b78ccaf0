"""Actors: who an article names (recognition), and who that is across the archive (resolution).

Recognition runs spaCy's blank English tokenizer (sentences split by the rule of
spaCy's sentencizer; no statistical model is ever downloaded) with rule-based
matchers fed by ``data/gazetteer.yml``:

* the gazetteer's states, organisations, armed groups and news agencies, matched
  case-sensitively so "US" and "IS" are actors and "us" and "is" are words;
* demonyms that denote a state when an institution noun or a title follows
  ("Russian lawmakers", "Saudi Foreign Minister");
* people named by a title ("Foreign Minister X", "coordinator X"), a speech verb
  ("X said", "said X") or a name particle inside a capitalised run ("Moaz Al-Khatib");
* organisations ending on a head noun ("the X Committee", "X Observatory for Y") and
  acronyms defined in the text ("... Opposition Forces (SNC)").

A name found once is then counted wherever it recurs in the article, surnames too.
A statistical spaCy model, when installed and named, only adds candidates.

Resolution merges the mentions of the whole archive into one :class:`Actor` per
real-world entity (see :func:`resolve_actors`); the archivist's decisions
(``seeds/actors.yml``, parsed by :func:`parse_actor_decisions`) always win.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, NamedTuple, get_args

import spacy
from spacy.attrs import IDX, IS_PUNCT, LENGTH, SPACY
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from generator.model import Actor, ActorType, CleanDoc, Mention, Problem
from generator.resolve.actors.names import (
    are_same_person,
    compose_person_name,
    core_keys,
    fold,
    fold_name,
    initials,
    is_particle,
    same_token,
    split_hyphen_particle,
    split_name,
    surname_key,
)
from generator.files.rules import load_rules
from generator.text import slugify

ACTOR_TYPES: tuple[str, ...] = get_args(ActorType)

# Which rule wins when two candidates cover the same words and are equally long:
# a listed name beats anything inferred from the words around it.
_PRIORITY = {
    "gazetteer": 0,
    "demonym": 1,
    "acronym-definition": 2,
    "acronym-initials": 2,
    "org-head": 3,
    "title": 4,
    "particle": 5,
    "speech": 6,
    "model": 7,
    "repeat": 8,
}
_GAZETTEER_TYPES: dict[str, ActorType] = {
    "states": "state",
    "organisations": "organisation",
    "armed_groups": "organisation",
    "news_agencies": "organisation",
}
# Words that join a name's parts but carry no initial in its acronym.
_ACRONYM_SKIP = frozenset({"of", "for", "and", "the", "de", "la", "du"})
_MAX_NAME_WORDS = 6
_SENTENCE_ENDS = (".", "!", "?", '"', "”", "’", "'", ")", ":")


# --------------------------------------------------------------------------- gazetteer


@dataclass(frozen=True)
class GazetteerEntry:
    """One listed actor: its canonical name, type and other spellings."""

    name: str
    type: ActorType
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    ambiguous: bool = False


@lru_cache(maxsize=1)
def gazetteer_entries() -> tuple[GazetteerEntry, ...]:
    """Every listed actor of ``data/gazetteer.yml``."""
    data = load_rules("gazetteer")
    entries = []
    for section, actor_type in _GAZETTEER_TYPES.items():
        for raw in data[section]:
            entries.append(
                GazetteerEntry(
                    name=raw["name"],
                    type=actor_type,
                    aliases=tuple(raw.get("aliases") or ()),
                    demonyms=tuple(raw.get("demonyms") or ()),
                    ambiguous=bool(raw.get("ambiguous", False)),
                )
            )
    return tuple(entries)


@lru_cache(maxsize=1)
def _gazetteer_by_name() -> dict[str, GazetteerEntry]:
    """Every listed spelling (folded) to its entry; the canonical name of a state wins."""
    index: dict[str, GazetteerEntry] = {}
    for entry in gazetteer_entries():
        for spelling in (entry.name, *entry.aliases):
            index.setdefault(fold_name(spelling), entry)
    return index


@dataclass(frozen=True)
class _Vocabulary:
    titles: tuple[str, ...]
    title_words: frozenset[str]
    regnal: frozenset[str]
    speech: frozenset[str]
    inverted_speech: frozenset[str]
    adverbs: frozenset[str]
    org_heads: frozenset[str]
    connectors: frozenset[str]
    institutions: tuple[str, ...]
    never: frozenset[str]
    calendar: frozenset[str]
    months: frozenset[str]
    places: tuple[str, ...]
    place_words: frozenset[str]
    place_nouns: frozenset[str]
    listed_words: frozenset[str]  # one-word gazetteer names and demonyms, folded
    given_particles: frozenset[str]  # particles that may open a name ("Abu")


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    data = load_rules("gazetteer")
    titles = tuple(data["titles"])
    listed = set()
    for entry in gazetteer_entries():
        for spelling in (entry.name, *entry.aliases, *entry.demonyms):
            if " " not in spelling:
                listed.add(fold(spelling))
    places = tuple(data["places"])
    return _Vocabulary(
        titles=titles,
        title_words=frozenset(w for t in titles for w in t.split() if w not in ("of", "state")),
        regnal=frozenset(data["regnal_titles"]),
        speech=frozenset(data["speech_verbs"]),
        inverted_speech=frozenset(data["inverted_speech_verbs"]),
        adverbs=frozenset(data["speech_adverbs"]),
        org_heads=frozenset(data["org_heads"]),
        connectors=frozenset(data["org_connectors"]),
        institutions=tuple(data["institution_nouns"]),
        never=frozenset(fold_name(w) for w in data["never"]),
        calendar=frozenset(fold(w) for w in (*data["weekdays"], *data["months"])),
        months=frozenset(fold(w) for w in data["months"]),
        places=places,
        place_words=frozenset(fold(p) for p in places if " " not in p),
        place_nouns=frozenset(data["place_nouns"]),
        listed_words=frozenset(listed),
        given_particles=frozenset(data["given_name_particles"]),
    )


# --------------------------------------------------------------------------- the pipeline


@dataclass(frozen=True)
class _Recognizer:
    nlp: Language
    names: PhraseMatcher  # gazetteer names and aliases, case-sensitive
    demonyms: PhraseMatcher  # case-sensitive
    titles: PhraseMatcher  # case-insensitive
    institutions: PhraseMatcher  # case-insensitive
    places: PhraseMatcher  # case-sensitive
    entries: tuple[GazetteerEntry, ...]
    model: Language | None


@lru_cache(maxsize=4)
def _recognizer(model: str | None) -> _Recognizer:
    nlp = spacy.blank("en")  # only its tokenizer runs (sentences: _sentence_starts)
    # "U.S.-trained" is one token by default; split the hyphen so "U.S." can match.
    infixes = list(nlp.Defaults.infixes) + [r"(?<=[A-Za-z]\.)-(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    entries = gazetteer_entries()
    vocab = _vocabulary()
    names = PhraseMatcher(nlp.vocab, attr="ORTH")
    demonyms = PhraseMatcher(nlp.vocab, attr="ORTH")
    for i, entry in enumerate(entries):
        names.add(str(i), [nlp.make_doc(s) for s in (entry.name, *entry.aliases)])
        if entry.demonyms:
            demonyms.add(str(i), [nlp.make_doc(s) for s in entry.demonyms])
    titles = PhraseMatcher(nlp.vocab, attr="LOWER")
    titles.add("title", [nlp.make_doc(t) for t in vocab.titles])
    institutions = PhraseMatcher(nlp.vocab, attr="LOWER")
    institutions.add("institution", [nlp.make_doc(t) for t in vocab.institutions])
    places = PhraseMatcher(nlp.vocab, attr="ORTH")
    places.add("place", [nlp.make_doc(p) for p in vocab.places])
    return _Recognizer(nlp, names, demonyms, titles, institutions, places, entries, _load_model(model))


def load_recognizer(model: str | None = None) -> None:
    """Build the matchers of ``model`` now: worker processes forked after this share them."""
    _recognizer(model)


def _load_model(model: str | None) -> Language | None:
    """An installed statistical pipeline, or ``None``; never downloads one."""
    if model is None:
        return None
    if not spacy.util.is_package(model):
        raise ValueError(f"spaCy model {model!r} is not installed (it is never downloaded)")
    return spacy.load(model)


class _Word(NamedTuple):
    """A run of tokens written without a space, joined by hyphens ("Al-Khatib").

    A named tuple, not a frozen dataclass: every word of every article is one,
    and a tuple is built several times faster.
    """

    text: str
    start: int  # character offsets in the segment
    end: int
    first_token: int
    last_token: int
    sent_start: bool


@dataclass(frozen=True)
class _Segment:
    """One piece of text read on its own: a block, or one item of a bullet list."""

    doc: Doc
    words: tuple[_Word, ...]
    word_at_token: tuple[int, ...]
    headline: bool  # Title Case: capitals say nothing about names
    text: str = ""  # doc.text, read once (spaCy rebuilds it on every access)
    token_starts: tuple[int, ...] = ()  # character offsets of each token (Token.idx)
    token_ends: tuple[int, ...] = ()  # and of each token's end
    token_texts: tuple[str, ...] = ()  # each token as written (Token.text, its ORTH)


@dataclass(frozen=True)
class _Candidate:
    segment: int
    start: int
    end: int
    surface: str
    type: ActorType
    method: str
    hint: str | None = None

    @property
    def rank(self) -> tuple[int, int, int]:
        return (-(self.end - self.start), _PRIORITY[self.method], self.start)


def extract_mentions(doc: CleanDoc, model: str | None = None) -> tuple[Mention, ...]:
    """The actors named in an article's title, summary, body and captions.

    Page furniture (``doc.removed``) is not read. One :class:`Mention` per spelling,
    with how often it occurs and the rule that found it, in order of first
    occurrence. ``canonical_hint`` is the gazetteer's name; for an acronym defined
    in the text, or a surname only one person of the article bears, it is the full
    name it stands for there. ``model`` names an installed spaCy pipeline whose entities add
    candidates; it is never downloaded (a missing one is a ``ValueError``).
    """
    rec = _recognizer(model)
    segments = _segments(doc, rec.nlp)
    found: list[_Candidate] = []
    for i, seg in enumerate(segments):
        found.extend(_gazetteer_candidates(rec, seg, i))
        if not seg.headline:
            found.extend(_rule_candidates(rec, seg, i))
            found.extend(_model_candidates(rec, seg, i))
    found = _drop_uncorroborated(found, segments)
    kept = _keep_longest(found, ())
    kept = _keep_longest(_acronym_candidates(segments, kept), kept)
    kept = _keep_longest(_repeat_candidates(rec, segments, kept), kept)
    return _as_mentions(kept)


def _segments(doc: CleanDoc, nlp: Language) -> tuple[_Segment, ...]:
    pieces: list[tuple[str, bool]] = []
    for block in doc.blocks:
        texts = block.items if block.kind == "bullets" else (block.text,)
        # A Title Case line is a headline whatever block it landed in, unless it ends a sentence.
        may_be_headline = block.kind in ("title", "heading") or not block.text.rstrip().endswith(_SENTENCE_ENDS)
        headline = block.kind != "bullets" and may_be_headline and _is_headline(block.text)
        pieces.extend((t, headline) for t in texts if t.strip())
    # Only the tokenizer runs: sentence starts are found by _sentence_starts (the
    # sentencizer's rule) on arrays read from the Doc in one call each.
    return tuple(_segment(nlp.make_doc(t), t, headline) for t, headline in pieces)


def _is_headline(text: str) -> bool:
    """Title Case: most content words capitalised, so capitals mark no names."""
    words = [w for w in text.split() if w[:1].isalpha() and len(w) > 3 and w.lower() not in STOP_WORDS]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= 0.75


# The characters ending a sentence for spaCy's rule-based sentencizer.
_SENTENCE_PUNCT = frozenset(Sentencizer.default_punct_chars)


def _sentence_starts(texts: Sequence[str], punct: Sequence[int]) -> list[bool]:
    """Which tokens open a sentence, by spaCy's ``sentencizer`` rule (``Sentencizer.predict``).

    A sentence ends after a run of tokens in its punctuation characters; the next
    token that is neither such a character nor punctuation opens the next one.
    Done here on plain lists because the pipe builds a Token object per token.
    """
    n = len(texts)
    starts = [False] * n
    if n:
        starts[0] = True
        start = 0
        seen_period = False
        for i in range(n):
            in_chars = texts[i] in _SENTENCE_PUNCT
            if seen_period and not punct[i] and not in_chars:
                starts[start] = True
                start = i
                seen_period = False
            elif in_chars:
                seen_period = True
        starts[start] = True
    return starts


def _segment(doc: Doc, text: str, headline: bool) -> _Segment:
    """The words of one tokenised piece; ``text`` is the piece, which is ``doc.text``
    (spaCy's tokenizer loses no character)."""
    n = len(doc)
    if not n:
        return _Segment(doc, (), (), headline, text)
    # Token attributes come as arrays in one call: spaCy builds a new Token object
    # on every doc[i] and joins every token on every doc.text.
    offsets, lengths, spaced, punct = doc.to_array([IDX, LENGTH, SPACY, IS_PUNCT]).T.tolist()
    ends = [start + length for start, length in zip(offsets, lengths)]
    texts = [text[start:end] for start, end in zip(offsets, ends)]
    sent_starts = _sentence_starts(texts, punct)
    if "-" not in texts:  # no hyphenated words (most pieces): one word per token
        opens: list[bool] = []
        seen_alpha_in_sentence = False
        for token, sent_start in zip(texts, sent_starts):
            if sent_start:
                seen_alpha_in_sentence = False
            is_alpha = token[:1].isalpha()
            opens.append(is_alpha and not seen_alpha_in_sentence)
            seen_alpha_in_sentence = seen_alpha_in_sentence or is_alpha
        indices = range(n)
        one_per_token = tuple(map(_Word, texts, offsets, ends, indices, indices, opens))
        return _Segment(doc, one_per_token, tuple(indices), headline, text, tuple(offsets), tuple(ends), tuple(texts))
    words: list[_Word] = []
    word_at_token = [0] * n
    i = 0
    seen_alpha_in_sentence = False
    while i < n:
        j = i
        # "Al-Khatib" is three tokens and one word
        while not spaced[j] and j + 2 < n and texts[j + 1] == "-" and not spaced[j + 1] and texts[j + 2][:1].isalpha():
            j += 2
        if sent_starts[i]:
            seen_alpha_in_sentence = False
        is_alpha = texts[i][:1].isalpha()
        start, end = offsets[i], ends[j]
        surface = texts[i] if i == j else text[start:end]
        words.append(_Word(surface, start, end, i, j, is_alpha and not seen_alpha_in_sentence))
        seen_alpha_in_sentence = seen_alpha_in_sentence or is_alpha
        if i == j:
            word_at_token[i] = len(words) - 1
        else:
            word_at_token[i : j + 1] = [len(words) - 1] * (j + 1 - i)
        i = j + 1
    return _Segment(doc, tuple(words), tuple(word_at_token), headline, text, tuple(offsets), tuple(ends), tuple(texts))


# --------------------------------------------------------------------------- gazetteer matches


def _gazetteer_candidates(rec: _Recognizer, seg: _Segment, index: int) -> Iterable[_Candidate]:
    doc = seg.doc
    shouting: bool | None = None  # asked only of a match written in capitals
    for match_id, start, end in rec.names(doc):
        entry = rec.entries[int(rec.nlp.vocab.strings[match_id])]
        start_char, end_char = seg.token_starts[start], seg.token_ends[end - 1]
        text = seg.text[start_char:end_char]
        if text.isupper():
            if shouting is None:
                shouting = _is_shouting(seg.text)
            if shouting:
                continue
        if entry.ambiguous and _next_to_name(seg, start, end):
            continue
        yield _Candidate(index, start_char, end_char, text, entry.type, "gazetteer", entry.name)
    institution_at: set[int] | None = None
    for match_id, start, end in rec.demonyms(doc):
        entry = rec.entries[int(rec.nlp.vocab.strings[match_id])]
        if institution_at is None:
            institution_at = _institution_starts(rec, doc)
        if end in institution_at:
            start_char, end_char = seg.token_starts[start], seg.token_ends[end - 1]
            surface = seg.text[start_char:end_char]
            yield _Candidate(index, start_char, end_char, surface, entry.type, "demonym", entry.name)


def _is_shouting(text: str) -> bool:
    """An all-capitals line, where "US" and "IS" may be plain words."""
    split = text.split()
    if not any(w.isupper() for w in split):
        return False  # no capitals word to count: most lines, answered without counting letters
    words = [w for w in split if (len(w) >= 2 if w.isalpha() else sum(c.isalpha() for c in w) >= 2)]
    return len(words) >= 4 and sum(w.isupper() for w in words) > len(words) / 2


def _next_to_name(seg: _Segment, start: int, end: int) -> bool:
    """A capitalised name word right before or after tokens ``start:end`` ("Chad Smith")."""
    first, last = seg.word_at_token[start], seg.word_at_token[end - 1]
    return any(_is_name_word(seg.words[k]) for k in (first - 1, last + 1) if 0 <= k < len(seg.words))


# An institution noun or title is looked for in the five tokens after a demonym.
_INSTITUTION_WINDOW = 5


def _institution_starts(rec: _Recognizer, doc: Doc) -> set[int]:
    """Tokens where an institution noun or a title starts ("Russian | lawmakers").

    Only phrases within ``_INSTITUTION_WINDOW`` tokens count. Both matchers run
    once over the whole segment (PhraseMatcher reports every match, overlapping
    ones too), not once per demonym on a copy of the tokens after it.
    """
    return {
        s
        for matcher in (rec.institutions, rec.titles)
        for _, s, e in matcher(doc)
        if e - s <= _INSTITUTION_WINDOW
    }


# --------------------------------------------------------------------------- rules


def _rule_candidates(rec: _Recognizer, seg: _Segment, index: int) -> Iterable[_Candidate]:
    blocked = _place_words(rec, seg)
    for run, method, kind in (*_title_runs(rec, seg), *_speech_runs(seg), *_particle_runs(seg), *_org_runs(seg)):
        if blocked & set(run):
            continue
        cand = _candidate_from_run(seg, index, run, method, kind)
        if cand is not None:
            yield cand


def _place_words(rec: _Recognizer, seg: _Segment) -> set[int]:
    """Indices of words inside a listed place ("Abu Dhabi", "Kuala Lumpur")."""
    out: set[int] = set()
    for _, start, end in rec.places(seg.doc):
        out.update(range(seg.word_at_token[start], seg.word_at_token[end - 1] + 1))
    return out


def _candidate_from_run(
    seg: _Segment, index: int, run: list[int], method: str, kind: ActorType
) -> _Candidate | None:
    words = [seg.words[k] for k in run]
    start, end = words[0].start, words[-1].end
    surface = seg.text[start:end]
    if fold_name(surface) in _vocabulary().never or not any(_is_name_word(w) or _is_org_head(w) for w in words):
        return None
    return _Candidate(index, start, end, surface, kind, method)


def _is_name_word(word: _Word) -> bool:
    """A capitalised word that can be part of a personal name."""
    return _is_name_text(word.text)


# Cached, as is _is_cap_text: pure functions of a word, asked of every word of every article.
@lru_cache(maxsize=1 << 16)
def _is_name_text(text: str) -> bool:
    if not text[:1].isupper() or not any(c.islower() for c in text) or _is_hyphen_adjective(text):
        return False
    if not all(c.isalpha() or c in "-'’" for c in text):
        return False
    folded = fold(text)
    vocab = _vocabulary()
    return not (
        folded in STOP_WORDS
        or folded in vocab.calendar
        or folded in vocab.never
        or folded in vocab.title_words
        or folded in vocab.listed_words
        or folded in vocab.place_words
        or text in vocab.org_heads
    )


def _is_hyphen_adjective(text: str) -> bool:
    """"Britain-based", "U.S.-trained": a compound adjective, not a name ("Jean-Marc" is)."""
    return any(part[:1].islower() for part in text.split("-")[1:])


def _is_org_head(word: _Word) -> bool:
    return word.text in _vocabulary().org_heads


def _is_cap_word(word: _Word) -> bool:
    """A capitalised word that can stand in an organisation's name."""
    return _is_cap_text(word.text)


@lru_cache(maxsize=1 << 16)
def _is_cap_text(text: str) -> bool:
    folded = fold(text)
    vocab = _vocabulary()
    return (
        text[:1].isupper()
        and any(c.isalpha() for c in text)
        and not _is_hyphen_adjective(text)
        and folded not in STOP_WORDS
        and folded not in vocab.calendar
        and folded not in vocab.never
    )


def _name_run(seg: _Segment, start: int, step: int) -> list[int]:
    """Word indices of the personal name that starts at ``start`` going ``step`` (+1 or -1)."""
    words = seg.words
    run: list[int] = []
    k = start
    while 0 <= k < len(words) and len(run) < _MAX_NAME_WORDS:
        w = words[k]
        if _is_name_word(w) or split_hyphen_particle(w.text) is not None:
            run.append(k)
        elif _is_month_surname(seg, k, step, run):
            run.append(k)
            if step > 0:
                break  # a month only ever ends a name
        elif is_particle(w.text) and 0 <= k + step < len(words) and _is_name_word(words[k + step]):
            run.append(k)
        else:
            break
        k += step
    run.sort()
    return _trim_particles(seg, run)


def _is_month_surname(seg: _Segment, k: int, step: int, run: list[int]) -> bool:
    """"May" in "Theresa May told": a month after a name word, with no number after it."""
    words = seg.words
    if fold(words[k].text) not in _vocabulary().months or not words[k].text[:1].isupper():
        return False
    after = words[k + 1].text if k + 1 < len(words) else ""
    if after[:1].isdigit():
        return False
    if step > 0:
        return bool(run)
    return not run and k > 0 and _is_name_word(words[k - 1])


def _trim_particles(seg: _Segment, run: list[int]) -> list[int]:
    """Drop free particles at a run's edges ("bin" alone is no name)."""
    given = _vocabulary().given_particles
    while run and is_particle(seg.words[run[-1]].text):
        run = run[:-1]
    while run and is_particle(seg.words[run[0]].text) and fold(seg.words[run[0]].text) not in given:
        run = run[1:]
    return run


def _title_runs(rec: _Recognizer, seg: _Segment) -> Iterable[tuple[list[int], str, ActorType]]:
    """People right after a title ("Foreign Minister Sergei Lavrov")."""
    regnal = _vocabulary().regnal
    for _, start, end in rec.titles(seg.doc):
        after = seg.word_at_token[end - 1] + 1
        if end < len(seg.doc) and seg.word_at_token[end] == seg.word_at_token[end - 1]:
            continue  # the title is only the front of a longer word
        run = _name_run(seg, after, +1)
        if not run:
            continue
        if end - start == 1 and len(run) == 1 and seg.text[seg.token_starts[start] : seg.token_ends[start]] in regnal:
            run = [seg.word_at_token[start], *run]
        yield run, "title", "person"


def _speech_runs(seg: _Segment) -> Iterable[tuple[list[int], str, ActorType]]:
    """Speakers before ("Lavrov said") or after ("said Ahmad Ramadan") a speech verb."""
    vocab = _vocabulary()
    words = seg.words
    for i, w in enumerate(words):
        if w.text not in vocab.speech:
            continue
        k = i - 1
        while k >= 0 and words[k].text in vocab.adverbs and i - k <= 2:
            k -= 1
        run = _name_run(seg, k, -1)
        if run:
            yield run, "speech", _speaker_type(seg, run)
        if w.text in vocab.inverted_speech:
            run = _name_run(seg, i + 1, +1)
            if run:
                yield run, "speech", "person"


def _speaker_type(seg: _Segment, run: list[int]) -> ActorType:
    return "organisation" if _is_org_head(seg.words[run[-1]]) else "person"


def _particle_runs(seg: _Segment) -> Iterable[tuple[list[int], str, ActorType]]:
    """Capitalised runs holding a name particle ("Mouaz Al Khatib", "Mohammed bin Salman")."""
    vocab = _vocabulary()
    words = seg.words
    for i, w in enumerate(words):
        if not _holds_particle(w.text):
            continue
        hyphenated = split_hyphen_particle(w.text) is not None
        left = _name_run(seg, i - 1, -1) if i > 0 else []
        right = _name_run(seg, i + 1, +1) if i + 1 < len(words) else []
        if not hyphenated and not right:
            continue
        if not hyphenated and not left and fold(w.text) not in vocab.given_particles:
            continue
        run = [*left, i, *right]
        before = words[run[0] - 1].text if run[0] > 0 else ""
        after = words[run[-1] + 1].text if run[-1] + 1 < len(words) else ""
        if before.lower() == "the" or after in vocab.place_nouns:
            continue  # "the Assal Al Ward area" is a place
        yield run, "particle", "person"


@lru_cache(maxsize=1 << 16)
def _holds_particle(text: str) -> bool:
    """A particle ("bin", "Al") or a word opening with one ("Al-Khatib"): asked of every word."""
    return split_hyphen_particle(text) is not None or is_particle(text)


def _org_runs(seg: _Segment) -> Iterable[tuple[list[int], str, ActorType]]:
    """Organisations ending on a head noun, with an optional "for/of ..." tail."""
    vocab = _vocabulary()
    words = seg.words
    for i, w in enumerate(words):
        if not _is_org_head(w):
            continue
        left: list[int] = []
        k = i - 1
        while k >= 0 and _is_cap_word(words[k]) and not _is_org_head(words[k]) and len(left) < 5:
            left.insert(0, k)
            k -= 1
        tail = _org_tail(seg, i + 1)
        modifiers = [words[k] for k in left]
        if not tail and not any(fold(m.text) not in vocab.listed_words for m in modifiers):
            continue  # "Syrian Army" is the state's army; "Coalition leader" is no name
        yield [*left, i, *tail], "org-head", "organisation"


def _org_tail(seg: _Segment, start: int) -> list[int]:
    """"for Human Rights", "for Syrian Revolutionary and Opposition Forces"."""
    vocab = _vocabulary()
    words = seg.words
    tail: list[int] = []
    k = start
    while k < len(words) and words[k].text in vocab.connectors and words[k].text != "the":
        j = k + 1
        if j < len(words) and words[j].text == "the":
            j += 1
        part = []
        while j < len(words) and _is_cap_word(words[j]):
            part.append(j)
            j += 1
        if not part or (words[k].text == "and" and not _is_org_head(words[part[-1]])):
            break
        tail.extend(range(k, part[-1] + 1))
        k = part[-1] + 1
    return tail


def _model_candidates(rec: _Recognizer, seg: _Segment, index: int) -> Iterable[_Candidate]:
    if rec.model is None:
        return
    labels: dict[str, ActorType] = {"PERSON": "person", "ORG": "organisation"}
    for ent in rec.model(seg.text).ents:
        kind = labels.get(ent.label_)
        if kind and fold_name(ent.text) not in _vocabulary().never and ent.text not in _vocabulary().places:
            yield _Candidate(index, ent.start_char, ent.end_char, ent.text, kind, "model")


def _drop_uncorroborated(found: list[_Candidate], segments: tuple[_Segment, ...]) -> list[_Candidate]:
    """A one-word person opening a sentence needs the word capitalised mid-sentence elsewhere.

    A sentence's first word is capitalised whatever it is; only a capital elsewhere
    (or a longer name holding the word) shows it to be a name.
    """
    vouched: set[str] = set()
    for seg in segments:
        if not seg.headline:
            vouched.update(k for w in seg.words if not w.sent_start and _is_name_word(w) for k in core_keys(w.text))
    for c in found:
        if c.type == "person" and len(split_name(c.surface)) > 1:
            vouched.update(core_keys(c.surface))
    openings: dict[int, set[int]] = {}  # per segment: where its sentences' first words start
    out = []
    for c in found:
        if c.type == "person" and c.method != "gazetteer" and len(split_name(c.surface)) == 1:
            if c.segment not in openings:
                openings[c.segment] = {w.start for w in segments[c.segment].words if w.sent_start}
            if c.start in openings[c.segment] and not set(core_keys(c.surface)) <= vouched:
                continue
        out.append(c)
    return out


def _keep_longest(found: Iterable[_Candidate], kept: Sequence[_Candidate]) -> tuple[_Candidate, ...]:
    """Add candidates to ``kept``, longest first, skipping any that overlaps a kept one."""
    taken: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for c in kept:
        taken[c.segment].append((c.start, c.end))
    out = list(kept)
    for c in sorted(found, key=lambda c: (c.segment, *c.rank)):
        if any(c.start < e and s < c.end for s, e in taken[c.segment]):
            continue
        taken[c.segment].append((c.start, c.end))
        out.append(c)
    return tuple(sorted(out, key=lambda c: (c.segment, c.start)))


# --------------------------------------------------------------------------- second pass


def _acronym_candidates(segments: tuple[_Segment, ...], kept: Sequence[_Candidate]) -> list[_Candidate]:
    """Acronyms defined in parentheses, or spelling the initials of an organisation named here."""
    out: list[_Candidate] = []
    orgs = [c for c in kept if c.type == "organisation" and " " in c.surface]
    for i, seg in enumerate(segments):
        words = seg.words
        for k, w in enumerate(words):
            if not _looks_like_acronym(w.text) or any(c.segment == i and c.start <= w.start < c.end for c in kept):
                continue
            defined = _defined_by(seg, i, k, kept)
            if defined is not None:
                out.append(_Candidate(i, w.start, w.end, w.text, defined.type, "acronym-definition", _hint_of(defined)))
                continue
            spelled = sorted({_hint_of(o) for o in orgs if initials(o.surface, _ACRONYM_SKIP) == w.text})
            if len(spelled) == 1:
                out.append(_Candidate(i, w.start, w.end, w.text, "organisation", "acronym-initials", spelled[0]))
    defined_here = {c.surface: c for c in out}
    for i, seg in enumerate(segments if defined_here else ()):  # later uses of an acronym defined once
        for w in seg.words:
            c = defined_here.get(w.text)
            if c is not None and not any(o.segment == i and o.start == w.start for o in out):
                out.append(_Candidate(i, w.start, w.end, w.text, c.type, c.method, c.hint))
    return out


@lru_cache(maxsize=1 << 16)
def _looks_like_acronym(text: str) -> bool:
    if not text[:1].isupper():
        return False  # its first character must be a letter, and every letter a capital
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 8 and all(c.isupper() for c in letters) and text[:1].isalpha()


def _defined_by(seg: _Segment, index: int, k: int, kept: Sequence[_Candidate]) -> _Candidate | None:
    """The name an acronym in "(...)" right after it defines: "... Forces (SNC)"."""
    words = seg.words
    if not (0 < k < len(words) - 1 and words[k - 1].text == "(" and words[k + 1].text == ")"):
        return None
    opening = words[k - 1].start
    for c in kept:
        if c.segment != index or not 0 <= opening - c.end <= 1 or " " not in c.surface:
            continue
        if c.type == "person" and initials(c.surface) != words[k].text:
            continue
        return c
    return None


def _hint_of(c: _Candidate) -> str:
    return c.hint or c.surface


def _repeat_candidates(
    rec: _Recognizer, segments: tuple[_Segment, ...], kept: Sequence[_Candidate]
) -> list[_Candidate]:
    """Every later use of a name found once, people's bare surnames included ("Lavrov").

    A surname carries the full name it stands for as its hint when only one person
    of the article bears it; with two, it is left for resolution to judge.
    """
    readings: dict[str, set[tuple[ActorType, str | None]]] = defaultdict(set)
    for c in kept:
        if c.method in ("gazetteer", "demonym"):
            continue  # their matchers saw every use already; a bare demonym is no actor
        forms = _repeat_forms(c)
        readings[forms[0]].add((c.type, c.hint))
        for form in forms[1:]:
            readings[form].add(("person", c.surface))
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
            out.append(_Candidate(i, start_char, end_char, seg.text[start_char:end_char], kind, "repeat", hint))
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


def _find_token_runs(index: _PhraseIndex, seg: _Segment) -> list[tuple[str, int, int]]:
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


def _match_phrases(rec: _Recognizer, forms: Iterable[str], seg: _Segment) -> list[tuple[str, int, int]]:
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


def _is_date_word(seg: _Segment, k: int) -> bool:
    words = seg.words
    if fold(words[k].text) not in _vocabulary().months:
        return False
    before = fold(words[k - 1].text) if k > 0 else ""
    after = words[k + 1].text if k + 1 < len(words) else ""
    return before in STOP_WORDS or after[:1].isdigit()


def _repeat_forms(c: _Candidate) -> list[str]:
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


def _as_mentions(kept: Sequence[_Candidate]) -> tuple[Mention, ...]:
    counts: Counter[tuple[str, str, str | None]] = Counter()
    methods: dict[tuple[str, str, str | None], str] = {}
    order: list[tuple[str, str, str | None]] = []
    for c in kept:
        key = (c.surface, c.type, c.hint)
        if key not in counts:
            order.append(key)
        counts[key] += 1
        if key not in methods or _PRIORITY[c.method] < _PRIORITY[methods[key]]:
            methods[key] = c.method
    return tuple(Mention(s, t, counts[(s, t, h)], methods[(s, t, h)], h) for s, t, h in order)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- decisions


@dataclass(frozen=True)
class ActorDecisions:
    """The archivist's word on actors (``seeds/actors.yml``); it always wins.

    Names are matched, case- and hyphen-insensitively, against an actor's
    canonical name, its id and every spelling seen.
    """

    merge: tuple[tuple[str, ...], ...] = ()  # each group becomes one actor
    split: tuple[tuple[str, str], ...] = ()  # pairs that must never be merged
    rename: tuple[tuple[str, str], ...] = ()  # name -> new canonical name
    drop: tuple[str, ...] = ()  # not actors at all
    types: tuple[tuple[str, ActorType], ...] = ()  # name -> type
    descriptions: tuple[tuple[str, str], ...] = ()  # name -> one line


_DECISION_KEYS = ("merge", "split", "never_merge", "rename", "drop", "type", "description")


def parse_actor_decisions(data: object, path: str) -> tuple[ActorDecisions, tuple[Problem, ...]]:
    """Read the archivist's actor decisions from the parsed YAML of ``path``.

    Keys: ``merge`` (lists of names), ``split`` or ``never_merge`` (pairs),
    ``rename`` / ``type`` / ``description`` (name -> value) and ``drop`` (names).
    An unknown key or a bad value is a :class:`Problem` naming the path and the
    key; every other decision still applies.
    """
    if data is None:
        return ActorDecisions(), ()
    if not isinstance(data, dict):
        return ActorDecisions(), (Problem(path, "expected a mapping of decisions (merge, split, rename, ...)"),)
    problems: list[Problem] = []
    for key in sorted(str(k) for k in data if k not in _DECISION_KEYS):
        problems.append(Problem(path, f"unknown key {key!r}; known keys: {', '.join(_DECISION_KEYS)}"))
    merge = _parse_groups(data.get("merge"), "merge", path, problems, exact=None)
    split = _parse_groups(data.get("split"), "split", path, problems, exact=2)
    split += _parse_groups(data.get("never_merge"), "never_merge", path, problems, exact=2)
    rename = _parse_mapping(data.get("rename"), "rename", path, problems, _is_name)
    types = _parse_mapping(data.get("type"), "type", path, problems, lambda v: v in ACTOR_TYPES)
    descriptions = _parse_mapping(data.get("description"), "description", path, problems, _is_line)
    drop = _parse_names(data.get("drop"), "drop", path, problems)
    decisions = ActorDecisions(
        merge=tuple(merge),
        split=tuple((a, b) for a, b in split),
        rename=tuple(rename),
        drop=tuple(drop),
        types=tuple(types),  # type: ignore[arg-type]
        descriptions=tuple(descriptions),
    )
    return decisions, tuple(problems)


def _is_name(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip()) and "\n" not in value


def _is_line(value: object) -> bool:
    return isinstance(value, str) and "\n" not in value.strip()


def _parse_groups(
    raw: object, key: str, path: str, problems: list[Problem], exact: int | None
) -> list[tuple[str, ...]]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.append(Problem(path, f"{key}: expected a list of name lists"))
        return []
    out = []
    want = f"exactly {exact}" if exact else "at least 2"
    for i, group in enumerate(raw):
        ok = isinstance(group, list) and all(_is_name(n) for n in group)
        size_ok = ok and (len(group) == exact if exact else len(group) >= 2)
        if not size_ok:
            problems.append(Problem(path, f"{key}[{i}]: expected a list of {want} names, got {group!r}"))
            continue
        out.append(tuple(n.strip() for n in group))
    return out


def _parse_mapping(raw: object, key: str, path: str, problems: list[Problem], valid: Any) -> list[tuple[str, str]]:
    if raw is None:
        return []
    if not isinstance(raw, dict):
        problems.append(Problem(path, f"{key}: expected a mapping of name: value"))
        return []
    out = []
    for name, value in raw.items():
        if not _is_name(name) or not valid(value):
            problems.append(Problem(path, f"{key}: bad value for {name!r}: {value!r}"))
            continue
        out.append((str(name).strip(), value.strip()))
    return sorted(out)


def _parse_names(raw: object, key: str, path: str, problems: list[Problem]) -> list[str]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.append(Problem(path, f"{key}: expected a list of names"))
        return []
    out = []
    for i, name in enumerate(raw):
        if not _is_name(name):
            problems.append(Problem(path, f"{key}[{i}]: expected a name, got {name!r}"))
            continue
        out.append(name.strip())
    return out


# --------------------------------------------------------------------------- resolution


@dataclass(frozen=True)
class _Node:
    """One spelling of one type in one article (a bare surname's meaning is local)."""

    article: str
    surface: str
    type: ActorType
    hint: str | None
    count: int

    @property
    def name(self) -> str:
        return self.hint or self.surface

    @cached_property
    def listed(self) -> GazetteerEntry | None:
        return _gazetteer_by_name().get(fold_name(self.hint)) if self.hint else None

    @cached_property
    def full_person(self) -> bool:
        return self.type == "person" and self.listed is None and len(split_name(self.name)) >= 2

    @cached_property
    def bare_person(self) -> bool:
        return self.type == "person" and self.listed is None and len(split_name(self.name)) == 1


class _Clusters:
    """Union-find over nodes, refusing unions the archivist forbade."""

    def __init__(self, nodes: Sequence[_Node], split: Sequence[tuple[str, str]]):
        self.nodes = nodes
        self.parent = list(range(len(nodes)))
        self.groups: dict[int, list[int]] = {i: [i] for i in range(len(nodes))}
        self.split = [(fold_name(a), fold_name(b)) for a, b in split]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def members(self, i: int) -> list[int]:
        return sorted(self.groups[self.find(i)])

    def names(self, i: int) -> set[str]:
        return {fold_name(n) for k in self.members(i) for n in (self.nodes[k].surface, self.nodes[k].name)}

    def forbidden(self, i: int, j: int) -> bool:
        if not self.split:
            return False
        a, b = self.names(i), self.names(j)
        return any((x in a and y in b) or (x in b and y in a) for x, y in self.split)

    def union(self, i: int, j: int, force: bool = False) -> bool:
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return True
        if not force and self.split and self.forbidden(ri, rj):
            return False
        keep, gone = min(ri, rj), max(ri, rj)
        self.parent[gone] = keep
        self.groups[keep].extend(self.groups.pop(gone))
        return True

    def roots(self) -> list[int]:
        return sorted(self.groups)


def resolve_actors(
    mentions_by_article: Mapping[str, Sequence[Mention]],
    decisions: ActorDecisions | None = None,
) -> tuple[tuple[Actor, ...], dict[str, tuple[str, ...]]]:
    """One actor per real-world entity across the archive, and each article's actors.

    Spellings merge when the gazetteer lists them under one name, when they fold to
    the same name, when two full personal names agree on surname and on given name
    or a second word (fuzzy, for transliterations), when an acronym is defined as a
    name, or when a short organisation name sits inside exactly one longer one. A
    bare surname resolves to the one full name sharing it in its own article, else in
    the archive, else stays its own actor. Decisions then merge, rename, retype,
    describe and drop, and their never-merge pairs are never crossed.

    Returns the actors sorted by id and, for each article id, its actor ids by
    prominence (mentions, then name).
    """
    decisions = decisions or ActorDecisions()
    nodes = _nodes(mentions_by_article)
    clusters = _Clusters(nodes, decisions.split)
    _merge_same_names(clusters)
    _merge_person_variants(clusters)
    _merge_short_org_names(clusters)
    _merge_bare_surnames(clusters)
    for group in decisions.merge:
        matched = [r for r in clusters.roots() if any(_refers_to(clusters, r, n) for n in group)]
        for r in matched[1:]:
            clusters.union(matched[0], r, force=True)
    return _build_actors(clusters, mentions_by_article, decisions)


def _nodes(mentions_by_article: Mapping[str, Sequence[Mention]]) -> list[_Node]:
    counts: Counter[tuple[str, str, str, str | None]] = Counter()
    for article in sorted(mentions_by_article):
        for m in mentions_by_article[article]:
            counts[(article, m.surface, m.type, m.canonical_hint)] += m.count
    return [
        _Node(a, s, t, h, c)  # type: ignore[arg-type]
        for (a, s, t, h), c in sorted(counts.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2], kv[0][3] or ""))
    ]


def _identity(node: _Node) -> tuple[str, ...] | None:
    """A key that alone proves two nodes one actor; ``None`` for bare surnames."""
    listed = node.listed
    if listed is not None:
        return ("listed", listed.name)
    by_name = _gazetteer_by_name().get(fold_name(node.name))
    if by_name is not None and by_name.type == node.type:
        return ("listed", by_name.name)
    if node.bare_person:
        return None
    if node.type == "person":
        return ("person", *core_keys(node.name))
    return (node.type, fold_name(node.name).removeprefix("the "))


def _merge_same_names(clusters: _Clusters) -> None:
    first: dict[tuple[str, ...], int] = {}
    for i, node in enumerate(clusters.nodes):
        key = _identity(node)
        if key is None:
            continue
        if key in first:
            clusters.union(first[key], i)
        else:
            first[key] = i


def _nodes_by_name(clusters: _Clusters, keep: Any) -> dict[str, list[int]]:
    """The nodes of each distinct name passing ``keep``: names, not their many uses, are compared."""
    out: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(clusters.nodes):
        if keep(n):
            out[n.name].append(i)
    return out


def _merge_person_variants(clusters: _Clusters) -> None:
    """Full names that are one person's; every pair across the two groups must agree."""
    by_name = _nodes_by_name(clusters, lambda n: n.full_person)
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in sorted(by_name):
        by_surname[core_keys(name)[-1]].append(name)
    names_of: dict[int, set[str]] = defaultdict(set)
    for name, members in by_name.items():
        for k in members:
            names_of[clusters.find(k)].add(name)
    for a, b in _pairs_with_agreeing_surnames(by_surname):
        if not are_same_person(a, b):
            continue
        i, j = clusters.find(by_name[a][0]), clusters.find(by_name[b][0])
        if i == j or not all(are_same_person(x, y) for x in names_of[i] for y in names_of[j]):
            continue
        if clusters.union(i, j):
            root = clusters.find(i)
            names_of[root] = names_of.pop(i) | names_of.pop(j)


def _pairs_with_agreeing_surnames(by_surname: dict[str, list[str]]) -> Iterable[tuple[str, str]]:
    """Pairs of names whose surnames agree, found without comparing every name with every other."""
    surnames = sorted(by_surname)
    for pos, s1 in enumerate(surnames):
        names = by_surname[s1]
        yield from ((a, b) for i, a in enumerate(names) for b in names[i + 1 :])
        for s2 in surnames[pos + 1 :]:
            if s2[:1] != s1[:1]:
                break  # sorted: no later surname shares the first letter that agreement needs
            if same_token(s1, s2):
                yield from ((a, b) for a in names for b in by_surname[s2])


def _merge_short_org_names(clusters: _Clusters) -> None:
    """"National Coalition" joins the one organisation whose name holds it, here or elsewhere."""
    nodes = clusters.nodes
    spelled: list[tuple[tuple[str, ...], int]] = []  # every organisation spelling, as words
    for k, other in enumerate(nodes):
        if other.type == "organisation":
            spelled.extend((tuple(fold_name(n).split()), k) for n in set(_org_spellings(other)))
    for i, node in enumerate(nodes):
        if node.type != "organisation" or node.listed is not None or node.hint:
            continue
        words = tuple(fold_name(node.surface).removeprefix("the ").split())
        if len(words) < 2:
            continue
        holders = [k for longer, k in spelled if _contains(longer, words)]
        for scope in (node.article, None):
            hits = sorted(
                {
                    clusters.find(k)
                    for k in holders
                    if (scope is None or nodes[k].article == scope) and clusters.find(k) != clusters.find(i)
                }
            )
            if len(hits) == 1:
                clusters.union(hits[0], i)
                break
            if hits:
                break


def _org_spellings(node: _Node) -> tuple[str, ...]:
    listed = node.listed
    if listed is not None:
        return (node.surface, listed.name, *listed.aliases)
    return (node.surface, node.name)


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return len(longer) > n and any(longer[k : k + n] == shorter for k in range(len(longer) - n + 1))


def _merge_bare_surnames(clusters: _Clusters) -> None:
    """A bare surname joins the one full name it can mean: in its article, else archive-wide.

    With two different people of that surname in scope it stays its own, ambiguous actor.
    """
    nodes = clusters.nodes
    bare = [i for i, n in enumerate(nodes) if n.bare_person]
    full_in: dict[str, list[int]] = defaultdict(list)
    for k, n in enumerate(nodes):
        if n.full_person:
            full_in[n.article].append(k)
    by_surname: dict[str, list[int]] = defaultdict(list)  # one node per distinct full name
    for name, members in sorted(_nodes_by_name(clusters, lambda n: n.full_person).items()):
        surname = surname_key(name)
        if surname is not None:
            by_surname[surname].append(members[0])
    surnames = sorted(by_surname)
    unresolved = []
    for i in bare:
        key = core_keys(nodes[i].name)[0]
        target = _only_cluster(clusters, i, full_in[nodes[i].article], key, given_too=True)
        if target is None:
            bearers = [k for s in surnames if s[:1] == key[:1] and same_token(s, key) for k in by_surname[s]]
            target = _only_cluster(clusters, i, bearers, key, given_too=False)
        if target is None or not clusters.union(target, i):
            unresolved.append(i)
    first: dict[str, int] = {}
    for i in unresolved:
        key = core_keys(nodes[i].name)[0]
        if clusters.find(i) != i:
            continue
        if key in first:
            clusters.union(first[key], i)
        else:
            first[key] = i


def _only_cluster(clusters: _Clusters, i: int, candidates: list[int], key: str, given_too: bool) -> int | None:
    nodes = clusters.nodes
    by_surname = {clusters.find(k) for k in candidates if _surname_matches(nodes[k].name, key)}
    if not by_surname and given_too:  # "President Xi" for "Xi Jinping": family name first
        by_surname = {clusters.find(k) for k in candidates if same_token(core_keys(nodes[k].name)[0], key)}
    allowed = sorted(r for r in by_surname if not clusters.forbidden(r, i))
    return allowed[0] if len(by_surname) == 1 and allowed else None


def _surname_matches(name: str, key: str) -> bool:
    surname = surname_key(name)
    return surname is not None and same_token(surname, key)


def _refers_to(clusters: _Clusters, root: int, name: str) -> bool:
    folded = fold_name(name)
    if folded in clusters.names(root):
        return True
    members = [clusters.nodes[k] for k in clusters.members(root)]
    return folded in {fold_name(_canonical(members)), slugify(_canonical(members)).replace("-", " ")}


def _canonical(members: Sequence[_Node]) -> str:
    """The gazetteer's name, else the most common complete form of the name."""
    listed = Counter(n.listed.name for n in members if n.listed is not None)
    for n in members:
        by_name = _gazetteer_by_name().get(fold_name(n.name))
        if by_name is not None and by_name.type == n.type:
            listed[by_name.name] += n.count
    if listed:
        return min(listed.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    if _majority_type(members) == "person":
        forms: Counter[str] = Counter()
        for n in members:
            forms[n.name] += n.count
        return compose_person_name(sorted(forms.items()))
    forms = Counter()
    for n in members:
        forms[n.name.removeprefix("the ").removeprefix("The ")] += n.count
    return min(forms.items(), key=lambda kv: (kv[0].isupper(), -kv[1], -len(kv[0]), kv[0]))[0]


def _majority_type(members: Sequence[_Node]) -> ActorType:
    for n in members:
        if n.listed is not None:
            return n.listed.type
    weights: Counter[str] = Counter()
    for n in members:
        weights[n.type] += n.count
    return min(weights.items(), key=lambda kv: (-kv[1], ACTOR_TYPES.index(kv[0])))[0]  # type: ignore[return-value]


def _build_actors(
    clusters: _Clusters, mentions_by_article: Mapping[str, Sequence[Mention]], decisions: ActorDecisions
) -> tuple[tuple[Actor, ...], dict[str, tuple[str, ...]]]:
    drafts = []
    for root in clusters.roots():
        members = [clusters.nodes[k] for k in clusters.members(root)]
        name, kind, description = _canonical(members), _majority_type(members), None

        def named(target: str, root: int = root) -> bool:
            return _refers_to(clusters, root, target)

        if any(named(n) for n in decisions.drop):
            continue
        for old, new in decisions.rename:
            if named(old):
                name = new
        for target, new_type in decisions.types:
            if named(target) or fold_name(target) == fold_name(name):
                kind = new_type
        for target, text in decisions.descriptions:
            if named(target) or fold_name(target) == fold_name(name):
                description = text
        drafts.append((name, kind, description, members))
    actors = []
    per_article: dict[str, Counter[str]] = {a: Counter() for a in mentions_by_article}
    used: set[str] = set()
    names_by_id: dict[str, str] = {}
    for name, kind, description, members in sorted(drafts, key=lambda d: (slugify(d[0]), d[0], d[1])):
        actor_id = _unique_id(slugify(name), used)
        names_by_id[actor_id] = name
        for n in members:
            per_article[n.article][actor_id] += n.count
        actors.append(
            Actor(
                id=actor_id,
                name=name,
                type=kind,
                surfaces=tuple(sorted({n.surface for n in members})),
                article_ids=tuple(sorted({n.article for n in members})),
                description=description,
            )
        )
    ordered = {
        article: tuple(sorted(counts, key=lambda aid: (-counts[aid], names_by_id[aid], aid)))
        for article, counts in sorted(per_article.items())
    }
    return tuple(sorted(actors, key=lambda a: a.id)), ordered


def _unique_id(slug: str, used: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in used:
        candidate, n = f"{slug}-{n}", n + 1
    used.add(candidate)
    return candidate
