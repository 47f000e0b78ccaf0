"""The article's own date stamp read from the raw page near its headline and byline (extract/dates/stamps.py)."""

import pytest

from generator.extract.dates.stamps import extract_stamp_clues, numeric_spans, plain_line


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
