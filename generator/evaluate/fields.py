"""Dates, outlets and authors on the development corpus's web pages (issue 14).

Each page of ``<devcorpus>/web`` is extracted as a seed (no curation, no HTML head) and
its ``date``, ``outlet`` and ``authors`` are compared with the page's labels:

* **date** over the pages with a date label: *right* (the same day; or a day off
  where the page's own text writes the day we gave: postlight's labels are in UTC),
  *wrong* (any other date), *missing* (none given). Reported twice: over every
  labelled page, and over those whose **text shows the labelled date**, decided by
  :func:`text_shows_date`: the labelled day is written somewhere in the raw page (a
  date span the extractor's own span reader parses, "Dec. 7, 2016", "2016-12-07",
  "12/07/2016", ...), or the page's own labelled URL carries it ("/2016/12/07/").
* **outlet** over the pages with an outlet label: *right* when the names match after
  :func:`outlet_key` (case, punctuation, spacing, a leading "The", a trailing
  ".com"-like suffix ignored), when one name is the other followed by more words
  (the untidy "Mozilla Hacks – the Web developer blog" is "Mozilla Hacks";
  "Slate Magazine" is "Slate"), or when both are spellings of one registry outlet;
  *invented* when another outlet is given; *missing* when none is. A label naming a
  platform ("Medium") is also right for the publication the page's URL shows it in on
  that platform ("Backchannel" at medium.com/backchannel/...: :func:`is_platform_publication`),
  and the report lists each such page.
* **authors** over the pages with a byline label: *right* when the set of names
  matches the label's names (:func:`byline_names`), ignoring case and order. A label that
  is only a date (the source's metadata put the stamp there) is left out.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

from generator.build import extract_seed
from generator.extract.dates import extract_date_spans, extract_url_date, numeric_spans
from generator.extract.outlets.sites import registrable_domain, strip_domain_ending
from generator.extract.outlets.registry import outlet_by_name
from generator.files.devcorpus import CorpusText, read_web_corpus
from generator.files.rules import load_rules
from generator.model import Article
import datetime as dt


@dataclass(frozen=True)
class PageResult:
    """What the generator gave for one page, with its labels."""

    id: str
    labels: dict[str, Any]
    date: str | None  # ISO, day precision or coarser
    outlet: str | None
    authors: tuple[str, ...]
    shows_date: bool  # the page's text writes the labelled date
    text_days: frozenset[str]  # every day (ISO) the raw page writes


def text_days(text: str) -> frozenset[str]:
    """Every full date the raw page writes, as ISO days (the extractor's span reader,
    plus numeric ISO forms the span rules may not cover)."""
    days = set()
    for span in extract_date_spans(text):
        if span.year and span.day:
            try:
                days.add(dt.date(span.year, span.month, span.day).isoformat())
            except ValueError:
                continue
    for span in numeric_spans(text):  # "6/13/2018", where the order is beyond doubt
        days.add(dt.date(span.year, span.month, span.day).isoformat())  # type: ignore[arg-type]
    for m in re.finditer(r"\b((?:19|20)\d\d)[-/.](\d\d)[-/.](\d\d)\b", text):
        try:
            days.add(dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat())
        except ValueError:
            continue
    return frozenset(days)


def text_shows_date(label: str, days: frozenset[str], url: str | None) -> bool:
    """Whether the labelled day is written in the page (``days``) or in its own URL."""
    if label in days:
        return True
    found = extract_url_date(url) if url else None
    return bool(found and found.value.precision == "day" and found.value.iso() == label)


def evaluate_page(page: CorpusText) -> PageResult:
    """Extract one page and keep what the figures need."""
    article: Article = extract_seed(page.as_seed("devcorpus/web"), use_curation=False)
    authors = getattr(article, "authors", None)
    days = text_days(page.text)
    label = page.labels.get("date")
    return PageResult(
        id=page.id,
        labels=dict(page.labels),
        date=article.date.value.iso() if article.date else None,
        outlet=article.outlet.value if article.outlet else None,
        authors=tuple(authors.value) if authors else (),
        shows_date=bool(label) and text_shows_date(label, days, page.labels.get("url")),
        text_days=days,
    )


# --------------------------------------------------------------------------- dates


def judge_date(result: PageResult) -> str:
    """``right``, ``wrong`` or ``missing`` for a page with a date label."""
    label = result.labels["date"]
    if result.date is None:
        return "missing"
    if result.date == label:
        return "right"
    if len(result.date) == 10:
        off = abs((dt.date.fromisoformat(result.date) - dt.date.fromisoformat(label)).days)
        if off == 1 and result.date in result.text_days:
            return "right"
        return "wrong"
    # A month or a year only: right when it is the label's, never a guessed day.
    return "right" if label.startswith(result.date) else "wrong"


# --------------------------------------------------------------------------- outlets


def outlet_key(name: str) -> str:
    """A name as compared: case, a leading "The", a ".com"-like tail, punctuation and spacing ignored."""
    s = name.casefold().strip()
    s = re.sub(r"^https?://(?:www\.)?", "", s).rstrip("/")
    s = strip_domain_ending(s)
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"[\W_]+", "", s)


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\W_]+", re.sub(r"^the\s+", "", name.casefold().strip())) if w]


def _initials(name: str) -> str:
    """The initials of a name of three or more capitalised words ("American Civil Liberties Union" → "ACLU")."""
    words = [w for w in name.split() if w.lower() not in ("of", "the", "and", "for", "&")]
    if len(words) < 3 or not all(w[0].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)


def outlets_match(given: str, label: str) -> bool:
    """Whether ``given`` names the outlet ``label`` names (see the module doc)."""
    if outlet_key(given) == outlet_key(label):
        return True
    a, b = _words(strip_domain_ending(given.casefold())), _words(strip_domain_ending(label.casefold()))
    if a and b and (a == b[: len(a)] or b == a[: len(b)]):
        return True
    if _initials(label) == given.replace(".", "").upper() or _initials(given) == label.replace(".", "").upper():
        return True  # "ACLU" is the American Civil Liberties Union
    entry_a, entry_b = outlet_by_name(given), outlet_by_name(label)
    return entry_a is not None and entry_a is entry_b


# Outlet labels that name a section of the site, not the site (the source's metadata was
# wrong): such a page is left out of the outlet figures, and the report says how many.
NOT_SITE_LABELS = frozenset({"U.S.", "Magazine"})


def is_platform_publication(result: PageResult) -> bool:
    """Whether the outlet given is the publication the article appeared in on a platform
    the label names: a label "Medium" (the platform's own metadata names itself on every
    page) for a page at ``medium.com/backchannel/...`` and the outlet "Backchannel". The
    publication is the more exact answer (a blog on blogspot.com is the blog, not
    Blogger), so it counts as right, but only where the labelled URL shows the page in
    that publication; the report lists every such page."""
    url, given = result.labels.get("url"), result.outlet
    host = urlsplit(url).hostname if url else None
    domain = registrable_domain(host) if host else None
    if not (domain and given) or load_rules("outlets")["cues"].get("platform_names", {}).get(domain) is None:
        return False
    if outlet_key(load_rules("outlets")["cues"]["platform_names"][domain]) != outlet_key(result.labels["outlet"]):
        return False
    segments = [p for p in urlsplit(url).path.split("/") if p]  # type: ignore[arg-type]
    return bool(segments) and not segments[0].startswith("@") and outlet_key(segments[0]) == outlet_key(given)


def judge_outlet(result: PageResult) -> str | None:
    """``right``, ``invented``, ``domain`` (the page's own registrable domain given where
    its name was not found: not another outlet, not its name either) or ``missing``;
    ``None`` when the label names no site (:data:`NOT_SITE_LABELS`)."""
    if result.labels["outlet"] in NOT_SITE_LABELS:
        return None
    if result.outlet is None:
        return "missing"
    if outlets_match(result.outlet, result.labels["outlet"]) or is_platform_publication(result):
        return "right"
    url = result.labels.get("url")
    host = urlsplit(url).hostname if url else None
    if host and result.outlet == registrable_domain(host):
        return "domain"
    return "invented"


# --------------------------------------------------------------------------- authors

_LABEL_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\|)\s*", re.I)
# Where a label's names end: a date or time glued on ("By Nathan Willis March 25, 2015"),
# an e-mail address, an illustrator's credit.
_LABEL_TAIL = re.compile(
    r"(?:^|\s+)(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d.*|illustration\s+by\b.*|\S+@\S+.*)$|\d.*$",
    re.I,
)
# A label part with one of these words is a desk, a team or a credential, not a person:
# "TMZ STAFF", "BWW News Desk", "MA WebMD Health News", "Apartment Therapy Submissions".
_LABEL_NOT_PERSON = frozenset({"staff", "desk", "team", "editor", "editors", "submissions", "news", "updated", "press"})


def byline_names(byline: str) -> frozenset[str]:
    """The people a byline label names, folded: "By Jane Doe and John Smith" → {jane doe, john smith}.

    Labels are untidy: a date or an e-mail glued on is cut; a part naming a desk, a
    team, a credential or a registry outlet ("TIME", "The New York Times") is no
    person, so "AOL Staff" names nobody (and the right answer is no authors).
    """
    text = re.sub(r"^\s*by\s*:?\s+", "", byline.strip(), flags=re.I)
    text = re.sub(r"\s*\((?:https?://|www\.)[^)]*\)", "", text)  # "Bradley M. Kuhn (http://ebb.org/bkuhn/)"
    # "Paul WisemanFatima Hussein": two names glued ("DiChristopher", "McDonald" are one).
    text = re.sub(r"(?<=[a-z]{3})(?=[A-Z][a-z])", ", ", text)
    text = _LABEL_TAIL.sub("", text)
    names = set()
    for part in _LABEL_SPLIT.split(text):
        folded = _fold_name(part)
        if not folded or set(folded.split()) & _LABEL_NOT_PERSON or outlet_by_name(part.strip()):
            continue
        names.add(folded)
    return frozenset(names)


def _fold_name(name: str) -> str:
    return " ".join(re.sub(r"[^\w\s'-]", " ", name.casefold()).split())


def is_date_only(byline: str) -> bool:
    """Whether a byline label is only a stamp ("April 28, 2019 at 6:01 am Updated ..."): the
    source's metadata put the date where the byline goes; it says nothing of the authors."""
    return bool(re.match(r"^\s*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d)", byline, re.I))


def judge_authors(result: PageResult) -> str | None:
    """``right``, ``wrong`` or ``missing`` for a page with a byline label (a label that
    names nobody is right only when no author is given); ``None`` for a label that is only
    a date (:func:`is_date_only`)."""
    if is_date_only(result.labels["byline"]):
        return None
    expected = byline_names(result.labels["byline"])
    given = frozenset(_fold_name(a) for a in result.authors)
    if given == expected:
        return "right"
    return "missing" if not given else "wrong"


# --------------------------------------------------------------------------- report


def evaluate_corpus(devcorpus: Path) -> tuple[PageResult, ...]:
    """Every web page of the corpus, extracted and compared."""
    return tuple(evaluate_page(page) for page in read_web_corpus(devcorpus / "web"))


def tally(results: Iterable[PageResult], judge: Any, key: str) -> dict[str, int]:
    """Counts of each verdict of ``judge`` over the results with a ``key`` label."""
    counts: dict[str, int] = {}
    for r in results:
        if r.labels.get(key):
            verdict = judge(r)
            if verdict is None:
                continue  # unscorable label
            counts[verdict] = counts.get(verdict, 0) + 1
    return counts


def figures(results: Sequence[PageResult]) -> dict[str, dict[str, int]]:
    """The report's counts: ``date``, ``date-shown``, ``outlet``, ``authors``."""
    return {
        "date": tally(results, judge_date, "date"),
        "date-shown": tally((r for r in results if r.shows_date), judge_date, "date"),
        "outlet": tally(results, judge_outlet, "outlet"),
        "authors": tally(results, judge_authors, "byline"),
    }


def _row(name: str, counts: dict[str, int], verdicts: tuple[str, ...]) -> str:
    total = sum(counts.values())
    cells = [f"{counts.get(v, 0)} ({100 * counts.get(v, 0) / total:.0f}%)" if total else "0" for v in verdicts]
    return f"| {name} | {total} | " + " | ".join(cells) + " |"


def render_report(results: Sequence[PageResult]) -> str:
    """The tables and the list of every wrong date and invented outlet."""
    f = figures(results)
    lines = [
        "| field | labelled | right | wrong | missing |",
        "|---|---|---|---|---|",
        _row("date (all labelled)", f["date"], ("right", "wrong", "missing")),
        _row("date (text shows it)", f["date-shown"], ("right", "wrong", "missing")),
        _row("authors", f["authors"], ("right", "wrong", "missing")),
        "",
        "| field | labelled | right | invented | domain only | missing |",
        "|---|---|---|---|---|---|",
        _row("outlet", f["outlet"], ("right", "invented", "domain", "missing")),
        "",
        f"Outlet labels naming a section, not a site, left out: {sum(1 for r in results if r.labels.get('outlet') in NOT_SITE_LABELS)}"
        f" ({', '.join(sorted(NOT_SITE_LABELS))}). Byline labels that are only a date, left out:"
        f" {sum(1 for r in results if r.labels.get('byline') and is_date_only(r.labels['byline']))}.",
    ]
    wrong = [r for r in results if r.labels.get("date") and judge_date(r) == "wrong"]
    if wrong:
        lines += ["", "Wrong dates:"] + [f"- {r.id}: gave {r.date}, label {r.labels['date']}" for r in wrong]
    on_platform = [r for r in results if r.labels.get("outlet") and r.outlet and is_platform_publication(r)]
    if on_platform:
        lines += ["", "Counted right as the publication on the platform the label names:"] + [
            f"- {r.id}: gave {r.outlet!r}, label {r.labels['outlet']!r} ({r.labels.get('url')})" for r in on_platform
        ]
    invented = [r for r in results if r.labels.get("outlet") and judge_outlet(r) == "invented"]
    if invented:
        lines += ["", "Invented outlets:"] + [f"- {r.id}: gave {r.outlet!r}, label {r.labels['outlet']!r}" for r in invented]
    missing = [r for r in results if r.labels.get("outlet") and judge_outlet(r) in ("missing", "domain")]
    if missing:
        lines += ["", "Outlets not found (or only the domain given):"] + [
            f"- {r.id}: label {r.labels['outlet']!r}" + (f", gave {r.outlet!r}" if r.outlet else "") for r in missing
        ]
    return "\n".join(lines)


def report(devcorpus: Path) -> str:
    """``make eval``'s section for dates, outlets and authors."""
    return render_report(evaluate_corpus(devcorpus))
