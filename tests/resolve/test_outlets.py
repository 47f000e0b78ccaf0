"""One spelling per outlet across the archive (resolve/outlets.py)."""

from __future__ import annotations

import pytest

from generator.model import Article, Block, CleanDoc, Field, Provenance
from generator.resolve.outlets import compose_outlet_key, resolve_outlet_spellings


def _article(article_id: str, outlet: str | None, *, method: str = "title-site", confidence: float = 0.8, tier: str = "extracted") -> Article:
    return Article(
        id=article_id,
        source_path=f"seeds/{article_id}.txt",
        sha256="ab" * 32,
        title=Field("A headline", Provenance("test", "", 1.0)),
        doc=CleanDoc((Block("paragraph", "Text."),), ()),
        outlet=Field(outlet, Provenance(method, f"written {outlet}", confidence, tier)) if outlet else None,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("The New Republic", "New Republic", True),
        ("QuantaMagazine", "Quanta Magazine", True),
        ("LittleThings.com", "LittleThings", True),
        ("https://www.salon.com/", "Salon", True),
        ("KESTREL DAILY", "Kestrel Daily", True),
        ("NBC", "NBC News", False),  # may be two sites: never merged by spelling
        ("Ars", "Ars Technica", False),
        ("Slate", "The Slate Group LLC", False),
    ],
)
def test_outlet_key_ignores_spelling_only(a: str, b: str, same: bool) -> None:
    assert (compose_outlet_key(a) == compose_outlet_key(b)) is same


def _outlets(articles: list[Article]) -> dict[str, str | None]:
    return {a.id: a.outlet.value if a.outlet else None for a in resolve_outlet_spellings(articles)}


def test_most_given_spelling_names_the_outlet_and_evidence_keeps_what_the_page_wrote() -> None:
    articles = [_article("a", "New Republic"), _article("b", "The New Republic"), _article("c", "The New Republic"), _article("d", None)]
    resolved = resolve_outlet_spellings(articles)
    assert [a.outlet.value if a.outlet else None for a in resolved] == ["The New Republic"] * 3 + [None]
    assert 'the page writes "New Republic"' in resolved[0].outlet.provenance.evidence  # type: ignore[union-attr]
    assert resolved[1] is articles[1]  # untouched articles are the same objects


def test_a_tie_goes_to_the_more_confident_then_the_alphabetically_first_spelling() -> None:
    articles = [_article("a", "QuantaMagazine", method="site-domain", confidence=0.5), _article("b", "Quanta Magazine")]
    assert set(_outlets(articles).values()) == {"Quanta Magazine"}
    assert set(_outlets([_article("a", "Kestrel Daily"), _article("b", "KESTREL DAILY")]).values()) == {"KESTREL DAILY"}
    # the choice does not depend on the order the seeds come in
    assert _outlets(list(reversed(articles))) == _outlets(articles)


def test_the_registry_spelling_wins_and_a_curated_value_is_never_rewritten() -> None:
    assert set(_outlets([_article("a", "Moscow Times"), _article("b", "Moscow Times"), _article("c", "The Moscow Times")]).values()) == {
        "The Moscow Times"
    }
    curated = [_article("a", "new republic", tier="curated", confidence=1.0), _article("b", "The New Republic"), _article("c", "The New Republic")]
    assert _outlets(curated) == {"a": "new republic", "b": "new republic", "c": "new republic"}


def test_different_outlets_keep_their_names() -> None:
    articles = [_article("a", "NBC"), _article("b", "NBC News"), _article("c", "Ars"), _article("d", "Ars Technica")]
    assert _outlets(articles) == {"a": "NBC", "b": "NBC News", "c": "Ars", "d": "Ars Technica"}
