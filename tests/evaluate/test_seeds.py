"""The issues' acceptance numbers, measured the way `make eval` measures them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.evaluate.seeds import render_table, score_all

REVIEWED = sorted(yaml.safe_load((Path(__file__).parents[1] / "data" / "reviewed_actors.yml").read_text(encoding="utf-8")))


def _scores(archive, truth):
    return {s.name: s for s in score_all(archive, truth, REVIEWED)}


def test_with_curation_every_field_actor_and_event_is_right(archive, truth):
    scores = _scores(archive, truth)
    for name, score in scores.items():
        if name.startswith(("recall", "precision")):
            assert score.ratio >= 0.9, (name, score.misses)
        else:
            assert score.right == score.total, (name, score.misses)


def test_without_curation_extraction_is_honest(archive_uncurated, truth):
    scores = _scores(archive_uncurated, truth)
    assert scores["title"].right == 5
    assert scores["no wrong date at high confidence"].right == 5
    assert scores["in_body lines kept"].right == scores["in_body lines kept"].total
    assert scores["not_in_body lines removed"].right == scores["not_in_body lines removed"].total
    by_id = {a.id: a for a in archive_uncurated.articles}
    for stem in ("000_fd73cf28fdfb5874", "001_b3644d8a320e78a4"):
        assert by_id[stem].date.value.date == truth["articles"][stem]["date"]
        assert by_id[stem].outlet.value == truth["articles"][stem]["outlet"]
    accepted = set(truth["articles"]["003_94fa457a95864067"]["date_accept"])
    assert by_id["003_94fa457a95864067"].date.value.date in accepted
    assert by_id["003_94fa457a95864067"].outlet is None, "an unnamed site is never guessed"
    for stem in ("002_5854f3fa609f6d5e", "004_208d8fdeb8cb703d"):
        date = by_id[stem].date
        assert date is None or date.provenance.confidence <= 0.5, "no date in the text: null or low confidence"


@pytest.mark.parametrize("run", ["archive", "archive_uncurated"])
def test_the_table_has_a_row_per_score(run, request, truth):
    scores = score_all(request.getfixturevalue(run), truth, REVIEWED)
    table = render_table({"run": scores})
    assert len(table.splitlines()) == len(scores) + 2
