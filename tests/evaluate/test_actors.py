"""Floors under the actor figures `make eval` reports on the development corpus (issue 15).

Set just under what the generator reaches (session 4, round 2: precision 97.9%, recall 95.0%,
no split person, no false merge), so a regression fails `make test`; the issue's
targets are precision 95%, recall 90%, no split person.
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
    assert figures.precision >= 0.975, ev.render(figures, ev.count_corpus_pages(corpus_archive))
    assert figures.recall >= 0.945, figures.missed
    assert not figures.splits, figures.splits  # Ellen Fetter / Ellen Gille: one page through "née Fetter"
    assert not figures.merges, figures.merges


def test_whole_corpus_has_no_bare_surname_or_role_named_pages(corpus_archive):
    corpus = ev.count_corpus_pages(corpus_archive)
    assert not corpus.bare_surname_pages
    assert not corpus.role_pages, corpus.role_pages


def test_labels_name_at_least_forty_pages():
    labels = ev.read_labels()
    assert len(labels) >= 40
    assert all(lab.type in ("person", "organisation", "state") for page in labels.values() for lab in page)
