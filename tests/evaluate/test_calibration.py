"""evaluate/calibration.py: reliability bins, calibration shares and the check-first list."""

from __future__ import annotations

import pytest

from generator.evaluate.calibration import Judged, check_first, reliability, share_wrong


def _items(*pairs: tuple[float, bool]) -> list[Judged]:
    return [Judged(p, r, "web") for p, r in pairs]


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([(0.05, False), (0.0, False)], [(0.0, 2, 0.0)]),
        ([(0.95, True), (1.0, True), (0.9, False)], [(0.9, 3, 2 / 3)]),
        ([(0.35, True), (0.31, False), (0.72, True)], [(0.3, 2, 0.5), (0.7, 1, 1.0)]),
        ([], []),
    ],
)
def test_reliability_bins_by_tenths(pairs, expected):
    assert [(edge, n, round(share, 4)) for edge, n, share in reliability(_items(*pairs))] == [
        (edge, n, round(share, 4)) for edge, n, share in expected
    ]


def test_share_wrong_counts_only_values_in_range():
    items = _items((0.95, True), (0.92, False), (0.3, False), (0.4, True), (0.45, False))
    assert share_wrong(items, 0.9, 1.01) == (0.5, 2)
    assert share_wrong(items, 0.0, 0.5) == (pytest.approx(2 / 3), 3)
    assert share_wrong([], 0.0, 0.5) == (0.0, 0)


def test_check_first_holds_values_below_the_threshold():
    items = _items((0.2, False), (0.4, False), (0.8, False), (0.3, True), (0.9, True), (0.95, True), (0.7, True))
    listed = check_first(items, 0.5)
    assert (listed.wrong_held, listed.wrong, listed.right_held, listed.right) == (2, 3, 1, 4)
    assert listed.share_of_wrong == pytest.approx(2 / 3)
    assert listed.share_of_right == pytest.approx(1 / 4)


# --- on the dev corpus: the confidences mean what they say ------------------------------

from pathlib import Path  # noqa: E402

from generator.evaluate import calibration, web, web2  # noqa: E402
from generator.publish.review import check_first_thresholds  # noqa: E402

DEVCORPUS = Path(__file__).resolve().parents[3] / "shared" / "devcorpus"

# Floors under the figures `make eval` prints (issue 22's targets in brackets): few wrong
# among the confident, most wrong among the doubtful, a check-first list that holds many
# wrong headlines and few right ones.
# wrong_at_09: session 8's retrain (with the "More from <X>" furniture rule, web/ +1 headline)
# reads 8.2% on web2 half A (10 of 122; 9 of 121 before), 5.2% on B: the floor sits at 8.5%.
HEADLINE_FLOORS = {"wrong_at_09": 0.085, "wrong_below_05": 0.60, "check_first_wrong": 0.50, "check_first_right": 0.15}


@pytest.fixture(scope="module")
def judged():
    if not (DEVCORPUS / "web2" / "labels.json").is_file():
        pytest.skip(f"no dev corpus at {DEVCORPUS}")
    web_report, web2_scores = web.measure(DEVCORPUS), web2.measure(DEVCORPUS)
    return calibration.judge_headlines(web_report, web2_scores), calibration.judge_bodies(web_report, web2_scores)


@pytest.mark.parametrize("group", ["web2 A", "web2 B"])
def test_headline_confidences_are_calibrated_in_each_half(judged, group):
    items = [i for i in judged[0] if i.group == group]
    high, _ = share_wrong(items, 0.9, 1.01)
    low, _ = share_wrong(items, 0.0, 0.5)
    listed = check_first(items, check_first_thresholds()["headline"])
    assert high <= HEADLINE_FLOORS["wrong_at_09"], high
    assert low >= HEADLINE_FLOORS["wrong_below_05"], low
    assert listed.share_of_wrong >= HEADLINE_FLOORS["check_first_wrong"], listed
    assert listed.share_of_right <= HEADLINE_FLOORS["check_first_right"], listed


@pytest.mark.parametrize("group", ["web2 A", "web2 B"])
def test_body_confidences_order_bodies_by_how_often_they_are_right(judged, group):
    items = [i for i in judged[1] if i.group == group]
    low = [i.right for i in items if i.probability < 0.4]
    high = [i.right for i in items if i.probability >= 0.6]
    assert sum(low) / len(low) + 0.25 <= sum(high) / len(high), (sum(low) / len(low), sum(high) / len(high))
    listed = check_first(items, check_first_thresholds()["body"])
    assert listed.share_of_right <= 0.16, listed


@pytest.mark.parametrize("group", ["web2 A", "web2 B"])
def test_date_confidences_are_calibrated_in_each_half(group):
    """Of the dates given at confidence p, about p are right: each bin of at least 20 dates
    within 12 points of its middle (session 7: 0.7-0.8 82%, 0.8-0.9 93%, 0.9-1.0 91%)."""
    if not (DEVCORPUS / "web2" / "labels.json").is_file():
        pytest.skip(f"no dev corpus at {DEVCORPUS}")
    items = [i for i in calibration.judge_dates(web2.measure(DEVCORPUS)) if i.group == group]
    assert items
    for edge, n, share in reliability(items):
        if n >= 20:
            assert abs(share - (edge + 0.05)) <= 0.12, (edge, n, share)


def test_judge_dates_judges_only_dates_given_on_labelled_pages():
    def score(date, expected, p, half="A"):
        return web2.PageScore("p", half, "browser", False, None, None, None, 0, 0, 0, 0, date=date, expected_date=expected, date_probability=p)

    judged = calibration.judge_dates([score("2020-01-02", "2020-01-02", 0.9), score("2020-01-03", "2020-01-02", 0.8, "B"), score(None, "2020-01-02", None), score("2020-01-02", None, 0.9)])
    assert [(j.probability, j.right, j.group) for j in judged] == [(0.9, True, "web2 A"), (0.8, False, "web2 B")]
