"""publish/review.py: what the archivist should check."""

from __future__ import annotations

from generator.publish.review import review_items


def test_review_lists_missing_and_inferred_fields_but_never_curated_ones(archive, archive_uncurated):
    uncurated = {a.id: {field for field, _, _ in review_items(a)} for a in archive_uncurated.articles}
    assert "date" in uncurated["002_5854f3fa609f6d5e"], "no date in the text: listed"
    assert "outlet" in uncurated["003_94fa457a95864067"], "no outlet in the text: listed"
    assert "date" in uncurated["001_b3644d8a320e78a4"], "year inferred from a sister article: listed"
    assert "title" not in uncurated["000_fd73cf28fdfb5874"] and "date" not in uncurated["000_fd73cf28fdfb5874"]
    curated = {a.id: {field for field, _, _ in review_items(a)} for a in archive.articles}
    assert curated["004_208d8fdeb8cb703d"] == set(), "curated date and outlet are not listed"
    assert "outlet" not in curated["003_94fa457a95864067"], "a curated null confirms there is none"
