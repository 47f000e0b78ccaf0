"""Evaluation of saved web pages: web2's 959 pages read from their HTML, as ``.html`` seeds.

Each page's ``<id>.html.gz`` goes the way an ``.html`` seed goes (``files/html.py``: the
article by trafilatura, the page's metadata; then the same extraction as any seed, no
curation), and the article is scored against web2's labels: headline exact, date right
and wrong (exact day), authors (the set, folded), must-have snippets in the body and
must-not-have ones out; all pages, half A and half B.

``python -m generator.evaluate.web2_html [devcorpus]`` prints it; ``make eval`` too.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from generator.build import extract_seed
from generator.evaluate.web import fold, predicted_body
from generator.files.devcorpus import half_of, read_web2_html, read_web2_labels
from generator.files.html import extract_html_article
from generator.model import Seed


@dataclass(frozen=True)
class HtmlPageScore:
    """One page read as a saved web page, against its labels (``None``: no label)."""

    id: str
    half: str
    read: bool  # an article was found in the page
    title_ok: bool | None
    date: str | None  # the day extracted
    expected_date: str | None
    authors_ok: bool | None
    with_found: int
    with_total: int
    without_out: int
    without_total: int


def score_html_page(label: dict, position: int, html_bytes: bytes) -> HtmlPageScore:
    """Read one page's HTML as a seed and score it."""
    page = extract_html_article(html_bytes.decode("utf-8", "replace"))
    article = None
    if page is not None:
        seed = Seed(
            id=label["id"], path=f"web2/{label['id']}.html", text=page.text, sha256=hashlib.sha256(html_bytes).hexdigest(), stated=page.stated
        )
        article = extract_seed(seed, use_curation=False)
    body = fold(predicted_body(article.doc)) if article else ""
    date = article.date.value.iso() if article and article.date else None
    authors = {fold(a) for a in article.authors.value} if article and article.authors else set()
    return HtmlPageScore(
        id=label["id"],
        half=half_of(position),
        read=article is not None,
        title_ok=None if not label.get("title") else bool(article and fold(article.title.value) == fold(label["title"])),
        date=date,
        expected_date=label.get("date"),
        authors_ok=None if not label.get("authors") else authors == {fold(a) for a in label["authors"]},
        with_found=sum(fold(s) in body for s in label["with"]),
        with_total=len(label["with"]),
        without_out=sum(fold(s) not in body for s in label["without"]),
        without_total=len(label["without"]),
    )


def evaluate(folder: Path) -> tuple[HtmlPageScore, ...]:
    """Score every page of ``<devcorpus>/web2`` read from its HTML, in label order."""
    labels = read_web2_labels(folder)
    return tuple(score_html_page(label, i, read_web2_html(folder, label)) for i, label in enumerate(labels))


def _share(right: int, n: int) -> str:
    return f"{right / n:.1%} ({right}/{n})" if n else "—"


def format_rows(scores: Iterable[HtmlPageScore]) -> list[str]:
    """One line of figures per group: all, half A, half B."""
    scores = list(scores)
    lines = []
    for name, group in (("all", scores), ("half A", [s for s in scores if s.half == "A"]), ("half B", [s for s in scores if s.half == "B"])):
        titled = [s for s in group if s.title_ok is not None]
        dated = [s for s in group if s.expected_date]
        authored = [s for s in group if s.authors_ok is not None]
        w_total, wo_total = sum(s.with_total for s in group), sum(s.without_total for s in group)
        lines.append(
            f"{name:<7} pages {len(group)}, no article {sum(not s.read for s in group)}; "
            f"headline {_share(sum(bool(s.title_ok) for s in titled), len(titled))}; "
            f"date right {_share(sum(s.date == s.expected_date for s in dated), len(dated))}, "
            f"wrong {sum(bool(s.date) and s.date != s.expected_date for s in dated)}; "
            f"authors {_share(sum(bool(s.authors_ok) for s in authored), len(authored))}; "
            f"with in {sum(s.with_found for s in group) / w_total:.1%}; without out {sum(s.without_out for s in group) / wo_total:.1%}"
        )
    return lines


def report(devcorpus: Path) -> str:
    """The saved-web-page figures of ``make eval``."""
    return "\n".join(format_rows(evaluate(devcorpus / "web2")))


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    devcorpus = Path(args[0]) if args else Path("../shared/devcorpus")
    print(report(devcorpus))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
