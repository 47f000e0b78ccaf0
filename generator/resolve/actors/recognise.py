"""Recognition: who an article names, as :class:`Mention` objects.

spaCy's blank English tokenizer reads the article in segments
(:mod:`~generator.resolve.actors.segments`); the first pass finds candidates by
the gazetteer, the rules and an optional model
(:mod:`~generator.resolve.actors.candidates`), the second finds the names again:
acronyms and later uses, surnames too (:mod:`~generator.resolve.actors.repeats`).
Where candidates overlap the longest wins, then the surest rule
(:data:`~generator.resolve.actors.segments.METHOD_PRIORITY`). No statistical model
is ever downloaded.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache

from generator.files.rules import load_rules

from generator.model import CleanDoc, Mention
from generator.resolve.actors.aliases import link_earlier_names
from generator.resolve.actors.cues import find_cue_candidates
from generator.resolve.actors.candidates import (
    find_gazetteer_candidates,
    find_model_candidates,
    find_rule_candidates,
    is_name_word,
    is_role_word,
)
from generator.resolve.actors.gazetteer import recognizer, vocabulary
from generator.lexicon import is_common_word, is_given_name, is_very_common_word
from generator.text import fold
from generator.resolve.actors.names import core_keys, split_name
from generator.resolve.actors.repeats import find_acronym_candidates, find_repeat_candidates
from generator.resolve.actors.segments import METHOD_PRIORITY, Candidate, Segment, read_segments


# Languages the rules are written for; ``None``: the text's language is not known (read as English).
_SUPPORTED_LANGUAGES = (None, "en")
# A mention's context on the actor page: its sentence, cut to about this many characters.
_CONTEXT_CHARS = 240
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z0-9])")


def extract_mentions(doc: CleanDoc, model: str | None = None) -> tuple[Mention, ...]:
    """The actors named in an article's title, summary, body and captions.

    Page furniture (``doc.removed``) is not read. One :class:`Mention` per spelling,
    with how often it occurs and the rule that found it, in order of first
    occurrence. ``canonical_hint`` is the gazetteer's name; for an acronym defined
    in the text, or a surname only one person of the article bears, it is the full
    name it stands for there. ``model`` names an installed spaCy pipeline whose entities add
    candidates; it is never downloaded (a missing one is a ``ValueError``).
    """
    if getattr(doc, "language", None) not in _SUPPORTED_LANGUAGES and not _reads_as_english(doc):
        return ()  # the rules read English: another language's capitals and verbs say nothing to them
    rec = recognizer(model)
    segments = read_segments(doc, rec.nlp)
    found: list[Candidate] = []
    listed = _headline_lists(segments)
    for i, seg in enumerate(segments):
        if not _has_lower_word(seg.text):
            continue  # a line without one lower-case word is a menu, a label or a share bar, never a sentence
        if _is_credit_line(seg.text) or _is_teaser(seg) or i in listed:
            continue
        found.extend(find_gazetteer_candidates(rec, seg, i))
        if not seg.headline:
            found.extend(find_rule_candidates(rec, seg, i))
            found.extend(find_model_candidates(rec, seg, i))
    found = _drop_credits(found, segments)
    found = _drop_uncorroborated(found, segments)
    found.extend(_complete_surnames(found, segments))
    kept = _keep_longest(found, ())
    kept = _keep_longest(find_cue_candidates(segments, kept), kept)
    kept = _keep_longest(find_acronym_candidates(segments, kept), kept)
    kept = _keep_longest(find_repeat_candidates(rec, segments, kept), kept)
    kept = link_earlier_names(kept, segments)
    return _as_mentions(kept, segments)


# Related stories' headlines: this many lines or more in a row, each of a few words that end no
# sentence ("Four men arrested on gang affiliation charges"), are a list of other stories. A
# bullet list needs more: an article's own highlights run to three or four items.
_HEADLINE_LIST_LINES = 3
_HEADLINE_LIST_ITEMS = 5
_HEADLINE_WORDS = (4, 20)


def _headline_lists(segments: Sequence[Segment]) -> set[int]:
    """Indices of segments in a run of headline-like lines (related stories), the title apart."""
    out: set[int] = set()
    run: list[int] = []
    for i, seg in enumerate([*segments, None]):
        like = (
            seg is not None
            and i > 0
            and _HEADLINE_WORDS[0] <= len(seg.words) <= _HEADLINE_WORDS[1]
            and not seg.text.rstrip().endswith((".", "!", "?", '"', "”", "’", "'", ")", ":", ","))
        )
        if like and (not run or segments[run[-1]].item == seg.item):  # type: ignore[union-attr]
            run.append(i)
            continue
        if run and len(run) >= (_HEADLINE_LIST_ITEMS if segments[run[0]].item else _HEADLINE_LIST_LINES):
            out.update(run)
        run = [i] if like else []
    return out


_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")


def _reads_as_english(doc: CleanDoc) -> bool:
    """English prose by its function words, whatever the language guess says.

    The guess reads a page's longest lines; a list of names ("Colorado: Ryan Call,
    Laura Carno, ...") is guessed Luxembourgish and a short text "no language"
    (py3langid's ``zxx``), though the article around them is plainly English.
    """
    stops = _english_function_words()
    words = _WORD.findall(doc.body_text()[: _english_rule()["chars"]].lower())
    return len(words) >= _english_rule()["min_words"] and sum(w in stops for w in words) / len(words) >= _english_rule()["share"]


@lru_cache(maxsize=1)
def _english_function_words() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_rules("stopwords")["en"])


@lru_cache(maxsize=1)
def _english_rule() -> dict[str, float]:
    return dict(load_rules("gazetteer")["english_prose"])


_LOWER_WORD = re.compile(r"(?<![\w/])[a-z]{3,}\b")


def _has_lower_word(text: str) -> bool:
    return _LOWER_WORD.search(text) is not None


@lru_cache(maxsize=1)
def _credit_line_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in load_rules("gazetteer")["credit_lines"])


def _is_credit_line(text: str) -> bool:
    """A contributor's, a contact's or an author's bio line: the page's, not the story's."""
    return len(text.split()) <= _CREDIT_LINE_WORDS and any(p.search(text) for p in _credit_line_patterns())


# Credit and bio lines are short; a paragraph this long that matches is prose quoting one.
_CREDIT_LINE_WORDS = 30
# A related story's teaser: a short line, no sentence end, the author's name last
# ("Fox News now thinks that snow days are a plot against religion Joanna Rothkopf").
_TEASER_WORDS = 25


def _is_teaser(seg: Segment) -> bool:
    words = seg.words
    if len(words) < 4 or len(words) > _TEASER_WORDS or seg.headline:
        return False
    if seg.text.rstrip().endswith((".", "!", "?", '"', "”", "’", "'", ")", ":")):
        return False
    first, last = words[-2], words[-1]
    return (
        is_given_name(first.text)
        and is_name_word(first)
        and is_name_word(last)
        and not words[-3].text[:1].isupper()
        and not first.sent_start
    )


_CREDIT_GAP = re.compile(r"^(?:[\s/|,\-–—]|via)*$")


def _drop_credits(found: list[Candidate], segments: tuple[Segment, ...]) -> list[Candidate]:
    """Names in a picture's credit: beside a slash ("Fethi Belaid/AFP/Getty Images",
    "Anthony Wallace / AFP - Getty Images") or after a credit word ("Credit Reuters"),
    and the names chained to one by a dash, a slash or "via"."""
    credit = vocabulary().credit_words
    out: list[Candidate] = []
    previous: Candidate | None = None
    previous_credit = False
    for c in sorted(found, key=lambda c: (c.segment, c.start)):
        text = segments[c.segment].text
        before, after = text[max(0, c.start - 3) : c.start], text[c.end : c.end + 3]
        words_before = [fold(w).strip(".:…()") for w in text[max(0, c.start - 30) : c.start].split()[-2:]]
        is_credit = (
            "/" in before
            or after.lstrip().startswith("/")
            or bool(words_before) and (words_before[-1] in credit or " ".join(words_before) in credit)
            or (
                previous_credit
                and previous is not None
                and previous.segment == c.segment
                and previous.end <= c.start
                and _CREDIT_GAP.match(text[previous.end : c.start]) is not None
            )
        )
        if not is_credit:
            out.append(c)
        if previous is None or c.start >= previous.end or c.segment != previous.segment:
            previous, previous_credit = c, is_credit
    return out


def _drop_uncorroborated(found: list[Candidate], segments: tuple[Segment, ...]) -> list[Candidate]:
    """A one-word person opening a sentence needs the word capitalised mid-sentence elsewhere.

    A sentence's first word is capitalised whatever it is; only a capital elsewhere
    (or a longer name holding the word) shows it to be a name. A one-word person that
    is a common English word ("United said") needs a full name of the article ending on it.
    """
    vouched: set[str] = set()
    for seg in segments:
        if not seg.headline:
            vouched.update(k for w in seg.words if not w.sent_start and is_name_word(w) for k in core_keys(w.text))
    for c in found:
        if c.type == "person" and len(split_name(c.surface)) > 1:
            vouched.update(core_keys(c.surface))
    in_full_names = {k for c in found if c.type == "person" and len(split_name(c.surface)) > 1 for k in core_keys(c.surface)}
    openings: dict[int, set[int]] = {}  # per segment: where its sentences' first words start
    out = []
    for c in found:
        if c.type == "person" and c.method != "gazetteer" and len(split_name(c.surface)) == 1:
            if is_very_common_word(c.surface) and not set(core_keys(c.surface)) <= in_full_names:
                continue  # "United said": a common word is a surname only beside a full name that ends on it
            if c.segment not in openings:
                openings[c.segment] = {w.start for w in segments[c.segment].words if w.sent_start}
            if c.start in openings[c.segment] and not set(core_keys(c.surface)) <= vouched:
                continue
        out.append(c)
    return out


def _complete_surnames(found: list[Candidate], segments: tuple[Segment, ...]) -> list[Candidate]:
    """Full names of surnames a speech verb or a title found, written once before them.

    "Conway said" with "named Kellyanne Conway, the campaign manager" in the text: the word
    before the surname is a given name that no names list holds ("Kellyanne", "Dylann").
    It must be a capitalised name word that is no common English word, role or listed name,
    and the article must give no other full name ending on the surname. The headline counts.
    """
    bare: dict[str, str] = {}
    full: set[str] = set()
    for c in found:
        if c.type != "person":
            continue
        if len(split_name(c.surface)) == 1:
            bare.setdefault(c.surface, c.surface)
        else:
            full.update(core_keys(c.surface)[-1:])
    wanted = {s for s in bare if core_keys(s)[-1] not in full}
    if not wanted:
        return []
    out: list[Candidate] = []
    completed: set[str] = set()
    for i, seg in enumerate(segments):
        words = seg.words
        for k in range(1, len(words)):
            w, before = words[k], words[k - 1]
            if w.text not in wanted or before.end + 1 != w.start or not is_name_word(before):
                continue
            vocab = vocabulary()
            if (
                is_common_word(before.text)
                or is_role_word(before.text)
                or fold(before.text) in vocab.listed_words
                or before.text in vocab.affiliation_nouns  # "Democrat Kaine"
                or before.text in vocab.us_states  # "Virginia Kaine"
            ):
                continue
            out.append(Candidate(i, before.start, w.end, seg.text[before.start : w.end], "person", "completion"))
            completed.add(w.text)
    return [c for c in out if c.surface.split()[-1] in completed]


def _keep_longest(found: Iterable[Candidate], kept: Sequence[Candidate]) -> tuple[Candidate, ...]:
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


def _as_mentions(kept: Sequence[Candidate], segments: Sequence[Segment]) -> tuple[Mention, ...]:
    counts: Counter[tuple[str, str, str | None]] = Counter()
    methods: dict[tuple[str, str, str | None], str] = {}
    roles: dict[tuple[str, str, str | None], str] = {}
    # the context is the first sentence of prose naming it, else of a heading: a headline
    # says less, and the actor page lists the article under its headline already
    prose: dict[tuple[str, str, str | None], str] = {}
    headings: dict[tuple[str, str, str | None], str] = {}
    order: list[tuple[str, str, str | None]] = []
    for c in kept:
        key = (c.surface, c.type, c.hint)
        if key not in counts:
            order.append(key)
        first = headings if segments[c.segment].heading else prose
        if key not in first:
            first[key] = sentence_around(segments[c.segment].text, c.start, c.end)
        counts[key] += 1
        if key not in methods or METHOD_PRIORITY[c.method] < METHOD_PRIORITY[methods[key]]:
            methods[key] = c.method
        if c.role and key not in roles:
            roles[key] = c.role
    contexts = {**headings, **prose}  # prose wins
    return tuple(
        Mention(s, t, counts[(s, t, h)], methods[(s, t, h)], h, roles.get((s, t, h)), contexts.get((s, t, h)))  # type: ignore[arg-type]
        for s, t, h in order
    )


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` holding ``start:end``, cut to about ``_CONTEXT_CHARS`` around it."""
    begin, stop = 0, len(text)
    for m in _SENTENCE_END.finditer(text):
        if m.start() >= 2 and text[m.start() - 2].isupper() and (m.start() < 3 or not text[m.start() - 3].isalpha()):
            continue  # "James R. Clapper": an initial ends no sentence
        if m.end() <= start:
            begin = m.end()
        elif m.start() >= end:
            stop = m.start()
            break
    sentence = text[begin:stop].strip()
    if len(sentence) <= _CONTEXT_CHARS:
        return sentence
    at = start - begin
    left = max(0, at - _CONTEXT_CHARS // 2)
    cut = sentence[left : left + _CONTEXT_CHARS]
    return ("… " if left else "") + cut.strip() + (" …" if left + _CONTEXT_CHARS < len(sentence) else "")
