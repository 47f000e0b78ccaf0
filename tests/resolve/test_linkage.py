"""Average linkage and the attachment of small groups (resolve/linkage.py)."""

from __future__ import annotations

import pytest

from generator.resolve.linkage import attach_small_groups, group_by_average_linkage

# Four reports of one happening (0-3), pairing well, and a commentary (4) that
# averages a little under the cut with them and near nothing with anything else;
# two reports of another happening (5, 6).
EVENT = {(0, 1): 0.40, (0, 2): 0.35, (0, 3): 0.30, (1, 2): 0.38, (1, 3): 0.33, (2, 3): 0.31}
COMMENTARY = {(0, 4): 0.25, (1, 4): 0.18, (2, 4): 0.15, (3, 4): 0.14}
OTHER = {(5, 6): 0.40}


def attach(similarities, groups, apart=(), spans=None, **overrides):
    options = {"cut": 0.15, "margin": 1.5, "max_size": 2, "link": 0.23, "spans": spans, "max_span": 7}
    options.update(overrides)
    return attach_small_groups(groups, [1] * 8, similarities, apart, **options)


def test_linkage_leaves_the_commentary_out() -> None:
    groups = group_by_average_linkage([1] * 7, {**EVENT, **COMMENTARY, **OTHER}, (), 0.23)
    assert groups == [[0, 1, 2, 3], [4], [5, 6]]


@pytest.mark.parametrize(
    "extra, apart, spans, overrides, expected",
    [
        # nearest to one event, near nothing else: joins
        ({}, (), None, {}, [[0, 1, 2, 3, 4], [5, 6]]),
        # as near to the other event: no clear choice, stays alone
        ({(4, 5): 0.20, (4, 6): 0.18}, (), None, {}, [[0, 1, 2, 3], [4], [5, 6]]),
        # no pair as strong as the link: stays alone
        ({}, (), None, {"link": 0.30}, [[0, 1, 2, 3], [4], [5, 6]]),
        # below the bar: stays alone
        ({}, (), None, {"cut": 0.20}, [[0, 1, 2, 3], [4], [5, 6]]),
        # kept apart from a report of the event: stays alone
        ({}, ((2, 4),), None, {}, [[0, 1, 2, 3], [4], [5, 6]]),
        # dated too far from the event: stays alone
        ({}, (), [(0, 0), (0, 0), (1, 1), (1, 1), (20, 20), None, None], {}, [[0, 1, 2, 3], [4], [5, 6]]),
        # undated, joining a dated event: the dating bar holds
        ({}, (), [(0, 0), (0, 0), (1, 1), (1, 1), None, None, None], {"dating_cut": 0.30}, [[0, 1, 2, 3], [4], [5, 6]]),
        # groups of more than max_size never move
        ({}, (), None, {"max_size": 0}, [[0, 1, 2, 3], [4], [5, 6]]),
    ],
)
def test_attach_small_groups(extra, apart, spans, overrides, expected) -> None:
    groups = [[0, 1, 2, 3], [4], [5, 6]]
    similarities = {**EVENT, **COMMENTARY, **OTHER, **extra}
    spans = spans + [None] if spans else None
    assert attach(similarities, groups, apart, spans, **overrides) == expected


def test_a_pair_that_split_off_rejoins_its_event() -> None:
    # 0-2 an event; 3+4 paired off from it (averaging 0.157 with it); 5+6 another event
    similarities = {(0, 1): 0.4, (0, 2): 0.4, (1, 2): 0.4, (3, 4): 0.4, (0, 3): 0.24, (1, 3): 0.2, (2, 4): 0.25, (1, 4): 0.25}
    groups = [[0, 1, 2], [3, 4], [5, 6]]
    assert attach({**similarities, **{(5, 6): 0.4}}, groups) == [[0, 1, 2, 3, 4], [5, 6]]


def test_a_lone_report_joins_only_a_bigger_group() -> None:
    # two lone reports near each other only: linkage's business, not this pass's
    assert attach({(0, 1): 0.3}, [[0], [1]]) == [[0], [1]]


def test_two_lone_reports_of_one_event_do_not_hold_each_other_back() -> None:
    # 4 is nearest the event, with 5 the runner-up; 5 is nearest 4, then the event
    # (which 4 has joined by then); near no other event
    similarities = {**EVENT, (6, 7): 0.4, (0, 4): 0.3, (1, 4): 0.3, (2, 4): 0.2, (0, 5): 0.25, (1, 5): 0.2, (4, 5): 0.19}
    groups = [[0, 1, 2, 3], [4], [5], [6, 7]]
    assert attach(similarities, groups, cut=0.1) == [[0, 1, 2, 3, 4, 5], [6, 7]]


def test_two_lone_reports_nearest_each_other_stay_out() -> None:
    # neither is nearest the event: they may be another happening's
    similarities = {**EVENT, (6, 7): 0.4, (0, 4): 0.25, (1, 4): 0.2, (0, 5): 0.25, (1, 5): 0.2, (4, 5): 0.21}
    groups = [[0, 1, 2, 3], [4], [5], [6, 7]]
    assert attach(similarities, groups, cut=0.1) == [[0, 1, 2, 3], [4], [5], [6, 7]]


def test_two_lone_reports_apart_from_each_other_never_both_join() -> None:
    similarities = {**EVENT, (0, 4): 0.25, (1, 4): 0.2, (0, 5): 0.25, (1, 5): 0.2}
    groups = [[0, 1, 2, 3], [4], [5]]
    assert attach(similarities, groups, apart=((4, 5),), cut=0.1) == [[0, 1, 2, 3, 4], [5]]


def test_the_result_does_not_depend_on_the_order_of_the_pairs() -> None:
    similarities = {**EVENT, **COMMENTARY, **OTHER}
    reversed_pairs = dict(reversed(list(similarities.items())))
    groups = [[0, 1, 2, 3], [4], [5, 6]]
    assert attach(similarities, groups) == attach(reversed_pairs, groups)


@pytest.mark.parametrize(
    "similarities, sizes, pair_cut, expected",
    [
        # two lone reports: their one pair must reach pair_cut, not only cut
        ({(0, 1): 0.26}, [1, 1], 0.30, [[0], [1]]),
        ({(0, 1): 0.31}, [1, 1], 0.30, [[0, 1]]),
        ({(0, 1): 0.26}, [1, 1], None, [[0, 1]]),
        # a bigger group's average is held to cut alone (0.26 with each of a pair)
        ({(0, 1): 0.40, (0, 2): 0.26, (1, 2): 0.26}, [1, 1, 1], 0.30, [[0, 1, 2]]),
        # a unit the archivist forced together (two articles) is no lone report
        ({(0, 1): 0.52}, [2, 1], 0.30, [[0, 1]]),
    ],
)
def test_two_lone_reports_need_pair_cut(similarities, sizes, pair_cut, expected) -> None:
    assert group_by_average_linkage(sizes, similarities, (), 0.23, pair_cut=pair_cut) == expected
