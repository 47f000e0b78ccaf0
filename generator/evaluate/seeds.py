"""Evaluation: how well the extraction matches a truth file written by a careful reader.

The truth file has the shape of ``seed_truth.yml``: per article its title, date
(``date_accept`` lists other acceptable days), outlet, ``in_body`` and
``not_in_body`` lines; archive-wide ``aliases``, ``actors`` (people,
organisations, states, never) and ``events``. Scoring is pure; the CLI prints
the tables (``make eval``).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from generator.model import Archive

# An extracted value at or above this confidence is presented as trustworthy:
# a wrong one is the worst kind of error, and is counted on its own.
HIGH_CONFIDENCE = 0.7


@dataclass(frozen=True)
class Score:
    """``right`` out of ``total``, plus notes on what went wrong."""

    name: str
    right: int
    total: int
    misses: tuple[str, ...] = ()

    @property
    def ratio(self) -> float:
        return self.right / self.total if self.total else 1.0

    def cell(self) -> str:
        return f"{self.right}/{self.total}"


def _expected_dates(expected: Mapping[str, Any]) -> set[str]:
    days = {str(expected["date"])} if expected.get("date") else set()
    return days | {str(d) for d in expected.get("date_accept", [])}


def score_fields(archive: Archive, truth: Mapping[str, Any]) -> list[Score]:
    """Title, date, outlet and body-line scores over the articles of the truth file."""
    by_id = {a.id: a for a in archive.articles}
    title = date = outlet = body_must = body_must_not = 0
    n_must = n_must_not = 0
    confident_wrong: list[str] = []
    misses: dict[str, list[str]] = {"title": [], "date": [], "outlet": [], "in_body": [], "not_in_body": []}
    items = truth["articles"].items()
    for stem, expected in items:
        article = by_id.get(stem)
        if article is None:
            for key in misses:
                misses[key].append(f"{stem}: not built")
            continue
        if article.title.value == expected["title"]:
            title += 1
        else:
            misses["title"].append(f"{stem}: {article.title.value!r}")
        got_date = article.date.value.date.isoformat() if article.date else None
        if (got_date in _expected_dates(expected)) if got_date else not expected.get("date"):
            date += 1
        else:
            misses["date"].append(f"{stem}: {got_date}")
            if got_date and article.date.provenance.confidence >= HIGH_CONFIDENCE:
                confident_wrong.append(f"{stem}: {got_date}")
        got_outlet = article.outlet.value if article.outlet else None
        if got_outlet == expected.get("outlet"):
            outlet += 1
        else:
            misses["outlet"].append(f"{stem}: {got_outlet}")
        body = article.doc.body_text()
        for line in expected.get("in_body", []):
            n_must += 1
            body_must += line in body
            if line not in body:
                misses["in_body"].append(f"{stem}: {line}")
        for line in expected.get("not_in_body", []):
            n_must_not += 1
            body_must_not += line not in body
            if line in body:
                misses["not_in_body"].append(f"{stem}: {line}")
    n = len(truth["articles"])
    return [
        Score("title", title, n, tuple(misses["title"])),
        Score("date", date, n, tuple(misses["date"])),
        Score("no wrong date at high confidence", n - len(confident_wrong), n, tuple(confident_wrong)),
        Score("outlet", outlet, n, tuple(misses["outlet"])),
        Score("in_body lines kept", body_must, n_must, tuple(misses["in_body"])),
        Score("not_in_body lines removed", body_must_not, n_must_not, tuple(misses["not_in_body"])),
    ]


def _actor_of_surface(archive: Archive, surface: str) -> str | None:
    for actor in archive.actors:
        if surface in actor.surfaces or actor.name == surface:
            return actor.id
    return None


def score_actors(archive: Archive, truth: Mapping[str, Any], reviewed: Sequence[str] = ()) -> list[Score]:
    """Alias groups on one actor, recall per type, precision, never-list.

    Precision counts as right an actor the truth lists, or one in ``reviewed``: real
    actors a reader checked in the text that the (not exhaustive) truth file omits.
    """
    scores: list[Score] = []
    merged = 0
    split: list[str] = []
    for canonical, surfaces in truth.get("aliases", {}).items():
        ids = {_actor_of_surface(archive, s) for s in surfaces} - {None}
        if len(ids) == 1:
            merged += 1
        else:
            split.append(f"{canonical}: {sorted(ids)}")
    scores.append(Score("alias groups on one actor page", merged, len(truth.get("aliases", {})), tuple(split)))
    names = {a.name.casefold(): a for a in archive.actors}
    known: set[str] = set()
    for kind, type_ in (("people", "person"), ("organisations", "organisation"), ("states", "state")):
        expected = truth.get("actors", {}).get(kind, [])
        known |= {e.casefold() for e in expected}
        found = [e for e in expected if e.casefold() in names or _actor_of_surface(archive, e)]
        missing = tuple(e for e in expected if e not in found)
        scores.append(Score(f"recall: {kind}", len(found), len(expected), missing))
    for aliases in truth.get("aliases", {}).values():
        known |= {s.casefold() for s in aliases}
    known |= {r.casefold() for r in reviewed}
    hits = [a for a in archive.actors if a.name.casefold() in known or any(s.casefold() in known for s in a.surfaces)]
    extra = tuple(sorted(a.name for a in archive.actors if a not in hits))
    scores.append(Score("precision (truth lists + reviewed extras)", len(hits), len(archive.actors), extra))
    never = truth.get("actors", {}).get("never", [])
    bad = tuple(n for n in never if n.casefold() in names)
    scores.append(Score("never-list entries kept out", len(never) - len(bad), len(never), bad))
    return scores


def _pairs(groups: list[list[str]]) -> set[tuple[str, str]]:
    return {tuple(sorted(p)) for g in groups for p in itertools.combinations(g, 2)}  # type: ignore[misc]


def score_events(archive: Archive, truth: Mapping[str, Any]) -> list[Score]:
    """Pairwise precision and recall of event grouping, and related-event links."""
    wanted = [list(e["articles"]) for e in truth.get("events", [])]
    ids = {a for g in wanted for a in g}
    got = [[a for a in e.article_ids if a in ids] for e in archive.events]
    want_pairs, got_pairs = _pairs(wanted), _pairs(got)
    both = want_pairs & got_pairs
    exact = sum(sorted(g) in [sorted(x) for x in got] for g in wanted)
    related_want = [tuple(sorted(p)) for p in truth.get("related_events", [])]
    related_ok = []
    for a, b in related_want:
        ea, eb = archive.event_of(a), archive.event_of(b)
        related_ok.append(bool(ea and eb and ea.id != eb.id and eb.id in ea.related))
    return [
        Score("events exactly as the truth", exact, len(wanted), tuple(f"{e.id}: {list(e.article_ids)}" for e in archive.events)),
        Score("pairwise precision", len(both), len(got_pairs), tuple(map(str, sorted(got_pairs - want_pairs)))),
        Score("pairwise recall", len(both), len(want_pairs), tuple(map(str, sorted(want_pairs - got_pairs)))),
        Score("related events linked", sum(related_ok), len(related_want)),
    ]


def render_table(columns: Mapping[str, list[Score]]) -> str:
    """A Markdown table: one row per score, one column per run (e.g. without/with curation)."""
    runs = list(columns)
    names = [s.name for s in columns[runs[0]]]
    lines = ["| measure | " + " | ".join(runs) + " |", "|---|" + "---:|" * len(runs)]
    for i, name in enumerate(names):
        cells = [f"{columns[r][i].cell()} ({columns[r][i].ratio:.0%})" for r in runs]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def render_misses(run: str, scores: list[Score]) -> str:
    """What went wrong, score by score, for the notes."""
    lines = [f"### {run}: what is still wrong", ""]
    for s in scores:
        if s.misses and s.right < s.total:
            lines.append(f"- **{s.name}**: " + "; ".join(s.misses))
    return "\n".join(lines)


def score_all(archive: Archive, truth: Mapping[str, Any], reviewed: Sequence[str] = ()) -> list[Score]:
    """Every score, in a fixed order."""
    return score_fields(archive, truth) + score_actors(archive, truth, reviewed) + score_events(archive, truth)
