"""The line model's decoder and features, on small synthetic inputs."""

from __future__ import annotations

import math

import pytest

from generator.extract.body_doubt import EVIDENCE, REASONS, judge
from generator.extract.line_model import FEATURES, decode


@pytest.mark.parametrize(
    "z, cost, runs",
    [
        ([], 0.0, []),
        ([-1.0, -2.0], 0.0, []),
        ([2.0, 2.0, -1.0, 2.0], 10.0, [(0, 3)]),  # a weak line between strong ones stays in
        ([3.0, -5.0, -5.0, 3.0], 0.0, [(0, 0), (3, 3)]),  # free runs: each strong line alone
        ([3.0, -5.0, -5.0, 4.0], 10.0, [(3, 3)]),  # a costly second run: only the best one
        ([1.0, 1.0, -3.0, -3.0, 5.0], 1.0, [(0, 1), (4, 4)]),
    ],
)
def test_decode_picks_the_best_runs(z, cost, runs):
    assert decode(z, 0.0, cost) == runs


def test_the_offset_shifts_every_line():
    assert decode([-0.5, -0.5], 1.0, 0.0) == [(0, 1)]


def test_every_feature_is_named_once():
    assert len(FEATURES) == len(set(FEATURES))


def test_a_doubt_names_the_evidence_that_pulls_it_down():
    weights = {
        "weights": {"bias": 2.0, **dict.fromkeys(EVIDENCE, 0.0), "stamped_inside": -6.0, "outside_prose": -1.0},
        "mean": dict.fromkeys(EVIDENCE, 0.0),
        "reason_below": 0.7,
    }
    values = dict.fromkeys(EVIDENCE, 0.0)
    assert judge(values, weights).reason is None and judge(values, weights).probability > 0.8
    values["stamped_inside"] = 1.0
    doubt = judge(values, weights)
    assert doubt.probability < 0.2 and doubt.reason == REASONS["stamped_inside"] == "body may include comments"


PARAGRAPH = (
    "The council voted on Tuesday to close the old bridge to traffic, after engineers found that "
    "its steel supports had corroded far faster than the last inspection had expected."
)


def _page():
    from generator.extract.article_span import read_page, rule_span

    lines = ["Home | News | Sport", PARAGRAPH, "Key facts", PARAGRAPH + " Again.", "Share", PARAGRAPH + " Once more."]
    page = read_page(lines)
    return page, rule_span(page)


@pytest.mark.parametrize(
    "decoder, z, gone, kept",
    [
        # the rules alone: the subheading between paragraphs stays, the share button goes
        ({"drop_below": -99, "trim_offset": None, "keep_above": None}, [-5, 3, 2, 3, 2, 3], {0, 4}, {1, 2, 3, 5}),
        # the model's rejection of a line inside the span drops it
        ({"drop_below": -1.0, "trim_offset": None, "keep_above": None}, [-5, 3, -5, 3, -5, 3], {0, 2, 4}, {1, 3, 5}),
        # a tail the model reads as page is cut
        ({"drop_below": -99, "trim_offset": 0.0, "keep_above": None}, [-5, 3, 3, 3, -9, -9], {0, 4, 5}, {1, 2, 3}),
        # a line the rules drop is kept when the model reads it as the article's
        ({"drop_below": -99, "trim_offset": None, "keep_above": 1.0}, [-5, 3, 3, 3, 2, 3], {0}, {1, 2, 3, 4, 5}),
    ],
)
def test_the_decoder_applies_the_model_s_log_odds(decoder, z, gone, kept):
    from generator.extract.article_span import decide

    page, rule = _page()
    assert rule is not None
    i, j, reasons = decide(page, rule, z, decoder)
    kept_nos = {page.lines[k].no for k in range(i, j + 1)} - set(reasons)
    numbers = [line.no for line in page.lines]
    assert {numbers.index(no) for no in kept_nos} == kept
    assert not kept & gone


def test_every_clean_document_carries_a_body_doubt():
    from generator.extract.clean import clean_seed_text

    doc = clean_seed_text("\n\n".join(["Home | News | Sport", PARAGRAPH, PARAGRAPH + " Again.", "12 Comments"]))
    assert doc.body_doubt is not None
    assert 0.0 < doc.body_doubt.probability < 1.0
    assert doc.body_doubt.reason in (None, *REASONS.values())


@pytest.mark.parametrize(
    "scores, span, line, expected",
    [
        # one block of prose: every line of it is the largest block, nothing after the last
        ([5.0, 5.0], (0, 1), 1, (1.0, 0.0, 0.0, 0.0)),
        # a small block after two non-prose lines, little prose after it: a trailing block
        ([9.0, 9.0, -1.0, -1.0, 2.0], (0, 4), 4, (2.0 / 18.0, 0.0, math.log1p(2) / 3, 1.0 - 2.0 / 18.0)),
        # the article's own block before a trailing one: most of the prose is not after it
        ([9.0, 9.0, -1.0, -1.0, 2.0], (0, 4), 0, (1.0, 11.0 / 20.0, 0.0, 0.0)),
        # lines outside the span: before it, after it
        ([-1.0, 9.0, -1.0], (1, 1), 0, (0.0, 1.0, 1.0, 0.0)),
        ([-1.0, 9.0, -1.0], (1, 1), 2, (0.0, 0.0, 1.0, 1.0)),
    ],
)
def test_block_measures_tell_a_trailing_block_from_the_article(scores, span, line, expected):
    from generator.extract.line_model import _block_measures

    assert _block_measures(scores, span)[line] == pytest.approx(expected)

