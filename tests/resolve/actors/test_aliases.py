"""Tests for generator/resolve/actors/aliases.py: a name written with "née X", "born X" or
"formerly X" beside it is one person under both names, in the article and across the archive."""

from __future__ import annotations

import pytest

from generator.model import Block, CleanDoc, Mention
from generator.resolve.actors import extract_mentions, resolve_actors


def doc_of(*paragraphs: str) -> CleanDoc:
    return CleanDoc(blocks=tuple(Block(kind="paragraph", text=p) for p in paragraphs), removed=())


def pages(*articles: str) -> dict[str, set[str]]:
    """Each actor's name with the surfaces its mentions used, the articles built as one archive."""
    mentions = {f"a{i}": extract_mentions(doc_of(*text.split("\n"))) for i, text in enumerate(articles)}
    actors, _ = resolve_actors(mentions)
    return {a.name: set(a.surfaces) | {a.name} for a in actors if a.type == "person"}


ONE_PERSON = [
    # (article texts, a current name, the earlier spelling that must land on its page)
    (
        ["Ellen Fetter had married John Gille and changed her name.\n"
         "Rothman got Ellen Gille, née Fetter, on the phone. Fetter said she remembered."],
        "Ellen Gille",
        "Ellen Fetter",
    ),
    (
        ["Officials said Mary Smith (née Jones) had left. Mary Jones worked there until 1990."],
        "Mary Smith",
        "Mary Jones",
    ),
    (
        ["The report said Anna Kowalski, born Nowak, had moved. Anna Nowak was a teacher then."],
        "Anna Kowalski",
        "Anna Nowak",
    ),
    (
        ["Critics said Jane Doe, formerly Jane Roe, spoke.\nJane Roe said nothing more."],
        "Jane Doe",
        "Jane Roe",
    ),
    (   # the earlier name in another article of the archive joins her page too
        ["Rothman got Ellen Gille, née Fetter, on the phone, he said.",
         "The programmer Ellen Fetter said the code ran on the machine."],
        "Ellen Gille",
        "Ellen Fetter",
    ),
]


@pytest.mark.parametrize("articles,current,earlier", ONE_PERSON)
def test_an_earlier_name_lands_on_the_current_page(articles: list[str], current: str, earlier: str) -> None:
    found = pages(*articles)
    assert current in found, found
    assert earlier in found[current], found


APART = [
    # (article text, a page, a spelling that must not be on it): "born" before a place or a date
    ("Officials said Tom Baker, born London, spoke. Tom London said nothing.", "Tom Baker", "Tom London"),
    ("Officials said Sam Reed, born Tuesday, was well. Sam Tuesday said nothing.", "Sam Reed", "Sam Tuesday"),
    # a bare earlier surname another person of the article bears stays his
    ("Officials said Ellen Gille, née Fetter, spoke. Tom Fetter said Fetter was away.", "Ellen Gille", "Fetter"),
]


@pytest.mark.parametrize("text,page,other", APART)
def test_no_earlier_name_without_its_marker(text: str, page: str, other: str) -> None:
    found = pages(text)
    assert page in found, found
    assert other not in found[page], found
