"""Story dating: a second look at the dates of articles whose text gives no full date.

An article that says only "Aug. 13" or "on Friday" can be dated from its story's
other articles. Story siblings share at least :data:`STORY_SHARED_ACTORS`
significant actors (actors named in nearly every article are no evidence); their
dates may settle the year of a written "Aug. 13". Only reports of the same
happening (:func:`generator.resolve.evidence.is_same_report`, the text-and-actor
test event grouping also uses) may place a bare "on Friday". The article's own
date evidence was read once by extraction; here it is only resolved again with
those anchors (:func:`generator.extract.dates.choose_date`), and a value found
this way is tier ``inferred``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace
from typing import Any, MutableMapping, Sequence

from generator.extract.dates import choose_date
from generator.files.rules import load_confidence
from generator.model import Article, DateValue, Event, Field, Provenance, choose
from generator.resolve.evidence import (
    MIN_SHARED_ACTORS_STRONG,
    ArchiveEvidence,
    is_same_report,
    measure_similarity_pairs,
    select_sharing_pairs,
)

# Articles sharing at least this many actors are treated as one story when a
# missing year is inferred from the others' dates.
STORY_SHARED_ACTORS = 2


def resolve_story_dates(
    articles: Sequence[Article], evidence: ArchiveEvidence, derived: MutableMapping[str, Any] | None = None
) -> list[Article]:
    """Retry the dates of articles lacking a full date, anchored on their story's other articles.

    Returns the articles in the order given. ``evidence`` is the build's
    :class:`ArchiveEvidence` of these articles; ``derived`` (the cache's table of
    derived values) holds each retried date under everything the retry reads (the
    article and its anchors), so a rebuild retries only what changed.
    """
    import numpy as np

    ordered = sorted(articles, key=lambda a: a.id)  # the rows of the evidence
    evidence.check_rows(ordered)
    dated = {
        a.id: a.date.value.date
        for a in ordered
        if a.date is not None and a.date.value.precision == "day" and a.date.provenance.tier != "inferred"
    }
    # Only these can change (see resolve_date_with_anchors), and only siblings
    # sharing actors can anchor them: the pairs are found by a sparse count of
    # shared actors, not by comparing every article with every other.
    retry = [
        i
        for i, a in enumerate(ordered)
        if a.date is None or (a.date.provenance.tier != "curated" and a.date.value.precision != "day")
    ]
    if not dated or not retry:
        return list(articles)
    sharing = select_sharing_pairs(
        [set(a.actor_ids) & evidence.significant for a in ordered],
        retry,
        min(STORY_SHARED_ACTORS, MIN_SHARED_ACTORS_STRONG),
    )
    # day dates as ordinals (0: none), so each article's anchors are picked and sorted by numpy
    day_of = np.array([dated[a.id].toordinal() if a.id in dated else 0 for a in ordered], dtype=np.int64)
    story_of: dict[int, Any] = {}
    # is_same_report needs MIN_SHARED_ACTORS_STRONG shared actors: only those pairs' texts are compared
    reports: dict[int, tuple[list[int], list[int]]] = {}
    for i in retry:
        cols, shared = sharing[i]
        dated_cols = day_of[cols] > 0
        story_of[i] = np.sort(day_of[cols[dated_cols & (shared >= STORY_SHARED_ACTORS)]])
        strong = dated_cols & (shared >= MIN_SHARED_ACTORS_STRONG)
        reports[i] = (cols[strong].tolist(), shared[strong].tolist())
    similar = dict(measure_similarity_pairs(evidence.vectors, {i: js for i, (js, _) in reports.items() if js}))
    resolved: dict[str, Article] = {}
    for i in retry:
        js, shared_counts = reports[i]
        similarity = similar.get(i, {})
        same_event = np.sort(
            np.array([day_of[j] for j, n in zip(js, shared_counts) if is_same_report(similarity[j], n)], dtype=np.int64)
        )
        resolved[ordered[i].id] = _resolve_cached(ordered[i], story_of[i], same_event, derived)
    return [resolved.get(a.id, a) for a in articles]


def resolve_date_with_anchors(
    article: Article, anchors: Sequence[dt.date], event_anchors: Sequence[dt.date] = ()
) -> Article:
    """Retry an article's date using the dates of its story's (and its event's) other articles.

    Only articles without a day-precise date are retried, and a curated date is
    never touched. See :func:`generator.extract.dates.choose_date` for the two kinds of anchor.
    """
    current = article.date
    if current is not None and (current.provenance.tier == "curated" or current.value.precision == "day"):
        return article
    if not anchors and not event_anchors or article.date_evidence is None:
        return article
    found = choose_date(article.date_evidence, anchors=tuple(anchors), event_anchors=tuple(event_anchors))
    best = choose(current, found)
    return article if best is current else replace(article, date=best)


def _resolve_cached(article: Article, story: Any, same_event: Any, derived: MutableMapping[str, Any] | None) -> Article:
    """:func:`resolve_date_with_anchors` with anchors given as sorted day ordinals (numpy),
    its date kept in ``derived`` under a hash of all it reads: the article and the anchors."""
    if derived is None or (not len(story) and not len(same_event)):
        return resolve_date_with_anchors(article, _dates(story), _dates(same_event))
    digest = hashlib.sha256(repr(article).encode("utf-8", "surrogatepass"))
    digest.update(f"|{len(story)}|{len(same_event)}|".encode() + story.tobytes() + same_event.tobytes())
    key = "story-date:" + digest.hexdigest()
    if key in derived:
        date = derived[key]
        return article if date == article.date else replace(article, date=date)
    resolved = resolve_date_with_anchors(article, _dates(story), _dates(same_event))
    if resolved is article or resolved == replace(article, date=resolved.date):  # only the date changed: keep it
        derived[key] = resolved.date
    return resolved


def date_articles_from_events(articles: Sequence[Article], events: Sequence[Event]) -> list[Article]:
    """Undated articles of a dated event dated from it (tier ``inferred``, never ``extracted``).

    Runs after grouping and changes no event: an event's date is its dated reports'
    earliest day (``event_dates.choose_event_date``), and a report of the same happening
    appears within days of it. The article's own past weekdays ("on Thursday") are
    first placed against that day (``choose_date``'s ``event_anchors``); where they
    fit, that day is its date (``weekday+anchor``), else the event's date itself
    (method ``event-date``, evidence "event <id>: n dated reports"). Returns the
    articles in the order given.
    """
    by_id = {a.id: a for a in articles}
    dated: dict[str, Article] = {}
    for event in events:
        if event.date is None or event.date.precision != "day":
            continue
        members = [by_id[a] for a in event.article_ids if a in by_id]
        reports = [a for a in members if a.date is not None and a.date.value.precision == "day"]
        for article in members:
            if article.date is None and reports:
                dated[article.id] = replace(article, date=_date_from_event(article, event, len(reports)))
    return [dated.get(a.id, a) for a in articles]


def _date_from_event(article: Article, event: Event, reports: int) -> Field[DateValue]:
    day = event.date.date  # type: ignore[union-attr]
    evidence = f"event {event.id}: {reports} dated report{'s' if reports != 1 else ''}"
    if article.date_evidence is not None:
        found = choose_date(article.date_evidence, event_anchors=(day,))
        if found is not None and found.provenance.method == "weekday+anchor":
            return Field(found.value, replace(found.provenance, evidence=f"{found.provenance.evidence} ({evidence})"))
    return Field(DateValue(day), Provenance("event-date", evidence, load_confidence("date-event"), "inferred"))


def _dates(ordinals: Any) -> list[dt.date]:
    return [dt.date.fromordinal(o) for o in ordinals.tolist()]
