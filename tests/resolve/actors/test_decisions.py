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
