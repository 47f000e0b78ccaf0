"""Event grouping on a real, mixed pile: many stories, many from one site.

The ECB+ set (``events.py``) holds two look-alike happenings per topic and
nothing else; a real archive holds many stories, several pages of one site,
neighbouring topics. This pile is one archive of:

* every text of ``<devcorpus>/events`` (ECB+, its 20 labelled events);
* every page of ``<devcorpus>/web``;
* every English page of ``<devcorpus>/web2`` (``language`` ``en``) but those
  that are no article (shops, docs, institutional pages ...: listed with a why
  in ``data/mixed_events.yml``).

The same-happening groups among the web pages were labelled by reading them,
before any tuning (``data/mixed_events.yml``: each group with its why); every
page named in no group is a happening of its own.

Reported, for the whole pile and by halves:

* pairwise precision and recall over same-happening pairs;
* the multi-article events that mix happenings (how many, and their share of
  the multi-article events);
* the event titles that are a sentence from the middle of a text (a title must
  be a headline, or a text's lead).

**Halves** (fixed): the happenings, each keyed by its smallest article id, in
sorted order; half A the even positions, half B the odd ones. A half's labelled
pairs are the pairs of its happenings; its grouped pairs are those with at least
one article in it (so a wrong merge across the halves counts against both), and
an event is in a half when one of its articles is.

Texts the build skips as the same article as another (duplicates.py) are not
scored, as in ``events.py``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.build import build_archive
from generator.evaluate.events import PairScore
from generator.files.devcorpus import (
    CorpusText,
    read_event_corpus,
    read_mixed_pile_labels,
    read_web2_corpus,
    read_web_corpus,
)
from generator.files.seeds import ArchiveInputs
from generator.model import Archive
from generator.settings import BuildOptions


@dataclass(frozen=True)
class Pile:
    """The pile's texts (with the folder each came from) and each text's happening."""

    texts: tuple[tuple[str, CorpusText], ...]
    happening: Mapping[str, str]  # article id -> happening key

    def halves(self) -> tuple[frozenset[str], frozenset[str]]:
        """The article ids of half A and half B (see the module docstring)."""
        members: dict[str, list[str]] = {}
        for article_id, key in self.happening.items():
            members.setdefault(key, []).append(article_id)
        ordered = sorted(members.values(), key=min)
        a = frozenset(x for k, m in enumerate(ordered) if k % 2 == 0 for x in m)
        b = frozenset(x for k, m in enumerate(ordered) if k % 2 == 1 for x in m)
        return a, b


def compose_pile(devcorpus: Path, labels: Mapping | None = None) -> Pile:
    """The mixed pile of ``devcorpus`` and the happening of each of its texts."""
    labels = labels or read_mixed_pile_labels()
    dropped = set(labels.get("web2_dropped") or {})
    events = read_event_corpus(devcorpus / "events")
    web = read_web_corpus(devcorpus / "web")
    web2 = [t for t in read_web2_corpus(devcorpus / "web2") if t.labels.get("language") == "en" and t.id not in dropped]
    texts = tuple([("events", t) for t in events] + [("web", t) for t in web] + [("web2", t) for t in web2])
    happening = {t.id: t.id for _, t in texts}
    happening.update({t.id: f"ecb-{t.labels['event']}" for t in events})
    for group in labels.get("groups") or ():
        pages = [p for p in group["pages"] if p in happening]
        for page in pages:
            happening[page] = f"group-{min(pages)}"
    return Pile(texts=texts, happening=happening)


@lru_cache(maxsize=2)
def _build_cached(devcorpus: str) -> tuple[Pile, Archive]:
    pile = compose_pile(Path(devcorpus))
    seeds = tuple(t.as_seed(folder) for folder, t in pile.texts)
    return pile, build_archive(ArchiveInputs(seeds=seeds), BuildOptions(use_curation=False))


def build_pile_archive(devcorpus: Path) -> tuple[Pile, Archive]:
    """The pile and the archive the pipeline builds of it, without curation (once per process)."""
    return _build_cached(str(devcorpus.resolve()))


@dataclass(frozen=True)
class PileScore:
    pairs: PairScore
    multi_events: int  # events of two articles or more
    mixing: tuple[tuple[str, ...], ...]  # the article ids of each multi-article event that mixes happenings
    mid_text_titles: tuple[str, ...]  # event titles that are a sentence from the middle of a text
    file_name_titles: tuple[str, ...] = ()  # event titles made up from a file name ("12 1 6")

    @property
    def mixing_share(self) -> float:
        return len(self.mixing) / self.multi_events if self.multi_events else 0.0


def score_pile(
    groups: Iterable[Sequence[str]], happening: Mapping[str, str], within: frozenset[str] | None = None
) -> tuple[PairScore, int, tuple[tuple[str, ...], ...]]:
    """Pairwise agreement of ``groups`` with ``happening`` (only scored ids count), the
    number of multi-article groups and those mixing happenings; ``within``: a half's
    ids (labelled pairs inside it, grouped pairs and groups touching it)."""
    groups = [[a for a in g if a in happening] for g in groups]
    inside = (lambda ids: True) if within is None else (lambda ids: any(a in within for a in ids))
    grouped = {tuple(sorted(p)) for g in groups for p in itertools.combinations(g, 2) if inside(p)}
    by_key: dict[str, list[str]] = {}
    for article_id, key in happening.items():
        if within is None or article_id in within:
            by_key.setdefault(key, []).append(article_id)
    labelled = {tuple(sorted(p)) for m in by_key.values() for p in itertools.combinations(m, 2)}
    pairs = PairScore(
        true_pairs=len(grouped & labelled),
        grouped_pairs=len(grouped),
        labelled_pairs=len(labelled),
        merged=tuple(sorted(grouped - labelled)),  # type: ignore[arg-type]
        missed=tuple(sorted(labelled - grouped)),  # type: ignore[arg-type]
    )
    multi = [g for g in groups if len(g) > 1 and inside(g)]
    mixing = tuple(tuple(sorted(g)) for g in multi if len({happening[a] for a in g}) > 1)
    return pairs, len(multi), mixing


def _fold(text: str) -> str:
    """Words only, casefolded: a title and the line it came from compare equal."""
    return " ".join(re.sub(r"[^\w\s]", " ", text).split()).casefold()


def find_mid_text_titles(archive: Archive) -> tuple[str, ...]:
    """Event titles that are a sentence from the middle of one of the event's texts:
    a whole sentence of the body other than its lead, or a line after the start of
    the body taken for a headline the extractor doubts; not a headline it trusts
    (confidence :data:`TRUSTED_HEADLINE` or more), which some pages print below a
    menu the body kept, or repeat lower down."""
    by_id = {a.id: a for a in archive.articles}
    found = []
    for event in archive.events:
        title = _fold(event.title)
        members = [by_id[a] for a in event.article_ids]
        if any(_fold(a.title.value) == title and a.title.provenance.confidence >= TRUSTED_HEADLINE for a in members):
            continue
        if title and any(_is_mid_text(a, title) for a in members):
            found.append(f"{event.id}: {event.title}")
    return tuple(found)


# A headline the extractor gives this confidence or more is the page's headline
# (headline_model.yml's calibration: of those, about this share are right).
TRUSTED_HEADLINE = 0.5


def _is_mid_text(article, title: str) -> bool:
    body = [b for b in article.doc.body_blocks() if _fold(b.plain())]
    paragraphs = [b for b in body if b.kind == "paragraph"]
    if not paragraphs:
        return False
    start = paragraphs[0].line_no  # a menu the body kept above it is not the text
    if any(_fold(b.text) == title for b in article.doc.of_kind("title") if b.line_no > start):
        return True
    return any(
        _fold(sentence) == title for b in body if b.line_no > start for sentence in _SENTENCE_END.split(b.plain())
    ) or any(_fold(s) == title for s in _SENTENCE_END.split(paragraphs[0].plain())[1:])


# Where a sentence ends: a full stop, question or exclamation mark and a space.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+")


def measure_pile(devcorpus: Path) -> dict[str, PileScore]:
    """The pile's figures: ``all``, ``A`` and ``B`` (see the module docstring)."""
    pile, archive = build_pile_archive(devcorpus)
    built = {a.id for a in archive.articles}
    happening = {k: v for k, v in pile.happening.items() if k in built}
    mid = find_mid_text_titles(archive)
    by_id = {a.id: a for a in archive.articles}
    file_named = tuple(
        e.title
        for e in archive.events
        if any(by_id[a].title.provenance.method == "file-name" and by_id[a].title.value == e.title for a in e.article_ids)
    )
    groups = [e.article_ids for e in archive.events]
    scores = {}
    for name, within in (("all", None), *zip(("A", "B"), pile.halves())):
        pairs, multi, mixing = score_pile(groups, happening, within)
        scores[name] = PileScore(
            pairs=pairs, multi_events=multi, mixing=mixing, mid_text_titles=mid if name == "all" else (),
            file_name_titles=file_named if name == "all" else (),
        )
    return scores


def render_report(scores: Mapping[str, PileScore], archive: Archive | None = None) -> str:
    lines = [
        "| part | precision | recall | F1 | pairs right/grouped of labelled | multi-article events | mixing stories |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, s in scores.items():
        p = s.pairs
        lines.append(
            f"| {name} | {p.precision:.3f} | {p.recall:.3f} | {p.f1:.3f} | {p.true_pairs}/{p.grouped_pairs} of "
            f"{p.labelled_pairs} | {s.multi_events} | {len(s.mixing)} ({s.mixing_share:.1%}) |"
        )
    whole = scores["all"]
    lines.append(f"\nevent titles that are a mid-text sentence: {len(whole.mid_text_titles)}")
    lines.extend(f"- {t}" for t in whole.mid_text_titles[:20])
    lines.append(f"event titles made up from a file name: {len(whole.file_name_titles)}")
    if whole.mixing:
        lines.append(f"\nevents mixing happenings ({len(whole.mixing)}):")
        lines.extend("- " + ", ".join(g) for g in whole.mixing)
    missed = [f"{a}~{b}" for a, b in whole.pairs.missed]
    if missed:
        lines.append(f"\nmissed pairs ({len(missed)}): " + ", ".join(missed[:60]))
    return "\n".join(lines)


def report(devcorpus: Path) -> str:
    """``make eval``'s section: event grouping on the mixed pile."""
    return render_report(measure_pile(devcorpus))


if __name__ == "__main__":  # pragma: no cover - a developer's shortcut
    import sys

    print(report(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/devcorpus")))
