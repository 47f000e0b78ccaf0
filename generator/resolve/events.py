"""Grouping articles into news events: which reports tell of the same happening.

Two articles are weighed on (thresholds in ``data/events.yml``, each with its why):

* **words and facts** (:class:`~generator.resolve.evidence.ArchiveEvidence`): the
  cosine of their TF-IDF words (site-specific words played down) and of their
  facts (names, figures), weighted together;
* **dates**, when trusted (curated, or found with enough confidence): day dates
  within ``near_days`` add ``near_bonus``; dates more than ``far_days`` apart are
  never one event, whatever the words say;
* **days written in the texts**, when a date is unknown: texts naming days of the
  week, none the same, and days of the year all more than ``far_days`` apart are
  never one event (:meth:`_Evidence.written_dates_disagree`); an undated text that
  writes a day within ``near_days`` of the other's trusted date is near it, as
  dated reports are (:meth:`_Evidence.written_day_meets_date`).

A topic is not a happening: two lone reports make an event only when their one
pair reaches ``pair_cut`` (a bigger group's average, of many pairs, needs ``cut``),
and near dates add ``near_bonus`` only to a pair whose words already score
``near_text_min`` (a day carries many stories of one topic) and, unless they
share a key actor, still score ``near_text_beyond_topic_min`` without their one
heaviest shared term (two posts on one language, one country, one company share
its name and little else). Lines a site prints
on two of its pages are left out of what is compared (furniture.select_site_lines).

Only pairs sharing some of each other's distinctive terms are weighed
(:meth:`_Evidence.candidate_pairs`), so the work grows with the archive, not its
square. Reports are then grouped by average linkage (``linkage.py``): two groups
join while their average pair score is at least ``cut`` and the joined group spans
at most ``far_days`` of trusted dates, so one look-alike pair cannot chain two
happenings, nor daily follow-ups grow into one event. Then a group of one or two
reports joins the bigger group it is clearly nearest to (``attach_cut``,
``attach_margin``, ``attach_max_size``; ``linkage.attach_small_groups``): the
commentary, the follow-up or the report with its own angle that averages a
little under ``cut`` with the others but near nothing with any other event.

The archivist's overrides (``seeds/events.yml``, read by ``event_decisions.py``)
always win: together-constraints (``merge``, ``move``, an article's curated
event) are applied before any evidence is weighed; apart-constraints (``split``,
``move`` to ``alone``) stop automatic joins. When the two contradict each other
"together" wins, and ``event_decisions.check_event_overrides`` reports the contradiction.

An event's title is a headline of its own articles, else a report's lead
(``event_titles.py``), unless the archivist names it; its date is the earliest day date of its articles
(:func:`choose_event_date`); its actors come shared-first (:func:`rank_event_actors`).
Two events are *related* (one story) when they share ``related.min_shared_actors``
significant actors, their best pair of reports scores ``related.min_text`` and
they are at most ``related.max_days`` apart; an undated event is related only by
the archivist.

Event ids are stable. The *representative* of an event is its smallest article
id: seed ids begin with a running number, so that is the article that was added
first. The permalink lock gives article id → event id (``select_locked_event_ids``);
fed back to :func:`group_events` as ``locked_ids``, it keeps every existing event's id (and
so its page URL) when articles are added: an event that contains any article
named in ``locked_ids`` keeps that id. New events get ``<date>-<title slug>``
or ``undated-<title slug>``, with ``-2``, ``-3`` ... on a collision.
"""

from __future__ import annotations

import bisect
import datetime as _dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import combinations
from typing import Any, Literal

from generator.model import Article, DateValue, Event, Provenance
from generator.resolve.event_titles import choose_event_title_source
from generator.text import dated_first_key, slugify, suffix_until_free
from generator.resolve.evidence import (
    _TITLE_NOT_WRITTEN,
    ArchiveEvidence,
    EventThresholds,
    WrittenDay,
    measure_similarity_pairs,
    select_sharing_pairs,
    select_distinctive_terms,
)
from generator.resolve.linkage import attach_small_groups, group_by_average_linkage
from generator.resolve.event_decisions import EventOverrides, group_forced_together
from generator.resolve.event_dates import choose_event_date, days_between, relate_dates, trusted_date

# --- thresholds --------------------------------------------------------------------
# The key actors of an article are its first actor ids in order of prominence: the
# people a story is about, not everyone its background paragraphs name.
KEY_ACTORS = 12

# Event slugs: long enough to read, short enough for a path segment.
SLUG_MAX_CHARS = 70


# --- grouping ----------------------------------------------------------------------


def group_events(
    articles: Sequence[Article],
    overrides: EventOverrides | None = None,
    locked_ids: Mapping[str, str] | None = None,
    evidence: ArchiveEvidence | None = None,
    thresholds: EventThresholds | None = None,
) -> tuple[Event, ...]:
    """Group articles that report the same happening into events.

    See the module docstring for the evidence weighed, the thresholds
    (``data/events.yml``, or ``thresholds``) and the rule that keeps event ids
    stable. Returns the events sorted by date (undated last), then id. The same
    input in any order gives the same output. ``evidence`` is the build's
    :class:`ArchiveEvidence` of these articles (built here when not given).
    """
    overrides = overrides or EventOverrides()
    thresholds = thresholds or EventThresholds.from_rules()
    ordered = tuple(sorted(articles, key=lambda a: a.id))
    if not ordered:
        return ()
    known = {a.id for a in ordered}
    by_id = {a.id: a for a in ordered}
    evidence = _Evidence.of(ordered, evidence or ArchiveEvidence.of(ordered, thresholds=thresholds), thresholds)
    groups = _group(ordered, overrides, known, evidence)
    drafts = [_draft_event([by_id[a] for a in group], overrides, evidence) for group in groups]
    ids = _assign_ids(drafts, locked_ids or {})
    titles_by_event = dict(_first_per_key(overrides.titles_by_event))
    events = [
        Event(
            id=ids[i],
            title=titles_by_event.get(ids[i], d.title),
            title_provenance=(
                Provenance("events.yml", f"named by the archivist (event {ids[i]})", 1.0, "curated")
                if ids[i] in titles_by_event
                else d.title_provenance
            ),
            title_article=None if ids[i] in titles_by_event else d.title_article,
            date=d.date,
            article_ids=d.article_ids,
            actor_ids=d.actor_ids,
        )
        for i, d in enumerate(drafts)
    ]
    events = _relate(events, evidence, overrides)
    return tuple(sorted(events, key=_event_order))


@dataclass(frozen=True)
class _Evidence:
    """What is known about each pair of articles, computed once for the archive."""

    articles: tuple[Article, ...]
    index: Mapping[str, int]
    vectors: Any  # normalised rows, one per article in id order (ArchiveEvidence)
    significant: frozenset[str]  # actor ids that are not background
    key_actors: tuple[frozenset[str], ...]  # per article: its significant key actors
    dates: tuple[DateValue | None, ...]  # per article: its date, when trusted enough to split or join
    weekdays: tuple[frozenset[int], ...]  # per article: the days of the week its text names
    written_days: tuple[frozenset[WrittenDay], ...]  # per article: the days of the year its text names
    thresholds: EventThresholds

    @staticmethod
    def of(articles: tuple[Article, ...], archive: ArchiveEvidence, thresholds: EventThresholds) -> _Evidence:
        archive.check_rows(articles)
        significant = archive.significant
        return _Evidence(
            articles=articles,
            index={a.id: i for i, a in enumerate(articles)},
            vectors=archive.vectors,
            significant=significant,
            key_actors=tuple(frozenset(a.actor_ids[:KEY_ACTORS]) & significant for a in articles),
            dates=tuple(trusted_date(a, thresholds.trusted_date_confidence) for a in articles),
            weekdays=archive.weekdays or tuple(frozenset() for _ in articles),
            written_days=archive.written_days or tuple(frozenset() for _ in articles),
            thresholds=thresholds,
        )

    def candidate_pairs(self) -> dict[int, list[int]]:
        """Row -> the rows (greater than it) worth weighing with it: those sharing at
        least ``candidate_shared_terms`` of each other's distinctive terms (see
        :func:`select_distinctive_terms`), unless their trusted dates are far apart.

        Found by a sparse count of shared terms, never by comparing every article with
        every other; terms in many articles propose no pairs, so the pairs grow with
        the archive, not with its square. Dates and actors propose nothing: a pair
        must have words in common to score (``pair_floor``), and the names an article
        gives are among its terms (its facts).
        """
        t = self.thresholds
        n = len(self.articles)
        terms = select_distinctive_terms(self.vectors, t.candidate_terms, t.candidate_max_articles)
        if not terms:
            return {}
        candidates: dict[int, list[int]] = {}
        for i, (others, _) in select_sharing_pairs(terms, range(n), t.candidate_shared_terms).items():
            kept = [
                j
                for j in others[others > i].tolist()
                if relate_dates(self.dates[i], self.dates[j], t.near_days, t.far_days) != "far"
            ]
            if kept:
                candidates[i] = kept
        return candidates

    def score_pairs(self) -> tuple[dict[tuple[int, int], float], set[tuple[int, int]]]:
        """``(i, j) -> score`` of every candidate pair (rows, ``i < j``) that may be one
        happening: words and facts (when at least ``pair_floor``), plus ``near_bonus``
        for near trusted dates when the words score ``near_text_min`` and the two
        share a significant key actor, or else their words score
        ``near_text_beyond_topic_min`` without their heaviest shared term (a topic's
        one name); the rest are left out (0).

        And the pairs that may never be one happening although their dates do not
        tell (one or both unknown): texts naming days of the week, none of them the
        same (an invitation on Wednesday, the visit on Thursday a week later).
        """
        t = self.thresholds
        scores: dict[tuple[int, int], float] = {}
        apart: set[tuple[int, int]] = set()
        for i, similarity in measure_similarity_pairs(self.vectors, self.candidate_pairs()):
            near: list[int] = []
            for j, text in similarity.items():
                if text < t.pair_floor:
                    continue
                relation = relate_dates(self.dates[i], self.dates[j], t.near_days, t.far_days)
                if relation == "unknown" and self.written_dates_disagree(i, j):
                    apart.add((i, j))
                    continue
                if relation == "unknown" and self.written_day_meets_date(i, j):
                    relation = "near"
                shared = len(self.key_actors[i] & self.key_actors[j])
                score = text + min(t.max_actor_bonus, t.shared_actor_bonus * max(0, shared - 1))
                if relation == "near" and text >= t.near_text_min:
                    if shared:
                        score += t.near_bonus
                    else:
                        near.append(j)
                scores[(i, j)] = score
            for j, heaviest in zip(near, self.measure_heaviest_shared_terms(i, near)):
                if similarity[j] - heaviest >= t.near_text_beyond_topic_min:
                    scores[(i, j)] += t.near_bonus
        return scores, apart

    def measure_heaviest_shared_terms(self, i: int, others: Sequence[int]) -> list[float]:
        """For each of ``others``, what the one term that weighs most in its similarity with
        row ``i`` adds to it: a topic's one name (a language, a country, a company)
        shared by two reports of other happenings is most of what they share."""
        if not others or self.vectors is None:
            return [0.0] * len(others)
        products = self.vectors[others].multiply(self.vectors[i]).tocsr()
        return [float(x) for x in products.max(axis=1).toarray().ravel()]

    def written_dates_disagree(self, i: int, j: int) -> bool:
        """Whether the texts of rows ``i`` and ``j`` tell of other days: both name days of
        the week, none the same, and both write days of the year, none within
        ``far_days`` of the other's (an invitation "on Wednesday", "August 5", and a
        visit "on Thursday", "Aug. 13"). Either alone is common between reports of one
        happening (a background date, "on Monday" for what led to it); both together
        never are on the dev corpus."""
        wi, wj = self.weekdays[i], self.weekdays[j]
        di, dj = self.written_days[i], self.written_days[j]
        if not (wi and wj and di and dj) or wi & wj:
            return False
        return all(days_between(x, y) > self.thresholds.far_days for x in di for y in dj)

    def written_day_meets_date(self, i: int, j: int) -> bool:
        """Whether one of rows ``i`` and ``j`` has no trusted date but its text writes a day of
        the year within ``near_days`` of the other's trusted day date ("on Nov. 10" in an
        undated report, and a report dated 10 November): near dates, as if both were dated.
        A day of the week alone is not enough: on the dev corpus it joined two title
        fights of one boxer (ECB+ 7_1 and 7_2)."""
        a, b = self.dates[i], self.dates[j]
        if (a is None) == (b is None):
            return False
        dated, undated = (a, j) if a is not None else (b, i)
        if dated is None or dated.precision != "day":
            return False
        day = (dated.date.month, dated.date.day, dated.date.year)
        return any(days_between(day, w) <= self.thresholds.near_days for w in self.written_days[undated])

    def date_relation(self, a: str, b: str) -> Literal["near", "far", "unknown"]:
        t = self.thresholds
        return relate_dates(self.dates[self.index[a]], self.dates[self.index[b]], t.near_days, t.far_days)


def _group(
    articles: tuple[Article, ...], overrides: EventOverrides, known: set[str], evidence: _Evidence
) -> list[list[str]]:
    """Partition article ids into events: forced units first, then average linkage."""
    together = group_forced_together(overrides, known)
    by_curated: dict[str, list[str]] = {}
    for article in articles:
        if article.curated_event:
            by_curated.setdefault(article.curated_event, []).append(article.id)
    root_of: dict[str, str] = {a.id: together.get(a.id, a.id) for a in articles}
    # articles the archivist filed under one event id belong together too
    for members in by_curated.values():
        roots = sorted({root_of[m] for m in members})
        for article_id, root in root_of.items():
            if root in roots:
                root_of[article_id] = roots[0]
    units_by_root: dict[str, list[str]] = {}
    for article in articles:
        units_by_root.setdefault(root_of[article.id], []).append(article.id)
    units = sorted(units_by_root.values(), key=min)
    unit_of = {a: k for k, unit in enumerate(units) for a in unit}

    # a moved article is where the archivist put it: it attracts nothing; "alone" joins nothing
    moved = {a for a, target in overrides.move if a in known and (target is None or target in known)}
    apart_pairs = {frozenset(p) for group in overrides.split for p in combinations([a for a in group if a in known], 2)}
    curated = {a.id: a.curated_event for a in articles if a.curated_event}
    ids = [a.id for a in articles]
    sums: dict[tuple[int, int], float] = {}
    apart: set[tuple[int, int]] = set()
    scores, apart_rows = evidence.score_pairs()
    for (i, j), score in scores.items():
        a, b = ids[i], ids[j]
        u, v = sorted((unit_of[a], unit_of[b]))
        if u == v or a in moved or b in moved:
            continue
        sums[(u, v)] = sums.get((u, v), 0.0) + score
    # pairs that may never be one event: split by the archivist, filed under two
    # event ids, or dated far apart (far pairs have no score; they must also block
    # a merge of groups that contain them, so they are listed here)
    for i, j in apart_rows:
        u, v = sorted((unit_of[ids[i]], unit_of[ids[j]]))
        if u != v:
            apart.add((u, v))
    for pair in apart_pairs:
        a, b = sorted(pair)
        apart.add(tuple(sorted((unit_of[a], unit_of[b]))))  # type: ignore[arg-type]
    by_event: dict[str, list[int]] = {}
    for a, event in curated.items():
        by_event.setdefault(event, []).append(unit_of[a])
    events_units = sorted((sorted(set(us)) for us in by_event.values()))
    for x, y in combinations(events_units, 2):
        apart.update((min(u, v), max(u, v)) for u in x for v in y if u != v)
    alone = {unit_of[a] for a, target in overrides.move if target is None and a in known}
    sums = {pair: s for pair, s in sums.items() if not (alone & set(pair))}
    t = evidence.thresholds
    sizes, spans = [len(u) for u in units], _day_spans(units, evidence)
    grouped = group_by_average_linkage(sizes, sums, apart, t.cut, spans, t.far_days, t.dating_cut, t.pair_cut)
    # a small group must also have one pair as strong as linkage's cut (link=t.cut)
    grouped = attach_small_groups(
        grouped, sizes, sums, apart, t.attach_cut, t.attach_margin, t.attach_max_size,
        link=t.cut, spans=spans, max_span=t.far_days, dating_cut=t.dating_cut,
    )
    return [[a for k in group for a in units[k]] for group in grouped]


def _day_spans(units: Sequence[Sequence[str]], evidence: _Evidence) -> list[tuple[int, int] | None]:
    """Each unit's earliest and latest trusted day date (ordinals), ``None`` when it has none.

    Coarse dates (a month, a year) span too much to keep reports apart: they are
    weighed pair by pair (:func:`relate_dates`), not here."""
    spans: list[tuple[int, int] | None] = []
    for unit in units:
        days = [
            d.date.toordinal()
            for d in (evidence.dates[evidence.index[a]] for a in unit)
            if d is not None and d.precision == "day"
        ]
        spans.append((min(days), max(days)) if days else None)
    return spans


# --- describing an event -----------------------------------------------------------


@dataclass(frozen=True)
class _Draft:
    """An event before its id is known."""

    title: str
    title_provenance: Provenance | None
    title_article: str | None
    date: DateValue | None
    article_ids: tuple[str, ...]
    actor_ids: tuple[str, ...]
    representative: str  # the smallest article id: the article added first
    curated_id: str | None  # an event id the archivist gave one of its articles


def _draft_event(members: Sequence[Article], overrides: EventOverrides, evidence: _Evidence) -> _Draft:
    ordered = sorted(members, key=_article_order)
    ids = {a.id for a in ordered}
    named = [(article_id, title) for article_id, title in overrides.titles_by_article if article_id in ids]
    curated = sorted((a.id, a.curated_event) for a in ordered if a.curated_event)
    if named:
        title, provenance = named[0][1], Provenance("events.yml", f"named by the archivist (article {named[0][0]})", 1.0, "curated")
        source = None
    else:
        title, provenance, source = choose_event_title_source(ordered, _measure_centrality(ordered, evidence))
    return _Draft(
        title=title,
        title_provenance=provenance,
        title_article=source,
        date=choose_event_date(ordered, evidence.thresholds.trusted_date_confidence),
        article_ids=tuple(a.id for a in ordered),
        actor_ids=rank_event_actors(ordered),
        representative=min(ids),
        curated_id=curated[0][1] if curated else None,
    )


def _article_order(article: Article) -> tuple[int, str, str]:
    """Dated articles by date, undated last; ties by id."""
    return dated_first_key(article.date.value.date if article.date else None, article.id)


def _measure_centrality(articles: Sequence[Article], evidence: _Evidence) -> dict[str, float]:
    """Article id -> how close its words are to what the event's reports share (the
    cosine with their summed rows), for events of three or more reports; else empty."""
    if len(articles) < 3 or evidence.vectors is None:
        return {}
    import numpy as np

    rows = evidence.vectors[[evidence.index[a.id] for a in articles]]
    centroid = np.asarray(rows.sum(axis=0)).ravel()
    scores = rows @ centroid
    return {a.id: round(float(score), 9) for a, score in zip(articles, scores)}


def rank_event_actors(articles: Sequence[Article]) -> tuple[str, ...]:
    """Actors named by several of the articles first (most articles first), then the
    rest; within each, by prominence (best position in an article's ``actor_ids``),
    then by the article's order, then by id."""
    count: dict[str, int] = {}
    place: dict[str, tuple[int, int]] = {}
    for order, article in enumerate(articles):
        for position, actor_id in enumerate(dict.fromkeys(article.actor_ids)):
            count[actor_id] = count.get(actor_id, 0) + 1
            place[actor_id] = min(place.get(actor_id, (position, order)), (position, order))
    shared = sorted((a for a in count if count[a] > 1), key=lambda a: (-count[a], place[a], a))
    rest = sorted((a for a in count if count[a] == 1), key=lambda a: (place[a], a))
    return tuple(shared + rest)


# --- ids -----------------------------------------------------------------------------


def compose_event_id(title: str, date: DateValue | None) -> str:
    """``2012-12-28-russia-reaches-out-to-syrian-opposition`` or ``undated-...``."""
    prefix = date.iso() if date else "undated"
    return f"{prefix}-{slugify(title, max_length=SLUG_MAX_CHARS)}"


def _assign_ids(drafts: Sequence[_Draft], locked_ids: Mapping[str, str]) -> list[str]:
    """Ids for drafts, in three rounds: the archivist's, then locked, then new.

    A locked id claimed by two events (an event that was split) stays with the
    one holding the article it was locked to first (smallest article id).
    """
    ids: list[str | None] = [None] * len(drafts)
    taken: set[str] = set()
    order = sorted(range(len(drafts)), key=lambda i: _draft_order(drafts[i]))
    for i in order:
        wanted = slugify(drafts[i].curated_id, max_length=200) if drafts[i].curated_id else None
        if wanted and wanted not in taken:
            ids[i] = wanted
            taken.add(wanted)
    claims = sorted(
        (article_id, locked_ids[article_id], i)
        for i, d in enumerate(drafts)
        for article_id in d.article_ids
        if article_id in locked_ids
    )
    for _, event_id, i in claims:
        if ids[i] is None and event_id not in taken:
            ids[i] = event_id
            taken.add(event_id)
    for i in order:
        if ids[i] is None:
            candidate = suffix_until_free(compose_event_id(drafts[i].title, drafts[i].date), lambda c: c not in taken)
            ids[i] = candidate
            taken.add(candidate)
    return [i for i in ids if i is not None]


def _draft_order(draft: _Draft) -> tuple[int, str, str]:
    return dated_first_key(draft.date.date if draft.date else None, draft.representative)


def _event_order(event: Event) -> tuple[int, str, str]:
    return dated_first_key(event.date.date if event.date else None, event.id)


def _first_per_key(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for key, value in pairs:
        seen.setdefault(key, value)
    return list(seen.items())


# --- related events ------------------------------------------------------------------


def _relate(events: list[Event], evidence: _Evidence, overrides: EventOverrides) -> list[Event]:
    """Fill ``related``: same story = shared significant actors and something said in
    common (the best pair of reports scores at least ``related_min_text``) within a
    few weeks, plus the archivist's ``related`` pairs, minus the ``unrelated`` ones
    (``related`` wins when a pair is in both)."""
    t = evidence.thresholds
    event_of = {a: e.id for e in events for a in e.article_ids}
    actors = {e.id: set(e.actor_ids) & evidence.significant for e in events}
    # by date, so each event is compared with the few weeks around it, not with every event
    dated = sorted((e for e in events if e.date is not None), key=lambda e: e.date.date)  # type: ignore[union-attr]
    days = [e.date.date for e in dated]  # type: ignore[union-attr]
    window = _dt.timedelta(days=t.related_max_days)
    near = [
        (a, b)
        for k, a in enumerate(dated)
        for b in dated[k + 1 : bisect.bisect_right(days, days[k] + window)]
        if len(actors[a.id] & actors[b.id]) >= t.related_min_shared_actors
    ]
    best = _measure_best_pair_texts(near, evidence)
    pairs = {frozenset((a.id, b.id)) for (a, b), text in zip(near, best) if text >= t.related_min_text}
    pairs -= {_event_pair(p, event_of) for p in overrides.unrelated}
    pairs |= {_event_pair(p, event_of) for p in overrides.related}
    pairs = {p for p in pairs if len(p) == 2}
    by_id = {e.id: e for e in events}
    related: dict[str, list[str]] = {e.id: [] for e in events}
    for pair in pairs:
        a, b = sorted(pair)
        related[a].append(b)
        related[b].append(a)
    return [
        replace(e, related=tuple(sorted(related[e.id], key=lambda i: _event_order(by_id[i]))))
        for e in events
    ]


def _measure_best_pair_texts(pairs: Sequence[tuple[Event, Event]], evidence: _Evidence) -> list[float]:
    """For each pair of events, the highest text similarity between a report of one and
    a report of the other: all pairs' reports measured in one blocked product."""
    if evidence.vectors is None:
        return [0.0] * len(pairs)
    wanted: dict[int, set[int]] = {}
    for a, b in pairs:
        for x in a.article_ids:
            wanted.setdefault(evidence.index[x], set()).update(evidence.index[y] for y in b.article_ids)
    similarity = dict(measure_similarity_pairs(evidence.vectors, {i: sorted(js) for i, js in sorted(wanted.items())}))
    return [
        max(similarity[evidence.index[x]][evidence.index[y]] for x in a.article_ids for y in b.article_ids)
        for a, b in pairs
    ]


def _event_pair(pair: tuple[str, str], event_of: Mapping[str, str]) -> frozenset[str]:
    """The two events of an override pair; empty when an article is unknown."""
    if pair[0] not in event_of or pair[1] not in event_of:
        return frozenset()
    return frozenset((event_of[pair[0]], event_of[pair[1]]))
