"""The texts every match of a pattern must hold, its widest match, and matching from known starts
(generator/extract/required_texts.py), which let the cleaner skip rules that cannot match a line."""

from __future__ import annotations

import re

import pytest

from generator.extract.required_texts import extract_longest_match, extract_required_texts, lower_for_required_texts
from generator.extract.required_texts import match_from_starts


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


def test_the_ascii_lookalikes_are_all_the_letters_re_matches_to_ascii_ones_ignoring_case():
    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    lookalikes = [chr(c) for c in range(0x80, 0x110000) if ascii_letter.match(chr(c))]
    assert lookalikes == ["\u0130", "\u0131", "\u017f", "\u212a"]
    assert all(lower_for_required_texts(f"we need your help {c}") is None for c in lookalikes)
    assert lower_for_required_texts("We need your help \u2019\u00e9") == "we need your help \u2019\u00e9"



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
