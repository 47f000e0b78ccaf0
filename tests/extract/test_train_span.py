"""`make train` rebuilds data/span_model.yml exactly: a change to the lines' features
(page_lines, the rule scores, the furniture and meta patterns feed them) that moves the
weights or the decoder's settings fails here, so the committed line model is always the
one the code trains (retrain with `make train`; the body's confidence,
data/body_doubt.yml, is rebuilt by the same run)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.line_model import FEATURES, MODEL_NAME
from generator.extract.train_span import load_corpus, train
from generator.files.rules import load_rules

DEVCORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "devcorpus"


@pytest.mark.skipif(not (DEVCORPUS / "web2").is_dir(), reason="the development corpus is not here (../shared/devcorpus)")
def test_the_committed_span_model_is_what_make_train_fits():
    weights, bias, decoder = train(load_corpus(DEVCORPUS))
    committed = load_rules(MODEL_NAME)
    assert dict(zip(FEATURES, weights)) == {n: committed["weights"][n] for n in FEATURES}, "stale: run `make train`"
    assert bias == committed["weights"]["bias"]
    assert decoder == committed["decoder"], "stale: run `make train`"
