"""``make eval``: how well the generator does, measured, never assumed.

* :mod:`.seeds`: the five sample seeds against a careful reader's truth file
  (``seed_truth.yml``), without and with curation;
* the development corpus (``../shared/devcorpus``, read by ``files/devcorpus.py``):
  one module per question, each a pure function from the corpus to figures, with
  the floors ``make test`` keeps under them (``tests/evaluate/``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from generator.build import build_archive, read_locked_event_ids
from generator.evaluate import actors, calibration, events, fields, mixed_events, web, web2, web2_html
from generator.evaluate.seeds import render_misses, render_table, score_all
from generator.files.curation import read_yaml
from generator.files.seeds import read_archive_inputs
from generator.settings import BuildOptions, Settings

# The development corpus's reports, each ``(name, report(devcorpus_dir) -> str)``,
# printed by ``make eval`` after the seeds' tables; one module per question.
DEVCORPUS_REPORTS: tuple[tuple[str, object], ...] = (
    ("Article text", web.report),
    ("Article text on web2 (other sites, four dump styles, many languages)", web2.report),
    ("Saved web pages: web2 read from its HTML as .html seeds", web2_html.report),
    ("Confidence: are the headline's and body's probabilities calibrated?", calibration.report),
    ("Dates, outlets and authors", fields.report),
    ("Actors", actors.report),
    ("Events", events.report),
    ("Events in a mixed pile (ECB+, web/, web2's English articles)", mixed_events.report),
)


def run_eval(truth_path: Path, settings: Settings, reviewed_path: Path | None = None, devcorpus: Path | None = None) -> int:
    """Print the seeds' accuracy tables, without and with curation."""
    truth, problems = read_yaml(truth_path)
    if truth is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 2
    inputs = read_archive_inputs(settings.seeds_dir, max_bytes=settings.max_seed_bytes, limits=settings.input_limits())
    reviewed: list[str] = []
    if reviewed_path is not None:
        data, found = read_yaml(reviewed_path)
        problems = (*problems, *found)
        reviewed = sorted(data) if isinstance(data, dict) else []
    for problem in problems:
        print(problem, file=sys.stderr)
    locked = read_locked_event_ids(settings)
    runs = {
        "without curation": score_all(
            build_archive(inputs, BuildOptions(use_curation=False, locked_event_ids=locked)), truth, reviewed
        ),
        "with curation": score_all(build_archive(inputs, BuildOptions(locked_event_ids=locked)), truth, reviewed),
    }
    print(render_table(runs))
    for name, scores in runs.items():
        print()
        print(render_misses(name, scores))
    if devcorpus is not None:
        for name, report in DEVCORPUS_REPORTS:
            print(f"\n## {name} (development corpus, {devcorpus})\n")
            print(report(devcorpus))  # type: ignore[operator]
    return 0
