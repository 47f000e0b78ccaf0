"""Command line: ``newsarchive build``, ``inspect``, ``eval``, ``new``, ``search-index`` and ``site``: argument parsing only.

Each command's work is done elsewhere: :func:`generator.build.run_build`,
:func:`generator.inspect.run_inspect`, :func:`generator.evaluate.run_eval`,
:func:`generator.files.new_archive.make_new_archive`, :func:`generator.files.search_index.build_search_index`,
:func:`generator.files.site_build.build_site`. A build with nothing changed is answered
here from its stamp (:mod:`generator.files.build_stamp`), before the generator is imported.
"""

from __future__ import annotations

import argparse
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Sequence

from tqdm import tqdm

from generator.files.build_stamp import (
    GENERATOR_STAMP,
    compose_generator_inputs,
    is_up_to_date,
    list_generator_outputs,
    read_stamp,
)
from generator.files.cache import CACHE_DIR, compute_fingerprint
from generator.files.project import read_settings_table, read_site_url
from generator.files.new_archive import PROJECT_ROOT, NewArchiveError, make_new_archive
from generator.files.output import BUILD_REPORT, read_build_report, replace_folder
from generator.files.search_index import SearchIndexError, build_search_index
from generator.files.seeds import list_seed_paths
from generator.files.site_build import SiteBuildError, build_site
from generator.settings import OWNED_DIRS, OWNED_PAGES, PERMALINKS_FILE, BuildOptions, Settings, SettingsError, load_settings

# generator.build, .inspect and .evaluate are imported by the commands that run them:
# they load spaCy, dateparser and the rules (a second of CPU), which a build with
# nothing changed never needs (see _run_build).


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
    build.add_argument("-v", "--verbose", action="store_true", help="print every problem (default: the first ten)")
    build.set_defaults(run=_run_build)

    inspect = sub.add_parser("inspect", help="show what is extracted from seeds, writing nothing")
    inspect.add_argument("files", nargs="+", type=Path, help="seed files, taken together as one archive")
    inspect.add_argument("--json", action="store_true", help="print a JSON list, one object per file")
    inspect.add_argument("--no-curation", action="store_true", help="ignore sidecars and decision files")
    inspect.add_argument("--spacy-model", help="an installed spaCy pipeline adding entity candidates")
    inspect.set_defaults(run=_run_inspect)

    evaluate = sub.add_parser("eval", help="score extraction against a truth file (see seed_truth.yml)")
    evaluate.add_argument("--truth", type=Path, required=True, help="YAML truth file")
    evaluate.add_argument("--seeds", type=Path, help="folder of article files (default: seeds/)")
    evaluate.add_argument("--reviewed", type=Path, help="YAML mapping of real actors the truth omits (name: evidence)")
    evaluate.add_argument("--devcorpus", type=Path, help="the development corpus folder (web/, events/) to score as well")
    evaluate.set_defaults(run=_run_eval)

    new = sub.add_parser("new", help="make an empty archive of your own in a new folder (its own title, no demo)")
    new.add_argument("folder", type=Path, help="a new or empty folder")
    new.add_argument("--title", required=True, help="the archive's title (site_name and archive_title)")
    new.set_defaults(run=_run_new)

    search = sub.add_parser("search-index", help="index the built site for search (Pagefind), byte-stable")
    search.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site/)")
    search.add_argument(
        "--publish-to",
        type=Path,
        help="once indexed, put the site in place of this folder in one step (make site: a staging folder -> site/)",
    )
    search.add_argument(
        "--report", type=Path, default=BUILD_REPORT, help=f"the build report whose counts the summary gives (default: {BUILD_REPORT})"
    )
    search.set_defaults(run=_run_search_index)

    site = sub.add_parser(
        "site", help="build site/ from the docs folder (MkDocs, then Pagefind) through a staging folder; nothing if nothing changed"
    )
    site.add_argument("--docs", type=Path, default=Path("site_src"), help="MkDocs' docs_dir (default: site_src/)")
    site.add_argument("--staging", type=Path, default=Path(".site-staging"), help="where MkDocs and Pagefind build (default: .site-staging/)")
    site.add_argument("--site", type=Path, default=Path("site"), help="the folder the built site replaces (default: site/)")
    site.add_argument(
        "--report", type=Path, default=BUILD_REPORT, help=f"the build report whose counts the summary gives (default: {BUILD_REPORT})"
    )
    site.set_defaults(run=_run_site)
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


def _run_build(args: argparse.Namespace, settings: Settings) -> int:
    # Nothing changed since the last build (its inputs, hashed, and its outputs, as it
    # left them: files/build_stamp.py): say again what it said, and stop.
    inputs = None
    if not args.no_cache:
        flags = (args.strict, args.verbose, args.report.as_posix(), Path.cwd().as_posix())
        inputs = compose_generator_inputs(settings.seeds_dir, compute_fingerprint(), settings, flags)
        stamp = read_stamp(GENERATOR_STAMP)
        outputs = list_generator_outputs(settings.out_dir, (*OWNED_DIRS, *OWNED_PAGES, PERMALINKS_FILE), args.report)
        if stamp is not None and is_up_to_date(stamp, inputs, outputs):
            for stream, text in stamp.get("messages", ()):
                print(text, file=sys.stdout if stream == "stdout" else sys.stderr)
            return int(stamp.get("status", 0))
    from generator.build import run_build

    options = BuildOptions(
        spacy_model=settings.spacy_model,
        jobs=max(1, args.jobs),
        max_page_bytes=settings.max_page_bytes,
        max_title_chars=settings.max_title_chars,
        max_summary_chars=settings.max_summary_chars,
    )
    with _progress(len(list_seed_paths(settings.seeds_dir)) * 2, "building") as tick:  # read, then extracted
        return run_build(
            settings,
            options,
            report_path=args.report,
            strict=args.strict,
            use_cache=not args.no_cache,
            progress=tick,
            verbose=args.verbose,
            stamp_inputs=inputs,
        )


def _run_inspect(args: argparse.Namespace, settings: Settings) -> int:
    from generator.inspect import run_inspect

    return run_inspect(args.files, settings, as_json=args.json, use_curation=not args.no_curation)


def _run_eval(args: argparse.Namespace, settings: Settings) -> int:
    from generator.evaluate import run_eval

    return run_eval(args.truth, settings, args.reviewed, args.devcorpus)


def _run_new(args: argparse.Namespace, settings: Settings) -> int:
    try:
        make_new_archive(args.folder, args.title)
    except NewArchiveError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(
        f"New archive {args.title.strip()!r} in {args.folder}/. Put article files in {args.folder}/seeds/, then run"
        f" `make site` in {args.folder}/ (it uses the generator of {PROJECT_ROOT}); see the README, \"Starting your own archive\"."
    )
    return 0


def _run_search_index(args: argparse.Namespace, settings: Settings) -> int:
    try:
        build_search_index(args.site)
    except SearchIndexError as exc:
        print(exc, file=sys.stderr)
        return 1
    if args.publish_to is not None and args.publish_to.resolve() != args.site.resolve():
        replace_folder(args.site, args.publish_to)
    print(summarize_site(read_build_report(args.report), args.publish_to or args.site, args.report))
    return 0


def _run_site(args: argparse.Namespace, settings: Settings) -> int:
    try:
        built = build_site(Path.cwd(), args.docs, args.staging, args.site)
    except (SiteBuildError, SearchIndexError) as exc:
        print(exc, file=sys.stderr)
        return 1
    summary = summarize_site(read_build_report(args.report), args.site, args.report)
    print(summary if built else f"{summary}; nothing changed since the last build, so MkDocs and Pagefind did not run")
    return 0


def summarize_site(report: dict | None, site: Path, report_path: Path) -> str:
    """The last line of `make site`: what the site holds, its problems, and where it is."""
    where = f"site ready in {site.as_posix()}/"
    if report is None:
        return where
    counts = ", ".join(f"{report.get(k, 0)} {k}" for k in ("articles", "actors", "events", "warnings", "errors"))
    return f"{counts} -> {where} (problems listed in {report_path.as_posix()})"
