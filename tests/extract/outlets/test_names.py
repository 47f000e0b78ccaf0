"""Tests for generator.extract.outlets.names: the name a page gives its own site."""

from __future__ import annotations

import pytest

from generator.extract.outlets.names import (
    extract_outlet_from_copyright_holder,
    extract_outlet_from_logo,
    extract_outlet_from_self_names,
    extract_outlet_from_title,
    fit_name,
    split_title_site,
)
from generator.extract.outlets.sites import extract_outlet_from_site, extract_page_name_for
from generator.extract.outlets.registry import outlet_by_name, outlet_name_for_host


@pytest.mark.parametrize(
    ("title", "headline", "site"),
    [
        ("Storm hits the coast - BBC News", "Storm hits the coast", "BBC News"),
        ("Trump picks adviser | CNN Politics", "Trump picks adviser", "CNN Politics"),
        ("The new phone reviewed – The Verge", "The new phone reviewed", "The Verge"),
        ("How to bake bread · Kitchen Notes", "How to bake bread", "Kitchen Notes"),
        ("Storm hits the coast", "Storm hits the coast", None),
        ("Interview: a long answer that goes on and on about nothing at all in particular", None, None),
        ("Why? - Is it?", None, None),  # a one-word headline: no split
    ],
)
def test_split_title_site(title, headline, site):
    got_headline, got_site = split_title_site(title)
    assert got_site == site
    if headline is not None:
        assert got_headline == headline


@pytest.mark.parametrize(
    ("name", "domain", "fitted"),
    [
        ("The Verge", "theverge.com", "The Verge"),
        ("The Motley Fool", "fool.com", "The Motley Fool"),
        ("Raw Story Media", "rawstory.com", "Raw Story"),
        ("LinkNaija | Nigeria's popular news platform", "linknaija.com", "LinkNaija"),  # the separator goes
        ("CNN Politics", "cnn.com", "CNN Politics"),
        ("American Theatre Wing", "broadwayworld.com", None),
        ("Vox Media", "theverge.com", None),
    ],
)
def test_fit_name(name, domain, fitted):
    got = fit_name(name, domain)
    assert (got is not None) == (fitted is not None)


@pytest.mark.parametrize(
    ("title", "domain", "text", "expected"),
    [
        ("Storm hits the coast - BBC News", None, "", "BBC"),  # a registry outlet
        ("Storm hits the coast - BBC News", "cnn.com", "", None),  # another outlet than the page's site
        ("Phone reviewed - The Verge", "theverge.com", "", "The Verge"),  # fits the domain
        ("Phone reviewed - Some Blog", "theverge.com", "Some Blog Some Blog", None),  # does not
        ("Phone reviewed - Some Blog", None, "Some Blog\nabout Some Blog", "Some Blog"),  # no domain, written again
        ("Phone reviewed - Some Blog", None, "Phone reviewed - Some Blog", None),  # only in the title
        ("Profiling Node - Voodoo Engineering", "medium.com", "Voodoo Engineering\nVoodoo Engineering", "Voodoo Engineering"),
    ],
)
def test_extract_outlet_from_title(title, domain, text, expected):
    found = extract_outlet_from_title(title, domain, text, outlet_by_name, outlet_name_for_host)
    assert (found.value if found else None) == expected


@pytest.mark.parametrize(
    ("text", "domain", "expected"),
    [
        ("[ ![The Motley Fool](https://g.foolcdn.com/logo.svg) ](/) [Our Services](/services/)", "fool.com", "The Motley Fool"),
        ('[](/ "Bustle")MENU', "bustle.com", "Bustle"),
        ("[![Opposing Views](/img/AmericaNow.png)](/)", "americanow.com", None),  # alt fits no domain
        ("[![The Motley Fool](logo.svg)](/)", None, None),  # nothing to tie it to
        ("[![Fool](logo.svg)](/about)", "fool.com", None),  # not the home page
    ],
)
def test_extract_outlet_from_logo(text, domain, expected):
    found = extract_outlet_from_logo(text, domain, outlet_name_for_host)
    assert (found.value if found else None) == expected


@pytest.mark.parametrize(
    ("text", "domain", "expected"),
    [
        ("© 2017 The Motley Fool, LLC. All rights reserved.", "fool.com", "The Motley Fool"),
        ("Copyright © 2022 Raw Story Media, Inc.", "rawstory.com", "Raw Story"),
        ("© 2022 Vox Media, LLC. All Rights Reserved", "theverge.com", None),
        ("Copyright © 2019 The Seattle Times\nSubscribe to The Seattle Times", None, "The Seattle Times"),
        ("Copyright © 2019 The Seattle Times", None, "The Seattle Times"),  # named nowhere else, but reads as a newspaper
        ("Copyright © 2019 Acme Widgets", None, None),  # named nowhere else
        ("© 2022 New York Public Radio. All rights reserved.", None, None),  # a broadcaster owning sites
        ("Copyright © 2017 [WordPress Tavern](https://wptavern.com). Powered by WordPress", "wptavern.com", "WordPress Tavern"),
        ("© 2022 BLISTER", "blisterreview.com", "BLISTER"),  # the domain adds a generic word
        ("© 2022 BLISTER", "blistering.com", None),
        ("© 2022 opposingviews.com\nOpposing Views is a site", None, "Opposing Views"),  # a domain, as the page spells it
        ("© 2022 opposingviews.com", None, None),  # not spelled: the site's domain gives it elsewhere
        ("* © Copyright 2006 - 2024 Spiceworks Inc.\nHead over to the Spiceworks Community", None, "Spiceworks"),
        ("© 2022 Vox Media, LLC.\nVox Media", None, None),  # a company word
        ("© 2022 Condé Nast.\n* Condé Nast Store", None, None),  # a company owning many sites
        ("© 2022 Future US, Inc.\nAndroid Central is part of Future US Inc", None, None),
        ("Copyright © 2016 TheHuffingtonPost.com, Inc.", "thehuffingtonpost.com", None),  # a domain
        # pictures' credits, not the site's notice
        ("A paragraph.\n© UC Global\nUC Global workers testified.", None, None),  # no year, no "rights reserved"
        ("© 2019 Noelia Páez/Instagram\nNoelia Páez said", None, None),  # a person, then where the picture is from
    ],
)
def test_extract_outlet_from_copyright_holder(text, domain, expected):
    found = extract_outlet_from_copyright_holder(text, domain)
    assert (found.value if found else None) == expected


def test_platform_site_names_no_outlet():
    text = " ".join(f"https://medium.com/voodoo-engineering/post-{i}" for i in range(10)) + " Medium Medium"
    assert extract_outlet_from_site(text, outlet_name_for_host) is None


def test_few_addresses_need_a_copyright_line():
    text = "visit https://americantheatrewing.org/a and https://americantheatrewing.org/b American Theatre Wing"
    assert extract_outlet_from_site(text, outlet_name_for_host) is None
    assert extract_outlet_from_site(text + "\n© 2016 American Theatre Wing", outlet_name_for_host) is not None


@pytest.mark.parametrize(
    ("text", "domain", "expected"),
    [
        # two self-naming lines
        ("* More from Quartz\nstuff\n* About Quartz\n", None, "Quartz"),
        # one strong line where the page writes the name often
        ("TMZ\nTMZ Live\nMore from TMZ\n", None, "TMZ"),
        # a bio names the site
        ("Jane Doe is a staff writer at WIRED, covering science.\nMore From WIRED\n", None, "WIRED"),
        # the logo's alt text, twice
        ("The Verge logo. The Verge homepage\nThe Verge logo.\n", None, "The Verge"),
        # one weak prompt alone names no site (a partner's channel)
        ("Follow GMA\nGMA\nGMA\nGMA\n", None, None),
        # a topic, not the site
        ("More on Amazon\nAmazon\nAmazon\nAmazon\n", None, None),
        # a name that does not fit the page's known domain is another site's
        ("More from Kotaku\nAbout Kotaku\n", "lifehacker.com", None),
        # a registry outlet: its canonical name
        ("More from NPR\nAbout NPR\n", None, "NPR"),
        # a statement only the site makes is enough alone
        ("This post has affiliate links. Mental Floss may receive a commission.\n", None, "Mental Floss"),
        ("How Do I Whitelist Observer?\n", None, "Observer"),
        # a trademark its company holds names the site; one a person holds is acknowledged, not the site's
        ("© 2022 CBS INTERACTIVE. CBS Sports is a registered trademark of CBS Broadcasting Inc.\n", None, "CBS Sports"),
        ("Linux is a registered trademark of Linus Torvalds\n", None, None),
        # a platform's name is never a site's self-name
        ("Trending on Kinja\nKinja\nKinja\n", None, None),
    ],
)
def test_extract_outlet_from_self_names(text, domain, expected):
    found = extract_outlet_from_self_names(text, domain, outlet_by_name, outlet_name_for_host)
    assert (found.value if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[ ![Voodoo Engineering](https://miro.medium.com/x.jpeg) ](/voodoo-engineering?source=post)", "Voodoo Engineering"),
        ("[ ![Jakob Ulbrich](https://miro.medium.com/x.jpeg) ](/@jakobulbrich?source=post)", None),  # a writer's profile
        ("[ ![Something Else](https://miro.medium.com/x.jpeg) ](/voodoo-engineering)", None),  # alt and path differ
    ],
)
def test_platform_publication_logo(text, expected):
    found = extract_outlet_from_logo(text, "medium.com", outlet_name_for_host)
    assert (found.value if found else None) == expected


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        # the company's "The" goes when the page writes the site's name without it
        ("[Slate](http://www.slate.com/) news\n[Slate](http://www.slate.com/)\nBody.\n© 2017 The Slate Group LLC. All rights reserved.", "Slate"),
        # a sentence's lower-case "the" counts for the name with "The"
        ("Read the Kestrel Herald daily.\nthe Kestrel Herald\nKestrel Herald Judge rules\n© 2019 The Kestrel Herald, Inc.", "The Kestrel Herald"),
    ],
)
def test_copyright_holder_as_the_page_spells_it(text, outlet):
    domain = "slate.com" if "slate" in text else "kestrelherald.com"
    found = extract_outlet_from_copyright_holder(text, domain)
    assert found is not None and found.value == outlet


def test_a_spelling_inside_addresses_is_not_the_page_writing_it():
    share = "[ ](https://twitter.com/share?url=https://www.kestrelmagazine.org/a/&via=KestrelMagazine)"
    text = "\n".join([share] * 5 + ["Photo: Jane Doe/Kestrel Magazine, 2019", "get Kestrel Magazine delivered to your inbox"])
    assert extract_page_name_for("kestrelmagazine.org", text) == ("Kestrel Magazine", 2)
