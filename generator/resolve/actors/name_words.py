"""Which words may stand in a name: a person's (capitalised, no stop word, date or listed
name), an organisation's (capitalised, heads such as Committee), and role words that stand
before a name but are no part of it. Pure functions of one word, cached: every word of every
article is asked."""

from __future__ import annotations

from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from generator.resolve.actors.gazetteer import vocabulary
from generator.resolve.actors.segments import Word
from generator.text import fold


def is_role_word(text: str) -> bool:
    """A role word, or one written with hyphens of role words ("President-elect", "Attorney-General")."""
    roles = vocabulary().role_words
    return all(part.rstrip(".") in roles for part in fold(text).split("-"))


def is_initial(text: str) -> bool:
    """"R." in "James R. Clapper"."""
    return len(text) == 2 and text[0].isupper() and text[1] == "."


def is_name_word(word: Word) -> bool:
    """A capitalised word that can be part of a personal name."""
    return is_name_text(word.text)


# Cached, as is is_cap_text: pure functions of a word, asked of every word of every article.
@lru_cache(maxsize=1 << 16)
def is_name_text(text: str) -> bool:
    if not text[:1].isupper() or not any(c.islower() for c in text) or is_hyphen_adjective(text):
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


# The lower-case tails that make a compound adjective ("Kremlin-backed", "state-run",
# "Paris-born", "Kelly-ish": like Kelly, no one); any other lower-case tail is a name's
# ("Kim Jong-un", "Moon Jae-in").
_ADJECTIVE_TAILS = ("ed", "en", "run", "born", "made", "built", "like", "style", "speaking", "wide", "free", "era", "old", "ish")


def is_hyphen_adjective(text: str) -> bool:
    """"Britain-based", "U.S.-trained": a compound adjective, not a name ("Jean-Marc", "Jong-un" are)."""
    return any(part[:1].islower() and part.endswith(_ADJECTIVE_TAILS) for part in text.split("-")[1:])


def is_org_head(word: Word) -> bool:
    return word.text in vocabulary().org_heads


def is_cap_word(word: Word) -> bool:
    """A capitalised word that can stand in an organisation's name."""
    return is_cap_text(word.text)


@lru_cache(maxsize=1 << 16)
def is_cap_text(text: str) -> bool:
    folded = fold(text)
    vocab = vocabulary()
    return (
        text[:1].isupper()
        and any(c.isalpha() for c in text)
        and not is_hyphen_adjective(text)
        and folded not in STOP_WORDS
        and folded not in vocab.calendar
        and folded not in vocab.never
    )
