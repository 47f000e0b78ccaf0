"""Do the confidences mean what they say? Reliability of the headline's and the body's
calibrated probabilities (``CleanDoc.title_doubt``, ``CleanDoc.body_doubt``) and of the
publication date's confidence (``Article.date.provenance.confidence``) on the dev corpus,
and what the Review page's "Check first" list catches.

A probability p is calibrated when, of the values given about p, about p are right.
Printed per bin of confidence: how many values, and the share right. For the check-first
list (``data/review.yml``'s thresholds): the share of all wrong values it holds (it
should hold most) and the share of right values it holds (it should hold few).

Right, for a headline: the label's title (folded). For a body: on web2, every must-have
snippet in and every must-not-have one out; on web/, token F1 >= 0.9 against the
reference body. For a date: the labelled day (web2 pages with a date label and a date
given; a date not given is not judged here, web2.py counts it as missing).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from generator.evaluate import web, web2
from generator.publish.review import REVIEW_BELOW, check_first_thresholds

# Bins' lower edges: [0, 0.1), [0.1, 0.2) ... [0.9, 1.0].
EDGES = tuple(i / 10 for i in range(10))


@dataclass(frozen=True)
class Judged:
    """One value's confidence and whether it was right; ``group`` names its corpus half."""

    probability: float
    right: bool
    group: str


@dataclass(frozen=True)
class CheckFirst:
    """What a threshold's list holds: of the wrong values, and of the right ones."""

    wrong_held: int
    wrong: int
    right_held: int
    right: int

    @property
    def share_of_wrong(self) -> float:
        return self.wrong_held / self.wrong if self.wrong else 1.0

    @property
    def share_of_right(self) -> float:
        return self.right_held / self.right if self.right else 0.0


def reliability(items: Iterable[Judged]) -> list[tuple[float, int, float]]:
    """``(bin's lower edge, n, share right)`` for each non-empty bin of confidence."""
    bins: dict[float, list[bool]] = {}
    for item in items:
        edge = EDGES[min(len(EDGES) - 1, max(0, int(item.probability * 10)))]
        bins.setdefault(edge, []).append(item.right)
    return [(edge, len(v), sum(v) / len(v)) for edge, v in sorted(bins.items())]


def share_wrong(items: Iterable[Judged], lo: float, hi: float) -> tuple[float, int]:
    """The share of wrong values among those with ``lo <= probability < hi``, and how many."""
    chosen = [i for i in items if lo <= i.probability < hi]
    return (sum(not i.right for i in chosen) / len(chosen) if chosen else 0.0), len(chosen)


def check_first(items: Iterable[Judged], threshold: float) -> CheckFirst:
    """What the list of values below ``threshold`` holds."""
    items = list(items)
    wrong = [i for i in items if not i.right]
    right = [i for i in items if i.right]
    return CheckFirst(
        wrong_held=sum(i.probability < threshold for i in wrong),
        wrong=len(wrong),
        right_held=sum(i.probability < threshold for i in right),
        right=len(right),
    )


def judge_headlines(web_report: web.Report, web2_scores: Sequence[web2.PageScore]) -> list[Judged]:
    """Every judged headline that carries a confidence, web/ and web2 (by half)."""
    out = [Judged(p.title_probability, bool(p.title_ok), "web") for p in web_report.pages if p.title_ok is not None and p.title_probability is not None]
    out += [Judged(s.title_probability, bool(s.title_ok), f"web2 {s.half}") for s in web2_scores if s.title_ok is not None and s.title_probability is not None]
    return out


def judge_bodies(web_report: web.Report, web2_scores: Sequence[web2.PageScore]) -> list[Judged]:
    """Every judged body that carries a confidence: web/ pages with a reference, web2 pages with snippets."""
    out = [Judged(p.body_probability, p.f1 >= 0.9, "web") for p in web_report.pages if p.f1 is not None and p.body_probability is not None]
    out += [
        Judged(s.body_probability, s.body_ok, f"web2 {s.half}")
        for s in web2_scores
        if s.body_probability is not None and (s.with_total or s.without_total)
    ]
    return out


def judge_dates(web2_scores: Sequence[web2.PageScore]) -> list[Judged]:
    """Every date given on a web2 page with a date label, by half: its confidence, and
    whether it is the labelled day."""
    return [
        Judged(s.date_probability, s.date == s.expected_date, f"web2 {s.half}")
        for s in web2_scores
        if s.expected_date and s.date is not None and s.date_probability is not None
    ]


def format_section(name: str, items: Sequence[Judged], threshold: float) -> list[str]:
    """One part's reliability table, its calibration figures and its check-first shares, per group."""
    lines = [f"### {name}: {len(items)} judged values", "", "confidence    n   right"]
    lines += [f"{edge:.1f}-{edge + 0.1:.1f}  {n:>5}  {share:>6.1%}" for edge, n, share in reliability(items)]
    for group in ("all", "web", "web2 A", "web2 B"):
        chosen = [i for i in items if group == "all" or i.group == group]
        if not chosen:
            continue
        high, n_high = share_wrong(chosen, 0.9, 1.01)
        low, n_low = share_wrong(chosen, 0.0, 0.5)
        listed = check_first(chosen, threshold)
        lines.append(
            f"{group:<7} wrong at >= 0.9: {high:.1%} of {n_high}; wrong at < 0.5: {low:.1%} of {n_low}; "
            f"check first (< {threshold}): {listed.share_of_wrong:.1%} of wrong ({listed.wrong_held}/{listed.wrong}), "
            f"{listed.share_of_right:.1%} of right ({listed.right_held}/{listed.right})"
        )
    return lines


def report(devcorpus: Path) -> str:
    """The calibration figures of ``make eval``."""
    web_report, web2_scores = web.measure(devcorpus), web2.measure(devcorpus)
    limits = check_first_thresholds()
    lines = format_section("Headlines", judge_headlines(web_report, web2_scores), limits["headline"])
    lines += [""] + format_section("Bodies", judge_bodies(web_report, web2_scores), limits["body"])
    lines += [""] + format_section("Dates", judge_dates(web2_scores), REVIEW_BELOW)
    return "\n".join(lines)
