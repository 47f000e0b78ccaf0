"""The first pass over an article: spans the gazetteer, the rules or a model take for actors.

* the gazetteer's states, organisations, armed groups and news agencies, matched
  case-sensitively so "US" and "IS" are actors and "us" and "is" are words;
* demonyms that denote a state when an institution noun or a title follows
  ("Russian lawmakers", "Saudi Foreign Minister");
* people named by a title ("Foreign Minister X", "coordinator X"), a speech verb
  ("X said", "said X") or a name particle inside a capitalised run ("Moaz Al-Khatib");
* organisations ending on a head noun ("the X Committee", "X Observatory for Y"), by
  :mod:`~generator.resolve.actors.org_names`;
* the entities of a statistical spaCy model, when one is installed and named.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from generator.model import ActorType
from generator.resolve.actors.gazetteer import Recognizer, vocabulary
from generator.lexicon import is_common_word, is_given_name
from generator.resolve.actors.name_words import (
    is_cap_word,
    is_initial,
    is_name_text,
    is_name_word,
    is_org_head,
    is_role_word,
)
from generator.resolve.actors.names import fold_name, is_particle, split_hyphen_particle
from generator.resolve.actors.org_names import find_org_runs
from generator.resolve.actors.segments import Candidate, Segment, Word
from generator.text import fold

# A personal name longer than this is a run of capitalised words, not a name.
_MAX_NAME_WORDS = 6


_AFTER_TOWN = re.compile(r"\b[A-Z][\w.]*, $")  # "Atlanta, " before a US state: the town's state


def find_gazetteer_candidates(rec: Recognizer, seg: Segment, index: int) -> Iterable[Candidate]:
    """Listed names and aliases in segment ``index``, and demonyms an institution or title follows."""
    doc = seg.doc
    shouting: bool | None = None  # asked only of a match written in capitals
    institution_at: set[int] | None = None
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
        if entry.type == "state" and not any(c.islower() for c in text) and end < len(doc):
            if institution_at is None:
                institution_at = _institution_starts(rec, doc)
            if end not in institution_at and _is_modifier(seg, start, end):
                continue  # "U.S. retail sales", "the film's US opening": a modifier, not the state acting
        if entry.type == "state" and text in vocabulary().us_states and _AFTER_TOWN.search(seg.text[: start_char]):
            continue  # "Atlanta, Georgia": a US state, a place (not the country Georgia)
        if entry.type == "organisation" and _ends_longer_name(seg, start):
            continue  # "the Library of Congress": the library, not Congress
        yield Candidate(index, start_char, end_char, text, entry.type, "gazetteer", entry.name)
    for match_id, start, end in rec.demonyms(doc):
        entry = rec.entries[int(rec.nlp.vocab.strings[match_id])]
        if institution_at is None:
            institution_at = _institution_starts(rec, doc)
        if end in institution_at:
            start_char, end_char = seg.token_starts[start], seg.token_ends[end - 1]
            surface = seg.text[start_char:end_char]
            yield Candidate(index, start_char, end_char, surface, entry.type, "demonym", entry.name)


def _ends_longer_name(seg: Segment, start: int) -> bool:
    """Token ``start`` follows "<Capitalised> of": the tail of a longer name ("Library of
    Congress"), unless that word is a role or a title's ("Secretary of", "Speaker of")."""
    if start < 2:
        return False
    texts = seg.token_texts or tuple(t.text for t in seg.doc)
    head = texts[start - 2]
    if texts[start - 1] != "of" or not is_name_text(head):
        return False
    vocab = vocabulary()
    return not (is_role_word(head) or head in vocab.title_words or head in vocab.regnal or head.lower() in vocab.of_roles)


def _is_modifier(seg: Segment, start: int, end: int) -> bool:
    """An abbreviation before a noun ("broader U.S. retail sales"), not "the U.S. has" or "the U.S. than"."""
    after = seg.token_texts[end] if seg.token_texts else seg.doc[end].text
    before = (seg.token_texts[start - 1] if seg.token_texts else seg.doc[start - 1].text) if start else ""
    return after[:1].islower() and after.isalpha() and after not in STOP_WORDS and before.lower() != "the"


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
    runs = (
        *_title_runs(rec, seg),
        *((run, method, kind, None) for run, method, kind in (*_speech_runs(seg), *_particle_runs(seg), *find_org_runs(seg))),
        # a sentence-case title or subheading names people as prose does ("Sixers game notes:
        # Joel Embiid leads Sixers to statement victory"); a Title Case one never gets here
        *(_given_name_runs(seg) if _is_prose(seg) or seg.heading else ()),
    )
    for run, method, kind, role_start in runs:
        if blocked & set(run) and not (method == "org-head" and not any(is_org_head(seg.words[k]) for k in blocked & set(run))):
            continue  # a city's own office keeps its name ("Chicago Department of Aviation")
        if _before_us_state(seg, run[-1]):
            continue  # "Beverly Hills, Calif.", "Sioux Center, Iowa": a town
        cand = _candidate_from_run(seg, index, run, method, kind, role_start)
        if cand is not None:
            yield cand


def _before_us_state(seg: Segment, last: int) -> bool:
    """The word after ``last`` is a comma and then a US state ("Sioux Center, Iowa")."""
    words = seg.words
    if last + 1 >= len(words) or seg.text[words[last].end : words[last].end + 1] != ",":
        return False
    following = seg.text[words[last].end + 1 : words[last].end + 20].split()
    states = vocabulary().us_states
    return bool(following) and (following[0].rstrip(",;") in states or " ".join(following[:2]).rstrip(",;") in states)


def _place_words(rec: Recognizer, seg: Segment) -> set[int]:
    """Indices of words inside a listed place ("Abu Dhabi", "Kuala Lumpur")."""
    out: set[int] = set()
    for _, start, end in rec.places(seg.doc):
        out.update(range(seg.word_at_token[start], seg.word_at_token[end - 1] + 1))
    return out


def _candidate_from_run(
    seg: Segment, index: int, run: list[int], method: str, kind: ActorType, role_start: int | None = None
) -> Candidate | None:
    """The candidate of a run of words; a person's leading role words ("Fed Chair", "Mr") become its role.

    ``role_start`` is the first word of a title found before the run (the title rule).
    """
    role: str | None = None
    if kind == "person":
        run, role_first = _split_role(seg, run)
        if not run:
            return None
        run = _drop_place_before_name(seg, run)
        folded = [fold(seg.words[k].text) for k in run if seg.words[k].text not in _QUOTES] if len(run) >= 3 else []  # a word again, apart:
        if any(folded[a] in folded[a + 2 :] for a in range(len(folded))):  # two names run together
            return None  # ("Kristi Noem Kristi Lynn Noem"; "Dee Dee Myers" is one)
        if role_first is None and role_start is not None:
            role_first = role_start
        if role_first is not None:
            role_first = _extend_role_left(seg, role_first)
            last = run[0] - 1
            while last > role_first and seg.words[last].text in ("of", "the", ","):
                last -= 1
            role = seg.text[seg.words[role_first].start : seg.words[last].end]
        if not _has_person_evidence(seg, run, method):
            return None
        last = seg.words[run[-1]].text
        if last in vocabulary().affiliation_nouns or last in vocabulary().place_heads:
            return None  # "an Iowa Republican", "Stewart Island"
        if method == "given-name" and seg.words[run[0]].text in vocabulary().place_openers:
            return None  # "River Thames", "Mount Kenya": a place, whatever given name the word is
        if last.lower() in vocabulary().institution_heads:
            kind, role = "organisation", None  # "Stanford University", "Bardo National Museum"
        elif last.lower() in vocabulary().thing_heads:
            return None  # "Tor Browser"
        if len(last) >= 7 and last.endswith("ing") and is_common_word(last):
            return None  # "Fortune Telling", "Machine Learning": a common verb's -ing is no surname (King, Manning are)
    words = [seg.words[k] for k in run]
    start, end = words[0].start, words[-1].end
    surface = seg.text[start:end]
    if fold_name(surface) in vocabulary().never or not any(is_name_word(w) or is_org_head(w) for w in words):
        return None
    if all(is_org_head(w) for w in words):
        return None  # "Society, on the other hand", "the Club": a head alone names nobody
    if kind == "person" and any(w.text in _QUOTES for w in words):  # the page is named without the nickname
        kept = [w.text for n, w in enumerate(words) if not (w.text in _QUOTES or 0 < n < len(words) - 1 and words[n - 1].text in _QUOTES)]
        return Candidate(index, start, end, surface, kind, method, " ".join(kept), role)
    return Candidate(index, start, end, surface, kind, method, role=role)


# A nickname in quotes between a given name and a surname ("Renaldo “Peewee” Gilkes"; 'Dwayne
# "The Rock" Johnson', two words, is left): one capitalised word between two quote marks.
_QUOTES = frozenset({'"', "“", "”"})


def _is_nickname_at(words: Sequence[Word], k: int, step: int) -> bool:
    """A quote mark at ``k``, one capitalised word, a quote mark, then a name word (going ``step``)."""
    far = k + 3 * step
    if not 0 <= far < len(words) or words[k].text not in _QUOTES or words[k + 2 * step].text not in _QUOTES:
        return False
    nick = words[k + step].text
    return nick[:1].isupper() and nick[1:].islower() and nick.isalpha() and is_name_word(words[far])


def _drop_place_before_name(seg: Segment, run: list[int]) -> list[int]:
    """A state before a given name is the role's ("... of Massachusetts | Joshua Levy said")."""
    vocab = vocabulary()
    while len(run) >= 3 and is_given_name(seg.words[run[1]].text) and (
        seg.words[run[0]].text in vocab.us_states or fold(seg.words[run[0]].text) in vocab.state_words
    ):
        run = run[1:]
    return run


def _split_role(seg: Segment, run: list[int]) -> tuple[list[int], int | None]:
    """The run without its leading role words, and where they start (``None``: none)."""
    last_role = None
    for pos, k in enumerate(run[:-1]):
        if is_role_word(seg.words[k].text):
            last_role = pos
    if last_role is None:
        return run, None
    return run[last_role + 1 :], run[0]


def _extend_role_left(seg: Segment, first: int) -> int:
    """"Secretary of | State": a role's words before the run, joined by "of"."""
    k = first
    while k >= 2 and seg.words[k - 1].text == "of" and is_role_word(seg.words[k - 2].text):
        k -= 2
    while k >= 1 and is_role_word(seg.words[k - 1].text) and seg.words[k - 1].text[:1].isupper():
        k -= 1
    return k


def _has_person_evidence(seg: Segment, run: list[int], method: str) -> bool:
    """A person needs evidence beyond capitals: a title or speech verb found it, or its first
    word is a given name; and two common words ("Love Football", "Video Center") are no name
    unless a title or speech verb says so."""
    words = [seg.words[k].text for k in run]
    cores = [w for w in words if not is_initial(w) and w not in vocabulary().suffixes]
    if len(cores) >= 2 and all(is_common_word(w) for w in (cores[0], cores[-1])) and not is_given_name(cores[0]):
        return False
    if method in ("title", "speech", "particle", "model"):
        return True
    return is_given_name(cores[0]) and not (is_common_word(cores[0]) and is_common_word(cores[-1]))


def _name_run(seg: Segment, start: int, step: int) -> list[int]:
    """Word indices of the personal name that starts at ``start`` going ``step`` (+1 or -1)."""
    words = seg.words
    run: list[int] = []
    k = start
    while 0 <= k < len(words) and len(run) < _MAX_NAME_WORDS:
        w = words[k]
        if is_name_word(w) or split_hyphen_particle(w.text) is not None:
            run.append(k)
        elif run and _is_nickname_at(words, k, step):
            run.extend((k, k + step, k + 2 * step))  # "Renaldo “Peewee” Gilkes": the nickname is inside the name
            k += 3 * step
            continue
        elif w.text in vocabulary().suffixes and (run if step > 0 else not run) and (step < 0 or k > 0):
            run.append(k)  # "Clapper Jr." ends a name: going right it ends the run, going left it starts it
            if step > 0:
                break
        elif is_initial(w.text) and run and 0 <= k + step < len(words) and is_name_word(words[k + step]):
            run.append(k)  # "James R. Clapper"
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


def _title_runs(rec: Recognizer, seg: Segment) -> Iterable[tuple[list[int], str, ActorType, int | None]]:
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
            yield [seg.word_at_token[start], *run], "title", "person", None  # "King Salman": the title is his name
            continue
        yield run, "title", "person", seg.word_at_token[start]


# A given name alone is evidence only in prose: a line of this many words or more that ends a
# sentence. Shorter lines are menus, related headlines and captions' credits.
_PROSE_WORDS = 8


# A line cut off mid-sentence ("... who 'live in their parents' basement' to") is prose still when
# this share of its words or more are lower-case: a list of names or a menu has next to none.
_PROSE_LOWER_SHARE = 0.4
_CUT_PROSE_WORDS = 30


def _is_prose(seg: Segment) -> bool:
    if len(seg.words) < _PROSE_WORDS:
        return False
    if seg.text.rstrip().endswith((".", "!", "?", '"', "”", "’", "'", ")")):
        return True
    # cut off: only a paragraph's length says so (a related headline with its author's name
    # appended is short and has lower-case words too)
    return len(seg.words) >= _CUT_PROSE_WORDS and sum(w.text[:1].islower() for w in seg.words) >= _PROSE_LOWER_SHARE * len(seg.words)


def _given_name_runs(seg: Segment) -> Iterable[tuple[list[int], str, ActorType, int | None]]:
    """Capitalised runs opening on a given name ("Mark Zuckerberg", "James R. Clapper Jr.")."""
    words = seg.words
    thing_until = -1  # a thing's name holds no person's ("a Royal | McBee ...")
    for i, w in enumerate(words):
        if i <= thing_until or not is_given_name(w.text) or not is_name_word(w):
            continue
        run = _name_run(seg, i, +1)
        if len(run) >= 2 and run[0] == i:
            if _names_a_thing(seg, run):
                thing_until = run[-1]
                continue
            if i and words[i - 1].text in vocabulary().place_prepositions:
                continue  # "in Santa Ana", "near San Jose": a given name alone says no person there
            if _inside_longer_name(words, i) or _is_credit(seg, run):
                continue
            before = words[i - 1].text if i else ""
            role_start = i - 1 if before[:1].isupper() and is_role_word(before) else None  # "Commissioner Kevin McAleenan"
            yield run, "given-name", "person", role_start


def _names_a_thing(seg: Segment, run: list[int]) -> bool:
    """A run after an article ("the Tor Browser", "a Royal McBee") or before a thing's head
    ("Royal Shrewsbury hospital") names a thing, not a person."""
    vocab = vocabulary()
    words = seg.words
    first, last = run[0], run[-1]
    after = words[last + 1] if last + 1 < len(words) else None
    if after is not None and after.text.lower() in vocab.thing_heads and after.text.islower():
        return True  # "Royal Shrewsbury hospital"
    if after is not None and after.text.isalpha() and after.text.islower() and after.start == words[last].end + 1:
        return False  # "the Hillary Clinton campaign": a person's name as a modifier
    return bool(first) and words[first - 1].text.lower() in vocab.thing_articles


def _is_credit(seg: Segment, run: list[int]) -> bool:
    """A photographer's or a video's credit, not someone the article names: a name right
    before a slash and an agency ("Fethi Belaid/AFP", "Ellen M. Banner / The Seattle Times")
    or right after a credit word ("Credit Craig Ruttle", "Video by David Botti")."""
    after = seg.text[seg.words[run[-1]].end : seg.words[run[-1]].end + 3].lstrip()
    if after.startswith("/"):
        return True
    first = run[0]
    before = [fold(w.text).strip(".:()") for w in seg.words[max(0, first - 2) : first]]
    credit = vocabulary().credit_words
    return bool(before) and (before[-1] in credit or " ".join(before) in credit)


def _inside_longer_name(words: Sequence[Word], i: int) -> bool:
    """A capitalised word before the given name, in the same sentence, that is no given name,
    role or party: the run is the tail of a longer name ("San | Diego State", "Standing |
    Rock Sioux", "First American | Fried Chicken"), not a person's."""
    if i == 0 or words[i].sent_start:
        return False
    before = words[i - 1]
    return (
        before.text[:1].isupper()
        and before.text.isalpha()  # "J. Christian Bollwage", "CNN's Bill": no capitalised word before
        and not is_given_name(before.text)
        and not is_role_word(before.text)
        and before.text not in vocabulary().affiliation_nouns
    )


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
    """A speaker ending on a head is a body; so is one after "the" that opens on no given name
    ("the Louvre declared", "the Pentagon said"): news writes no person so."""
    words = seg.words
    if is_org_head(words[run[-1]]):
        return "organisation"
    if run[0] > 0 and words[run[0] - 1].text == "the" and not is_given_name(words[run[0]].text):
        # "the Director said" is a person named by a role: no name, no page
        return "person" if any(is_role_word(words[k].text) for k in run) else "organisation"
    return "person"


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
        if before.islower() and not is_particle(before) and run[0] > 1 and is_cap_word(words[run[0] - 2]):
            continue  # "Société des | Amis du Louvre": the tail of a longer name
        yield run, "particle", "person"


@lru_cache(maxsize=1 << 16)
def _holds_particle(text: str) -> bool:
    """A particle ("bin", "Al") or a word opening with one ("Al-Khatib"): asked of every word."""
    return split_hyphen_particle(text) is not None or is_particle(text)


def find_model_candidates(rec: Recognizer, seg: Segment, index: int) -> Iterable[Candidate]:
    """The people and organisations of the statistical model, if one was named."""
    if rec.model is None:
        return
    labels: dict[str, ActorType] = {"PERSON": "person", "ORG": "organisation"}
    for ent in rec.model(seg.text).ents:
        kind = labels.get(ent.label_)
        if kind and fold_name(ent.text) not in vocabulary().never and ent.text not in vocabulary().places:
            yield Candidate(index, ent.start_char, ent.end_char, ent.text, kind, "model")
