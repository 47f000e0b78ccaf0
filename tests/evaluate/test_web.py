"""Floors under the article-text figures on the dev corpus (``make eval``), as
trafilatura's evaluation gate: a change that loses ground on real pages fails here.
Skipped when ``../shared/devcorpus`` is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.evaluate.web import evaluate
from generator.files.devcorpus import read_web_corpus

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "devcorpus" / "web"

# Floors just under the figures reached (see `make eval`): a change that
# loses ground on real pages fails here.
FLOORS = {"body_f1": 0.95, "share_090": 0.89, "title_exact": 0.90, "furniture_leads": 0}  # speed: bench/, not a timed test


@pytest.fixture(scope="module")
def report():
    if not (CORPUS / "labels.json").is_file():
        pytest.skip(f"no dev corpus at {CORPUS}")
    return evaluate(read_web_corpus(CORPUS))


def test_dev_corpus_body(report):
    assert report.body_f1 >= FLOORS["body_f1"], report.body_f1
    assert report.share_090 >= FLOORS["share_090"], report.share_090
    assert report.body_f1 > report.baseline_f1 + 0.2


def test_dev_corpus_headlines(report):
    assert report.title_exact >= FLOORS["title_exact"], [(p.id, p.title) for p in report.pages if p.title_ok is False]


def test_dev_corpus_summaries_and_first_lines_are_not_furniture(report):
    assert len(report.furniture_leads) <= FLOORS["furniture_leads"], [(p.id, p.furniture_lead) for p in report.furniture_leads]
