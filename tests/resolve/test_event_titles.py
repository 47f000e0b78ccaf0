"""An event's title (resolve/event_titles.py): a stated headline, else a report's lead."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.model import Field, Provenance
from generator.resolve.event_titles import choose_event_title, choose_event_title_source, shorten_at_clause
from tests.resolve.test_events import make_article


@pytest.mark.parametrize(
    ("articles", "expected"),
    [
        ([("1", "2016-10-08", "A much longer headline"), ("2", "2016-10-08", "Short one")], "Short one"),
        ([("1", "2016-10-08", "A much longer headline"), ("2", "2016-10", "Short one")], "A much longer headline"),
        ([("1", None, "Short"), ("2", "2016", "Longer  headline")], "Longer headline"),
        ([("1", None, "Same"), ("2", None, "Same")], "Same"),
        ([("1", None, "  ")], "Untitled event"),
    ],
)
def test_choose_event_title(articles: list[tuple[str, str | None, str]], expected: str) -> None:
    assert choose_event_title([make_article(i, d, "", "", t) for i, d, t in articles]) == expected


FILE_NAMED = Provenance("file-name", "12_1_1.txt", 0.1, "default")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Navy foils pirate attack.", "Navy foils pirate attack"),
        # cut at the last clause break within 110 characters
        (
            "The Indian Navy on Saturday prevented pirates from attacking a merchant vessel in the Gulf "
            "of Aden and took 23 into custody after a chase.",
            "The Indian Navy on Saturday prevented pirates from attacking a merchant vessel in the Gulf of Aden",
        ),
        # not inside a list of names ("IBF, IBO and WBO"), nor leaving too little
        (
            "Wladimir Klitschko retained his IBF, IBO and WBO heavyweight titles with a one-sided "
            "seventh-round stoppage of Hasim Rahman in Mannheim on Saturday night.",
            "Wladimir Klitschko retained his IBF, IBO and WBO heavyweight titles",
        ),
        # no clause break: at a word, with an ellipsis
        ("Word " * 40, ("Word " * 22).strip() + "…"),
    ],
)
def test_shorten_at_clause(sentence: str, expected: str) -> None:
    assert shorten_at_clause(sentence) == expected


def test_an_event_without_headlines_takes_a_lead_never_a_later_sentence() -> None:
    text = "Gunmen killed three guards at a bank in Lagos on Monday. Police said. Later sentences."
    reports = [replace(make_article(i, None, "", text + "\nA second paragraph here."), title=Field(f"{i}", FILE_NAMED)) for i in ("1", "2")]
    title, provenance, source = choose_event_title_source(reports)
    assert title == "Gunmen killed three guards at a bank in Lagos on Monday"
    assert (provenance.method, source) == ("report-lead", "1")
    # a first paragraph that is no prose gives no lead: the next report's, then the file name
    menu = replace(make_article("0", None, "", "Home | News | Sport\n" + text), title=Field("0", FILE_NAMED))
    assert choose_event_title_source([menu, reports[1]])[2] == "2"
    assert choose_event_title_source([menu])[0] == "0"


def test_a_stated_headline_wins_and_says_which_report_gave_it() -> None:
    reports = [make_article("1", None, "", "Lead sentence of one."), replace(make_article("2", None, "", "x"), title=Field("2", FILE_NAMED))]
    title, provenance, source = choose_event_title_source(reports)
    assert (title, provenance.method, source) == ("A headline", "report-headline", "1")
