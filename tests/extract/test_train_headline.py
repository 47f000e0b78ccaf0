"""`make train` rebuilds data/headline_model.yml exactly: a change to the candidates'
features (cleaning, bylines, dates ... feed them) that moves the weights fails here, so
the committed model is always the one the code trains (retrain with `make train`).

One deterministic refit of the weights on all pages of web/ and web2/ (the calibration
needs the cross-validation's five more fits: `make train` checks it, this test checks
that the committed calibration is well-formed), plus the training's helpers on small
synthetic pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.headline_features import CALIBRATION_INPUTS, FEATURES, calibrated, calibration_inputs, confidence_inputs, doubt_reason
from generator.extract.train_headline import MODEL_NAME, Page, fit, fit_calibration, load_pages, reliability
from generator.files.devcorpus import read_web2_corpus, read_web_corpus
from generator.files.rules import load_rules

DEVCORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "devcorpus"


@pytest.mark.skipif(
    not (DEVCORPUS / "web").is_dir() or not (DEVCORPUS / "web2").is_dir(),
    reason="the development corpus is not here (../shared/devcorpus)",
)
def test_the_committed_headline_model_is_what_make_train_fits():
    pages = load_pages(read_web_corpus(DEVCORPUS / "web"), read_web2_corpus(DEVCORPUS / "web2"))
    model = fit(pages)
    trained = {name: round(float(w), 4) for name, w in zip(FEATURES, model.coef_[0])}
    committed = {k: v for k, v in load_rules(MODEL_NAME)["weights"].items() if k != "bias"}
    assert trained == committed, "the model is stale: run `make train` and review the headline figures (make eval)"


def test_the_committed_calibration_rises_with_the_winners_lead():
    calibration = {str(k): float(v) for k, v in load_rules(MODEL_NAME)["calibration"].items()}
    assert set(calibration) == {*CALIBRATION_INPUTS, "bias"}
    doubtful = calibration_inputs([1.0, 0.9, 0.8, 0.7], {})
    clear = calibration_inputs([6.0, 0.5, 0.0, -1.0], {})
    assert 0 < calibrated(calibration, doubtful) < calibrated(calibration, clear) < 1


def _page(name: str, rows: list[list[float]], labels: list[int]) -> Page:
    return Page(name, "", rows, labels)


def test_the_fit_ranks_a_synthetic_headline_first():
    # two features: only the first tells the headline
    width = len(FEATURES)
    row = lambda a, b: [a, b] + [0.0] * (width - 2)  # noqa: E731
    pages = [_page(f"p{i}", [row(1, i % 2), row(0, 1), row(0, 0)], [1, 0, 0]) for i in range(6)]
    model = fit(pages)
    assert model.coef_[0][0] > 0
    scores = list(model.decision_function([row(1, 0), row(0, 1)]))
    assert scores[0] > scores[1]


def test_confidence_inputs_and_reason():
    p, margin = confidence_inputs([2.0, 1.0, -1.0])
    assert 0.5 < p < 1 and margin == pytest.approx(1.0)
    assert confidence_inputs([0.5]) == (1.0, 10.0)
    rules = {"doubt": [{"reason": "furniture", "when": {"any": {"bullet": 1}}}, {"reason": "close", "when": {"margin_below": 1.0}}]}
    assert doubt_reason({"bullet": 1.0}, 5.0, rules) == "furniture"
    assert doubt_reason({}, 0.5, rules) == "close"
    assert doubt_reason({}, 5.0, rules) is None


def test_calibration_and_reliability_on_synthetic_predictions():
    sure = calibration_inputs([5.0, 0.0], {})
    unsure = calibration_inputs([0.2, 0.0, 0.0], {})
    predictions = [(True, sure)] * 40 + [(False, sure)] * 2 + [(True, unsure)] * 5 + [(False, unsure)] * 10
    calibration = fit_calibration(predictions)
    assert calibrated(calibration, sure) > 0.85 > 0.5 > calibrated(calibration, unsure)
    table = "\n".join(reliability([(r, calibrated(calibration, inputs)) for r, inputs in predictions]))
    assert "wrong among confidence >= 0.9" in table and "wrong among confidence < 0.5" in table
