"""How likely the body found in a page dump is right, and what may be wrong with it.

From the span's evidence (:func:`evidence`): how much of the page's likely article text
(lines of positive log-odds, :mod:`generator.extract.line_model`) lies outside the span,
how many runs of it compete with the span, how much of the span the model doubts, how
many of its lines are short or stamped like comments ("name — date"), how long the body
is. A logistic model (weights as data: ``data/body_doubt.yml``, fitted by
:mod:`generator.extract.train_span` on out-of-fold documents of the dev corpus) turns them
into a probability; the reason is the reader's word for the evidence that pulls it down most.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from generator.extract import line_model
from generator.files.rules import load_rules
from generator.model import Doubt

if TYPE_CHECKING:
    from generator.extract.article_span import Span

MODEL_NAME = "body_doubt"
EVIDENCE: tuple[str, ...] = (
    "no_span", "outside_prose", "competing_runs", "doubted_inside", "short_inside", "stamped_inside",
    "body_words", "few_words", "mean_odds", "page_lines", "kept_share", "doubted_tail", "doubted_head",
    "expected_strays", "expected_missed",
)  # fmt: skip
# The reader's words for what each kind of evidence says may be wrong.
REASONS = {
    "no_span": "body may include the page's furniture",
    "outside_prose": "body may be cut short",
    "competing_runs": "body may include other stories",
    "doubted_inside": "body may include other stories",
    "short_inside": "body may include other stories",
    "stamped_inside": "body may include comments",
    "body_words": "article text may be only a teaser",
    "few_words": "article text may be only a teaser",
    "mean_odds": "body may include other stories",
    "page_lines": "body may include other stories",
    "kept_share": "body may include other stories",
    "doubted_tail": "body may include comments",
    "doubted_head": "body may include other stories",
    "expected_strays": "body may include other stories",
    "expected_missed": "body may be cut short",
}


def evidence(span: "Span", is_stamp) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """The span's evidence (see the module's docstring), each about 0-1."""
    z = span.odds
    lines = span.lines
    if not span.start or not z:
        words = sum(ln.n_words for ln in lines)
        return {
            **dict.fromkeys(EVIDENCE, 0.0), "no_span": 1.0, "body_words": math.log1p(words) / 8,
            "page_lines": math.log1p(len(lines)) / 8, "kept_share": 1.0,
        }  # fmt: skip
    kept = [k for k, ln in enumerate(lines) if ln.no in span.kept]
    kept_set = set(kept)
    inside = set(range(kept[0], kept[-1] + 1)) if kept else set()
    positive = sum(max(0.0, v) for v in z) or 1.0
    outside = sum(max(0.0, v) for k, v in enumerate(z) if k not in inside)
    runs = line_model.decode(z, 0.0, 3.0)
    competing = sum(1 for a, b in runs if not inside & set(range(a, b + 1)) and sum(z[a : b + 1]) > 3.0)
    n = len(kept) or 1
    words = sum(lines[k].n_words for k in kept)
    return {
        "no_span": 0.0,
        "outside_prose": outside / positive,
        "competing_runs": min(3, competing) / 3,
        "doubted_inside": sum(z[k] < 0 for k in kept) / n,
        "short_inside": sum(lines[k].n_words <= 3 for k in kept) / n,
        "stamped_inside": min(1.0, sum(bool(lines[k].text) and is_stamp(lines[k]) for k in inside) / n * 5),
        "body_words": math.log1p(words) / 8,
        "few_words": float(words < 80),
        "mean_odds": max(-6.0, min(6.0, sum(z[k] for k in kept) / n)) / 6,
        "page_lines": math.log1p(len(lines)) / 8,
        "kept_share": len(kept) / len(lines),
        "doubted_tail": _doubted(z, kept[-max(1, n // 3) :]),
        "doubted_head": _doubted(z, kept[: max(1, n // 3)]),
        # how many lines the line model expects to be wrongly in, and wrongly out
        "expected_strays": math.log1p(sum(1 / (1 + math.exp(min(30.0, z[k]))) for k in kept)) / 4,
        "expected_missed": math.log1p(
            sum(1 / (1 + math.exp(-max(-30.0, z[k]))) for k in range(len(z)) if k not in kept_set)
        ) / 4,
    }


def _doubted(z, indices) -> float:  # type: ignore[no-untyped-def]
    """Share of these lines the line model finds more page than article."""
    return sum(z[k] < 0 for k in indices) / len(indices) if indices else 0.0


def judge(values: dict[str, float], weights: dict | None = None) -> Doubt:
    """The calibrated probability that the body is right, and the likeliest reason it is not."""
    w = weights or load_rules(MODEL_NAME)
    coef, mean = w["weights"], w["mean"]
    logit = coef["bias"] + sum(coef.get(name, 0.0) * values[name] for name in EVIDENCE)
    probability = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))
    reason = None
    if probability < w["reason_below"]:
        # the evidence that pulls the probability down most, against an average page
        pulls = {name: coef.get(name, 0.0) * (values[name] - mean.get(name, 0.0)) for name in EVIDENCE}
        worst = min(pulls, key=lambda name: (pulls[name], name))
        if pulls[worst] < 0:
            reason = REASONS[worst]
    return Doubt(round(probability, 3), reason)
