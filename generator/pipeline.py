"""The stages in order: clean → extract → resolve actors → date by story → group events.

Pure: it takes what ``read.py`` read and returns an :class:`Archive`; rendering
and writing are the caller's next steps.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from . import actors, events
from .clean import clean_recurring_lines, clean_seed_text
from .extract import extract_article, resolve_date_with_anchors
from .model import Archive, Article, Problem
from .read import ArchiveInputs

# Articles sharing at least this many actors are treated as one story when a
# missing year is inferred from the others' dates.
STORY_SHARED_ACTORS = 2


def build_archive(
    inputs: ArchiveInputs,
    *,
    use_curation: bool = True,
    spacy_model: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> Archive:
    """Run every stage over the inputs and return the archive with its problems."""
    problems: list[Problem] = list(inputs.problems)
    articles: list[Article] = []
    for seed in inputs.seeds:
        doc = clean_seed_text(seed.text)
        article = extract_article(seed, doc, use_curation=use_curation)
        mentions = actors.extract_mentions(doc, model=spacy_model)
        articles.append(replace(article, mentions=mentions))
        if progress is not None:
            progress(1)

    articles = resolve_recurring_furniture(articles, spacy_model)

    decisions = None
    if use_curation and inputs.actor_decisions is not None:
        decisions, found = actors.parse_actor_decisions(inputs.actor_decisions, inputs.actor_decisions_path)
        problems.extend(found)
    actor_list, actor_ids = actors.resolve_actors({a.id: a.mentions for a in articles}, decisions)
    articles = [replace(a, actor_ids=actor_ids.get(a.id, ())) for a in articles]
    articles = resolve_story_dates(articles)

    overrides = None
    if use_curation and inputs.event_overrides is not None:
        overrides, found = events.parse_event_overrides(inputs.event_overrides, inputs.event_overrides_path)
        problems.extend(found)
        problems.extend(events.check_event_overrides(overrides, [a.id for a in articles]))
    event_list = events.group_events(articles, overrides)
    return Archive(
        articles=tuple(sorted(articles, key=lambda a: a.id)),
        actors=tuple(actor_list),
        events=tuple(event_list),
        problems=tuple(problems),
    )


def resolve_recurring_furniture(articles: list[Article], spacy_model: str | None = None) -> list[Article]:
    """Drop template lines that recur across one outlet's articles (corpus evidence).

    Runs after per-article extraction, since it needs every article's outlet; an
    article that loses lines has its actor mentions found again.
    """
    docs = clean_recurring_lines([a.doc for a in articles], [a.outlet.value if a.outlet else None for a in articles])
    out = []
    for article, doc in zip(articles, docs):
        if doc is article.doc:
            out.append(article)
        else:
            out.append(replace(article, doc=doc, mentions=actors.extract_mentions(doc, model=spacy_model)))
    return out


def resolve_story_dates(articles: list[Article]) -> list[Article]:
    """Retry the dates of articles lacking a full date, anchored on their story's other articles.

    Story siblings share at least ``STORY_SHARED_ACTORS`` significant actors (actors
    named in nearly every article are no evidence); their dates may settle the year of a
    written "Aug. 13". Only reports of the same happening (the text-and-actor test of
    ``events.is_same_report``) may place a bare "on Friday".
    """
    dated = {
        a.id: a.date.value.date
        for a in articles
        if a.date is not None and a.date.value.precision == "day" and a.date.provenance.tier != "inferred"
    }
    if not dated:
        return articles
    significant = events.select_significant_actors(articles)
    similarity = events.measure_text_similarity([events.compose_event_text(a) for a in articles])
    out = []
    for i, article in enumerate(articles):
        mine = set(article.actor_ids) & significant
        story, same_event = [], []
        for j, other in enumerate(articles):
            if other.id == article.id or other.id not in dated:
                continue
            shared = len(mine & set(other.actor_ids))
            if shared >= STORY_SHARED_ACTORS:
                story.append(dated[other.id])
            if events.is_same_report(float(similarity[i, j]), shared):
                same_event.append(dated[other.id])
        out.append(resolve_date_with_anchors(article, sorted(story), sorted(same_event)))
    return out
