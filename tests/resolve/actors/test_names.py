"""Tests for generator/resolve/actors/names.py: the parts, comparison and canonical form of personal names."""

from __future__ import annotations

import pytest

from generator.resolve.actors.names import are_same_person, compose_person_name, core_keys, surname_key
from generator.text import slugify


@pytest.mark.parametrize(
    ("surface", "cores", "surname"),
    [
        ("Moaz Al-Khatib", ("moaz", "khatib"), "khatib"),
        ("Mouaz Al Khatib", ("mouaz", "khatib"), "khatib"),
        ("al-Khatib", ("khatib",), "khatib"),
        ("Mohammed bin Salman", ("mohammed", "salman"), None),  # a patronymic, not a surname
        ("Ursula von der Leyen", ("ursula", "leyen"), "leyen"),
        ("Ben Rhodes", ("ben", "rhodes"), "rhodes"),  # a capitalised "Ben" is a given name
        ("Andrés Manuel López Obrador", ("andres", "manuel", "lopez", "obrador"), "obrador"),
    ],
)
def test_name_parts(surface: str, cores: tuple[str, ...], surname: str | None) -> None:
    assert core_keys(surface) == cores
    assert surname_key(surface) == surname


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Sergei Lavrov", "Sergey Lavrov", True),
        ("Sergey Shoigu", "Sergei Shoygu", True),
        ("Moaz al-Khatib", "Mouaz Al Khatib", True),
        ("Ahmed Moaz al-Khatib", "Moaz al-Khatib", True),
        ("Bashar Assad", "Bashar Al Assad", True),
        ("Andrés Manuel López Obrador", "López Obrador", True),
        ("Riyad Hijab", "Riyad Naasan", False),
        ("Moaz al-Khatib", "Ahmed al-Khatib", False),  # one surname, two people
        ("Mohammed bin Salman", "Mohammad Kamel Amr", False),
        ("Bashar al-Assad", "Hafez al-Assad", False),
        ("Robert S. Mueller III", "Robert Mueller", True),  # a numeral names no one apart
        ("James R. Clapper Jr.", "James Clapper Jr.", True),
        ("Donald Trump Jr.", "Donald Trump", False),  # a son and his father
        ("J. David Cox Sr.", "David Cox Jr.", False),
        # issue 26: forms of one given name (the nicknames list), only with one surname
        ("Chuck Schumer", "Charles Schumer", True),
        ("Joe Biden", "Joseph Biden", True),
        ("Bill Clinton", "William Clinton", True),
        ("Bill Clinton", "Hillary Clinton", False),
        ("Chuck Schumer", "Charles Darwin", False),
    ],
)
def test_same_person(a: str, b: str, same: bool) -> None:
    assert are_same_person(a, b) is same


@pytest.mark.parametrize(
    ("forms", "canonical"),
    [
        ([("Bashar Assad", 3), ("Bashar Al Assad", 1), ("al-Assad", 5)], "Bashar al-Assad"),
        (
            [("Moaz Al-Khatib", 2), ("Mouaz Al Khatib", 1), ("Ahmed Moaz al-Khatib", 1), ("Al-Khatib", 1)],
            "Moaz al-Khatib",
        ),
        ([("Sergei Lavrov", 4), ("Sergey Lavrov", 1), ("Lavrov", 9)], "Sergei Lavrov"),
        ([("Abu Bakr al-Baghdadi", 1), ("al-Baghdadi", 2)], "Abu Bakr al-Baghdadi"),
        ([("Andrés Manuel López Obrador", 1), ("López Obrador", 1)], "Andrés Manuel López Obrador"),
        # a two-word surname opening on a common word is the long name's tail
        ([("Black Elk", 2), ("Linda Black Elk", 1)], "Linda Black Elk"),
        # given names alone open the full name; with the surname said alone they are one
        ([("Te Kaurinui", 3), ("Te Kaurinui Parata", 1), ("Te Kaurinui Robert Parata", 1)], "Te Kaurinui Parata"),
        ([("Margaret Hamilton", 3), ("Margaret Hamilton Lego", 1), ("Hamilton", 2)], "Margaret Hamilton"),
        # the son's page keeps his "Jr.", so it is not named as his father's
        ([("Donald Trump Jr.", 2), ("Trump Jr.", 1)], "Donald Trump Jr."),
        ([("Robert S. Mueller III", 1), ("Robert Mueller", 2)], "Robert Mueller"),
        # after a hand merge: a run of two names glued together never names the page
        ([("Kristi Noem Kristi Lynn Noem South", 1), ("Kristi Noem", 1), ("Noem", 4)], "Kristi Noem"),
        ([("Kristi Noem Kristi Lynn Noem South", 3), ("Kristi Lynn Noem", 1)], "Kristi Lynn Noem"),
        ([("Dee Dee Myers", 1), ("Myers", 2)], "Dee Dee Myers"),
    ],
)
def test_canonical_person_name(forms: list[tuple[str, int]], canonical: str) -> None:
    assert compose_person_name(forms) == canonical


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Bashar al-Assad", "bashar-al-assad"),
        ("López Obrador", "lopez-obrador"),
        ("U.N. Security Council", "u-n-security-council"),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug
