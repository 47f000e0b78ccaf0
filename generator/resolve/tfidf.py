"""TF-IDF vectors of the archive's texts, the very numbers scikit-learn's ``TfidfVectorizer`` gives.

Event grouping and story dating compare articles by the cosine similarity of
``TfidfVectorizer(stop_words="english", sublinear_tf=True, strip_accents="unicode")``
vectors, L2-normalised once more (as ``sklearn.preprocessing.normalize`` does).
Fitting that on every build re-tokenised every article (10 s at 10,000 articles)
and importing scikit-learn took most of a second more. Here the work is split:

* :func:`analyse_texts` gives each text's term counts (scikit-learn's own analyzer,
  imported only when a text is new), which the caller may keep in the
  extraction cache: a text's terms never change;
* :func:`compose_tfidf_rows` builds, from the counts alone, the CSR matrix
  ``TfidfVectorizer`` and ``normalize`` build: the same vocabulary order, the
  same order of entries within a row, the same floating-point operations in the
  same order, so every similarity is bit for bit the same (tests/test_tfidf.py
  compares them with scikit-learn's on varied texts).

Pure: the caller owns the cache.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any, Mapping, MutableMapping, Sequence

# Term counts of one text, in the order the analyzer first meets each term (that
# order decides the vocabulary's first-seen order, hence the order of a row's entries).
TermCounts = tuple[tuple[str, ...], tuple[int, ...]]


def compose_text_key(text: str) -> str:
    """The cache key of a text's term counts (the text's hash, in its own namespace)."""
    return "tfidf-terms:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def analyse_texts(texts: Sequence[str], derived: MutableMapping[str, TermCounts] | None = None) -> list[TermCounts]:
    """Each text's term counts as scikit-learn's analyzer gives them; ``derived`` (the
    cache's table: key -> counts, see :func:`compose_text_key`) is read first and
    receives the new ones."""
    known = {} if derived is None else derived
    keys = [compose_text_key(t) for t in texts]
    found: list[TermCounts | None] = [known.get(k) for k in keys]
    missing = [i for i, counts in enumerate(found) if counts is None]
    if missing:
        analyse = _build_analyzer()
        for i in missing:
            counts = Counter(analyse(texts[i]))  # a Counter keeps the first-seen order of its keys
            found[i] = (tuple(counts), tuple(counts.values()))
            known[keys[i]] = found[i]  # type: ignore[assignment]
    return [c for c in found if c is not None]


def _build_analyzer() -> Any:
    # imported here: scikit-learn takes most of a second to load, and only new texts need it
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(**VECTORIZER_OPTIONS).build_analyzer()


# The vectorizer whose numbers compose_tfidf_rows reproduces: English stop words
# dropped, accents folded, term frequencies dampened (1 + log tf) so that a long
# article repeating a name does not drown a short one; smooth idf and L2 norm
# are TfidfVectorizer's defaults.
VECTORIZER_OPTIONS: Mapping[str, Any] = {"stop_words": "english", "sublinear_tf": True, "strip_accents": "unicode"}


def compose_tfidf_rows(analysed: Sequence[TermCounts]) -> Any:
    """The L2-normalised TF-IDF rows (scipy ``csr_matrix``) of texts with these term
    counts, or ``None`` when no text has a term: equal, entry for entry, to
    ``normalize(TfidfVectorizer(**VECTORIZER_OPTIONS).fit_transform(texts))``.
    """
    import numpy as np
    from scipy.sparse import csr_matrix

    # CountVectorizer: vocabulary in first-seen order, a row's terms in the order
    # the text first uses them, then each row sorted by first-seen index.
    vocabulary: dict[str, int] = {}
    add = vocabulary.setdefault
    indices: list[int] = []
    values: list[int] = []
    indptr = [0]
    for terms, counts in analysed:
        indices.extend([add(t, len(vocabulary)) for t in terms])
        values.extend(counts)
        indptr.append(len(indices))
    if not vocabulary:
        return None  # TfidfVectorizer raises "empty vocabulary"
    index_type = np.int32 if len(indices) <= np.iinfo(np.int32).max else np.int64
    counts_matrix = csr_matrix(
        (np.asarray(values, dtype=np.int64), np.asarray(indices, dtype=index_type), np.asarray(indptr, dtype=index_type)),
        shape=(len(analysed), len(vocabulary)),
    )
    counts_matrix.sort_indices()
    # ... then features renamed to their rank in alphabetical order (rows are not re-sorted)
    rank = np.empty(len(vocabulary), dtype=index_type)
    for new, (_, old) in enumerate(sorted(vocabulary.items())):
        rank[old] = new
    row_indices = rank.take(counts_matrix.indices)
    # TfidfTransformer.fit: smooth idf = ln((1 + n) / (1 + df)) + 1
    df = np.bincount(row_indices, minlength=len(vocabulary)).astype(np.float64)
    df += 1.0
    idf = np.full_like(df, fill_value=len(analysed) + 1, dtype=np.float64)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    # TfidfTransformer.transform: sublinear tf, times idf, L2 norm; then normalize() once more
    data = counts_matrix.data.astype(np.float64)
    np.log(data, data)
    data += 1.0
    data *= idf[row_indices]
    _normalise_rows(data, counts_matrix.indptr)
    _normalise_rows(data, counts_matrix.indptr)
    return csr_matrix(
        (data, row_indices, counts_matrix.indptr.copy()), shape=(len(analysed), len(vocabulary)), copy=False
    )


def _normalise_rows(data: Any, indptr: Any) -> None:
    """Divide each row by its L2 norm in place, exactly as scikit-learn's
    ``inplace_csr_row_normalize_l2``: a row's squares added one after the other in
    row order (numpy's ``sum`` adds pairwise, which rounds differently), the root
    taken, every entry divided by it.

    The k-th squares of all rows are added in one step, so a row's running sum
    still grows in row order while the loop runs over the longest row's length,
    not over the rows.
    """
    import numpy as np

    starts, lengths = indptr[:-1], np.diff(indptr)
    order = np.argsort(-lengths, kind="stable")  # longest rows first: step k adds to a prefix
    starts, lengths = starts[order], lengths[order]
    squares = data * data
    totals = np.zeros(len(order))
    active = len(order)
    for k in range(int(lengths[0]) if len(order) else 0):
        while active and lengths[active - 1] <= k:
            active -= 1
        totals[:active] += squares[starts[:active] + k]
    norms = np.ones(len(order))
    nonzero = totals != 0.0  # an empty row is left alone
    norms[order[nonzero]] = np.sqrt(totals[nonzero])
    data /= np.repeat(norms, np.diff(indptr))
