"""Who wrote an article (extract/bylines.py): the byline near the headline, with or without "By"."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract import bylines
from generator.extract.bylines import authors_in_line, extract_authors
from generator.model import Block, CleanDoc


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe and John Smith", ("Jane Doe", "John Smith")),
        # a user name linked to its author page; a cue glued to the link
        ("Veröffentlicht von [JaneR](https://blog.example/author/janer/ \"Alle Beiträge\")", ("JaneR",)),
        ("__29\\. Juni 2017, 23:39 · __von[Ulrike](https://blog.example/author/ulrike/)", ("Ulrike",)),
        ("Veröffentlicht von [JaneR](https://blog.example/)", ()),  # no author page: a word, not surely a name
        ("// By Arun Sai Krishnan • Nov 11, 2020", ("Arun Sai Krishnan",)),  # leading marks
        ("by [[Julia Horowitz](mailto:j@x.com)](/author/julia-horowitz/) [@jh](https://t)", ("Julia Horowitz",)),  # nested links
        ("Wednesday January 18, 2017 10:44 am PST by [Juli Clover](https://x.com/author/juli-clover/)", ("Juli Clover",)),  # a stamp, then "by"
        ("December 19, 2016 by Maggie Winterfeldt", ("Maggie Winterfeldt",)),
        ("![](http://g.com/a.png) By:  Drew Dietsch October 2, 2016", ("Drew Dietsch",)),  # an avatar first
        ("[ ByTravis Haney ](https://247sports.com/User/TravisHaney/)", ("Travis Haney",)),  # "By" glued
        ("Written by Michael Larabel in Valve on 1 June 2019 at 08:34 PM EDT.", ("Michael Larabel",)),
        ("By Daniel Bader last updated 4 April 17", ("Daniel Bader",)),
        ("By Stephen Collinson, CNN", ("Stephen Collinson",)),  # an outlet is no author
        ("_Posted by Andrew Hayden, Software Engineer on Google Play_", ("Andrew Hayden",)),  # a job title is no author
        ("By Jane Doe, Senior Product Manager, and John Smith", ("Jane Doe",)),
        ("By Abraham Riesman Follow @abrahamjoseph Illustration by John Ritter", ("Abraham Riesman",)),  # a social prompt
        ("By continuing to browse you agree", ()),
        ("Bypass the city", ()),
        ("Read more by clicking here 2016 by", ()),
        # the byline as one segment of a stamp line, its cue after a separator
        ("Snacks | By Jane Roe | April 13, 2020", ("Jane Roe",)),
        ("3. Mai 2021 @ 10:02 // Autor: kx9q // ~ Lesezeit: 2 Minuten", ("kx9q",)),
        ("Mai 3, 2021 · von [jroe1999](https://blog.example/author/jroe1999/) · in Allgemein", ("jroe1999",)),
        ("Tiny | Big", ()),  # separators without a cue
        # a user name after the cue, with a stamp before or after it
        ("Gespeichert von qwertz am 4. Mai 2018 - 10:12", ("qwertz",)),
        ("Veröffentlicht am 2. März 2019 von blogfrosch", ("blogfrosch",)),
        ("Posted on 2016-02-01 by anna | Leave a comment", ("anna",)),
        ("Por último, el ministro dijo que no", ()),  # a sentence's common word is no user name
        ("by default the setting is off", ()),
        # the whole line is the cue and a first name, or a user name with digits
        ("von Ulrike", ("Ulrike",)),
        ("von Koch42", ("Koch42",)),
        ("By Design", ()),
        ("DI MI", ()),  # weekday abbreviations, not "di" and a name
        # a date glued to the name ends it
        ("von Jane Roe13.12.2022 - 08:13 Uhr", ("Jane Roe",)),
        # a browser dump's soft hyphens inside the name
        ("**Von Ste\u00adfa\u00adnie Roth**", ("Stefanie Roth",)),
        # an all-capitals byline ends at its name-end word in capitals too
        ("GEPOSTET VON ANNA BERG UM 10:15", ("Anna Berg",)),
        # a long line whose names end soon at a stamp; a category after "under"
        ("Posted by Jane Roe at 18:52 Tagged with: " + "garden, " * 30, ("Jane Roe",)),
        ("By Jane Roe and John Poe, " + "and more words of a long sentence " * 6, ()),
        ("Posted by Inkwell under Just For Fun | Tags: a, b", ("Inkwell",)),
        # a department after the name is no author
        ("Posted by Jane Roe, Product Marketing, Examplecorp", ("Jane Roe",)),
        # "Interview:" names the interviewer as often as the person interviewed: no cue
        ("Interview: Jane Roe", ()),
        # a theme's screen-reader label before the byline
        ("* Post author By Jane Roe", ("Jane Roe",)),
    ],
)
def test_authors_in_line(line, names):
    assert authors_in_line(line) == names


_MARKDOWN_BITS = st.sampled_from(["b", "y", "B", "Y", "[", "]", "(", ")", "![", "](u)", "*", "_", "#", " ", "by ", "Jane Doe"])


def _has_no_by_once_plain_or_passes_the_pretest(line: str) -> bool:
    # authors_in_line answers () at once for a line failing the pretest: its Markdown
    # taken out as authors_in_line does, it must hold no "by"
    plain = " ".join(bylines._MD_MARKS.sub(" ", bylines._unlink(line, ", ")).split())
    return bylines._may_hold_by(line) or "by" not in plain.lower()


@pytest.mark.parametrize("line", ["Stand b[y](/x) me", "B[[Y](u)](v)", "b![i](x)y", "B*y", "Written by Jane Doe"])
def test_the_by_pretest_on_markdown_that_joins_letters(line):
    assert _has_no_by_once_plain_or_passes_the_pretest(line)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(line=st.lists(_MARKDOWN_BITS | st.text(max_size=3), max_size=12).map("".join))
def test_a_line_failing_the_by_pretest_has_no_by_once_plain(line):
    assert _has_no_by_once_plain_or_passes_the_pretest(line)


_BODY = ["Body line number %d of the story." % i for i in range(12)]


def _doc(title_line: int, title: str) -> CleanDoc:
    return CleanDoc(blocks=(Block(kind="title", text=title, line_no=title_line),), removed=())


@pytest.mark.parametrize(
    ("lines", "names"),
    [
        # a name and its stamp under the headline
        (["Headline here", "", "Valentina Palladino - Aug 10, 2016 11:15 am UTC"], ("Valentina Palladino",)),
        (["Headline here", "", "Jon Fingas , @jonfingas", "1h ago"], ("Jon Fingas",)),
        # the stamp's weekday is no part of the name
        (["Headline here", "__ [Joe Wee](/latest?author=joewee) __ __ Monday, February 29, 2016 @ 11:10 PM UTC"], ("Joe Wee",)),
        # a name alone next to a stamp line
        (["Headline here", "December 15, 2016 3:33 PM ET", "Rebecca Hersher", "Body text goes here."], ("Rebecca Hersher",)),
        # links to author pages
        (["Headline here", "[Julia Carrie Wong](//x.com/profile/julia-carrie-wong) and [Sam Levin](//x.com/profile/sam-levin)"], ("Julia Carrie Wong", "Sam Levin")),
        # a label line, then the name
        (["Headline here", "* Author:", "Austin Murphy", "* Publish date:", "Jan 12, 2017"], ("Austin Murphy",)),
        # a link to an author page whose text is no name
        (["Headline here", "[View Author Page](/author/alexia-tsotsis/) [I'm on twitter](http://twitter.com/alexia)"], None),
        (["Headline here", "[Will Leitch](/authors/will-leitch)/November 18, 2016"], ("Will Leitch",)),
        # a menu's place next to a stamp is a section, not a writer
        (["Headline here", "North Korea", "09:31 August 20, 2019", "North Korea has fired a missile, officials said."], None),
        # menu words next to a stamp are no name
        (["Headline here", "Share Tweet Share", "Dec 5, 2016"], None),
        (["Headline here", "On Recent Controversial Events", "Tuesday 15 October 2019"], None),
        # a name alone under the headline, alone again in the author box after the story
        (["Headline here", "Marta Kowalczyk", *_BODY, "Marta Kowalczyk", "Marta writes about cities."], ("Marta Kowalczyk",)),
        # ... but not a menu's item, a site's name opening with a function word, nor a list's repeats
        (["Headline here", "* Maria Hilf", *_BODY, "Maria Hilf"], None),
        (["Headline here", "Le Petit Monde", *_BODY, "Le Petit Monde"], None),
        (["Headline here", "Beste Bilder", *[x for b in _BODY[:5] for x in (b, "Beste Bilder")]], None),
        # a name, then a time or a short date
        (["Headline here", "Jane Roe 06 PM | 18 Mai"], ("Jane Roe",)),
        (["Headline here", "Jane Roe | 06.11.23"], ("Jane Roe",)),
        (["Headline here", "Jane Roe | 06.11. Berlin"], None),
        # a user name before or after the full date stamp under the headline
        (["Headline here", "JaneRoe 18.10.2019, 15:07 Uhr"], ("JaneRoe",)),
        (["Headline here", "1. Mai 2016 1. Mai 2016 inkwell42"], ("inkwell42",)),
        (["Headline here", "01.02.2022 | Frühjahrs-Meeting"], None),  # a hyphened word, not a user name
        (["Headline here", "red. 27.04.2021 14:51"], None),  # a desk's short sign
        (["Headline here", "Update 18.10.2019"], None),  # a word
        # a name with its label, alone again in the author box
        (["Headline here", "Jane Roe Autorin", *_BODY, "Jane Roe"], ("Jane Roe",)),
        # a German piece's kind before "von"
        (["Headline here", "Eine Analyse von Jana Ziegler"], ("Jana Ziegler",)),
        # an author box is no byline (author_fallbacks.extract_author_box reads it)
        (["Headline here", *_BODY, "## Author", "![](/avatar.png)", "Marta Kowalczyk", "Marta writes about cities."], None),
        # a name under a related story's date far below the headline is no byline
        (["Headline here", *["Body line number %d of the story." % i for i in range(12)], "David Graham", "April 11, 2014"], None),
    ],
)
def test_extract_authors_near_headline(lines, names):
    found = extract_authors("\n".join(lines), _doc(1, lines[0]))
    assert (found.value if found else None) == names
