"""What a word is, by offline word lists: a given name, a common English word.

* given names: gender-guesser's bundled list (about 40,000 first names of many
  countries: Donald, Ahmad, Sergei, Lupita). Chosen over names-dataset (hundreds of
  megabytes) for its size, and over nameparser (which knows titles, not names) because
  evidence that a capitalised pair is a person is a given name;
* common words: wordfreq's bundled frequencies (English; and the corpus's other languages
  for a byline's user name). "Video Center", "Rights
  Reserved" and "Love Football" are common words, whatever their capitals say;
* forms of one given name: the nicknames package's hand-curated list (Chuck and
  Charles, Joe and Joseph, Bill and William), asked only of names whose surnames agree.

Both are read once per process (``load_lexicon`` before forking workers).
"""

from __future__ import annotations

from functools import lru_cache

from generator.files.rules import load_rules
from generator.text import fold


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    from gender_guesser.detector import Detector

    # case_sensitive=False keys the names lower-cased; "andy" and "unknown" are names too
    return frozenset(fold(n) for n in Detector(case_sensitive=False).names)


@lru_cache(maxsize=1)
def _thresholds() -> dict[str, float]:
    return dict(load_rules("gazetteer")["common_word_zipf"])


def load_lexicon() -> None:
    """Read the word lists now: worker processes forked after this share them."""
    _given_names()
    is_common_word("the")
    _name_forms()


@lru_cache(maxsize=1)
def _name_forms() -> dict[str, frozenset[str]]:
    """Each given name (folded) and the names it is a form of or has as forms, from the list."""
    from nicknames import NickNamer

    namer = NickNamer()
    forms: dict[str, set[str]] = {}
    for lookup in (namer.nickname_lookup, namer.canonical_lookup):  # canonical -> nicknames, and back
        for name, others in lookup.items():
            forms.setdefault(fold(name), set()).update(fold(o) for o in others)
    return {name: frozenset(others) for name, others in forms.items()}


@lru_cache(maxsize=1 << 16)
def are_name_forms(a: str, b: str) -> bool:
    """Whether two given names are forms of one ("Chuck" and "Charles"), by the nicknames list."""
    fa, fb = fold(a), fold(b)
    return fa != fb and fb in _name_forms().get(fa, frozenset())


@lru_cache(maxsize=1 << 16)
def is_given_name(word: str) -> bool:
    """A word that is somebody's first name somewhere ("Donald", "Moaz" is not listed, "Ahmad" is)."""
    return fold(word).strip(".") in _given_names()


@lru_cache(maxsize=1 << 16)
def is_common_word(word: str) -> bool:
    """An English word frequent enough that its capital says nothing ("Video", "Rights", "Love")."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= _thresholds()["common"]


# The corpus's languages a user name is checked against (wordfreq's bundled lists).
_NAME_CHECK_LANGUAGES = ("en", "de", "es", "fr", "it", "nl", "pl", "pt")


@lru_cache(maxsize=1 << 16)
def is_common_word_in_any_language(word: str) -> bool:
    """A word frequent in any of the corpus's languages ("último", "design"): a byline's
    lower-case word that is one is a sentence's, not a user name ("Por último, ...")."""
    from wordfreq import zipf_frequency

    return any(zipf_frequency(word, lang) >= _thresholds()["common"] for lang in _NAME_CHECK_LANGUAGES)


@lru_cache(maxsize=1 << 16)
def is_very_common_word(word: str) -> bool:
    """A word so frequent ("United", "State", "American") that alone it is a surname only
    where the article gives the full name; "Trump" and "Brown" are less frequent."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= _thresholds()["very_common"]
