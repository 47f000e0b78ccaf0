"""Tests for generator.extract.outlets.parents: a parent company's brand named by the page,
and a registry outlet the page's furniture prompts about (issue 14)."""

from __future__ import annotations

import pytest

from generator.extract.outlets.parents import is_parent_name_at
from generator.extract.outlets import extract_outlet
from generator.model import Block, CleanDoc

BODY = "The city council voted on Tuesday to widen the bridge, after months of debate among residents."


def doc_of(text: str, url: str | None = None) -> CleanDoc:
    """A document whose only block is the article's prose; the rest of ``text`` is the page's furniture."""
    return CleanDoc(blocks=(Block("title", "A headline about the bridge"), Block("paragraph", BODY)), removed=(), source_url=url)


def page(*lines: str) -> str:
    return "\n".join(("A headline about the bridge", *lines, BODY))


# (case id, page text, url, expected outlet, expected method)
CASES = [
    # --- a parent company's copyright and the brand the page names --------------------------
    ("parent-shop-line", page("* Shop The New Yorker", "© 2022 Condé Nast. All rights reserved."), None, "The New Yorker", "parent-brand"),
    ("parent-alone-names-nothing", page("© 2022 Condé Nast. All rights reserved."), None, None, None),
    ("parent-not-own-brand", page("* Shop Vogue", "© 2022 Vox Media, LLC. All Rights Reserved"), None, None, None),
    # A network menu lists every brand: only the glued "About" link names the site.
    (
        "parent-network-menu-and-about-link",
        page("* Gizmodo", "* Deadspin", "* Kotaku", "* Jalopnik", "AboutDeadspin Store", "© 2022 G/O Media"),
        None,
        "Deadspin",
        "parent-brand",
    ),
    ("parent-network-menu-only", page("* Gizmodo", "* Deadspin", "* Kotaku", "© 2022 G/O Media"), None, None, None),
    # The masthead: a bare brand name opening the page; a line naming two brands says nothing.
    ("parent-masthead", "Fast Company\nSections\n" + BODY + "\n* Fast Company & Inc © 2022 Mansueto Ventures, LLC", None, "Fast Company", "parent-brand"),
    ("parent-two-brands-tie", page("Shop Vox", "Shop Polygon", "© 2022 Vox Media, LLC"), None, None, None),
    # A staff photo credit names the brand.
    ("parent-photo-credit", page("Scott Heins/Gothamist", "© 2022 New York Public Radio. All rights reserved."), None, "Gothamist", "parent-brand"),
    # A registry brand off its own hosts is not this page's site: the page's domain is.
    ("parent-brand-other-host", page("* Shop The New Yorker", "© 2022 Condé Nast."), "https://www.example-news.com/a", "example-news.com", "url-host"),
    # --- prompts about a registry outlet ----------------------------------------------------------
    ("prompts-two-lines", page("+ Explore The Atlantic Archive", "+ Play The Atlantic crossword"), None, "The Atlantic", "furniture-prompts"),
    ("prompts-one-line-partner", page("Follow Fortune"), None, None, None),
    ("prompts-agency-never", page("Follow Reuters", "Sign up for the Reuters newsletter"), None, None, None),
    ("prompts-tie", page("Follow Fortune", "Fortune’s tech newsletter", "Follow Forbes", "Forbes newsletters"), None, None, None),
    ("prompts-platform", page("More From Medium", "Get the Medium app"), None, "Medium", "furniture-prompts"),
    # Prose sentences are the article's, not the site's prompts.
    (
        "prompts-in-prose",
        "A headline about the bridge\nFollow Fortune\n" + BODY,
        None,
        None,
        None,
    ),
]


@pytest.mark.parametrize(("case", "text", "url", "outlet", "method"), CASES, ids=[c[0] for c in CASES])
def test_parent_brand_and_prompts(case, text, url, outlet, method):
    found = extract_outlet(doc_of(text, url), text)
    assert (found.value if found else None) == outlet
    if method:
        assert found.provenance.method == method
        assert found.provenance.evidence
    if method == "furniture-prompts":
        assert found.provenance.tier == "inferred"


def test_parent_copyright_is_not_its_brand():
    # "© 2022 Vox Media" names the owner of Vox, The Verge and others, not Vox.
    text = page("Vox Media Vox Media logo. Advertise with us Jobs @ Vox Media © 2022 Vox Media, LLC.")
    assert extract_outlet(doc_of(text), text) is None


@pytest.mark.parametrize(
    ("line", "start", "end", "expected"),
    [("© 2022 Vox Media, LLC", 7, 10, True), ("Shop Vox now", 5, 8, False), ("© The Atlantic Monthly Group", 2, 14, True)],
)
def test_is_parent_name_at(line, start, end, expected):
    assert is_parent_name_at(line, start, end) is expected
