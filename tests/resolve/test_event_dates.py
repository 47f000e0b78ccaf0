"""When two reports' dates may be one happening, and an event's date (resolve/event_dates.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.model import Field, Provenance
from generator.resolve.event_dates import choose_event_date, days_between, relate_dates
from tests.resolve.test_events import date_value, make_article


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2016-10-08", "2016-10-08", "near"),
        ("2016-10-08", "2016-10-09", "near"),
        ("2016-10-08", "2016-10-11", "near"),
        ("2016-10-08", "2016-10-12", "unknown"),  # between near_days (3) and far_days (7): the words decide
        ("2016-10-08", "2016-10-16", "far"),
        ("2016-10-08", None, "unknown"),
        (None, None, "unknown"),
        ("2016-10", "2016-10-20", "unknown"),
        ("2016-10", "2016-11-01", "unknown"),  # the last of October, reported the next day
        ("2016-10", "2016-11-09", "far"),
        ("2016", "2016-07-01", "unknown"),
        ("2016", "2018-07-01", "far"),
    ],
)
def test_relate_dates(a: str | None, b: str | None, expected: str) -> None:
    assert relate_dates(date_value(a), date_value(b)) == expected
    assert relate_dates(date_value(b), date_value(a)) == expected


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        (["2016-10-09", "2016-10-08"], "2016-10-08"),
        (["2016-10", "2016-10-09"], "2016-10-09"),
        (["2016", "2016-11", "2016-10"], "2016-10"),
        ([None, "2016"], "2016"),
        ([None], None),
    ],
)
def test_choose_event_date(dates: list[str | None], expected: str | None) -> None:
    articles = [make_article(f"{i}", d, "", "") for i, d in enumerate(dates)]
    assert choose_event_date(articles) == date_value(expected)


def test_choose_event_date_prefers_trusted_dates() -> None:
    """A weak date read from the body (a birth date) does not date the event when a report has a trusted one."""
    weak = Provenance("date-in-text", "born on April 22, 1923", 0.4, "extracted")
    birth = replace(make_article("1", "1923-04-22", "", ""), date=Field(date_value("1923-04-22"), weak))
    report = make_article("2", "2008-12-12", "", "")
    assert choose_event_date([birth, report], trusted_confidence=0.5) == date_value("2008-12-12")
    assert choose_event_date([birth], trusted_confidence=0.5) == date_value("1923-04-22")
    assert choose_event_date([birth, report]) == date_value("1923-04-22")


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((8, 13, 2015), (8, 5, 2015), 8),
        ((12, 30, 0), (1, 2, 0), 3),  # no year written: the closest reading, across the new year
        ((12, 30, 2015), (1, 2, 2016), 3),
        ((12, 30, 2015), (1, 2, 2015), 362),  # both years written: as written
        ((2, 31, 0), (3, 1, 0), 1),  # a misread "31" is the month's last day (2001: not a leap year)
    ],
)
def test_days_between(a, b, expected) -> None:
    assert days_between(a, b) == days_between(b, a) == expected
