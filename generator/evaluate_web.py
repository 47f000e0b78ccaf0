"""Evaluation on real page dumps: how much of a page's article the cleaner keeps.

Reads a dev corpus laid out as ``<dir>/<id>.txt`` (a page as a scraper left it),
``<dir>/<id>.body.txt`` (the reference article body, readability's output) and
``<dir>/labels.json`` (title, lang, ``title_found_in_raw`` ...). Scores:

* body token F1: tokens are lower-cased ``\\w+`` runs; F1 of the multiset overlap
  between the predicted body and the reference, averaged over pages with a
  reference body; plus the share of pages at F1 >= 0.9;
* headline exact match (case and spacing folded) on pages whose labelled title
  stands in the raw text;
* pages whose summary or first body line is furniture (a line a furniture rule
  of ``boilerplate.yml`` matches, or one the span finder scores as not prose);
* milliseconds of CPU per page for :func:`generator.clean.clean_seed_text`.

The same figures for the baseline "the whole raw text is the body".

Run: ``python -m generator.evaluate_web [corpus/web]``.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .clean import clean_seed_text, match_furniture
from .extract import extract_summary, extract_title
from .model import CleanDoc

_TOKEN = re.compile(r"\w+")
DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "devcorpus" / "web"


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
    from .article_span import is_furniture_line  # local: the evaluator also scores the baseline

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


def evaluate(corpus: Path | str = DEFAULT_CORPUS, clean: Callable[[str], CleanDoc] = clean_seed_text) -> Report:
    """Score every page of the corpus (see the module's docstring)."""
    corpus = Path(corpus)
    labels = {r["id"]: r for r in json.loads((corpus / "labels.json").read_text(encoding="utf-8"))}
    report = Report()
    # Once-per-process costs (rules compiled, the language model loaded) are not per-article costs.
    from .article_span import _langid

    _langid("warm up the language model")
    clean("Warm up.\n\nThe rules are compiled on first use, so one call is made before timing.")
    for path in sorted(corpus.glob("*.txt")):
        if path.name.endswith(".body.txt"):
            continue
        page_id = path.stem
        raw = path.read_text(encoding="utf-8")
        start = time.process_time()
        doc = clean(raw)
        title_field = extract_title(doc)
        summary_field = extract_summary(doc)
        ms = (time.process_time() - start) * 1000
        result = PageResult(page_id, ms=ms)
        body = predicted_body(doc)
        ref_path = corpus / f"{page_id}.body.txt"
        if ref_path.is_file():
            reference = ref_path.read_text(encoding="utf-8")
            result.f1 = token_f1(body, reference)
            result.baseline_f1 = token_f1(raw, reference)
        label = labels.get(page_id, {})
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
    verbose = "-v" in args
    paths = [a for a in args if a != "-v"]
    corpus = Path(paths[0]) if paths else DEFAULT_CORPUS
    if not (corpus / "labels.json").is_file():
        print(f"no corpus at {corpus} (labels.json missing)", file=sys.stderr)
        return 2
    print(format_report(evaluate(corpus), verbose=verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
