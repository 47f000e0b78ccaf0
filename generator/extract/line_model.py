"""Which lines of a page dump are the article's: a fitted line model and its span decoder.

Each non-blank line (:class:`~generator.extract.page_lines.Line`) is described by
features any site and language has: its length, punctuation, share of function words
(``data/stopwords.yml``, else wordfreq's most frequent words of the language),
capitals, digits, links, images, heading and bullet marks, repetition on the page,
a byline or time stamp just above it, its place on the page, the rule score of
:func:`generator.extract.article_span.score_line` and whether the rules' own span holds
it, its place among the span's blocks of prose (a small block after a run of
non-prose lines, with little prose after it, is a teaser, a bio or newsletter box or a
comment: :func:`_block_measures`), and the same measures of its neighbours (a window before and after: a short line
between paragraphs is the article's, one among links is not). A logistic regression
turns them into the log-odds that the line is the article's; its weights are data
(``data/span_model.yml``), rebuilt exactly by :mod:`generator.extract.train_span`
(``make train``) on the dev corpus's two parts.

The span itself is the rules' best run (:mod:`generator.extract.article_span`): the
model cuts a tail of it that reads more page than article (:func:`trim_end`), drops
the lines inside it whose log-odds fall below ``drop_below`` and keeps a line the rules'
interruptions drop when its log-odds exceed ``keep_above``. :func:`decode` (the best runs of
lines, each after the first paying a switching cost: a two-state Viterbi path) measures
how much article-like text competes with the span (:mod:`generator.extract.body_doubt`).
Tried and dropped (no gain on the part not trained on): choosing the span by
:func:`decode` alone or by the rule scores plus the log-odds (the headline, found near
the span's start, suffered and the body lost its short lines), growing the span over
article-like lines before or after it, a second stage over the first's log-odds in
windows, and taking the lines between two ``with`` lines as article lines in training.

No word list of one language is the only evidence: the function-word share is asked of
the page's own language, English furniture words only of English pages.
"""

from __future__ import annotations

import math
import re
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator, Sequence

if TYPE_CHECKING:
    import numpy as np

from generator.extract.page_lines import Line
from generator.files.rules import load_rules

_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[.!?…:][\"'”’»)\]]*$")
_SEPARATORS = re.compile(r"\s[|·•»›/]\s|\s[|·•]|[|·•]\s")
_ELLIPSIS = re.compile(r"(\.\.\.|…)\s*\]?\)?$")

# Base measures of one line; the model also sees the mean of CONTEXT ones over the
# lines before it and those after it (``window`` lines each side).
BASE: tuple[str, ...] = (
    "short", "long", "link_density", "image", "heading", "stop_share", "stop_unknown",
    "sentence_end", "commas", "digits", "capitals", "meta", "furniture", "rule_score",
    "rule_prose", "position", "separators", "ellipsis", "in_rule_span", "before_rule_span",
    "after_rule_span", "prose_mass", "to_span_end", "blank_before", "blank_after",
    "block_share", "mass_after", "gap_before", "trailing_block",
)  # fmt: skip
CONTEXT: tuple[str, ...] = ("link_density", "stop_share", "sentence_end", "rule_score", "short")
# Tried and dropped: leaving each out raised the held-out AUC of lines in both directions
# (train half A, score B; and B, A) and across the corpora: the line's log length in words,
# a bullet mark, sentences inside the line, a date line, repetition on the page, a byline
# or time stamp just above, all capitals, a bare URL, no text (an image), the place in the
# rules' span, the stamp lines nearby; and the neighbours' mean length and image share.
FEATURES: tuple[str, ...] = (
    BASE + tuple(f"prev_{n}" for n in CONTEXT) + tuple(f"next_{n}" for n in CONTEXT)
)
_CONTEXT_INDEX = tuple(BASE.index(n) for n in CONTEXT)
MODEL_NAME = "span_model"


_IN_USE: list[dict] = []  # weights being scored by training (see :func:`using`)


def model() -> dict:
    """The fitted weights and the decoder's settings (``data/span_model.yml``)."""
    return _IN_USE[-1] if _IN_USE else load_rules(MODEL_NAME)


@contextmanager
def using(weights: dict) -> Iterator[None]:
    """Within the block, :func:`model` is ``weights`` (training scores other weights out of fold)."""
    _IN_USE.append(weights)
    try:
        yield
    finally:
        _IN_USE.pop()


@lru_cache(maxsize=32)
def fallback_stopwords(language: str | None) -> frozenset[str] | None:
    """The most frequent words of a language without a list in ``data/stopwords.yml``
    (wordfreq), or ``None`` when wordfreq does not know the language."""
    if not language:
        return None
    try:
        from wordfreq import available_languages, top_n_list
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        return None
    if language not in available_languages():
        return None
    return frozenset(w.lower() for w in top_n_list(language, model()["fallback_stopwords"]))


def features(
    lines: Sequence[Line],
    rule_scores: Sequence[float],
    rule_span: tuple[int, int],
    stops: frozenset[str] | None,
    english: bool,
    is_meta,  # type: ignore[no-untyped-def]
    is_furniture,  # type: ignore[no-untyped-def]
    window: int = 3,
) -> "np.ndarray":
    """One row of :data:`FEATURES` per line (an array of lines by features)."""
    n = len(lines)
    i, j = rule_span
    # prose nearby: the positive rule score within 10 lines, against the page's most
    positive = [max(0.0, v) for v in rule_scores]
    prefix = [0.0]
    for v in positive:
        prefix.append(prefix[-1] + v)
    mass = [prefix[min(n, k + 11)] - prefix[max(0, k - 10)] for k in range(n)]
    top_mass = max(mass, default=0.0) or 1.0
    blocks = _block_measures(rule_scores, rule_span)
    base: list[list[float]] = []
    for k, line in enumerate(lines):
        text = line.text
        nw = line.n_words
        score = rule_scores[k]
        meta = bool(text) and nw <= 14 and is_meta(line)
        if stops is not None and nw:
            stop_share, unknown = sum(map(stops.__contains__, line.lower)) / nw, 0.0
        else:
            stop_share, unknown = 0.0, 1.0
        n_chars = len(text) or 1
        capitals = sum(map(str.isupper, [w[0] for w in line.words])) / nw if nw else 0.0
        row = [
            float(nw <= 3),
            float(nw >= 20),
            line.link_density,
            float(line.image),
            float(line.heading > 0),
            stop_share,
            unknown,
            float(bool(_SENTENCE_END.search(text))),
            min(1.0, text.count(",") / (nw or 1) * 5),
            len(_DIGIT.findall(text)) / n_chars if _DIGIT.search(text) else 0.0,
            capitals,
            float(meta),
            float(english and bool(text) and is_furniture(line)),
            max(-3.0, min(9.0, score)) / 9,
            float(score > 1.0),
            k / n,
            float(bool(_SEPARATORS.search(text))),
            float(bool(_ELLIPSIS.search(text))),
            float(i <= k <= j),
            float(k < i),
            float(k > j),
            mass[k] / top_mass,
            math.log1p(j - k) / 5 if i <= k <= j else 0.0,
            float(k == 0 or lines[k - 1].no < line.no - 1),
            float(k == n - 1 or lines[k + 1].no > line.no + 1),
            *blocks[k],
        ]
        base.append(row)
    # the mean of each context measure over the lines before and after (prefix sums)
    import numpy as np

    x = np.asarray(base, dtype=float).reshape(n, len(BASE))
    ctx = x[:, _CONTEXT_INDEX]
    sums = np.vstack([np.zeros((1, len(CONTEXT))), np.cumsum(ctx, axis=0)])
    k = np.arange(n)
    lo, hi = np.maximum(0, k - window), np.minimum(n, k + window + 1)
    before_n, after_n = (k - lo)[:, None], (hi - k - 1)[:, None]
    prev = (sums[k] - sums[lo]) / np.maximum(1, before_n)
    nxt = (sums[hi] - sums[k + 1]) / np.maximum(1, after_n)
    return np.hstack([x, prev, nxt])


def _block_measures(rule_scores: Sequence[float], rule_span: tuple[int, int]) -> list[tuple[float, ...]]:
    """Each line's place among the rules' span's blocks of prose (runs of lines of positive
    rule score): its block's prose beside the span's largest block's, the share of the span's
    prose after it, the longest run of non-prose lines between it and the span's heaviest
    line, and whether it stands in a small block that little prose follows (a teaser, a
    bio or newsletter box, a comment after the article's end)."""
    n = len(rule_scores)
    i, j = rule_span
    out: list[tuple[float, ...]] = [(0.0, 0.0, 0.0, 0.0)] * n
    if j < i:
        return out
    positive = [max(0.0, v) for v in rule_scores]
    total = sum(positive[i : j + 1]) or 1.0
    block_of = [0.0] * n  # the prose of the block each line stands in (or last stood in)
    k = i
    while k <= j:
        if positive[k] > 0:
            m = k
            while m <= j and positive[m] > 0:
                m += 1
            mass = sum(positive[k:m])
            for q in range(k, m):
                block_of[q] = mass
            k = m
        else:
            k += 1
    top_block = max(block_of[i : j + 1]) or 1.0
    heaviest = max(range(i, j + 1), key=lambda q: (rule_scores[q], -q))
    gaps = [0] * n
    for step, edge in ((1, j), (-1, i)):  # from the heaviest line outwards, each way
        run = longest = 0
        for q in range(heaviest + step, edge + step, step):
            gaps[q] = longest
            run = run + 1 if positive[q] <= 0 else 0
            longest = max(longest, run)
    after = total
    for q in range(i, j + 1):
        after -= positive[q]
        share = block_of[q] / top_block
        mass_after = after / total
        out[q] = (share, mass_after, math.log1p(gaps[q]) / 3, float(mass_after < 0.1) * (1.0 - share))
    for q in range(i):
        out[q] = (0.0, 1.0, 1.0, 0.0)
    for q in range(j + 1, n):
        out[q] = (0.0, 0.0, 1.0, 1.0)
    return out


def log_odds(rows: "np.ndarray", weights: Sequence[float], bias: float) -> list[float]:
    """Each line's log-odds of being the article's."""
    import numpy as np

    if not len(rows):
        return []
    return (rows @ np.asarray(weights, dtype=float) + bias).tolist()


def trim_end(z: Sequence[float], i: int, j: int, offset: float) -> int:
    """The span ``[i, j]``'s last line moved back to where the sum of log-odds plus
    ``offset`` from ``i`` peaks: a tail the model finds more page than article (the
    comments, a bio box, the next story's teasers) is cut."""
    best, end, total = -1e18, j, 0.0
    for k in range(i, j + 1):
        total += z[k] + offset
        if total >= best:
            best, end = total, k
    return end


def decode(z: Sequence[float], offset: float, switch_cost: float) -> list[tuple[int, int]]:
    """The runs ``(first, last)`` (indices, inclusive) of the article's lines: the path
    through "in" and "out" maximising the sum of ``z + offset`` over its "in" lines,
    less ``switch_cost`` for every run after the first (states: before any run, in a
    run, out after one)."""
    before, inside, after = 0.0, -1e18, -1e18
    came: list[int] = []  # how "in" at k was reached: 0 from before, 1 from in, 2 from after
    left: list[bool] = []  # "after" at k was reached from "in" at k-1
    for value in z:
        v = value + offset
        options = (before, inside, after - switch_cost)
        src = 1 if inside >= before and inside >= options[2] else (0 if before >= options[2] else 2)
        new_inside = options[src] + v
        from_in = inside > after
        after = inside if from_in else after
        inside = new_inside
        came.append(src)
        left.append(from_in)
    if max(inside, after) <= 0:
        return []
    runs: list[tuple[int, int]] = []
    state = 1 if inside >= after else 2
    end = -1
    for k in range(len(z) - 1, -1, -1):
        if state == 1:
            if end < 0:
                end = k
            src = came[k]
            if src != 1:
                runs.append((k, end))
                end = -1
                state = src
        elif state == 2:
            state = 1 if left[k] else 2
        else:
            break
    runs.reverse()
    return runs
