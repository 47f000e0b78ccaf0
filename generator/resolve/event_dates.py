"""When two reports' dates may be one happening, and an event's date.

* :func:`relate_dates`: day dates at most ``near_days`` apart are *near*, more than
  ``far_days`` apart (or coarse dates further apart) *far*, else *unknown*;
* :func:`days_between`: days between two days a text writes ("Aug. 13"), a day
  without its year taken in whichever year brings it closest;
* :func:`trusted_date`: an article's date when it may split or join reports;
* :func:`choose_event_date`: the earliest trusted day date of an event's reports.

The thresholds are ``data/events.yml``'s (``near_days``, ``far_days``,
``trusted_date_confidence``); events.py weighs these relations.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Literal

from generator.model import Article, DateValue
from generator.resolve.event_titles import PRECISION_RANK as _PRECISION_RANK
from generator.resolve.evidence import WrittenDay


def relate_dates(
    a: DateValue | None, b: DateValue | None, near_days: int = 3, far_days: int = 7
) -> Literal["near", "far", "unknown"]:
    """``near``: day dates at most ``near_days`` apart; ``far``: dates that cannot be one
    happening (day dates more than ``far_days`` apart, or coarse dates whose spans are
    further apart); else ``unknown``."""
    if a is None or b is None:
        return "unknown"
    if a.precision == "day" and b.precision == "day":
        days = abs((a.date - b.date).days)
        return "near" if days <= near_days else "far" if days > far_days else "unknown"
    (a_start, a_end), (b_start, b_end) = _span(a), _span(b)
    # a coarse date may still be the other's day, give or take far_days
    slack = _dt.timedelta(days=far_days)
    overlap = a_start <= b_end + slack and b_start <= a_end + slack
    return "unknown" if overlap else "far"


def days_between(a: WrittenDay, b: WrittenDay) -> int:
    """Days between two written days; a day without its year is taken in whichever
    year brings it closest (so "Dec. 30" and "Jan. 2" are three days apart)."""
    (ma, da, ya), (mb, db, yb) = a, b
    if ya and yb:
        return abs((_written_date(ya, ma, da) - _written_date(yb, mb, db)).days)
    year = ya or yb or 2001  # 2001: not a leap year, nothing special
    first = _written_date(year, ma, da)
    return min(abs((first - _written_date(year + shift, mb, db)).days) for shift in (-1, 0, 1))


def _written_date(year: int, month: int, day: int) -> _dt.date:
    """The date, with a day past the month's end (a misread "31") taken as its last."""
    following = _dt.date(year + (month == 12), month % 12 + 1, 1)
    return min(_dt.date(year, month, 1) + _dt.timedelta(days=day - 1), following - _dt.timedelta(days=1))


def _span(value: DateValue) -> tuple[_dt.date, _dt.date]:
    d = value.date
    if value.precision == "year":
        return _dt.date(d.year, 1, 1), _dt.date(d.year, 12, 31)
    if value.precision == "month":
        following = _dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return _dt.date(d.year, d.month, 1), following - _dt.timedelta(days=1)
    return d, d


def trusted_date(article: Article, confidence: float) -> DateValue | None:
    """The article's date when it may split or join reports: curated, or found with enough confidence."""
    if article.date is None:
        return None
    provenance = article.date.provenance
    return article.date.value if provenance.tier == "curated" or provenance.confidence >= confidence else None


def choose_event_date(articles: Sequence[Article], trusted_confidence: float = 0.0) -> DateValue | None:
    """The earliest day date of the articles: the day the happening was first reported.

    Only trusted dates (curated, or found with at least ``trusted_confidence``)
    count when any report has one: a weak date read from a sentence of the body
    ("born on April 22, 1923") must not date a 2008 event. Without any day date,
    the earliest of the most precise coarse dates (a month says more than
    nothing); without any date, ``None``.
    """
    trusted = [d for d in (trusted_date(a, trusted_confidence) for a in articles) if d is not None]
    dates = trusted or [a.date.value for a in articles if a.date is not None]
    if not dates:
        return None
    return min(dates, key=lambda d: (_PRECISION_RANK[d.precision], d.date))
