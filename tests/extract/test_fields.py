"""The article's fields (extract/fields.py): what an HTML page's metadata states against what its text gives."""

from __future__ import annotations

import pytest

from generator.extract.clean import clean_seed_text
from generator.extract.fields import extract_article
from generator.model import Seed

TEXT = "Dockers end strike\n\nDock workers in Antwerp returned to work on Thursday after a four-day strike over pensions, the union said.\n"
LINES = "Home\nDockers end strike\n{byline}\nDock workers in Antwerp returned to work on Thursday."


def _authors(meta: str | None, byline: str | None, outlet: str | None = None):
    stated = [("title", "Dockers end strike", "<h1>")]
    if meta:
        stated.append(("authors", meta, f"the page's author metadata: {meta!r}"))
    if outlet:
        stated.append(("outlet", outlet, "og:site_name"))
    if byline:
        stated.append(("byline_lines", LINES.format(byline=byline), "the page's lines around its headline"))
    seed = Seed(id="a", path="a.html", text=TEXT, sha256="0" * 64, stated=tuple(stated))
    field = extract_article(seed, clean_seed_text(TEXT, extracted_article=True), use_curation=False).authors
    return (field.value, field.provenance.method, field.provenance.confidence) if field else None


@pytest.mark.parametrize(
    ("meta", "byline", "outlet", "names", "method"),
    [
        # the metadata alone, tidied: a label off, the site beside a person out
        ("Auteur Jan Peeters", None, None, ("Jan Peeters",), "html-meta"),
        ("The Antwerp Times; Jan Peeters", None, "The Antwerp Times", ("Jan Peeters",), "html-meta"),
        # no metadata: the byline of the page's own lines around its headline
        (None, "Von Jan Peeters | 14.03.2019", None, ("Jan Peeters",), "byline"),
        # the byline names some of the metadata's names: the byline is the record
        ("Port Weekly; Jan Peeters", "By Jan Peeters", None, ("Jan Peeters",), "byline"),
        ("Port Weekly; Jan Peeters", "[Jan Peeters](/autor/jan-peeters/)", None, ("Jan Peeters",), "byline-name"),
        # a desk alone in the metadata gives way to a person the page's lines name
        ("Redaktion", "[Jan Peeters](/autor/jan-peeters/)", None, ("Jan Peeters",), "byline-name"),
        ("Redaktion", None, None, ("Redaktion",), "html-meta"),
        # a template's word is no author
        ("Follow", None, None, None, None),
    ],
)
def test_stated_authors(meta, byline, outlet, names, method):
    got = _authors(meta, byline, outlet)
    assert (got[0] if got else None) == names
    assert (got[1] if got else None) == method


def test_a_desk_alone_in_the_metadata_is_weaker_than_a_person():
    desk, person = _authors("Redaktion", None), _authors("Jan Peeters", None)
    assert desk[2] < person[2]


def _date(meta: str | None, byline: str | None):
    stated = [("title", "Dockers end strike", "<h1>")]
    if meta:
        stated.append(("date", meta, "htmldate"))
    if byline:
        stated.append(("byline_lines", LINES.format(byline=byline), "the page's lines around its headline"))
    seed = Seed(id="a", path="a.html", text=TEXT, sha256="0" * 64, stated=tuple(stated))
    field = extract_article(seed, clean_seed_text(TEXT, extracted_article=True), use_curation=False).date
    return (field.value.iso(), field.provenance.method) if field else None


@pytest.mark.parametrize(
    ("meta", "byline", "expected"),
    [
        # neither the text nor the metadata dates the page: the stamp next to its headline does
        (None, "14.03.2019", ("2019-03-14", "dateline-date")),
        (None, "Veröffentlicht am 14. März 2019", ("2019-03-14", "published-label")),
        # the metadata's date stands; a line that is no stamp dates nothing
        ("2019-03-15", "14.03.2019", ("2019-03-15", "html-meta")),
        (None, "Ein Satz über den Streik vom 14. März 2019, der kein Stempel ist und weitergeht.", None),
    ],
)
def test_an_html_page_undated_otherwise_is_dated_by_the_stamp_by_its_headline(meta, byline, expected):
    assert _date(meta, byline) == expected
