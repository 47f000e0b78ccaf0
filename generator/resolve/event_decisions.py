"""The archivist's corrections to event grouping (``seeds/events.yml``).

:func:`parse_event_overrides` reads them into :class:`EventOverrides`, which
:func:`generator.resolve.events.group_events` applies; :func:`check_event_overrides`
reports those that name unknown articles or events, or contradict each other.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

from generator.model import Problem
from generator.resolve.decisions import as_mapping, list_entries, mapping_entries, report_unknown_keys
from generator.text import UnionFind

# The ``move`` target that gives an article an event of its own.
ALONE = "alone"


@dataclass(frozen=True)
class EventOverrides:
    """The archivist's corrections to the grouping, from ``seeds/events.yml``.

    ``move`` maps an article id to the article whose event it belongs in, or to
    ``None`` for an event of its own. Tuples keep the file's order.
    """

    path: str = ""
    titles_by_article: tuple[tuple[str, str], ...] = ()
    titles_by_event: tuple[tuple[str, str], ...] = ()
    merge: tuple[tuple[str, ...], ...] = ()
    split: tuple[tuple[str, ...], ...] = ()
    move: tuple[tuple[str, str | None], ...] = ()
    related: tuple[tuple[str, str], ...] = ()
    unrelated: tuple[tuple[str, str], ...] = ()


_OVERRIDE_KEYS = ("name", "merge", "split", "move", "related", "unrelated")


def parse_event_overrides(data: object, path: str, *, max_title_chars: int = 500) -> tuple[EventOverrides, tuple[Problem, ...]]:
    """Read the parsed YAML of the archivist's event file into :class:`EventOverrides`.

    The expected shape (every key optional)::

        name:                       # a title for an event
          - {article: 002_x, title: Russia invites Syrian opposition leader}
          - {event: 2015-08-05-some-event, title: A better title}
        merge:                      # these articles report one happening
          - [002_x, 004_y]
        split:                      # these articles report different happenings
          - [000_a, 001_b]
        move:                       # article -> the event of another article
          003_c: 000_a
          005_d: alone              # (or null) an event of its own
        related:                    # these articles' events are one story
          - [000_a, 001_b]
        unrelated:                  # ... and these are not
          - [000_a, 003_c]

    A malformed entry or unknown key is reported as a :class:`Problem` naming
    ``path`` and the key; everything else still applies. A title longer than
    ``max_title_chars`` (the setting of that name) is reported and left out.
    """
    problems: list[Problem] = []
    top = as_mapping(data, None, path, problems, "a mapping of override kinds at the top level")
    if top is None:
        return EventOverrides(path=path), tuple(problems)
    report_unknown_keys(top, _OVERRIDE_KEYS, path, problems, "expected one of")
    by_article, by_event = _parse_names(top.get("name"), path, problems, max_title_chars)
    overrides = EventOverrides(
        path=path,
        titles_by_article=by_article,
        titles_by_event=by_event,
        merge=_parse_groups(top.get("merge"), "merge", path, problems),
        split=_parse_groups(top.get("split"), "split", path, problems),
        move=_leave_out_move_cycles(_parse_moves(top.get("move"), path, problems), path, problems),
        related=_parse_pairs(top.get("related"), "related", path, problems),
        unrelated=_parse_pairs(top.get("unrelated"), "unrelated", path, problems),
    )
    return overrides, tuple(problems)


def _parse_names(
    value: object, path: str, problems: list[Problem], max_title_chars: int = 500
) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    by_article: list[tuple[str, str]] = []
    by_event: list[tuple[str, str]] = []
    for where, entry in list_entries(value, "name", path, problems):
        if not isinstance(entry, Mapping):
            expected = "{article: <id>, title: <text>} or {event: <id>, title: <text>}"
            problems.append(Problem(path, f"{where}: expected {expected}"))
            continue
        extra = sorted(str(k) for k in entry if k not in ("article", "event", "title"))
        if extra:
            problems.append(Problem(path, f"{where}: unknown key(s) {', '.join(extra)}"))
        title = entry.get("title")
        if not isinstance(title, str) or not title.strip():
            problems.append(Problem(path, f"{where}: 'title' must be non-empty text"))
            continue
        if len(title.strip()) > max_title_chars:
            problems.append(
                Problem(path, f"{where}: 'title' is {len(title.strip()):,} characters, over the limit of {max_title_chars:,} (max_title_chars); left out")
            )
            continue
        targets = [k for k in ("article", "event") if k in entry]
        if len(targets) != 1 or not isinstance(entry[targets[0]], str):
            problems.append(Problem(path, f"{where}: give exactly one of 'article' or 'event', as text"))
            continue
        (by_article if targets[0] == "article" else by_event).append((entry[targets[0]], title.strip()))
    return tuple(by_article), tuple(by_event)


def _parse_groups(value: object, key: str, path: str, problems: list[Problem]) -> tuple[tuple[str, ...], ...]:
    groups = []
    for where, entry in list_entries(value, key, path, problems):
        ids = _as_ids(entry, where, path, problems)
        if ids is None:
            continue
        if len(set(ids)) < 2:
            problems.append(Problem(path, f"{where}: list at least two different article ids"))
            continue
        groups.append(tuple(dict.fromkeys(ids)))
    return tuple(groups)


def _parse_pairs(value: object, key: str, path: str, problems: list[Problem]) -> tuple[tuple[str, str], ...]:
    pairs = []
    for where, entry in list_entries(value, key, path, problems):
        ids = _as_ids(entry, where, path, problems)
        if ids is None:
            continue
        if len(ids) != 2 or ids[0] == ids[1]:
            problems.append(Problem(path, f"{where}: expected a pair of two different article ids"))
            continue
        pairs.append((ids[0], ids[1]))
    return tuple(pairs)


def _parse_moves(value: object, path: str, problems: list[Problem]) -> tuple[tuple[str, str | None], ...]:
    moves: list[tuple[str, str | None]] = []
    expected = "a mapping of article id -> article id (or 'alone')"
    for article_id, target in mapping_entries(value, "move", path, problems, expected):
        if not isinstance(article_id, str):
            problems.append(Problem(path, f"move: article id {article_id!r} must be text (quote it)"))
        elif target is None or target == ALONE:
            moves.append((article_id, None))
        elif not isinstance(target, str):
            problems.append(Problem(path, f"move[{article_id}]: target {target!r} must be an article id or 'alone'"))
        elif target == article_id:
            problems.append(Problem(path, f"move[{article_id}]: an article cannot move to its own event"))
        else:
            moves.append((article_id, target))
    return tuple(moves)


def _leave_out_move_cycles(
    moves: tuple[tuple[str, str | None], ...], path: str, problems: list[Problem]
) -> tuple[tuple[str, str | None], ...]:
    """The moves without those that lead back to their start (``a: b`` and ``b: a``), each circle reported once.

    Each move puts an article in the event of another; in a circle no article says
    where the others go (the archivist meant one of them to stay), so the whole
    circle is left out, and the other moves apply.
    """
    target_of = dict(moves)
    in_cycle: set[str] = set()
    for start, _ in moves:
        path_ids, here = [start], target_of.get(start)
        while here is not None and here in target_of and here not in path_ids:
            path_ids.append(here)
            here = target_of[here]
        if here == start and start == min(path_ids) and len(path_ids) > 1:
            entries = " and ".join(f"move[{a}] -> {target_of[a]}" for a in path_ids)
            problems.append(
                Problem(path, f"{entries} move in a circle: no article of it stays put; all left out. Move each to the one that stays")
            )
            in_cycle.update(path_ids)
    return tuple(m for m in moves if m[0] not in in_cycle)


def _as_ids(entry: object, where: str, path: str, problems: list[Problem]) -> tuple[str, ...] | None:
    if not isinstance(entry, list) or not all(isinstance(x, str) for x in entry):
        problems.append(
            Problem(path, f"{where}: expected a list of article ids as text (quote ids that look like numbers)")
        )
        return None
    return tuple(entry)


def check_event_overrides(
    overrides: EventOverrides, article_ids: Iterable[str], event_ids: Iterable[str] | None = None
) -> tuple[Problem, ...]:
    """Report overrides that name unknown articles (or events) or contradict each other.

    :func:`group_events` ignores the unknown ids and applies the rest; for a
    contradiction between "together" and "apart", "together" wins. Event ids
    are checked only when ``event_ids`` is given (after grouping).
    """
    known = set(article_ids)
    path = overrides.path
    problems = [
        Problem(path, f"{key}: unknown article id {article_id!r}; this entry is ignored for it")
        for key, article_id in _referenced_ids(overrides)
        if article_id not in known
    ]
    if event_ids is not None:
        known_events = set(event_ids)
        problems += [
            Problem(path, f"name: unknown event id {event_id!r}; give the id of an existing event page")
            for event_id, _ in overrides.titles_by_event
            if event_id not in known_events
        ]
    together = group_forced_together(overrides, known)
    for group in overrides.split:
        for a, b in combinations(group, 2):
            if a in together and together.get(b) == together[a]:
                message = f"split: {a!r} and {b!r} are also put together by merge/move; together wins"
                problems.append(Problem(path, message))
    for article_id, target in overrides.move:
        if target is None and article_id in together:
            message = f"move: {article_id!r} is moved alone but also merged/moved with others; together wins"
            problems.append(Problem(path, message))
    unrelated = {frozenset(p) for p in overrides.unrelated}
    problems += [
        Problem(path, f"related: {a!r} and {b!r} are also listed as unrelated; related wins")
        for a, b in overrides.related
        if frozenset((a, b)) in unrelated
    ]
    return tuple(problems)


def _referenced_ids(overrides: EventOverrides) -> list[tuple[str, str]]:
    refs = [("name", a) for a, _ in overrides.titles_by_article]
    refs += [("merge", a) for group in overrides.merge for a in group]
    refs += [("split", a) for group in overrides.split for a in group]
    for article_id, target in overrides.move:
        refs.append(("move", article_id))
        if target is not None:
            refs.append(("move", target))
    refs += [("related", a) for pair in overrides.related for a in pair]
    refs += [("unrelated", a) for pair in overrides.unrelated for a in pair]
    return refs


def group_forced_together(overrides: EventOverrides, known: set[str]) -> dict[str, str]:
    """Article id → the smallest id of its forced-together group (``merge``, ``move``),
    for the ``known`` articles in a group of two or more."""
    together: UnionFind[str] = UnionFind()
    for group in overrides.merge:
        members = [a for a in group if a in known]
        for other in members[1:]:
            together.union(members[0], other)
    for article_id, target in overrides.move:
        if target is not None and article_id in known and target in known:
            together.union(article_id, target)
    roots = {a: together.find(a) for a in together.parent}
    return {a: root for a, root in roots.items() if len(together.groups[root]) > 1}
