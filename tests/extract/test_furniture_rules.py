"""The furniture rules (generator/extract/furniture_rules.py): which rule takes a line, and that the
fast pre-check by each rule's required texts never passes over a rule that would have matched."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.furniture_rules import furniture_rules, match_furniture
from generator.extract.required_texts import lower_for_required_texts

from ..conftest import SEEDS


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
        ("More from Quartz", "more-from-list"),
        ("MORE FROM MSN", "more-from-list"),
        ("More in Local News", "more-from-list"),
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
        "More from the minister's speech on Friday.",  # a sentence, not a list's heading
        "More on rsync configuration",  # a tutorial's own section
    ],
)
def test_body_sentences_are_never_furniture(line):
    assert match_furniture(line) is None



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
