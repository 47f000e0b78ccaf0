"""publish/review.py: what the archivist should check."""

from __future__ import annotations

from generator.publish.review import review_items


def test_review_lists_missing_and_inferred_fields_but_never_curated_ones(archive, archive_uncurated):
    uncurated = {a.id: {field for field, _, _ in review_items(a)} for a in archive_uncurated.articles}
    assert "date" in uncurated["002_5854f3fa609f6d5e"], "no date in the text: listed"
    assert "outlet" in uncurated["003_94fa457a95864067"], "no outlet in the text: listed"
    assert "date" in uncurated["001_b3644d8a320e78a4"], "year inferred from a sister article: listed"
    assert "title" not in uncurated["000_fd73cf28fdfb5874"] and "date" not in uncurated["000_fd73cf28fdfb5874"]
    curated = {a.id: {field for field, _, _ in review_items(a)} for a in archive.articles}
    assert curated["004_208d8fdeb8cb703d"] == set(), "curated date and outlet are not listed"
    assert "outlet" not in curated["003_94fa457a95864067"], "a curated null confirms there is none"


# --- "Check first": records likely wrong, by the calibrated doubts -----------------------

import dataclasses  # noqa: E402

import markdown  # noqa: E402
import pytest  # noqa: E402

from generator.model import Archive, Article, Block, CleanDoc, Doubt, Field, Provenance  # noqa: E402
from generator.publish.pages import render_article_page  # noqa: E402
from generator.publish.review import check_first_thresholds, list_check_first, record_doubts, render_review_page  # noqa: E402
from generator.publish.sitemap import compose_fresh_sitemap  # noqa: E402
from generator.settings import Settings  # noqa: E402


def _doubted(id: str, title: Doubt | None, body: Doubt | None, tier: str = "extracted") -> Article:
    return Article(
        id=id,
        source_path=f"seeds/{id}.txt",
        sha256="ab" * 32,
        title=Field(f"Headline {id}", Provenance("title-line", "line 3", title.probability if title else 0.9, tier=tier)),
        doc=CleanDoc((Block("paragraph", "Text of the article."),), (), title_doubt=title, body_doubt=body),
    )


LOW_HEADLINE = Doubt(0.2, "headline may be a sidebar story")
LOW_BODY = Doubt(0.3, "body may include other stories")
SURE = Doubt(0.97)


@pytest.mark.parametrize(
    ("title", "body", "tier", "parts"),
    [
        (SURE, SURE, "extracted", []),
        (LOW_HEADLINE, SURE, "extracted", ["headline"]),
        (SURE, LOW_BODY, "extracted", ["body"]),
        (LOW_HEADLINE, LOW_BODY, "extracted", ["headline", "body"]),
        (LOW_HEADLINE, None, "curated", []),  # the archivist's title is never doubted
        (None, None, "extracted", []),  # no model judged it (an HTML page's title)
    ],
)
def test_record_doubts_lists_parts_below_their_thresholds(title, body, tier, parts):
    assert [part for part, _ in record_doubts(_doubted("a", title, body, tier))] == parts


def test_thresholds_are_probabilities():
    assert all(0 < p < 1 for p in check_first_thresholds().values())


def test_check_first_lists_the_likeliest_wrong_first_with_reasons():
    articles = (
        _doubted("b", SURE, LOW_BODY),
        _doubted("a", LOW_HEADLINE, SURE),
        _doubted("c", SURE, SURE),
    )
    archive = Archive(articles, (), ())
    assert [a.id for a, _ in list_check_first(archive)] == ["a", "b"]
    page = render_review_page(archive, compose_fresh_sitemap(archive)).body
    section = page.split("## Check first (2)", 1)[1].split("## ", 1)[0]
    assert section.index("Headline a") < section.index("Headline b")
    assert "headline may be a sidebar story (likely right: 20%)" in section
    assert "body may include other stories (likely right: 30%)" in section
    assert "Headline c" not in section
    fields = page.split("## Fields to check", 1)[1].split("## ", 1)[0]
    assert "| title |" not in fields, "a doubted headline is listed once, under Check first"


def test_article_page_says_quietly_when_its_record_is_doubtful():
    doubtful, sure = _doubted("a", LOW_HEADLINE, SURE), _doubted("b", SURE, SURE)
    archive = Archive((doubtful, sure), (), ())
    sitemap = compose_fresh_sitemap(archive)
    settings = Settings(site_url="https://me.github.io/repo/")
    html = markdown.markdown(render_article_page(doubtful, archive, sitemap, settings).body, extensions=["attr_list"])
    assert 'class="na-doubt"' in html and "headline may be a sidebar story" in html
    assert 'data-pagefind-ignore="all"' in html, "the note is not searchable text"
    assert html.index("na-doubt") < html.index("Date:"), "under the title, before the header"
    assert "na-doubt" not in render_article_page(sure, archive, sitemap, settings).body


def test_the_home_page_links_the_records_to_check_first_only_when_there_are_some():
    from generator.publish.pages import render_home_page

    settings = Settings(site_url="https://me.github.io/repo/")
    doubtful = Archive((_doubted("a", LOW_HEADLINE, SURE), _doubted("b", SURE, SURE)), (), ())
    home = render_home_page(doubtful, compose_fresh_sitemap(doubtful), settings).body
    assert "[1 record to check first](review.md)" in home
    sure = Archive((_doubted("b", SURE, SURE),), (), ())
    assert "check first" not in render_home_page(sure, compose_fresh_sitemap(sure), settings).body


# --- "Fields to check": the likeliest wrong first, each row saying where to write ---------

import datetime as dt  # noqa: E402

from generator.model import DateValue  # noqa: E402
from generator.publish.review import list_review_rows, sidecar_of  # noqa: E402


def _dated(id: str, confidence: float | None, tier: str = "extracted", outlet: bool = True) -> Article:
    date = Field(DateValue(dt.date(2015, 8, 5)), Provenance("test-method", "a line", confidence, tier=tier)) if confidence else None
    return dataclasses.replace(
        _doubted(id, SURE, SURE),
        source_path=f"seeds/sub/{id}.txt",
        date=date,
        outlet=Field("CNN", Provenance("byline", "CNN", 0.9)) if outlet else None,
    )


@pytest.mark.parametrize(
    ("articles", "expected"),
    [
        # lowest confidence first, an inferred one by its confidence too, missing values last
        (
            [_dated("a", 0.65), _dated("b", None), _dated("c", 0.4), _dated("d", 0.75, tier="inferred")],
            [("c", "date", 0.4), ("a", "date", 0.65), ("d", "date", 0.75), ("b", "date", None)],
        ),
        # ties by article id, then the fields' order (title, date, outlet)
        (
            [_dated("b", None, outlet=False), _dated("a", None, outlet=False)],
            [("a", "date", None), ("a", "outlet", None), ("b", "date", None), ("b", "outlet", None)],
        ),
        ([_dated("a", 0.9)], []),  # sure and extracted: nothing to check
    ],
)
def test_fields_to_check_are_ordered_likeliest_wrong_first(articles, expected):
    rows = list_review_rows(Archive(tuple(articles), (), ()))
    assert [(a.id, name, p) for a, name, _, _, p in rows] == expected


def test_each_row_links_the_article_and_names_the_sidecar_and_key():
    archive = Archive((_dated("a", 0.4), _doubted("h", LOW_HEADLINE, LOW_BODY)), (), ())
    page = render_review_page(archive, compose_fresh_sitemap(archive)).body
    fields = page.split("## Fields to check (3)", 1)[1].split("## ", 1)[0]  # a, and h's missing date and outlet
    row = next(line for line in fields.splitlines() if line.startswith("| [Headline a]"))
    assert "(articles/2015-08-05-headline-a.md)" in row
    assert "| 40% |" in row and "`seeds/sub/a.meta.yml`, key `date:`" in row
    first = page.split("## Check first (1)", 1)[1].split("## ", 1)[0]
    row = next(line for line in first.splitlines() if line.startswith("| [Headline h]"))
    assert "`seeds/h.meta.yml`, key `title:`" in row and "the text of `seeds/h.txt`" in row
    assert page.count('<div class="na-review" markdown>') == 2


@pytest.mark.parametrize(
    ("source_path", "sidecar"),
    [("seeds/x.txt", "seeds/x.meta.yml"), ("seeds/2019.bbc.html", "seeds/2019.bbc.meta.yml"), ("x.md", "x.meta.yml")],
)
def test_sidecar_of(source_path, sidecar):
    assert sidecar_of(dataclasses.replace(_doubted("a", None, None), source_path=source_path)) == sidecar


@pytest.mark.parametrize(
    ("probability", "listed_under"),
    [
        (0.2, "check first"),  # below the check-first threshold: listed there only
        (0.65, "fields to check"),  # between the check-first threshold (0.6) and REVIEW_BELOW (0.7)
        (0.95, None),  # likely right: listed nowhere
    ],
)
def test_a_judged_headline_below_review_below_is_listed_once(probability, listed_under):
    article = _doubted("a", Doubt(probability, "headline may be a sidebar story"), SURE)
    archive = Archive((article,), (), ())
    in_check_first = bool(list_check_first(archive))
    in_fields = "title" in [name for _, name, _, _, _ in list_review_rows(archive)]
    assert (in_check_first, in_fields) == (listed_under == "check first", listed_under == "fields to check")
