"""Publication dates: which day an article was published, and how we know.

Only ``doc.blocks``, ``doc.dateline`` and ``doc.source_url`` are read, never
``doc.removed``: furniture such as a donation appeal's "Since July 1, 2024"
is the day the page was scraped, not the day the article was written. The one
exception is the article's own stamp next to its headline and byline, which
cleaning often sets aside with the share bar: extract/dates/stamps.py reads it from
the seed's lines and adds it to the evidence as a date line, "Published" or
"Updated" clue (and drops stamps far from it: related stories, comments, masthead).

Date-looking spans are found with the regexes of ``data/dates.yml``; each span
alone is then parsed by dateparser with a fixed ``RELATIVE_BASE`` and only its
absolute-date parser, so the result never depends on today's date and
dateparser never searches free text.

Where a date can come from, strongest first (``Provenance.method``):

tier "extracted" (the text or URL says it):
  * ``published-label`` (0.9): "Published: 3 Aug 2015" on a line of its own;
    0.8 when the label stands inside prose.
  * ``dateline-date`` (0.85): a block that is only a date, maybe with a
    weekday, a time or a byline ("August 05, 2015").
  * ``dateline-prefix`` (0.85): wire copy's "MOSCOW, Aug. 13, 2015 (AP) —".
  * ``far-stamp`` (0.82): a stamp further under the headline, where none stands
    next to it and no byline is known; or, where the page gives no other date, its first
    stamp labelled "Published" anywhere ("Erschienen am: 01.11.2023") (extract/dates/stamps.py).
  * ``url-path`` (0.8; 0.5 when the URL gives only year and month):
    "/2015/08/05/", "/2015/aug/05/", "/2015-08-05", "?date=2015-08-05".
  * ``month-day+url-year`` (0.8): "Aug. 13" in a date position and a URL
    giving the year and that month.

tier "inferred" (confidence at most 0.6):
  * ``month-day+weekday+anchor`` (0.6, 0.45 when over two months from every
    anchor): a yearless "Aug. 13" (date line, dateline, caption end) whose
    year is one in which Aug 13 falls on a weekday the text mentions ("on
    Thursday"), choosing the year nearest the anchors. A weekday written next
    to the date ("Thursday, Aug. 13") is the only weekday used when present.
  * ``caption-date`` (0.5): a caption block ending AP-style "..., Aug. 13,
    2015." (a photo of the day's news; file photos are excluded, see below).
  * ``updated-label`` (0.6; 0.4 in prose): "Updated: ...": a revision date, the
    latest the article can have been published. Never one in a later year than the
    year the body writes most outside full dates: that is a revision long after
    publication ("Last Updated: January 7, 2025" on a 2020 story), so no date (on
    English pages: a German "Stand:" is the article's own revision).

Dates are read in the languages of ``data/dates.yml`` (en, de, fr, es, it, pl, pt, nl):
month and weekday names, labels ("Veröffentlicht am", "Publié le", "Actualizado el"),
day-first numerics ("13.08.2015"; "17/02/2020" on a page in one of those languages but
English).
  * ``lead-date`` (0.4): "on August 5, 2015" in the lead paragraph.
  * ``weekday-after-photo`` (0.35): see below.
  * ``month-day+anchor`` (0.3): a yearless month-day and no weekday clue, within
    a quarter of an anchor.
  * ``weekday+anchor`` (0.3): no date at all, but past weekdays ("said on
    Friday") near an *event* anchor (another report of the same happening): the latest of those weekdays' occurrences within
    3 days of the anchor (wire copy names the day's own events by weekday).
    Dropped when a written yearless month-day ("Aug. 13") says otherwise.

Never the publication date: a date in the readers' comments (from a "5 thoughts on" heading
or a commenter's "X says:" line down); a date after "since", "as of", "until", "from",
a copyright sign, "born"...; a date inside quotation marks; a year alone
("in 1999", "© 2024", "last June"); a date in the body other than the lead's
"on <date>" (those are the news's history); and a photo's date: "seen January
18, 2017", "pictured on", "file photo", "in this ... photo". A photo date is a
lower bound, though: a file photo is older than the article, so the article's
past weekdays ("On Wednesday Lavrov told ...", "ended on Tuesday") are the first
such weekdays strictly after it, and the article is dated the day after the
latest of them (``weekday-after-photo``), kept before any future weekday it
mentions ("talks on Friday"); only when those weekdays fall within a few days of
each other (spread over the week, one may be the photo's own day) and the photo
is no file photo (which may be years old).

When several candidates disagree, :func:`generator.model.choose` decides:
higher tier, then higher confidence, then text before URL. If two extracted
candidates from different methods agree (e.g. the date line and the URL), the
winner's confidence rises to 0.95 and its evidence quotes both; if they
disagree, the winner loses 0.2 confidence and its evidence quotes the other.
Anchors (dates of other articles of the same story, passed by the caller in
a second pass) are only ever used for tier "inferred" dates; without anchors a
yearless date gives None, never a guessed year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Sequence

from generator.extract.dates.rules import date_rules
from generator.extract.dates.spans import date_field, distinct_weekdays, extract_date_evidence
from generator.files.rules import load_confidence
from generator.model import TIERS, CleanDoc, DateClue, DateEvidence, DateSpan, DateValue, Field, WeekdayMention, choose

# --------------------------------------------------------------------------- candidates

# Confidences are data (data/confidence.yml, each with its why).
_EXTRACTED_CONF = {
    ("published", True): "date-published-label-line",
    ("published", False): "date-published-label-prose",
    ("date-line", True): "date-line",
    ("dateline-prefix", False): "date-dateline-prefix",
    ("far-stamp", True): "date-far-stamp",
}
_INFERRED_CONF = {
    ("updated", True): "date-updated-label-line",
    ("updated", False): "date-updated-label-prose",
    ("caption", True): "date-caption",
    ("caption", False): "date-caption",
    ("lead", True): "date-lead",
    ("lead", False): "date-lead",
}
_METHOD = {
    "published": "published-label",
    "updated": "updated-label",
    "date-line": "dateline-date",
    "dateline-prefix": "dateline-prefix",
    "far-stamp": "far-stamp",
    "caption": "caption-date",
    "lead": "lead-date",
}


def _value_of(span: DateSpan) -> DateValue | None:
    if span.year is None:
        return None
    try:
        if span.day is None:
            return DateValue(dt.date(span.year, span.month, 1), "month")
        return DateValue(dt.date(span.year, span.month, span.day), "day")
    except ValueError:
        return None


def _from_clue(clue: DateClue) -> Field[DateValue] | None:
    """A dated clue as a candidate (clues without a year are handled elsewhere)."""
    value = _value_of(clue.span)
    if value is None or clue.role == "photo":
        return None
    quote = f'"{clue.evidence}"'
    if clue.role in ("updated", "caption", "lead"):
        conf = load_confidence(_INFERRED_CONF[(clue.role, clue.in_line)])
        return date_field(value, _METHOD[clue.role], quote, conf, "inferred")
    conf = load_confidence(_EXTRACTED_CONF.get((clue.role, clue.in_line), "date-written-default"))
    if value.precision == "month":
        conf -= load_confidence("date-month-only-penalty")
    if clue.span.weekday is not None and value.date.weekday() != clue.span.weekday:
        conf -= load_confidence("date-weekday-mismatch-penalty")
        quote += " (the weekday written does not match)"
    return date_field(value, _METHOD[clue.role], quote, conf, "extracted")


def _yearless(clues: Sequence[DateClue]) -> tuple[DateClue, ...]:
    """Month-days without a year in a position that dates the article."""
    roles = ("published", "date-line", "dateline-prefix", "caption")
    return tuple(
        c for c in clues if c.span.year is None and c.span.day is not None and c.role in roles
    )


def _with_url_year(clue: DateClue, url_field: Field[DateValue] | None) -> Field[DateValue] | None:
    if url_field is None or url_field.value.precision != "month":
        return None
    if url_field.value.date.month != clue.span.month:
        return None
    try:
        day = dt.date(url_field.value.date.year, clue.span.month, clue.span.day or 0)
    except ValueError:
        return None
    evidence = f'"{clue.evidence}" + {url_field.provenance.evidence}'
    return date_field(DateValue(day), "month-day+url-year", evidence, load_confidence("date-month-day-url-year"), "extracted")


def _month_day_dates(month: int, day: int, years: range) -> tuple[dt.date, ...]:
    out = []
    for y in years:
        try:
            out.append(dt.date(y, month, day))
        except ValueError:
            continue
    return tuple(out)


def _nearest(dates: Sequence[dt.date], anchors: Sequence[dt.date]) -> tuple[dt.date, int] | None:
    """The date nearest any anchor and its distance in days; None on a tie."""
    scored = sorted((min(abs((d - a).days) for a in anchors), d) for d in dates)
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return scored[0][1], scored[0][0]


def resolve_yearless(
    clue: DateClue, mentions: Sequence[WeekdayMention], anchors: Sequence[dt.date]
) -> Field[DateValue] | None:
    """Give a yearless month-day a year from weekday clues and anchors, or None.

    Without anchors there is no year to prefer, so the answer is None.
    """
    if not anchors or clue.span.day is None:
        return None
    limits = date_rules().anchors
    span = limits["year_span"]
    years = range(min(a.year for a in anchors) - span, max(a.year for a in anchors) + span + 1)
    all_dates = _month_day_dates(clue.span.month, clue.span.day, years)
    anchor_text = ", ".join(a.isoformat() for a in sorted(set(anchors)))
    clues = _weekday_clues(clue, mentions)
    if clues:
        wanted = {w for w, _ in clues}
        dates = tuple(d for d in all_dates if d.weekday() in wanted)
        best = _nearest(dates, anchors)
        if best is None or best[1] > limits["weekday_max_days"]:
            return None
        conf = load_confidence(
            "date-month-day-weekday-anchor-close" if best[1] <= limits["weekday_close_days"] else "date-month-day-weekday-anchor-far"
        )
        md = best[0].strftime("%b %-d")
        evidence = (
            f'"{clue.evidence}" + ' + " + ".join(f'"{e}"' for _, e in clues)
            + f" ({md} falls on that weekday in {', '.join(str(d.year) for d in dates)});"
            + f" nearest to anchor {anchor_text}"
        )
        return date_field(DateValue(best[0]), "month-day+weekday+anchor", evidence, conf, "inferred")
    best = _nearest(all_dates, anchors)
    if best is None or best[1] > limits["plain_max_days"]:
        return None
    evidence = f'"{clue.evidence}"; no weekday clue; nearest to anchor {anchor_text}'
    return date_field(DateValue(best[0]), "month-day+anchor", evidence, load_confidence("date-month-day-anchor"), "inferred")


def _weekday_clues(clue: DateClue, mentions: Sequence[WeekdayMention]) -> tuple[tuple[int, str], ...]:
    if clue.span.weekday is not None:
        return ((clue.span.weekday, clue.evidence),)
    past = [m for m in distinct_weekdays(mentions) if m.tense == "past"]
    chosen = past or list(distinct_weekdays(mentions))
    return tuple((m.weekday, m.evidence) for m in chosen)


def resolve_after_photo(
    photo: DateClue, mentions: Sequence[WeekdayMention]
) -> Field[DateValue] | None:
    """Date an article by its weekdays, counted from a file photo's date.

    The photo is older than the article, so each past weekday mentioned is the
    first such weekday strictly after the photo date; the article is dated the
    day after the latest of them, but before any future weekday it mentions.
    """
    taken = _value_of(photo.span)
    if taken is None or taken.precision != "day":
        return None
    distinct = distinct_weekdays(mentions)
    past = [m for m in distinct if m.tense == "past"]
    if not past:
        return None
    occurrences = [(_first_after(taken.date, m.weekday), m) for m in past]
    latest = max(d for d, _ in occurrences)
    if (latest - min(d for d, _ in occurrences)).days > date_rules().anchors["after_photo_span_days"]:
        return None  # weekdays spread over the week: not all of the article's last days
    article = latest + dt.timedelta(days=1)
    future = [m for m in distinct if m.tense == "future" and m.weekday not in {p.weekday for p in past}]
    future_dates = [_first_after(latest, m.weekday) for m in future]
    if future_dates and article >= min(future_dates):
        article = latest
    evidence = f'photo date "{photo.evidence}"; ' + "; ".join(
        f'"{m.evidence}" → {d.isoformat()}' for d, m in sorted(occurrences, key=lambda x: x[0])
    )
    if future:
        evidence += "; still ahead: " + "; ".join(f'"{m.evidence}"' for m in future)
    return date_field(DateValue(article), "weekday-after-photo", evidence, load_confidence("date-weekday-after-photo"), "inferred")


def _first_after(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)


def resolve_weekday_anchor(
    mentions: Sequence[WeekdayMention], anchors: Sequence[dt.date]
) -> Field[DateValue] | None:
    """Date an undated article by its past weekdays near an anchor, or None.

    Each past weekday is placed on its occurrence within a few days of an
    anchor; the article is the latest of those days. Anchors that disagree give None.
    """
    past = [m for m in distinct_weekdays(mentions) if m.tense == "past"]
    if not past or not anchors:
        return None
    reach = date_rules().anchors["weekday_only_days"]
    results = set()
    for anchor in anchors:
        days = [anchor + dt.timedelta(days=k) for k in range(-reach, reach + 1)]
        results.add(max(d for d in days if d.weekday() in {m.weekday for m in past}))
    if len(results) != 1:
        return None
    (article,) = results
    anchor_text = ", ".join(a.isoformat() for a in sorted(set(anchors)))
    evidence = " + ".join(f'"{m.evidence}"' for m in past) + f"; near anchor {anchor_text}"
    return date_field(DateValue(article), "weekday+anchor", evidence, load_confidence("date-weekday-anchor"), "inferred")


def date_candidates(
    evidence: DateEvidence, anchors: Sequence[dt.date] = (), event_anchors: Sequence[dt.date] = ()
) -> tuple[Field[DateValue], ...]:
    """Every candidate publication date the rules find in ``evidence``, strongest first."""
    clues, mentions, url_field = evidence.clues, evidence.mentions, evidence.url
    # An "Updated" stamp in a later year than the one the article writes most is a revision
    # long after publication ("Last Updated: January 7, 2025" on a 2020 story): no date from it.
    found: list[Field[DateValue] | None] = [
        _from_clue(c) for c in clues
        if not (c.role == "updated" and evidence.usual_year and (c.span.year or 0) > evidence.usual_year)
    ]
    found.append(url_field)
    for clue in _yearless(clues):
        found.append(_with_url_year(clue, url_field))
        found.append(resolve_yearless(clue, mentions, anchors))
    # a reused ("file") photo's date bounds nothing: it may be years old
    reused = date_rules().photo_reused
    photos = [c for c in clues if c.role == "photo" and c.span.year is not None and not reused.search(c.evidence)]
    if photos:
        latest = max(photos, key=lambda c: (c.span.year, c.span.month, c.span.day or 0))
        after_photo = resolve_after_photo(latest, mentions)
        # A text that writes a later year than the photo's is not of the photo's week: the
        # photo is an old portrait ("photographed in his home December 19, 2013").
        if after_photo is not None and (evidence.latest_year or 0) <= after_photo.value.date.year:
            found.append(after_photo)
    by_weekday = resolve_weekday_anchor(mentions, event_anchors)
    if by_weekday is not None and all(
        (c.span.month, c.span.day) == (by_weekday.value.date.month, by_weekday.value.date.day)
        for c in _yearless(clues)
    ):
        found.append(by_weekday)  # a written month-day outranks a weekday placed by anchor
    kept = [f for f in found if f is not None]
    # sorted() is stable: equal ranks keep text-before-URL order, as choose() does
    return tuple(sorted(kept, key=lambda f: tuple(-x for x in _rank(f))))


def _rank(f: Field[DateValue]) -> tuple[int, float]:
    return TIERS.index(f.provenance.tier), f.provenance.confidence


def _compatible(a: DateValue, b: DateValue) -> bool:
    if a.precision == "day" and b.precision == "day":
        return a.date == b.date
    if "year" in (a.precision, b.precision):
        return a.date.year == b.date.year
    return (a.date.year, a.date.month) == (b.date.year, b.date.month)


def extract_date(
    doc: CleanDoc, anchors: Sequence[dt.date] = (), event_anchors: Sequence[dt.date] = ()
) -> Field[DateValue] | None:
    """:func:`choose_date` over the document's evidence, read here (for one-off use and
    tests: a build reads the evidence once and keeps it on the article)."""
    return choose_date(extract_date_evidence(doc), anchors, event_anchors)


def choose_date(
    evidence: DateEvidence, anchors: Sequence[dt.date] = (), event_anchors: Sequence[dt.date] = ()
) -> Field[DateValue] | None:
    """The article's publication date, or None when its text does not support one.

    ``anchors`` are dates of other articles of the same story; they only settle
    the year of a written month-day ("Aug. 13"), for tier "inferred" dates.
    ``event_anchors`` are dates of other reports of the very same happening
    (near-copies); only they may place a bare weekday ("on Friday"), because a
    story's other articles can be weeks or years away (see module doc).
    """
    candidates = date_candidates(evidence, anchors, event_anchors)
    best = choose(*candidates)
    if best is None or best.provenance.tier != "extracted":
        return best
    others = [
        c for c in candidates
        if c.provenance.tier == "extracted" and c.provenance.method != best.provenance.method
    ]
    agree = [c for c in others if _compatible(c.value, best.value)]
    disagree = [c for c in others if not _compatible(c.value, best.value)]
    prov = best.provenance
    if disagree:
        other = disagree[0]
        prov = replace(
            prov,
            confidence=max(load_confidence("date-disagreement-floor"), prov.confidence - load_confidence("date-disagreement-penalty")),
            evidence=f"{prov.evidence}; but {other.provenance.method} says "
            f"{other.value.iso()} ({other.provenance.evidence})",
        )
    elif agree:
        other = agree[0]
        prov = replace(
            prov,
            confidence=max(prov.confidence, load_confidence("date-agreement")),
            evidence=f"{prov.evidence}; agrees with {other.provenance.method} {other.provenance.evidence}",
        )
    return Field(best.value, prov)


def lines_of_date(evidence: DateEvidence, value: DateValue) -> tuple[int, ...]:
    """The seed lines of the date stamps (date lines, "Published", "Updated", far stamps) that
    read the day ``value``: where the article's own stamp stands, its byline beside it."""
    if value.precision != "day":
        return ()
    day = (value.date.year, value.date.month, value.date.day)
    return tuple(sorted({
        c.line_no for c in evidence.clues
        if c.line_no and c.role in ("published", "updated", "date-line", "far-stamp") and (c.span.year, c.span.month, c.span.day) == day
    }))
