"""Actors the context types, where no listed name, title, head noun or given name does (issue 26).

* a capitalised run followed by an age in commas ("Mekhi Gbedey, 20, was diagnosed",
  "Junmyung Lee, 30, of Dedham") is a person: only people have ages written so;
* a capitalised run after a company word ("One company, Avigilon, sells", "Japanese
  company Showa Denko", "auction house Artcurial") is an organisation;
* a capitalised word the article writes mid-sentence five times or more ("LVMH", "SDK",
  "Sixers"), that no rule took, is no common word, no given name and no person's
  surname here, is an organisation: a page the reader looks for.

The cue words and the count are data (``generator/data/gazetteer.yml``, ``context_cues``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from generator.files.rules import load_rules
from generator.lexicon import is_common_word, is_given_name, is_very_common_word
from generator.resolve.actors.candidates import is_name_word, is_role_word
from generator.resolve.actors.gazetteer import vocabulary
from generator.resolve.actors.name_words import is_cap_word, is_org_head
from generator.resolve.actors.names import core_keys, split_name
from generator.resolve.actors.segments import Candidate, Segment
from generator.text import fold

_AGE = re.compile(r"^, (\d{1,3}), ")
_POSSESSIVE = re.compile(r"['’]s?$")


@lru_cache(maxsize=1)
def _cues() -> dict[str, object]:
    return dict(load_rules("gazetteer")["context_cues"])


def find_cue_candidates(segments: tuple[Segment, ...], kept: Sequence[Candidate]) -> list[Candidate]:
    """People by an age in commas, organisations by a company word before them or by how often the article names them."""
    taken = {(c.segment, k) for c in kept for k in range(c.start, c.end)}
    out: list[Candidate] = []
    defined: list[tuple[str, Candidate]] = []
    for i, seg in enumerate(segments):
        if seg.headline:
            continue
        out.extend(_aged_people(seg, i, taken))
        out.extend(_company_words(seg, i, taken))
        defined.extend(_defined_names(seg, i, taken))
    out.extend(_acting(segments, defined))
    out.extend(_company_followers(segments, kept, taken))
    out.extend(_frequent_names(segments, [*kept, *out], taken))
    return out


def _free(taken: set[tuple[int, int]], segment: int, start: int, end: int) -> bool:
    return (segment, start) not in taken and (segment, end - 1) not in taken


def _run_right(seg: Segment, k: int, limit: int = 4) -> list[int]:
    run: list[int] = []
    while k < len(seg.words) and len(run) < limit and is_cap_word(seg.words[k]) and not is_role_word(seg.words[k].text):
        run.append(k)
        k += 1
    return run


_AGE_ANYWHERE = re.compile(r", \d{1,3}, ")


def _aged_people(seg: Segment, index: int, taken: set[tuple[int, int]]) -> list[Candidate]:
    out: list[Candidate] = []
    if _AGE_ANYWHERE.search(seg.text) is None:
        return out  # most segments write no age: the words are not walked
    words = seg.words
    for k in range(1, len(words)):
        if not _AGE.match(seg.text[words[k].end : words[k].end + 6]):
            continue
        first = k
        while first > 0 and k - first < 3 and is_name_word(words[first - 1]) and words[first - 1].end + 1 == words[first].start:
            first -= 1
        while first < k and is_role_word(words[first].text):
            first += 1  # "Defendants James Lee, 68": the role is no part of the name
        run = words[first : k + 1]
        if len(run) < 2 or not all(is_name_word(w) for w in run) or is_very_common_word(run[-1].text):
            continue
        if not _free(taken, index, run[0].start, run[-1].end):
            continue
        out.append(Candidate(index, run[0].start, run[-1].end, seg.text[run[0].start : run[-1].end], "person", "cue"))
    return out


def _company_words(seg: Segment, index: int, taken: set[tuple[int, int]]) -> list[Candidate]:
    words = seg.words
    company = set(_cues()["company_words"])  # type: ignore[arg-type]
    out: list[Candidate] = []
    if _company_pattern().search(seg.text) is None:
        return out
    for k, w in enumerate(words[:-1]):
        if w.text.lower() not in company:
            continue
        nxt = k + 2 if words[k + 1].text == "," and k + 2 < len(words) else k + 1  # "One company, Avigilon,"
        if seg.text[w.end : words[nxt].start] not in (" ", ", "):
            continue
        run = _run_right(seg, nxt)
        if not run or is_given_name(words[run[0]].text) and len(run) >= 2:
            continue  # "company founder Jane Doe" is a person's
        if all(is_common_word(words[j].text) for j in run) or fold(words[run[0]].text) in vocabulary().listed_words:
            continue
        start, end = words[run[0]].start, words[run[-1]].end
        if re.match(r"['’]s [A-Z]", seg.text[end : end + 4]):
            continue  # "chain Aisha's Salon and Spa": the front of a longer name
        if _free(taken, index, start, end):
            out.append(Candidate(index, start, end, seg.text[start:end], "organisation", "cue"))
    return out


@lru_cache(maxsize=1)
def _company_pattern() -> re.Pattern[str]:
    words = sorted(str(w) for w in _cues()["company_words"])  # type: ignore[union-attr]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


_ACRONYM = re.compile(r"\(([A-Z][A-Z&]{1,7})\)")
# words of a name that carry no letter of its acronym ("Customs and Border Protection (CBP)")
_ACRONYM_SKIP = frozenset({"of", "for", "and", "the", "on", "in", "&", "de", "du", "des", "la"})
_MAX_DEFINED_WORDS = 8


def _defined_names(seg: Segment, index: int, taken: set[tuple[int, int]]) -> list[tuple[str, Candidate]]:
    """A capitalised run whose initials an acronym in brackets right after it spells: "the
    Youth Accountability Team (YAT)", "U.S. Customs and Border Protection (CBP)" (the state's
    abbreviation carries no letter). A body names itself so; a person rarely (a run opening on
    a given name with no organisation head is left: "Mohammed bin Salman (MBS)")."""
    out: list[tuple[str, Candidate]] = []
    if "(" not in seg.text or _ACRONYM.search(seg.text) is None:
        return out
    words = seg.words
    for k in range(2, len(words) - 1):
        if words[k - 1].text != "(" or words[k + 1].text != ")" or not _ACRONYM.fullmatch(f"({words[k].text})"):
            continue
        letters = words[k].text.replace("&", "")
        run: list[int] = []
        j = k - 2
        while j >= 0 and len(run) < _MAX_DEFINED_WORDS and (is_cap_word(words[j]) or words[j].text in _ACRONYM_SKIP):
            run.insert(0, j)
            j -= 1
        for first in range(len(run)):  # the longest tail of the run that the acronym spells
            part = run[first:]
            if words[part[0]].text in _ACRONYM_SKIP:
                continue
            caps = [words[p].text for p in part if words[p].text not in _ACRONYM_SKIP]
            if len(caps) < 2 or "".join(w[0] for w in caps) != letters:
                continue
            if is_given_name(caps[0]) and not any(is_org_head(words[p]) for p in part):
                break
            start, end = words[part[0]].start, words[part[-1]].end
            if _free(taken, index, start, end):
                out.append((words[k].text, Candidate(index, start, end, seg.text[start:end], "organisation", "cue")))
            break
    return out


def _acting(segments: tuple[Segment, ...], defined: Sequence[tuple[str, Candidate]]) -> list[Candidate]:
    """Of the names an acronym defines, those the article shows acting as a body: the name or
    its acronym before a speech verb or one of its people ("CBP says", "AMO agents", "ISD
    spokesman"). A programme, a project or a technology is defined so too, but is followed by
    what it is ("the BRT project", "HAMR technology", "the YAT program")."""
    if not defined:
        return []
    verbs = "|".join(map(re.escape, sorted(vocabulary().speech | set(_cues()["body_followers"]))))  # type: ignore[arg-type]
    text = "\n".join(seg.text for seg in segments)
    out = []
    for acronym, cand in defined:
        names = "|".join(map(re.escape, (acronym, cand.surface)))
        if re.search(rf"\b(?:{names})\)?(?:['’]s)? (?:{verbs})\b", text):
            out.append(cand)
    return out


@lru_cache(maxsize=1)
def _follower_pattern() -> re.Pattern[str]:
    """What follows a company's name: its officers, its shares, its stock listing ("(NYSE: X)").
    Not a bare code in brackets: an airport's ("Boise (BOI)") reads the same."""
    words = sorted((str(w) for w in _cues()["company_followers"]), key=len, reverse=True)  # type: ignore[union-attr]
    return re.compile(
        r"^(?:['’]s)? (?:" + "|".join(map(re.escape, words)) + r")\b"
        r"|^ \((?:(?:NYSE|NASDAQ|Nasdaq|LSE|TSX|OTC)[:\s][^)]{1,12})\)"
    )


def _company_followers(segments: tuple[Segment, ...], kept: Sequence[Candidate], taken: set[tuple[int, int]]) -> list[Candidate]:
    """A capitalised run (up to three words) a company's officer, shares or ticker follows:
    "the LVMH CEO", "Tesla shares fell", "an Amazon spokesperson". Not a given
    name, a listed name or a person's surname of the article ("a Trump spokesperson")."""
    vocab = vocabulary()
    surnames = {k for c in kept if c.type == "person" for k in core_keys(c.surface)}
    pattern = _follower_pattern()
    out: list[Candidate] = []
    for i, seg in enumerate(segments):
        if seg.headline or _follower_hint().search(seg.text) is None:
            continue
        words = seg.words
        for k, w in enumerate(words):
            if not is_cap_word(w) or pattern.match(seg.text[w.end : w.end + 24]) is None:
                continue
            run = [k]
            while len(run) < 3 and run[0] > 0 and is_cap_word(words[run[0] - 1]) and words[run[0] - 1].end + 1 == words[run[0]].start:
                run.insert(0, run[0] - 1)
            texts = [words[j].text for j in run]
            if (
                is_given_name(texts[0])
                or any(is_role_word(t) for t in texts)
                or (len(run) == 1 and words[k].sent_start and is_common_word(texts[0]))
                or fold(" ".join(texts)) in vocab.listed_words
                or any(fold(t) in vocab.listed_words for t in texts)
                or set(core_keys(" ".join(texts))) & surnames
                or " ".join(texts) in vocab.us_states
            ):
                continue
            start, end = words[run[0]].start, words[run[-1]].end
            if _free(taken, i, start, end):
                out.append(Candidate(i, start, end, seg.text[start:end], "organisation", "cue"))
    return out


@lru_cache(maxsize=1)
def _follower_hint() -> re.Pattern[str]:
    words = sorted(str(w) for w in _cues()["company_followers"])  # type: ignore[union-attr]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b|\((?:NYSE|NASDAQ|Nasdaq|LSE|TSX|OTC)")


def _frequent_names(segments: tuple[Segment, ...], found: Sequence[Candidate], taken: set[tuple[int, int]]) -> list[Candidate]:
    minimum = int(_cues()["min_mentions"])  # type: ignore[call-overload]
    # first the free mid-sentence capitals and how often each comes: most articles have none
    # written five times, and then nothing else is read
    counts: Counter[str] = Counter(
        _stem(w.text) for seg in segments if not seg.headline for w in seg.words if not w.sent_start and is_name_word(w)
    )
    if not counts or max(counts.values()) < minimum:
        return []
    vocab = vocabulary()
    surnames = {k for c in found if c.type == "person" for k in core_keys(c.surface)}
    named = {fold(c.surface) for c in found}
    wanted = {
        text
        for text, n in counts.items()
        if n >= minimum
        and len(text) >= 3
        and not is_common_word(text)
        and not is_given_name(text)
        and not is_role_word(text)
        and text not in vocab.us_states
        and text not in vocab.affiliation_nouns
        and not text.endswith(("ans", "ists", "ites"))  # "Tunisians", "Islamists": people of a place or creed
        and fold(text) not in named
        and not set(core_keys(text)) & surnames
        and len(split_name(text)) == 1
    }
    if wanted:
        wanted -= _joined_or_placed(segments, wanted)
    out: list[Candidate] = []
    for i, seg in enumerate(segments if wanted else ()):
        if seg.headline:
            continue
        for w in seg.words:
            stem = _stem(w.text)
            if stem in wanted and not w.sent_start and _free(taken, i, w.start, w.end):
                out.append(Candidate(i, w.start, w.start + len(stem), stem, "organisation", "cue"))
    return out


def _stem(text: str) -> str:
    """The word without a possessive: "Tegnell's" is a use of Tegnell."""
    return _POSSESSIVE.sub("", text) if text[-1:] in "s'’" else text


def _joined_or_placed(segments: tuple[Segment, ...], words_wanted: set[str]) -> set[str]:
    """Of ``words_wanted``, those some use writes inside a longer capitalised name ("New
    Hampshire", "Anders Tegnell") or after "in", "near" ... (a place's), sentence starts too."""
    before_place = set(_cues()["place_prepositions"])  # type: ignore[arg-type]
    out: set[str] = set()
    for seg in segments:
        if seg.headline:
            continue
        words = seg.words
        for k, w in enumerate(words):
            stem = _stem(w.text)
            if stem not in words_wanted:
                continue
            if k and words[k - 1].text.lower() in before_place:
                out.add(stem)
            elif k and is_cap_word(words[k - 1]) and words[k - 1].end + 1 >= w.start:
                out.add(stem)
            elif k + 1 < len(words) and is_cap_word(words[k + 1]) and w.end + 1 >= words[k + 1].start:
                out.add(stem)
    return out
