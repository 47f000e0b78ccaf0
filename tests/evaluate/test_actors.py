"""Floors under the actor figures `make eval` reports on the development corpus (issue 15).

Set just under what the generator reaches, so a regression fails `make test`; the
targets (precision 95%, recall 90%, no split person) are the issue's, not yet reached.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.evaluate import actors as ev

DEVCORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "devcorpus"

pytestmark = pytest.mark.skipif(not (DEVCORPUS / "web").is_dir(), reason="no ../shared/devcorpus")


@pytest.fixture(scope="module")
def corpus_archive():
    return ev.build_corpus_archive(DEVCORPUS)


def test_labelled_articles_hold_their_floors(corpus_archive):
    figures = ev.score_labelled(corpus_archive, ev.read_labels())
    assert figures.precision >= 0.77, ev.render(figures, ev.count_corpus_pages(corpus_archive))
    assert figures.recall >= 0.72, figures.missed  # the new body cleaning lost some (issue 13), precision gained 18 points
    assert len(figures.splits) <= 3, figures.splits
    assert not figures.merges, figures.merges


def test_whole_corpus_has_no_bare_surname_or_role_named_pages(corpus_archive):
    corpus = ev.count_corpus_pages(corpus_archive)
    assert not corpus.bare_surname_pages
    assert not corpus.role_pages, corpus.role_pages


def test_labels_name_at_least_forty_pages():
    labels = ev.read_labels()
    assert len(labels) >= 40
    assert all(lab.type in ("person", "organisation", "state") for page in labels.values() for lab in page)
