"""Tests for generator.extract.outlets.candidates: the names any site gives of itself,
each a span of the page (nothing invented), and for scoring.py's choice among them."""

from __future__ import annotations

import pytest

from generator.extract.outlets.candidates import (
    FEATURES,
    Candidate,
    candidate_features,
    count_agreeing,
    names_no_site,
    read_candidates,
    read_page_signs,
)
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
        # the copyright holder behind a separator, a second sign, a legal form with more after it, a year after it
        ("Text.\n© 2020 | Frau Kranich sagt | Theme by X", "Frau Kranich sagt", "copyright"),
        ("Text.\nCopyright 2020 © The Quill Review. All rights reserved.", "The Quill Review", "copyright"),
        ("Text.\n© Copyright Statistik Welt – Legal Notice", "Statistik Welt", "copyright"),
        ("Text.\n© 2019 HEIDE POST Verlag GmbH & Co. KG - Alle Rechte vorbehalten.", "HEIDE POST", "copyright"),
        ("Text.\nCOPYRIGHT 2023 BLAUWAL HILFE E. V.", "BLAUWAL HILFE", "copyright"),
        ("Text.\n© Brettsport MSM 2019", "Brettsport MSM", "copyright"),
        # the site's own newsletter, store, jobs, inbox, thanks and accounts
        ("Text.\nSign Up for the Uptown Ledger Newsletter", "Uptown Ledger", "prompt"),
        ("Text.\nKranich Newsletter", "Kranich", "prompt"),
        ("Text.\n+ Harbor Herald Store", "Harbor Herald", "prompt"),
        ("Text.\nJobs bei TAG99", "TAG99", "prompt"),
        ("Text.\nGet Loud Ears to your inbox daily", "Loud Ears", "prompt"),
        ("Text.\nThanks for contributing an answer to Latin Language Stack Exchange!", "Latin Language Stack Exchange", "prompt"),
        ("Text.\nPepWorld @ Twitter", "PepWorld", "prompt"),
        ("Text.\nFolge “Der Nachtsetzer”", "Der Nachtsetzer", "prompt"),
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


@pytest.mark.parametrize(
    ("names", "agreeing"),
    [
        (["Kranich", "Kranich.de", "uns"], [1, 1, 0]),  # the same letters once the domain ending is off
        (["HEIDE POST", "heidepost.de", "www.heidepost.de"], [2, 2, 2]),  # a name fitting a domain
        (["Gulf Courier", "Harbour Media"], [0, 0]),
    ],
)
def test_count_agreeing(names, agreeing):
    assert count_agreeing(names) == agreeing


@pytest.mark.parametrize(
    ("name", "common"),
    [("uns", 1.0), ("Über uns", 1.0), ("Startseite", 1.0), ("La Cuarta", 0.0), ("Die Zeit", 0.0)],
)
def test_all_common_marks_names_of_chrome_and_function_words(name, common):
    signs = read_page_signs(f"Text.\n{name}")
    assert candidate_features(Candidate(name), signs, 0.0)[FEATURES.index("all_common")] == common


@pytest.mark.parametrize(("name", "no_site"), [("We", True), ("Über uns", True), ("Die", True), ("Die Zeit", False), ("WDR", False)])
def test_names_no_site(name, no_site):
    assert names_no_site(name) is no_site


def test_score_outlet_drops_a_rule_based_name_of_common_words():
    rules = Field("We", Provenance("site-self-name", 'the site names itself: "We recommend"', 0.66))
    assert score_outlet("We recommend the best products.\nText of the article.", None, rules) is None


def test_features_have_one_value_each():
    from generator.extract.outlets.scoring import gather_candidates

    rows = gather_candidates("Storm hits the coast - Gulf Courier\n\nText.", None, None)
    assert rows and all(len(features) == len(FEATURES) for _c, features in rows)
