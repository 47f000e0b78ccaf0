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


def select_site_lines(articles: Sequence[Article]) -> list[frozenset[str]]:
    """Per article, the keys (:func:`normalise_key`) of its body lines that another
    article of its site prints too: a teaser, a "more news" list, a newsletter box,
    a byline. They stay on the page (two pages are not enough to call a line the
    site's furniture, ``clean_recurring_lines``), but they weigh nothing when
    reports are compared: two pages of one site about different things share them.

    The site is the article's outlet, else its address's host; an article with
    neither is left alone. Only lines no longer than ``recurring.max_chars`` count:
    a paragraph two reports of one site share is one story told twice.
    """
    limits = load_rules("boilerplate")["recurring"]
    sites = [_site_of(a) for a in articles]
    keys = [
        {normalise_key(line) for b in a.doc.body_blocks() for line in split_block_lines(b) if len(line) <= limits["max_chars"]}
        - {""}
        if site
        else set()
        for a, site in zip(articles, sites)
    ]
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for site, found in zip(sites, keys):
        if site:
            seen[site].update(found)
    return [frozenset(k for k in found if seen[site][k] >= 2) if site else frozenset() for site, found in zip(sites, keys)]


def split_block_lines(block: Block) -> tuple[str, ...]:
    """A body block's lines as a site repeats them: a list item by item (a "more news"
    list shares some of its items with another page's), any other block whole."""
    return block.items if block.kind == "bullets" and block.items else (block.plain(),)


def _site_of(article: Article) -> str | None:
    if article.outlet and article.outlet.value:
        return "outlet:" + article.outlet.value.casefold()
    url = article.source_url.value if article.source_url else article.doc.source_url
    if not url:
        return None
    host = url.split("://", 1)[-1].split("/", 1)[0].split("@")[-1].split(":")[0].casefold()
    return "host:" + host.removeprefix("www.") if host else None


def _recurrable(block: Block, limits: dict) -> bool:
    return block.kind != "title" and len(block.plain()) <= limits["max_chars"]


def _byline_line(article: Article) -> int | None:
    # The byline places the article's own date stamp, as at extraction (extract/fields.py).
    authors = article.authors
    return byline_line_of(authors.provenance.evidence if authors and authors.provenance.tier != "curated" else None)
