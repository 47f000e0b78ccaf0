"""Rebuild ``data/span_model.yml``: the line model that finds the article in a page dump.

Labelled lines of both parts of the dev corpus (see :func:`labelled_lines`):

* ``web2`` (959 pages, many languages): a line holding (folded) one of the page's
  ``with`` snippets is the article's, one holding a ``without`` snippet is not; other
  lines are unlabelled (the labels are short snippets, not whole bodies);
* ``web`` (pages with readability's reference body): a line whose words stand in the
  reference (as a run, or nine in ten of its words) is the article's, one with under
  half of them is not.

A logistic regression (L2, each page's lines weighing about alike) is fitted on the
lines' features (:data:`generator.extract.line_model.FEATURES`), then the decoder's
settings (``drop_below``, ``trim_offset``, then ``keep_above``) are chosen on the pages by
the share of ``with`` lines in, ``without`` lines out and reference words kept, never
losing more than :data:`MAX_RECALL_LOSS` of the rules' recall. Reported: line accuracy and
those figures when training on one part and scoring the other (web2 → web, web → web2,
half A → half B, half B → half A), against the rules alone; then the body's confidence is
fitted on out-of-fold documents (:mod:`generator.extract.body_doubt`) and its
reliability table printed (the confidence model too fitted on one half, scored on the other).

Run: ``python -m generator.extract.train_span [devcorpus] [--write]`` (``make train``).
Deterministic: same corpus, same code, same weights.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from generator.evaluate.web import fold
from generator.extract.article_span import PageReading, decide, read_page, rule_span
from generator.extract.clean import normalise_text
from generator.extract.line_model import FEATURES, MODEL_NAME
from generator.files.devcorpus import half_of, read_web2_corpus, read_web_corpus
from generator.files.rules import write_rules

_TOKEN = re.compile(r"\w+")
L2 = 1.0  # the weights' penalty (per page of weight 1)
# the decoder's settings tried: the log-odds below which a line inside the span is dropped,
# and the offset added to each line's log-odds when the span's tail is weighed (None: not cut)
# then, those fixed, the log-odds above which a line the rules' interruptions drop is kept
DROP_BELOW = (-1e9, -1.5, -1.0, -0.5, 0.0)
TRIM_OFFSETS = (None, 2.0, 1.5, 1.0, 0.5)
KEEP_ABOVE = (None, 2.0, 1.0, 0.0)


@dataclass
class PageData:
    id: str
    corpus: str  # "web2" or "web"
    half: str  # "A" or "B" (even or odd position in its corpus's sorted labels)
    rows: list[list[float]]
    labels: dict[int, int]  # line index -> 1 (article) / 0 (not)
    tokens: list[list[str]]  # each line's tokens (web: for the word-level figure)
    reference: dict[str, int] | None = None  # web: the reference body's token counts
    reading: PageReading | None = None
    rule: tuple[int, int] | None = None  # the rules' span (article_span.rule_span)
    matrix: object = None  # the rows as an array, once asked
    text: str = ""
    label: dict | None = None


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def labelled_lines(pages_text: Sequence[tuple[str, str, dict]]) -> list[PageData]:
    """Every page read, its lines' features computed and labelled (see the module's docstring)."""
    out = []
    for position, (corpus, text, label) in enumerate(pages_text):
        page = read_page(normalise_text(text).split("\n"))
        rows = page.rows()
        folded = [fold(ln.text) for ln in page.lines]
        labels: dict[int, int] = {}
        reference = None
        if corpus == "web2":
            for snippets, y in ((label["with"], 1), (label["without"], 0)):
                for s in snippets:
                    fs = fold(s)
                    for k, t in enumerate(folded):
                        if fs and fs in t:
                            labels[k] = -1 if labels.get(k, y) != y else y
            labels = {k: y for k, y in labels.items() if y >= 0}
        else:
            ref_tokens = _tokens(label["reference_body"])
            ref_text = " " + " ".join(ref_tokens) + " "
            ref_set = set(ref_tokens)
            reference = {}
            for t in ref_tokens:
                reference[t] = reference.get(t, 0) + 1
            for k, line in enumerate(page.lines):
                toks = _tokens(line.text)
                if not toks:
                    continue
                share = sum(t in ref_set for t in toks) / len(toks)
                if " " + " ".join(toks) + " " in ref_text and (len(toks) >= 3 or share == 1.0):
                    labels[k] = 1
                elif share >= 0.9 and len(toks) >= 4:
                    labels[k] = 1
                elif share < 0.5:
                    labels[k] = 0
        out.append(
            PageData(
                label["id"], corpus, half_of(position), rows, labels, [_tokens(ln.text) for ln in page.lines],
                reference, page, rule_span(page), None, text, label,
            )
        )  # fmt: skip
    return out


def load_corpus(devcorpus: Path) -> list[PageData]:
    """Both parts of the dev corpus, labelled (web2 first, then web's pages with a reference body)."""
    web2 = [("web2", p.as_seed("web2").text, p.labels) for p in read_web2_corpus(devcorpus / "web2")]
    web = [
        ("web", p.text, {**p.labels, "reference_body": p.reference_body})
        for p in sorted(read_web_corpus(devcorpus / "web"), key=lambda p: p.id)
        if p.reference_body is not None
    ]
    return labelled_lines(web2) + labelled_lines(web)


def fit(pages: Sequence[PageData], l2: float = L2) -> tuple[list[float], float]:
    """Logistic-regression weights and bias on the pages' labelled lines."""
    import numpy as np
    from scipy.optimize import minimize

    xs, ys, ws = [], [], []
    for page in pages:
        if not page.labels:
            continue
        weight = 1.0 / len(page.labels) ** 0.5  # a page of many labelled lines does not drown the others
        for k, y in sorted(page.labels.items()):
            xs.append(page.rows[k])
            ys.append(y)
            ws.append(weight)
    x = np.asarray(xs, dtype=float)
    x = np.hstack([x, np.ones((len(x), 1))])
    y = np.asarray(ys, dtype=float)
    w_sample = np.asarray(ws, dtype=float)
    penalty = np.ones(x.shape[1])
    penalty[-1] = 0.0  # the bias is not penalised

    def loss(w):  # type: ignore[no-untyped-def]
        z = x @ w
        # log(1 + e^z) - y z, stably
        lse = np.logaddexp(0.0, z)
        total = float(w_sample @ (lse - y * z)) + l2 * float(penalty * w @ w)
        p = 1.0 / (1.0 + np.exp(-z))
        grad = x.T @ (w_sample * (p - y)) + 2 * l2 * penalty * w
        return total, grad

    result = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 2000})
    weights = [round(float(v), 4) for v in result.x[:-1]]
    return weights, round(float(result.x[-1]), 4)


def page_odds(page: PageData, weights: Sequence[float], bias: float) -> list[float]:
    import numpy as np

    if page.matrix is None:
        page.matrix = np.asarray(page.rows, dtype=float).reshape(len(page.rows), len(weights))
    return (page.matrix @ np.asarray(weights, dtype=float) + bias).tolist()


@dataclass
class Scores:
    """Decoded figures of a group of pages."""

    line_right: int = 0
    line_total: int = 0
    with_in: int = 0
    with_total: int = 0
    without_out: int = 0
    without_total: int = 0
    f1_sum: float = 0.0
    f1_pages: int = 0
    f1_good: int = 0

    def line(self) -> str:
        parts = [f"lines right {self.line_right / max(1, self.line_total):.1%} of {self.line_total}"]
        if self.with_total:
            parts.append(f"with-lines in {self.with_in / self.with_total:.1%}")
            parts.append(f"without-lines out {self.without_out / max(1, self.without_total):.1%}")
        if self.f1_pages:
            parts.append(f"word F1 {self.f1_sum / self.f1_pages:.3f}, pages >= 0.9 {self.f1_good / self.f1_pages:.1%}")
        return ", ".join(parts)

    def recall(self) -> float:
        return self.with_in / self.with_total if self.with_total else 1.0

    def f1(self) -> float:
        return self.f1_sum / self.f1_pages if self.f1_pages else 1.0

    def objective(self) -> float:
        """What the decoder's settings are chosen by: with-lines in, without-lines out, word F1."""
        parts = []
        if self.with_total:
            parts += [self.with_in / self.with_total, self.without_out / max(1, self.without_total)]
        if self.f1_pages:
            parts.append(self.f1_sum / self.f1_pages)
        return sum(parts) / len(parts) if parts else 0.0


def kept_lines(page: PageData, z: Sequence[float], decoder: dict) -> set[int]:
    """Indices of the lines the span keeps with these log-odds and settings (all when no span)."""
    if page.rule is None or page.reading is None:
        return set(range(len(page.rows)))
    i, j, reasons = decide(page.reading, page.rule, z, decoder)
    return {k for k in range(i, j + 1) if page.reading.lines[k].no not in reasons}


def score(pages: Sequence[PageData], weights: Sequence[float], bias: float, decoder: dict) -> Scores:
    s = Scores()
    for page in pages:
        z = page_odds(page, weights, bias)
        for k, y in page.labels.items():
            s.line_total += 1
            s.line_right += (z[k] > 0) == bool(y)
        inside = kept_lines(page, z, decoder)
        if page.corpus == "web2":
            for k, y in page.labels.items():
                if y:
                    s.with_total += 1
                    s.with_in += k in inside
                else:
                    s.without_total += 1
                    s.without_out += k not in inside
        elif page.reference is not None:
            got: dict[str, int] = {}
            for k in inside:
                for t in page.tokens[k]:
                    got[t] = got.get(t, 0) + 1
            common = sum(min(v, page.reference.get(t, 0)) for t, v in got.items())
            n_got, n_ref = sum(got.values()), sum(page.reference.values())
            f1 = 2 * common / (n_got + n_ref) if common else 0.0
            s.f1_sum += f1
            s.f1_pages += 1
            s.f1_good += f1 >= 0.9
    return s


# why: the decoder may trade a little article text for much less furniture, no more: its
# settings must keep the with-lines in and the reference words within this of the rules alone
# (and every page whose words the rules' span kept at F1 >= 0.9).
MAX_RECALL_LOSS = 0.005


def choose_decoder(pages: Sequence[PageData], weights: Sequence[float], bias: float) -> dict:
    """The decoder's settings of the best figures on ``pages`` (the first best in grid order)
    among those losing at most :data:`MAX_RECALL_LOSS` of the rules' recall."""
    rules = score(pages, weights, bias, RULES_ALONE)
    best, best_value = dict(RULES_ALONE), rules.objective()
    grid = [{"drop_below": d, "trim_offset": t, "keep_above": None} for d in DROP_BELOW for t in TRIM_OFFSETS]
    for stage in (0, 1):
        if stage:
            grid = [{**best, "keep_above": k} for k in KEEP_ABOVE[1:]]
        for decoder in grid:
            s = score(pages, weights, bias, decoder)
            if (
                s.recall() < rules.recall() - MAX_RECALL_LOSS
                or s.f1() < rules.f1() - MAX_RECALL_LOSS
                or s.f1_good < rules.f1_good
            ):
                continue
            if s.objective() > best_value + 1e-9:
                best, best_value = decoder, s.objective()
    return best


RULES_ALONE = {"drop_below": -1e9, "trim_offset": None, "keep_above": None}


def train(pages: Sequence[PageData]) -> tuple[list[float], float, dict]:
    weights, bias = fit(pages)
    return weights, bias, choose_decoder(pages, weights, bias)


def report_transfer(pages: Sequence[PageData]) -> dict[str, tuple[list[float], float, dict]]:
    """Print the figures of training on one part and scoring the other; return the models
    fitted on each half (``"A"``: trained on half A)."""
    halves = {}
    splits = (
        ("train web2, score web", lambda p: p.corpus == "web2", lambda p: p.corpus == "web"),
        ("train web, score web2", lambda p: p.corpus == "web", lambda p: p.corpus == "web2"),
        ("train half A, score half B", lambda p: p.half == "A", lambda p: p.half == "B"),
        ("train half B, score half A", lambda p: p.half == "B", lambda p: p.half == "A"),
    )
    for name, is_train, is_test in splits:
        train_pages = [p for p in pages if is_train(p)]
        test_pages = [p for p in pages if is_test(p)]
        weights, bias, decoder = train(train_pages)
        if name.startswith("train half"):
            halves[name.split()[2][0]] = (weights, bias, decoder)
        print(f"{name}: (decoder {decoder})")
        for corpus in ("web2", "web"):
            group = [p for p in test_pages if p.corpus == corpus]
            if group:
                print(f"  {corpus:5} {score(group, weights, bias, decoder).line()}")
                print(f"  {corpus:5} rules alone: {score(group, weights, bias, RULES_ALONE).line()}")
    return halves


def model_text(weights: Sequence[float], bias: float, decoder: dict) -> str:
    lines = [
        "# The line model of generator/extract/line_model.py: a logistic regression's weights over",
        "# each line's features, and its span decoder's settings, fitted by",
        "# generator/extract/train_span.py (`make train`) on the dev corpus (web2's with/without",
        "# snippets, web's reference bodies). Do not edit by hand: rebuild.",
        "# why: each weight is how much its evidence separates the article's lines from the page's.",
        "weights:",
        f"  bias: {bias}",
        *(f"  {name}: {w}" for name, w in zip(FEATURES, weights)),
        "decoder:",
        "  # why: a line inside the rules' span whose log-odds fall below this is not the article's",
        "  # (a comment, a teaser, a sign-up box the span ran over); chosen on the corpus.",
        f"  drop_below: {decoder['drop_below']:g}",
        "  # why: the span's tail is cut where its lines' log-odds plus this sum below zero (comments,",
        "  # a bio box, the next story's teasers); null: not cut. Chosen on the corpus.",
        f"  trim_offset: {'null' if decoder['trim_offset'] is None else decoder['trim_offset']}",
        "  # why: a line the rules' interruptions drop (too short or unpunctuated for prose) is kept",
        "  # when its log-odds exceed this (a list entry, a short quote); null: never. Chosen on the corpus.",
        f"  keep_above: {'null' if decoder['keep_above'] is None else decoder['keep_above']}",
        "# why: for a language without a function-word list (data/stopwords.yml), its this many most",
        "# frequent words (wordfreq) stand in for one.",
        "fallback_stopwords: 60",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    write = "--write" in args
    paths = [a for a in args if not a.startswith("--")]
    devcorpus = Path(paths[0]) if paths else Path("../shared/devcorpus")
    pages = load_corpus(devcorpus)
    n_lab = sum(len(p.labels) for p in pages)
    print(f"pages: {len(pages)}, labelled lines: {n_lab}")
    halves = report_transfer(pages)
    weights, bias, decoder = train(pages)
    print(f"fit on all pages: decoder {decoder}")
    for corpus in ("web2", "web"):
        print(f"  {corpus:5} {score([p for p in pages if p.corpus == corpus], weights, bias, decoder).line()}")
    text = model_text(weights, bias, decoder)
    doubt = fit_doubt(pages, halves)
    if write:
        print(f"wrote {write_rules(MODEL_NAME, text)}")
        print(f"wrote {write_rules(DOUBT_NAME, doubt)}")
    return 0



# --- the body's confidence -------------------------------------------------------------------


def out_of_fold(pages: Sequence[PageData], halves: dict) -> list[tuple[PageData, dict[str, float], bool]]:
    """Each page cleaned with the line model of the other half: its body's evidence, and
    whether the body is right (web2: every ``with`` in and every ``without`` out; web:
    token F1 >= 0.9)."""
    import yaml

    from generator.evaluate.web import predicted_body, token_f1
    from generator.extract import line_model
    from generator.extract.body_doubt import evidence
    from generator.extract.clean import _is_stamp, clean_with_span

    out = []
    for half, other in (("A", "B"), ("B", "A")):
        weights, bias, decoder = halves[other]
        with line_model.using(yaml.safe_load(model_text(weights, bias, decoder))):
            for page in pages:
                if page.half != half:
                    continue
                doc, span = clean_with_span(page.text)
                body = predicted_body(doc)
                if page.corpus == "web2":
                    folded = fold(body)
                    right = all(fold(s) in folded for s in page.label["with"]) and not any(
                        fold(s) in folded for s in page.label["without"]
                    )
                else:
                    right = token_f1(body, page.label["reference_body"]) >= 0.9
                out.append((page, evidence(span, _is_stamp), right))
    return out


def fit_doubt_weights(rows: Sequence[tuple[PageData, dict[str, float], bool]], l2: float = 1.0) -> dict:
    import numpy as np
    from scipy.optimize import minimize

    from generator.extract.body_doubt import EVIDENCE

    x = np.asarray([[values[n] for n in EVIDENCE] + [1.0] for _, values, _ in rows], dtype=float)
    y = np.asarray([float(right) for _, _, right in rows])
    penalty = np.ones(x.shape[1])
    penalty[-1] = 0.0

    def loss(w):  # type: ignore[no-untyped-def]
        z = x @ w
        p = 1.0 / (1.0 + np.exp(-z))
        return float(np.sum(np.logaddexp(0.0, z) - y * z) + l2 * penalty * w @ w), x.T @ (p - y) + 2 * l2 * penalty * w

    w = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B").x
    weights = {"bias": round(float(w[-1]), 4)}
    weights.update({n: round(float(v), 4) for n, v in zip(EVIDENCE, w[:-1])})
    mean = {n: round(float(v), 4) for n, v in zip(EVIDENCE, x[:, :-1].mean(axis=0))}
    return {"weights": weights, "mean": mean, "reason_below": REASON_BELOW}


# why: below this probability the body's doubt names a reason (above it nothing points anywhere)
REASON_BELOW = 0.7
DOUBT_NAME = "body_doubt"


def reliability(predicted: Sequence[tuple[float, bool, str | None]]) -> list[str]:
    """Bins of confidence: how many bodies, how many of them right."""
    lines = [f"  {'confidence':<12} {'n':>5} {'right':>7} {'mean p':>7}"]
    edges = (0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.01)
    for lo, hi in zip(edges, edges[1:]):
        group = [(p, r) for p, r, _ in predicted if lo <= p < hi]
        if group:
            share = sum(r for _, r in group) / len(group)
            mean = sum(p for p, _ in group) / len(group)
            lines.append(f"  {lo:.1f}-{min(hi, 1.0):.1f}      {len(group):>5} {share:>7.1%} {mean:>7.2f}")
    brier = sum((p - r) ** 2 for p, r, _ in predicted) / max(1, len(predicted))
    lines.append(f"  Brier score {brier:.3f} (always the base rate: {_base_brier(predicted):.3f})")
    return lines


def _base_brier(predicted: Sequence[tuple[float, bool, str | None]]) -> float:
    rate = sum(r for _, r, _ in predicted) / max(1, len(predicted))
    return sum((rate - r) ** 2 for _, r, _ in predicted) / max(1, len(predicted))


def fit_doubt(pages: Sequence[PageData], halves: dict) -> str:
    """Fit the body's confidence on out-of-fold documents; print its reliability (the
    confidence model too scored on the half it was not fitted on); the model's text."""
    from generator.extract.body_doubt import EVIDENCE, judge

    rows = out_of_fold(pages, halves)
    right = sum(r for _, _, r in rows)
    print(f"bodies right (out of fold): {right} of {len(rows)} ({right / len(rows):.1%})")
    predicted = []
    for half in ("A", "B"):
        weights = fit_doubt_weights([r for r in rows if r[0].half != half])
        for page, values, ok in rows:
            if page.half == half:
                d = judge(values, weights)
                predicted.append((d.probability, ok, d.reason))
    print("reliability of the body's confidence (fitted on one half, scored on the other):")
    for line in reliability(predicted):
        print(line)
    reasons: dict[str | None, list[bool]] = {}
    for _, ok, reason in predicted:
        reasons.setdefault(reason, []).append(ok)
    for reason, oks in sorted(reasons.items(), key=lambda kv: -len(kv[1])):
        print(f"  reason {reason!r}: {len(oks)} bodies, {sum(oks) / len(oks):.1%} right")
    final = fit_doubt_weights(rows)
    lines = [
        "# The body's confidence (generator/extract/body_doubt.py): a logistic model over the span's",
        "# evidence, fitted by generator/extract/train_span.py (`make train`) on out-of-fold documents",
        "# of the dev corpus (right: web2's with-snippets all in and without-snippets all out, web's",
        "# token F1 >= 0.9). Do not edit by hand: rebuild. why: each weight is how much its evidence",
        "# tells a right body from a wrong one; mean is the average page's evidence (a reason names",
        "# the evidence pulling a page's probability furthest below it).",
        "weights:",
        *(f"  {n}: {final['weights'][n]}" for n in ("bias", *EVIDENCE)),
        "mean:",
        *(f"  {n}: {final['mean'][n]}" for n in EVIDENCE),
        "# why: below this probability the doubt names its likeliest reason; above it none points anywhere.",
        f"reason_below: {REASON_BELOW}",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
