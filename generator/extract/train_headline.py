"""Rebuild ``data/headline_model.yml``: the weights that rank headline candidates.

For every page of the dev corpus whose labelled title stands in its text, the
candidates of :func:`generator.extract.headline.candidates` are labelled (1 when the
candidate, site part split off, is the labelled title) and a logistic regression
(a conditional logit: softmax over each page's candidates) is fitted on
the candidates' features. Reported: top-1 accuracy per page in 5-fold
cross-validation (folds by page, so no page is both trained and scored on), and
across the corpus's two sources (train on one, score on the other). The weights
written are those of a fit on all labelled pages.

Run: ``python -m generator.extract.train_headline [devcorpus] [--write]`` (``make train``).
Deterministic: same corpus, same code, same weights.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Sequence

from generator.evaluate.web import fold
from generator.extract.article_span import find_article
from generator.extract.clean import normalise_text
from generator.extract.headline import candidates
from generator.files.devcorpus import CorpusText, read_web_corpus
from generator.files.rules import write_rules

# The rules file holding the weights (generator/data/<name>.yml).
MODEL_NAME = "headline_model"
FEATURES: tuple[str, ...] = (
    "h1", "h2", "h3_plus", "bullet", "repeated", "title_case", "all_caps",
    "full_stop", "question_or_bang", "words_1_2", "words_3_4", "words_over_15", "inside_span",
    "lines_inside", "lines_before", "next_is_start", "body_overlap", "has_link", "digits", "image",
    "prose_after", "prose_before", "links_before", "colon", "separators", "furniture_share",     "meta_before", "first_h1", "byline_below", "credit_after", "echoed", "last_before_byline",
    "meta_best", "under_heading", "names_owner",
)  # fmt: skip


def load_pages(corpus: Sequence[CorpusText]) -> list[tuple[str, list[list[float]], list[int]]]:
    """(page id, candidate feature rows, labels) for each page with a findable title."""
    pages = []
    for page in sorted(corpus, key=lambda p: p.id):
        record = page.labels
        if not record.get("title") or not record.get("title_found_in_raw"):
            continue
        span = find_article(normalise_text(page.text).split("\n"))
        cands = candidates(span, page.text)
        want = fold(record["title"])
        rows = [[c.features[name] for name in FEATURES] for c in cands]
        ys = [int(fold(c.title) == want or fold(c.line.text) == want) for c in cands]
        pages.append((page.id, rows, ys))
    return pages


class Ranker:
    """A conditional logit: per page, softmax over its candidates' linear scores."""

    def __init__(self, weights, bias: float = 0.0):  # type: ignore[no-untyped-def]
        self.coef_ = [weights]
        self.intercept_ = [bias]

    def decision_function(self, rows):  # type: ignore[no-untyped-def]
        import numpy as np

        return np.asarray(rows, dtype=float) @ np.asarray(self.coef_[0])


L2 = 0.2  # the weights' penalty; see `--l2` (chosen by the cross-validated figure)


def fit(pages, l2: float | None = None):  # type: ignore[no-untyped-def]
    """Weights maximising the likelihood of each page's headline among its candidates."""
    import numpy as np
    from scipy.optimize import minimize

    l2 = L2 if l2 is None else l2
    usable = [(np.asarray(rows, dtype=float), np.asarray(labels, dtype=bool)) for _, rows, labels in pages if any(labels)]

    def loss(w):  # type: ignore[no-untyped-def]
        total, grad = l2 * w @ w, 2 * l2 * w
        for x, y in usable:
            z = x @ w
            z = z - z.max()
            p = np.exp(z)
            p /= p.sum()
            p_pos = p[y].sum()
            total -= np.log(p_pos)
            # d/dw of -log sum_pos p = E_p[x] - E_{p|pos}[x]
            grad = grad + p @ x - (p[y] / p_pos) @ x[y]
        return total, grad

    w0 = np.zeros(len(FEATURES))
    result = minimize(loss, w0, jac=True, method="L-BFGS-B")
    return Ranker(result.x)


def top1(model, pages) -> float:  # type: ignore[no-untyped-def]
    """Share of pages whose best-scored candidate is the headline."""
    right = 0
    for _, rows, labels in pages:
        if rows:
            scores = model.decision_function(rows)
            best = max(range(len(rows)), key=lambda i: scores[i])
            right += labels[best]
    return right / len(pages) if pages else 0.0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    write = "--write" in args
    global L2
    for a in args:
        if a.startswith("--l2="):
            L2 = float(a.split("=", 1)[1])
    paths = [a for a in args if not a.startswith("--")]
    devcorpus = Path(paths[0]) if paths else Path("../shared/devcorpus")
    pages = load_pages(read_web_corpus(devcorpus / "web"))
    reachable = sum(any(labels) for _, _, labels in pages) / len(pages)
    print(f"pages: {len(pages)}; title among the candidates: {reachable:.1%}")
    folds = [[p for i, p in enumerate(pages) if i % 5 == k] for k in range(5)]
    cv = []
    for k in range(5):
        train = [p for j, f in enumerate(folds) if j != k for p in f]
        cv.append(top1(fit(train), folds[k]) * len(folds[k]))
    print(f"5-fold cross-validated top-1: {sum(cv) / len(pages):.1%}")
    for name, test_prefix in (("train postlight, score readability", "rdb_"), ("train readability, score postlight", "pl_")):
        train = [p for p in pages if not p[0].startswith(test_prefix)]
        test = [p for p in pages if p[0].startswith(test_prefix)]
        print(f"{name}: {top1(fit(train), test):.1%} of {len(test)}")
    model = fit(pages)
    print(f"fit on all pages, scored on them: {top1(model, pages):.1%}")
    weights = {"bias": 0.0}
    weights.update({name: round(float(w), 4) for name, w in zip(FEATURES, model.coef_[0])})
    if write:
        lines = [
            "# Weights of the headline candidates' features (generator/extract/headline.py), a conditional",
            "# logit (softmax over a page's candidates) fitted by generator/extract/train_headline.py (`make train`) on the dev corpus's",
            "# labelled titles. Do not edit by hand: rebuild. why: each weight is how much its",
            "# evidence (see headline.candidates) separates a page's headline from its other short lines.",
            "weights:",
            *(f"  {name}: {value}" for name, value in weights.items()),
            "",
        ]
        print(f"wrote {write_rules(MODEL_NAME, chr(10).join(lines))}")
    else:
        print(weights)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
