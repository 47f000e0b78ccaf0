"""Floors under the event grouping's figures on the development corpus (``make eval``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.evaluate.events import measure_runs, score_pairs

DEVCORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "devcorpus"

# Just under what the grouping reaches (see make eval), so a regression fails.
FLOORS = {
    "dates as they come": {"precision": 0.99, "recall": 0.77, "f1": 0.87},
    "all dates hidden": {"precision": 0.99, "recall": 0.75, "f1": 0.86},
}


@pytest.mark.parametrize(
    "groups, labels, expected",
    [
        ([["a", "b"], ["c"]], {"a": "1", "b": "1", "c": "1"}, (1.0, 1 / 3)),
        ([["a", "b", "c"]], {"a": "1", "b": "1", "c": "2"}, (1 / 3, 1.0)),
        ([["a"], ["b"]], {"a": "1", "b": "2"}, (1.0, 1.0)),
    ],
)
def test_score_pairs(groups, labels, expected):
    score = score_pairs(groups, labels)
    assert (score.precision, score.recall) == pytest.approx(expected)


@pytest.mark.skipif(not (DEVCORPUS / "events").is_dir(), reason="no development corpus")
def test_event_grouping_floors():
    runs = measure_runs(DEVCORPUS)
    for name, floors in FLOORS.items():
        score, _ = runs[name]
        got = {"precision": score.precision, "recall": score.recall, "f1": score.f1}
        for measure, floor in floors.items():
            assert got[measure] >= floor, (name, measure, got, score.merged)
