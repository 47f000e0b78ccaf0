"""Command line: ``newsarchive build`` and ``newsarchive inspect``."""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from tqdm import tqdm

from generator.publish.exports import render_exports
from generator.model import Archive, Article, Field, Page, Problem
from generator.publish.sitemap import (
    Assignment,
    Permalink,
    assign_permalinks,
    parse_permalink_lock,
    render_permalink_lock,
    render_redirect_pages,
    render_tombstone_pages,
    select_locked_event_ids,
)
from generator.files.cache import CACHE_DIR, ExtractionCache
from generator.build import build_archive
from generator.evaluate import render_misses, render_table, score_all
from generator.files.curation import read_yaml
from generator.files.lock import read_permalink_lock, write_permalink_lock
from generator.files.project import read_settings_table, read_site_url
from generator.files.seeds import check_seed_args, list_seed_paths, read_archive_inputs
from generator.publish.pages import compose_fresh_paths, escape_markdown, render_body_markdown, render_site
from generator.settings import Settings, SettingsError, load_settings
from generator.files.output import UnsafePathError, write_build_report, write_pages

# Outside the MkDocs docs_dir, which would publish it; at the project root,
# ignored by git (.gitignore).
BUILD_REPORT = Path(".newsarchive") / "build-report.json"
# The cache table of the pages last written (see write.write_pages).
WRITTEN_TABLE = "written"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``newsarchive`` and ``python -m generator``."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings(
            read_settings_table(Path.cwd()),
            seeds_dir=getattr(args, "seeds", None),
            out_dir=getattr(args, "out", None),
            spacy_model=getattr(args, "spacy_model", None),
            # where MkDocs will serve the site, so canonical URLs, citations and the feed agree with it
            site_url=read_site_url(Path.cwd()) or os.environ.get("SITE_URL") or None,
        )
    except SettingsError as exc:
        print(exc, file=sys.stderr)
        return 2
    return args.run(args, settings)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsarchive", description="Build a searchable news archive from raw article files.")
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    build = sub.add_parser("build", help="read every seed and write the archive's Markdown pages")
    build.add_argument("--seeds", type=Path, help="folder of article files (default: seeds/)")
    build.add_argument("--out", type=Path, help="MkDocs docs_dir to write into (default: site_src/)")
    build.add_argument("--strict", action="store_true", help="exit non-zero when any file had a problem")
    build.add_argument(
        "--report", type=Path, default=BUILD_REPORT, help=f"JSON list of every problem (default: {BUILD_REPORT})"
    )
    build.add_argument("--spacy-model", help="an installed spaCy pipeline adding entity candidates")
    build.add_argument("--jobs", type=int, default=_cores(), help="processes extracting seeds (default: all cores)")
    build.add_argument("--no-cache", action="store_true", help=f"extract every seed again, ignoring {CACHE_DIR}/")
    build.set_defaults(run=run_build)

    inspect = sub.add_parser("inspect", help="show what is extracted from seeds, writing nothing")
    inspect.add_argument("files", nargs="+", type=Path, help="seed files, taken together as one archive")
    inspect.add_argument("--json", action="store_true", help="print a JSON list, one object per file")
    inspect.add_argument("--no-curation", action="store_true", help="ignore sidecars and decision files")
    inspect.add_argument("--spacy-model", help="an installed spaCy pipeline adding entity candidates")
    inspect.set_defaults(run=run_inspect)

    evaluate = sub.add_parser("eval", help="score extraction against a truth file (see seed_truth.yml)")
    evaluate.add_argument("--truth", type=Path, required=True, help="YAML truth file")
    evaluate.add_argument("--seeds", type=Path, help="folder of article files (default: seeds/)")
    evaluate.add_argument("--reviewed", type=Path, help="YAML mapping of real actors the truth omits (name: evidence)")
    evaluate.set_defaults(run=run_eval)
    return parser


@contextmanager
def _progress(total: int, what: str) -> Iterator[Callable[[int], None]]:
    # delay: the bar appears only when the work takes more than a moment;
    # disable=None: and only on a terminal, so logs stay clean.
    with tqdm(total=total, desc=what, unit="file", delay=1.0, disable=None, file=sys.stderr, leave=False) as bar:
        yield bar.update


def _cores() -> int:
    """Cores this process may run on (a container's limit, not the host's count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_build(args: argparse.Namespace, settings: Settings) -> int:
    """Read, extract, render and write; print a summary and every problem."""
    with _without_cycle_collection():
        return _run_build(args, settings)


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


def _run_build(args: argparse.Namespace, settings: Settings) -> int:
    paths = list_seed_paths(settings.seeds_dir)
    with _progress(len(paths) * 2, "building") as tick:
        inputs = read_archive_inputs(settings.seeds_dir, max_bytes=settings.max_seed_bytes, progress=tick)
        lock_data, lock_problems, lock_path = read_permalink_lock(settings.out_dir)
        lock, found = parse_permalink_lock(lock_data, lock_path.as_posix())
        cache = None if args.no_cache else ExtractionCache(Path.cwd() / CACHE_DIR)
        archive = build_archive(
            inputs,
            spacy_model=settings.spacy_model,
            progress=tick,
            locked_event_ids=select_locked_event_ids(lock),
            jobs=max(1, args.jobs),
            cache=cache,
        )
        if cache is not None:
            cache.save()
    problems = [*lock_problems, *found, *archive.problems]
    if archive.articles:
        try:
            pages, assignment = render_publication(archive, settings, lock)
            written = cache.table(WRITTEN_TABLE) if cache is not None else None
            problems += write_pages(pages, settings.out_dir, protect=(settings.seeds_dir,), written=written)
            if cache is not None:
                cache.save()
            # only once the pages are in place: the lock records addresses that exist
            write_permalink_lock(lock_path, render_permalink_lock(assignment.lock))
        except (UnsafePathError, OSError) as exc:
            problems.append(Problem(str(settings.out_dir), f"not written, the previous output is intact: {exc}"))
            archive = replace(archive, articles=())
    problems = list(dict.fromkeys(problems))  # one file's problem is reported once
    for problem in problems:
        print(problem, file=sys.stderr)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    print(
        f"{len(archive.articles)} articles, {len(archive.actors)} actors, {len(archive.events)} events"
        f" -> {settings.out_dir} ({errors} errors, {warnings} warnings)"
    )
    status = 1 if not archive.articles or (args.strict and problems) else 0
    write_build_report(compose_build_report(archive, problems, settings, status), args.report)
    if not archive.articles:
        print(f"error: no article could be built from {settings.seeds_dir} (see {args.report})", file=sys.stderr)
    return status


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


def render_publication(
    archive: Archive, settings: Settings, lock: Sequence[Permalink] = ()
) -> tuple[tuple[Page, ...], Assignment]:
    """Every file of the site at its permanent address: pages, redirects, tombstones, feed and data."""
    assignment = assign_permalinks(archive, compose_fresh_paths(archive), lock)
    assigned = {"article": assignment.article, "actor": assignment.actor, "event": assignment.event}
    pages = (
        render_site(archive, settings, assigned)
        + render_tombstone_pages(assignment, escape_markdown)
        + render_redirect_pages(assignment, settings.site_url)
        + render_exports(archive, assigned, settings)
    )
    return pages, assignment


def run_inspect(args: argparse.Namespace, settings: Settings) -> int:
    """Print the extraction of the given seeds, as JSON or as a readable report."""
    unreadable = check_seed_args(args.files)  # must be regular files: a FIFO would block
    if unreadable:
        for problem in unreadable:
            print(problem, file=sys.stderr)
        return 2
    seeds_dir = args.files[0].parent
    inputs = read_archive_inputs(seeds_dir, paths=args.files, max_bytes=settings.max_seed_bytes)
    archive = build_archive(
        inputs,
        use_curation=not args.no_curation,
        spacy_model=settings.spacy_model,
        locked_event_ids=_locked_event_ids(settings),
    )
    for problem in archive.problems:
        print(problem, file=sys.stderr)
    records = [inspect_record(a, archive) for a in _in_given_order(archive, args.files)]
    if args.json:
        print(json.dumps(records, indent=2, ensure_ascii=False))
    else:
        print("\n\n".join(_report(r) for r in records))
    return 0


def run_eval(args: argparse.Namespace, settings: Settings) -> int:
    """Print accuracy tables without and with curation."""
    truth, problems = read_yaml(args.truth)
    if truth is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 2
    inputs = read_archive_inputs(settings.seeds_dir, max_bytes=settings.max_seed_bytes)
    reviewed: list[str] = []
    if args.reviewed is not None:
        data, found = read_yaml(args.reviewed)
        problems = (*problems, *found)
        reviewed = sorted(data) if isinstance(data, dict) else []
    for problem in problems:
        print(problem, file=sys.stderr)
    locked = _locked_event_ids(settings)
    runs = {
        "without curation": score_all(
            build_archive(inputs, use_curation=False, locked_event_ids=locked), truth, reviewed
        ),
        "with curation": score_all(build_archive(inputs, locked_event_ids=locked), truth, reviewed),
    }
    print(render_table(runs))
    for name, scores in runs.items():
        print()
        print(render_misses(name, scores))
    return 0


def _locked_event_ids(settings: Settings) -> dict[str, str]:
    """The event ids the site already uses, so ``inspect`` and ``eval`` name events as the site does."""
    lock_data, _, lock_path = read_permalink_lock(settings.out_dir)
    lock, _ = parse_permalink_lock(lock_data, lock_path.as_posix())
    return select_locked_event_ids(lock)


def _in_given_order(archive: Archive, files: Sequence[Path]) -> list[Article]:
    by_id = {a.id: a for a in archive.articles}
    return [by_id[p.stem] for p in files if p.stem in by_id]


def inspect_record(article: Article, archive: Archive) -> dict[str, Any]:
    """The public JSON record of one article (keys are an interface: add, never rename)."""
    event = archive.event_of(article.id)
    return {
        "id": article.id,
        "title": article.title.value,
        "date": article.date.value.date.isoformat() if article.date else None,
        "date_precision": article.date.value.precision if article.date else None,
        "outlet": article.outlet.value if article.outlet else None,
        "source_url": article.source_url.value if article.source_url else None,
        "dateline": article.doc.dateline,
        "actors": [
            {"name": a.name, "type": a.type, "mentions": _surfaces_in(article, a.surfaces)}
            for a in (archive.actor(i) for i in article.actor_ids)
        ],
        "body": render_body_markdown(article.doc),
        "summary": article.summary.value if article.summary else None,
        "captions": [b.text for b in article.doc.of_kind("caption")],
        "provenance": {
            "title": _provenance(article.title),
            "date": _provenance(article.date),
            "outlet": _provenance(article.outlet),
            "source_url": _provenance(article.source_url),
            "summary": _provenance(article.summary),
        },
        "removed": [{"line": r.line_no, "text": r.text, "rule": r.rule} for r in article.doc.removed],
        "event": (
            {
                "id": event.id,
                "title": event.title,
                "date": event.date.date.isoformat() if event.date else None,
                "related": list(event.related),
            }
            if event
            else None
        ),
        "sha256": article.sha256,
        "source_file": article.source_path,
    }


def _surfaces_in(article: Article, surfaces: Sequence[str]) -> list[str]:
    mine = {m.surface for m in article.mentions}
    found = [s for s in surfaces if s in mine]
    return found or list(surfaces)


def _provenance(field: Field[Any] | None) -> dict[str, Any] | None:
    return field.provenance.as_dict() if field is not None else None


def _report(record: dict[str, Any]) -> str:
    prov = record["provenance"]

    def how(key: str) -> str:
        p = prov.get(key)
        return f"  [{p['tier']}: {p['method']}, {p['confidence']}]" if p else ""

    lines = [
        f"== {record['id']}",
        f"title:   {record['title']}{how('title')}",
        f"date:    {record['date'] or '-'}{how('date')}",
        f"outlet:  {record['outlet'] or '-'}{how('outlet')}",
        f"summary: {record['summary'] or '-'}",
        f"event:   {record['event']['title'] if record['event'] else '-'}",
        "actors:  " + ", ".join(f"{a['name']} ({a['type']})" for a in record["actors"]),
        f"removed: {len(record['removed'])} line(s)",
    ]
    lines += [f"   - line {r['line']} [{r['rule']}] {r['text'][:70]}" for r in record["removed"]]
    return "\n".join(lines)
