"""Which language a page is in, and each language's function words: the function-word
share of a line is how much of it reads as prose in the page's own language (the article
span, the headline, the fields all ask it)."""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from generator.extract.page_lines import WORD, Line
from generator.files.rules import load_rules


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    """Each language's function words (``data/stopwords.yml``), lower-cased: how much of a
    line is prose in its own language."""
    return {lang: frozenset(str(w).lower() for w in words) for lang, words in load_rules("stopwords").items()}


@lru_cache(maxsize=1)
def _english_shortcut() -> float:
    # data/article_span.yml, english_shortcut: the English function-word share from which a
    # page is English without asking py3langid
    return float(load_rules("article_span")["english_shortcut"])


def detect_language(lines: Sequence[Line], max_chars: int = 600) -> str | None:
    """The language of the page's longest lines (py3langid), or ``None`` when too little text."""
    chosen = sorted((ln for ln in lines if ln.n_words >= 8), key=lambda ln: -ln.n_words)
    text = ""
    for ln in chosen:
        text += ln.text + "\n"
        if len(text) >= max_chars:
            break
    if len(text) < 40:
        return None
    # Plainly English text (English function words are a third of its words or more;
    # they are a tenth of German or French prose) is English without asking the model.
    english = function_words()["en"]
    words = WORD.findall(text[:max_chars].lower())
    if words and sum(map(english.__contains__, words)) / len(words) >= _english_shortcut():
        return "en"
    return classify_language(text[:max_chars])


def classify_language(text: str) -> str | None:
    """py3langid's language code for ``text``, or ``None`` where py3langid is not installed."""
    try:
        import py3langid  # type: ignore[import-not-found]
    except ImportError:  # the feature is optional: English function words are assumed
        return None
    lang, _ = py3langid.classify(text)
    return str(lang)
