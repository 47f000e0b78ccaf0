"""Tests for generator.extract.outlets.candidates: the names any site gives of itself,
each a span of the page (nothing invented), and for scoring.py's choice among them."""

from __future__ import annotations

import pytest

from generator.extract.outlets.candidates import FEATURES, read_candidates
from generator.extract.outlets.scoring import score_outlet
from generator.model import Field, Provenance


@pytest.mark.parametrize(
    ("page", "name", "cue"),
    [
        ("Storm hits the coast - Gulf Courier\n\nText.", "Gulf Courier", "title"),
        ("Text.\n© 2021 Harbour Media Pty Ltd. All rights reserved.", "Harbour Media", "copyright"),
        ("Text.\nCopyright © 2000- Quiltnews.com, LLC.", "Quiltnews.com", "copyright"),
        ("Text.\n© COMPUTER BILD www.computerbild.de", "COMPUTER BILD", "copyright"),
        ("Text.\n© 2022 Bundesministerium für wirtschaftliche Zusammenarbeit und Entwicklung", "Bundesministerium für wirtschaftliche Zusammenarbeit und Entwicklung", "copyright"),
        ("Text.\nFollow Gulf Courier on Twitter", "Gulf Courier", "prompt"),
        ("Text.\nSign up to The Daily Quill", "The Daily Quill", "prompt"),
        ("Text.\nFolgen Sie der CHEMIE TECHNIK", "CHEMIE TECHNIK", "prompt"),
        ("Text.\nDOMRADIO.DE - zur Startseite", "DOMRADIO.DE", "prompt"),
        ("Text.\nMehr auf www.heimatblatt.de lesen", "heimatblatt.de", "domain"),
    ],
)
def test_read_candidates_finds_the_name_the_page_writes(page, name, cue):
    found = {c.name: c for c in read_candidates(page).values()}
    assert name in found, sorted(found)
    assert found[name].cues[cue] >= 1
    assert name in page  # a span of the page: never invented


@pytest.mark.parametrize(
    "page",
    [
        "Text.\n© Jane Doe/Agency",  # a picture's credit
        "Text.\nhttps://www.facebook.com/share",  # every site links there
        "Just a paragraph of text without any name of a site in it.",
    ],
)
def test_read_candidates_offers_no_name_where_the_page_gives_none(page):
    assert [c.name for c in read_candidates(page).values() if c.cues["copyright"] or c.cues["domain"]] == []


def test_score_outlet_keeps_a_sure_rule_based_decision():
    sure = Field("Reuters", Provenance("url-host", "https://www.reuters.com/x", 0.9))
    page = "Storm hits the coast - Gulf Courier\n\nFollow Gulf Courier\n© 2021 Gulf Courier"
    assert score_outlet(page, None, sure) is sure


def test_score_outlet_names_the_site_the_page_names_and_says_why():
    page = "Storm hits the coast - Gulf Courier\n\nText of the article.\nFollow Gulf Courier\n© 2021 Gulf Courier. All rights reserved."
    found = score_outlet(page, None, None)
    assert found is not None and found.value == "Gulf Courier"
    assert found.provenance.method == "site-evidence" and "title" in found.provenance.evidence
    assert 0 < found.provenance.confidence < 1


def test_features_have_one_value_each():
    from generator.extract.outlets.scoring import gather_candidates

    rows = gather_candidates("Storm hits the coast - Gulf Courier\n\nText.", None, None)
    assert rows and all(len(features) == len(FEATURES) for _c, features in rows)
