"""`make train` rebuilds data/headline_model.yml exactly: a change to the candidates'
features (cleaning, bylines, dates ... feed them) that moves the weights fails here, so
the committed model is always the one the code trains (retrain with `make train`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.train_headline import FEATURES, MODEL_NAME, fit, load_pages
from generator.files.devcorpus import read_web_corpus
from generator.files.rules import load_rules

DEVCORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "devcorpus"


@pytest.mark.skipif(not (DEVCORPUS / "web").is_dir(), reason="the development corpus is not here (../shared/devcorpus)")
def test_the_committed_headline_model_is_what_make_train_fits():
    pages = load_pages(read_web_corpus(DEVCORPUS / "web"))
    model = fit(pages)
    trained = {name: round(float(w), 4) for name, w in zip(FEATURES, model.coef_[0])}
    committed = {k: v for k, v in load_rules(MODEL_NAME)["weights"].items() if k != "bias"}
    assert trained == committed, "the model is stale: run `make train` and review the headline figures (make eval)"
