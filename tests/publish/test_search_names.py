"""Tests for generator/publish/search_names.py: the names a page is found by in the search."""

from __future__ import annotations

import pytest

from generator.model import Actor, Event
from generator.publish.search_names import (
    compose_actor_known_as,
    compose_actor_search_names,
    is_event_searched,
    join_search_forms,
    normalise_search_form,
)


@pytest.mark.parametrize(
    ("form", "searched"),
    [
        ("Kim Jong-un", "Kim Jong un"),  # the search box reads "Jong-un" as "Jong un" too
        ("Moaz Al‐Khatib", "Moaz Al Khatib"),  # a Unicode hyphen
        ("Trump’s", "Trump"),  # a possessive would count as a second word for "Trump"
        ("Assad's  regime", "Assad regime"),
        ("Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan"),  # Pagefind folds diacritics itself
        ("2015 - 2016", "2015 - 2016"),  # a dash between spaces joins nothing
        ("  line\nbreak ", "line break"),
    ],
)
def test_a_form_is_written_as_the_search_reads_it(form, searched):
    assert normalise_search_form(form) == searched


def test_forms_are_joined_once_each_whatever_their_case_and_hyphens():
    assert join_search_forms(["Kim Jong-un", "Kim Jong Un", "kim jong un", "", "Kim"]) == "Kim Jong un · Kim"
    assert join_search_forms([]) == ""


def _actor(name: str, surfaces: tuple[str, ...]) -> Actor:
    return Actor("x", name, "person", surfaces, ("a1",))


@pytest.mark.parametrize(
    ("name", "surfaces", "names", "known_as"),
    [
        # the surname the texts use alone: a field of its own, so "Trump" ranks him first
        ("Donald Trump", ("Donald J. Trump", "Donald Trump", "Trump"), "Donald Trump · Donald J. Trump · Trump", "Donald J. Trump · Trump"),
        ("Ivanka Trump", ("Ivanka Trump",), "Ivanka Trump", ""),
        ("Moaz al-Khatib", ("Moaz al-Khatib", "Mouaz Al Khatib"), "Moaz al Khatib · Mouaz Al Khatib", "Mouaz Al Khatib"),
    ],
)
def test_an_actor_is_found_by_its_name_and_every_spelling(name, surfaces, names, known_as):
    actor = _actor(name, surfaces)
    assert compose_actor_search_names(actor) == names
    assert compose_actor_known_as(actor) == known_as


@pytest.mark.parametrize(("reports", "searched"), [(1, False), (2, True), (5, True)])
def test_an_event_of_one_report_is_left_to_its_report(reports, searched):
    event = Event("e", "Talks", None, tuple(f"a{i}" for i in range(reports)))
    assert is_event_searched(event) is searched
