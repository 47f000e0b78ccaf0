"""Cleaning: what must stay in a body, what must go, and why it went."""

from __future__ import annotations

import pytest

from generator.clean import clean_recurring_lines, clean_seed_text, match_furniture
from generator.render import render_body_markdown

from .conftest import SEEDS


def _doc(stem: str):
    return clean_seed_text((SEEDS / f"{stem}.txt").read_text(encoding="utf-8"))


def test_every_truth_line_is_kept_or_removed_as_the_reader_expects(truth):
    for stem, expected in truth["articles"].items():
        doc = _doc(stem)
        body = doc.body_text()
        for line in expected.get("not_in_body", []):
            assert line not in body, f"{stem}: furniture {line!r} left in the body"
        for line in expected.get("in_body", []):
            assert line in body, f"{stem}: body line {line!r} lost"


def test_titles_summaries_and_captions_match_the_truth(truth):
    for stem, expected in truth["articles"].items():
        doc = _doc(stem)
        assert doc.title == expected["title"], stem
        if "caption" in expected:
            captions = [b.text for b in doc.of_kind("caption")]
            assert captions == [expected["caption"]], f"{stem}: caption kept once, as a caption"
            assert expected["caption"] not in doc.body_text()
        if expected.get("summary"):
            assert [b.text for b in doc.of_kind("summary")] == [expected["summary"]], stem
        if "highlights" in expected:
            bullets = doc.of_kind("bullets")
            assert bullets and list(bullets[0].items) == expected["highlights"]
        if "dateline" in expected:
            assert doc.dateline == expected["dateline"]


def test_indented_paragraphs_never_become_code_blocks():
    body = render_body_markdown(_doc("004_208d8fdeb8cb703d"))
    assert not any(line.startswith(("    ", "\t")) for line in body.splitlines())
    assert "The Free Syrian Army said Thursday it would reject any plan" in body


def test_a_paragraph_split_by_a_stray_blank_line_is_joined():
    doc = _doc("000_fd73cf28fdfb5874")
    assert any("continued to provide it with weapons during a civil war" in b.text for b in doc.blocks)


def test_every_removed_line_names_its_rule():
    doc = _doc("004_208d8fdeb8cb703d")
    rules = {r.text: r.rule for r in doc.removed}
    assert rules["Just Watched"] == "video-widget"
    assert rules["Cookie consent"] == "cookie-notice"
    assert rules["Syrian rebels: Defection will spark more"] == "widget-payload"


def test_source_url_is_taken_from_the_original_url_line():
    doc = _doc("000_fd73cf28fdfb5874")
    assert doc.source_url == (
        "https://www.themoscowtimes.com/2015/08/05/russia-invites-main-syrian-opposition-group-for-talks-a-48787"
    )


@pytest.mark.parametrize(
    "line, rule",
    [
        ("Advertisement", "advertisement"),
        ("ADVERTISEMENT", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("We use cookies to personalise content and ads.", "cookie-notice"),
        ("Sign up for our morning newsletter", "newsletter-prompt"),
        ("Get the best stories straight to your inbox", "newsletter-prompt"),
        ("Make a one-off donation today", "donation-appeal"),
        ("Please support us with a monthly gift", "donation-appeal"),
        ("5 min read", "reading-time"),
        ("Updated: 14:03 GMT", "last-updated"),
        ("Read more", "read-more"),
        ("Most read", "read-more"),
        ("Share this article", "share-bar"),
        ("Key points:", "highlights-label"),
        ("Now playing", "video-widget"),
        ("Protesters clash with police 02:31", "video-duration"),
        ("By Jane Smith and Omar Haddad", "byline"),
        ("By [Reuters](https://reuters.com)", "byline"),
        ("https://www.bbc.co.uk/news/world-123", "source-url"),
    ],
)
def test_furniture_rules_catch_other_outlets_furniture(line, rule):
    found = match_furniture(line)
    assert found is not None and found.id == rule


@pytest.mark.parametrize(
    "line",
    [
        "By Friday, rebels held most of the town.",
        "\"We need your help,\" the mayor told reporters after the flood.",
        "The ceasefire was announced at a press conference that began at 10:30.",
        "Share prices in Moscow fell sharply on Monday after the announcement of new sanctions against banks.",
        "Officials said the advertisement campaign had cost millions.",
        "He said he would read more reports before deciding.",
    ],
)
def test_body_sentences_are_never_furniture(line):
    assert match_furniture(line) is None


def test_non_breaking_spaces_are_normalised_and_quotes_kept():
    doc = clean_seed_text("Title here\n\nHe said \u201cyes\u201d on\u00a0Monday.\n")
    assert doc.body_text() == "He said \u201cyes\u201d on Monday."


def _doc_of(*paragraphs: str):
    return clean_seed_text("A title for the test\n\n" + "\n\n".join(paragraphs) + "\n")


def test_a_short_line_recurring_in_one_outlets_articles_is_furniture():
    docs = [_doc_of(f"Body paragraph number {i} says something new.", "Follow our live coverage") for i in range(3)]
    cleaned = clean_recurring_lines(docs, ["Example Times"] * 3)
    for doc in cleaned:
        assert "Follow our live coverage" not in doc.body_text()
        assert [r.rule for r in doc.removed] == ["recurring-line"]
        assert "says something new" in doc.body_text()


@pytest.mark.parametrize(
    "outlets, count",
    [
        (["Example Times", "Example Times", "Other Post"], 3),  # only two articles of one outlet
        ([None, None, None], 3),  # outlet unknown: wire copies on unrelated sites share lines
    ],
)
def test_recurring_lines_need_enough_articles_of_one_known_outlet(outlets, count):
    docs = [_doc_of(f"Paragraph {i} of news.", "Follow our live coverage") for i in range(count)]
    cleaned = clean_recurring_lines(docs, outlets)
    assert all("Follow our live coverage" in d.body_text() for d in cleaned)


def test_a_long_paragraph_reused_by_one_outlet_is_kept():
    background = "The war, which began in 2011, has killed more than 250,000 people and driven millions from their homes, according to the United Nations."
    docs = [_doc_of(f"New development number {i}.", background) for i in range(4)]
    assert all(background in d.body_text() for d in clean_recurring_lines(docs, ["Example Times"] * 4))
