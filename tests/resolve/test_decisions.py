"""Tests for generator/resolve/decisions.py: the checks both decision files share.

Each bad value gives one Problem with exactly the message the archivist reads
(actors.yml and events.yml have reported these words since before the checks
were shared); a good or absent value gives none.
"""

from __future__ import annotations

import pytest

from generator.model import Problem
from generator.resolve.actors import parse_actor_decisions
from generator.resolve.decisions import as_mapping, list_entries, mapping_entries, report_unknown_keys
from generator.resolve.event_decisions import parse_event_overrides

PATH = "seeds/x.yml"


@pytest.mark.parametrize(
    ("value", "key", "expected", "result", "messages"),
    [
        (None, None, "a mapping", None, []),
        ({}, None, "a mapping", {}, []),
        ({"a": 1}, "rename", "a mapping of name: value", {"a": 1}, []),
        (["merge"], None, "a mapping of decisions", None, ["expected a mapping of decisions"]),
        ("x", "rename", "a mapping of name: value", None, ["rename: expected a mapping of name: value"]),
        (3, "move", "a mapping", None, ["move: expected a mapping"]),
    ],
)
def test_as_mapping(value: object, key: str | None, expected: str, result: object, messages: list[str]) -> None:
    problems: list[Problem] = []
    assert as_mapping(value, key, PATH, problems, expected) == result
    assert problems == [Problem(PATH, m) for m in messages]


@pytest.mark.parametrize(
    ("keys", "listing", "messages"),
    [
        (["merge", "split"], "known keys:", []),
        ([], "known keys:", []),
        (["colour"], "known keys:", ["unknown key 'colour'; known keys: merge, split"]),
        (["b", "merge", "a"], "expected one of", [
            "unknown key 'b'; expected one of merge, split",
            "unknown key 'a'; expected one of merge, split",
        ]),
        ([1], "expected one of", ["unknown key 1; expected one of merge, split"]),
    ],
)  # fmt: skip
def test_report_unknown_keys(keys: list[object], listing: str, messages: list[str]) -> None:
    problems: list[Problem] = []
    report_unknown_keys(keys, ("merge", "split"), PATH, problems, listing)
    assert problems == [Problem(PATH, m) for m in messages]


@pytest.mark.parametrize(
    ("value", "expected", "entries", "messages"),
    [
        (None, "a list", [], []),
        ([], "a list", [], []),
        (["a", ["b"]], "a list", [("merge[0]", "a"), ("merge[1]", ["b"])], []),
        ("a b", "a list", [], ["merge: expected a list"]),
        ({"a": "b"}, "a list of name lists", [], ["merge: expected a list of name lists"]),
    ],
)
def test_list_entries(value: object, expected: str, entries: list[tuple[str, object]], messages: list[str]) -> None:
    problems: list[Problem] = []
    assert list(list_entries(value, "merge", PATH, problems, expected)) == entries
    assert problems == [Problem(PATH, m) for m in messages]


def test_list_entries_says_a_list_unless_told() -> None:
    problems: list[Problem] = []
    assert list(list_entries(7, "split", PATH, problems)) == []
    assert problems == [Problem(PATH, "split: expected a list")]


@pytest.mark.parametrize(
    ("value", "entries", "messages"),
    [
        (None, [], []),
        ({}, [], []),
        ({"b": 1, "a": 2}, [("b", 1), ("a", 2)], []),  # the file's order
        (["a"], [], ["move: expected a mapping of id -> id"]),
    ],
)
def test_mapping_entries(value: object, entries: list[tuple[object, object]], messages: list[str]) -> None:
    problems: list[Problem] = []
    assert list(mapping_entries(value, "move", PATH, problems, "a mapping of id -> id")) == entries
    assert problems == [Problem(PATH, m) for m in messages]


# The whole messages of both files, as the archivist reads them.
ACTOR_FILE_PROBLEMS = [
    (["merge"], ["expected a mapping of decisions (merge, split, rename, ...)"]),
    ({"zeta": 1, "alpha": 2}, [  # sorted
        "unknown key 'alpha'; known keys: merge, split, never_merge, rename, drop, type, description",
        "unknown key 'zeta'; known keys: merge, split, never_merge, rename, drop, type, description",
    ]),
    ({"merge": "A B"}, ["merge: expected a list of name lists"]),
    ({"merge": [["A"]]}, ["merge[0]: expected a list of at least 2 names, got ['A']"]),
    ({"split": [["A", "B", "C"]]}, ["split[0]: expected a list of exactly 2 names, got ['A', 'B', 'C']"]),
    ({"never_merge": [["A", 3]]}, ["never_merge[0]: expected a list of exactly 2 names, got ['A', 3]"]),
    ({"rename": ["A"]}, ["rename: expected a mapping of name: value"]),
    ({"rename": {"A": " "}}, ["rename: bad value for 'A': ' '"]),
    ({"type": {"A": "planet"}}, ["type: bad value for 'A': 'planet'"]),
    ({"description": {"A": "one\ntwo"}}, ["description: bad value for 'A': 'one\\ntwo'"]),
    ({"drop": "A"}, ["drop: expected a list of names"]),
    ({"drop": ["A", ""]}, ["drop[1]: expected a name, got ''"]),
]  # fmt: skip


@pytest.mark.parametrize(("data", "messages"), ACTOR_FILE_PROBLEMS)
def test_actor_file_problems(data: object, messages: list[str]) -> None:
    _, problems = parse_actor_decisions(data, PATH)
    assert problems == tuple(Problem(PATH, m) for m in messages)


EVENT_FILE_PROBLEMS = [
    (["merge"], ["expected a mapping of override kinds at the top level"]),
    ({"zeta": 1, "alpha": 2}, [  # the file's order
        "unknown key 'zeta'; expected one of name, merge, split, move, related, unrelated",
        "unknown key 'alpha'; expected one of name, merge, split, move, related, unrelated",
    ]),
    ({"merge": "a b"}, ["merge: expected a list"]),
    ({"merge": [["a", "a"]]}, ["merge[0]: list at least two different article ids"]),
    ({"split": [["a", 1]]}, ["split[0]: expected a list of article ids as text (quote ids that look like numbers)"]),
    ({"related": [["a", "b", "c"]]}, ["related[0]: expected a pair of two different article ids"]),
    ({"move": ["a"]}, ["move: expected a mapping of article id -> article id (or 'alone')"]),
    ({"move": {1: "a"}}, ["move: article id 1 must be text (quote it)"]),
    ({"move": {"a": 3}}, ["move[a]: target 3 must be an article id or 'alone'"]),
    ({"move": {"a": "a"}}, ["move[a]: an article cannot move to its own event"]),
    ({"name": "x"}, ["name: expected a list"]),
    ({"name": ["a"]}, ["name[0]: expected {article: <id>, title: <text>} or {event: <id>, title: <text>}"]),
    ({"name": [{"article": "a", "title": "T", "b": 1, "a": 2}]}, ["name[0]: unknown key(s) a, b"]),
    ({"name": [{"article": "a", "title": " "}]}, ["name[0]: 'title' must be non-empty text"]),
    ({"name": [{"title": "T"}]}, ["name[0]: give exactly one of 'article' or 'event', as text"]),
]  # fmt: skip


@pytest.mark.parametrize(("data", "messages"), EVENT_FILE_PROBLEMS)
def test_event_file_problems(data: object, messages: list[str]) -> None:
    _, problems = parse_event_overrides(data, PATH)
    assert problems == tuple(Problem(PATH, m) for m in messages)
