"""The article's own date stamp read from the raw page near its headline and byline (extract/dates/stamps.py)."""

import pytest

from generator.extract.dates.stamps import add_stamp_clues, comments_start, extract_stamp_clues, numeric_spans, plain_line
from generator.model import DateEvidence


def _page(*lines: str) -> str:
    return "\n".join(lines)


@pytest.mark.parametrize(
    "text, title, byline, names, expected",
    [
        # a stamp under the headline, set apart from the byline
        (_page("Menu", "Headline here", "", "By Jane Doe", "", "Oct 15, 2015 · 18 min read", "Body."), 2, 4, ("Jane Doe",), [("date-line", 2015, 10, 15)]),
        # the byline's own line, with a Markdown link and a handle
        (_page("Headline", "by [Jane Doe](/authors/jane) [@jd](https://x) Dec 6, 2016, 4:08pm EST"), 1, 2, ("Jane Doe",), [("date-line", 2016, 12, 6)]),
        # two stamps on one line: "First published" wins over the revision before it
        (_page("Headline", "Tue 29 Nov 2016 15.26 EST First published on Mon 28 Nov 2016 07.46 EST"), 1, None, (), [("published", 2016, 11, 28)]),
        # no label: the earliest (the later is a revision), glued dates split
        (_page("Headline", "December 10, 2021April 9, 2019 by Luke Koppa"), 1, None, (), [("date-line", 2019, 4, 9)]),
        # only an "Updated" stamp: kept as such (dates.py makes it inferred)
        (_page("Headline", "By A Writer, CNN", "Updated 11:22 PM EST, Tue November 29, 2016"), 1, 2, ("A Writer",), [("updated", 2016, 11, 29)]),
        # a numeric US stamp, read only because 17 cannot be a month
        (_page("Headline", "By Jane Doe", "10/17/2022 04:01 PM EDT"), 1, 2, ("Jane Doe",), [("date-line", 2022, 10, 17)]),
        # a year glued to the time
        (_page("Headline", "Published Tue, Dec 20 201610:32 AM EST"), 1, None, (), [("published", 2016, 12, 20)]),
        # a related story's linked headline is no stamp
        (_page("Headline", "* [Another story about something else entirely](/x) Dec 5, 2016"), 1, None, (), []),
        # a table row is no stamp
        (_page("Headline", "2020-08-01 18:00:00+00 │ 200 │ 4084"), 1, None, (), []),
        # an ambiguous numeric date gives nothing
        (_page("Headline", "05/08/2015"), 1, None, (), []),
        # too far under the headline (past the window and the further one): a related list or comments
        (_page("Headline", *["Body line."] * 70, "Dec 5, 2016"), 1, None, (), []),
        # past the window, within the further one: read as a weaker far-stamp (nothing nearer)
        (_page("Headline", *["Body line."] * 40, "Dec 5, 2016"), 1, None, (), [("far-stamp", 2016, 12, 5)]),
    ],
)
def test_extract_stamp_clues(text, title, byline, names, expected):
    clues, _window = extract_stamp_clues(text, title, byline, names)
    assert [(c.role, c.span.year, c.span.month, c.span.day) for c in clues] == expected


def test_stamp_nearest_the_byline_wins():
    text = _page("Wednesday, November 20, 2019", "Headline", "intro", "By Jane Doe", "March 3, 2019")
    clues, _ = extract_stamp_clues(text, 2, 4, ("Jane Doe",))
    assert [(c.span.month, c.span.day) for c in clues] == [(3, 3)]


@pytest.mark.parametrize(
    "text, days",
    [("6/13/2018", [(2018, 6, 13)]), ("28/11/2016", [(2016, 11, 28)]), ("05/08/2015", []), ("1/2/3/2015", [])],
)
def test_numeric_spans(text, days):
    assert [(s.year, s.month, s.day) for s in numeric_spans(text)] == days


def test_plain_line():
    assert plain_line("by [[Julia Horowitz](mailto:j@x)](/author/j) ![x](y.png) **Nov 29**") == "by Julia Horowitz Nov 29"


# Session 7's readings (web2 half A and B): a dated part between separators, years and counts
# beside a stamp, two-digit years where the day comes first, ranges, German weekdays.
@pytest.mark.parametrize(
    "line, byline, language, expected",
    [
        # a part between separators holding a date is a stamp though the line holds more
        ("Gunter Frank / 22.04.2020 / 06:15 / Foto: Achgut.com / 150 / )", False, "de", [(2020, 4, 22)]),
        ("28.04.2021 - 07:18 | Quelle: dpa-afx topthem... | Lesedauer etwa 4 min. | Text vorlesen Stop Pause", False, "de", [(2021, 4, 28)]),
        ("⋅ November 22, 2011 ⋅ Email this post ⋅ Diese Seite ausdrucken ⋅ Kommentieren", False, "de", [(2011, 11, 22)]),
        # without separators, a line of words is still no stamp
        ("Aus der Region heute Abend ganz viele Leute 6. November 2023 Kommentar schreiben", False, "de", []),
        # a year beside the stamp is no id; a byline's count of readers neither
        ("von Marc Scheloske | 20. Mai 2007 | Ergebnisse, Ergebnisse 2007 | 0 Kommentare", True, "de", [(2007, 5, 20)]),
        ("Geschrieben von Cooper am 25.08.2015 22:30 ( 1599 x gelesen )", True, "de", [(2015, 8, 25)]),
        ("Geschrieben von Cooper am 25.08.2015 22:30 ( 1599 x gelesen )", False, "de", []),
        # dotted two-digit years: day first on a German page, never on an English one
        ("19.10.19, 11:29 Uhr", False, "de", [(2019, 10, 19)]),
        ("11.03.17 in Gadgetry", False, "en", []),
        ("31.02.19", False, "de", []),
        # a German stamp's "Do" is Thursday, not Polish "do" (until); "Vom" a byline's day
        ("Do 9 Apr 2020", False, "de", [(2020, 4, 9)]),
        ("Von Jule Radeck Vom 3. Februar 2022 0", True, "de", [(2022, 2, 3)]),
        ("8.Dezember 2010 um 09:43", False, "de", [(2010, 12, 8)]),
        ("6 DE MAYO DE 2022 05:30", False, "es", [(2022, 5, 6)]),
    ],
)
def test_stamp_lines_of_the_corpus(line, byline, language, expected):
    clues, _ = extract_stamp_clues(_page("Headline", line), 1, 2 if byline else None, ("Marc Scheloske", "Cooper", "Jule Radeck") if byline else (), language)
    assert [(c.span.year, c.span.month, c.span.day) for c in clues] == expected


@pytest.mark.parametrize(
    "lines, start",
    [
        (("Headline", "Body.", "5 thoughts on “Headline”", "degski says:", "August 3, 2019 at 4:11 am"), 3),
        (("Headline", "Body.", "17 Kommentare zu „Headline“", "Anhora sagt:", "06.01.2020 um 9:16"), 3),
        (("Headline", "Body.", "Anhora sagt:", "06.01.2020 um 9:16"), 3),
        (("Headline", "Body.", "Chris Anamani February 23, 2017 at 12:33 pm Reply"), 3),
        # a count of comments in the share bar is no comments section; nor is a sentence saying something
        (("Headline", "12 Kommentare", "Body.", "Der Minister sagt: es wird besser."), None),
        # above the headline, nothing is a comment
        (("5 thoughts on “Other”", "Headline", "Body."), None),
    ],
)
def test_comments_start(lines, start):
    title = lines.index("Headline") + 1
    assert comments_start(_page(*lines), title) == start


def test_a_comments_date_never_dates_the_article():
    text = _page("Headline", "Body of the article.", "5 thoughts on “Headline”", "degski says:", "August 3, 2019 at 4:11 am")
    evidence = add_stamp_clues(DateEvidence((), (), None), text, 1, None)
    assert evidence.clues == ()


@pytest.mark.parametrize(
    "lines, expected",
    [
        # no stamp near the headline: the first labelled "Published" anywhere, as a far stamp
        (("Headline", *["Body line."] * 80, "Erschienen am: 01.11.2023"), [("far-stamp", 2023, 11, 1)]),
        # else the first labelled "Updated"
        (("Headline", *["Body line."] * 80, "Aktualisiert: 30.12.2016"), [("updated", 2016, 12, 30)]),
        # an unlabelled far date is no stamp of the article's
        (("Headline", *["Body line."] * 80, "30.12.2016"), []),
    ],
)
def test_a_labelled_stamp_anywhere_dates_a_page_with_no_other_date(lines, expected):
    evidence = add_stamp_clues(DateEvidence((), (), None), _page(*lines), 1, None, (), "de")
    assert [(c.role, c.span.year, c.span.month, c.span.day) for c in evidence.clues] == expected
