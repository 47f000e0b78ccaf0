"""The headline's sub-line readings and its doubt, on small synthetic texts."""

from __future__ import annotations

from generator.extract.clean import clean_seed_text
from generator.extract.fields import extract_title
from generator.extract.headline_features import split_parts, variants


def test_a_list_number_a_stray_mark_or_a_date_is_cut_off():
    never = lambda text: False  # noqa: E731
    assert ("Snow weighs on solar panels", "mark") in variants("3. # Snow weighs on solar panels", never, 4)
    assert ("The council meets again", "mark") in variants("27.01.2022 The council meets again", never, 4)
    # a word and a number are no date: "The 5 Biggest Mistakes" keeps its words
    assert not any(kind == "mark" for _, kind in variants("The 5 Biggest Mistakes", never, 4))


def test_a_kicker_is_cut_off_only_where_the_page_echoes_the_rest():
    rest = "So went the auction of the old chairs"
    echoed = lambda text: text == rest  # noqa: E731
    assert (rest, "glued") in variants(f"Local News {rest}", echoed, 4)
    assert not any(kind == "glued" for _, kind in variants(f"Local News {rest}", lambda text: False, 4))


def test_breadcrumb_parts_and_title_line_parts():
    found = dict(variants("Home » Recipes » Peanut Butter Truffles", lambda text: False, 4))
    assert found.get("Peanut Butter Truffles") == "part"
    assert split_parts("A quiet harbour town - The Daily Example") == ["A quiet harbour town", "The Daily Example"]


PAGE = """Home
News
Sport

The river town votes on its new bridge

By Ann Example
12.03.2021 10:15

The town council of a small river town voted on Tuesday to build a new bridge over the river, after years of debate about its cost and its place.
Residents had asked for the bridge for a long time, because the old ferry is slow and often stops running in winter when the water is high.
The work is to begin next spring and to end two years later, the council said, and the cost is to be shared with the region.
"""


def test_a_found_headline_carries_its_calibrated_doubt_into_the_title_field():
    doc = clean_seed_text(PAGE)
    assert doc.title == "The river town votes on its new bridge"
    assert doc.title_doubt is not None and 0.0 < doc.title_doubt.probability < 1.0
    field = extract_title(doc)
    assert field is not None and field.provenance.confidence == doc.title_doubt.probability
