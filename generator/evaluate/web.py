"""Evaluation on real page dumps: how much of a page's article the cleaner keeps.

Scores the dev corpus's page dumps (``<devcorpus>/web``, read by
``files/devcorpus.py``: each page as a scraper left it, readability's reference
body where there is one, and the labels: title, lang, ``title_found_in_raw`` ...):

* body token F1: tokens are lower-cased ``\\w+`` runs; F1 of the multiset overlap
  between the predicted body and the reference, averaged over pages with a
  reference body; plus the share of pages at F1 >= 0.9;
* headline exact match (case and spacing folded) on pages whose labelled title
  stands in the raw text;
* pages whose summary or first body line is furniture (a line a furniture rule
  of ``boilerplate.yml`` matches, or one the span finder scores as not prose);
* milliseconds of CPU per page for :func:`generator.extract.clean.clean_seed_text`.

The same figures for the baseline "the whole raw text is the body".

``make eval`` prints :func:`report`; ``python -m generator.evaluate.web [devcorpus] [-v]``
prints it with every headline miss.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Sequence

from generator.extract.article_span import is_furniture_line
from generator.extract.page_language import classify_language
from generator.extract.clean import clean_seed_text
from generator.extract.furniture_rules import match_furniture
from generator.extract.fields import extract_summary, extract_title
from generator.files.devcorpus import CorpusText, read_web_corpus
from generator.model import CleanDoc

_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> Counter[str]:
    """The multiset of lower-cased ``\\w+`` runs of a text."""
    return Counter(_TOKEN.findall(text.lower()))


def token_f1(predicted: str, reference: str) -> float:
    """F1 of the multiset overlap of two texts' tokens (1.0 when both are empty)."""
    pred, ref = tokens(predicted), tokens(reference)
    if not pred and not ref:
        return 1.0
    common = sum((pred & ref).values())
    if not common:
        return 0.0
    precision = common / sum(pred.values())
    recall = common / sum(ref.values())
    return 2 * precision * recall / (precision + recall)


def predicted_body(doc: CleanDoc) -> str:
    """What the cleaner offers as the article's body: paragraphs, headings, bullets,
    the standfirst and captions (readability's reference keeps a standfirst and
    figure captions that stand inside the article)."""
    kinds = ("summary", "paragraph", "bullets", "heading", "caption")
    return "\n\n".join(b.plain() for b in doc.blocks if b.kind in kinds)


def fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def looks_like_furniture(text: str) -> bool:
    """True when a line a page shows as summary or first body line is page furniture."""
    return match_furniture(text) is not None or is_furniture_line(text)


@dataclass
class PageResult:
    id: str
    f1: float | None = None
    baseline_f1: float | None = None
    title: str | None = None
    expected_title: str | None = None
    title_ok: bool | None = None
    furniture_lead: str | None = None
    ms: float = 0.0
    title_probability: float | None = None  # the headline's calibrated confidence (CleanDoc.title_doubt)
    body_probability: float | None = None  # the body's (CleanDoc.body_doubt)


@dataclass
class Report:
    pages: list[PageResult] = field(default_factory=list)

    def _f1s(self, key: str) -> list[float]:
        return [getattr(p, key) for p in self.pages if getattr(p, key) is not None]

    @property
    def body_f1(self) -> float:
        f1s = self._f1s("f1")
        return sum(f1s) / len(f1s) if f1s else 0.0

    @property
    def share_090(self) -> float:
        f1s = self._f1s("f1")
        return sum(f >= 0.9 for f in f1s) / len(f1s) if f1s else 0.0

    @property
    def baseline_f1(self) -> float:
        f1s = self._f1s("baseline_f1")
        return sum(f1s) / len(f1s) if f1s else 0.0

    @property
    def baseline_share_090(self) -> float:
        f1s = self._f1s("baseline_f1")
        return sum(f >= 0.9 for f in f1s) / len(f1s) if f1s else 0.0

    @property
    def title_exact(self) -> float:
        judged = [p.title_ok for p in self.pages if p.title_ok is not None]
        return sum(judged) / len(judged) if judged else 0.0

    @property
    def n_titles(self) -> int:
        return sum(p.title_ok is not None for p in self.pages)

    @property
    def furniture_leads(self) -> list[PageResult]:
        return [p for p in self.pages if p.furniture_lead]

    @property
    def ms_per_page(self) -> float:
        return sum(p.ms for p in self.pages) / len(self.pages) if self.pages else 0.0

    def worst(self, n: int = 5) -> list[PageResult]:
        return sorted((p for p in self.pages if p.f1 is not None), key=lambda p: p.f1)[:n]  # type: ignore[arg-type,return-value]


def evaluate(pages: Sequence[CorpusText], clean: Callable[[str], CleanDoc] = clean_seed_text) -> Report:
    """Score every page dump (see the module's docstring), in id order."""
    report = Report()
    # Once-per-process costs (rules compiled, the language model loaded) are not per-article costs.
    classify_language("warm up the language model")
    clean("Warm up.\n\nThe rules are compiled on first use, so one call is made before timing.")
    for page in sorted(pages, key=lambda p: p.id):
        raw = page.text
        start = time.process_time()
        doc = clean(raw)
        title_field = extract_title(doc)
        summary_field = extract_summary(doc)
        ms = (time.process_time() - start) * 1000
        result = PageResult(page.id, ms=ms)
        result.title_probability = doc.title_doubt.probability if doc.title_doubt else None
        result.body_probability = doc.body_doubt.probability if doc.body_doubt else None
        body = predicted_body(doc)
        if page.reference_body is not None:
            result.f1 = token_f1(body, page.reference_body)
            result.baseline_f1 = token_f1(raw, page.reference_body)
        label = page.labels
        result.title = title_field.value if title_field else None
        if label.get("title") and label.get("title_found_in_raw"):
            result.expected_title = label["title"]
            result.title_ok = result.title is not None and fold(result.title) == fold(label["title"])
        first_body = next((b.plain() for b in doc.body_blocks()), None)
        for lead in (summary_field.value if summary_field else None, first_body):
            if lead and looks_like_furniture(lead):
                result.furniture_lead = lead
                break
        report.pages.append(result)
    return report


@lru_cache(maxsize=2)
def measure(devcorpus: Path) -> Report:
    """The report of ``<devcorpus>/web``, computed once per run of ``make eval`` (the
    calibration report reads it too)."""
    return evaluate(read_web_corpus(devcorpus / "web"))


def report(devcorpus: Path) -> str:
    """The article-text figures of ``make eval`` (``<devcorpus>/web``)."""
    return format_report(measure(devcorpus))


def format_report(report: Report, verbose: bool = False) -> str:
    n_body = len(report._f1s("f1"))
    lines = [
        f"pages: {len(report.pages)}, with a reference body: {n_body}",
        f"body token F1 (mean):        {report.body_f1:.3f}   baseline (raw text): {report.baseline_f1:.3f}",
        f"pages at F1 >= 0.9:          {report.share_090:.1%}   baseline: {report.baseline_share_090:.1%}",
        f"headline exact:              {report.title_exact:.1%} of {report.n_titles}",
        f"furniture summary/first line: {len(report.furniture_leads)} pages",
        f"CPU per page (clean+title+summary): {report.ms_per_page:.2f} ms",
        "worst pages:",
    ]
    lines += [f"  {p.id}: F1 {p.f1:.3f}" for p in report.worst(8)]
    if verbose:
        lines.append("headline misses:")
        lines += [f"  {p.id}: {p.title!r} != {p.expected_title!r}" for p in report.pages if p.title_ok is False]
        lines.append("furniture leads:")
        lines += [f"  {p.id}: {p.furniture_lead!r}" for p in report.furniture_leads]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    paths = [a for a in args if a != "-v"]
    devcorpus = Path(paths[0]) if paths else Path("../shared/devcorpus")
    print(format_report(evaluate(read_web_corpus(devcorpus / "web")), verbose="-v" in args))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
