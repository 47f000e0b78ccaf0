"""Rebuild ``data/outlet_model.yml``: the weights that score the names a page gives its
site (generator/extract/outlets/candidates.py), the rule-based decision among them.

Pages: web2's half A (label: the site name its HTML states, og:site_name or the JSON-LD
publisher: generator/evaluate/web2.py) and web/'s pages with an outlet label. Each
candidate is labelled 1 when it names the labelled site (web2: ``site_name_matches``;
web/: ``outlets_match``), and a logistic regression is fitted on their features.
Checked on what it was not fitted on: web2's half B, as outlet right and as a
reliability table (of names given at p, how many right). The threshold (no new name
below it) and the confidence at which the rule-based decision stands are chosen on the
fitted pages; the chosen name's probability is calibrated by Platt scaling.

Run: ``python -m generator.extract.train_outlet [devcorpus] [--write]`` (``make train``).
Deterministic: same corpus, same code, same weights.
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping, Sequence

from generator.evaluate.fields import outlets_match
from generator.evaluate.web2 import read_site_names, site_name_matches
from generator.extract.clean import clean_seed_text
from generator.extract.outlets.candidates import FEATURES, names_no_site
from generator.extract.outlets.decide import decide_outlet_by_rules
from generator.extract.outlets.registry import extract_host
from generator.extract.outlets.scoring import MODEL_NAME, gather_candidates
from generator.extract.outlets.sites import registrable_domain
from generator.files.devcorpus import CorpusText, half_of, read_web2_corpus, read_web_corpus
from generator.files.rules import write_rules

L2_C = 1.0  # sklearn's C (inverse penalty); why: the default, the features are few and dense


@dataclass(frozen=True)
class Page:
    """One labelled page: its candidates' names, feature rows and labels, and the
    rule-based decision's confidence and rightness (``None``: it gave no outlet)."""

    id: str
    half: str  # "A"/"B" for web2, "web" for web/
    names: list[str]
    rows: list[list[float]]
    labels: list[int]
    rules: tuple[float, bool] | None = None


def _page(corpus: str, page: CorpusText, half: str, matches: Callable[[str], bool]) -> Page:
    seed = page.as_seed(corpus)
    doc = clean_seed_text(seed.text)
    existing = decide_outlet_by_rules(doc, seed.text)
    existing = None if existing is not None and names_no_site(existing.value) else existing  # as scoring.score_outlet
    domain = registrable_domain(extract_host(doc.source_url) or "") if doc.source_url else None
    found = gather_candidates(seed.text, doc.title_site, existing, domain)
    rules = (existing.provenance.confidence, matches(existing.value)) if existing is not None else None
    return Page(
        f"{corpus}/{page.id}", half, [c.name for c, _ in found], [f for _, f in found], [int(matches(c.name)) for c, _ in found], rules
    )


def load_pages(web: Sequence[CorpusText], web2: Sequence[CorpusText], site_names: Mapping[str, str | None]) -> list[Page]:
    pages = []
    for page in sorted(web, key=lambda p: p.id):
        label = page.labels.get("outlet")
        if label:
            pages.append(_page("web", page, "web", lambda name, label=label: outlets_match(name, label)))
    for position, page in enumerate(web2):
        label = site_names.get(page.id)
        if label:
            pages.append(_page("web2", page, half_of(position), lambda name, label=label: site_name_matches(name, label)))
    return pages


def fit(pages: Sequence[Page]):  # type: ignore[no-untyped-def]
    from sklearn.linear_model import LogisticRegression

    rows = [r for p in pages for r in p.rows]
    labels = [y for p in pages for y in p.labels]
    model = LogisticRegression(C=L2_C, max_iter=5000, solver="lbfgs")
    model.fit(rows, labels)
    return model


_DOMAIN_FORM = FEATURES.index("domain_form")


def top(model, page: Page) -> tuple[float, bool] | None:  # type: ignore[no-untyped-def]
    """The page's best candidate's probability and whether it is right (``None``: no
    candidate, or a domain written as a word where the rules named the site: see
    scoring.score_outlet)."""
    if not page.rows:
        return None
    probs = model.predict_proba(page.rows)[:, 1]
    best = max(range(len(probs)), key=lambda i: (probs[i], page.names[i]))
    if page.rules is not None and page.rows[best][_DOMAIN_FORM]:
        return None
    return float(probs[best]), bool(page.labels[best])


def decide(model, page: Page, threshold: float, keep_rules_at: float, best: tuple[float, bool] | None | str = "") -> tuple[str, float | None]:  # type: ignore[no-untyped-def]
    """What scoring.score_outlet gives the page: ``("right"|"other"|"none", the model's p or None)``
    (``best``: the page's :func:`top`, when already known)."""
    if page.rules is not None and page.rules[0] >= keep_rules_at:
        return ("right" if page.rules[1] else "other"), None
    best = top(model, page) if best == "" else best
    if best is not None and best[0] >= threshold:
        return ("right" if best[1] else "other"), best[0]
    if page.rules is not None:
        return ("right" if page.rules[1] else "other"), None
    return "none", None


def tally(model, pages: Sequence[Page], threshold: float, keep_rules_at: float, tops: Sequence[tuple[float, bool] | None] | None = None) -> Counter[str]:  # type: ignore[no-untyped-def]
    tops = [top(model, p) for p in pages] if tops is None else tops
    return Counter(decide(model, p, threshold, keep_rules_at, best)[0] for p, best in zip(pages, tops))


THRESHOLDS = tuple(step / 20 for step in range(1, 20))
KEEP_RULES_AT = (0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01)


def pick_settings(model, pages: Sequence[Page]) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """The threshold and the rule-keeping confidence that give the most right names less
    wrong ones on ``pages`` (half A and web/); on a tie the higher threshold and the lower
    rule-keeping confidence (fewer new names: a rule's decision, whose evidence is plainer, stands)."""
    tops = [top(model, p) for p in pages]

    def gain(t: float, c: float) -> int:
        counts = tally(model, pages, t, c, tops)
        return counts["right"] - counts["other"]

    return max(((t, c) for t in THRESHOLDS for c in KEEP_RULES_AT), key=lambda tc: (gain(*tc), tc[0], -tc[1]))


def fit_calibration(model, pages: Sequence[Page], threshold: float, keep_rules_at: float) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Platt scaling of the chosen name's probability: (slope, intercept) of P(right) on its logit."""
    from sklearn.linear_model import LogisticRegression

    xs, ys = [], []
    for page in pages:
        verdict, p = decide(model, page, threshold, keep_rules_at)
        if p is not None:
            xs.append([math.log(p / (1 - p))])
            ys.append(int(verdict == "right"))
    if len(set(ys)) < 2:
        return 1.0, 0.0
    platt = LogisticRegression(C=L2_C, solver="lbfgs").fit(xs, ys)
    return round(float(platt.coef_[0][0]), 4), round(float(platt.intercept_[0]), 4)


def calibrate(p: float, calibration: tuple[float, float]) -> float:
    slope, intercept = calibration
    return 1 / (1 + math.exp(-(slope * math.log(p / (1 - p)) + intercept)))


def describe(name: str, model, pages: Sequence[Page], threshold: float, keep_rules_at: float, calibration: tuple[float, float]) -> list[str]:  # type: ignore[no-untyped-def]
    counts = tally(model, pages, threshold, keep_rules_at)
    n = len(pages)
    lines = [f"{name}: {counts['right']}/{n} right ({counts['right'] / max(1, n):.1%}), {counts['other']} other given, {counts['none']} none"]
    bands: dict[float, list[bool]] = {}
    for page in pages:
        verdict, p = decide(model, page, threshold, keep_rules_at)
        if p is not None:
            q = calibrate(p, calibration)
            bands.setdefault(min(0.9, math.floor(q * 10) / 10), []).append(verdict == "right")
    for lo in sorted(bands):
        band = bands[lo]
        lines.append(f"  calibrated p in [{lo:.1f}, {lo + 0.1:.1f}): {sum(band)}/{len(band)} right")
    return lines


def model_text(model, threshold: float, keep_rules_at: float, calibration: tuple[float, float]) -> str:  # type: ignore[no-untyped-def]
    weights = {"bias": round(float(model.intercept_[0]), 4)}
    weights.update({name: round(float(w), 4) for name, w in zip(FEATURES, model.coef_[0])})
    lines = [
        "# Weights of the outlet candidates' features (generator/extract/outlets/candidates.py), a logistic",
        "# regression fitted by generator/extract/train_outlet.py (`make train`) on web2's half A (labels: the site",
        "# name its HTML states) and web/'s outlet labels. Do not edit by hand: rebuild. why: each weight is how much",
        "# its evidence (a title's site part, a copyright holder, a prompt, a domain written on the page, its e-mail",
        "# domain, the rule-based decision) tells the page's own site from the other names it writes.",
        "weights:",
        *(f"  {name}: {value}" for name, value in weights.items()),
        "# why: no new name below this probability, and a rule-based decision at or above keep_rules_at stands (a",
        "# registry host, a byline): the pair that gives the most right names less wrong ones on half A and web/.",
        f"threshold: {threshold}",
        f"keep_rules_at: {keep_rules_at}",
        "# why: the chosen name's confidence, P(right) = sigmoid(slope * logit(p) + intercept), Platt scaling fitted",
        "# on half A's and web/'s chosen names (reliability on half B: make train prints it).",
        "calibration:",
        f"  slope: {calibration[0]}",
        f"  intercept: {calibration[1]}",
        "",
    ]
    return "\n".join(lines)


def train(pages: Sequence[Page]):  # type: ignore[no-untyped-def]
    """The model fitted on half A and web/, its settings and its calibration."""
    fitted = [p for p in pages if p.half in ("A", "web")]
    model = fit(fitted)
    threshold, keep_rules_at = pick_settings(model, fitted)
    return model, threshold, keep_rules_at, fit_calibration(model, fitted, threshold, keep_rules_at)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    paths = [a for a in args if not a.startswith("--")]
    devcorpus = Path(paths[0]) if paths else Path("../shared/devcorpus")
    pages = load_pages(
        read_web_corpus(devcorpus / "web"), read_web2_corpus(devcorpus / "web2"), read_site_names(devcorpus / "web2")
    )
    model, threshold, keep_rules_at, calibration = train(pages)
    for name, group in (("web2 half A (fitted)", "A"), ("web2 half B (held out)", "B"), ("web/ (fitted)", "web")):
        chosen = [p for p in pages if p.half == group]
        print("\n".join(describe(name, model, chosen, threshold, keep_rules_at, calibration)))
    text = model_text(model, threshold, keep_rules_at, calibration)
    if "--write" in args:
        print(f"wrote {write_rules(MODEL_NAME, text)}")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
