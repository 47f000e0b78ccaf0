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
