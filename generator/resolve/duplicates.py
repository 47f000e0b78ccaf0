"""Seeds that are one article: the same page saved twice, told by the article's text.

A page saved as ``.html`` and as a text dump, or pasted twice with other furniture,
does not clean to the same text: trafilatura and the line cleaner keep a caption,
a byline or a last teaser more or less. Two seeds are one article when their
bodies share nearly all their word runs (*shingles*): at least ``min_containment``
of the shorter body's runs are in the longer one, and the shared text is a fair
share of both bodies and of both files. A short body never counts: different
pages of one site reduced to the same teaser or newsletter paragraph are two
pages (each is warned about, as its text may be only a teaser). The thresholds
are data (``data/duplicates.yml``), each with its why and the measurements behind it.

No seed is compared with every other: each body is indexed by a few of its runs
(those of smallest hash, a bottom-k sketch), and only pairs whose sketches estimate
a large overlap are compared in full; seeds with the very same body are paired at
once. A build of thousands of seeds compares a few dozen pairs.

Of one article's copies the richer record is kept: a copy with curated values
(sidecar or front matter) first, so they are never dropped silently; then the one
whose fields give more (date, outlet, URL, authors, summary: an .html page's own
tags often give its date and address); then the tighter text, the copy whose words
are all in the other (the other's extra lines were mostly furniture on real pages);
then the longer body; then the first by file name. Each skipped copy is reported
naming both files and the share of its text found in the kept one, and any curated
value of its own that the kept copy lacks. Pure: articles in, articles and problems out.
"""

from __future__ import annotations

import heapq
import posixpath
import zlib
from collections import defaultdict
from dataclasses import dataclass, fields
from typing import Sequence

from generator.files.curation import SIDECAR_SUFFIX
from generator.files.rules import load_rules
from generator.model import Article, CleanDoc, Field, Problem
from generator.text import UnionFind, normalise_key

# The blocks that are the article's own text: not its title (two stories may share
# one), captions (a wire photo's caption recurs across outlets) or date lines.
_BODY_KINDS = ("summary", "paragraph", "bullets", "heading")
# Fields whose being known makes one copy the richer record.
_RECORD_FIELDS = ("date", "outlet", "source_url", "authors", "summary")


@dataclass(frozen=True)
class DuplicateThresholds:
    """When two bodies are one article (``data/duplicates.yml``)."""

    shingle_words: int
    min_containment: float
    min_longer_share: float
    min_body_words: int
    min_raw_share: float
    anchors: int
    max_anchor_seeds: int
    sketch_runs: int
    min_estimated_containment: float
    same_text_margin: float

    @staticmethod
    def from_rules() -> "DuplicateThresholds":
        """The values of ``generator/data/duplicates.yml``."""
        data = load_rules("duplicates")
        return DuplicateThresholds(**{f.name: data[f.name]["value"] for f in fields(DuplicateThresholds)})


@dataclass(frozen=True)
class Overlap:
    """How much of two bodies, ``a`` and ``b``, is the same text.

    ``a_in_b``: share of a's word runs found in b (and ``b_in_a`` the other way);
    ``a_raw_share``: share of a's whole file (furniture included) that the shared
    runs cover, in words (and ``b_raw_share``); ``a_words``/``b_words``: body words.
    """

    a_in_b: float
    b_in_a: float
    a_raw_share: float
    b_raw_share: float
    a_words: int
    b_words: int

    def swapped(self) -> "Overlap":
        """The same overlap seen from ``b``."""
        return Overlap(self.b_in_a, self.a_in_b, self.b_raw_share, self.a_raw_share, self.b_words, self.a_words)


def body_words(doc: CleanDoc) -> list[str]:
    """The article's own words, case-folded, in order: standfirst, paragraphs, lists, subheadings."""
    return normalise_key("\n".join(b.plain() for b in doc.blocks if b.kind in _BODY_KINDS)).split()


def file_word_count(doc: CleanDoc) -> int:
    """The words of the seed's whole text: every block and every line cleaning removed."""
    return len(normalise_key("\n".join([*(b.plain() for b in doc.blocks), *(r.text for r in doc.removed)])).split())


def shingle_hashes(words: Sequence[str], size: int) -> list[int]:
    """A stable hash of each run of ``size`` words, in order; none when there are fewer words.

    Each word is CRC-32'd, each run is the tuple of its words' CRCs, hashed: Python
    salts the hash of a string per process, never of an int or a tuple of ints, so
    the anchors chosen from these are the same on every build. All of it runs in C,
    about 40% cheaper than hashing each run's joined text.
    """
    codes = list(map(zlib.crc32, map(str.encode, words)))
    return list(map(hash, zip(*(codes[i:] for i in range(size)))))


@dataclass(frozen=True)
class _Body:
    """One body's word runs, measured once for all the pairs it is in."""

    words: int
    runs: tuple[int, ...]
    run_set: frozenset[int]
    file_words: int

    @staticmethod
    def of(doc: CleanDoc, size: int) -> "_Body":
        words = body_words(doc)
        runs = tuple(shingle_hashes(words, size))
        return _Body(len(words), runs, frozenset(runs), file_word_count(doc))


def measure_overlap(a: CleanDoc, b: CleanDoc, size: int) -> Overlap:
    """How much of ``a``'s and ``b``'s bodies is the same text, in runs of ``size`` words (see :class:`Overlap`)."""
    return _measure(_Body.of(a, size), _Body.of(b, size), size)


def _measure(a: _Body, b: _Body, size: int) -> Overlap:
    shared = a.run_set & b.run_set
    return Overlap(
        a_in_b=len(shared) / len(a.run_set) if a.run_set else 0.0,
        b_in_a=len(shared) / len(b.run_set) if b.run_set else 0.0,
        a_raw_share=_covered_words(a.runs, shared, size) / max(1, a.file_words),
        b_raw_share=_covered_words(b.runs, shared, size) / max(1, b.file_words),
        a_words=a.words,
        b_words=b.words,
    )


def _covered_words(runs: Sequence[int], shared: frozenset[int], size: int) -> int:
    """How many words of a body lie in at least one shared run."""
    hits = list(map(shared.__contains__, runs))
    # word w is covered when one of the runs starting at w-size+1 .. w is shared;
    # padded so that each word has its window of ``size`` runs (all of it in C)
    padded = [False] * (size - 1) + hits + [False] * (size - 1)
    return sum(map(any, zip(*(padded[i:] for i in range(size))))) if hits else 0


def is_same_article(overlap: Overlap, limits: DuplicateThresholds) -> bool:
    """Whether two bodies are one article's text: long enough to tell, nearly all of the
    shorter in the longer, and the shared text a fair share of both bodies and both files."""
    shorter = min(overlap.a_words, overlap.b_words)
    contained, other = max(overlap.a_in_b, overlap.b_in_a), min(overlap.a_in_b, overlap.b_in_a)
    return (
        shorter >= limits.min_body_words
        and contained >= limits.min_containment
        and other >= limits.min_longer_share
        and min(overlap.a_raw_share, overlap.b_raw_share) >= limits.min_raw_share
    )


def teaser_sides(overlap: Overlap, limits: DuplicateThresholds) -> tuple[bool, bool]:
    """For two bodies that are not one article, whether ``a`` (and ``b``) is nearly all
    found in the other yet too short, or too small a part of its file, to tell: most
    likely a teaser or a site's paragraph that cleaning kept instead of the article."""
    if is_same_article(overlap, limits):
        return False, False
    return (
        overlap.a_in_b >= limits.min_containment
        and (overlap.a_words < limits.min_body_words or overlap.a_raw_share < limits.min_raw_share),
        overlap.b_in_a >= limits.min_containment
        and (overlap.b_words < limits.min_body_words or overlap.b_raw_share < limits.min_raw_share),
    )


@dataclass(frozen=True)
class BodySketch:
    """A bottom-k sketch of a body: how many distinct word runs it has, and the
    ``sketch_runs`` of smallest hash (``anchors``: the first of them, in order). Two
    sketches estimate how much of one body is in the other without either body's
    full set of runs in memory."""

    runs: int
    lowest: frozenset[int]
    anchors: tuple[int, ...]
    cut: int  # the largest hash in ``lowest``, or _NO_BOUND when it holds the whole body
    whole: int  # a hash of all the body's words: equal for equal bodies (within one process)

    @staticmethod
    def of(doc: CleanDoc, limits: DuplicateThresholds) -> "BodySketch":
        words = body_words(doc)
        runs = set(shingle_hashes(words, limits.shingle_words))
        lowest = heapq.nsmallest(limits.sketch_runs, runs)
        cut = lowest[-1] if len(lowest) < len(runs) else _NO_BOUND
        return BodySketch(len(runs), frozenset(lowest), tuple(lowest[: limits.anchors]), cut, hash(tuple(words)))


# Above every hash (hash() of a tuple is a signed 64-bit value).
_NO_BOUND = 1 << 64


def estimate_containment(a: BodySketch, b: BodySketch) -> float:
    """The estimated share of the smaller body's runs found in the other (0 when either has none).

    Below ``cut``, the smaller of the two sketches' bounds, each sketch holds every run
    of its body, so the runs there are a fair sample of both: their Jaccard index J is
    the share of them in both bodies, and the smaller body's share in the other is
    J (|A| + |B|) / ((1 + J) min(|A|, |B|)).
    """
    if not a.runs or not b.runs:
        return 0.0
    shared = a.lowest & b.lowest
    cut = min(a.cut, b.cut)
    if cut == _NO_BOUND:  # both sketches are whole bodies: exact
        return len(shared) / min(a.runs, b.runs)
    both = sum(1 for run in shared if run <= cut)
    either = sum(1 for run in a.lowest if run <= cut) + sum(1 for run in b.lowest if run <= cut) - both
    jaccard = both / either
    return min(1.0, jaccard * (a.runs + b.runs) / ((1 + jaccard) * min(a.runs, b.runs)))


def _at_most(a: BodySketch, b: BodySketch) -> float:
    """An upper bound of :func:`estimate_containment`, from the sketches' overlap alone:
    below the cut one sketch is whole, so J is at most |shared| / its size."""
    whole = min(len(a.lowest), len(b.lowest))
    jaccard = min(1.0, len(a.lowest & b.lowest) / whole)
    return jaccard * (a.runs + b.runs) / ((1 + jaccard) * min(a.runs, b.runs))


def find_candidate_pairs(articles: Sequence[Article], limits: DuplicateThresholds) -> list[tuple[int, int]]:
    """Index pairs (i < j), sorted, of articles worth comparing in full: those sharing an
    anchor (one of the ``anchors`` runs of smallest hash of each body) and whose sketches
    estimate that at least ``min_estimated_containment`` of the smaller body is in the other."""
    sketches = [BodySketch.of(article.doc, limits) for article in articles]
    seeds_of: dict[int, list[int]] = defaultdict(list)
    first_of: dict[int, int] = {}
    pairs: set[tuple[int, int]] = set()
    for index, sketch in enumerate(sketches):
        if not sketch.runs:
            continue
        # Equal bodies (a wire story in many seeds) are paired with the first at once and
        # not indexed again: their anchors would be shared by more seeds than the index keeps.
        first = first_of.setdefault(sketch.whole, index)
        if first != index:
            pairs.add((first, index))
            continue
        for anchor in sketch.anchors:
            seeds_of[anchor].append(index)
    for seeds in seeds_of.values():
        if 1 < len(seeds) <= limits.max_anchor_seeds:
            pairs.update((a, b) for n, a in enumerate(seeds) for b in seeds[n + 1 :])
    floor = limits.min_estimated_containment
    return sorted(
        (i, j)
        for i, j in pairs
        # the cheap bound first: it rules out nearly every pair of merely similar texts
        if sketches[i].whole == sketches[j].whole
        or (_at_most(sketches[i], sketches[j]) >= floor and estimate_containment(sketches[i], sketches[j]) >= floor)
    )


def select_distinct_articles(
    articles: Sequence[Article], limits: DuplicateThresholds | None = None
) -> tuple[list[Article], list[Problem]]:
    """Drop seeds with no text left after cleaning, and all but one copy of one article.

    Kept articles stay in their given order. Problems: an error for a seed with no
    article text; a warning for each copy skipped, naming the copy kept and how much
    of its text that holds; a warning for each page whose whole text is also in
    another page but too short to tell (both kept: it may be only a teaser).
    """
    limits = limits or DuplicateThresholds.from_rules()
    problems: list[Problem] = []
    # by file name, so that every choice below meets the articles in one order
    with_text: list[Article] = []
    for article in sorted(articles, key=lambda a: a.source_path):
        if article.doc.blocks:
            with_text.append(article)
        else:
            removed = len(article.doc.removed)
            problems.append(
                Problem(article.source_path, f"has no article text: all {removed} line(s) are page furniture; skipped. Check it is the article's page")
            )
    copies = _Copies(with_text, limits)
    same = UnionFind(range(len(with_text)))
    teasers: list[tuple[int, int, Overlap]] = []
    for i, j in find_candidate_pairs(with_text, limits):
        overlap = copies.overlap(i, j)
        if is_same_article(overlap, limits):
            same.union(i, j)
        elif any(teaser_sides(overlap, limits)):
            teasers.append((i, j, overlap))
    skipped: set[int] = set()
    for root in same.roots():
        group = same.members(root)
        if len(group) > 1:
            skipped.update(copies.drop_copies(group, problems))
    for i, j, overlap in teasers:
        if i not in skipped and j not in skipped:
            problems.extend(_teaser_problems(with_text[i], with_text[j], overlap, limits))
    kept_ids = {a.id for n, a in enumerate(with_text) if n not in skipped}
    return [a for a in articles if a.id in kept_ids], problems


class _Copies:
    """The articles being compared, with each body measured once and each pair's overlap kept."""

    def __init__(self, articles: list[Article], limits: DuplicateThresholds):
        self.articles = articles
        self.limits = limits
        self._bodies: dict[int, _Body] = {}
        self._overlaps: dict[tuple[int, int], Overlap] = {}

    def body(self, i: int) -> _Body:
        if i not in self._bodies:
            self._bodies[i] = _Body.of(self.articles[i].doc, self.limits.shingle_words)
        return self._bodies[i]

    def overlap(self, i: int, j: int) -> Overlap:
        """The overlap of articles ``i`` (as ``a``) and ``j`` (as ``b``)."""
        if (j, i) in self._overlaps:
            return self._overlaps[(j, i)].swapped()
        if (i, j) not in self._overlaps:
            self._overlaps[(i, j)] = _measure(self.body(i), self.body(j), self.limits.shingle_words)
        return self._overlaps[(i, j)]

    def is_same(self, i: int, j: int) -> bool:
        return is_same_article(self.overlap(i, j), self.limits)

    def drop_copies(self, group: list[int], problems: list[Problem]) -> list[int]:
        """Keep the richest copy of one article's group (indexes in file-name order) and
        skip each copy that is the same article as the kept one. Copies linked to the
        group only through a skipped one (a chain of near-copies) are compared again
        among themselves."""
        skipped: list[int] = []
        remaining = list(group)
        while len(remaining) > 1:
            keep = remaining[0]
            for other in remaining[1:]:
                keep = self.prefer(keep, other)
            left = []
            for other in remaining:
                if other == keep:
                    continue
                if self.is_same(other, keep):
                    skipped.append(other)
                    problems.append(_skipped_problem(self.articles[other], self.articles[keep], self.overlap(other, keep).a_in_b))
                else:
                    left.append(other)
            remaining = [n for n in left if any(self.is_same(n, m) for m in left if m != n)]
        return skipped

    def prefer(self, i: int, j: int) -> int:
        """Of two copies (``i`` first by file name), the one to keep: the module's docstring says which."""
        a, b = self.articles[i], self.articles[j]
        rank_a, rank_b = (bool(curated_values(a)), _known_fields(a)), (bool(curated_values(b)), _known_fields(b))
        if rank_a != rank_b:
            return i if rank_a > rank_b else j
        overlap = self.overlap(i, j)
        if abs(overlap.a_in_b - overlap.b_in_a) >= self.limits.same_text_margin:
            # The tighter copy, whose text is all in the other: on real pages the
            # other's extra lines were mostly furniture its cleaning kept (a comment,
            # related headlines), rarely article text (data/duplicates.yml).
            return i if overlap.a_in_b > overlap.b_in_a else j
        return j if self.body(j).words > self.body(i).words else i


def _known_fields(article: Article) -> int:
    return sum(getattr(article, name) is not None for name in _RECORD_FIELDS)


def curated_values(article: Article) -> dict[str, object]:
    """What the archivist set for this seed (sidecar or front matter), by sidecar key;
    a key set to null ("there is none") has the value ``None``."""
    values: dict[str, object] = {
        f.name: value.value
        for f in fields(article)
        if isinstance(value := getattr(article, f.name), Field) and value.provenance.tier == "curated"
    }
    if article.curated_event is not None:
        values["event"] = article.curated_event
    values.update({key: None for key in article.curated_none})
    return values


def _skipped_problem(skipped: Article, kept: Article, share: float) -> Problem:
    message = (
        f"is the same article as {kept.source_path} ({_percent(share)} of its text is in it); "
        f"skipped as a copy, {kept.source_path} is kept as the richer record."
    )
    theirs = curated_values(kept)
    lost = sorted(key for key, value in curated_values(skipped).items() if key not in theirs or theirs[key] != value)
    if lost:
        sidecar = posixpath.splitext(kept.source_path)[0] + SIDECAR_SUFFIX
        message += f" Its curated values ({', '.join(lost)}) are not used: move them to {sidecar}, then delete this copy"
    else:
        message += " Delete one of the two"
    return Problem(skipped.source_path, message, "warning")


def _teaser_problems(a: Article, b: Article, overlap: Overlap, limits: DuplicateThresholds) -> list[Problem]:
    flagged = teaser_sides(overlap, limits)
    return [
        Problem(
            mine.source_path,
            f"has only {words} words of article text ({_percent(raw_share)} of this file), {_percent(share)} of them "
            f"also in {theirs.source_path}: too little to tell one page saved twice from two pages sharing a teaser, "
            "so both are kept. Check it is the article's page: cleaning may have kept only a teaser or a site's paragraph",
            "warning",
        )
        for mine, theirs, words, raw_share, share, flag in (
            (a, b, overlap.a_words, overlap.a_raw_share, overlap.a_in_b, flagged[0]),
            (b, a, overlap.b_words, overlap.b_raw_share, overlap.b_in_a, flagged[1]),
        )
        if flag
    ]


def _percent(share: float) -> str:
    # floor, not round: 99.6% of a text is not "100%", which would read as a full copy
    return f"{int(share * 100)}%"
