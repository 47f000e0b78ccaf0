"""The evidence story dating and event grouping both weigh, computed once per build.

After actors resolve, :func:`ArchiveEvidence.of` builds, once for the archive:

* the **text vectors**: L2-normalised TF-IDF rows of each article's headline,
  standfirst and body (scikit-learn's ``TfidfVectorizer`` fitted on the archive
  itself, built from cached term counts: see tfidf.py), one row per article in
  order of article id;
* the **significant actors**: every actor but the background ones named in
  nearly every article (see :data:`BACKGROUND_ONE_IN`).

Story dating (story.py) and event grouping (events.py) receive the same object;
nothing is shared through module state. The similarity maths over the vectors
and the actor sets lives here too, with the one test both stages use for "two
reports of the same happening" (:func:`is_same_report`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator.model import Article
from generator.resolve.tfidf import analyse_texts, compose_tfidf_rows

# An actor missing from fewer than one article in BACKGROUND_ONE_IN is background
# (an IDF-like cut: its weight log(N/df) is nearly zero) and is no evidence of a
# shared happening or story: in an archive about Syria, "Syria". Rounding down
# means that below ten articles only an actor named in every article is
# background, since in a small archive one story told by several outlets already
# fills most of it. Below BACKGROUND_MIN_ARTICLES frequencies mean nothing at all
# (two wire copies name the same people) and no actor is background.
BACKGROUND_ONE_IN = 5
BACKGROUND_MIN_ARTICLES = 5


# Without a usable date the text has to carry the decision, so it must say more
# than a same-outlet follow-up reusing background paragraphs does (0.47 on the
# seeds): above this cosine two articles tell the same facts in the same words.
TEXT_STRONG = 0.60
MIN_SHARED_ACTORS_STRONG = 3



@dataclass(frozen=True)
class ArchiveEvidence:
    """The archive's text vectors and significant actors, built once after actors resolve."""

    article_ids: tuple[str, ...]  # the rows of ``vectors``: every article id, sorted
    vectors: Any  # normalised TF-IDF rows (scipy CSR), or None when no text has a word
    significant: frozenset[str]  # actor ids that are not background

    @staticmethod
    def of(articles: Sequence[Article], derived: MutableMapping[str, Any] | None = None) -> "ArchiveEvidence":
        """The evidence of ``articles`` (any order); ``derived`` (the cache's table of
        derived values) keeps texts' term counts, so a rebuild analyses only new texts."""
        ordered = sorted(articles, key=lambda a: a.id)
        return ArchiveEvidence(
            article_ids=tuple(a.id for a in ordered),
            vectors=measure_text_vectors([compose_event_text(a) for a in ordered], derived),
            significant=frozenset(select_significant_actors(ordered)),
        )

    def check_rows(self, articles: Sequence[Article]) -> None:
        """Fail loudly when ``articles`` (sorted by id) are not the rows this evidence was built on."""
        if tuple(a.id for a in articles) != self.article_ids:
            raise ValueError("the archive evidence was built for other articles")


def is_same_report(text_similarity: float, shared_actors: int) -> bool:
    """Whether two articles tell the same happening on text and actors alone, dates unknown.

    The bar an undated article must clear to join an event; the pipeline uses the
    same bar before letting one report's date place another's "on Friday".
    """
    return shared_actors >= MIN_SHARED_ACTORS_STRONG and text_similarity >= TEXT_STRONG


def compose_event_text(article: Article) -> str:
    """The words an article is compared on: headline, standfirst and body."""
    parts = [article.title.value, article.summary.value if article.summary else "", article.doc.body_text()]
    return "\n\n".join(p for p in parts if p)


def measure_text_vectors(texts: Sequence[str], derived: MutableMapping[str, Any] | None = None) -> Any:
    """The L2-normalised TF-IDF rows of ``texts`` (scipy CSR), or ``None`` when no text has a word.

    The product of two rows is the texts' cosine similarity. The vectors are
    scikit-learn's (``TfidfVectorizer``, then ``normalize`` as ``cosine_similarity``
    does), built from each text's term counts (see tfidf.py); ``derived`` holds
    the counts of texts seen before (the extraction cache's table), so only new
    texts are analysed.
    """
    return compose_tfidf_rows(analyse_texts(tuple(texts), derived))


def measure_similarities(vectors: Any, row: int, others: Sequence[int]) -> list[float]:
    """Cosine similarity of text ``row`` with each of ``others`` (rows of :func:`measure_text_vectors`)."""
    if vectors is None or not others:
        return [0.0] * len(others)
    return [float(x) for x in (vectors[row] @ vectors[list(others)].T).toarray().ravel()]


def measure_similarity_pairs(vectors: Any, wanted: Mapping[int, Collection[int]]) -> Iterator[tuple[int, dict[int, float]]]:
    """For each row of ``wanted`` (in its order), its cosine similarity with each text it names.

    The same numbers as one product of every row with every text (a product adds
    a pair's terms in the order of the row's entries, whichever other texts are in
    the product), computed only for the pairs asked: a block of rows is multiplied
    with the texts the block names, not with the whole archive (at 10,000
    articles that was eight seconds of sparse products), and a block grows only
    while its product stays small (:data:`PAIR_BLOCK_ENTRIES`).
    """
    import numpy as np

    rows = list(wanted)
    start = 0
    while start < len(rows):
        columns = set(wanted[rows[start]])
        end = start + 1
        while end < len(rows):
            grown = columns.union(wanted[rows[end]])
            if (end - start + 1) * len(grown) > PAIR_BLOCK_ENTRIES:
                break
            columns, end = grown, end + 1
        chunk, ordered = rows[start:end], sorted(columns)
        if vectors is None or not ordered:
            dense = np.zeros((len(chunk), len(ordered)))
        else:
            dense = (vectors[chunk] @ vectors[ordered].T).toarray()
        position = {j: k for k, j in enumerate(ordered)}
        for r, i in enumerate(chunk):
            yield i, {j: float(dense[r, position[j]]) for j in wanted[i]}
        start = end


# Entries of one block's product in measure_similarity_pairs: the rows' wanted
# texts are mostly different ones, so a block of many rows multiplies each row
# with thousands of texts it does not need; this keeps a block near 256 × 256.
PAIR_BLOCK_ENTRIES = 65_536


def select_sharing_pairs(actor_sets: Sequence[Iterable[str]], rows: Iterable[int], at_least: int) -> dict[int, tuple[Any, Any]]:
    """For each of ``rows``: the other indexes whose actor set shares at least ``at_least``
    actors with it (a sorted numpy array) and how many each shares (an array beside it).

    Counted with one sparse product per block of rows, not a Python loop over
    every pair: at 10,000 articles that is 50 million pairs.
    """
    import numpy as np
    from scipy.sparse import csr_matrix

    ids: dict[str, int] = {}
    indptr, indices = [0], []
    for actors in actor_sets:
        indices.extend(sorted({ids.setdefault(a, len(ids)) for a in actors}))
        indptr.append(len(indices))
    rows = list(rows)
    empty = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
    if not ids:
        return {r: empty for r in rows}
    member = csr_matrix((np.ones(len(indices), dtype=np.int64), indices, indptr), shape=(len(actor_sets), len(ids)))
    transposed = member.T.tocsr()
    found: dict[int, tuple[Any, Any]] = {}
    block = 512  # rows per product: bounds the memory of a block's counts
    for start in range(0, len(rows), block):
        chunk = rows[start : start + block]
        counts = member[chunk] @ transposed
        counts.sort_indices()
        for r, row in enumerate(chunk):
            cols = counts.indices[counts.indptr[r] : counts.indptr[r + 1]]
            values = counts.data[counts.indptr[r] : counts.indptr[r + 1]]
            keep = (values >= at_least) & (cols != row)
            found[row] = (cols[keep].astype(np.int64), values[keep].astype(np.int64))
    return found


def select_significant_actors(articles: Sequence[Article]) -> set[str]:
    """Actor ids that tell articles apart: all but those named in nearly every article."""
    frequency: dict[str, int] = {}
    for article in articles:
        for actor_id in set(article.actor_ids):
            frequency[actor_id] = frequency.get(actor_id, 0) + 1
    if len(articles) < BACKGROUND_MIN_ARTICLES:
        return set(frequency)
    tolerance = max(1, len(articles) // BACKGROUND_ONE_IN)
    return {a for a, n in frequency.items() if len(articles) - n >= tolerance}


