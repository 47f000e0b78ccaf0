"""Authors where no byline names them (generator/extract/author_fallbacks.py): an author box,
a name beside the article's own date stamp."""

from __future__ import annotations

import pytest

from generator.extract.author_fallbacks import extract_author_box, extract_name_beside_stamp

_BODY = ["Body line number %d of the story." % i for i in range(12)]


@pytest.mark.parametrize(
    ("lines", "names"),
    [
        # the name under an author box's heading, with its role
        (["Headline here", *_BODY, "## Author", "![](/avatar.png)", "Marta Kowalczyk", "Marta writes about cities."], ("Marta Kowalczyk",)),
        (["Headline here", *_BODY, "Über den Autor", "Marta Kowalczyk, Online-Redaktion"], ("Marta Kowalczyk",)),
        # ... but not a menu's list item, nor words that are no name under the heading
        (["Headline here", *_BODY, "* Autoren", "Marta Kowalczyk"], None),
        (["Headline here", *_BODY, "Author", "Recent Posts", "Archive"], None),
    ],
)
def test_extract_author_box(lines, names):
    found = extract_author_box("\n".join(lines))
    assert (found.value if found else None) == names
    assert found is None or found.provenance.method == "author-box"


@pytest.mark.parametrize(
    ("lines", "stamp_lines", "names"),
    [
        # a name alone over or under the article's date stamp
        (["Kommentar", "19. Oktober 2019", "Boris T. Kaiser", "1 Kommentar"], (2,), ("Boris T. Kaiser",)),
        (["Menu", "Verónica De Vita", "miércoles, 4 de mayo de 2022 00:00 hs"], (3,), ("Verónica De Vita",)),
        (["Juan Carlos Muñoz C.", "3 mayo 2022"], (2,), ("Juan Carlos Muñoz C.",)),  # the closing initial keeps its dot
        # a shouted headline, a menu's words, a line two off: no name
        (["FINA Weltmeisterschaften VERSCHOBEN", "12. März 2020"], (2,), None),
        (["Share Tweet Share", "12. März 2020"], (2,), None),
        (["Marta Kowalczyk", "Ein Absatz.", "12. März 2020"], (3,), None),
        (["Marta Kowalczyk", "12. März 2020"], (), None),  # no stamp known
    ],
)
def test_extract_name_beside_stamp(lines, stamp_lines, names):
    found = extract_name_beside_stamp("\n".join(lines), stamp_lines)
    assert (found.value if found else None) == names
