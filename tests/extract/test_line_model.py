"""The line model's decoder and features, on small synthetic inputs."""

from __future__ import annotations

import pytest

from generator.extract.body_doubt import EVIDENCE, REASONS, judge
from generator.extract.line_model import FEATURES, decode


@pytest.mark.parametrize(
    "z, cost, runs",
    [
        ([], 0.0, []),
        ([-1.0, -2.0], 0.0, []),
        ([2.0, 2.0, -1.0, 2.0], 10.0, [(0, 3)]),  # a weak line between strong ones stays in
        ([3.0, -5.0, -5.0, 3.0], 0.0, [(0, 0), (3, 3)]),  # free runs: each strong line alone
        ([3.0, -5.0, -5.0, 4.0], 10.0, [(3, 3)]),  # a costly second run: only the best one
        ([1.0, 1.0, -3.0, -3.0, 5.0], 1.0, [(0, 1), (4, 4)]),
    ],
)
def test_decode_picks_the_best_runs(z, cost, runs):
    assert decode(z, 0.0, cost) == runs


def test_the_offset_shifts_every_line():
    assert decode([-0.5, -0.5], 1.0, 0.0) == [(0, 1)]


def test_every_feature_is_named_once():
    assert len(FEATURES) == len(set(FEATURES))


def test_a_doubt_names_the_evidence_that_pulls_it_down():
    weights = {
        "weights": {"bias": 2.0, **dict.fromkeys(EVIDENCE, 0.0), "stamped_inside": -6.0, "outside_prose": -1.0},
        "mean": dict.fromkeys(EVIDENCE, 0.0),
        "reason_below": 0.7,
    }
    values = dict.fromkeys(EVIDENCE, 0.0)
    assert judge(values, weights).reason is None and judge(values, weights).probability > 0.8
    values["stamped_inside"] = 1.0
    doubt = judge(values, weights)
    assert doubt.probability < 0.2 and doubt.reason == REASONS["stamped_inside"] == "body may include comments"
