from __future__ import annotations

import pytest

from generator.text import slugify


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
