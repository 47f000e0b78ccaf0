"""Publication dates: which day an article was published, and how we know.

Only ``doc.blocks``, ``doc.dateline`` and ``doc.source_url`` are read, never
``doc.removed``: furniture such as a donation appeal's "Since July 1, 2024"
is the day the page was scraped, not the day the article was written.

Date-looking spans are found with the regexes of ``data/dates.yml``; each span
alone is then parsed by dateparser with a fixed ``RELATIVE_BASE`` and only its
absolute-date parser, so the result never depends on today's date and
dateparser never searches free text.

Where a date can come from, strongest first (``Provenance.method``):

tier "extracted" (the text or URL says it):
  * ``published-label`` (0.9): "Published: 3 Aug 2015" on a line of its own;
    0.8 when the label stands inside prose.
  * ``dateline-date`` (0.85): a block that is only a date, maybe with a
    weekday, a time or a byline ("August 05, 2015").
  * ``dateline-prefix`` (0.85): wire copy's "MOSCOW, Aug. 13, 2015 (AP) —".
  * ``url-path`` (0.8; 0.5 when the URL gives only year and month):
    "/2015/08/05/", "/2015/aug/05/", "/2015-08-05", "?date=2015-08-05".
  * ``month-day+url-year`` (0.8): "Aug. 13" in a date position and a URL
    giving the year and that month.

tier "inferred" (confidence at most 0.6):
  * ``month-day+weekday+anchor`` (0.6, 0.45 when over two months from every
    anchor): a yearless "Aug. 13" (date line, dateline, caption end) whose
    year is one in which Aug 13 falls on a weekday the text mentions ("on
    Thursday"), choosing the year nearest the anchors. A weekday written next
    to the date ("Thursday, Aug. 13") is the only weekday used when present.
  * ``caption-date`` (0.5): a caption block ending AP-style "..., Aug. 13,
    2015." (a photo of the day's news; file photos are excluded, see below).
  * ``updated-label`` (0.45; 0.4 in prose): "Updated: ...": a revision date, the
    latest the article can have been published.
  * ``lead-date`` (0.4): "on August 5, 2015" in the lead paragraph.
  * ``weekday-after-photo`` (0.35): see below.
  * ``month-day+anchor`` (0.3): a yearless month-day and no weekday clue, within
    a quarter of an anchor.
  * ``weekday+anchor`` (0.3): no date at all, but past weekdays ("said on
    Friday") near an *event* anchor (another report of the same happening): the latest of those weekdays' occurrences within
    3 days of the anchor (wire copy names the day's own events by weekday).
    Dropped when a written yearless month-day ("Aug. 13") says otherwise.

Never the publication date: a date after "since", "as of", "until", "from",
a copyright sign, "born"...; a date inside quotation marks; a year alone
("in 1999", "© 2024", "last June"); a date in the body other than the lead's
"on <date>" (those are the news's history); and a photo's date: "seen January
18, 2017", "pictured on", "file photo", "in this ... photo". A photo date is a
lower bound, though: a file photo is older than the article, so the article's
past weekdays ("On Wednesday Lavrov told ...", "ended on Tuesday") are the first
such weekdays strictly after it, and the article is dated the day after the
latest of them (``weekday-after-photo``), kept before any future weekday it
mentions ("talks on Friday").

When several candidates disagree, :func:`generator.model.choose` decides:
higher tier, then higher confidence, then text before URL. If two extracted
candidates from different methods agree (e.g. the date line and the URL), the
winner's confidence rises to 0.95 and its evidence quotes both; if they
disagree, the winner loses 0.2 confidence and its evidence quotes the other.
Anchors (dates of other articles of the same story, passed by the caller in
a second pass) are only ever used for tier "inferred" dates; without anchors a
yearless date gives None, never a guessed year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal, Sequence
from urllib.parse import urlsplit

import dateparser

from generator.model import TIERS, CleanDoc, DateValue, Field, Provenance, choose
from generator.files.rules import load_rules

# A leap year (so "Feb. 29" parses) and a fixed day: dateparser must never use today.
_BASE = dt.datetime(2000, 1, 1)
_FULL = ("day", "month", "year")

Role = Literal["published", "updated", "date-line", "dateline-prefix", "caption", "lead", "photo"]
Tense = Literal["past", "future"]


@dataclass(frozen=True)
class DateSpan:
    """A date-looking span of one text, parsed; ``year``/``day`` None when not written."""

    start: int
    end: int
    text: str
    month: int
    day: int | None
    year: int | None
    weekday: int | None = None  # a weekday written right before the date


@dataclass(frozen=True)
class DateClue:
    """A span with the role its position gives it (what kind of date it is)."""

    span: DateSpan
    role: Role
    in_line: bool  # the block is a date line, not prose
    evidence: str


@dataclass(frozen=True)
class WeekdayMention:
    """A weekday named in the text ("on Thursday"), past or still ahead."""

    weekday: int  # 0 = Monday
    tense: Tense
    evidence: str


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class _Rules:
    spans: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...]
    month_numbers: dict[str, int]
    weekday_numbers: dict[str, int]
    weekday_before: re.Pattern[str]  # any weekday name (full or short) ending the text
    weekday_full: re.Pattern[str]
    weekday_any: re.Pattern[str]
    url_patterns: tuple[tuple[str, str, re.Pattern[str]], ...]
    published: re.Pattern[str]
    updated: re.Pattern[str]
    published_end: re.Pattern[str]  # the label ends the text, but for spaces and ":,-"
    updated_end: re.Pattern[str]
    line_max: int
    line_filler: tuple[re.Pattern[str], ...]
    dateline_before: re.Pattern[str]
    dateline_after: re.Pattern[str]
    caption_before: re.Pattern[str]
    caption_after: re.Pattern[str]
    photo_before: tuple[re.Pattern[str], ...]
    photo_after: tuple[re.Pattern[str], ...]
    reject_before: tuple[re.Pattern[str], ...]
    lead_before: re.Pattern[str]
    skip_before: tuple[re.Pattern[str], ...]
    future_before: tuple[re.Pattern[str], ...]
    future_window: int
    anchors: dict[str, int]


def _alternation(names: list[str]) -> str:
    forms = sorted({f for n in names for f in (n, n.upper())}, key=len, reverse=True)
    return r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b"


def _compile_all(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load_rules("dates")
    months = {int(k): v for k, v in data["months"].items()}
    weekdays = {int(k): v for k, v in data["weekdays"].items()}
    fills = {
        "month": _alternation([n for ns in months.values() for n in ns]),
        "weekday": _alternation([n for ns in weekdays.values() for n in ns]),
        **data["fragments"],
    }
    spans = tuple(
        (s["name"], tuple(s["parts"]), re.compile(_fill(s["regex"], fills))) for s in data["spans"]
    )
    labels = data["labels"]
    published = r"\b(?:" + "|".join(labels["published"]) + r")\b"
    updated = r"\b(?:" + "|".join(labels["updated"]) + r")\b"
    line = data["date_line"]
    wm = data["weekday_mentions"]
    return _Rules(
        spans=spans,
        month_numbers={n.lower(): k for k, ns in months.items() for n in ns},
        weekday_numbers={n.lower(): k for k, ns in weekdays.items() for n in ns},
        weekday_before=re.compile(r"(" + fills["weekday"] + r")\.?,?\s*$"),
        weekday_any=re.compile(fills["weekday"]),
        weekday_full=re.compile(
            r"\b(" + "|".join(ns[0] for ns in weekdays.values()) + r")(?:['’]s)?\b"
        ),
        url_patterns=tuple(
            (u["name"], u["precision"], re.compile(u["regex"], re.IGNORECASE))
            for u in data["url_patterns"]
        ),
        published=re.compile(published, re.IGNORECASE),
        updated=re.compile(updated, re.IGNORECASE),
        published_end=re.compile(r"(?:" + published + r")[\s:,-]*$", re.IGNORECASE),
        updated_end=re.compile(r"(?:" + updated + r")[\s:,-]*$", re.IGNORECASE),
        line_max=int(line["max_chars"]),
        line_filler=tuple(re.compile(p) for p in line["filler"]),
        dateline_before=re.compile(data["dateline_prefix"]["before"]),
        dateline_after=re.compile(data["dateline_prefix"]["after"]),
        caption_before=re.compile(data["caption_end"]["before"]),
        caption_after=re.compile(data["caption_end"]["after"]),
        photo_before=_compile_all(data["photo_before"]),
        photo_after=_compile_all(data["photo_after"]),
        reject_before=_compile_all(data["reject_before"]),
        lead_before=re.compile(data["lead_before"], re.IGNORECASE),
        skip_before=tuple(re.compile(p) for p in wm["skip_before"]),
        future_before=_compile_all(wm["future_before"]),
        future_window=int(wm["window_chars"]),
        anchors={k: int(v) for k, v in data["anchors"].items()},
    )


def _fill(pattern: str, fills: dict[str, str]) -> str:
    for key, value in fills.items():
        pattern = pattern.replace("{" + key + "}", value)
    return pattern


# --------------------------------------------------------------------------- spans


@lru_cache(maxsize=4096)
def parse_date_span(text: str, parts: tuple[str, ...] = _FULL) -> tuple[int | None, int, int | None] | None:
    """Parse one date span (never free text) into ``(year, month, day)``.

    Parts not in ``parts`` come back None. Deterministic: dateparser gets a
    fixed base date and only its absolute-date parser. The plainest spellings
    ("Aug. 13, 2015", "5 August 2015", "2015-08-05", "August 2015", "Aug 13")
    of a valid date are read without it (see :func:`_parse_plain_span`).
    """
    plain = _parse_plain_span(text, frozenset(parts))
    if plain is not None:
        return plain
    settings: dict[str, object] = {
        "RELATIVE_BASE": _BASE,
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "PARSERS": ["absolute-time"],
        "REQUIRE_PARTS": list(parts),
    }
    if set(parts) == set(_FULL):
        settings["STRICT_PARSING"] = True  # a full date must have all three parts written
    if re.match(r"\d{4}", text):
        settings["DATE_ORDER"] = "YMD"
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    return (
        parsed.year if "year" in parts else None,
        parsed.month,
        parsed.day if "day" in parts else None,
    )


@lru_cache(maxsize=1)
def _plain_spans() -> dict[frozenset[str], tuple[re.Pattern[str], ...]]:
    """For each set of parts, the plain spellings :func:`_parse_plain_span` reads.

    One space between the pieces; the month as ``dates.yml`` lists it (title case
    or capitals), with or without its dot; the day without an ordinal suffix.
    """
    month = _alternation([n for ns in load_rules("dates")["months"].values() for n in ns])
    day, year = r"(?P<day>[0-9]{1,2})", r"(?P<year>(?:19|20)[0-9]{2})"
    mon = rf"(?P<mon>{month})"
    return {
        frozenset(_FULL): (
            re.compile(rf"{mon}\.? {day},? {year}"),
            re.compile(rf"{day} {mon}\.?,? {year}"),
            re.compile(rf"{year}(?P<sep>[-/.])(?P<num>0[1-9]|1[0-2])(?P=sep)(?P<day>0[1-9]|[12][0-9]|3[01])"),
        ),
        frozenset(("month", "year")): (re.compile(rf"{mon}\.?,? {year}"),),
        frozenset(("day", "month")): (re.compile(rf"{mon}\.? {day}"), re.compile(rf"{day} {mon}")),
    }


def _parse_plain_span(text: str, parts: frozenset[str]) -> tuple[int | None, int, int | None] | None:
    """``(year, month, day)`` of a plainly written valid date, as dateparser reads it; else ``None``.

    dateparser costs about half a millisecond a span. Only spellings checked to
    read the same as with dateparser (``tests/test_dates.py``) are read here:
    anything else, and every impossible date (dateparser decides those,
    including "Feb. 29" without a year), is left to it.
    """
    for pattern in _plain_spans().get(parts, ()):
        m = pattern.fullmatch(text)
        if m is None:
            continue
        groups = m.groupdict()
        month = int(groups["num"]) if groups.get("num") else _rules().month_numbers[groups["mon"].lower()]
        day = int(groups["day"]) if groups.get("day") else None
        year = int(groups["year"]) if groups.get("year") else None
        if day is not None and not 1 <= day <= _PLAIN_MONTH_DAYS[month]:
            return None
        if day is not None and year is not None:
            try:
                dt.date(year, month, day)
            except ValueError:
                return None
        return year, month, day
    return None


# Days a month may have in a plain span read without dateparser: February's 29th
# is left to it (a year that is not a leap year has none, and without a year
# dateparser's own choice of year decides).
_PLAIN_MONTH_DAYS = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}


# Every span pattern holds a day or a year, so an ASCII digit: a text without one
# (most paragraphs) is answered without running the patterns, which cost far more.
_SPAN_NEEDS = re.compile(r"[0-9]")


def extract_date_spans(text: str) -> tuple[DateSpan, ...]:
    """Every date-looking span of ``text``, parsed, in order, without overlaps."""
    if not _SPAN_NEEDS.search(text):
        return ()
    rules = _rules()
    found: list[tuple[int, int, int, tuple[str, ...]]] = []  # start, -length, rank, parts
    for rank, (_name, parts, pattern) in enumerate(rules.spans):
        for m in pattern.finditer(text):
            found.append((m.start(), -(m.end() - m.start()), rank, parts))
    spans: list[DateSpan] = []
    taken_until = -1
    for start, neg_len, _order, parts in sorted(found):
        end = start - neg_len
        if start < taken_until:
            continue
        parsed = parse_date_span(text[start:end], parts)
        if parsed is None:
            continue
        year, month, day = parsed
        wd = rules.weekday_before.search(text[max(0, start - 14) : start])
        weekday = rules.weekday_numbers[wd.group(1).lower()] if wd else None
        spans.append(DateSpan(start, end, text[start:end], month, day, year, weekday))
        taken_until = end
    return tuple(spans)


# --------------------------------------------------------------------------- roles


_SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n")
_CLAUSE_BREAK = re.compile(r"[,;:—–]|[.!?]\s+")
_LETTER = re.compile(r"[A-Za-z]")


def _sentence_before(text: str, start: int) -> str:
    """The part of the sentence holding ``start`` that precedes it."""
    head = text[:start]
    cut = max((m.end() for m in _SENTENCE_BREAK.finditer(head)), default=0)
    return head[cut:]


def _inside_quotes(text: str, start: int) -> bool:
    head = text[:start]
    return (head.count('"') % 2 == 1) or head.count("“") > head.count("”")


def _is_rejected(text: str, span: DateSpan) -> bool:
    before = _sentence_before(text, span.start)
    rules = _rules()
    if span.weekday is not None:
        wd = rules.weekday_before.search(before)
        before = before[: wd.start()] if wd else before
    return any(p.search(before) for p in rules.reject_before) or _inside_quotes(text, span.start)


def _is_photo_date(text: str, span: DateSpan) -> bool:
    rules = _rules()
    before = _sentence_before(text, span.start)
    after = text[span.end : span.end + 30]
    return any(p.search(before) for p in rules.photo_before) or any(
        p.search(after) for p in rules.photo_after
    )


def _is_date_line(text: str, spans: Sequence[DateSpan]) -> bool:
    rules = _rules()
    if not spans or len(text) > rules.line_max:
        return False
    rest = text
    for s in reversed(spans):
        rest = rest[: s.start] + " " + rest[s.end :]
    for pattern in (rules.published, rules.updated, *rules.line_filler):
        rest = pattern.sub(" ", rest)
    rest = rules.weekday_any.sub(" ", rest)
    return not _LETTER.search(rest)


def _label(gap: str) -> Role | None:
    """Which label, if any, is the last one in ``gap`` (the text before a date)."""
    rules = _rules()
    pub = [m.end() for m in rules.published.finditer(gap)]
    upd = [m.end() for m in rules.updated.finditer(gap)]
    if not pub and not upd:
        return None
    return "published" if max(pub, default=-1) > max(upd, default=-1) else "updated"


def _label_right_before(gap: str) -> Role | None:
    rules = _rules()
    for role, pattern in (("published", rules.published_end), ("updated", rules.updated_end)):
        if pattern.search(gap):
            return role  # type: ignore[return-value]
    return None


def _quote(text: str, span: DateSpan, width: int = 60) -> str:
    lo = max(0, span.start - width)
    hi = min(len(text), span.end + 20)
    snippet = text[lo:hi].strip()
    return ("…" if lo > 0 else "") + snippet + ("…" if hi < len(text) else "")


def extract_date_clues(doc: CleanDoc) -> tuple[DateClue, ...]:
    """Every date in the document with the role its position gives it.

    Dates with no role (body history, rejected contexts) are left out.
    """
    texts: list[tuple[str, str, bool]] = []  # text, kind, is_lead
    if doc.dateline:
        texts.append((doc.dateline, "dateline", False))
    body = doc.body_blocks()
    lead = next((b for b in body if b.kind == "paragraph"), None)
    for block in doc.blocks:
        if block.kind == "title":
            continue
        texts.append((block.plain(), block.kind, block is lead))
    clues: list[DateClue] = []
    for text, kind, is_lead in texts:
        clues.extend(_clues_of_text(text, kind, is_lead))
    return tuple(clues)


def _clues_of_text(text: str, kind: str, is_lead: bool) -> tuple[DateClue, ...]:
    rules = _rules()
    spans = extract_date_spans(text)
    line = _is_date_line(text, spans)
    clues: list[DateClue] = []
    prev_end = 0
    for span in spans:
        gap, prev_end = text[prev_end : span.start], span.end
        role = _role_of(text, span, gap, kind, is_lead, line, rules)
        if role is not None:
            evidence = text.strip() if line else _quote(text, span)
            clues.append(DateClue(span, role, line, evidence))
    return tuple(clues)


def _role_of(
    text: str, span: DateSpan, gap: str, kind: str, is_lead: bool, line: bool, rules: _Rules
) -> Role | None:
    if _is_rejected(text, span):
        return None
    if _is_photo_date(text, span):
        return "photo"
    if line:
        return _label(gap) or "date-line"
    labelled = _label_right_before(gap)
    if labelled:
        return labelled
    head, tail = text[: span.start], text[span.end :]
    if span.weekday is not None:
        wd = rules.weekday_before.search(head)
        head = head[: wd.start()] if wd else head
    if rules.dateline_before.match(head) and rules.dateline_after.match(tail):
        return "dateline-prefix"
    if kind == "caption" and rules.caption_before.search(head) and rules.caption_after.match(tail):
        return "caption"
    if is_lead and span.year is not None and span.day is not None and rules.lead_before.search(head):
        return "lead"
    return None


# --------------------------------------------------------------------------- weekdays


def extract_weekday_mentions(doc: CleanDoc) -> tuple[WeekdayMention, ...]:
    """Weekdays the article names for its news ("on Thursday", "Friday's talks").

    Named days ("Good Friday"), habits ("every Friday") and "last Friday" are
    skipped; a weekday after a future cue in its clause ("will ... on
    Saturday", "to attend Friday's talks", "next Friday") is ``"future"``.
    """
    rules = _rules()
    mentions: list[WeekdayMention] = []
    for block in doc.blocks:
        text = block.plain()
        for m in rules.weekday_full.finditer(text):
            before = text[: m.start()]
            if any(p.search(before[-20:]) for p in rules.skip_before):
                continue
            clause = _CLAUSE_BREAK.split(_sentence_before(text, m.start()))[-1]
            window = clause[-rules.future_window :]
            tense: Tense = "future" if any(p.search(window) for p in rules.future_before) else "past"
            wd = rules.weekday_numbers[m.group(1).lower()]
            lo, hi = max(0, m.start() - 50), min(len(text), m.end() + 20)
            evidence = ("…" if lo else "") + text[lo:hi].strip() + ("…" if hi < len(text) else "")
            mentions.append(WeekdayMention(wd, tense, evidence))
    return tuple(mentions)


def _distinct(mentions: Sequence[WeekdayMention]) -> tuple[WeekdayMention, ...]:
    """The first mention of each (weekday, tense), in text order."""
    seen: dict[tuple[int, str], WeekdayMention] = {}
    for m in mentions:
        seen.setdefault((m.weekday, m.tense), m)
    return tuple(seen.values())


# --------------------------------------------------------------------------- candidates

_EXTRACTED_CONF = {
    ("published", True): 0.9,
    ("published", False): 0.8,
    ("date-line", True): 0.85,
    ("dateline-prefix", False): 0.85,
}
_METHOD = {
    "published": "published-label",
    "updated": "updated-label",
    "date-line": "dateline-date",
    "dateline-prefix": "dateline-prefix",
    "caption": "caption-date",
    "lead": "lead-date",
}


def _field(value: DateValue, method: str, evidence: str, conf: float, tier: str) -> Field[DateValue]:
    return Field(value, Provenance(method, evidence, conf, tier))  # type: ignore[arg-type]


def _value_of(span: DateSpan) -> DateValue | None:
    if span.year is None:
        return None
    try:
        if span.day is None:
            return DateValue(dt.date(span.year, span.month, 1), "month")
        return DateValue(dt.date(span.year, span.month, span.day), "day")
    except ValueError:
        return None


def _from_clue(clue: DateClue) -> Field[DateValue] | None:
    """A dated clue as a candidate (clues without a year are handled elsewhere)."""
    value = _value_of(clue.span)
    if value is None or clue.role == "photo":
        return None
    quote = f'"{clue.evidence}"'
    if clue.role in ("updated", "caption", "lead"):
        conf = {"updated": 0.45 if clue.in_line else 0.4, "caption": 0.5, "lead": 0.4}[clue.role]
        return _field(value, _METHOD[clue.role], quote, conf, "inferred")
    conf = _EXTRACTED_CONF.get((clue.role, clue.in_line), 0.8)
    if value.precision == "month":
        conf -= 0.3
    if clue.span.weekday is not None and value.date.weekday() != clue.span.weekday:
        conf -= 0.3
        quote += " (the weekday written does not match)"
    return _field(value, _METHOD[clue.role], quote, conf, "extracted")


def extract_url_date(url: str | None) -> Field[DateValue] | None:
    """The date in an article URL's path or query ("/2015/08/05/"), or None."""
    if not url:
        return None
    rules = _rules()
    parts = urlsplit(url)
    target = parts.path + ("?" + parts.query if parts.query else "")
    for _name, precision, pattern in rules.url_patterns:
        for m in pattern.finditer(target):
            value = _url_value(m, precision, rules)
            if value is not None:
                conf = 0.8 if precision == "day" else 0.5
                return _field(value, "url-path", f'"{m.group(0)}" in {url}', conf, "extracted")
    return None


def _url_value(m: re.Match[str], precision: str, rules: _Rules) -> DateValue | None:
    groups = m.groupdict()
    if groups.get("mon"):
        month = rules.month_numbers.get(groups["mon"].lower())
        if month is None:
            return None
    else:
        month = int(groups["m"])
    try:
        if precision == "month":
            return DateValue(dt.date(int(groups["y"]), month, 1), "month")
        return DateValue(dt.date(int(groups["y"]), month, int(groups["d"])), "day")
    except ValueError:
        return None


def _yearless(clues: Sequence[DateClue]) -> tuple[DateClue, ...]:
    """Month-days without a year in a position that dates the article."""
    roles = ("published", "date-line", "dateline-prefix", "caption")
    return tuple(
        c for c in clues if c.span.year is None and c.span.day is not None and c.role in roles
    )


def _with_url_year(clue: DateClue, url_field: Field[DateValue] | None) -> Field[DateValue] | None:
    if url_field is None or url_field.value.precision != "month":
        return None
    if url_field.value.date.month != clue.span.month:
        return None
    try:
        day = dt.date(url_field.value.date.year, clue.span.month, clue.span.day or 0)
    except ValueError:
        return None
    evidence = f'"{clue.evidence}" + {url_field.provenance.evidence}'
    return _field(DateValue(day), "month-day+url-year", evidence, 0.8, "extracted")


def _month_day_dates(month: int, day: int, years: range) -> tuple[dt.date, ...]:
    out = []
    for y in years:
        try:
            out.append(dt.date(y, month, day))
        except ValueError:
            continue
    return tuple(out)


def _nearest(dates: Sequence[dt.date], anchors: Sequence[dt.date]) -> tuple[dt.date, int] | None:
    """The date nearest any anchor and its distance in days; None on a tie."""
    scored = sorted((min(abs((d - a).days) for a in anchors), d) for d in dates)
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return scored[0][1], scored[0][0]


def resolve_yearless(
    clue: DateClue, mentions: Sequence[WeekdayMention], anchors: Sequence[dt.date]
) -> Field[DateValue] | None:
    """Give a yearless month-day a year from weekday clues and anchors, or None.

    Without anchors there is no year to prefer, so the answer is None.
    """
    if not anchors or clue.span.day is None:
        return None
    limits = _rules().anchors
    span = limits["year_span"]
    years = range(min(a.year for a in anchors) - span, max(a.year for a in anchors) + span + 1)
    all_dates = _month_day_dates(clue.span.month, clue.span.day, years)
    anchor_text = ", ".join(a.isoformat() for a in sorted(set(anchors)))
    clues = _weekday_clues(clue, mentions)
    if clues:
        wanted = {w for w, _ in clues}
        dates = tuple(d for d in all_dates if d.weekday() in wanted)
        best = _nearest(dates, anchors)
        if best is None or best[1] > limits["weekday_max_days"]:
            return None
        conf = 0.6 if best[1] <= limits["weekday_close_days"] else 0.45
        md = best[0].strftime("%b %-d")
        evidence = (
            f'"{clue.evidence}" + ' + " + ".join(f'"{e}"' for _, e in clues)
            + f" ({md} falls on that weekday in {', '.join(str(d.year) for d in dates)});"
            + f" nearest to anchor {anchor_text}"
        )
        return _field(DateValue(best[0]), "month-day+weekday+anchor", evidence, conf, "inferred")
    best = _nearest(all_dates, anchors)
    if best is None or best[1] > limits["plain_max_days"]:
        return None
    evidence = f'"{clue.evidence}"; no weekday clue; nearest to anchor {anchor_text}'
    return _field(DateValue(best[0]), "month-day+anchor", evidence, 0.3, "inferred")


def _weekday_clues(clue: DateClue, mentions: Sequence[WeekdayMention]) -> tuple[tuple[int, str], ...]:
    if clue.span.weekday is not None:
        return ((clue.span.weekday, clue.evidence),)
    past = [m for m in _distinct(mentions) if m.tense == "past"]
    chosen = past or list(_distinct(mentions))
    return tuple((m.weekday, m.evidence) for m in chosen)


def resolve_after_photo(
    photo: DateClue, mentions: Sequence[WeekdayMention]
) -> Field[DateValue] | None:
    """Date an article by its weekdays, counted from a file photo's date.

    The photo is older than the article, so each past weekday mentioned is the
    first such weekday strictly after the photo date; the article is dated the
    day after the latest of them, but before any future weekday it mentions.
    """
    taken = _value_of(photo.span)
    if taken is None or taken.precision != "day":
        return None
    distinct = _distinct(mentions)
    past = [m for m in distinct if m.tense == "past"]
    if not past:
        return None
    occurrences = [(_first_after(taken.date, m.weekday), m) for m in past]
    latest = max(d for d, _ in occurrences)
    article = latest + dt.timedelta(days=1)
    future = [m for m in distinct if m.tense == "future" and m.weekday not in {p.weekday for p in past}]
    future_dates = [_first_after(latest, m.weekday) for m in future]
    if future_dates and article >= min(future_dates):
        article = latest
    evidence = f'photo date "{photo.evidence}"; ' + "; ".join(
        f'"{m.evidence}" → {d.isoformat()}' for d, m in sorted(occurrences, key=lambda x: x[0])
    )
    if future:
        evidence += "; still ahead: " + "; ".join(f'"{m.evidence}"' for m in future)
    return _field(DateValue(article), "weekday-after-photo", evidence, 0.35, "inferred")


def _first_after(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)


def resolve_weekday_anchor(
    mentions: Sequence[WeekdayMention], anchors: Sequence[dt.date]
) -> Field[DateValue] | None:
    """Date an undated article by its past weekdays near an anchor, or None.

    Each past weekday is placed on its occurrence within a few days of an
    anchor; the article is the latest of those days. Anchors that disagree give None.
    """
    past = [m for m in _distinct(mentions) if m.tense == "past"]
    if not past or not anchors:
        return None
    reach = _rules().anchors["weekday_only_days"]
    results = set()
    for anchor in anchors:
        days = [anchor + dt.timedelta(days=k) for k in range(-reach, reach + 1)]
        results.add(max(d for d in days if d.weekday() in {m.weekday for m in past}))
    if len(results) != 1:
        return None
    (article,) = results
    anchor_text = ", ".join(a.isoformat() for a in sorted(set(anchors)))
    evidence = " + ".join(f'"{m.evidence}"' for m in past) + f"; near anchor {anchor_text}"
    return _field(DateValue(article), "weekday+anchor", evidence, 0.3, "inferred")


def date_candidates(
    doc: CleanDoc, anchors: Sequence[dt.date] = (), event_anchors: Sequence[dt.date] = ()
) -> tuple[Field[DateValue], ...]:
    """Every candidate publication date the rules find, strongest first (for reports)."""
    clues = extract_date_clues(doc)
    mentions = extract_weekday_mentions(doc)
    url_field = extract_url_date(doc.source_url)
    found: list[Field[DateValue] | None] = [_from_clue(c) for c in clues]
    found.append(url_field)
    for clue in _yearless(clues):
        found.append(_with_url_year(clue, url_field))
        found.append(resolve_yearless(clue, mentions, anchors))
    photos = [c for c in clues if c.role == "photo" and c.span.year is not None]
    if photos:
        latest = max(photos, key=lambda c: (c.span.year, c.span.month, c.span.day or 0))
        found.append(resolve_after_photo(latest, mentions))
    by_weekday = resolve_weekday_anchor(mentions, event_anchors)
    if by_weekday is not None and all(
        (c.span.month, c.span.day) == (by_weekday.value.date.month, by_weekday.value.date.day)
        for c in _yearless(clues)
    ):
        found.append(by_weekday)  # a written month-day outranks a weekday placed by anchor
    kept = [f for f in found if f is not None]
    # sorted() is stable: equal ranks keep text-before-URL order, as choose() does
    return tuple(sorted(kept, key=lambda f: tuple(-x for x in _rank(f))))


def _rank(f: Field[DateValue]) -> tuple[int, float]:
    return TIERS.index(f.provenance.tier), f.provenance.confidence


def _compatible(a: DateValue, b: DateValue) -> bool:
    if a.precision == "day" and b.precision == "day":
        return a.date == b.date
    if "year" in (a.precision, b.precision):
        return a.date.year == b.date.year
    return (a.date.year, a.date.month) == (b.date.year, b.date.month)


def extract_date(
    doc: CleanDoc, anchors: Sequence[dt.date] = (), event_anchors: Sequence[dt.date] = ()
) -> Field[DateValue] | None:
    """The article's publication date, or None when the text does not support one.

    ``anchors`` are dates of other articles of the same story; they only settle
    the year of a written month-day ("Aug. 13"), for tier "inferred" dates.
    ``event_anchors`` are dates of other reports of the very same happening
    (near-copies); only they may place a bare weekday ("on Friday"), because a
    story's other articles can be weeks or years away (see module doc).
    """
    candidates = date_candidates(doc, anchors, event_anchors)
    best = choose(*candidates)
    if best is None or best.provenance.tier != "extracted":
        return best
    others = [
        c for c in candidates
        if c.provenance.tier == "extracted" and c.provenance.method != best.provenance.method
    ]
    agree = [c for c in others if _compatible(c.value, best.value)]
    disagree = [c for c in others if not _compatible(c.value, best.value)]
    prov = best.provenance
    if disagree:
        other = disagree[0]
        prov = replace(
            prov,
            confidence=max(0.1, prov.confidence - 0.2),
            evidence=f"{prov.evidence}; but {other.provenance.method} says "
            f"{other.value.iso()} ({other.provenance.evidence})",
        )
    elif agree:
        other = agree[0]
        prov = replace(
            prov,
            confidence=max(prov.confidence, 0.95),
            evidence=f"{prov.evidence}; agrees with {other.provenance.method} {other.provenance.evidence}",
        )
    return Field(best.value, prov)


__all__ = [
    "DateClue",
    "DateSpan",
    "WeekdayMention",
    "date_candidates",
    "extract_date",
    "extract_date_clues",
    "extract_date_spans",
    "extract_url_date",
    "extract_weekday_mentions",
    "parse_date_span",
    "resolve_after_photo",
    "resolve_weekday_anchor",
    "resolve_yearless",
]
