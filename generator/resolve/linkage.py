"""Average-linkage grouping over sparse similarities, with pairs that must stay apart.

Why average linkage and not chains of single links: two reports of one happening
by different outlets share its facts, but so do a few reports of a *similar*
happening (two earthquakes in one province). A single strong pair would chain
the two happenings into one event; average linkage joins two groups only when
their reports are similar *on average*, so one look-alike pair is outvoted by
the many pairs that are not alike.

Only the pairs worth weighing are given (the rest count as similarity 0: they
were left out because they share next to nothing), so the work grows with the
pairs, not with the square of the archive. The result depends only on the
items' order (callers sort them by article id) and the pairs, never on the
order the pairs are given in: ties go to the pair of groups whose smallest
items are smallest.

Average linkage leaves some reports out: a commentary or a follow-up shares the
happening's facts with each report less than the reports share with each other.
:func:`attach_small_groups` then joins a lone report (or two that paired off) to
the one event it is clearly nearest to: a lower bar on the average, but only
when no other group comes close and one pair is as strong as linkage's cut.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence


def group_by_average_linkage(
    sizes: Sequence[int],
    similarities: Mapping[tuple[int, int], float],
    apart: Iterable[tuple[int, int]],
    cut: float,
    spans: Sequence[tuple[int, int] | None] | None = None,
    max_span: int = 0,
    dating_cut: float | None = None,
    pair_cut: float | None = None,
) -> list[list[int]]:
    """Merge items into groups while two groups' average pairwise similarity is at least ``cut``.

    ``sizes``: how many articles each starting item holds (a unit the archivist
    forced together counts as its articles); ``similarities``: ``(i, j) -> summed
    similarity`` of the articles of items ``i < j`` (pairs not given add 0);
    ``apart``: item pairs that may never end up in one group. Returns the groups
    as sorted item lists, ordered by their smallest item.

    ``spans``: each item's earliest and latest day (ordinals; ``None``: undated); two
    groups never merge when the merged group would span more than ``max_span``
    days (so no two of its dated members are further apart than that).
    ``dating_cut``: the bar (instead of ``cut``) for an undated group joining a dated
    one: the join dates it (story.py), and a wrong date is worse than none.
    ``pair_cut``: the bar (when higher than ``cut``) for two single articles making an
    event of two: their one pair is all the evidence, where a bigger group's average
    outvotes a look-alike pair (two reports sharing a topic's names, not a happening).
    """
    span: list[tuple[int, int] | None] = list(spans) if spans is not None else [None] * len(sizes)
    parent = list(range(len(sizes)))
    size = list(sizes)
    sums: list[dict[int, float]] = [{} for _ in sizes]
    for (i, j), s in similarities.items():
        if i == j:
            continue
        sums[i][j] = sums[i].get(j, 0.0) + s
        sums[j][i] = sums[j].get(i, 0.0) + s
    blocked: list[set[int]] = [set() for _ in sizes]
    for i, j in apart:
        if i != j:
            blocked[i].add(j)
            blocked[j].add(i)
    version = [0] * len(sizes)
    heap: list[tuple[float, int, int, int, int]] = []

    def joined_span(a: int, b: int) -> tuple[int, int] | None:
        x, y = span[a], span[b]
        if x is None or y is None:
            return x or y
        return min(x[0], y[0]), max(x[1], y[1])

    def push(a: int, b: int) -> None:
        if b in blocked[a]:
            return
        both = joined_span(a, b)
        if both is not None and both[1] - both[0] > max_span:
            return
        average = sums[a][b] / (size[a] * size[b])
        dates_it = dating_cut is not None and (span[a] is None) != (span[b] is None)
        bar = dating_cut if dates_it else cut
        if pair_cut is not None and size[a] == 1 and size[b] == 1:
            bar = max(bar, pair_cut)
        if average >= bar:
            lo, hi = (a, b) if a < b else (b, a)
            heapq.heappush(heap, (-average, lo, hi, version[lo], version[hi]))

    for a in range(len(sizes)):
        for b in sums[a]:
            if a < b:
                push(a, b)
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if parent[a] != a or parent[b] != b or version[a] != va or version[b] != vb:
            continue  # a group that has changed since this pair was weighed
        # b joins a (a < b, so a group is always named by its smallest item)
        parent[b] = a
        span[a] = joined_span(a, b)
        size[a] += size[b]
        version[a] += 1
        del sums[a][b]
        sums_b = sums[b]
        sums_b.pop(a, None)
        for c, s in sums_b.items():
            sums[a][c] = sums[a].get(c, 0.0) + s
            del sums[c][b]
            sums[c][a] = sums[a][c]
        sums[b] = {}
        blocked[a] |= blocked[b]
        blocked[a].discard(a)
        for c in blocked[b]:
            blocked[c].discard(b)
            blocked[c].add(a)
        blocked[b] = set()
        for c in sorted(sums[a]):
            push(a, c)
    groups: dict[int, list[int]] = {}
    for item in range(len(sizes)):
        root = item
        while parent[root] != root:
            root = parent[root]
        groups.setdefault(root, []).append(item)
    return [groups[root] for root in sorted(groups)]


def attach_small_groups(
    groups: Sequence[Sequence[int]],
    sizes: Sequence[int],
    similarities: Mapping[tuple[int, int], float],
    apart: Iterable[tuple[int, int]],
    cut: float,
    margin: float,
    max_size: int,
    link: float = 0.0,
    spans: Sequence[tuple[int, int] | None] | None = None,
    max_span: int = 0,
    dating_cut: float | None = None,
) -> list[list[int]]:
    """``groups`` (of :func:`group_by_average_linkage`) with each small group that is
    clearly part of a bigger one joined to it.

    A report that average linkage left out (a commentary, a follow-up, a report with
    an angle of its own), or two reports that paired off, are often still nearer to
    one event than to anything else. A group of at most ``max_size`` articles joins
    the group with more articles (two at least) it is nearest to on average, when:

    * that average is at least ``cut`` (a lower bar than linkage's);
    * it is at least ``margin`` times its average with any other event (a group of
      more than ``max_size`` articles: two left-over reports of one event, near
      each other, must not hold each other back);
    * one of their pairs is at least ``link``, so that in a small archive, where
      there is no other event to be nearer to, a weak tie alone does not join.

    Rounds repeat until nothing joins; within a round every decision is taken
    against the groups as the round found them, so the order of the items does not
    matter. ``apart`` pairs, ``spans``/``max_span`` and ``dating_cut`` (an undated
    group joining a dated one, or the reverse) hold as in linkage.
    """
    span = list(spans) if spans is not None else [None] * len(sizes)
    current = [sorted(g) for g in groups]
    apart = list(apart)
    # groups only grow, so only the pairs of items in a small group now ever count
    in_small = {i for group in current if sum(sizes[i] for i in group) <= max_size for i in group}
    pairs = [(i, j, s) for (i, j), s in similarities.items() if i in in_small or j in in_small]
    while True:
        group_of = {item: k for k, group in enumerate(current) for item in group}
        size_of = [sum(sizes[i] for i in group) for group in current]
        small = {k for k, n in enumerate(size_of) if n <= max_size}
        blocked: dict[int, set[int]] = {}
        for i, j in apart:
            gi, gj = group_of[i], group_of[j]
            blocked.setdefault(gi, set()).add(gj)
            blocked.setdefault(gj, set()).add(gi)
        sums: dict[int, dict[int, float]] = {}
        strongest: dict[tuple[int, int], float] = {}
        for i, j, s in pairs:
            gi, gj = group_of[i], group_of[j]
            if gi == gj:
                continue
            for g, h in ((gi, gj), (gj, gi)):
                if g in small:
                    towards = sums.setdefault(g, {})
                    towards[h] = towards.get(h, 0.0) + s
                    strongest[(g, h)] = max(strongest.get((g, h), 0.0), s / (sizes[i] * sizes[j]))
        moves: dict[int, int] = {}
        for g, towards in sorted(sums.items()):
            averages = {h: s / (size_of[g] * size_of[h]) for h, s in towards.items()}
            best = max(averages, key=lambda h: (averages[h], -h))
            # the rival is the nearest other event; other small groups are what is left
            # over around events (they average under linkage's cut with it anyway)
            rival = max((a for h, a in averages.items() if h != best and h not in small), default=0.0)
            if size_of[best] <= max(1, size_of[g]) or best in blocked.get(g, ()) or averages[best] < margin * rival:
                continue
            if strongest[(g, best)] < link:
                continue
            x, y = _group_span(current[g], span), _group_span(current[best], span)
            if x is not None and y is not None and max(x[1], y[1]) - min(x[0], y[0]) > max_span:
                continue
            dates_it = dating_cut is not None and (x is None) != (y is None)
            if averages[best] >= (dating_cut if dates_it else cut):
                moves[g] = best
        moved: set[int] = set()
        for g, h in sorted(moves.items()):
            # a group that moves this round takes nobody in; two groups joining one
            # group must not be apart, nor together span too many days
            both = _group_span([*current[h], *current[g]], span)
            if h in moves or g in blocked.get(h, ()) or (both is not None and both[1] - both[0] > max_span):
                continue
            current[h] = sorted([*current[h], *current[g]])
            blocked.setdefault(h, set()).update(blocked.get(g, ()))
            moved.add(g)
        if not moved:
            return sorted(current, key=min)
        current = [group for k, group in enumerate(current) if k not in moved]


def _group_span(group: Sequence[int], span: Sequence[tuple[int, int] | None]) -> tuple[int, int] | None:
    days = [s for s in (span[i] for i in group) if s is not None]
    return (min(d[0] for d in days), max(d[1] for d in days)) if days else None
