"""The stages in order: clean → extract → resolve actors → date by story → group events.

Pure: it takes what ``read.py`` read and returns an :class:`Archive`; rendering
and writing are the caller's next steps.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from . import actors, events
from .clean import clean_seed_text
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


def resolve_story_dates(articles: list[Article]) -> list[Article]:
    """Give an article missing a full date the dates of its story's other articles as anchors."""
    dated = {
        a.id: a.date.value.date
        for a in articles
        if a.date is not None and a.date.value.precision == "day" and a.date.provenance.tier != "inferred"
    }
    out = []
    for article in articles:
        mine = set(article.actor_ids)
        anchors = [
            day
            for other_id, day in dated.items()
            if other_id != article.id
            and len(mine & set(_actor_ids(articles, other_id))) >= STORY_SHARED_ACTORS
        ]
        out.append(resolve_date_with_anchors(article, sorted(anchors)))
    return out


def _actor_ids(articles: list[Article], article_id: str) -> tuple[str, ...]:
    for article in articles:
        if article.id == article_id:
            return article.actor_ids
    return ()
