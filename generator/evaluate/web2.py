"""Evaluation on ``<devcorpus>/web2``: 959 real pages from trafilatura's evaluation set.

Each page is a text dump in one of four styles users produce (a browser's copy,
html-text with the ``<title>`` line on top, inscriptis, html2text Markdown), with
hand-checked labels: title, and short snippets that must be in the article's body
(``with``) or must not (``without``). Scored as web2's README says:

* headline exact: the title found equals the label once case and spacing are folded,
  over pages with a title label;
* with recall: share of ``with`` snippets (folded) found in the folded body; without
  accuracy: share of ``without`` snippets absent from it (both summed over pages);
* outlet right, of the pages whose HTML names the site: the label is the name the
  page's own markup gives its site (``og:site_name``, else the JSON-LD publisher's name,
  read by trafilatura: :func:`generator.files.html.extract_stated_site_name`), derived
  from ``<id>.html.gz`` at evaluation time and kept in memory only; judged by
  :func:`site_name_matches`;
* each figure for all pages, half A (even positions of the sorted labels) and half B
  (odd), each dump style, and English against the other languages: a rule is kept only
  when the half it was not chosen on agrees.

``make eval`` prints :func:`report`; ``python -m generator.evaluate.web2 [devcorpus] [-v]``
prints it with the headline misses.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

from generator.evaluate.web import fold, predicted_body
from generator.extract.clean import clean_seed_text
from generator.extract.fields import extract_article, extract_title
from generator.extract.outlets.names import strip_company_suffix
from generator.extract.outlets.registry import outlet_by_name
from generator.extract.outlets.sites import squash_name, strip_domain_ending
from generator.files.devcorpus import CorpusText, half_of, read_web2_corpus, read_web2_html, read_web2_labels
from generator.files.html import extract_stated_site_name
from generator.model import Article, CleanDoc

STYLES = ("browser", "html-text", "inscriptis", "html2text")


@dataclass(frozen=True)
class PageScore:
    """What the cleaner made of one web2 page, against its labels."""

    id: str
    half: str  # "A" or "B"
    style: str
    english: bool
    title: str | None
    expected_title: str | None
    title_ok: bool | None  # None: the page has no title label
    with_found: int
    with_total: int
    without_out: int
    without_total: int
    title_probability: float | None = None  # the headline's calibrated confidence (CleanDoc.title_doubt)
    body_probability: float | None = None  # the body's (CleanDoc.body_doubt)
    date: str | None = None  # the day extracted (extract_article), ISO
    date_probability: float | None = None  # its confidence (Provenance.confidence)
    expected_date: str | None = None
    authors_ok: bool | None = None  # None: the page has no authors label
    outlet: str | None = None  # the outlet extracted from the text dump
    expected_outlet: str | None = None  # the site name the page's HTML states (None: it states none)

    @property
    def outlet_ok(self) -> bool | None:
        """Whether the outlet is the site the HTML names (``None``: it names none)."""
        if self.expected_outlet is None:
            return None
        return self.outlet is not None and site_name_matches(self.outlet, self.expected_outlet)

    @property
    def body_ok(self) -> bool:
        """Every must-have snippet in the body and every must-not-have one out."""
        return self.with_found == self.with_total and self.without_out == self.without_total


@dataclass(frozen=True)
class Figures:
    """The figures of one group of pages."""

    pages: int
    titles_right: int
    titles: int
    with_found: int
    with_total: int
    without_out: int
    without_total: int
    dates_right: int = 0
    dates_wrong: int = 0
    dates: int = 0
    authors_right: int = 0
    authors: int = 0
    outlets_right: int = 0
    outlets_other: int = 0  # another name given (right ones aside)
    outlets: int = 0  # pages whose HTML names the site

    @property
    def title_exact(self) -> float:
        return self.titles_right / self.titles if self.titles else 0.0

    @property
    def with_recall(self) -> float:
        return self.with_found / self.with_total if self.with_total else 0.0

    @property
    def without_accuracy(self) -> float:
        return self.without_out / self.without_total if self.without_total else 0.0


def _site_key(name: str) -> str:
    """A site name as compared: its legal form and a domain ending taken off, then folded
    to its letters and digits (spaces, hyphens and marks are how a name is written, not
    which name: "PC Gamer" is "pcgamer", "bewusster-leben.de" is "bewusster leben")."""
    plain = " ".join(name.split()).removeprefix("https://").removeprefix("http://").removeprefix("www.")
    return squash_name(strip_domain_ending(strip_company_suffix(plain)))


# Separators between a site's name and the tagline its og:site_name adds ("BioBioChile - La
# Red de Prensa ...", "Schnäppchen Blog mit Doktortitel • DealDoktor").
_TAGLINE_SEPARATOR = re.compile(r"\s+(?:[-–—|•·:]|//)\s+")


def site_name_matches(given: str, label: str) -> bool:
    """Whether the outlet ``given`` is the site the page's HTML names (``label``).

    Right when the two are equal once folded to their letters and digits (case, spaces,
    hyphens, "&") and once the legal form a
    company writes after its name ("Tamedia AG", "oe24 GmbH") and the ending of a name
    written as its domain ("Utopia.de", "watson.ch": the site's own host spelled as its
    name) are taken off; where the label adds a tagline after a separator ("BioBioChile -
    La Red de Prensa Más Grande de Chile"), its first or its last part is the name; or
    when both are names of one registry outlet (its aliases). Nothing looser: "SPIEGEL
    ONLINE" against "Der Spiegel" is right only if the registry lists both as one
    outlet's names; "The Intercept" against "Intercept", "heise online" against
    "heise.de", "ABC" against "ABC13 Houston" are wrong (not the name the site gives
    itself), and a section or a parent company is another name."""
    key = _site_key(given)
    parts = [p for p in _TAGLINE_SEPARATOR.split(label) if p.strip()]
    names = {label, parts[0], parts[-1]} if parts else {label}
    if any(key == _site_key(name) for name in names if len(name.strip()) >= 2):
        return True
    entry = outlet_by_name(given)
    return entry is not None and entry is outlet_by_name(label)


def score_page(
    page: CorpusText, position: int, doc: CleanDoc, article: Article | None = None, site_name: str | None = None
) -> PageScore:
    """Score the clean document of one page (and the article extracted from it, for the
    date, authors and outlet) against its labels (``site_name``: the one its HTML states)."""
    label = page.labels
    date = article.date.value.iso() if article and article.date else None
    authors = {fold(a) for a in article.authors.value} if article and article.authors else set()
    title_field = extract_title(doc)
    title = title_field.value if title_field else None
    body = fold(predicted_body(doc))
    expected = label.get("title")
    return PageScore(
        id=page.id,
        half=half_of(position),
        style=label["dump_style"],
        english=label.get("language") == "en",
        title=title,
        expected_title=expected,
        title_ok=None if not expected else (title is not None and fold(title) == fold(expected)),
        with_found=sum(fold(s) in body for s in label["with"]),
        with_total=len(label["with"]),
        without_out=sum(fold(s) not in body for s in label["without"]),
        without_total=len(label["without"]),
        title_probability=doc.title_doubt.probability if doc.title_doubt else None,
        body_probability=doc.body_doubt.probability if doc.body_doubt else None,
        date=date,
        date_probability=article.date.provenance.confidence if article and article.date else None,
        expected_date=label.get("date"),
        authors_ok=None if not label.get("authors") else authors == {fold(a) for a in label["authors"]},
        outlet=article.outlet.value if article and article.outlet else None,
        expected_outlet=site_name,
    )


def evaluate(
    pages: Sequence[CorpusText],
    clean: Callable[[str], CleanDoc] = clean_seed_text,
    site_names: Mapping[str, str | None] | None = None,
) -> tuple[PageScore, ...]:
    """Score every page, in the order of the corpus's labels (which fixes the halves);
    ``site_names``: the site name each page's HTML states, by id (:func:`read_site_names`)."""
    scores = []
    for i, page in enumerate(pages):
        seed = page.as_seed("web2")
        doc = clean(seed.text)
        article = extract_article(seed, doc, use_curation=False)
        scores.append(score_page(page, i, doc, article, (site_names or {}).get(page.id)))
    return tuple(scores)


@lru_cache(maxsize=2)
def read_site_names(folder: Path) -> dict[str, str | None]:
    """The site name each web2 page's HTML states (its ``og:site_name`` or JSON-LD
    publisher), by page id: labels derived from ``<id>.html.gz`` when evaluating, kept in
    memory for the run and never written anywhere."""
    return {label["id"]: extract_stated_site_name(read_web2_html(folder, label)) for label in read_web2_labels(folder)}


def figures(scores: Iterable[PageScore]) -> Figures:
    """Sum the scores of a group of pages."""
    scores = list(scores)
    return Figures(
        pages=len(scores),
        titles_right=sum(bool(s.title_ok) for s in scores),
        titles=sum(s.title_ok is not None for s in scores),
        with_found=sum(s.with_found for s in scores),
        with_total=sum(s.with_total for s in scores),
        without_out=sum(s.without_out for s in scores),
        without_total=sum(s.without_total for s in scores),
        dates_right=sum(bool(s.expected_date) and s.date == s.expected_date for s in scores),
        dates_wrong=sum(bool(s.expected_date) and s.date is not None and s.date != s.expected_date for s in scores),
        dates=sum(bool(s.expected_date) for s in scores),
        authors_right=sum(bool(s.authors_ok) for s in scores),
        authors=sum(s.authors_ok is not None for s in scores),
        outlets_right=sum(bool(s.outlet_ok) for s in scores),
        outlets_other=sum(s.outlet_ok is False and s.outlet is not None for s in scores),
        outlets=sum(s.outlet_ok is not None for s in scores),
    )


def groups(scores: Sequence[PageScore]) -> list[tuple[str, Figures]]:
    """The report's rows: all, the halves, the dump styles, English and the rest."""
    rows = [("all", figures(scores))]
    rows += [(f"half {h}", figures(s for s in scores if s.half == h)) for h in ("A", "B")]
    rows += [(style, figures(s for s in scores if s.style == style)) for style in STYLES]
    rows += [("English", figures(s for s in scores if s.english)), ("other languages", figures(s for s in scores if not s.english))]
    return rows


def format_report(scores: Sequence[PageScore], verbose: bool = False) -> str:
    """The table ``make eval`` prints (with every headline miss when ``verbose``)."""
    lines = [
        f"{'pages':<16} {'n':>4}  {'headline exact':>20}  {'with in body':>12}  {'without out':>11}"
        f"  {'date right':>18}  {'wrong':>5}  {'authors right':>18}  {'outlet right':>18}  {'other':>5}",
    ]
    for name, fig in groups(scores):
        lines.append(
            f"{name:<16} {fig.pages:>4}  {fig.title_exact:>8.1%} ({fig.titles_right:>3}/{fig.titles:>3})"
            f"  {fig.with_recall:>12.1%}  {fig.without_accuracy:>11.1%}"
            f"  {fig.dates_right / max(1, fig.dates):>7.1%} ({fig.dates_right:>3}/{fig.dates:>3})  {fig.dates_wrong:>5}"
            f"  {fig.authors_right / max(1, fig.authors):>7.1%} ({fig.authors_right:>3}/{fig.authors:>3})"
            f"  {fig.outlets_right / max(1, fig.outlets):>7.1%} ({fig.outlets_right:>3}/{fig.outlets:>3})  {fig.outlets_other:>5}"
        )
    if verbose:
        lines.append("headline misses:")
        lines += [f"  {s.id} [{s.style}]: {s.title!r} != {s.expected_title!r}" for s in scores if s.title_ok is False]
        lines.append("outlet misses (given != the site name the HTML states):")
        lines += [f"  {s.id} [{s.style}] {s.half}: {s.outlet!r} != {s.expected_outlet!r}" for s in scores if s.outlet_ok is False]
    return "\n".join(lines)


@lru_cache(maxsize=2)
def measure(devcorpus: Path) -> tuple[PageScore, ...]:
    """The scores of ``<devcorpus>/web2``, computed once per run of ``make eval``
    (the calibration report reads them too)."""
    return evaluate(read_web2_corpus(devcorpus / "web2"), site_names=read_site_names(devcorpus / "web2"))


def report(devcorpus: Path) -> str:
    """The web2 figures of ``make eval`` (``<devcorpus>/web2``)."""
    return format_report(measure(devcorpus))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    paths = [a for a in args if a != "-v"]
    devcorpus = Path(paths[0]) if paths else Path("../shared/devcorpus")
    print(format_report(measure(devcorpus), verbose="-v" in args))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
