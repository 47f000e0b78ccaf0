"""Tests for generator/resolve/actors/decisions.py: reading seeds/actors.yml."""

from __future__ import annotations

import pytest

from generator.resolve.actors import ActorDecisions, parse_actor_decisions


@pytest.mark.parametrize(
    ("data", "problem_keys", "kept"),
    [
        (None, [], ActorDecisions()),
        ({}, [], ActorDecisions()),
        (["merge"], ["expected a mapping"], ActorDecisions()),
        ({"merge": [["A", "B"]], "colour": "red"}, ["'colour'"], ActorDecisions(merge=(("A", "B"),))),
        ({"merge": [["A"]], "drop": ["C"]}, ["merge[0]"], ActorDecisions(drop=("C",))),
        ({"split": [["A", "B", "C"]], "never_merge": [["D", "E"]]}, ["split[0]"], ActorDecisions(split=(("D", "E"),))),
        ({"type": {"A": "planet", "B": "state"}}, ["type: bad value for 'A'"], ActorDecisions(types=(("B", "state"),))),
        ({"rename": {"A": 3}}, ["rename: bad value"], ActorDecisions()),
        ({"description": {"A": "one\ntwo"}}, ["description: bad value"], ActorDecisions()),
        ({"drop": "A"}, ["drop: expected a list"], ActorDecisions()),
    ],
)
def test_parse_actor_decisions(data: object, problem_keys: list[str], kept: ActorDecisions) -> None:
    decisions, problems = parse_actor_decisions(data, "seeds/actors.yml")
    assert decisions == kept
    assert len(problems) == len(problem_keys)
    for problem, key in zip(problems, problem_keys):
        assert problem.path == "seeds/actors.yml" and key in problem.message


# Decisions that contradict each other: each pair is one error naming both entries,
# both are left out, and every other decision still applies.
@pytest.mark.parametrize(
    ("data", "named", "kept"),
    [
        (  # merge + never_merge of one pair (case and hyphens folded, as resolution matches names)
            {"merge": [["Moaz al-Khatib", "Lavrov"], ["A", "B"]], "never_merge": [["moaz al khatib", "LAVROV"]]},
            [("never_merge[0]", "merge[0]")],
            ActorDecisions(merge=(("A", "B"),)),
        ),
        (  # merge + split, through two merges
            {"merge": [["A", "B"], ["B", "C"]], "split": [["A", "C"], ["D", "E"]]},
            [("split[0]", "merge[0] and merge[1]")],
            ActorDecisions(split=(("D", "E"),)),
        ),
        (  # merge + drop of one member
            {"merge": [["Khoja", "Khaled Khoja"]], "drop": ["Khoja", "Reuters"]},
            [("drop[0]", "merge[0]")],
            ActorDecisions(drop=("Reuters",)),
        ),
        (  # a swap of two names
            {"rename": {"Moaz al-Khatib": "Sergei Lavrov", "Sergei Lavrov": "Moaz al-Khatib", "UN": "United Nations"}},
            [("rename['Moaz al-Khatib']", "rename['Sergei Lavrov']")],
            ActorDecisions(rename=(("UN", "United Nations"),)),
        ),
        (  # a circle of three
            {"rename": {"A": "B", "B": "C", "C": "a"}},
            [("rename['A']", "rename['B'] and rename['C']")],
            ActorDecisions(),
        ),
        (  # a chain is no contradiction: A takes B's name, B a new one
            {"rename": {"A": "B", "B": "C"}},
            [],
            ActorDecisions(rename=(("A", "B"), ("B", "C"))),
        ),
        (  # merge and split of different pairs, drop of an unmerged name: all apply
            {"merge": [["A", "B"]], "split": [["A", "C"]], "drop": ["C"]},
            [],
            ActorDecisions(merge=(("A", "B"),), split=(("A", "C"),), drop=("C",)),
        ),
    ],
)
def test_contradicting_decisions_are_errors_naming_both_and_left_out(data, named, kept) -> None:
    decisions, problems = parse_actor_decisions(data, "seeds/actors.yml")
    assert decisions == kept
    assert len(problems) == len(named), problems
    for problem, (first, second) in zip(problems, named):
        assert problem.severity == "error" and first in problem.message and second in problem.message, problem
        assert "left out" in problem.message


def test_a_name_or_description_over_its_limit_is_reported_short_and_left_out() -> None:
    data = {"rename": {"A": "N" * 501, "B": "Bee"}, "description": {"C": "D" * 2_001, "E": "One line."}}
    decisions, problems = parse_actor_decisions(data, "seeds/actors.yml")
    assert decisions == ActorDecisions(rename=(("B", "Bee"),), descriptions=(("E", "One line."),))
    assert [p.message for p in problems] == [
        "rename: the value for 'A' is 501 characters, over the limit of 500 (max_title_chars); left out",
        "description: the value for 'C' is 2,001 characters, over the limit of 2,000 (max_summary_chars); left out",
    ]
    _, problems = parse_actor_decisions({"type": {"A": "x" * 10_000}}, "seeds/actors.yml")
    assert len(problems[0].message) < 200  # a huge bad value is quoted cut
