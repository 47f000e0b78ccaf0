"""The mixed event pile's scoring, and floors under its figures (``make eval``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.evaluate.mixed_events import Pile, compose_pile, measure_pile, score_pile
from generator.files.devcorpus import read_mixed_pile_labels

DEVCORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "devcorpus"

# Just under what the grouping reaches, per half (see make eval), so a regression fails.
# Measured (session 8): A precision 1.000, recall 1.000, no mixing event of 11; B 1.000, 0.887,
# none of 11. The near-date bonus needs a shared key actor or words beyond the topic's one name
# (near_text_beyond_topic_min; before, two Python blog posts three days apart mixed), and an
# undated report writing a day near the other's date is near it (written_day_meets_date).
FLOORS = {
    "A": {"precision": 0.995, "recall": 0.99, "mixing_share_at_most": 0.0},
    "B": {"precision": 0.995, "recall": 0.88, "mixing_share_at_most": 0.0},
}


@pytest.mark.parametrize(
    "groups, happening, within, expected",
    [
        # precision, recall, multi-article groups, mixing groups
        ([["a", "b"], ["c"]], {"a": "1", "b": "1", "c": "2"}, None, (1.0, 1.0, 1, 0)),
        ([["a", "b", "c"]], {"a": "1", "b": "1", "c": "2"}, None, (1 / 3, 1.0, 1, 1)),
        ([["a"], ["b"], ["c"]], {"a": "1", "b": "1", "c": "2"}, None, (1.0, 0.0, 0, 0)),
        # a wrong merge across the halves counts in the half it touches
        ([["a", "c"], ["b"]], {"a": "1", "b": "1", "c": "2"}, frozenset({"c"}), (0.0, 1.0, 1, 1)),
        # a half's labelled pairs are its own happenings' only
        ([["a", "b"], ["c"]], {"a": "1", "b": "1", "c": "2"}, frozenset({"c"}), (1.0, 1.0, 0, 0)),
        # ids the build skipped (not in happening) are not scored
        ([["a", "x"]], {"a": "1"}, None, (1.0, 1.0, 0, 0)),
    ],
)
def test_score_pile(groups, happening, within, expected):
    pairs, multi, mixing = score_pile(groups, happening, within)
    assert (pairs.precision, pairs.recall, multi, len(mixing)) == pytest.approx(expected)


def test_halves_alternate_by_happening():
    pile = Pile(texts=(), happening={"a": "x", "b": "x", "c": "c", "d": "d"})
    a, b = pile.halves()
    assert (sorted(a), sorted(b)) == (["a", "b", "d"], ["c"])


def test_labels_name_each_page_once_with_a_why():
    labels = read_mixed_pile_labels()
    named = [p for g in labels["groups"] for p in g["pages"]]
    assert len(named) == len(set(named))
    assert all(g["why"].strip() and len(g["pages"]) > 1 for g in (*labels["groups"], *labels["considered_apart"]))
    assert all(why.strip() for why in labels["web2_dropped"].values())


@pytest.mark.skipif(not (DEVCORPUS / "events").is_dir(), reason="no development corpus")
def test_every_labelled_page_is_in_the_pile():
    pile = compose_pile(DEVCORPUS)
    labels = read_mixed_pile_labels()
    for group in (*labels["groups"], *labels["considered_apart"]):
        assert set(group["pages"]) <= set(pile.happening), group


@pytest.mark.skipif(not (DEVCORPUS / "events").is_dir(), reason="no development corpus")
def test_mixed_pile_floors():
    scores = measure_pile(DEVCORPUS)
    for half, floors in FLOORS.items():
        s = scores[half]
        assert s.pairs.precision >= floors["precision"], (half, s.pairs.merged)
        assert s.pairs.recall >= floors["recall"], (half, s.pairs.missed)
        assert s.mixing_share <= floors["mixing_share_at_most"], (half, s.mixing)
    assert scores["all"].mid_text_titles == ()
    assert scores["all"].file_name_titles == ()
