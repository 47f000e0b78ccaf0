from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.text import normalise_key, slugify


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Moaz Al-Khatib", "moaz-al-khatib"),
        ("Russia's move", "russias-move"),
        ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
        ("Straße", "strasse"),
        ("  --  ", "untitled"),
        ("习近平", "untitled"),
        ("../../etc/passwd", "etc-passwd"),
        ("Official: Russia invites head of Syrian opposition for talks", "official-russia-invites-head-of-syrian-opposition-for-talks"),
    ],
)
def test_slugify(text, expected):
    assert slugify(text) == expected


def test_slug_is_cut_at_a_word_boundary():
    assert slugify("alpha beta gamma delta", max_length=12) == "alpha-beta"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“Hello,” she said.", "hello she said"),
        ('"Hello," she said', "hello she said"),
        ("  — Straße 3_a —  ", "strasse 3_a"),
        ("...", ""),
        ("", ""),
    ],
)
def test_normalise_key(text, expected):
    assert normalise_key(text) == expected


@settings(max_examples=200, deadline=None, derandomize=True)
@given(text=st.text(max_size=40))
def test_normalise_key_is_the_words_with_what_lies_between_as_one_space(text):
    # the definition the key had before it was computed from the words alone
    assert normalise_key(text) == re.sub(r"\W+", " ", text).strip().casefold()
