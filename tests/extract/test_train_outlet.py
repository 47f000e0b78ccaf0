"""`make train` rebuilds data/outlet_model.yml exactly: a change to the candidates'
features (or to the rule-based decision they include) that moves the weights fails
here, so the committed model is always the one the code trains (retrain with `make
train`). Plus the training's helpers on small synthetic pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.evaluate.web2 import read_site_names
from generator.extract.outlets.candidates import FEATURES
from generator.extract.train_outlet import Page, decide, fit, load_pages, model_text, pick_settings, train
from generator.files.devcorpus import read_web2_corpus, read_web_corpus
from generator.files.rules import load_rules

DEVCORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "devcorpus"


@pytest.mark.skipif(
    not (DEVCORPUS / "web").is_dir() or not (DEVCORPUS / "web2").is_dir(),
    reason="the development corpus is not here (../shared/devcorpus)",
)
def test_the_committed_outlet_model_is_what_make_train_fits():
    pages = load_pages(read_web_corpus(DEVCORPUS / "web"), read_web2_corpus(DEVCORPUS / "web2"), read_site_names(DEVCORPUS / "web2"))
    model, threshold, keep_rules_at, calibration = train(pages)
    committed = load_rules("outlet_model")
    trained = {name: round(float(w), 4) for name, w in zip(FEATURES, model.coef_[0])}
    assert trained == {k: v for k, v in committed["weights"].items() if k != "bias"}, "stale: run `make train`"
    assert round(float(model.intercept_[0]), 4) == committed["weights"]["bias"]
    assert (threshold, keep_rules_at) == (committed["threshold"], committed["keep_rules_at"])
    assert calibration == (committed["calibration"]["slope"], committed["calibration"]["intercept"])


def _row(**values: float) -> list[float]:
    return [values.get(name, 0.0) for name in FEATURES]


def _pages() -> list[Page]:
    # the title's site part is the site; a prompt's name is another (a newsletter, "us")
    return [
        Page(f"p{i}", "A", ["Site", "Other"], [_row(title=1, log_written=1.0), _row(prompt=1, log_written=1.0 + i % 2)], [1, 0])
        for i in range(8)
    ]


def test_the_fit_prefers_the_evidence_that_tells_the_site():
    model = fit(_pages())
    assert model.coef_[0][FEATURES.index("title")] > model.coef_[0][FEATURES.index("prompt")]
    threshold, keep_rules_at = pick_settings(model, _pages())
    assert all(decide(model, p, threshold, keep_rules_at)[0] == "right" for p in _pages())
    assert "threshold:" in model_text(model, threshold, keep_rules_at, (1.0, 0.0))


@pytest.mark.parametrize(
    ("rules", "verdict"),
    [
        ((0.95, False), "other"),  # a sure rule-based decision stands, even against the model
        ((0.5, False), "right"),  # a weak one gives way to the model's better-supported name
        (None, "right"),
    ],
)
def test_decide_keeps_a_sure_rule_based_decision(rules, verdict):
    model = fit(_pages())
    page = Page("q", "B", ["Site", "Other"], [_row(title=1, log_written=1.0), _row(prompt=1)], [1, 0], rules)
    assert decide(model, page, 0.3, 0.8)[0] == verdict
