"""Cleaning: what must stay in a body, what must go, and why it went."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.clean import clean_seed_text, normalise_text
from generator.extract.furniture_rules import furniture_rules, match_furniture
from generator.extract.required_texts import extract_longest_match, extract_required_texts, lower_for_required_texts
from generator.extract.required_texts import match_from_starts
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


@pytest.mark.parametrize(
    "line, rule",
    [
        ("Advertisement", "advertisement"),
        ("ADVERTISEMENT", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("We use cookies to personalise content and ads.", "cookie-notice"),
        ("Sign up for our morning newsletter", "newsletter-prompt"),
        ("Get the best stories straight to your inbox", "newsletter-prompt"),
        ("_Get Quanta Magazine delivered to your inbox_", "newsletter-prompt"),
        ("Stop the censors, sign up to get today's top stories delivered right to your inbox", "newsletter-prompt"),
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
        ("Original url: https://www.bbc.co.uk/news/world-123", "source-url-labelled"),
    ],
)
def test_furniture_rules_catch_other_outlets_furniture(line, rule):
    found = match_furniture(line)
    assert found is not None and found.id == rule


@pytest.mark.parametrize(
    "line",
    [
        "By Friday, rebels held most of the town.",
        "A week after I visit the lab, the results of the MDMA arrive in my inbox: it is 85 percent pure.",
        "The Only Five Email Folders Your Inbox Will Ever Need",
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


# Lines that put each furniture rule's conditions to the test: its length limit, the
# attributed-speech exception, the source-url rule that ignores it, several rules at once.
_FURNITURE_PROBES = [
    "Advertisement",
    "\"We need your help,\" the mayor said.",
    "\"Sign up for the draft,\" the officer told recruits",
    "https://example.org/news/1",
    "\"https://example.org\", he wrote",
    "We use cookies. Read more",
    "Share",
    "By Jane Doe | Reuters",
    "Make a monthly donation " + "x" * 200,
    "Updated: " + "y" * 50,
    "Protesters clash with police 02:31",
    "An ordinary sentence about the talks in Moscow on Friday.",
    # lines about as long as a rule's longest match, each side of it (extract_longest_match)
    "Share this article", "Share this article ", "Share this article.", "Story continues below advertisement",
    "Last updated: " + "z" * 40, "Last updated: " + "z" * 41, "Read more: " + "w" * 120, "Now playing " * 12,
]


@pytest.mark.parametrize(
    "line",
    _FURNITURE_PROBES + [line for path in SEEDS.glob("*.txt") for line in path.read_text("utf-8").splitlines()[:40]],
)
def test_match_furniture_is_the_first_rule_whose_matches_says_so(line):
    line = " ".join(line.split())
    expected = next((rule for rule in furniture_rules() if rule.matches(line)), None)
    assert match_furniture(line) is expected


@pytest.mark.parametrize(
    "pattern, flags, needs",
    [
        (r"^sign up (for|to)\b|straight to your inbox", re.I, {"sign up ", "straight to your inbox"}),
        (r"we use cookies|accept (all )?cookies", re.I, {"we use cookies", "accept "}),
        (r"^By\s+[A-Z]\w+$", 0, {"by"}),
        (r"^\d{1,2}:\d{2}$", 0, {":"}),
        (r"(?:ab)+c?", 0, {"ab"}),
        (r"^(share|share this( article)?|tweet)$", re.I, {"share", "tweet"}),  # "share this" holds "share"
        (r"x*|y", 0, None),  # one branch needs nothing
        (r"\w+", 0, None),
        (r"caf\u00e9 society", re.I, {" society"}),  # a letter with case outside ASCII ends a run
        (r"(?:copyright|\u00a9)\s*\d", re.I, {"copyright", "\u00a9"}),  # "©" has no case
        (r"\u00a9 Reuters", re.I, {"\u00a9 reuters"}),
        ("|".join(f"{chr(97 + i)}{i:02d}" for i in range(20)), 0, None),  # too many texts to look for
    ],
)
def test_required_texts_are_what_every_match_holds(pattern, flags, needs):
    assert extract_required_texts(re.compile(pattern, flags)) == (None if needs is None else frozenset(needs))


@pytest.mark.parametrize(
    "pattern, flags, longest",
    [
        (r"^(share|share this( article)?|tweet)$", re.I, 19),  # 18 characters, and a final newline $ allows
        (r"^a$|^bc$", 0, 3),  # the common "^" is pulled out of the branches by the parser
        (r"^(?:x|y{1,4})$", 0, 5),
        (r"^\d{1,2}:\d{2}\Z", 0, 6),
        (r"^(a|b)", 0, None),  # not anchored at the end
        (r"a$", 0, None),  # not anchored at the start
        (r"^a$|b", 0, None),  # one branch anchored nowhere
        (r"^\w+$", 0, None),  # no widest match
    ],
)
def test_longest_match_is_the_widest_text_an_anchored_pattern_matches(pattern, flags, longest):
    assert extract_longest_match(re.compile(pattern, flags)) == longest


# Lines made of the words the furniture patterns are written with, in any case and order.
_PATTERN_WORDS = sorted({w for rule in furniture_rules() for w in re.findall(r"[a-z']+", rule.pattern.pattern.lower())})
_FURNITURE_LIKE = st.lists(
    st.sampled_from(_PATTERN_WORDS).map(lambda w: w.upper() if len(w) % 3 == 0 else w.title() if len(w) % 3 == 1 else w)
    | st.sampled_from([" ", ", ", ".", "!", "?", ":", "02:31", "5", "https://", "/", "’", '"', "\u212a", "ſ", "é"]),
    max_size=12,
).map("".join)


# One line each rule removes, to be cased and padded differently.
_FURNITURE_LINES = [
    "Advertisement", "Enjoying ad-free content?", "We use cookies", "Sign up for our newsletter",
    "We need your help", "Remind me later", "Most read", "5 min read", "Last updated: today",
    "Share this article", "Key points:", "Now playing", "Clashes in the square 02:31", "02:31",
    "By Jane Doe and Omar al Haddad", "Original url:", "https://example.org/a",
]
_CASED_FURNITURE = st.tuples(
    st.sampled_from(["", "", "x ", "the ", "\"Quote\" he said "]),
    st.sampled_from(_FURNITURE_LINES),
    st.sampled_from(["lower", "upper", "title", "same"]),
    st.sampled_from(["", "", " now", "!", " ſ", " café"]),
).map(lambda t: t[0] + (t[1] if t[2] == "same" else getattr(t[1], t[2])()) + t[3])


@settings(max_examples=200, deadline=None, derandomize=True)
@given(line=_FURNITURE_LIKE | _CASED_FURNITURE)
def test_rules_passed_over_by_their_needs_would_not_have_matched(line):
    line = " ".join(line.split())
    expected = next((rule for rule in furniture_rules() if rule.matches(line)), None)
    assert match_furniture(line) is expected
    lower = lower_for_required_texts(line)
    for rule in furniture_rules():
        if lower is not None and rule.pattern.search(line) and rule.needs is not None:
            assert any(text in lower for text in rule.needs)


def test_the_ascii_lookalikes_are_all_the_letters_re_matches_to_ascii_ones_ignoring_case():
    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    lookalikes = [chr(c) for c in range(0x80, 0x110000) if ascii_letter.match(chr(c))]
    assert lookalikes == ["\u0130", "\u0131", "\u017f", "\u212a"]
    assert all(lower_for_required_texts(f"we need your help {c}") is None for c in lookalikes)
    assert lower_for_required_texts("We need your help \u2019\u00e9") == "we need your help \u2019\u00e9"


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
    ("pattern", "text"),
    [
        (r"©\s*\d{4}\s+\w+", "a © 2019 Foo and © 2020 Bar"),
        (r"ab|aba", "abababa aba"),  # matches never overlap, leftmost first
        (r"(?i)copyright \w+", "Copyright X. copyright Y copyright"),
    ],
)
def test_match_from_starts_gives_finditer_s_matches(pattern, text):
    compiled = re.compile(pattern)
    every_start = set(range(len(text) + 1))
    expected = [(m.start(), m.group(0)) for m in compiled.finditer(text)]
    assert [(m.start(), m.group(0)) for m in match_from_starts(compiled, text, every_start)] == expected
    # only the starts where a match may begin are needed
    assert [(m.start(), m.group(0)) for m in match_from_starts(compiled, text, {s for s, _ in expected})] == expected


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
