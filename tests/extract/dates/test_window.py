"""Date stamps near the byline (dates/spans.py keep_near_byline) and the photo-date sanity check."""

from __future__ import annotations

import pytest

from generator.extract.dates.spans import byline_line_of, keep_near_byline
from generator.model import DateClue, DateSpan


def clue(line: int, day: int, role: str = "date-line") -> DateClue:
    return DateClue(DateSpan(0, 5, "x", 8, day, 2016), role, True, f"Aug {day}, 2016", line)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("clues", "byline", "kept_days"),
    [
        ([clue(5, 9), clue(100, 21)], None, [9, 21]),  # no byline: all kept
        ([clue(5, 9), clue(100, 21)], 95, [21]),  # masthead far above dropped
        ([clue(100, 21), clue(300, 1), clue(304, 2)], 95, [21]),  # related stories below dropped
        ([clue(300, 1), clue(304, 2), clue(308, 3)], 95, []),  # a list of other dates far below
        ([clue(200, 12), clue(200, 12)], 50, [12, 12]),  # one date far below: the article's end
        ([clue(5, 9, "lead"), clue(100, 21)], 95, [9, 21]),  # a lead date is not a stamp
    ],
)
def test_keep_near_byline(clues, byline, kept_days):
    assert [c.span.day for c in keep_near_byline(tuple(clues), byline)] == kept_days


def test_byline_line_of():
    assert byline_line_of("line 12: By Jane Doe") == 12
    assert byline_line_of(None) is None
