"""Furniture only a whole archive shows: lines one outlet prints on every page.

A short line found in several articles of one outlet ("Read more from our
Moscow bureau", a newsletter pitch the phrase rules do not know) is that site's
template, not news. It runs after extraction, since it needs every article's
outlet, and before actor mentions are found, so they are found once, in the
final text. The thresholds are data (``data/boilerplate.yml``, ``recurring``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from typing import Sequence

from generator.extract.dates import byline_line_of, extract_date_evidence
from generator.files.rules import load_rules
from generator.model import Article, Block, CleanDoc, Removed
from generator.text import normalise_key

# The cleaning record's rule id of a line dropped here.
RECURRING_RULE = "recurring-line"


def resolve_recurring_furniture(articles: Sequence[Article]) -> list[Article]:
    """Each article with its outlet's recurring template lines moved to its cleaning record.

    An article that loses lines has its date evidence (kept only when story dating
    will use it) read again from the final text; its date, read before, stands.
    """
    docs = clean_recurring_lines([a.doc for a in articles], [a.outlet.value if a.outlet else None for a in articles])
    return [
        article
        if doc is article.doc
        else replace(
            article,
            doc=doc,
            date_evidence=extract_date_evidence(doc, _byline_line(article)) if article.date_evidence is not None else None,
        )
        for article, doc in zip(articles, docs)
    ]


def clean_recurring_lines(docs: Sequence[CleanDoc], outlets: Sequence[str | None]) -> list[CleanDoc]:
    """Move a short line found in several articles of one outlet to ``removed``.

    ``outlets[i]`` is the outlet of ``docs[i]`` (``None`` when unknown: such docs are
    left alone, since unrelated sites' copies of one wire story share lines too).
    Titles are never touched.
    """
    limits = load_rules("boilerplate")["recurring"]
    seen_in: dict[str | None, Counter[str]] = defaultdict(Counter)
    for doc, outlet in zip(docs, outlets):
        if outlet is not None:
            seen_in[outlet].update({normalise_key(b.plain()) for b in doc.blocks if _recurrable(b, limits)})
    out = []
    for doc, outlet in zip(docs, outlets):
        counts = seen_in.get(outlet) if outlet is not None else None
        drop = [
            b for b in doc.blocks if counts and _recurrable(b, limits) and counts[normalise_key(b.plain())] >= limits["min_articles"]
        ]
        if not drop:
            out.append(doc)
            continue
        removed = doc.removed + tuple(Removed(b.line_no, b.plain(), RECURRING_RULE) for b in drop)
        out.append(
            replace(
                doc,
                blocks=tuple(b for b in doc.blocks if b not in drop),
                removed=tuple(sorted(removed, key=lambda r: r.line_no)),
            )
        )
    return out


def _recurrable(block: Block, limits: dict) -> bool:
    return block.kind != "title" and len(block.plain()) <= limits["max_chars"]


def _byline_line(article: Article) -> int | None:
    # The byline places the article's own date stamp, as at extraction (extract/fields.py).
    authors = article.authors
    return byline_line_of(authors.provenance.evidence if authors and authors.provenance.tier != "curated" else None)
