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
        if average >= (dating_cut if dates_it else cut):
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
