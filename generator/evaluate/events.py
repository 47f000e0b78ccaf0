"""Event grouping on real coverage: the development corpus's 20 ECB+ events.

``<devcorpus>/events`` holds 120 news texts, six reports of each of 20 events in
10 topics; the two events of a topic are similar happenings at different times
(two earthquakes, two shootings), which must stay apart. Each text is built
into an archive as a seed (:meth:`CorpusText.as_seed`, then ``build_archive``
without curation), so what is measured is the whole pipeline: whether it reads
the date line, the body it keeps, the actors it finds and the grouping.

Two runs:

* **as they come**: subtopic-1 texts have no date line (undated), subtopic-2
  texts mostly have one;
* **all dates hidden**: every date line the labels name is removed, so every
  article is grouped on its words alone (a date written in a sentence stays: it
  is part of the report).

Scored by pairwise precision, recall and F1 over same-event pairs; the pairs
still wrong are listed with their events, so a regression says what it broke.
A text the build skips as the same article as another (ECB+ holds a company's
press release and a site's repost of it, a report and a forum's copy of it) is
not scored: that is the duplicate test's decision (resolve/duplicates.py), not
the grouping's. The report names each.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.build import build_archive
from generator.files.devcorpus import CorpusText, read_event_corpus
from generator.files.seeds import ArchiveInputs
from generator.model import Archive
from generator.settings import BuildOptions

FOLDER = "events"


@dataclass(frozen=True)
class PairScore:
    """Pairwise agreement of a grouping with the labelled events."""

    true_pairs: int  # pairs grouped and labelled as one event
    grouped_pairs: int  # pairs the grouping puts together
    labelled_pairs: int  # pairs the labels put together
    merged: tuple[tuple[str, str], ...]  # grouped, but two events
    missed: tuple[tuple[str, str], ...]  # one event, but apart

    @property
    def precision(self) -> float:
        return self.true_pairs / self.grouped_pairs if self.grouped_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.true_pairs / self.labelled_pairs if self.labelled_pairs else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_pairs(groups: Iterable[Iterable[str]], labels: Mapping[str, str]) -> PairScore:
    """Pairwise precision and recall of ``groups`` (article ids) against ``labels`` (id -> event)."""
    grouped = {tuple(sorted(p)) for g in groups for p in itertools.combinations([a for a in g if a in labels], 2)}
    by_event: dict[str, list[str]] = {}
    for article_id, event in labels.items():
        by_event.setdefault(event, []).append(article_id)
    labelled = {tuple(sorted(p)) for members in by_event.values() for p in itertools.combinations(members, 2)}
    return PairScore(
        true_pairs=len(grouped & labelled),
        grouped_pairs=len(grouped),
        labelled_pairs=len(labelled),
        merged=tuple(sorted(grouped - labelled)),  # type: ignore[arg-type]
        missed=tuple(sorted(labelled - grouped)),  # type: ignore[arg-type]
    )


def hide_date_line(text: CorpusText) -> CorpusText:
    """The text without the date line its labels name (the headline and body unchanged)."""
    date_line = text.labels.get("date_line")
    if not date_line:
        return text
    lines = text.text.split("\n")
    kept = [line for line in lines if line.strip() != date_line.strip()]
    return CorpusText(id=text.id, text="\n".join(kept), labels=text.labels, reference_body=text.reference_body)


def build_corpus_archive(texts: Sequence[CorpusText]) -> Archive:
    """The archive the pipeline builds from ``texts``, without curation."""
    seeds = tuple(t.as_seed(FOLDER) for t in texts)
    return build_archive(ArchiveInputs(seeds=seeds), BuildOptions(use_curation=False))


def measure_runs(devcorpus: Path) -> dict[str, tuple[PairScore, Archive]]:
    """Score of each run (as they come, all dates hidden) and the archive it scored."""
    texts = read_event_corpus(devcorpus / FOLDER)
    labels = {t.id: t.labels["event"] for t in texts}
    runs: dict[str, tuple[PairScore, Archive]] = {}
    for name, variant in (("dates as they come", texts), ("all dates hidden", tuple(map(hide_date_line, texts)))):
        archive = build_corpus_archive(variant)
        runs[name] = (score_pairs((e.article_ids for e in archive.events), built_labels(labels, archive)), archive)
    return runs


def built_labels(labels: Mapping[str, str], archive: Archive) -> dict[str, str]:
    """The labels of the texts the build made an article of (not those skipped as copies)."""
    built = {a.id for a in archive.articles}
    return {article_id: event for article_id, event in labels.items() if article_id in built}


def split_topics(labels: Mapping[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """The labels of every other topic (by topic number: A the 1st, 3rd ..., B the 2nd, 4th ...).

    Thresholds are chosen on half A and reported on half B as well, so a choice that
    only fits the topics it was tuned on shows (``data/events.yml`` says which)."""
    topics = sorted({event.split("_")[0] for event in labels.values()}, key=lambda t: (len(t), t))
    half_a = set(topics[0::2])
    a = {k: e for k, e in labels.items() if e.split("_")[0] in half_a}
    b = {k: e for k, e in labels.items() if e.split("_")[0] not in half_a}
    return a, b


def render_report(runs: Mapping[str, tuple[PairScore, Archive]], labels: Mapping[str, str] | None = None) -> str:
    """The table of figures (each run, and each half of the topics when ``labels`` are
    given) and the pairs still wrong, by event."""
    lines = ["| run | precision | recall | F1 | pairs grouped | events |", "|---|---|---|---|---|---|"]
    for name, (score, archive) in runs.items():
        lines.append(
            f"| {name} | {score.precision:.3f} | {score.recall:.3f} | {score.f1:.3f} "
            f"| {score.true_pairs}/{score.grouped_pairs} right of {score.labelled_pairs} | {len(archive.events)} |"
        )
        for half, half_labels in zip(("A", "B"), split_topics(built_labels(labels, archive)) if labels else ()):
            part = score_pairs((e.article_ids for e in archive.events), half_labels)
            lines.append(
                f"| {name}, topics {half} | {part.precision:.3f} | {part.recall:.3f} | {part.f1:.3f} "
                f"| {part.true_pairs}/{part.grouped_pairs} right of {part.labelled_pairs} | |"
            )
    for name, (score, archive) in runs.items():
        dated = sum(a.date is not None for a in archive.articles)
        lines.append(f"\n{name}: {dated}/{len(archive.articles)} articles dated")
        skipped = sorted(set(labels or ()) - {a.id for a in archive.articles})
        if skipped:
            lines.append(f"- not scored, skipped as the same article as another text ({len(skipped)}): " + ", ".join(skipped))
        if score.merged:
            lines.append(f"- merged ({len(score.merged)}): " + ", ".join(f"{a}~{b}" for a, b in score.merged))
        missed_by_event: dict[str, int] = {}
        for a, _ in score.missed:
            event = a.rsplit("_", 1)[0]
            missed_by_event[event] = missed_by_event.get(event, 0) + 1
        if missed_by_event:
            lines.append("- missed pairs by event: " + ", ".join(f"{e}: {n}" for e, n in sorted(missed_by_event.items())))
    return "\n".join(lines)


def report(devcorpus: Path) -> str:
    """``make eval``'s section: event grouping on the development corpus."""
    labels = {t.id: t.labels["event"] for t in read_event_corpus(devcorpus / FOLDER)}
    return render_report(measure_runs(devcorpus), labels)
