"""Reading dates in an article's text: date-looking spans, their roles, weekdays named.

The reading half of date extraction (dates.py decides among what is read here).
Spans are found with the regexes of ``data/dates.yml``; each span alone is then
parsed (plain numeric forms directly, the rest by dateparser with a fixed
``RELATIVE_BASE`` and only its absolute-date parser), so the result never depends
on today's date and dateparser never searches free text. :func:`extract_date_evidence`
reads a clean document once; every later decision works from its result.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache
from typing import Sequence
from urllib.parse import urlsplit

import dateparser

from generator.extract.dates.rules import DateRules, date_rules, word_alternation
from generator.files.rules import load_confidence
from generator.model import CleanDoc, DateClue, DateEvidence, DateRole, DateSpan, DateValue, Field, Provenance, Tense, WeekdayMention

# A leap year (so "Feb. 29" parses) and a fixed day: dateparser must never use today.
_BASE = dt.datetime(2000, 1, 1)
_FULL = ("day", "month", "year")

# --------------------------------------------------------------------------- spans


@lru_cache(maxsize=4096)
def parse_date_span(text: str, parts: tuple[str, ...] = _FULL) -> tuple[int | None, int, int | None] | None:
    """Parse one date span (never free text) into ``(year, month, day)``.

    Parts not in ``parts`` come back None. Deterministic: dateparser gets a
    fixed base date and only its absolute-date parser. The plainest spellings
    ("Aug. 13, 2015", "5 August 2015", "2015-08-05", "August 2015", "Aug 13")
    of a valid date are read without it (see :func:`_parse_plain_span`).
    """
    text = " ".join(text.split())  # "13.  August 2015" as an escaped dump leaves it ("13\\. August")
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
    parsed = dateparser.parse(text, languages=_parser_languages(), settings=settings)
    if parsed is None:
        return None
    return (
        parsed.year if "year" in parts else None,
        parsed.month,
        parsed.day if "day" in parts else None,
    )


@lru_cache(maxsize=1)
def _parser_languages() -> list[str]:
    """The languages dateparser reads a span in: data/dates.yml's, English first (a span
    English reads is read as before; one it does not, in the first language that does)."""
    return ["en", *sorted(date_rules().languages - {"en"})]


@lru_cache(maxsize=1)
def _plain_spans() -> dict[frozenset[str], tuple[re.Pattern[str], ...]]:
    """For each set of parts, the plain spellings :func:`_parse_plain_span` reads.

    One space between the pieces; the month as ``dates.yml`` lists it (title case
    or capitals), with or without its dot; the day without an ordinal suffix.
    """
    month = word_alternation([n for ns in date_rules().month_names.values() for n in ns])
    day, year = r"(?P<day>[0-9]{1,2})", r"(?P<year>(?:19|20)[0-9]{2})"
    # a day before its month: German's dot ("13. August"), French's "1er", "1º"; Spanish's "de"
    day_first = r"(?P<day>[0-9]{1,2})(?:\.|er|º)?"
    mon = rf"(?P<mon>{month})"
    return {
        frozenset(_FULL): (
            re.compile(rf"{mon}\.? {day},? {year}"),
            re.compile(rf"{day_first} (?:de )?{mon}\.?,? (?:de |del )?{year}"),
            re.compile(rf"{year}(?P<sep>[-/.])(?P<num>0[1-9]|1[0-2])(?P=sep)(?P<day>0[1-9]|[12][0-9]|3[01])"),
            # "13.08.2015", "4. 2. 2022": day first (data/dates.yml, day-month-year-dotted)
            re.compile(rf"(?P<day>0?[1-9]|[12][0-9]|3[01])\. ?(?P<num>0?[1-9]|1[0-2])\. ?{year}"),
        ),
        frozenset(("month", "year")): (re.compile(rf"{mon}\.?,? (?:de |del )?{year}"),),
        frozenset(("day", "month")): (re.compile(rf"{mon}\.? {day}"), re.compile(rf"{day_first} (?:de )?{mon}")),
    }


def _parse_plain_span(text: str, parts: frozenset[str]) -> tuple[int | None, int, int | None] | None:
    """``(year, month, day)`` of a plainly written valid date, as dateparser reads it; else ``None``.

    dateparser costs about half a millisecond a span. Only spellings checked to
    read the same as with dateparser (``tests/extract/dates/test_choose.py``) are read here:
    anything else, and every impossible date (dateparser decides those,
    including "Feb. 29" without a year), is left to it.
    """
    for pattern in _plain_spans().get(parts, ()):
        m = pattern.fullmatch(text)
        if m is None:
            continue
        groups = m.groupdict()
        month = int(groups["num"]) if groups.get("num") else date_rules().month_numbers[groups["mon"].lower()]
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


_WORDS = re.compile(r"[^\W\d_]+")  # the words of a text, as month_words spells them


# Every span pattern holds a day or a year, so an ASCII digit: a text without one
# (most paragraphs) is answered without running the patterns, which cost far more.
_SPAN_NEEDS = re.compile(r"[0-9]")


# Cached: a document's blocks are read for their dates by several steps (roles, bare
# years, stamps, bylines), and the spans of a text depend on nothing else.
@lru_cache(maxsize=2048)
def extract_date_spans(text: str) -> tuple[DateSpan, ...]:
    """Every date-looking span of ``text``, parsed, in order, without overlaps."""
    if not _SPAN_NEEDS.search(text):
        return ()
    if "\\." in text:  # html2text escapes a number's dot ("29\\. Juni 2017"): read as "29.  Juni", same length
        text = text.replace("\\.", ". ")
    rules = date_rules()
    # Most texts with a digit name no month: the patterns that write one are not run on them.
    names_month = rules.month_hint.search(text) is not None and not rules.month_words.isdisjoint(_WORDS.findall(text))
    found: list[tuple[int, int, int, tuple[str, ...]]] = []  # start, -length, rank, parts
    for rank, rule in enumerate(rules.spans):
        if rule.names_month and not names_month:
            continue
        for m in rule.pattern.finditer(text):
            found.append((m.start(), -(m.end() - m.start()), rank, rule.parts))
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


_CLAUSE_BREAK = re.compile(r"[,;:—–]|[.!?]\s+")
_LETTER = re.compile(r"[^\W\d_]")  # a letter, in any alphabet


def _sentence_before(text: str, start: int) -> str:
    """The part of the sentence holding ``start`` that precedes it."""
    head = text[:start]
    cut = max((m.end() for m in date_rules().sentence_break.finditer(head)), default=0)
    return head[cut:]


def _inside_quotes(text: str, start: int) -> bool:
    head = text[:start]
    return (head.count('"') % 2 == 1) or head.count("“") > head.count("”")


def is_rejected_date(text: str, span: DateSpan) -> bool:
    """Whether the words before a date (or its being quoted) say it is not the article's own."""
    before = _sentence_before(text, span.start)
    rules = date_rules()
    if span.weekday is not None:
        wd = rules.weekday_before.search(before)
        before = before[: wd.start()] if wd else before
    return (
        rules.reject_before.search(before) is not None
        or rules.reject_after.search(text[span.end : span.end + 20]) is not None
        or _inside_quotes(text, span.start)
    )


def _is_photo_date(text: str, span: DateSpan) -> bool:
    rules = date_rules()
    before = _sentence_before(text, span.start)
    after = text[span.end : span.end + 30]
    return rules.photo_before.search(before) is not None or rules.photo_after.search(after) is not None


def _is_date_line(text: str, spans: Sequence[DateSpan]) -> bool:
    rules = date_rules()
    if not spans or len(text) > rules.line_max:
        return False
    rest = text
    for s in reversed(spans):
        rest = rest[: s.start] + " " + rest[s.end :]
    for pattern in (rules.published, rules.updated, *rules.line_filler):
        rest = pattern.sub(" ", rest)
    rest = rules.weekday_any.sub(" ", rest)
    # A long number left over makes a table row or an id, not a date line ("2020-08-01 18:00 │ 200 │ 4084").
    return not _LETTER.search(rest) and not re.search(r"\d{3,}", rest)


def _label(gap: str) -> DateRole | None:
    """Which label, if any, is the last one in ``gap`` (the text before a date)."""
    rules = date_rules()
    pub = [m.end() for m in rules.published.finditer(gap)]
    upd = [m.end() for m in rules.updated.finditer(gap)]
    if not pub and not upd:
        return None
    return "published" if max(pub, default=-1) > max(upd, default=-1) else "updated"


def _label_right_before(gap: str) -> DateRole | None:
    rules = date_rules()
    for role, pattern in (("published", rules.published_end), ("updated", rules.updated_end)):
        if pattern.search(gap):
            return role  # type: ignore[return-value]
    return None


# Characters quoted around a date as its evidence: the words before it carry the
# label that gives its role ("Published", "Updated", "seen"), the few after close it.
QUOTE_BEFORE_CHARS = 60
QUOTE_AFTER_CHARS = 20


def _quote(text: str, span: DateSpan, width: int = QUOTE_BEFORE_CHARS) -> str:
    lo = max(0, span.start - width)
    hi = min(len(text), span.end + QUOTE_AFTER_CHARS)
    snippet = text[lo:hi].strip()
    return ("…" if lo > 0 else "") + snippet + ("…" if hi < len(text) else "")


def extract_date_clues(doc: CleanDoc, byline_line: int | None = None) -> tuple[DateClue, ...]:
    """Every date in the document with the role its position gives it.

    Dates with no role (body history, rejected contexts) are left out. Where the
    article's byline is known (``byline_line``, a seed line), a date line or stamp far
    from it is another's: the site's masthead above (the day the page was saved), related
    stories and comments below; see :func:`keep_near_byline`.
    """
    texts: list[tuple[str, str, bool, int]] = []  # text, kind, is_lead, line
    if doc.dateline:
        texts.append((doc.dateline, "dateline", False, 0))
    body = doc.body_blocks()
    lead = next((b for b in body if b.kind == "paragraph"), None)
    for block in doc.blocks:
        if block.kind == "title":
            continue
        texts.append((block.plain(), block.kind, block is lead, block.line_no))
    clues: list[DateClue] = []
    for text, kind, is_lead, line_no in texts:
        clues.extend(replace(c, line_no=line_no) for c in _clues_of_text(text, kind, is_lead))
    # Lines of a month each ("Oktober 2019", "September 2019" ...) are an archive's list of
    # months, one a line: none of them is the article's month.
    # On a page in another language than English, a month alone on a line is a calendar's
    # or an archive's heading ("## Mai 2020", "Januar 2022"): on web2, 0 of 4 such dates were
    # the article's month (English monthly magazines date so; web/ has no such page to say).
    months = {(c.span.year, c.span.month) for c in clues if c.role == "date-line" and c.span.day is None}
    if len(months) > 1 or (months and doc.language not in _USUAL_YEAR_LANGUAGES):
        clues = [c for c in clues if not (c.role == "date-line" and c.span.day is None)]
    return keep_near_byline(tuple(clues), byline_line)


# Roles of a date written as a stamp on its own (not the lead's "on <date>", not a
# wire dateline, not a caption): the ones a masthead or a related story also carries.
_STAMP_ROLES = ("published", "updated", "date-line")


def keep_near_byline(clues: tuple[DateClue, ...], byline_line: int | None) -> tuple[DateClue, ...]:
    """The clues, less date stamps away from the byline (``date_line.byline_window`` in
    data/dates.yml) when the byline is known: every stamp far above it (a masthead), and
    stamps far below it that disagree among themselves (a list of related stories or
    comments); a single date far below may be the article's own, printed at its end."""
    if not byline_line:
        return clues
    window = date_rules().byline_window
    lo, hi = byline_line - window["above"], byline_line + window["below"]
    stamps = [c for c in clues if c.role in _STAMP_ROLES and c.line_no]
    below = {(c.span.year, c.span.month, c.span.day) for c in stamps if c.line_no > hi}
    near = [c for c in stamps if lo <= c.line_no <= hi]

    def kept(c: DateClue) -> bool:
        if c.role not in _STAMP_ROLES or not c.line_no or lo <= c.line_no <= hi:
            return True
        return c.line_no > hi and not near and len(below) == 1

    return tuple(c for c in clues if kept(c))


# A date line holds at most a publication and a revision date; more is a list.
_LIST_DATES = 2


def _clues_of_text(text: str, kind: str, is_lead: bool) -> tuple[DateClue, ...]:
    rules = date_rules()
    spans = extract_date_spans(text)
    line = _is_date_line(text, spans)
    if line and len({(sp.year, sp.month, sp.day) for sp in spans}) > _LIST_DATES:
        return ()  # a list of dates: an archive's months, a calendar, a list of related posts
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
    text: str, span: DateSpan, gap: str, kind: str, is_lead: bool, line: bool, rules: DateRules
) -> DateRole | None:
    if is_rejected_date(text, span):
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
    if is_lead and span.year and span.day and not head.strip() and rules.lead_date_first_after.match(tail):
        return "dateline-prefix"  # the lead opens with its day: "27.1.2022 - Bei der Erinnerung ..."
    if kind == "caption" and rules.caption_before.search(head) and rules.caption_after.match(tail):
        return "caption"
    if is_lead and span.year is not None and span.day is not None and rules.lead_before.search(head):
        return "lead"
    return None


# --------------------------------------------------------------------------- weekdays


# A weekday preceded within this many characters by a skip word ("every Friday",
# "since Monday") is not a day of the news: the skip words sit right before it.
WEEKDAY_SKIP_WINDOW_CHARS = 20


def extract_weekday_mentions(doc: CleanDoc) -> tuple[WeekdayMention, ...]:
    """Weekdays the article names for its news ("on Thursday", "Friday's talks").

    Named days ("Good Friday"), habits ("every Friday") and "last Friday" are
    skipped; a weekday after a future cue in its clause ("will ... on
    Saturday", "to attend Friday's talks", "next Friday") is ``"future"``.
    """
    rules = date_rules()
    mentions: list[WeekdayMention] = []
    for block in doc.blocks:
        text = block.plain()
        if not rules.weekday_full_hint.search(text):
            continue  # most blocks name no weekday
        for m in rules.weekday_full.finditer(text):
            before = text[: m.start()]
            if rules.skip_before.search(before[-WEEKDAY_SKIP_WINDOW_CHARS:]):
                continue
            clause = _CLAUSE_BREAK.split(_sentence_before(text, m.start()))[-1]
            tense = _tense_of(clause[-rules.future_window :])
            wd = rules.weekday_numbers[m.group(1).lower()]
            lo, hi = max(0, m.start() - 50), min(len(text), m.end() + 20)
            evidence = ("…" if lo else "") + text[lo:hi].strip() + ("…" if hi < len(text) else "")
            mentions.append(WeekdayMention(wd, tense, evidence))
    return tuple(mentions)


# Cached: the cue pattern is a long case-insensitive alternation tried at each position
# of the window, and a newsroom's clauses before a weekday recur ("did not respond to a
# request for comment on Friday") within a page and across an outlet's pages.
@lru_cache(maxsize=4096)
def _tense_of(window: str) -> Tense:
    """"future" when a future cue stands in ``window`` (the clause before a weekday), else "past"."""
    return "future" if date_rules().future_before.search(window) else "past"


def distinct_weekdays(mentions: Sequence[WeekdayMention]) -> tuple[WeekdayMention, ...]:
    """The first mention of each (weekday, tense), in text order."""
    seen: dict[tuple[int, str], WeekdayMention] = {}
    for m in mentions:
        seen.setdefault((m.weekday, m.tense), m)
    return tuple(seen.values())



# Languages whose dates in words the rules of data/dates.yml read (month and weekday
# names, "Published" / "Veröffentlicht am"). A page in another language is read all the
# same: its numeric dates ("2020-02-19", "19.2.2020") and any month name of these
# languages it writes (py3langid takes many a German page for Luxembourgish, a short
# Italian one for Spanish). On web2, reading every page's dates gave 7 more right and
# 3 more wrong (of 701), two of those where the label is a year off the page's own date.
DATE_WORD_LANGUAGES = date_rules().languages


# Where an "Updated" stamp in a later year than the one the body writes most is a revision
# long after publication, and no date (dates.date_candidates): English pages, and pages of
# unknown language. On web/ (English) the rule keeps 2 wrong dates out ("Last Updated:
# January 7, 2025" on a 2020 story); on web2's other languages it kept out 4 right dates and
# no wrong one: a German "Stand:" or "Aktualisiert:" beside the headline is the article's
# own last revision, the body's years are its history.
_USUAL_YEAR_LANGUAGES = frozenset({None, "en", "zxx"})


def extract_date_evidence(doc: CleanDoc, byline_line: int | None = None) -> DateEvidence:
    """Read the document's date evidence (blocks, dateline and URL; never its furniture);
    ``byline_line``: the seed line of the article's byline, when known.
    """
    url = extract_url_date(doc.source_url) if saved_own_url(doc) else None
    years = [int(y) for b in doc.blocks for y in _years(b.plain())]
    body_years = [y for b in doc.body_blocks() for y in _bare_years(b.plain())]
    usual = max(set(body_years), key=lambda y: (body_years.count(y), y)) if body_years else None
    if doc.language not in _USUAL_YEAR_LANGUAGES:
        usual = None  # see _USUAL_YEAR_LANGUAGES
    return DateEvidence(extract_date_clues(doc, byline_line), extract_weekday_mentions(doc), url, max(years, default=None), usual)


# The first lines of a seed: a bare URL there is the one whoever saved the page put on top.
_OWN_URL_LINES = 2


def saved_own_url(doc: CleanDoc) -> bool:
    """Whether ``doc.source_url`` is the page's own address: labelled by whoever saved the
    page ("Original url: ..."), given by an HTML page's metadata, or a bare URL on the
    seed's first lines. A bare URL line further down is any link of the page (a podcast's
    file, another site's story): on web2's 959 dumps, whose savers wrote no URL, every date
    read from such a URL was wrong (0 of 3 right)."""
    if not doc.source_url:
        return False
    if any(r.rule in ("source-url-label", "source-url-labelled") for r in doc.removed):
        return True
    return not any(
        r.rule == "source-url" and r.line_no > _OWN_URL_LINES and doc.source_url in r.text for r in doc.removed
    )


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def _years(text: str) -> list[str]:
    """The years a text writes (``_YEAR``); a text without a digit is not searched
    (the search for a digit is far cheaper than ``_YEAR``'s)."""
    return _YEAR.findall(text) if _SPAN_NEEDS.search(text) else []


def _bare_years(text: str) -> list[int]:
    """The years a text writes outside full dates ("in 2020", "2017's best"): what it is
    about, not a stamp of the day the page was saved ("Today: 7 January 2025")."""
    for span in reversed(extract_date_spans(text)):
        if span.day is not None:
            text = text[: span.start] + " " + text[span.end :]
    return [int(y) for y in _years(text)]


def byline_line_of(evidence: str | None) -> int | None:
    """The seed line an authors field's evidence names ("line 12: By Jane Doe"), or ``None``."""
    m = re.match(r"line (\d+):", evidence or "")
    return int(m.group(1)) if m else None


def date_field(value: DateValue, method: str, evidence: str, conf: float, tier: str) -> Field[DateValue]:
    return Field(value, Provenance(method, evidence, conf, tier))  # type: ignore[arg-type]


def extract_url_date(url: str | None) -> Field[DateValue] | None:
    """The date in an article URL's path or query ("/2015/08/05/"), or None."""
    if not url:
        return None
    rules = date_rules()
    parts = urlsplit(url)
    if _FILE_PATH.search(parts.path):
        return None  # a picture's, a recording's or a document's address dates its upload, not an article
    target = parts.path + ("?" + parts.query if parts.query else "")
    for _name, precision, pattern in rules.url_patterns:
        for m in pattern.finditer(target):
            value = _url_value(m, precision, rules)
            if value is not None:
                conf = load_confidence("date-url-day" if precision == "day" else "date-url-month")
                return date_field(value, "url-path", f'"{m.group(0)}" in {url}', conf, "extracted")
    return None


def extract_own_link_date(seed_text: str) -> Field[DateValue] | None:
    """The date in the page's own address where the page links to itself (its share buttons,
    its comments' anchor: ``own_links`` in data/dates.yml) and links so to one address only;
    else None. For a page saved without its URL."""
    if "](" not in seed_text:
        return None  # only a Markdown dump keeps its links' addresses
    urls = {m.group("url") for m in date_rules().own_links.finditer(seed_text)}
    if len(urls) != 1:
        return None  # links to several pages of the site: none is surely the page's own
    found = extract_url_date(urls.pop())
    if found is None:
        return None
    return replace(found, provenance=replace(found.provenance, evidence=f"{found.provenance.evidence} (the page's own share or comments link)"))


# A file's address, not a page's: an upload folder, or a media or document file's ending.
_FILE_PATH = re.compile(r"/wp-content/uploads/|\.(?:mp3|mp4|m4a|ogg|wav|jpe?g|png|gif|webp|svg|pdf|zip|docx?)$", re.I)


def _url_value(m: re.Match[str], precision: str, rules: DateRules) -> DateValue | None:
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



def warm_up() -> None:
    """Load dateparser's language data now (it loads on a first parse), so forked
    extraction workers inherit it instead of each loading it): every language of
    data/dates.yml's, as a span no language reads makes dateparser try each."""
    parse_date_span("29 February 2012")
    dateparser.parse("29 Xyzzy 2012", languages=_parser_languages(), settings={"PARSERS": ["absolute-time"]})
