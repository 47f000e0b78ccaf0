"""The article's own date stamp, read from the raw page next to its headline and byline.

Cleaning often sets the stamp aside with the byline and share bar around it
("By Jane Doe | Dec 6, 2016, 4:08pm EST", "Oct 15, 2015 · 18 min read"), so the clean
blocks alone miss it. This module reads the seed's own lines in a window around the
headline and the byline (``stamp_window`` in data/dates.yml) and keeps a line as a
stamp only when, once its dates, labels, weekdays, times, the byline's names and a few
fillers ("min read", "12 comments") are taken out, at most a few words remain: a
related story's linked headline, a caption or a sentence is never a stamp.

Which stamp is the article's: the byline's own line, else the stamp nearest the
byline, else the first after the headline, else the last one above it (a masthead
sits further up). Within one stamp line, a "Published" date wins; otherwise the
earliest date, since a second date on the line is a revision ("Dec 6, 2016 — 6:22 PM
Dec 7, 2016 — 1:55 PM").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Sequence

from generator.extract.dates.rules import date_rules
from generator.extract.dates.spans import DATE_WORD_LANGUAGES, extract_date_spans, is_rejected_date
from generator.extract.page_lines import MD_IMAGE, MD_LINK, MD_MARKS
from generator.model import DateClue, DateEvidence, DateSpan

# "2021April 9": two stamps glued by the dump (an update then the publication day).
_GLUED = re.compile(r"(?<=\d)(?=[A-Z][a-z])")
# "Dec 20 201610:32 AM": a year glued to the time after it.
_GLUED_TIME = re.compile(r"(?<!\d)((?:19|20)\d\d)(\d{1,2}:\d\d)")
# "19. Juni 201619. Juni 2016", "20 janvier 202020 janvier 2020": a year glued to the next
# date's day (a published and an updated stamp side by side).
_GLUED_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=\d{1,2}(?:\.|\s+[^\W\d_]))")
_WORD = re.compile(r"[^\W\d_]{2,}")  # a word of two letters or more, in any alphabet ("Gefühle")
_LONG_NUMBER = re.compile(r"\d{3,}")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # "Ergebnisse 2007" beside a stamp: a year, not an id
_DIGIT = re.compile(r"[0-9]")  # what every date span (extract_date_spans, numeric_spans) holds


@dataclass(frozen=True, slots=True)
class _StampRules:
    above_title: int
    below_title: int
    further_below_title: int
    above_byline: int
    below_byline: int
    max_chars: int
    max_words: int
    filler: tuple[re.Pattern[str], ...]
    segment_break: re.Pattern[str]


@lru_cache(maxsize=1)
def _rules() -> _StampRules:
    data = date_rules().stamp_window
    return _StampRules(
        above_title=int(data["above_title"]),
        below_title=int(data["below_title"]),
        further_below_title=int(data.get("further_below_title", 0)),
        above_byline=int(data["above_byline"]),
        below_byline=int(data["below_byline"]),
        max_chars=int(data["max_chars"]),
        max_words=int(data["max_words"]),
        filler=tuple(re.compile(p, re.IGNORECASE) for p in data["filler"]),
        segment_break=re.compile(data["segment_break"]),
    )


def plain_line(line: str) -> str:
    """A raw line as text: Markdown images dropped, links as their text, marks and runs of spaces gone."""
    text = MD_IMAGE.sub(" ", line)
    while True:  # a link inside a link: "[[Julia Horowitz](mailto:...)](/author/...)"
        unlinked = MD_LINK.sub(r" \1 ", text)
        if unlinked == text:
            break
        text = unlinked
    text = _GLUED_TIME.sub(r"\1 \2", text)
    text = _GLUED_DAY.sub(r"\1 ", text)
    text = MD_MARKS.sub(" ", text).replace("\\-", "-").replace("\\.", ".")
    return " ".join(_GLUED.sub(" ", text).split())


def _is_stamp(text: str, spans: Sequence[DateSpan], names: Sequence[str], is_byline: bool) -> bool:
    """Whether a line is a date stamp: little but dates, labels and the byline's names; or
    one of its parts between separators (``segment_break`` in data/dates.yml) that holds a
    full date is ("Gunter Frank / 22.04.2020 / 06:15 / Foto: Achgut.com / 150",
    "Dezember 10, 2019 · von freeman1984 · in Uncategorized · Hinterlasse einen Kommentar")."""
    if len(text) > _rules().max_chars:
        return False
    if _is_stamp_text(text, spans, names, is_byline):
        return True
    start = 0
    for piece in [*_rules().segment_break.split(text)]:
        lo = text.find(piece, start)
        start = lo + len(piece)
        inside = [DateSpan(s.start - lo, s.end - lo, s.text, s.month, s.day, s.year, s.weekday) for s in spans if lo <= s.start and s.end <= start]
        if piece != text and any(s.year and s.day for s in inside) and _is_stamp_text(piece, inside, names, False):
            return True
    return False


def _is_stamp_text(text: str, spans: Sequence[DateSpan], names: Sequence[str], is_byline: bool) -> bool:
    rules, dr = _rules(), date_rules()
    rest = text
    for s in reversed(spans):
        rest = rest[: s.start] + " " + rest[s.end :]
    for name in names:
        rest = rest.replace(name, " ")
    for pattern in (dr.published, dr.updated, *dr.line_filler, *rules.filler):
        rest = pattern.sub(" ", rest)
    rest = dr.weekday_any.sub(" ", rest)
    if not is_byline and _LONG_NUMBER.search(_YEAR.sub(" ", rest)):
        # a table row or an id, not a stamp ("2020-08-01 18:00 │ 200 │ 4084"); a year is neither,
        # nor is a byline's count of readers ("Geschrieben von Cooper am 25.08.2015 ( 1599 x gelesen )")
        return False
    return is_byline or len(_WORD.findall(rest)) <= rules.max_words


def _role(text: str, span: DateSpan) -> str:
    rules = date_rules()
    gap = text[: span.start]
    pub = [m.end() for m in rules.published.finditer(gap)]
    upd = [m.end() for m in rules.updated.finditer(gap)]
    if not pub and not upd:
        return "date-line"
    return "published" if max(pub, default=-1) > max(upd, default=-1) else "updated"


# "10/17/2022 04:01 PM EDT": a numeric date, read only where its order is beyond doubt
# (one of its first two numbers is over 12); "05/08/2015" may be May or August: no date,
# but on a page in a language that writes the day first (every one of data/dates.yml's
# but English: "Le 17/02/2020", "03/05/2022 22:46") it is the 5th of August.
_NUMERIC = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?![\d/])")


# "19.10.19, 11:29 Uhr", "28.01.22 / 0 Kommentare": day, month and a two-digit year, dotted,
# as German, Swiss and Austrian sites stamp; read on a stamp line of a page in a language
# that writes the day first, as a year of this century (the web's). Not on an English page:
# Engadget's "11.03.17 in Gadgetry" is November 3rd.
_SHORT_YEAR = re.compile(r"(?<![\d.])(0[1-9]|[12]\d|3[01])\.(0[1-9]|1[0-2])\.(\d\d)(?![\d.]|:\d)")


def numeric_spans(text: str, day_first: bool = False) -> tuple[DateSpan, ...]:
    """The numeric dates of a stamp line ("10/17/2022", "28/11/2016"): those whose order is
    beyond doubt, and with ``day_first`` (the page's language writes the day first) every one,
    and the dotted ones with a two-digit year ("19.10.19")."""
    spans = []
    for m in _NUMERIC.finditer(text):
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        if a > 12 and 1 <= b <= 12:
            month, day = b, a
        elif b > 12 and 1 <= a <= 12 and not day_first:
            month, day = a, b
        elif day_first and 1 <= b <= 12:
            month, day = b, a
        else:
            continue
        try:
            dt.date(year, month, day)
        except ValueError:
            continue
        spans.append(DateSpan(m.start(), m.end(), m[0], month, day, year))
    for m in _SHORT_YEAR.finditer(text) if day_first else ():
        day, month, year = int(m[1]), int(m[2]), 2000 + int(m[3])
        try:
            dt.date(year, month, day)
        except ValueError:
            continue
        spans.append(DateSpan(m.start(), m.end(), m[0], month, day, year))
    return tuple(sorted(spans, key=lambda s: s.start))


def _spans(text: str, day_first: bool = False) -> tuple[DateSpan, ...]:
    return tuple(sorted(extract_date_spans(text) + numeric_spans(text, day_first), key=lambda s: s.start))


def writes_day_first(language: str | None) -> bool:
    """Whether a page of ``language`` writes a numeric date day first ("17/02/2020"): every
    language dates.yml reads but English (whose US pages write the month first). Not any
    other: py3langid takes some English pages for Luxembourgish ("10/04/2016 05:07 AM EDT"
    is October 4th)."""
    return language != "en" and language in DATE_WORD_LANGUAGES


def _line_clues(text: str, line_no: int, day_first: bool = False) -> list[DateClue]:
    """The dated clues of one stamp line, the article's first: a "Published" date, else
    the earliest date that is not an "Updated" one, else the updated ones."""
    clues = []
    for span in _spans(text, day_first):
        if span.year is None or span.day is None or is_rejected_date(text, span):
            continue
        clues.append(DateClue(span, _role(text, span), True, text, line_no))  # type: ignore[arg-type]
    key = lambda c: (c.span.year, c.span.month, c.span.day)  # noqa: E731
    published = [c for c in clues if c.role == "published"]
    plain = sorted((c for c in clues if c.role == "date-line"), key=key)
    updated = sorted((c for c in clues if c.role == "updated"), key=key)
    first = published[:1] or plain[:1]
    return first + updated[:1]


def extract_stamp_clues(
    text: str, title_line: int | None, byline_line: int | None, names: Sequence[str] = (), language: str | None = None
) -> tuple[tuple[DateClue, ...], tuple[int, int] | None]:
    """The article's own date stamp near its headline and byline (see the module doc),
    and the window of seed lines searched; ``((), None)`` when there is neither."""
    if not title_line and not byline_line:
        return (), None
    rules = _rules()
    lines = text.splitlines()
    ranges = []
    if title_line:
        ranges.append((title_line - rules.above_title, title_line + rules.below_title))
    if byline_line:
        ranges.append((byline_line - rules.above_byline, byline_line + rules.below_byline))
    lo, hi = max(1, min(r[0] for r in ranges)), min(len(lines), max(r[1] for r in ranges))
    stamps: list[tuple[int, list[DateClue]]] = []
    day_first = writes_day_first(language)
    # the headline's own line too: where the headline found is a kicker or stamp line ("FINTECH
    # 20. Juni 2019"), its date is the stamp; a real headline has more words than a stamp may
    window = {no for a, b in ranges for no in range(max(a, lo), min(b, hi) + 1)}
    for no in sorted(window):
        if not _DIGIT.search(lines[no - 1]):
            continue  # every date span holds a digit, and plain_line adds none: most lines end here
        plain = plain_line(lines[no - 1])
        spans = _spans(plain, day_first)
        if not any(s.year and s.day for s in spans):
            continue
        if not _is_stamp(plain, spans, names, no == byline_line):
            continue
        clues = _line_clues(plain, no, day_first)
        label = _label_line_before(lines, no)
        if label and all(c.role == "date-line" for c in clues):
            clues = [replace(c, role=label) for c in clues]  # "Updated:" on the line before
        if clues:
            stamps.append((no, clues))
    if not stamps and title_line and not byline_line and _rules().further_below_title > 0:
        # nothing next to the headline and no byline: the first stamp further under it
        # (``further_below_title`` in data/dates.yml), a weaker clue (role far-stamp)
        far_hi = min(len(lines), title_line + _rules().further_below_title)
        for no in range(hi + 1, far_hi + 1):
            if not _DIGIT.search(lines[no - 1]):
                continue
            plain = plain_line(lines[no - 1])
            spans = _spans(plain, day_first)
            if any(s.year and s.day for s in spans) and _is_stamp(plain, spans, names, False):
                clues = [replace(c, role="far-stamp") for c in _line_clues(plain, no, day_first) if c.role != "updated"]
                if clues:
                    return tuple(clues[:1]), (lo, far_hi)
    if not stamps:
        return (), (lo, hi)
    return tuple(_the_articles(stamps, title_line, byline_line)), (lo, hi)


# A line that is only a label, the date on the next line: "* Updated:" / "Mar 6, 2018",
# "Original:" / "Dec 21, 2016" (the first publication).
_LABEL_LINE = re.compile(r"^\W*(?P<label>first\s+published|published|posted|original|updated|last\s+updated|modified)\W*$", re.I)


def _label_line_before(lines: list[str], no: int) -> str | None:
    for k in range(no - 2, max(-1, no - 4), -1):
        text = plain_line(lines[k])
        if text:
            m = _LABEL_LINE.match(text)
            if not m:
                return None
            return "updated" if m.group("label").lower().endswith(("updated", "modified")) else "published"
    return None


def _the_articles(stamps: list[tuple[int, list[DateClue]]], title_line: int | None, byline_line: int | None) -> list[DateClue]:
    labelled = [st for st in stamps if any(c.role == "published" for c in st[1])]
    if labelled:
        stamps = labelled  # "Veröffentlicht am 16.08.2019" over an unlabelled date nearer (a comment's)
    if byline_line:
        ranked = sorted(stamps, key=lambda s: (abs(s[0] - byline_line), s[0] < byline_line))
        clues = list(ranked[0][1])
        if all(c.role == "updated" for c in clues):
            # The nearest stamp is a revision: the publication stamp is the next one that is not.
            published = next((c for _, cs in ranked[1:] for c in cs if c.role != "updated"), None)
            if published is not None:
                clues.append(published)
        return clues
    if title_line:
        # the stamp nearest the headline: the article's own sits next to it, a related
        # story's further down; at equal distance the one under it
        return min(stamps, key=lambda st: (abs(st[0] - title_line), st[0] < title_line))[1]
    return stamps[-1][1]


_STAMP_ROLES = ("published", "updated", "date-line")


def comments_start(text: str, title_line: int | None) -> int | None:
    """The seed line where the readers' comments begin, below the headline: a heading
    "5 thoughts on “...”" / "2 Kommentare zu „...“", or a commenter's "degski says:" line
    (``comments`` in data/dates.yml); None when there is none."""
    rules = date_rules()
    for no, line in enumerate(text.splitlines(), 1):
        if title_line and no <= title_line:
            continue
        plain = line.strip()
        if plain and len(plain) <= rules.comment_line_max and (rules.comment_heading.search(plain) or rules.comment_speaker.search(plain)):
            return no
    return None


def add_stamp_clues(
    evidence: DateEvidence, text: str, title_line: int | None, byline_line: int | None, names: Sequence[str] = (),
    language: str | None = None,
) -> DateEvidence:
    """``evidence`` with the page's own stamp (:func:`extract_stamp_clues`) added.

    Where the stamp is found, other date stamps of the clean blocks outside the window
    around the headline and byline are dropped: they belong to related stories, comments
    or the masthead, and the article's own one is known.
    """
    start = comments_start(text, title_line)
    if start is not None:  # the readers' comments date themselves, never the article
        text = "\n".join(text.splitlines()[: start - 1])
        evidence = replace(evidence, clues=tuple(c for c in evidence.clues if not c.line_no or c.line_no < start))
    stamps, window = extract_stamp_clues(text, title_line, byline_line, names, language)
    if not stamps and not evidence.clues and evidence.url is None:
        return replace(evidence, clues=extract_labelled_stamp(text, names, language))
    if not stamps or window is None:
        return evidence
    lo, hi = window
    # A stamp read from the page's line replaces the clean block's reading of the same date:
    # the line is a stamp ("Crime Published On May 10, 2022 01:52 PM"), not prose.
    stamped = {(c.line_no, c.span.text, c.role) for c in stamps}
    kept = tuple(
        c for c in evidence.clues
        if (c.role not in _STAMP_ROLES or not c.line_no or lo <= c.line_no <= hi)
        and (c.line_no, c.span.text, c.role) not in stamped
    )
    return replace(evidence, clues=stamps + kept)


def extract_labelled_stamp(text: str, names: Sequence[str] = (), language: str | None = None) -> tuple[DateClue, ...]:
    """Where the page gives no other date: its first stamp line labelled "Published" anywhere
    on the page ("Erschienen am: 01.11.2023" under a long article), as a far stamp; else its
    first labelled "Updated" (the latest the article can be). A related story or a comment
    carries no such label."""
    day_first = writes_day_first(language)
    updated: tuple[DateClue, ...] = ()
    for no, line in enumerate(text.splitlines(), 1):
        if not _DIGIT.search(line):
            continue
        plain = plain_line(line)
        spans = _spans(plain, day_first)
        if not any(s.year and s.day for s in spans) or not _is_stamp(plain, spans, names, False):
            continue
        clues = _line_clues(plain, no, day_first)
        published = [replace(c, role="far-stamp") for c in clues if c.role == "published"]
        if published:
            return tuple(published[:1])
        if not updated:
            updated = tuple(c for c in clues if c.role == "updated")[:1]
    return updated
