"""The run order of a build: read → extract → resolve → publish → write, and its report.

One article's path through a build:

1. ``files/seeds.py`` reads ``seeds/<name>.txt`` (and its sidecar) into a :class:`Seed`;
2. ``extract/``, per seed and in worker processes: ``clean.py`` finds the article's
   lines (a :class:`CleanDoc`, with the record of every line dropped), ``fields.py``
   its title, date evidence and date, outlet, URL and standfirst → an :class:`Article`;
3. ``resolve/``, across the archive: ``duplicates.py`` keeps one copy of an article
   saved twice; ``outlets.py`` gives each outlet one spelling;
   ``furniture.py`` drops template lines one
   outlet repeats in every article; ``actors/`` finds the actor mentions of the
   final text and merges spellings into :class:`Actor` s; ``evidence.py`` builds the
   text vectors and significant actors once; ``story.py`` dates articles from their
   story's other articles; ``events.py`` groups them into :class:`Event` s;
4. ``publish/`` turns the :class:`Archive` into :class:`Page` s at the addresses of
   one ``SiteMap``; 5. ``files/output.py`` writes them all at once.

:func:`build_archive` is steps 2 and 3, pure: it takes what was read and returns
the archive. :func:`run_build` is the whole command, the only caller of both the
reading and the writing layer.
"""

from __future__ import annotations

import gc
import hashlib
import sys
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, Callable, Iterator, MutableMapping, Protocol, Sequence, TypeVar

from generator.extract import dates
from generator.extract.clean import clean_seed_text
from generator.extract.fields import extract_article
from generator.files.html import HTML_SUFFIXES
from generator.files.cache import CACHE_DIR, ExtractionCache
from generator.files.lock import read_permalink_lock, write_permalink_lock
from generator.files.build_stamp import GENERATOR_STAMP, list_generator_outputs, write_stamp
from generator.files.output import (
    BUILD_REPORT,
    BuildBusyError,
    UnsafePathError,
    hold_build_lock,
    remove_stale_staging,
    write_build_report,
    write_pages,
)
from generator.files.seeds import ArchiveInputs, read_archive_inputs
from generator.model import Archive, Article, Mention, Problem, Seed
from generator.publish.page_size import cut_oversize_articles
from generator.publish.saved_seeds import list_seed_copies
from generator.publish.site import check_site_url, render_publication
from generator.publish.sitemap import parse_permalink_lock, render_permalink_lock, select_locked_event_ids
from generator.resolve import actors, event_decisions, events
from generator.resolve.duplicates import select_distinct_articles
from generator.resolve.evidence import ArchiveEvidence
from generator.resolve.furniture import RECURRING_RULE, resolve_recurring_furniture
from generator.resolve.outlets import resolve_outlet_spellings
from generator.resolve.story import date_articles_from_events, resolve_story_dates
from generator.settings import OWNED_DIRS, OWNED_PAGES, PERMALINKS_FILE, BuildOptions, Settings

T = TypeVar("T")
R = TypeVar("R")

# The cache table of values derived from several seeds or from a cleaned text
# (a text's actor mentions and term counts, a retried date), each under a hash
# of all it reads: a rebuild recomputes only what new seeds change.
DERIVED_TABLE = "derived"
# The cache table of the pages last written (see files/output.py: write_pages).
WRITTEN_TABLE = "written"
# Below this many items per worker, starting processes (each loading spaCy's
# tokenizer and the gazetteer matchers) costs more than it saves.
PARALLEL_MIN_SEEDS_PER_JOB = 100
# Problems printed by a build without --verbose: the rest are in the build report and on
# the Review page. A pile of 2,000 pages may have hundreds, which buried the summary.
PRINTED_PROBLEMS = 10
# Items sent to a worker at once: large enough that pickling round trips are few,
# small enough that two workers finish together.
PARALLEL_CHUNK = 32


class ArticleCache(Protocol):
    """Where a build finds and leaves what it extracted (``files.cache.ExtractionCache``)."""

    def get(self, key: str) -> Article | None: ...

    def put(self, key: str, value: Article) -> None: ...

    def table(self, name: str) -> MutableMapping[str, Any]: ...


def build_archive(
    inputs: ArchiveInputs,
    options: BuildOptions = BuildOptions(),
    *,
    cache: ArticleCache | None = None,
    progress: Callable[[int], None] | None = None,
    on_stage: Callable[[str], None] | None = None,
) -> Archive:
    """Run every stage over the inputs, each once, and return the archive with its problems.

    ``cache`` and ``options.jobs`` only save time; ``progress`` is called with the
    number of seeds just extracted, ``on_stage`` with each stage's name as it ends
    (the benchmark times them).
    """
    stage_done = on_stage or (lambda _name: None)
    problems: list[Problem] = list(inputs.problems)
    derived = cache.table(DERIVED_TABLE) if cache is not None else None

    articles = extract_articles(inputs.seeds, options, cache=cache, progress=progress)
    articles, found = select_distinct_articles(articles)
    problems.extend(found)
    # one spelling per outlet before anything counts articles per outlet
    articles = resolve_outlet_spellings(articles)
    stage_done("extract")
    # needs every article's outlet, so it follows extraction; mentions follow it,
    # so they are found once, in the final text
    articles = resolve_recurring_furniture(articles)
    stage_done("furniture")
    articles = find_mentions(articles, options, derived)
    stage_done("mentions")

    decisions = None
    if options.use_curation and inputs.actor_decisions is not None:
        decisions, found = actors.parse_actor_decisions(
            inputs.actor_decisions,
            inputs.actor_decisions_path,
            max_name_chars=options.max_title_chars,
            max_description_chars=options.max_summary_chars,
        )
        problems.extend(found)
    actor_list, actor_ids = actors.resolve_actors({a.id: a.mentions for a in articles}, decisions)
    if decisions is not None:
        problems.extend(actors.check_decision_names(decisions, actor_list, {a.id: a.mentions for a in articles}, inputs.actor_decisions_path))
    articles = [replace(a, actor_ids=actor_ids.get(a.id, ())) for a in articles]
    stage_done("actors")

    evidence = ArchiveEvidence.of(articles, derived)
    articles = resolve_story_dates(articles, evidence, derived)
    stage_done("story dates")

    overrides = None
    if options.use_curation and inputs.event_overrides is not None:
        overrides, found = event_decisions.parse_event_overrides(
            inputs.event_overrides, inputs.event_overrides_path, max_title_chars=options.max_title_chars
        )
        problems.extend(found)
    event_list = events.group_events(articles, overrides, dict(options.locked_event_ids), evidence)
    if overrides is not None:  # after grouping, so that a name given by event id is checked against the ids given
        problems.extend(event_decisions.check_event_overrides(overrides, [a.id for a in articles], [e.id for e in event_list]))
    # after grouping, which it does not change: undated reports take their event's date
    articles = date_articles_from_events(articles, event_list)
    stage_done("events")
    # last: every stage above read the whole text; only the published page is cut
    articles, found = cut_oversize_articles(articles, options.max_page_bytes, options.max_title_chars, options.max_summary_chars)
    problems.extend(found)
    return Archive(
        articles=tuple(sorted(articles, key=lambda a: a.id)),
        actors=tuple(actor_list),
        events=tuple(event_list),
        problems=tuple(problems),
    )


def extract_articles(
    seeds: Sequence[Seed],
    options: BuildOptions = BuildOptions(),
    *,
    cache: ArticleCache | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[Article]:
    """Clean each seed and extract its fields, on its own, in the seeds' order.

    A seed whose :func:`compose_cache_key` is in ``cache`` is not extracted again;
    the rest are extracted in ``options.jobs`` processes when there are enough of
    them, else here. Every path gives the same articles in the same order.
    """
    tick = progress or (lambda _n: None)
    keys = [compose_cache_key(s, options.use_curation) for s in seeds] if cache is not None else []
    found: list[Article | None] = [cache.get(k) for k in keys] if cache is not None else [None] * len(seeds)
    tick(sum(a is not None for a in found))
    todo = [i for i, article in enumerate(found) if article is None]
    extract = partial(extract_seed, use_curation=options.use_curation)
    for i, article in zip(todo, map_in_workers(extract, [seeds[i] for i in todo], options.jobs, tick)):
        found[i] = article
    if cache is not None:
        for i in todo:
            cache.put(keys[i], found[i])  # type: ignore[arg-type]
    return [a for a in found if a is not None]


def extract_seed(seed: Seed, *, use_curation: bool = True) -> Article:
    """One seed cleaned and its fields extracted (its actor mentions come later: :func:`find_mentions`)."""
    # a saved web page's text is its article already (files/html.py), headline on top
    html_page = seed.path.lower().endswith(HTML_SUFFIXES)
    return extract_article(seed, clean_seed_text(seed.text, extracted_article=html_page), use_curation=use_curation)


def compose_cache_key(seed: Seed, use_curation: bool) -> str:
    """A hash of everything :func:`extract_seed` reads: the whole seed (text, path,
    sidecar values, any field added later, through its repr) and the curation switch."""
    return hashlib.sha256(repr((seed, use_curation)).encode("utf-8")).hexdigest()


def find_mentions(
    articles: Sequence[Article], options: BuildOptions = BuildOptions(), derived: MutableMapping[str, Any] | None = None
) -> list[Article]:
    """Each article with the actor mentions of its final text, found in ``options.jobs``
    processes; ``derived`` keeps them under a hash of all they depend on (the text, the model)."""
    keys = [compose_mentions_key(a, options.spacy_model) for a in articles]
    known: list[tuple[Mention, ...] | None] = [derived.get(k) for k in keys] if derived is not None else [None] * len(articles)
    todo = [i for i, m in enumerate(known) if m is None]
    find = partial(actors.extract_mentions, model=options.spacy_model)
    for i, mentions in zip(todo, map_in_workers(find, [articles[i].doc for i in todo], options.jobs)):
        known[i] = mentions
        if derived is not None:
            derived[keys[i]] = mentions
    return [replace(a, mentions=m) for a, m in zip(articles, known)]  # type: ignore[arg-type]


def compose_mentions_key(article: Article, spacy_model: str | None) -> str:
    """The derived-table key of an article's mentions: a hash of all its final text
    depends on: the seed's bytes (cleaning reads nothing else), the lines recurring
    furniture took out of it, and the model (the cache's fingerprint covers the code).
    Cheaper than hashing the text itself, which was a twentieth of a rebuild."""
    recurring = [r.line_no for r in article.doc.removed if r.rule == RECURRING_RULE]
    return "mentions:" + hashlib.sha256(f"{article.sha256}|{recurring}|{spacy_model}".encode()).hexdigest()


def map_in_workers(
    func: Callable[[T], R], items: Sequence[T], jobs: int, tick: Callable[[int], None] | None = None
) -> list[R]:
    """``[func(x) for x in items]``, in up to ``jobs`` forked processes when there are enough items.

    The first item is done here first: forked workers then inherit the compiled
    rules, spaCy's tokenizer, the gazetteer matchers and dateparser's loaded data
    instead of each building them (about 0.5 s of CPU each).
    """
    tick = tick or (lambda _n: None)
    workers = max(1, min(jobs, len(items) // PARALLEL_MIN_SEEDS_PER_JOB))
    if workers == 1:
        out = []
        for item in items:
            out.append(func(item))
            tick(1)
        return out
    first = func(items[0])
    tick(1)
    dates.warm_up()
    # gc.enable: the build turns the cycle collector off (run_build); workers
    # processing thousands of texts with spaCy need it
    with ProcessPoolExecutor(max_workers=workers, initializer=gc.enable) as pool:
        rest = []
        for result in pool.map(func, items[1:], chunksize=PARALLEL_CHUNK):
            rest.append(result)
            tick(1)
    return [first, *rest]


# --- the whole command ----------------------------------------------------------------


def run_build(
    settings: Settings,
    options: BuildOptions,
    *,
    report_path: Path,
    strict: bool = False,
    use_cache: bool = True,
    progress: Callable[[int], None] | None = None,
    verbose: bool = False,
    stamp_inputs: str | None = None,
) -> int:
    """Read, extract, resolve, publish and write; print the problems (the first
    :data:`PRINTED_PROBLEMS` unless ``verbose``) and a summary; return the exit status.

    ``stamp_inputs``, the hash of everything the build reads (``files/build_stamp.py``),
    is stamped with the outputs once the build has run to its end: the next build with
    the same inputs and untouched outputs repeats what this one printed, and stops.

    The build report is rewritten whatever happens: should the build itself fail
    (a bug, an interrupt), it says so, and never keeps the last build's "exit 0".
    One build at a time writes an output folder: a second one exits with 1 and a
    message (:func:`hold_build_lock`); a killed build's staging folders are removed.
    """
    try:
        with hold_build_lock(settings.out_dir):
            remove_stale_staging(settings.out_dir)  # a killed build's: no other build runs now
            with _without_cycle_collection():
                status, messages = _run_build(settings, options, report_path, strict, use_cache, progress, verbose)
            if stamp_inputs is not None:
                outputs = list_generator_outputs(settings.out_dir, (*OWNED_DIRS, *OWNED_PAGES, PERMALINKS_FILE), report_path)
                write_stamp(GENERATOR_STAMP, stamp_inputs, outputs, status=status, messages=messages)
            return status
    except BuildBusyError as exc:  # the report is the running build's to write
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (Exception, KeyboardInterrupt) as exc:
        failure = Problem(str(settings.seeds_dir), f"the build failed, nothing was written: {type(exc).__name__}: {exc}")
        try:
            write_build_report(compose_build_report(Archive((), (), ()), [failure], settings, 1), report_path)
        except OSError:
            pass  # the report's folder is unwritable: the traceback below says what failed
        raise


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Python's cycle collector off for the build: the archive is millions of long-lived
    objects (no cycles to free) that every full collection walked again, a sixth of a
    rebuild. Memory is freed as usual by reference counting."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _run_build(
    settings: Settings,
    options: BuildOptions,
    report_path: Path,
    strict: bool,
    use_cache: bool,
    progress: Callable[[int], None] | None,
    verbose: bool = False,
) -> tuple[int, list[tuple[str, str]]]:
    """The build; its exit status and what it printed, as (``"stdout"`` or ``"stderr"``, line)."""
    messages: list[tuple[str, str]] = []

    def say(text: str, stream: str = "stderr") -> None:
        messages.append((stream, text))
        print(text, file=sys.stdout if stream == "stdout" else sys.stderr)

    inputs = read_archive_inputs(
        settings.seeds_dir, max_bytes=settings.max_seed_bytes, progress=progress, limits=settings.input_limits()
    )
    lock_data, lock_problems, lock_path = read_permalink_lock(settings.out_dir)
    lock, found = parse_permalink_lock(lock_data, lock_path.as_posix())
    cache = ExtractionCache(Path.cwd() / CACHE_DIR) if use_cache else None
    contents = {seed.id: seed.sha256 for seed in inputs.seeds}  # a renamed seed keeps its event's id
    options = replace(options, locked_event_ids=tuple(sorted(select_locked_event_ids(lock, contents).items())))
    archive = build_archive(inputs, options, cache=cache, progress=progress)
    cache_problems = _save_cache(cache)
    problems = [*lock_problems, *found, *archive.problems, *cache_problems]
    if archive.articles:
        try:
            pages, assignment = render_publication(archive, settings, lock)
            problems += check_site_url(settings.site_url)
            written = cache.table(WRITTEN_TABLE) if cache is not None else None
            copies = list_seed_copies(archive, settings)
            problems += write_pages(
                pages, settings.out_dir, protect=(settings.seeds_dir,), written=written, copies=copies, seeds_dir=settings.seeds_dir
            )
            problems += _save_cache(cache)
            # only once the pages are in place: the lock records addresses that exist
            write_permalink_lock(lock_path, render_permalink_lock(assignment.lock))
        except (UnsafePathError, OSError) as exc:
            problems.append(Problem(str(settings.out_dir), f"not written, the previous output is intact: {exc}"))
            archive = replace(archive, articles=())
    problems = list(dict.fromkeys(problems))  # one file's problem is reported once
    shown = problems if verbose else problems[:PRINTED_PROBLEMS]
    for problem in shown:
        say(str(problem))
    if len(shown) < len(problems):
        say(
            f"... and {len(problems) - len(shown)} more problems, each with its file and what to do, in {report_path}"
            " and on the site's Review page (or build with -v / make site VERBOSE=1 to print them all)"
        )
    errors = sum(p.severity == "error" for p in problems)
    say(
        f"{len(archive.articles)} articles, {len(archive.actors)} actors, {len(archive.events)} events"
        f" -> {settings.out_dir} ({errors} errors, {len(problems) - errors} warnings)",
        "stdout",
    )
    status = 1 if not archive.articles or (strict and problems) else 0
    write_build_report(compose_build_report(archive, problems, settings, status), report_path)
    if not archive.articles:
        say(f"error: no article could be built from {settings.seeds_dir} (see {report_path})")
    return status, messages


def _save_cache(cache: ExtractionCache | None) -> list[Problem]:
    """Save the cache; a full disk (or any refusal to write) costs the next build time, not this one."""
    if cache is None:
        return []
    try:
        cache.save()
    except OSError as exc:
        return [Problem(CACHE_DIR.as_posix(), f"the extraction cache was not saved ({exc.strerror or exc}); the next build extracts again", "warning")]
    return []


def compose_build_report(archive: Archive, problems: Sequence[Problem], settings: Settings, status: int) -> dict[str, Any]:
    """The build report: counts, the files built, and every problem (deterministic: no clock)."""
    return {
        "seeds_dir": settings.seeds_dir.as_posix(),
        "out_dir": settings.out_dir.as_posix(),
        "exit_status": status,
        "articles": len(archive.articles),
        "actors": len(archive.actors),
        "events": len(archive.events),
        "errors": sum(p.severity == "error" for p in problems),
        "warnings": sum(p.severity == "warning" for p in problems),
        "built": sorted(a.source_path for a in archive.articles),
        "problems": [{"file": p.path, "severity": p.severity, "message": p.message} for p in problems],
    }


def read_locked_event_ids(settings: Settings) -> tuple[tuple[str, str], ...]:
    """The event ids the site already uses, so ``inspect`` and ``eval`` name events as the site does."""
    lock_data, _, lock_path = read_permalink_lock(settings.out_dir)
    lock, _ = parse_permalink_lock(lock_data, lock_path.as_posix())
    return tuple(sorted(select_locked_event_ids(lock).items()))
