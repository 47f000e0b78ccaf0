"""What recognition knows before reading a word: the gazetteer, its vocabulary, and the matchers built from them.

``data/gazetteer.yml`` lists states, organisations, armed groups and news agencies
(with their aliases and demonyms), and the words the recognition rules look for:
titles, speech verbs, organisation head nouns, places, the words that are never a
name. The matchers run spaCy's blank English tokenizer only; a statistical spaCy
model, when installed and named, only adds candidates and is never downloaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import get_args

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher

from generator.files.rules import load_rules
from generator.model import ActorType
from generator.resolve.actors.names import fold_name
from generator.text import fold

# Every kind of actor, in the order that breaks a tie between equally common kinds.
ACTOR_TYPES: tuple[str, ...] = get_args(ActorType)

_GAZETTEER_TYPES: dict[str, ActorType] = {
    "states": "state",
    "organisations": "organisation",
    "armed_groups": "organisation",
    "news_agencies": "organisation",
    "companies": "organisation",
}


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
def gazetteer_by_name() -> dict[str, GazetteerEntry]:
    """Every listed spelling (folded) to its entry; the canonical name of a state wins."""
    index: dict[str, GazetteerEntry] = {}
    for entry in gazetteer_entries():
        for spelling in (entry.name, *entry.aliases):
            index.setdefault(fold_name(spelling), entry)
    return index


@dataclass(frozen=True)
class Vocabulary:
    """The word lists of ``data/gazetteer.yml`` the recognition rules look for."""

    titles: tuple[str, ...]
    title_words: frozenset[str]
    regnal: frozenset[str]
    speech: frozenset[str]
    inverted_speech: frozenset[str]
    adverbs: frozenset[str]
    org_heads: frozenset[str]
    own_name_heads: frozenset[str]  # "Hospital": "Indonesian Hospital" is the hospital's own name
    possessive_org_words: frozenset[str]  # "Sheriff": "Sheriff's Office" is one name
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
    role_words: frozenset[str]  # words of a role before a name ("Fed Chair"), folded, no full stop
    suffixes: frozenset[str]  # "Jr.", "III": they end a name
    affiliation_nouns: frozenset[str]  # "Republican": "an Iowa Republican" is no person
    place_heads: frozenset[str]  # "Island", "Basin": a run ending on one is a place
    thing_heads: frozenset[str]  # "browser", lower-cased: a run ending on (or before) one is a thing
    institution_heads: frozenset[str]  # "university", lower-cased: a run ending on one is an organisation
    thing_articles: frozenset[str]  # "the", "a": a given name after one names a thing
    lower_org_heads: tuple[tuple[str, ...], ...]  # "police", "sheriff 's office", as words: "West Mercia police" is a body
    lower_org_descriptors: frozenset[tuple[str, ...]]  # "party": "the Ennahda party" is "Ennahda"
    of_roles: frozenset[str]  # "member", lower-cased: "Member of Congress" is Congress's
    us_states: frozenset[str]  # "Iowa", "Calif.": "<Name>, Iowa" is a town
    credit_words: frozenset[str]  # "credit", "video by": a name after them is a credit
    state_words: frozenset[str]  # one-word state names and aliases, folded ("u.s.", "uk")
    place_prepositions: frozenset[str]  # "in": "in Santa Ana" is a place, whatever given name opens it
    place_openers: frozenset[str]  # "River": "River Thames" is a place


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The rules' word lists, read once."""
    data = load_rules("gazetteer")
    titles = tuple(data["titles"])
    listed = set()
    for entry in gazetteer_entries():
        for spelling in (entry.name, *entry.aliases, *entry.demonyms):
            if " " not in spelling:
                listed.add(fold(spelling))
    places = tuple(data["places"])
    return Vocabulary(
        titles=titles,
        title_words=frozenset(w for t in titles for w in t.split() if w not in ("of", "state")),
        regnal=frozenset(data["regnal_titles"]),
        speech=frozenset(data["speech_verbs"]),
        inverted_speech=frozenset(data["inverted_speech_verbs"]),
        adverbs=frozenset(data["speech_adverbs"]),
        org_heads=frozenset(data["org_heads"]),
        own_name_heads=frozenset(data["own_name_heads"]),
        possessive_org_words=frozenset(data["possessive_org_words"]),
        connectors=frozenset(data["org_connectors"]),
        institutions=tuple(data["institution_nouns"]),
        never=frozenset(fold_name(w) for w in data["never"]),
        calendar=frozenset(fold(w) for w in (*data["weekdays"], *data["months"])),
        months=frozenset(fold(w) for w in data["months"]),
        places=places,
        place_words=frozenset(fold(p) for p in places if " " not in p),
        place_nouns=frozenset(data["place_nouns"]),
        place_prepositions=frozenset(data["prepositions_before_places"]),
        place_openers=frozenset(data["place_openers"]),
        listed_words=frozenset(listed),
        given_particles=frozenset(data["given_name_particles"]),
        role_words=frozenset(data["role_words"]),
        suffixes=frozenset(data["name_suffixes"]),
        affiliation_nouns=frozenset(data["affiliation_nouns"]),
        place_heads=frozenset(data["place_heads"]),
        thing_heads=frozenset(data["thing_heads"]),
        institution_heads=frozenset(data["institution_heads"]),
        thing_articles=frozenset(data["articles_before_things"]),
        of_roles=frozenset(data["roles_before_of"]),
        lower_org_heads=tuple(tuple(h.split()) for h in (*data["lower_org_heads"], *data["lower_org_descriptors"])),
        lower_org_descriptors=frozenset(tuple(h.split()) for h in data["lower_org_descriptors"]),
        us_states=frozenset(data["us_states"]),
        credit_words=frozenset(fold(w) for w in data["credit_words"]),
        state_words=frozenset(
            fold(s) for e in gazetteer_entries() if e.type == "state" for s in (e.name, *e.aliases) if " " not in s
        ),
    )


@dataclass(frozen=True)
class Recognizer:
    """The tokenizer, the gazetteer's matchers and the optional statistical model."""

    nlp: Language
    names: PhraseMatcher  # gazetteer names and aliases, case-sensitive
    demonyms: PhraseMatcher  # case-sensitive
    titles: PhraseMatcher  # case-insensitive
    institutions: PhraseMatcher  # case-insensitive
    places: PhraseMatcher  # case-sensitive
    entries: tuple[GazetteerEntry, ...]
    model: Language | None


@lru_cache(maxsize=4)
def recognizer(model: str | None) -> Recognizer:
    """The recognizer of ``model`` (``None``: rules only), built once per process."""
    nlp = spacy.blank("en")  # only its tokenizer runs (sentences: segments._sentence_starts)
    # "U.S.-trained" is one token by default; split the hyphen so "U.S." can match.
    infixes = list(nlp.Defaults.infixes) + [r"(?<=[A-Za-z]\.)-(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    entries = gazetteer_entries()
    vocab = vocabulary()
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
    return Recognizer(nlp, names, demonyms, titles, institutions, places, entries, _load_model(model))


def load_recognizer(model: str | None = None) -> None:
    """Build the matchers of ``model`` and read the word lists now: worker processes forked after this share them."""
    from generator.lexicon import load_lexicon

    recognizer(model)
    load_lexicon()


def _load_model(model: str | None) -> Language | None:
    """An installed statistical pipeline, or ``None``; never downloads one."""
    if model is None:
        return None
    if not spacy.util.is_package(model):
        raise ValueError(f"spaCy model {model!r} is not installed (it is never downloaded)")
    return spacy.load(model)
