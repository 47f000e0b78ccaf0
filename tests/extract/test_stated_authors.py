"""The authors a saved web page gives beside its article text (extract/stated_authors.py):
its metadata's, tidied, and the byline of its own lines around the headline."""

from __future__ import annotations

import pytest

from generator.extract.stated_authors import clean_stated_authors, extract_page_authors


@pytest.mark.parametrize(
    ("names", "outlet", "expected"),
    [
        # a cue or a link's label before the name is taken off
        (("Auteur Jane Roe",), None, (("Jane Roe",), True)),
        (("Zeige alle Beiträge von Jane Roe",), None, (("Jane Roe",), True)),
        (("Walter von Aachen",), None, (("Walter von Aachen",), True)),  # a particle, not a cue
        # the site, a domain read as words, a template's word: no person beside a person
        (("Example De", "Jane Roe"), None, (("Jane Roe",), True)),
        (("El Diario", "Jane Roe"), "El Diario", (("Jane Roe",), True)),
        (("Follow",), None, ((), False)),
        (("Updated on 12 May 2020 at noon",), None, ((), False)),
        # a desk or an organisation alone is kept as stated, and said to be no person
        (("Redaktion",), None, (("Redaktion",), False)),
        # a first name alone is a person's; a user name or a site's one word is kept, said to be no person
        (("Lynn",), None, (("Lynn",), True)),
        (("jroe42",), None, (("jroe42",), False)),
        (("Examplecourage",), None, (("Examplecourage",), False)),
        # a kind or a role a template writes before the name, a word or a label after it
        (("Interview Jane Roe",), None, (("Jane Roe",), True)),
        (("Online-Experte Jane Roe",), None, (("Jane Roe",), True)),
        (("Jane Roe vor",), None, (("Jane Roe",), True)),
        (("Jane Roe Stand",), None, (("Jane Roe",), True)),
        (("Jane von Roe",), None, (("Jane von Roe",), True)),  # a particle inside the name stays
        (("Jane Roe info-roe de",), None, (("Jane Roe info-roe de",), False)),  # a domain's words stay: no person
        (("Zum Profil von jroe jroe",), None, (("Zum Profil von jroe jroe",), False)),  # a user name stays
        (("Example Web Service GmbH www example de",), None, ((), False)),  # a sentence's length, before any word is taken off
    ],
)
def test_clean_stated_authors(names, outlet, expected):
    assert clean_stated_authors(names, outlet) == expected


@pytest.mark.parametrize(
    ("lines", "headline", "names"),
    [
        (["Menu", "A Headline Here", "Von Jana Ziegler", "Body."], "A Headline Here", ("Jana Ziegler",)),
        (["Menu", "[Jana Ziegler](/autor/jana-ziegler/)", "A Headline Here", "Body."], "A Headline Here", ("Jana Ziegler",)),
        # the headline is not among the lines: nothing is read
        (["Menu", "Von Jana Ziegler", "Body."], "A Headline Here", None),
    ],
)
def test_extract_page_authors(lines, headline, names):
    found = extract_page_authors("\n".join(lines), headline)
    assert (found.value if found else None) == names
