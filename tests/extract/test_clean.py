"""Cleaning: what must stay in a body, what must go, and why it went."""

from __future__ import annotations

import pytest

from generator.extract.clean import clean_seed_text, normalise_text
from generator.publish.markdown import render_body_markdown
from generator.resolve.furniture import clean_recurring_lines

from ..conftest import SEEDS


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


@pytest.mark.parametrize("item", ["24 July 2015", "Aug. 13, 2015", "2015-08-05"])
def test_a_date_set_as_a_list_item_is_the_page_s_date_line_not_a_highlight(item):
    doc = clean_seed_text(
        "Obama admits gun laws are his biggest frustration\n\n"
        f"* {item}\n\n"
        "President Barack Obama has admitted that his failure to pass gun laws is the greatest frustration of his presidency.\n\n"
        "In an interview with the BBC, Mr Obama said it was distressing not to have made progress on the issue.\n"
    )
    assert [b.text for b in doc.of_kind("meta")] == [item]
    assert not doc.of_kind("bullets")


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("a\u200bb\ufeffc", "abc"),  # invisible characters dropped
        ("x\u00a0y\tz", "x y z"),  # spaces unified
        ("e\u0301\r\nf\rg", "\u00e9\nf\ng"),  # NFC, line ends
        ("plain", "plain"),
    ],
)
def test_normalise_text(raw, expected):
    assert normalise_text(raw) == expected


@pytest.mark.parametrize(
    ("lines", "url"),
    [
        (["Headline", "Body text of the story.", "Original url:", "", "<https://example.org/a>"], "https://example.org/a"),
        (["Headline", "Body text of the story.", "Original url: https://example.org/a"], "https://example.org/a"),
        # the saver's label wins over a bare address elsewhere on the page
        (["https://example.org/menu", "Headline", "Body text.", "Source link: <https://example.org/b>"], "https://example.org/b"),
        (["https://example.org/menu", "Headline", "Body text.", "Original url:", "", "<https://example.org/c>"], "https://example.org/c"),
        (["https://example.org/menu", "Headline", "Body text."], "https://example.org/menu"),
        (["Headline", "Body text.", "https://example.org/d", "https://example.org/e"], "https://example.org/d"),
    ],
)
def test_the_source_url_from_its_label_or_a_bare_line(lines, url):
    assert clean_seed_text("\n".join(lines)).source_url == url


# An article trafilatura found in a saved web page (files/html.py): every line is the
# article, its first the page's own headline; a page stating none starts with a paragraph.
_PARAGRAPH = "The harbour reopened on Monday after a week of storms, the port authority said in a statement. " * 4


@pytest.mark.parametrize(
    ("text", "title", "first_body"),
    [
        (f"Harbour reopens\n\n{_PARAGRAPH}\n\nShare this article\n", "Harbour reopens", _PARAGRAPH.strip()),
        (f"{_PARAGRAPH}\n\nThe ferries run again from Tuesday, with extra sailings at night for freight.\n", None, _PARAGRAPH.strip()),
    ],
)
def test_an_extracted_article_keeps_every_line_and_its_first_as_headline(text, title, first_body):
    doc = clean_seed_text(text, extracted_article=True)
    assert doc.title == title
    assert doc.body_blocks()[0].text == first_body
    assert doc.title_doubt is None and doc.body_doubt is None  # no model judged a page dump here
