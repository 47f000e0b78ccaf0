"""Floors under the saved-web-page figures (web2's pages read from their HTML as ``.html``
seeds, ``make eval``), per half. Skipped when ``../shared/devcorpus`` is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.evaluate.web2_html import evaluate

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "devcorpus" / "web2"

# Floors just under the figures reached in each half (see `make eval`; headline, session 8:
# A 85.1%, B 86.3%).
FLOORS = {"headline": 0.845, "with_in": 0.90, "without_out": 0.91}
# Authors per half: the page's own byline near its headline (80 lines under it) and the tidied
# metadata reached 72.0% on half A and 66.8% on half B (session 8).
# Dates per half (session 8, with the stamp by the headline where nothing else dates the page:
# right A 87.2%, B 84.2%; wrong A 35 of 360, B 47 of 341). trafilatura's favor_precision
# (files/html.py) drops a few date lines from the article text the date is then read in
# (2 pages each half), for must-not-have out +1.1/+1.8.
HALF_FLOORS = {
    "A": {"authors": 0.715, "date_right": 0.85, "date_wrong_at_most": 0.10},
    "B": {"authors": 0.665, "date_right": 0.82, "date_wrong_at_most": 0.14},
}


@pytest.fixture(scope="module")
def scores():
    if not (CORPUS / "labels.json").is_file():
        pytest.skip(f"no dev corpus at {CORPUS}")
    return evaluate(CORPUS)


def _figures(group):
    titled = [s for s in group if s.title_ok is not None]
    dated = [s for s in group if s.expected_date]
    authored = [s for s in group if s.authors_ok is not None]
    return {
        "headline": sum(bool(s.title_ok) for s in titled) / len(titled),
        "date_right": sum(s.date == s.expected_date for s in dated) / len(dated),
        "date_wrong_at_most": sum(bool(s.date) and s.date != s.expected_date for s in dated) / len(dated),
        "authors": sum(bool(s.authors_ok) for s in authored) / len(authored),
        "with_in": sum(s.with_found for s in group) / sum(s.with_total for s in group),
        "without_out": sum(s.without_out for s in group) / sum(s.without_total for s in group),
    }


@pytest.mark.parametrize("half", ["A", "B"])
def test_saved_web_pages_hold_their_floors_in_each_half(scores, half):
    got = _figures([s for s in scores if s.half == half])
    floors = {**FLOORS, **HALF_FLOORS[half]}
    low = {k: round(v, 3) for k, v in got.items() if (v > floors[k] if k.endswith("_at_most") else v < floors[k])}
    assert not low, (half, low)
