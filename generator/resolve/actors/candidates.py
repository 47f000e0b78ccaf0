"""The first pass over an article: spans the gazetteer, the rules or a model take for actors.

* the gazetteer's states, organisations, armed groups and news agencies, matched
  case-sensitively so "US" and "IS" are actors and "us" and "is" are words;
* demonyms that denote a state when an institution noun or a title follows
  ("Russian lawmakers", "Saudi Foreign Minister");
* people named by a title ("Foreign Minister X", "coordinator X"), a speech verb
  ("X said", "said X") or a name particle inside a capitalised run ("Moaz Al-Khatib");
* organisations ending on a head noun ("the X Committee", "X Observatory for Y");
* the entities of a statistical spaCy model, when one is installed and named.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from generator.model import ActorType
from generator.resolve.actors.gazetteer import Recognizer, vocabulary
from generator.resolve.actors.names import fold_name, is_particle, split_hyphen_particle
from generator.resolve.actors.segments import Candidate, Segment, Word
from generator.text import fold

# A personal name longer than this is a run of capitalised words, not a name.
_MAX_NAME_WORDS = 6


def find_gazetteer_candidates(rec: Recognizer, seg: Segment, index: int) -> Iterable[Candidate]:
    """Listed names and aliases in segment ``index``, and demonyms an institution or title follows."""
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
        yield Candidate(index, start_char, end_char, text, entry.type, "gazetteer", entry.name)
    institution_at: set[int] | None = None
    for match_id, start, end in rec.demonyms(doc):
        entry = rec.entries[int(rec.nlp.vocab.strings[match_id])]
        if institution_at is None:
            institution_at = _institution_starts(rec, doc)
        if end in institution_at:
            start_char, end_char = seg.token_starts[start], seg.token_ends[end - 1]
            surface = seg.text[start_char:end_char]
            yield Candidate(index, start_char, end_char, surface, entry.type, "demonym", entry.name)


def _is_shouting(text: str) -> bool:
    """An all-capitals line, where "US" and "IS" may be plain words."""
    split = text.split()
    if not any(w.isupper() for w in split):
        return False  # no capitals word to count: most lines, answered without counting letters
    words = [w for w in split if (len(w) >= 2 if w.isalpha() else sum(c.isalpha() for c in w) >= 2)]
    return len(words) >= 4 and sum(w.isupper() for w in words) > len(words) / 2


def _next_to_name(seg: Segment, start: int, end: int) -> bool:
    """A capitalised name word right before or after tokens ``start:end`` ("Chad Smith")."""
    first, last = seg.word_at_token[start], seg.word_at_token[end - 1]
    return any(is_name_word(seg.words[k]) for k in (first - 1, last + 1) if 0 <= k < len(seg.words))


# An institution noun or title is looked for in the five tokens after a demonym.
_INSTITUTION_WINDOW = 5


def _institution_starts(rec: Recognizer, doc: Doc) -> set[int]:
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


def find_rule_candidates(rec: Recognizer, seg: Segment, index: int) -> Iterable[Candidate]:
    """People by title, speech verb or name particle, and organisations by head noun, outside listed places."""
    blocked = _place_words(rec, seg)
    for run, method, kind in (*_title_runs(rec, seg), *_speech_runs(seg), *_particle_runs(seg), *_org_runs(seg)):
        if blocked & set(run):
            continue
        cand = _candidate_from_run(seg, index, run, method, kind)
        if cand is not None:
            yield cand


def _place_words(rec: Recognizer, seg: Segment) -> set[int]:
    """Indices of words inside a listed place ("Abu Dhabi", "Kuala Lumpur")."""
    out: set[int] = set()
    for _, start, end in rec.places(seg.doc):
        out.update(range(seg.word_at_token[start], seg.word_at_token[end - 1] + 1))
    return out


def _candidate_from_run(
    seg: Segment, index: int, run: list[int], method: str, kind: ActorType
) -> Candidate | None:
    words = [seg.words[k] for k in run]
    start, end = words[0].start, words[-1].end
    surface = seg.text[start:end]
    if fold_name(surface) in vocabulary().never or not any(is_name_word(w) or _is_org_head(w) for w in words):
        return None
    return Candidate(index, start, end, surface, kind, method)


def is_name_word(word: Word) -> bool:
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
    vocab = vocabulary()
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


def _is_org_head(word: Word) -> bool:
    return word.text in vocabulary().org_heads


def _is_cap_word(word: Word) -> bool:
    """A capitalised word that can stand in an organisation's name."""
    return _is_cap_text(word.text)


@lru_cache(maxsize=1 << 16)
def _is_cap_text(text: str) -> bool:
    folded = fold(text)
    vocab = vocabulary()
    return (
        text[:1].isupper()
        and any(c.isalpha() for c in text)
        and not _is_hyphen_adjective(text)
        and folded not in STOP_WORDS
        and folded not in vocab.calendar
        and folded not in vocab.never
    )


def _name_run(seg: Segment, start: int, step: int) -> list[int]:
    """Word indices of the personal name that starts at ``start`` going ``step`` (+1 or -1)."""
    words = seg.words
    run: list[int] = []
    k = start
    while 0 <= k < len(words) and len(run) < _MAX_NAME_WORDS:
        w = words[k]
        if is_name_word(w) or split_hyphen_particle(w.text) is not None:
            run.append(k)
        elif _is_month_surname(seg, k, step, run):
            run.append(k)
            if step > 0:
                break  # a month only ever ends a name
        elif is_particle(w.text) and 0 <= k + step < len(words) and is_name_word(words[k + step]):
            run.append(k)
        else:
            break
        k += step
    run.sort()
    return _trim_particles(seg, run)


def _is_month_surname(seg: Segment, k: int, step: int, run: list[int]) -> bool:
    """"May" in "Theresa May told": a month after a name word, with no number after it."""
    words = seg.words
    if fold(words[k].text) not in vocabulary().months or not words[k].text[:1].isupper():
        return False
    after = words[k + 1].text if k + 1 < len(words) else ""
    if after[:1].isdigit():
        return False
    if step > 0:
        return bool(run)
    return not run and k > 0 and is_name_word(words[k - 1])


def _trim_particles(seg: Segment, run: list[int]) -> list[int]:
    """Drop free particles at a run's edges ("bin" alone is no name)."""
    given = vocabulary().given_particles
    while run and is_particle(seg.words[run[-1]].text):
        run = run[:-1]
    while run and is_particle(seg.words[run[0]].text) and fold(seg.words[run[0]].text) not in given:
        run = run[1:]
    return run


def _title_runs(rec: Recognizer, seg: Segment) -> Iterable[tuple[list[int], str, ActorType]]:
    """People right after a title ("Foreign Minister Sergei Lavrov")."""
    regnal = vocabulary().regnal
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


def _speech_runs(seg: Segment) -> Iterable[tuple[list[int], str, ActorType]]:
    """Speakers before ("Lavrov said") or after ("said Ahmad Ramadan") a speech verb."""
    vocab = vocabulary()
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


def _speaker_type(seg: Segment, run: list[int]) -> ActorType:
    return "organisation" if _is_org_head(seg.words[run[-1]]) else "person"


def _particle_runs(seg: Segment) -> Iterable[tuple[list[int], str, ActorType]]:
    """Capitalised runs holding a name particle ("Mouaz Al Khatib", "Mohammed bin Salman")."""
    vocab = vocabulary()
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


def _org_runs(seg: Segment) -> Iterable[tuple[list[int], str, ActorType]]:
    """Organisations ending on a head noun, with an optional "for/of ..." tail."""
    vocab = vocabulary()
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


def _org_tail(seg: Segment, start: int) -> list[int]:
    """"for Human Rights", "for Syrian Revolutionary and Opposition Forces"."""
    vocab = vocabulary()
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


def find_model_candidates(rec: Recognizer, seg: Segment, index: int) -> Iterable[Candidate]:
    """The people and organisations of the statistical model, if one was named."""
    if rec.model is None:
        return
    labels: dict[str, ActorType] = {"PERSON": "person", "ORG": "organisation"}
    for ent in rec.model(seg.text).ents:
        kind = labels.get(ent.label_)
        if kind and fold_name(ent.text) not in vocabulary().never and ent.text not in vocabulary().places:
            yield Candidate(index, ent.start_char, ent.end_char, ent.text, kind, "model")
