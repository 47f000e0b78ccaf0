"""An event's title: the most representative headline of its reports, else a lead.

The title an event shows is the headline of the report closest to what its
reports share (the centrality events.py measures), as the page states it. A
text without a headline (a wire copy pasted without it, ECB+'s subtopic-1
texts) gives none: when no report states one, the event takes the lead
sentence of its most representative report's first paragraph, cut at a clause
(``data/events.yml``, ``titles``), never a sentence from the middle of a text,
and the file name only when no report has a lead. Which report gave the title,
and how, is the title's provenance (``Event.title_provenance``,
``Event.title_article``), shown on the event page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from generator.extract.fields import lead_sentence
from generator.files.rules import load_confidence, load_rules
from generator.model import TIERS, Article, Provenance
from generator.resolve.evidence import _TITLE_NOT_WRITTEN

PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


def choose_event_title(articles: Sequence[Article], centrality: Mapping[str, float] | None = None) -> str:
    """The event's title: see :func:`choose_event_title_source`."""
    return choose_event_title_source(articles, centrality)[0]


def choose_event_title_source(
    articles: Sequence[Article], centrality: Mapping[str, float] | None = None
) -> tuple[str, Provenance | None, str | None]:
    """The event's title, its provenance and the id of the report it came from.

    The most representative headline a page gave (not one made up from a file
    name): of the article closest to what the reports share (``centrality``, see
    :func:`_measure_centrality`: one outlet's angle is not the happening), then
    whose date is most complete (day, month, year, none), then whose title is best
    established (curated over extracted ...), then the shortest: short headlines
    state the happening, long ones add an angle or a prefix ("Official: ...").
    Ties go to the smallest article id.

    When no report states a headline, the lead sentence of the most representative
    report, shortened at a clause (:func:`shorten_at_clause`), never a sentence
    from the middle of a text; the file name only when no report has a lead.
    """
    centrality = centrality or {}
    titled = [a for a in articles if a.title.value.strip()]
    if not titled:
        return "Untitled event", None, None

    def representative(a: Article) -> tuple:
        return (
            -centrality.get(a.id, 0.0),
            PRECISION_RANK[a.date.value.precision] if a.date else len(PRECISION_RANK),
            -TIERS.index(a.title.provenance.tier),
            len(a.title.value.strip()),
            a.id,
        )

    stated = [a for a in titled if a.title.provenance.method not in _TITLE_NOT_WRITTEN]
    if stated:
        best = min(stated, key=representative)
        provenance = best.title.provenance
        return " ".join(best.title.value.split()), Provenance(
            "report-headline", f"the headline of {best.id}", provenance.confidence, provenance.tier
        ), best.id
    for article in sorted(articles, key=representative):
        lead = _lead_of(article)
        if lead:
            return shorten_at_clause(lead[1]), Provenance(
                "report-lead", f"the lead of {article.id}, line {lead[0]} (no report states a headline)",
                load_confidence("first-sentence"),
            ), article.id
    best = min(titled, key=representative)
    return " ".join(best.title.value.split()), Provenance(
        best.title.provenance.method, f"the title of {best.id}", best.title.provenance.confidence, best.title.provenance.tier
    ), best.id


def _lead_of(article: Article) -> tuple[int, str] | None:
    """``(line, sentence)``: the first sentence of the article's first paragraph, when it
    reads like prose; never a sentence of a later paragraph (a text whose first
    paragraph is no prose has no lead to give)."""
    paragraphs = [b for b in article.doc.blocks if b.kind == "paragraph"]
    if not paragraphs:
        return None
    return lead_sentence(replace(article.doc, blocks=(paragraphs[0],)))


def shorten_at_clause(sentence: str) -> str:
    """``sentence`` as a title: whole (without its full stop) when short enough, else cut
    at its last clause break within ``titles.max_chars`` (``data/events.yml``) that
    leaves at least ``titles.min_chars``; else at a word, with an ellipsis."""
    rules = load_rules("events")["titles"]
    longest, shortest = rules["max_chars"]["value"], rules["min_chars"]["value"]
    text = " ".join(sentence.split()).rstrip(" .")
    if len(text) <= longest:
        return text
    cuts = [
        i
        for brk in rules["clause_breaks"]["value"]
        for i in _find_all(text, brk)
        if shortest <= i <= longest and not _joins_names(text, i, i + len(brk))
    ]
    if cuts:
        return text[: max(cuts)].rstrip(" ,;:–—-")
    head = text[: longest + 1]
    return head[: head.rfind(" ")].rstrip(" ,;:–—-") + "…" if " " in head else head[:longest] + "…"


def _joins_names(text: str, start: int, end: int) -> bool:
    """Whether the break at ``text[start:end]`` sits inside a list of names ("IBF, IBO
    and WBO", "Smith and Jones"): capitalised words on both sides are not a clause."""
    before = text[:start].rsplit(" ", 1)[-1]
    return bool(before[:1].isupper() and text[end : end + 1].isupper())


def _find_all(text: str, part: str) -> list[int]:
    found, start = [], text.find(part)
    while start >= 0:
        found.append(start)
        start = text.find(part, start + 1)
    return found
