"""Floors under the actor figures `make eval` reports on the development corpus (issues 15, 26).

web/'s labelled set: set just under what the generator reaches (session 7: precision 97.7%,
recall 96.2%, no split person, no false merge), so a regression fails `make test`.
web2's English news set (labelled before tuning, issue 26), by half: session 8 reaches half A
precision 96.1% recall 87.2%, half B precision 83.7% recall 86.5%, no split person, no false
merge (session 7: A 91.5% / 74.4%, B 82.7% / 85.6%; baseline before tuning: A 83.9% / 56.4%,
B 79.2% / 72.1%). The issue's targets (precision 95%, recall 92% in both halves) are not met yet.
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
    assert figures.recall >= 0.955, figures.missed
    assert not figures.splits, figures.splits  # Ellen Fetter / Ellen Gille: one page through "née Fetter"
    assert not figures.merges, figures.merges


def test_whole_corpus_has_no_bare_surname_or_role_named_pages(corpus_archive):
    corpus = ev.count_corpus_pages(corpus_archive)
    assert not corpus.bare_surname_pages
    assert not corpus.role_pages, corpus.role_pages


@pytest.fixture(scope="module")
def web2_archive():
    return ev.build_web2_archive(DEVCORPUS)


@pytest.mark.skipif(not (DEVCORPUS / "web2").is_dir(), reason="no ../shared/devcorpus/web2")
@pytest.mark.parametrize(("half", "precision", "recall"), [("A", 0.95, 0.86), ("B", 0.83, 0.86)])
def test_web2_english_news_holds_its_floors_by_half(web2_archive, half, precision, recall):
    labels = ev.split_by_half(ev.read_labels(ev.WEB2_LABELS), ev.web2_halves(DEVCORPUS))[half]
    figures = ev.score_labelled(web2_archive, labels)
    assert figures.precision >= precision, figures.wrong_pages
    assert figures.recall >= recall, figures.missed
    assert not figures.splits, figures.splits
    assert not figures.merges, figures.merges


def test_web2_labels_name_at_least_forty_pages_of_both_halves():
    labels = ev.read_labels(ev.WEB2_LABELS)
    assert len(labels) >= 40
    assert all(lab.type in ("person", "organisation", "state") for page in labels.values() for lab in page)


def test_labels_name_at_least_forty_pages():
    labels = ev.read_labels()
    assert len(labels) >= 40
    assert all(lab.type in ("person", "organisation", "state") for page in labels.values() for lab in page)
