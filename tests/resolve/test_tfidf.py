"""generator/tfidf.py: the TF-IDF rows built from cached term counts are scikit-learn's, bit for bit."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from generator.resolve import tfidf
from generator.resolve.evidence import compose_event_text

from ..conftest import SEEDS

_SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]

CORPORA = {
    "one text": ["Russia invites the Syrian opposition to Moscow for talks."],
    "accents and case": ["Café DÉJÀ vu, naïve ÉCOLE", "cafe deja vu naive ecole", "Ünïcödé ﬁne ligature ½ ² ³"],
    "stop words only and empty": ["the and of", "", "Lavrov met Khatib in Doha", "   "],
    "repeated terms": ["talks talks talks talks ceasefire", "ceasefire " * 40, "talks ceasefire Geneva Geneva"],
    "numbers and scripts": ["2015 12 345 a1 b22 ñandú", "Москва и Дамаск", "北京 会谈 2015", "x y z"],
    # a row's entries keep the order in which the corpus first met each term: vary it
    "first-seen order differs from alphabetical": ["zeta alpha mid", "alpha zeta beta", "beta mid omega zeta alpha"],
    "the sample seeds": _SEED_TEXTS,
    "many short texts": [f"report {i % 7} on talks number {i} in city{i % 13} with envoy{i % 5}" for i in range(300)],
}


def _sklearn_rows(texts: list[str]):
    vectorizer = TfidfVectorizer(**tfidf.VECTORIZER_OPTIONS)
    return normalize(vectorizer.fit_transform(texts))


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_rows_equal_scikit_learns_bit_for_bit(name: str) -> None:
    texts = CORPORA[name]
    mine = tfidf.compose_tfidf_rows(tfidf.analyse_texts(texts))
    theirs = _sklearn_rows(texts)
    assert type(mine) is type(theirs)
    assert mine.shape == theirs.shape
    for part in ("indptr", "indices", "data"):
        a, b = getattr(mine, part), getattr(theirs, part)
        assert a.dtype == b.dtype
        assert a.tobytes() == b.tobytes(), part
    # and so every cosine similarity
    assert ((mine @ mine.T).toarray().tobytes()) == ((theirs @ theirs.T).toarray().tobytes())


def test_texts_without_any_term_give_no_rows() -> None:
    assert tfidf.compose_tfidf_rows(tfidf.analyse_texts(["", "the of and", "a"])) is None
    with pytest.raises(ValueError):  # what compose_tfidf_rows stands in for
        _sklearn_rows(["", "the of and", "a"])


def test_known_counts_are_used_and_new_ones_added(monkeypatch) -> None:
    texts = CORPORA["accents and case"]
    known: dict = {}
    first = tfidf.analyse_texts(texts, known)
    assert sorted(known) == sorted({tfidf.compose_text_key(t) for t in texts})

    def no_analyzer():
        raise AssertionError("every text was known")

    monkeypatch.setattr(tfidf, "_build_analyzer", no_analyzer)
    assert tfidf.analyse_texts(texts, known) == first


def test_the_archive_texts_give_the_same_similarities(archive) -> None:
    texts = [compose_event_text(a) for a in archive.articles]
    mine = tfidf.compose_tfidf_rows(tfidf.analyse_texts(texts))
    theirs = _sklearn_rows(texts)
    assert np.array_equal((mine @ mine.T).toarray(), (theirs @ theirs.T).toarray())
