"""The outlet chosen among every name the page gives its site, by learned weights.

The rule-based decision (decide.py's ordered evidence) and the names any site gives of
itself (candidates.py: title part, copyright holder, prompts, written domain, e-mail domain) are scored together by a logistic regression over their features
(``data/outlet_model.yml``, fitted by ``make train``: generator/extract/train_outlet.py).
Its probability is the value's confidence: calibrated on pages it was not fitted on
(of names given at p, about p right). Below the model's threshold no new name is given:
the rule-based decision stands, or none.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from generator.extract.outlets.candidates import (
    FEATURES,
    Candidate,
    candidate_features,
    count_agreeing,
    names_no_site,
    read_candidates,
    read_page_signs,
)
from generator.extract.outlets.sites import domain_ending, squash_name
from generator.files.rules import load_rules
from generator.model import Field, Provenance

MODEL_NAME = "outlet_model"


def gather_candidates(
    text: str, title_site: str | None, existing: Field[str] | None, url_domain: str | None = None
) -> list[tuple[Candidate, list[float]]]:
    """Every candidate with its features; the rule-based decision (``existing``) is one."""
    found = read_candidates(text, title_site)
    existing_key = squash_name(existing.value) if existing is not None else None
    if existing is not None and existing_key and existing_key not in found:
        found[existing_key] = Candidate(existing.value)
    signs = read_page_signs(text, url_domain)
    agreeing = count_agreeing([c.name for c in found.values()])
    out = []
    for (key, candidate), agree in zip(found.items(), agreeing):
        confidence = existing.provenance.confidence if existing is not None and key == existing_key else 0.0
        out.append((candidate, candidate_features(candidate, signs, confidence, agree)))
    return out


@dataclass(frozen=True)
class OutletModel:
    """data/outlet_model.yml: the weights, the threshold, the confidence at which the
    rule-based decision stands, and the calibration of the chosen name's probability."""

    weights: tuple[float, ...]
    bias: float
    threshold: float
    keep_rules_at: float
    slope: float
    intercept: float


@lru_cache(maxsize=None)
def load_outlet_model() -> OutletModel:
    data = load_rules(MODEL_NAME)
    weights = data["weights"]
    return OutletModel(
        tuple(float(weights[f]) for f in FEATURES),
        float(weights["bias"]),
        float(data["threshold"]),
        float(data["keep_rules_at"]),
        float(data["calibration"]["slope"]),
        float(data["calibration"]["intercept"]),
    )


def probability(features: list[float]) -> float:
    """The model's probability that a candidate with these features is the page's site."""
    model = load_outlet_model()
    z = model.bias + sum(w * x for w, x in zip(model.weights, features))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def calibrated(p: float) -> float:
    """P(the chosen name is right), by the Platt scaling of ``calibration``."""
    model = load_outlet_model()
    p = min(max(p, 1e-6), 1 - 1e-6)
    return 1.0 / (1.0 + math.exp(-(model.slope * math.log(p / (1 - p)) + model.intercept)))


def score_outlet(
    text: str, title_site: str | None, existing: Field[str] | None, url_domain: str | None = None
) -> Field[str] | None:
    """The best-supported name for the page's site, or the rule-based decision (``existing``;
    dropped when it is only chrome or function words: "We", "Die")."""
    existing = None if existing is not None and names_no_site(existing.value) else existing
    model = load_outlet_model()
    if not text or (existing is not None and existing.provenance.confidence >= model.keep_rules_at):
        return existing
    scored = sorted(
        ((probability(features), candidate) for candidate, features in gather_candidates(text, title_site, existing, url_domain)),
        key=lambda pc: (-pc[0], pc[1].name),
    )
    if not scored or scored[0][0] < model.threshold:
        return existing
    p, best = scored[0]
    if existing is not None and domain_ending(best.name) is not None:
        return existing  # a domain is the site's address: the name the rules found says more (a section's brand)
    if existing is not None and squash_name(existing.value) == squash_name(best.name):
        return existing  # the rule-based decision is the best supported: its provenance stands
    cues = ", ".join(f"{cue} x{n}" for cue, n in sorted(best.cues.items()))
    evidence = f"the page names its site {best.name!r} ({cues or 'written on the page'}): " + "; ".join(f'"{line}"' for line in best.evidence)
    if existing is not None:
        evidence += f"; not {existing.value} ({existing.provenance.method})"
    return Field(best.name, Provenance("site-evidence", evidence[:400], round(calibrated(p), 3)))
