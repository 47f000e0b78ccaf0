"""Tests for generator.extract.dates: publication-date extraction."""

from __future__ import annotations

import datetime as dt
import re

import dateparser
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.dates.spans import (
    _parse_plain_span,
    date_rules,
    extract_date_evidence,
    extract_date_spans,
    extract_own_link_date,
    extract_url_date,
    extract_weekday_mentions,
    parse_date_span,
)
from generator.extract.dates.rules import name_forms
from generator.extract.dates import date_candidates, extract_date, lines_of_date
from generator.model import Block, CleanDoc, DateClue, DateEvidence, DateSpan, DateValue, Removed
from generator.files.rules import load_rules

D = dt.date


def _doc(*blocks: str | tuple[str, str], url: str | None = None, removed: tuple[str, ...] = ()) -> CleanDoc:
    """A CleanDoc from ("kind", text) pairs; a bare string is a paragraph."""
    built = []
    for i, b in enumerate(blocks, start=1):
        kind, text = b if isinstance(b, tuple) else ("paragraph", b)
        if kind == "bullets":
            built.append(Block(kind="bullets", items=tuple(text.split("|")), line_no=i))
        else:
            built.append(Block(kind=kind, text=text, line_no=i))  # type: ignore[arg-type]
    gone = tuple(Removed(line_no=100 + i, text=t, rule="furniture") for i, t in enumerate(removed))
    return CleanDoc(blocks=tuple(built), removed=gone, source_url=url)


TITLE = ("title", "Ministers meet over the crisis")
BODY = "The ministers met in the capital for talks on the crisis, officials said."

# (case id, blocks, url, anchors, expected iso or None, expected method or None)
CASES = [
    # --- dates written on a line of their own ---------------------------------------------
    ("bbc-day-month-year", [TITLE, "5 August 2015", BODY], None, (), "2015-08-05", "dateline-date"),
    ("iso-line", [TITLE, "2015-08-05", BODY], None, (), "2015-08-05", "dateline-date"),
    ("guardian-published-time", [TITLE, "Published 10:32 GMT, Mon 3 Aug 2015", BODY], None, (),
     "2015-08-03", "published-label"),
    ("published-beats-updated", [TITLE, "Published: 3 August 2015 | Updated: 5 August 2015", BODY],
     None, (), "2015-08-03", "published-label"),
    ("updated-only-is-inferred", [TITLE, "Updated: 5 August 2015", BODY], None, (),
     "2015-08-05", "updated-label"),
    ("url-beats-updated", [TITLE, "Last updated: Aug. 9, 2015 4:05 p.m. ET", BODY],
     "https://example.com/world/2015/08/03/talks", (), "2015-08-03", "url-path"),
    ("byline-and-date", [TITLE, "By John Smith | August 5, 2015", BODY], None, (), "2015-08-05",
     "dateline-date"),
    ("ordinal-day", [TITLE, "13th of August, 2015", BODY], None, (), "2015-08-13", "dateline-date"),
    ("caps-month", [TITLE, "AUGUST 5, 2015", BODY], None, (), "2015-08-05", "dateline-date"),
    ("magazine-month-only", [TITLE, "Published: March 2019", BODY], None, (), "2019-03", "published-label"),
    ("published-in-prose", [TITLE, BODY, "This article was first published on 4 May 2018 in our print edition."],
     None, (), "2018-05-04", "published-label"),
    # --- wire datelines --------------------------------------------------------------------
    ("reuters-dateline-full", [TITLE, "LONDON, Aug 5, 2015 (Reuters) - Britain said on Wednesday it would act."],
     None, (), "2015-08-05", "dateline-prefix"),
    ("ap-dateline-full", [TITLE, "MOSCOW, Aug. 13, 2015 (AP) — Russia's foreign minister hosted talks."],
     None, (), "2015-08-13", "dateline-prefix"),
    ("reuters-dateline-no-date", [TITLE, "LONDON (Reuters) - Britain said on Wednesday it would act."],
     None, (), None, None),
    ("reuters-dateline-no-year+weekday+anchor",
     [TITLE, "MOSCOW, Aug 13 (Reuters) - Russia hosted Syrian opposition leaders on Thursday."],
     None, (D(2015, 8, 1),), "2015-08-13", "month-day+weekday+anchor"),
    # --- URLs ------------------------------------------------------------------------------
    ("url-y-m-d", [TITLE, BODY], "https://news.example.org/news/2019/03/14/minister-resigns", (),
     "2019-03-14", "url-path"),
    ("url-iso-segment", [TITLE, "LONDON (Reuters) - Britain said on Thursday it would act."],
     "https://www.reuters.com/world/europe/britain-acts-2019-03-14/", (), "2019-03-14", "url-path"),
    ("url-query-date", [TITLE, BODY], "https://example.com/story?id=7&date=2019-03-14", (), "2019-03-14",
     "url-path"),
    ("url-guardian-word-month", [TITLE, BODY], "https://www.theguardian.com/world/2015/aug/05/syria-talks",
     (), "2015-08-05", "url-path"),
    ("url-compact", [TITLE, BODY], "http://www.example.cn/english/20190314/c_137.htm", (), "2019-03-14",
     "url-path"),
    ("url-month-only", [TITLE, BODY], "https://blog.example.com/2015/08/syria-talks.html", (), "2015-08",
     "url-path"),
    ("url-id-not-date", [TITLE, BODY], "https://www.example.com/news/russia-talks-a-20151399", (), None, None),
    ("line-and-url-agree", [TITLE, "August 05, 2015", BODY], "https://example.com/2015/08/05/talks", (),
     "2015-08-05", "dateline-date"),
    ("line-beats-disagreeing-url", [TITLE, "August 06, 2015", BODY], "https://example.com/2015/08/05/talks",
     (), "2015-08-06", "dateline-date"),
    ("month-day+url-year", [TITLE, ("caption", "Ministers meet in Moscow, Aug. 13."), BODY],
     "https://example.com/2015/08/ministers-meet", (), "2015-08-13", "month-day+url-year"),
    # --- traps: page chrome, copyright, history, vague phrases ------------------------------
    ("since-policy-in-text", [TITLE, "Since July 1, 2024, we have disabled all ads to improve your reading.", BODY],
     None, (), None, None),
    ("since-policy-own-line", [TITLE, "Since July 1, 2024", BODY], None, (), None, None),
    ("as-of-notice", [TITLE, "As of May 25, 2018 our privacy policy has changed.", BODY], None, (), None, None),
    ("copyright-year", [TITLE, BODY, "© 2024 Example News. All rights reserved."], None, (), None, None),
    ("copyright-date", [TITLE, BODY, "Copyright Aug 1, 2024"], None, (), None, None),
    ("last-june", [TITLE, "Russia backed the Geneva accord reached last June, officials said on Friday."],
     None, (), None, None),
    ("quoted-history-in-lead", [TITLE, '"On March 24, 1999, NATO began bombing," the minister said.'],
     None, (), None, None),
    ("year-only-history", [TITLE, "The conflict began in 1999 and has never ended."], None, (), None, None),
    ("body-history-date", [TITLE, BODY, "The accord was reached on June 30, 2012 in Geneva."], None, (), None, None),
    ("ambiguous-numeric", [TITLE, "05/08/2015", BODY], None, (), None, None),
    ("removed-furniture-ignored", [TITLE, BODY], None, (), None, None),
    # --- photo dates ----------------------------------------------------------------------
    ("photo-seen-no-weekday", [TITLE, ("caption", "Lavrov, seen January 18, 2017, told lawmakers of the plan"), BODY],
     None, (), None, None),
    ("ap-file-photo", [TITLE, ("caption", "FILE - In this Jan. 18, 2017 file photo, Lavrov speaks in Moscow."), BODY],
     None, (), None, None),
    ("pictured-on", [TITLE, ("caption", "The minister, pictured on 3 May 2015, declined to comment."), BODY],
     None, (), None, None),
    ("ap-caption-same-day", [TITLE, ("caption", "Lavrov speaks in Moscow, Russia, Thursday, Aug. 13, 2015. (AP Photo/Ivan Sekretarev)"), BODY],
     None, (), "2015-08-13", "caption-date"),
    ("weekday-after-photo", [TITLE, ("caption", "Angela Merkel, pictured March 2, 2020, spoke to reporters"),
                             "On Thursday, Merkel said the bloc was ready.", "The summit opened on Tuesday in Brussels."],
     None, (), "2020-03-06", "weekday-after-photo"),
    ("weekday-after-photo-before-future", [TITLE, ("caption", "Lavrov, seen January 18, 2017, at a briefing"),
                                           "Lavrov said on Thursday that the envoys will meet on Friday."],
     None, (), "2017-01-19", "weekday-after-photo"),
    # weekdays spread over the week may include the photo's own day: no date
    ("no-weekday-after-photo-when-spread", [TITLE, ("caption", "In a Monday, Oct. 3, 2011 photo, a family packs the car."),
                                            "Driveways were full at midday Tuesday.", "Hundreds were absent Monday, up from Friday."],
     None, (), None, None),
    # a file photo may be years old: the weekdays are not counted on from it
    ("no-weekday-after-file-photo", [TITLE, ("caption", "In this March 2, 2011 file photo, a man walks past the bank."),
                                     "On Thursday, the bank said profits fell.", "The board met on Tuesday in New York."],
     None, (), None, None),
    # --- yearless dates and anchors ---------------------------------------------------------
    ("month-day+weekday-no-anchor", [TITLE, ("caption", "Ministers meet in Moscow, Aug. 13."), "The minister on Thursday hosted talks."],
     None, (), None, None),
    ("month-day+weekday+anchor", [TITLE, ("caption", "Ministers meet in Moscow, Aug. 13."), "The minister on Thursday hosted talks."],
     None, (D(2015, 8, 5),), "2015-08-13", "month-day+weekday+anchor"),
    ("written-weekday-settles-year", [TITLE, "Thursday, Aug. 13", BODY], None, (D(2016, 1, 1),),
     "2015-08-13", "month-day+weekday+anchor"),
    ("month-day+anchor", [TITLE, "Aug. 13", BODY], None, (D(2015, 8, 5),), "2015-08-13", "month-day+anchor"),
    ("month-day-anchor-too-far", [TITLE, "Aug. 13", BODY], None, (D(2016, 2, 20),), None, None),
    ("on-friday-alone", [TITLE, "Russia said on Friday it had invited the opposition leader."], None, (), None, None),
    ("on-friday+anchor", [TITLE, "Russia said on Friday it had invited the opposition leader.",
                          "The army withdrew on Thursday.", "The envoy will visit Moscow on Saturday."],
     None, (D(2012, 12, 28),), "2012-12-28", "weekday+anchor"),
    ("weekday-anchor-yields-to-month-day", [TITLE, ("caption", "Ministers meet in Moscow, Aug. 13."),
                                            "The minister on Thursday hosted talks."],
     None, (D(2012, 12, 28),), None, None),
    ("prose-sentence-not-caption", [TITLE, BODY, "The next round will be held in Geneva, Sept. 4, 2015."],
     None, (), None, None),
    ("lead-on-date", [TITLE, "Russia said on August 5, 2015, that it had invited the opposition."], None, (),
     "2015-08-05", "lead-date"),
]


@pytest.mark.parametrize(
    "blocks, url, anchors, expected, method",
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_extract_date(blocks, url, anchors, expected, method):
    doc = _doc(*blocks, url=url, removed=("Since July 1, 2024, we have disabled all ads.", "August 1, 2024"))
    got = extract_date(doc, anchors, event_anchors=anchors)
    if expected is None:
        assert got is None
        return
    assert got is not None
    assert got.value.iso() == expected
    assert got.provenance.method == method
    assert got.provenance.evidence
    if got.provenance.tier == "inferred":
        assert got.provenance.confidence <= 0.6


def test_a_story_anchor_alone_never_places_a_bare_weekday():
    """A story's other article may be years away: "on Friday" needs a same-event anchor."""
    doc = _doc(TITLE, "Russia said on Friday it had invited the opposition leader.")
    assert extract_date(doc, anchors=(D(2015, 8, 5),)) is None
    assert extract_date(doc, event_anchors=(D(2015, 8, 5),)).provenance.method == "weekday+anchor"


@pytest.mark.parametrize(
    "blocks, url, expected_conf",
    [
        ([TITLE, "August 05, 2015", BODY], "https://example.com/2015/08/05/talks", 0.95),
        ([TITLE, "August 06, 2015", BODY], "https://example.com/2015/08/05/talks", 0.65),
        ([TITLE, "Friday, August 5, 2015", BODY], None, 0.55),  # Aug 5, 2015 was a Wednesday
        ([TITLE, "August 5, 2015", BODY], None, 0.85),
    ],
)
def test_confidence_reflects_agreement(blocks, url, expected_conf):
    got = extract_date(_doc(*blocks, url=url))
    assert got is not None
    assert got.provenance.confidence == pytest.approx(expected_conf)


@pytest.mark.parametrize(
    "text, parts, expected",
    [
        ("August 05, 2015", ("day", "month", "year"), (2015, 8, 5)),
        ("Aug. 13, 2015", ("day", "month", "year"), (2015, 8, 13)),
        ("2015-08-05", ("day", "month", "year"), (2015, 8, 5)),
        ("Aug. 13", ("day", "month"), (None, 8, 13)),
        ("Feb. 29", ("day", "month"), (None, 2, 29)),
        ("August 2015", ("month", "year"), (2015, 8, None)),
        ("yesterday", ("day", "month", "year"), None),  # never relative to today
        ("2015-02-30", ("day", "month", "year"), None),
    ],
)
def test_parse_date_span(text, parts, expected):
    assert parse_date_span(text, parts) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Published 10:32 GMT, Mon 3 Aug 2015", [("3 Aug 2015", 2015, 8, 3, 0)]),
        ("before a meeting in Moscow, Aug. 13.", [("Aug. 13", None, 8, 13, None)]),
        ("Thursday, Aug. 13, 2015", [("Aug. 13, 2015", 2015, 8, 13, 3)]),
        ("The war began in 1999 and May 2015 saw talks", [("May 2015", 2015, 5, None, None)]),
        ("He may 20 times refuse", []),
        # a time's minutes are no day: "09:31 August" is no "31 August"
        ("North Korea 09:31 August 20, 2019", [("August 20, 2019", 2019, 8, 20, None)]),
    ],
)
def test_extract_date_spans(text, expected):
    got = [(s.text, s.year, s.month, s.day, s.weekday) for s in extract_date_spans(text)]
    assert got == expected


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://www.themoscowtimes.com/2015/08/05/russia-invites-a-48787", "2015-08-05"),
        ("https://example.com/2015/13/05/slug", None),
        ("https://example.com/news/slug", None),
        (None, None),
        ("https://2015.example.com/slug", None),  # the host is not read
    ],
)
def test_extract_url_date(url, expected):
    got = extract_url_date(url)
    assert (got.value.iso() if got else None) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the page's share buttons and its comments' anchor link to its own address
        ('* [Twitter](https://blog.example/2015/12/12/a-post/?share=twitter "Share")', "2015-12-12"),
        ("[6](https://blog.example/2018/03/07/a-post/#comments) [Reply](https://blog.example/2018/03/07/a-post/#respond)", "2018-03-07"),
        # links to two pages: neither is surely the page's own
        ("[a](https://blog.example/2015/12/12/a/?share=twitter) [b](https://blog.example/2016/01/01/b/#comments)", None),
        # any other link is another page's
        ("[a story](https://blog.example/2015/12/12/a/)", None),
        ("https://blog.example/2015/12/12/a/?share=twitter", None),  # no Markdown link
    ],
)
def test_extract_own_link_date(text, expected):
    got = extract_own_link_date(text)
    assert (got.value.iso() if got else None) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Brahimi will visit Moscow on Saturday for talks.", [(5, "future")]),
        ("He was invited to attend Friday's talks but declined.", [(4, "future")]),
        ("The peace talks ended on Tuesday without a breakthrough.", [(1, "past")]),
        ("Speaking before Thursday's talks, he said Assad must go.", [(3, "past")]),
        ("Churches were full on Good Friday.", []),
        ("The envoy arrived last Friday.", []),
        ("Markets are closed on Fridays.", []),
        ("They meet next Friday.", [(4, "future")]),
        ("Russia to host Syrian opposition talks Friday", [(4, "future")]),
        ("Lavrov, who will travel to Doha, said on Friday the plan stands.", [(4, "past")]),
    ],
)
def test_extract_weekday_mentions(text, expected):
    got = [(m.weekday, m.tense) for m in extract_weekday_mentions(_doc(text))]
    assert got == expected


# --- the real seeds, a few of their lines each ----------------------------------------------

SEED_000 = _doc(
    ("title", "Russia Invites Main Syrian Opposition Group for Talks"),
    "By [The Moscow Times](#)",
    "August 05, 2015",
    ("summary", "Moscow's move follows Foreign Minister Sergei Lavrov's meeting in Qatar with the coalition's ex-leader, Moaz Al-Khatib."),
    "The Interfax news agency quoted the Russian Foreign Ministry as saying Wednesday that a delegation of the "
    "Syrian National Coalition opposition group has been invited to visit Moscow next week.",
    "Lavrov again met with Kerry on Wednesday in Kuala Lumpur, where both attended a meeting of members of the "
    "Association of Southeast Asian Nations.",
    url="https://www.themoscowtimes.com/2015/08/05/russia-invites-main-syrian-opposition-group-for-talks-a-48787",
)

SEED_001 = _doc(
    ("title", "Russian Foreign Minister Hosts Syria's Main Opposition Group for Talks"),
    ("caption", "President of the National Coalition for Syrian Revolutionary and Opposition Forces (SNC) Khaled "
                "Khoja (L) talks to Russian Foreign Minister Sergei Lavrov before a meeting in Moscow, Aug. 13."),
    "Russia's foreign minister on Thursday hosted a delegation of the main Syrian opposition group, part of the "
    "Kremlin's new push for a mediation role in the Syrian conflict.",
    "President Vladimir Putin launched Russia's new mediation effort in June when he met with Saudi Deputy Crown "
    "Prince and Defense Minister Mohammed bin Salman in St. Petersburg.",
    "Speaking before Thursday's talks with Lavrov, coalition president Khaled Khoja told the Interfax news agency "
    "that Assad shouldn't be part of any future transitional government.",
    removed=("Since July 1, 2024, we have disabled all ads to improve your reading experience.",),
)

SEED_002 = _doc(
    ("title", "Russia reaches out to Syrian opposition"),
    ("summary", "Russia has invited the head of the Syrian opposition coalition to Moscow for talks"),
    "Sergei Lavrov told a news conference on Friday that Russia has contacted the Syrian National Coalition.",
    "He said the Syrian government should stress its readiness for talks, in line with an international "
    "agreement in Geneva last June calling for a transitional government.",
    "Brahimi will visit Moscow on Saturday for talks on the results of his negotiations.",
    removed=("Last updated:", "3 MIN READ"),
)

_CAPTION_003 = ('Russian Foreign Minister Sergei Lavrov, seen January 18, 2017, told Russian lawmakers that he had '
                'invited "all the opposition representatives from the political opposition that wish to come to '
                'Moscow" for talks')
SEED_003 = _doc(
    ("title", "Key opposition leaders decline talks with Russian PM"),
    ("caption", _CAPTION_003),
    ("caption", _CAPTION_003),
    'HNC coordinator Riyad Hijab is said to have "received a personal invitation" to attend Friday\'s talks "but declined".',
    'On Wednesday Lavrov told Russian lawmakers that he had invited "all the opposition representatives from the '
    'political opposition that wish to come to Moscow" for talks on Friday.',
    "The peace talks in the Kazakh capital ended on Tuesday without a major breakthrough.",
)

SEED_004 = _doc(
    ("title", "Official: Russia invites head of Syrian opposition for talks"),
    ("bullets", "At least 139 people were killed across Syria on Friday, according to opposition activists|"
                "International envoy Lakhdar Brahimi is due in Russia for talks"),
    "Russia said Friday it invited a Syrian opposition leader for talks.",
    "The Geneva communique was drawn up in June during a conference in Switzerland.",
    "The Free Syrian Army said Thursday it would reject any plan.",
)


@pytest.mark.parametrize(
    "doc, anchors, accepted, max_conf",
    [
        (SEED_000, (), {"2015-08-05"}, 1.0),
        (SEED_001, (), {None}, 0.0),
        (SEED_001, (D(2015, 8, 5),), {"2015-08-13"}, 0.6),
        (SEED_002, (), {None}, 0.0),
        (SEED_003, (), {"2017-01-26", "2017-01-27"}, 0.4),
        (SEED_004, (), {None}, 0.0),
    ],
    ids=["000", "001-alone", "001-anchored", "002", "003", "004"],
)
def test_seeds(doc, anchors, accepted, max_conf):
    got = extract_date(doc, anchors)
    assert (got.value.iso() if got else None) in accepted
    if got is not None:
        assert got.provenance.confidence <= max_conf


def test_seed_001_evidence_quotes_clues():
    got = extract_date(SEED_001, (D(2015, 8, 5),))
    assert got is not None and got.provenance.tier == "inferred"
    assert "Aug. 13" in got.provenance.evidence and "Thursday" in got.provenance.evidence
    assert "2009, 2015, 2020, 2026" in got.provenance.evidence


def test_candidates_strongest_first():
    cands = date_candidates(extract_date_evidence(SEED_000))
    assert [c.provenance.method for c in cands] == ["dateline-date", "url-path"]


# --------------------------------------------------------------------------- speed-ups, same answers


def _dateparser_reading(text: str, parts: tuple[str, ...]) -> tuple[int | None, int, int | None] | None:
    """What parse_date_span answered before plain spans were read without dateparser (in the
    languages of data/dates.yml, English first, as parse_date_span calls it)."""
    settings: dict[str, object] = {
        "RELATIVE_BASE": dt.datetime(2000, 1, 1),
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "PARSERS": ["absolute-time"],
        "REQUIRE_PARTS": list(parts),
    }
    if set(parts) == {"day", "month", "year"}:
        settings["STRICT_PARSING"] = True
    if re.match(r"\d{4}", text):
        settings["DATE_ORDER"] = "YMD"
    languages = ["en", *sorted(set(load_rules("dates")["languages"]) - {"en"})]
    parsed = dateparser.parse(" ".join(text.split()), languages=languages, settings=settings)
    if parsed is None:
        return None
    return (parsed.year if "year" in parts else None, parsed.month, parsed.day if "day" in parts else None)


FULL = ("day", "month", "year")


@pytest.mark.parametrize(
    "text, parts, plain",
    [
        ("Aug. 13, 2015", FULL, True),
        ("AUGUST 05, 2015", FULL, True),
        ("Sept 4 2015", FULL, True),
        ("SEPT. 30, 1999", FULL, True),
        ("5 August 2015", FULL, True),
        ("31 Dec., 2099", FULL, True),
        ("2015-08-05", FULL, True),
        ("2016/12/31", FULL, True),
        ("1900.01.01", FULL, True),
        ("August 2015", ("month", "year"), True),
        ("May, 2016", ("month", "year"), True),
        ("Aug. 13", ("day", "month"), True),
        ("13 AUG", ("day", "month"), True),
        ("Feb. 28", ("day", "month"), True),
        # left to dateparser: impossible or unusual dates and spellings
        ("Feb. 29", ("day", "month"), False),
        ("29 Feb", ("day", "month"), False),
        ("February 29, 2016", FULL, False),
        ("February 29, 2015", FULL, False),
        ("June 31, 2015", FULL, False),
        ("Jun 31", ("day", "month"), False),
        ("2015-02-30", FULL, False),
        ("13th of August, 2015", FULL, False),
        ("1st Aug 2015", FULL, False),
        ("Aug  13, 2015", FULL, False),
        ("Aug.\n13, 2015", FULL, False),
        ("0 Aug 2015", FULL, False),
        ("aug 13, 2015", FULL, False),
    ],
)
def test_plain_spans_read_without_dateparser_read_as_dateparser_reads_them(text, parts, plain):
    expected = _dateparser_reading(text, parts)
    assert parse_date_span(text, parts) == expected
    assert (_parse_plain_span(text, frozenset(parts)) is not None) == plain


_MONTH_FORMS = [f for names in load_rules("dates")["months"].values() for n in names for f in name_forms(n)]


@pytest.mark.parametrize("month", _MONTH_FORMS)
def test_every_month_spelling_of_dates_yml_reads_as_dateparser_reads_it(month):
    # a spelling added to dates.yml is read without dateparser only if dateparser agrees
    for text, parts in [
        (f"{month} 9, 2014", FULL),
        (f"{month}. 30 2016", FULL),
        (f"17 {month}, 1999", FULL),
        (f"{month} 2003", ("month", "year")),
        (f"{month}. 12", ("day", "month")),
        (f"01 {month}", ("day", "month")),
    ]:
        plain = _parse_plain_span(text, frozenset(parts))
        assert plain is None or plain == _dateparser_reading(text, parts), text


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    month=st.sampled_from(_MONTH_FORMS),
    dot=st.sampled_from(["", "."]),
    comma=st.sampled_from(["", ","]),
    day=st.sampled_from([str(d) for d in range(0, 33)] + [f"0{d}" for d in range(10)]),
    year=st.integers(1900, 2099),
    shape=st.sampled_from(["mdy", "dmy", "ymd", "my", "md", "dm"]),
)
def test_every_plain_span_reads_as_dateparser_reads_it(month, dot, comma, day, year, shape):
    text, parts = {
        "mdy": (f"{month}{dot} {day}{comma} {year}", FULL),
        "dmy": (f"{day} {month}{dot}{comma} {year}", FULL),
        "ymd": (f"{year}-{int(day) % 13 or 1:02d}-{int(day) or 1:02d}", FULL),
        "my": (f"{month}{dot}{comma} {year}", ("month", "year")),
        "md": (f"{month}{dot} {day}", ("day", "month")),
        "dm": (f"{day} {month}", ("day", "month")),
    }[shape]
    plain = _parse_plain_span(text, frozenset(parts))
    assert plain is None or plain == _dateparser_reading(text, parts)


def test_every_span_pattern_holds_a_day_or_a_year():
    # extract_date_spans skips a text without an ASCII digit, since each span holds a day or a year
    assert all("{day}" in s["regex"] or "{year}" in s["regex"] for s in load_rules("dates")["spans"])


_DIGIT_FREE = st.lists(
    st.sampled_from([*_MONTH_FORMS, "of", "the", "th", ".", ",", " ", "-", "/", "٣", "١٥", "²", "Ⅻ"])
    | st.text(max_size=5),
    max_size=8,
).map("".join).filter(lambda t: not re.search(r"[0-9]", t))


@settings(max_examples=60, deadline=None, derandomize=True)
@given(text=_DIGIT_FREE)
def test_no_span_pattern_matches_a_text_without_ascii_digits(text):
    fragments = load_rules("dates")["fragments"]
    assert not any(re.search(fragments[key], text) for key in ("day", "year"))
    assert not any(rule.pattern.search(text) for rule in date_rules().spans)


_MONTHLESS = st.lists(
    st.sampled_from(["of", "the", "th", "may", "june", "Ma", "Ju", "Se", "Sunday", "1", "13", "2015", "2015-08-05", ".", ",", " ", "-", "/"])
    | st.text(max_size=5),
    max_size=8,
).map("".join).filter(lambda t: not date_rules().month_hint.search(t))


@settings(max_examples=80, deadline=None, derandomize=True)
@given(text=_MONTHLESS)
def test_no_pattern_writing_a_month_matches_a_text_naming_none(text):
    # extract_date_spans runs such a pattern only on a text the month hint finds a month in
    assert not any(rule.pattern.search(text) for rule in date_rules().spans if rule.names_month)


@settings(max_examples=80, deadline=None, derandomize=True)
@given(text=st.lists(st.sampled_from(["Monday", "Fri", "day", "Thurs", "’s", "'s", " ", ",", "on "]) | st.text(max_size=4), max_size=6).map("".join))
def test_the_weekday_hint_finds_every_weekday_mention(text):
    # extract_weekday_mentions reads only the blocks the hint finds a weekday in
    rules = date_rules()
    assert rules.weekday_full.search(text) is None or rules.weekday_full_hint.search(text) is not None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Aug 5 2015", True),
        ("5 JANUARY 2015", True),
        ("Sept. 4", True),
        ("on 5 may 2015", False),  # spans are case-sensitive: "may" is the verb
        ("Room 101", False),
    ],
)
def test_the_month_hint_finds_what_the_span_patterns_read(text, expected):
    assert (date_rules().month_hint.search(text) is not None) == expected


_CUE_LISTS = [("photo_before", ()), ("photo_after", ()), ("reject_before", ()), ("skip_before", ("weekday_mentions",)), ("future_before", ("weekday_mentions",))]


def _cue_list(name, path):
    data = load_rules("dates")
    for key in path:
        data = data[key]
    return data[name]


@pytest.mark.parametrize("name, path", _CUE_LISTS)
def test_cue_lists_hold_no_back_references(name, path):
    # date_rules joins each list into one pattern: a back-reference's group number would change
    assert not any(re.search(r"\\[1-9]|\(\?P=", p) for p in _cue_list(name, path))


_CUE_TEXT = st.lists(
    st.sampled_from(["since ", "as of ", "file photo", "FILE - ", "Good ", "every ", "will ", "they'll ", "is due ", "next ", "photo", "©", " ", ",", "On "])
    | st.text(max_size=4),
    max_size=6,
).map("".join)


@settings(max_examples=100, deadline=None, derandomize=True)
@given(text=_CUE_TEXT)
def test_a_joined_cue_list_matches_where_one_of_its_patterns_does(text):
    rules = date_rules()
    for name, path in _CUE_LISTS:
        flags = 0 if name == "skip_before" else re.IGNORECASE  # skip words are case-sensitive ("Good Friday")
        one_of = any(re.search(p, text, flags) for p in _cue_list(name, path))
        assert (getattr(rules, name).search(text) is not None) == one_of, name


@pytest.mark.parametrize("text", ["Talks on Friday, August the fifth", "MOSCOW — Officials said", ""])
def test_a_text_without_digits_has_no_date_spans(text):
    assert extract_date_spans(text) == ()


def test_lines_of_date_are_the_stamps_of_that_day():
    stamp = DateClue(DateSpan(0, 10, "12.03.2020", 3, 12, 2020), "date-line", True, "12.03.2020", 7)
    other = DateClue(DateSpan(0, 10, "13.03.2020", 3, 13, 2020), "date-line", True, "13.03.2020", 9)
    lead = DateClue(DateSpan(0, 10, "12.03.2020", 3, 12, 2020), "lead", False, "on 12.03.2020", 11)
    evidence = DateEvidence((stamp, other, lead), (), None)
    assert lines_of_date(evidence, DateValue(D(2020, 3, 12))) == (7,)
    assert lines_of_date(evidence, DateValue(D(2020, 3, 1), "month")) == ()
