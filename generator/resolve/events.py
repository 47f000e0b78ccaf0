"""Grouping articles into news events: which reports tell of the same happening.

Two articles are weighed on three kinds of evidence:

* **date**: reports of one happening appear the same day or the day after (wire
  copies, time zones, late editions); reports of the same people weeks apart are
  different happenings of one story;
* **actors**: :attr:`Article.actor_ids` are already resolved, so one id is one
  real-world actor. Only an article's *key* actors count (its first
  :data:`KEY_ACTORS`, in order of prominence), and *background* actors (named in
  nearly every article of the archive, see :data:`BACKGROUND_ONE_IN`) count for
  nothing: in an archive about Syria, "Syria" says nothing about which happening
  an article reports;
* **text**: TF-IDF cosine similarity of title + standfirst + body, with
  scikit-learn's ``TfidfVectorizer`` fitted on the archive itself (no downloaded
  model, no network).

A pair of articles *links* when

* both have day dates at most :data:`NEAR_DAYS` apart, and they share at least
  :data:`MIN_SHARED_ACTORS` key actors with text similarity at least
  :data:`TEXT_MODERATE` (or their text is a near copy, :data:`TEXT_DUPLICATE`);
* the date of one of them is missing or coarse (month, year) but compatible,
  and they share at least :data:`MIN_SHARED_ACTORS_STRONG` key actors *and* have
  text similarity at least :data:`TEXT_STRONG`;
* never when their dates are further apart, whatever the text says.

Grouping is greedy and deterministic: units (an article, or articles the
archivist forced together) are taken in order of date (day dates first, then
coarse dates, then undated; ties by article id) and each joins the existing
event it links to best (highest text similarity; ties by the event's first
article id), provided no member of the unit is "far" in date from any member of
the event (so a chain of daily follow-ups never grows into one event) and no
override keeps them apart. Otherwise it starts an event of its own.

The archivist's overrides (``seeds/events.yml``, read by ``event_decisions.py``)
always win: together-constraints (``merge``, ``move``, an article's curated
event) are applied before any evidence is weighed; apart-constraints (``split``,
``move`` to ``alone``) stop automatic joins. When the two contradict each other
"together" wins, and ``event_decisions.check_event_overrides`` reports the contradiction.

An event's title is a headline of its own articles (see :func:`choose_event_title`)
unless the archivist names it; its date is the earliest day date of its articles
(:func:`choose_event_date`); its actors come shared-first (:func:`rank_event_actors`).
Two events are *related* (one story) when they share at least
:data:`RELATED_MIN_SHARED` significant actors and are at most
:data:`RELATED_MAX_DAYS` days apart; an undated event is related only by the
archivist.

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
from dataclasses import dataclass, field, replace
from itertools import combinations
from typing import Any, Literal

from generator.model import TIERS, Article, DateValue, Event
from generator.text import dated_first_key, slugify, suffix_until_free
from generator.resolve.evidence import (
    MIN_SHARED_ACTORS_STRONG,
    TEXT_STRONG,
    ArchiveEvidence,
    is_same_report,
    measure_similarities,
    measure_similarity_pairs,
    select_sharing_pairs,
)
from generator.resolve.event_decisions import EventOverrides, group_forced_together

# --- thresholds --------------------------------------------------------------------
# Wire copies and follow-up editions of one happening carry the same date or the
# next day's (time zones, print editions); two days apart is a new development.
NEAR_DAYS = 1

# The key actors of an article are its first actor ids in order of prominence: the
# people a story is about, not everyone its background paragraphs name.
KEY_ACTORS = 12

# Two shared key actors: one is a coincidence (everybody quotes the foreign
# minister); two is who-did-what-to-whom.
MIN_SHARED_ACTORS = 2

# Same-day reports of one happening by different outlets are rewritten, not copied:
# on the cleaned seed archive two outlets' reports of one happening score 0.30,
# articles on the same subject years apart 0.13-0.24. Text alone cannot tell
# happenings of one story apart (one outlet's reports a week apart score 0.47, as
# follow-ups reuse background paragraphs): the date gate and the shared actors do
# that, the text only confirms, so this threshold favours recall.
TEXT_MODERATE = 0.20

# A near-verbatim copy (syndicated wire text) is the same report whatever the actor
# resolver found, e.g. when every actor is a background one.
TEXT_DUPLICATE = 0.80

# Events of one story: at least two shared significant actors, within about six
# weeks. Diplomatic stories (an invitation, then the visit) unfold over days or
# weeks; the same actors a year later are a new story.
RELATED_MIN_SHARED = 2
RELATED_MAX_DAYS = 45

# Event slugs: long enough to read, short enough for a path segment.
SLUG_MAX_CHARS = 70

_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


# --- grouping ----------------------------------------------------------------------


def group_events(
    articles: Sequence[Article],
    overrides: EventOverrides | None = None,
    locked_ids: Mapping[str, str] | None = None,
    evidence: ArchiveEvidence | None = None,
) -> tuple[Event, ...]:
    """Group articles that report the same happening into events.

    See the module docstring for the evidence weighed, the thresholds and the
    rule that keeps event ids stable. Returns the events sorted by date (undated
    last), then id. The same input in any order gives the same output.
    ``evidence`` is the build's :class:`ArchiveEvidence` of these articles (built
    here when not given).
    """
    overrides = overrides or EventOverrides()
    ordered = tuple(sorted(articles, key=lambda a: a.id))
    if not ordered:
        return ()
    known = {a.id for a in ordered}
    by_id = {a.id: a for a in ordered}
    evidence = _Evidence.of(ordered, evidence or ArchiveEvidence.of(ordered))
    groups = _group(ordered, overrides, known, evidence)
    drafts = [_draft_event([by_id[a] for a in group], overrides) for group in groups]
    ids = _assign_ids(drafts, locked_ids or {})
    titles_by_event = dict(_first_per_key(overrides.titles_by_event))
    events = [
        Event(
            id=ids[i],
            title=titles_by_event.get(ids[i], d.title),
            date=d.date,
            article_ids=d.article_ids,
            actor_ids=d.actor_ids,
        )
        for i, d in enumerate(drafts)
    ]
    events = _relate(events, evidence.significant, overrides)
    return tuple(sorted(events, key=_event_order))


@dataclass(frozen=True)
class _Evidence:
    """What is known about each pair of articles, computed once for the archive."""

    articles: tuple[Article, ...]
    index: Mapping[str, int]
    vectors: Any  # normalised TF-IDF rows, one per article in id order (ArchiveEvidence)
    significant: frozenset[str]  # actor ids that are not background
    key_actors: tuple[frozenset[str], ...]  # per article: its significant key actors
    texts: dict[tuple[int, int], float] = field(default_factory=dict)  # similarities computed so far

    @staticmethod
    def of(articles: tuple[Article, ...], archive: ArchiveEvidence) -> _Evidence:
        archive.check_rows(articles)
        significant = archive.significant
        return _Evidence(
            articles=articles,
            index={a.id: i for i, a in enumerate(articles)},
            vectors=archive.vectors,
            significant=significant,
            key_actors=tuple(frozenset(a.actor_ids[:KEY_ACTORS]) & significant for a in articles),
        )

    def text(self, a: str, b: str) -> float:
        i, j = self.index[a], self.index[b]
        if (i, j) not in self.texts:
            self.texts[(i, j)] = measure_similarities(self.vectors, i, [j])[0]
        return self.texts[(i, j)]

    def linked_pairs(self) -> dict[str, set[str]]:
        """Article id -> the ids it :meth:`links` with, testing only pairs that can link.

        A link needs day dates at most NEAR_DAYS apart, or (a date missing or
        coarse) MIN_SHARED_ACTORS_STRONG shared key actors: those pairs are found
        through a date index and a sparse count of shared actors; every other
        pair fails :meth:`links` and is never weighed.
        """
        by_day: dict[_dt.date, list[int]] = {}
        loose: list[int] = []
        for i, article in enumerate(self.articles):
            date = _date_of(article)
            if date is not None and date.precision == "day":
                by_day.setdefault(date.date, []).append(i)
            else:
                loose.append(i)
        candidates: dict[int, set[int]] = {i: set() for i in range(len(self.articles))}
        for day, members in by_day.items():
            for offset in range(-NEAR_DAYS, NEAR_DAYS + 1):
                for j in by_day.get(day + _dt.timedelta(days=offset), ()):
                    for i in members:
                        if i != j:
                            candidates[i].add(j)
        sharing = select_sharing_pairs(self.key_actors, loose, MIN_SHARED_ACTORS_STRONG)
        for i, (others, _) in sharing.items():
            for j in others.tolist():
                candidates[i].add(j)
                candidates[j].add(i)
        # below the lowest text bar no pair links, whatever its dates and actors
        floor = min(TEXT_MODERATE, TEXT_STRONG, TEXT_DUPLICATE)
        linked: dict[str, set[str]] = {a.id: set() for a in self.articles}
        wanted = {i: sorted(candidates[i]) for i in range(len(self.articles)) if candidates[i]}
        for i, similarity in measure_similarity_pairs(self.vectors, wanted):
            for j in wanted[i]:
                text = similarity[j]
                self.texts[(i, j)] = text
                a, b = self.articles[i].id, self.articles[j].id
                if text >= floor and self.links(a, b):
                    linked[a].add(b)
        return linked

    def shared_key_actors(self, a: str, b: str) -> int:
        return len(self.key_actors[self.index[a]] & self.key_actors[self.index[b]])

    def date_relation(self, a: str, b: str) -> Literal["near", "far", "unknown"]:
        return relate_dates(_date_of(self.articles[self.index[a]]), _date_of(self.articles[self.index[b]]))

    def links(self, a: str, b: str) -> bool:
        """Whether the evidence alone says ``a`` and ``b`` report one happening."""
        relation = self.date_relation(a, b)
        if relation == "far":
            return False
        text = self.text(a, b)
        shared = self.shared_key_actors(a, b)
        if relation == "near":
            return (shared >= MIN_SHARED_ACTORS and text >= TEXT_MODERATE) or text >= TEXT_DUPLICATE
        return is_same_report(text, shared)


def relate_dates(a: DateValue | None, b: DateValue | None) -> Literal["near", "far", "unknown"]:
    """``near``: day dates within :data:`NEAR_DAYS`; ``far``: cannot be one happening; else ``unknown``."""
    if a is None or b is None:
        return "unknown"
    if a.precision == "day" and b.precision == "day":
        return "near" if abs((a.date - b.date).days) <= NEAR_DAYS else "far"
    (a_start, a_end), (b_start, b_end) = _span(a), _span(b)
    # a coarse date may still be the other's day, give or take NEAR_DAYS
    slack = _dt.timedelta(days=NEAR_DAYS)
    overlap = a_start <= b_end + slack and b_start <= a_end + slack
    return "unknown" if overlap else "far"


def _span(value: DateValue) -> tuple[_dt.date, _dt.date]:
    d = value.date
    if value.precision == "year":
        return _dt.date(d.year, 1, 1), _dt.date(d.year, 12, 31)
    if value.precision == "month":
        following = _dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return _dt.date(d.year, d.month, 1), following - _dt.timedelta(days=1)
    return d, d


def _date_of(article: Article) -> DateValue | None:
    return article.date.value if article.date else None


def _group(
    articles: tuple[Article, ...], overrides: EventOverrides, known: set[str], evidence: _Evidence
) -> list[list[str]]:
    """Partition article ids into events: forced units first, then greedy joining."""
    together = group_forced_together(overrides, known)
    by_curated: dict[str, list[str]] = {}
    for article in articles:
        if article.curated_event:
            by_curated.setdefault(article.curated_event, []).append(article.id)
    units_by_root: dict[str, list[str]] = {}
    root_of: dict[str, str] = {a.id: together.get(a.id, a.id) for a in articles}
    # articles the archivist filed under one event id belong together too
    for members in by_curated.values():
        roots = sorted({root_of[m] for m in members})
        for article_id, root in root_of.items():
            if root in roots:
                root_of[article_id] = roots[0]
    for article in articles:
        units_by_root.setdefault(root_of[article.id], []).append(article.id)

    moved = {a for a, target in overrides.move if a in known and (target is None or target in known)}
    alone = {a for a, target in overrides.move if target is None and a in known}
    apart = {frozenset(p) for group in overrides.split for p in combinations([a for a in group if a in known], 2)}
    curated = {a.id: a.curated_event for a in articles if a.curated_event}

    def may_join(unit: list[str], event: list[str]) -> bool:
        if alone & (set(unit) | set(event)):
            return False
        for a in unit:
            for b in event:
                if frozenset((a, b)) in apart or evidence.date_relation(a, b) == "far":
                    return False
                if a in curated and b in curated and curated[a] != curated[b]:
                    return False
        return True

    def strength(unit: list[str], event: list[str]) -> float | None:
        best = None
        for a in unit:
            for b in event:
                # a moved article is where the archivist put it: it attracts nothing
                if a in moved or b in moved or not evidence.links(a, b):
                    continue
                score = evidence.text(a, b)
                best = score if best is None else max(best, score)
        return best

    # an event none of whose articles links with the unit has no strength: weigh only the others
    linked = evidence.linked_pairs()
    position_of: dict[str, int] = {}
    events: list[list[str]] = []
    for unit in sorted(units_by_root.values(), key=lambda u: _unit_order(u, evidence)):
        candidates = []
        reachable = sorted({position_of[b] for a in unit for b in linked[a] if b in position_of})
        for position in reachable:
            event = events[position]
            if not may_join(unit, event):
                continue
            score = strength(unit, event)
            if score is not None:
                candidates.append((-score, min(event), position))
        if candidates:
            target = min(candidates)[2]
            events[target].extend(unit)
        else:
            target = len(events)
            events.append(list(unit))
        for a in unit:
            position_of[a] = target
    return events


def _unit_order(unit: list[str], evidence: _Evidence) -> tuple[int, str, str]:
    dates = [d for d in (_date_of(evidence.articles[evidence.index[a]]) for a in unit) if d is not None]
    if not dates:
        return (3, "", min(unit))
    best = min(dates, key=lambda d: (_PRECISION_RANK[d.precision], d.date))
    return (_PRECISION_RANK[best.precision], best.date.isoformat(), min(unit))


# --- describing an event -----------------------------------------------------------


@dataclass(frozen=True)
class _Draft:
    """An event before its id is known."""

    title: str
    date: DateValue | None
    article_ids: tuple[str, ...]
    actor_ids: tuple[str, ...]
    representative: str  # the smallest article id: the article added first
    curated_id: str | None  # an event id the archivist gave one of its articles


def _draft_event(members: Sequence[Article], overrides: EventOverrides) -> _Draft:
    ordered = sorted(members, key=_article_order)
    ids = {a.id for a in ordered}
    named = [title for article_id, title in overrides.titles_by_article if article_id in ids]
    curated = sorted((a.id, a.curated_event) for a in ordered if a.curated_event)
    return _Draft(
        title=named[0] if named else choose_event_title(ordered),
        date=choose_event_date(ordered),
        article_ids=tuple(a.id for a in ordered),
        actor_ids=rank_event_actors(ordered),
        representative=min(ids),
        curated_id=curated[0][1] if curated else None,
    )


def _article_order(article: Article) -> tuple[int, str, str]:
    """Dated articles by date, undated last; ties by id."""
    return dated_first_key(article.date.value.date if article.date else None, article.id)


def choose_event_title(articles: Sequence[Article]) -> str:
    """The headline of the article whose date is most complete (day, month, year,
    none), then whose title is best established (curated over extracted ...),
    then the shortest: short headlines state the happening, long ones add an
    angle or a prefix ("Official: ..."). Ties go to the smallest article id.
    """
    titled = [a for a in articles if a.title.value.strip()]
    if not titled:
        return "Untitled event"
    best = min(
        titled,
        key=lambda a: (
            _PRECISION_RANK[a.date.value.precision] if a.date else len(_PRECISION_RANK),
            -TIERS.index(a.title.provenance.tier),
            len(a.title.value.strip()),
            a.id,
        ),
    )
    return " ".join(best.title.value.split())


def choose_event_date(articles: Sequence[Article]) -> DateValue | None:
    """The earliest day date of the articles: the day the happening was first reported.

    Without any day date, the earliest of the most precise coarse dates (a
    month says more than nothing); without any date, ``None``.
    """
    dates = [a.date.value for a in articles if a.date is not None]
    if not dates:
        return None
    return min(dates, key=lambda d: (_PRECISION_RANK[d.precision], d.date))


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


def _relate(events: list[Event], significant: frozenset[str], overrides: EventOverrides) -> list[Event]:
    """Fill ``related``: same story = shared significant actors within a few weeks,
    plus the archivist's ``related`` pairs, minus the ``unrelated`` ones (``related``
    wins when a pair is in both)."""
    event_of = {a: e.id for e in events for a in e.article_ids}
    actors = {e.id: set(e.actor_ids) & significant for e in events}
    # by date, so each event is compared with the few weeks around it, not with every event
    dated = sorted((e for e in events if e.date is not None), key=lambda e: e.date.date)  # type: ignore[union-attr]
    days = [e.date.date for e in dated]  # type: ignore[union-attr]
    window = _dt.timedelta(days=RELATED_MAX_DAYS)
    pairs = {
        frozenset((a.id, b.id))
        for k, a in enumerate(dated)
        for b in dated[k + 1 : bisect.bisect_right(days, days[k] + window)]
        if len(actors[a.id] & actors[b.id]) >= RELATED_MIN_SHARED
    }
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


def _event_pair(pair: tuple[str, str], event_of: Mapping[str, str]) -> frozenset[str]:
    """The two events of an override pair; empty when an article is unknown."""
    if pair[0] not in event_of or pair[1] not in event_of:
        return frozenset()
    return frozenset((event_of[pair[0]], event_of[pair[1]]))
