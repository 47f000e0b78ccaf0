"""Who wrote an article (extract/bylines.py): the byline near the headline, with or without "By"."""

from __future__ import annotations

import pytest

from generator.extract.bylines import authors_in_line, extract_authors
from generator.model import Block, CleanDoc


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe and John Smith", ("Jane Doe", "John Smith")),
        ("// By Arun Sai Krishnan • Nov 11, 2020", ("Arun Sai Krishnan",)),  # leading marks
        ("by [[Julia Horowitz](mailto:j@x.com)](/author/julia-horowitz/) [@jh](https://t)", ("Julia Horowitz",)),  # nested links
        ("Wednesday January 18, 2017 10:44 am PST by [Juli Clover](https://x.com/author/juli-clover/)", ("Juli Clover",)),  # a stamp, then "by"
        ("December 19, 2016 by Maggie Winterfeldt", ("Maggie Winterfeldt",)),
        ("![](http://g.com/a.png) By:  Drew Dietsch October 2, 2016", ("Drew Dietsch",)),  # an avatar first
        ("[ ByTravis Haney ](https://247sports.com/User/TravisHaney/)", ("Travis Haney",)),  # "By" glued
        ("Written by Michael Larabel in Valve on 1 June 2019 at 08:34 PM EDT.", ("Michael Larabel",)),
        ("By Daniel Bader last updated 4 April 17", ("Daniel Bader",)),
        ("By Stephen Collinson, CNN", ("Stephen Collinson",)),  # an outlet is no author
        ("By continuing to browse you agree", ()),
        ("Bypass the city", ()),
        ("Read more by clicking here 2016 by", ()),
    ],
)
def test_authors_in_line(line, names):
    assert authors_in_line(line) == names


def _doc(title_line: int, title: str) -> CleanDoc:
    return CleanDoc(blocks=(Block(kind="title", text=title, line_no=title_line),), removed=())


@pytest.mark.parametrize(
    ("lines", "names"),
    [
        # a name and its stamp under the headline
        (["Headline here", "", "Valentina Palladino - Aug 10, 2016 11:15 am UTC"], ("Valentina Palladino",)),
        (["Headline here", "", "Jon Fingas , @jonfingas", "1h ago"], ("Jon Fingas",)),
        # a name alone next to a stamp line
        (["Headline here", "December 15, 2016 3:33 PM ET", "Rebecca Hersher", "Body text goes here."], ("Rebecca Hersher",)),
        # links to author pages
        (["Headline here", "[Julia Carrie Wong](//x.com/profile/julia-carrie-wong) and [Sam Levin](//x.com/profile/sam-levin)"], ("Julia Carrie Wong", "Sam Levin")),
        # a label line, then the name
        (["Headline here", "* Author:", "Austin Murphy", "* Publish date:", "Jan 12, 2017"], ("Austin Murphy",)),
        # menu words next to a stamp are no name
        (["Headline here", "Share Tweet Share", "Dec 5, 2016"], None),
        (["Headline here", "On Recent Controversial Events", "Tuesday 15 October 2019"], None),
        # a name under a related story's date far below the headline is no byline
        (["Headline here", *["Body line number %d of the story." % i for i in range(12)], "David Graham", "April 11, 2014"], None),
    ],
)
def test_extract_authors_near_headline(lines, names):
    found = extract_authors("\n".join(lines), _doc(1, lines[0]))
    assert (found.value if found else None) == names
