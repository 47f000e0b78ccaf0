"""The decision files checked as a whole in a real build: every contradiction or unknown id is reported,
and the archive builds with those entries left out."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.build import build_archive
from generator.files.seeds import read_archive_inputs

from .conftest import SEEDS


@pytest.fixture(scope="module")
def inputs():
    return read_archive_inputs(SEEDS)


@pytest.mark.parametrize(
    "events, words",
    [
        ({"name": [{"event": "no-such-event", "title": "T"}]}, ["name: unknown event id 'no-such-event'"]),
        ({"move": {"000_fd73cf28fdfb5874": "001_b3644d8a320e78a4", "001_b3644d8a320e78a4": "000_fd73cf28fdfb5874"}}, ["move in a circle"]),
        ({"move": {"999_missing": "000_fd73cf28fdfb5874"}}, ["unknown article id '999_missing'"]),
    ],
)
def test_event_decisions_are_checked_against_the_built_events(inputs, events, words):
    archive = build_archive(replace(inputs, event_overrides=events, event_overrides_path="seeds/events.yml"))
    mine = [p.message for p in archive.problems if p.path == "seeds/events.yml"]
    assert len(mine) == len(words), mine
    for message, word in zip(mine, words):
        assert word in message
    assert len(archive.articles) == 5


def test_a_name_by_a_real_event_id_is_no_problem(inputs):
    first = build_archive(inputs)
    event_id = first.events[0].id
    names = [*inputs.event_overrides["name"], {"event": event_id, "title": "A better title"}]  # the seeds' names stay: they shape the ids
    archive = build_archive(replace(inputs, event_overrides={**inputs.event_overrides, "name": names}))
    assert [p for p in archive.problems if p.path == "seeds/events.yml"] == []
    assert archive.event(event_id).title == "A better title"
