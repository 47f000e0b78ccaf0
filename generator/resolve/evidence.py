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

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, fields
from typing import Any, TypeVar

from generator.extract.dates import date_rules
from generator.files.rules import load_rules
from generator.model import Article
from generator.resolve.furniture import select_site_lines, split_block_lines
from generator.resolve.tfidf import TermCounts, analyse_texts, compose_tfidf_rows
from generator.text import normalise_key

R = TypeVar("R")

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
class EventThresholds:
    """The thresholds of event grouping and its text evidence (``data/events.yml``, each with its why)."""

    fact_weight: float
    outlet_concentration_min_articles: int
    cut: float
    pair_cut: float
    dating_cut: float
    attach_cut: float
    attach_margin: float
    attach_max_size: int
    pair_floor: float
    candidate_terms: int
    candidate_shared_terms: int
    candidate_max_articles: int
    near_days: int
    near_bonus: float
    near_text_min: float
    near_text_beyond_topic_min: float
    far_days: int
    trusted_date_confidence: float
    shared_actor_bonus: float
    max_actor_bonus: float
    related_min_shared_actors: int
    related_min_text: float
    related_max_days: int

    @staticmethod
    def from_rules() -> "EventThresholds":
        """The values of ``generator/data/events.yml``."""
        data = load_rules("events")
        values = {name: entry["value"] for section in ("text", "grouping") for name, entry in data[section].items()}
        values.update({f"related_{name}": entry["value"] for name, entry in data["related"].items()})
        return EventThresholds(**{f.name: values[f.name] for f in fields(EventThresholds)})


@dataclass(frozen=True)
class ArchiveEvidence:
    """The archive's text vectors and significant actors, built once after actors resolve."""

    article_ids: tuple[str, ...]  # the rows of ``vectors``: every article id, sorted
    vectors: Any  # normalised TF-IDF rows (scipy CSR), or None when no text has a word
    significant: frozenset[str]  # actor ids that are not background
    weekdays: tuple[frozenset[int], ...] = ()  # per row: the days of the week its text names (0 = Monday)
    written_days: tuple[frozenset[WrittenDay], ...] = ()  # per row: the days of the year its text names

    @staticmethod
    def of(
        articles: Sequence[Article],
        derived: MutableMapping[str, Any] | None = None,
        thresholds: EventThresholds | None = None,
    ) -> "ArchiveEvidence":
        """The evidence of ``articles`` (any order); ``derived`` (the cache's table of
        derived values) keeps texts' term counts, so a rebuild analyses only new texts."""
        thresholds = thresholds or EventThresholds.from_rules()
        ordered = sorted(articles, key=lambda a: a.id)
        site_lines = select_site_lines(ordered)
        texts = [compose_event_text(a, drop) for a, drop in zip(ordered, site_lines)]
        words = measure_text_vectors(texts, derived)
        outlets = [a.outlet.value if a.outlet else None for a in ordered]
        words = weigh_down_outlet_terms(words, outlets, thresholds.outlet_concentration_min_articles)
        fact_texts = [compose_fact_text(a, drop) for a, drop in zip(ordered, site_lines)]
        digests = [digest_text(t) for t in fact_texts] if derived is not None else []
        fact_counts = map_texts_cached(fact_texts, digests, derived, "facts", count_facts)
        facts = compose_tfidf_rows(fact_counts)
        return ArchiveEvidence(
            article_ids=tuple(a.id for a in ordered),
            vectors=join_vectors(words, facts, thresholds.fact_weight, len(ordered)),
            significant=frozenset(select_significant_actors(ordered)),
            weekdays=tuple(select_weekdays(terms) for terms, _ in fact_counts),
            written_days=tuple(map_texts_cached(fact_texts, digests, derived, "written-days", read_written_days)),
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


# Titles made up from a file name ("12 1 1") are not words of the article.
_TITLE_NOT_WRITTEN = frozenset({"file-name"})


def compose_event_text(article: Article, drop: Collection[str] = ()) -> str:
    """The words an article is compared on: headline (when the page gave one), standfirst
    and body, without the lines ``drop`` names (keys of :func:`normalise_key`: the lines
    its site prints on other pages too, furniture.select_site_lines)."""
    title = "" if article.title.provenance.method in _TITLE_NOT_WRITTEN else article.title.value
    parts = [title, article.summary.value if article.summary else "", _body_text(article, drop)]
    return "\n\n".join(p for p in parts if p)


def compose_fact_text(article: Article, drop: Collection[str] = ()) -> str:
    """The text an article's facts are read from: its body (a headline capitalises every word),
    without the lines ``drop`` names (see :func:`compose_event_text`)."""
    parts = [article.summary.value if article.summary else "", _body_text(article, drop)]
    return "\n\n".join(p for p in parts if p)


def _body_text(article: Article, drop: Collection[str]) -> str:
    if not drop:
        return article.doc.body_text()
    kept = (
        " ".join(line for line in split_block_lines(b) if normalise_key(line) not in drop) for b in article.doc.body_blocks()
    )
    return "\n\n".join(text for text in kept if text)


# Facts: a run of capitalised words not at the start of a sentence (a name: "Gulf
# of Aden" gives "gulf", "aden"; "INS Mysore" gives "ins mysore"), or a figure
# ("23", "6.1", "2011"). What tells two similar happenings apart are these: the
# place, the ship, the people, the toll, the magnitude, the year.
# The lookahead comes first so the lookbehinds are tried only where a capital or a
# digit starts (three times faster; the same matches).
_FACT = re.compile(
    r"\b(?=[A-Z\d])(?<![.!?:\"“”]\s)(?<![.!?:\"“”])(?<!^)(?<!\n)("
    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
    r"|\d+(?:[.,]\d+)*)"
)


def count_facts(text: str) -> TermCounts:
    """The facts of ``text`` (see :data:`_FACT`) as term counts, in first-seen order."""
    found = (" ".join(m.casefold().replace("’", "'").split()).rstrip(".,") for m in _FACT.findall(text))
    counts = Counter(f for f in found if f)  # a Counter keeps the first-seen order of its keys
    return tuple(counts), tuple(counts.values())


def select_weekdays(facts: Iterable[str]) -> frozenset[int]:
    """The days of the week (0 = Monday) among an article's facts: "on Thursday" in a
    report is the day of its happening, or of what led to it (the English full names of
    data/dates.yml, as the facts are read in English)."""
    numbers = {names[0].casefold(): n for n, names in date_rules().weekday_names.items()}
    return frozenset(numbers[w] for fact in facts for w in fact.split() if w in numbers)


# A day written in a text: (month, day, year), year 0 when not written ("Aug. 13").
WrittenDay = tuple[int, int, int]


def _compile_written_day() -> re.Pattern[str]:
    rules = load_rules("dates")
    months = "|".join(sorted((re.escape(n) for names in rules["months"].values() for n in names), key=len, reverse=True))
    day, year = rules["fragments"]["day"], rules["fragments"]["year"]
    return re.compile(  # the lookahead first: only where a capital or a digit starts
        rf"(?=[A-Z\d])(?:\b(?P<m1>{months})\.?\s+(?P<d1>{day})(?:,?\s+(?P<y1>{year}))?"
        rf"|(?P<d2>{day})\s+(?P<m2>{months})\b\.?(?:,?\s+(?P<y2>{year}))?)"
    )


_WRITTEN_DAY: re.Pattern[str] | None = None
_MONTH_NUMBER: dict[str, int] = {}


def read_written_days(text: str) -> frozenset[WrittenDay]:
    """The days of the year ``text`` writes out ("August 5, 2015", "Aug. 13", "13 August"),
    months as dates.yml spells them."""
    global _WRITTEN_DAY
    if _WRITTEN_DAY is None:
        _WRITTEN_DAY = _compile_written_day()
        _MONTH_NUMBER.update({n: int(k) for k, names in load_rules("dates")["months"].items() for n in names})
    found: set[WrittenDay] = set()
    for m in _WRITTEN_DAY.finditer(text):
        month, day, year = (m["m1"], m["d1"], m["y1"]) if m["m1"] else (m["m2"], m["d2"], m["y2"])
        found.add((_MONTH_NUMBER[month], int(day.rstrip("stndrh")), int(year) if year else 0))
    return frozenset(found)


def map_texts_cached(
    texts: Sequence[str],
    digests: Sequence[str],
    derived: MutableMapping[str, Any] | None,
    kind: str,
    compute: Callable[[str], R],
) -> list[R]:
    """``[compute(t) for t in texts]``, each value kept in ``derived`` (the cache's table)
    under ``kind`` and the text's ``digest`` (:func:`digest_text`): a text's value never
    changes, so a rebuild computes only new texts'."""
    if derived is None:
        return [compute(t) for t in texts]
    found: list[R] = []
    for text, digest in zip(texts, digests):
        key = f"{kind}:{digest}"
        value = derived.get(key)
        if value is None:
            value = derived[key] = compute(text)
        found.append(value)
    return found


def digest_text(text: str) -> str:
    """A text's hash, the part of its cache keys that names it."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def weigh_down_outlet_terms(vectors: Any, outlets: Sequence[str | None], min_articles: int) -> Any:
    """The rows with each term weighted by how little it says "this outlet" (rows normalised again).

    A term's concentration in outlet *o* is (its articles of *o* / all its articles)
    × (its articles of *o* / *o*'s articles): 1 for a word on every page of one site
    and nowhere else (furniture, the site's name and slogans), near 0 for a story's
    word that an outlet used in a few of its many articles, or that many outlets
    use. The weight is 1 minus the highest concentration; outlets with fewer than
    ``min_articles`` articles are not weighed (two articles of one site sharing a
    word may be one story told twice).
    """
    import numpy as np
    from scipy.sparse import csr_matrix, diags

    if vectors is None:
        return None
    names = sorted({o for o in outlets if o is not None})
    sizes = {o: sum(1 for x in outlets if x == o) for o in names}
    weighed = [o for o in names if sizes[o] >= min_articles]
    if not weighed:
        return vectors
    present = vectors.copy()
    present.data = np.ones_like(present.data)
    df = np.asarray(present.sum(axis=0)).ravel()
    row_of = {o: k for k, o in enumerate(weighed)}
    rows = [(row_of[o], i) for i, o in enumerate(outlets) if o in row_of]
    membership = csr_matrix(
        (np.ones(len(rows)), ([r for r, _ in rows], [i for _, i in rows])), shape=(len(weighed), vectors.shape[0])
    )
    per_outlet = (membership @ present).tocoo()  # outlet x term: that outlet's articles with the term
    concentration = np.zeros(vectors.shape[1])
    n_of = np.array([sizes[o] for o in weighed], dtype=np.float64)
    share = per_outlet.data / df[per_outlet.col] * (per_outlet.data / n_of[per_outlet.row])
    np.maximum.at(concentration, per_outlet.col, share)
    weighted = (vectors @ diags(1.0 - concentration)).tocsr()
    return _normalise(weighted)


def _normalise(matrix: Any) -> Any:
    """Rows scaled to length 1 (scikit-learn is not imported for this: it takes a second to load)."""
    import numpy as np

    matrix.sort_indices()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0.0] = 1.0
    matrix.data /= np.repeat(norms, np.diff(matrix.indptr))
    return matrix


def join_vectors(words: Any, facts: Any, fact_weight: float, rows: int) -> Any:
    """One row per article whose products are ``(1 - w) × words' cosine + w × facts' cosine``."""
    from scipy.sparse import csr_matrix, hstack

    parts = [
        part * weight
        for part, weight in ((words, (1.0 - fact_weight) ** 0.5), (facts, fact_weight**0.5))
        if part is not None
    ]
    if not parts:
        return None
    joined = hstack(parts, format="csr") if len(parts) > 1 else parts[0]
    joined.sort_indices()
    return csr_matrix(joined)


def select_distinctive_terms(vectors: Any, k: int, max_rows: int) -> list[frozenset[int]]:
    """Each row's ``k`` heaviest terms (column indexes) among those found in at most
    ``max_rows`` rows: the words that make it itself, and that few others share.

    A term in many rows (a word of every story of the archive, a common figure) links
    each of them with every other: the pairs it proposes grow with the square of its
    rows, and say nothing about one happening. Capping the rows a term may be in keeps
    the pairs proposed under ``rows × k × max_rows``.
    """
    import numpy as np

    if vectors is None:
        return []
    present = np.bincount(vectors.indices, minlength=vectors.shape[1])
    tops: list[frozenset[int]] = []
    for start, end in zip(vectors.indptr[:-1], vectors.indptr[1:]):
        data, cols = vectors.data[start:end], vectors.indices[start:end]
        rare = present[cols] <= max_rows
        data, cols = data[rare], cols[rare]
        if len(data) > k:
            keep = np.lexsort((cols, -data))[:k]  # ties by column: deterministic
            cols = cols[keep]
        tops.append(frozenset(cols.tolist()))
    return tops


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


