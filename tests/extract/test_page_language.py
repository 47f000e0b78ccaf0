"""Which language a page is in (generator/extract/page_language.py)."""

from __future__ import annotations

import pytest

from generator.extract.page_language import classify_language, detect_language, function_words
from generator.extract.page_lines import read_lines


@pytest.mark.parametrize(
    ("lines", "language"),
    [
        # plainly English: taken on its function words alone
        (["The minister said on Friday that the talks with the unions would go on for another week."] * 2, "en"),
        (["Le gouvernement a annoncé mardi une nouvelle série de mesures pour les familles."] * 2, "fr"),
        (["Die Bundesregierung hat am Dienstag neue Maßnahmen für Familien mit Kindern beschlossen."] * 2, "de"),
        (["El Gobierno anunció el martes una nueva serie de medidas para las familias con hijos."] * 2, "es"),
        # too little text to say: a menu's short lines
        (["Home", "News", "Sport", "Weather"], None),
    ],
)
def test_detect_language(lines, language):
    assert detect_language(read_lines(lines)) == language


def test_classify_language_is_py3langid_s_code():
    assert classify_language("Das ist ein ganz normaler deutscher Satz über das Wetter in Berlin.") == "de"


def test_function_words_are_lower_case_per_language():
    words = function_words()
    assert {"en", "de", "fr", "es"} <= set(words)
    assert all(w == w.lower() for ws in words.values() for w in ws)
    assert "the" in words["en"] and "der" in words["de"]
