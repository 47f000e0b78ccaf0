"""The stages in order: clean → extract → resolve actors → date by story → group events.

Pure: it takes what ``read.py`` read and returns an :class:`Archive`; rendering
and writing are the caller's next steps.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import partial
from typing import Any, Callable, Mapping, MutableMapping, Protocol, Sequence

from generator.resolve import actors

from generator.extract import dates

from generator.resolve import event_decisions, events
from generator.extract.clean import clean_recurring_lines, clean_seed_text
from generator.text import normalise_key
from generator.extract.fields import extract_article, resolve_date_with_anchors
from generator.model import Archive, Article, CleanDoc, Mention, Problem, Seed
from generator.files.seeds import ArchiveInputs

# Articles sharing at least this many actors are treated as one story when a
# missing year is inferred from the others' dates.
STORY_SHARED_ACTORS = 2
# The cache table of values derived from several seeds (see build_archive).
DERIVED_TABLE = "derived"


def build_archive(
    inputs: ArchiveInputs,
    *,
    use_curation: bool = True,
    spacy_model: str | None = None,
    progress: Callable[[int], None] | None = None,
    locked_event_ids: Mapping[str, str] | None = None,
    jobs: int = 1,
    cache: ArticleCache | None = None,
    on_stage: Callable[[str], None] | None = None,
) -> Archive:
    """Run every stage over the inputs and return the archive with its problems.

    ``locked_event_ids`` (article id -> event id, from the permalink lock) keeps
    the ids, and so the page addresses, of events already published.
    ``jobs`` and ``cache`` speed up extraction (see :func:`extract_articles`)
    without changing its result; ``on_stage`` is called with each stage's name
    as the stage ends (the benchmark times them).
    """
    problems: list[Problem] = list(inputs.problems)
    articles = extract_articles(
        inputs.seeds, use_curation=use_curation, spacy_model=spacy_model, progress=progress, jobs=jobs, cache=cache
    )
    stage_done = on_stage or (lambda _name: None)
    stage_done("extract")

    articles, found = select_distinct_articles(articles)
    problems.extend(found)
    # derived values keyed by their inputs (mentions of re-cleaned texts, texts' term
    # counts, retried dates): kept with the extraction cache, so a rebuild recomputes
    # only what new seeds change
    derived = cache.table(DERIVED_TABLE) if cache is not None and hasattr(cache, "table") else None
    articles = resolve_recurring_furniture(articles, spacy_model, derived)
    stage_done("furniture")

    decisions = None
    if use_curation and inputs.actor_decisions is not None:
        decisions, found = actors.parse_actor_decisions(inputs.actor_decisions, inputs.actor_decisions_path)
        problems.extend(found)
    actor_list, actor_ids = actors.resolve_actors({a.id: a.mentions for a in articles}, decisions)
    articles = [replace(a, actor_ids=actor_ids.get(a.id, ())) for a in articles]
    stage_done("actors")
    articles = resolve_story_dates(articles, derived)
    stage_done("story dates")

    overrides = None
    if use_curation and inputs.event_overrides is not None:
        overrides, found = event_decisions.parse_event_overrides(inputs.event_overrides, inputs.event_overrides_path)
        problems.extend(found)
        problems.extend(event_decisions.check_event_overrides(overrides, [a.id for a in articles]))
    event_list = events.group_events(articles, overrides, locked_event_ids, derived)
    stage_done("events")
    return Archive(
        articles=tuple(sorted(articles, key=lambda a: a.id)),
        actors=tuple(actor_list),
        events=tuple(event_list),
        problems=tuple(problems),
    )


class ArticleCache(Protocol):
    """Where :func:`extract_articles` finds and leaves articles (``cache.ExtractionCache``, a dict wrapper...).

    A cache that also has ``table(name)`` (a dict-like store, as
    ``ExtractionCache.table``) keeps the :data:`DERIVED_TABLE` values too.
    """

    def get(self, key: str) -> Article | None: ...

    def put(self, key: str, value: Article) -> None: ...


# Below this many seeds to extract per worker, starting processes (each loading
# spaCy's tokenizer and the gazetteer matchers) costs more than it saves.
PARALLEL_MIN_SEEDS_PER_JOB = 100
# Seeds sent to a worker at once: large enough that pickling round trips are few,
# small enough that two workers finish together.
PARALLEL_CHUNK = 32


def extract_articles(
    seeds: Sequence[Seed],
    *,
    use_curation: bool = True,
    spacy_model: str | None = None,
    progress: Callable[[int], None] | None = None,
    jobs: int = 1,
    cache: ArticleCache | None = None,
) -> list[Article]:
    """Clean and extract each seed on its own, in the seeds' order.

    A seed whose :func:`compose_cache_key` is in ``cache`` is not extracted again;
    the rest are extracted in ``jobs`` processes when there are enough of them
    (see :data:`PARALLEL_MIN_SEEDS_PER_JOB`), else here. Every path gives the
    same articles in the same order; the newly extracted go into ``cache``.
    """
    tick = progress or (lambda _n: None)
    keys = [compose_cache_key(s, use_curation, spacy_model) for s in seeds] if cache is not None else []
    found: list[Article | None] = [cache.get(k) for k in keys] if cache is not None else [None] * len(seeds)
    tick(sum(a is not None for a in found))
    todo = [i for i, article in enumerate(found) if article is None]
    workers = max(1, min(jobs, len(todo) // PARALLEL_MIN_SEEDS_PER_JOB))
    extract = partial(extract_seed, use_curation=use_curation, spacy_model=spacy_model)
    if workers > 1:
        # The first seed extracted here: forked workers then inherit the compiled rules,
        # matchers and dateparser's loaded data instead of each building them (~0.5 s CPU).
        found[todo[0]] = extract(seeds[todo[0]])
        tick(1)
        actors.load_recognizer(spacy_model)
        dates.parse_date_span("29 February 2012")  # dateparser loads its language data on a first parse
        # gc.enable: the build turns the cycle collector off (cli.py); workers extracting
        # thousands of seeds with spaCy need it
        with ProcessPoolExecutor(max_workers=workers, initializer=gc.enable) as pool:
            done = pool.map(extract, [seeds[i] for i in todo[1:]], chunksize=PARALLEL_CHUNK)
            for i, article in zip(todo[1:], done):
                found[i] = article
                tick(1)
    else:
        for i in todo:
            found[i] = extract(seeds[i])
            tick(1)
    if cache is not None:
        for i in todo:
            cache.put(keys[i], found[i])
    return [a for a in found if a is not None]


def extract_seed(seed: Seed, *, use_curation: bool = True, spacy_model: str | None = None) -> Article:
    """One seed cleaned, its fields extracted and its actor mentions found."""
    doc = clean_seed_text(seed.text)
    article = extract_article(seed, doc, use_curation=use_curation)
    return replace(article, mentions=actors.extract_mentions(doc, model=spacy_model))


def compose_cache_key(seed: Seed, use_curation: bool, spacy_model: str | None) -> str:
    """A hash of everything :func:`extract_seed` reads: the whole seed (text, path,
    sidecar values, any field added later, through its repr) and the options."""
    return hashlib.sha256(repr((seed, use_curation, spacy_model)).encode("utf-8")).hexdigest()


def select_distinct_articles(articles: list[Article]) -> tuple[list[Article], list[Problem]]:
    """Drop seeds with no text left after cleaning, and second copies of one text.

    Two seeds are one article when their clean text is the same once case,
    punctuation and spacing are ignored (the same page saved twice, with other
    furniture or line ends): the first by file name stays, the other is reported.
    """
    kept: list[Article] = []
    problems: list[Problem] = []
    first_of: dict[str, Article] = {}
    for article in sorted(articles, key=lambda a: a.source_path):
        if not article.doc.blocks:
            removed = len(article.doc.removed)
            problems.append(
                Problem(article.source_path, f"has no article text: all {removed} line(s) are page furniture; skipped. Check it is the article's page")
            )
            continue
        key = normalise_key("\n".join(b.plain() for b in article.doc.blocks))
        first = first_of.setdefault(key, article)
        if first is not article:
            problems.append(
                Problem(article.source_path, f"has the same text as {first.source_path}; skipped as a duplicate. Delete one (move any sidecar values to the other)", "warning")
            )
            continue
        kept.append(article)
    order = {a.id: i for i, a in enumerate(articles)}
    return sorted(kept, key=lambda a: order[a.id]), problems


def resolve_recurring_furniture(
    articles: list[Article], spacy_model: str | None = None, known: MutableMapping[str, Any] | None = None
) -> list[Article]:
    """Drop template lines that recur across one outlet's articles (corpus evidence).

    Runs after per-article extraction, since it needs every article's outlet; an
    article that loses lines has its actor mentions found again (or taken from
    ``known``, a cache table, under a hash of the new text and the model).
    """
    docs = clean_recurring_lines([a.doc for a in articles], [a.outlet.value if a.outlet else None for a in articles])
    out = []
    for article, doc in zip(articles, docs):
        if doc is article.doc:
            out.append(article)
        else:
            out.append(replace(article, doc=doc, mentions=_extract_mentions(doc, spacy_model, known)))
    return out


def _extract_mentions(doc: CleanDoc, spacy_model: str | None, known: MutableMapping[str, Any] | None) -> tuple[Mention, ...]:
    """``actors.extract_mentions``, kept in ``known`` under a hash of all it reads (the text, the model)."""
    if known is None:
        return actors.extract_mentions(doc, model=spacy_model)
    key = "mentions:" + hashlib.sha256(repr((doc, spacy_model)).encode("utf-8", "surrogatepass")).hexdigest()
    if key not in known:
        known[key] = actors.extract_mentions(doc, model=spacy_model)
    return known[key]


def resolve_story_dates(articles: list[Article], known: MutableMapping[str, Any] | None = None) -> list[Article]:
    """Retry the dates of articles lacking a full date, anchored on their story's other articles.

    Story siblings share at least ``STORY_SHARED_ACTORS`` significant actors (actors
    named in nearly every article are no evidence); their dates may settle the year of a
    written "Aug. 13". Only reports of the same happening (the text-and-actor test of
    ``events.is_same_report``) may place a bare "on Friday". ``known`` (a cache
    table) holds earlier results: the texts' term counts, and each retried date
    by everything the retry reads (the article and its anchors).
    """
    import numpy as np

    dated = {
        a.id: a.date.value.date
        for a in articles
        if a.date is not None and a.date.value.precision == "day" and a.date.provenance.tier != "inferred"
    }
    if not dated:
        return articles
    # Only these can change (resolve_date_with_anchors leaves the rest), and only
    # siblings sharing actors can anchor them: the pairs are found by a sparse
    # count of shared actors, not by comparing every article with every other.
    retry = [
        i
        for i, a in enumerate(articles)
        if a.date is None or (a.date.provenance.tier != "curated" and a.date.value.precision != "day")
    ]
    if not retry:
        return articles
    significant = events.select_significant_actors(articles)
    sharing = events.select_sharing_pairs(
        [set(a.actor_ids) & significant for a in articles],
        retry,
        min(STORY_SHARED_ACTORS, events.MIN_SHARED_ACTORS_STRONG),
    )
    # day dates as ordinals (0: none), so each article's anchors are picked and sorted by numpy
    day_of = np.array([dated[a.id].toordinal() if a.id in dated else 0 for a in articles], dtype=np.int64)
    story_of: dict[int, Any] = {}
    # is_same_report needs MIN_SHARED_ACTORS_STRONG shared actors: only those pairs' texts are compared
    reports: dict[int, tuple[list[int], list[int]]] = {}
    for i in retry:
        cols, shared = sharing[i]
        dated_cols = day_of[cols] > 0
        story_of[i] = np.sort(day_of[cols[dated_cols & (shared >= STORY_SHARED_ACTORS)]])
        strong = dated_cols & (shared >= events.MIN_SHARED_ACTORS_STRONG)
        reports[i] = (cols[strong].tolist(), shared[strong].tolist())
    vectors = events.measure_text_vectors([events.compose_event_text(a) for a in articles], known)
    similar = dict(events.measure_similarity_pairs(vectors, {i: js for i, (js, _) in reports.items() if js}))
    out = list(articles)
    for i in retry:
        js, shared_counts = reports[i]
        similarity = similar.get(i, {})
        same_event = np.sort(
            np.array([day_of[j] for j, n in zip(js, shared_counts) if events.is_same_report(similarity[j], n)], dtype=np.int64)
        )
        out[i] = _resolve_date_with_anchors(articles[i], story_of[i], same_event, known)
    return out


def _resolve_date_with_anchors(article: Article, story: Any, same_event: Any, known: MutableMapping[str, Any] | None) -> Article:
    """``extract.resolve_date_with_anchors`` with anchors given as sorted day ordinals (numpy),
    its date kept in ``known`` under a hash of all it reads: the article and the anchors."""
    if known is None or (not len(story) and not len(same_event)):
        return resolve_date_with_anchors(article, _dates(story), _dates(same_event))
    digest = hashlib.sha256(repr(article).encode("utf-8", "surrogatepass"))
    digest.update(f"|{len(story)}|{len(same_event)}|".encode() + story.tobytes() + same_event.tobytes())
    key = "story-date:" + digest.hexdigest()
    if key in known:
        date = known[key]
        return article if date == article.date else replace(article, date=date)
    resolved = resolve_date_with_anchors(article, _dates(story), _dates(same_event))
    if resolved is article or resolved == replace(article, date=resolved.date):  # only the date changed: keep it
        known[key] = resolved.date
    return resolved


def _dates(ordinals: Any) -> list[dt.date]:
    return [dt.date.fromordinal(o) for o in ordinals.tolist()]
