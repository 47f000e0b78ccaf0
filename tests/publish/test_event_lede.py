"""The lede each report shows on its event page ("How each outlet reported it")."""

from __future__ import annotations

import pytest

from generator.model import Article, Block, CleanDoc, Field, Provenance
from generator.publish.pages import LEDE_MAX_CHARS, _lede

PROV = Provenance("test", "", 1.0, "extracted")
LEAD = "Russia on Saturday vetoed a United Nations Security Council draft resolution demanding a ceasefire in Aleppo."


def article(paragraphs: list[str], summary: str | None = None) -> Article:
    return Article(
        id="010_a",
        source_path="seeds/010_a.txt",
        sha256="0" * 64,
        title=Field("A headline", PROV),
        doc=CleanDoc(tuple(Block("paragraph", p) for p in paragraphs), ()),
        summary=Field(summary, PROV) if summary else None,
    )


@pytest.mark.parametrize(
    ("paragraphs", "summary", "expected"),
    [
        ([LEAD], "The standfirst says it first.", "The standfirst says it first."),
        (["Advertisement", "By Jane Doe", LEAD], None, LEAD),  # furniture cleaning kept is passed over
        (["Photo: AP"], None, "Photo: AP"),  # nothing better: the first paragraph
        ([], None, None),
    ],
)
def test_lede(paragraphs: list[str], summary: str | None, expected: str | None) -> None:
    assert _lede(article(paragraphs, summary)) == expected


def test_long_lede_is_shortened_at_a_word() -> None:
    lede = _lede(article([LEAD * 5]))
    assert lede is not None and len(lede) <= LEDE_MAX_CHARS and lede.endswith("…") and LEAD.startswith(lede[:50])
