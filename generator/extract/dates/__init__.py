"""Publication dates: where an article's date is read and decided (the one public entry).

Other modules import from ``generator.extract.dates`` only, never from its modules:

* ``rules.py``   data/dates.yml checked against its schema and compiled once: month and
  weekday names (their one home), labels, span patterns, sentence ends, cue lists;
* ``spans.py``   reading dates in the clean text: spans, their roles, weekdays, the URL's date;
* ``stamps.py``  the article's own stamp, read from the seed's lines next to its headline and byline;
* ``choose.py``  deciding the publication date from that evidence (and anchors), with its
  provenance and confidence.

The evidence itself (:class:`generator.model.DateEvidence` and its parts) lives in
``model.py``, as every value that flows between stages does.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from generator.extract.dates.choose import choose_date, date_candidates, extract_date, lines_of_date
from generator.extract.dates.rules import date_rules, name_forms, word_alternation
from generator.extract.dates.spans import (
    byline_line_of,
    extract_date_evidence,
    extract_date_spans,
    extract_own_link_date,
    extract_url_date,
    extract_weekday_mentions,
    is_rejected_date,
    parse_date_span,
    warm_up,
)
from generator.extract.dates.stamps import add_stamp_clues, extract_stamp_clues, numeric_spans, plain_line
from generator.model import CleanDoc, DateEvidence, DateValue, Field

__all__ = [
    "add_stamp_clues",
    "byline_line_of",
    "choose_date",
    "date_candidates",
    "date_rules",
    "extract_date",
    "extract_date_evidence",
    "extract_date_spans",
    "extract_stamp_clues",
    "extract_url_date",
    "extract_weekday_mentions",
    "is_rejected_date",
    "lines_of_date",
    "name_forms",
    "numeric_spans",
    "parse_date_span",
    "plain_line",
    "read_date_evidence",
    "read_page_stamp_date",
    "warm_up",
    "word_alternation",
]


def read_date_evidence(
    doc: CleanDoc, seed_text: str, byline_line: int | None, names: Sequence[str] = ()
) -> DateEvidence:
    """Everything the page says about its date, read once: the clean document's dates
    (stamps far from the byline dropped), the address it links its share buttons to where
    none was saved with it, and the article's own stamp next to its headline
    and byline, read from the seed's lines (cleaning may set it aside)."""
    evidence = extract_date_evidence(doc, byline_line)
    if evidence.url is None:
        # no address saved with the page: the one its share and comments links give
        evidence = replace(evidence, url=extract_own_link_date(seed_text))
    title_line = min((b.line_no for b in doc.blocks if b.kind == "title"), default=None)
    return add_stamp_clues(evidence, seed_text, title_line, byline_line, names, doc.language)


def read_page_stamp_date(lines: str, headline: str, language: str | None = None) -> Field[DateValue] | None:
    """The date of the stamp next to the headline in a saved page's own lines (``files/html.py``
    reads its body as a text dump would give it), as a dump's stamp is read; ``None`` when there
    is none, or when the headline is not among the lines."""
    key = " ".join(headline.split()).casefold()
    title_no = next((no for no, line in enumerate(lines.splitlines(), start=1) if " ".join(line.split()).casefold() == key), 0)
    if not title_no:
        return None
    found = choose_date(add_stamp_clues(DateEvidence((), (), None), lines, title_no, None, (), language))
    if found is None:
        return None
    prov = replace(found.provenance, evidence=f"the page's lines near its headline: {found.provenance.evidence}")
    return Field(found.value, prov)
