"""The article in a page dump: its span, its headline, its summary, its language.

Table-driven cases on small synthetic pages (written for these tests), then floors
on the dev corpus of real page dumps (``../shared/devcorpus/web``, skipped when absent).
"""

from __future__ import annotations


import re
from dataclasses import replace

import pytest

from generator.extract.article_span import find_article, is_furniture_line
from generator.extract.page_lines import plain_text
from generator.extract.clean import clean_seed_text
from generator.extract.fields import extract_summary, extract_title
from generator.extract.headline import split_site


P1 = (
    "The city council voted on Tuesday to close the old harbour bridge to cars, after engineers warned "
    "that its steel supports had corroded far faster than expected."
)
P2 = (
    "The mayor said the decision was painful but unavoidable, and promised that a ferry service would "
    "run every twenty minutes while the bridge is repaired."
)
P3 = (
    "Shop owners on both banks said they feared losing customers, and several asked the council to "
    "reduce their rates until the work is finished next spring."
)
P4 = "Repairs are expected to cost about 40 million euros, most of it paid by the regional government."

NAV = ["* Home", "* World", "* Politics", "* Business", "* Sport", "* Culture", "* Weather", "Sign in", "Subscribe"]
MD_NAV = [f"  * [{w}](https://example.org/{w.lower()})" for w in ("Home", "World", "Politics", "Business", "Sport", "Video")]
RELATED = [
    "Related stories",
    "* [Storm damages coastal road](https://example.org/a)",
    "* [Tram line to reopen in May](https://example.org/b)",
    "* [Council elects new speaker](https://example.org/c)",
]
COMMENTS = [
    "12 Comments",
    "Leave a comment",
    "jsmith99",
    "March 3, 2021 at 4:15 pm",
    "I drive over that bridge every day and never noticed anything wrong with it, which is worrying.",
    "Reply",
    "harbourfan",
    "March 3, 2021 at 5:02 pm",
    "About time too, the council has ignored the state of that bridge for years and years now.",
    "Reply",
]


def page(*parts: list[str] | str) -> str:
    lines: list[str] = []
    for part in parts:
        lines.extend([part] if isinstance(part, str) else part)
        lines.append("")
    return "\n".join(lines)


PLAIN_PAGE = page(
    NAV,
    "Harbour bridge to close for two years - Example News",
    "By Jane Doe",
    "Published March 3, 2021",
    P1, P2, "Advertisement", P3, P4,
    "Share this article",
    RELATED,
    COMMENTS,
    "© 2021 Example News. All rights reserved.",
)  # fmt: skip

MARKDOWN_PAGE = page(
    "[![Example News](https://example.org/logo.png)](https://example.org/)",
    MD_NAV,
    "# Harbour bridge to close for two years",
    "By [Jane Doe](https://example.org/staff/jane)",
    "![](https://example.org/img/bridge.jpg)",
    P1,
    P2.replace("the bridge", "[the bridge](https://example.org/bridge)"),
    "## What happens next",
    P3,
    P4,
    "  * [Share on Facebook](https://facebook.com/sharer?u=x)",
    "  * [Share on Twitter](https://twitter.com/share?u=x)",
    RELATED,
)

# Long paragraphs (the four sentences in other orders): a long article's weight of prose.
LONG = [" ".join(order) for order in ((P1, P2, P3, P4), (P2, P3, P4, P1), (P3, P4, P1, P2), (P4, P1, P2, P3))]
LONG += [" ".join(reversed(paragraph.split(". "))) for paragraph in LONG]
# A mega-menu: section names and teasers of other stories, long enough to read as
# prose, but a list without a sentence's punctuation; then the article under its date.
TEASER_MENU = [
    line
    for section in ("Politics", "Business")
    for line in (
        f"* {section}",
        "* Elections",
        f"* {section} editor explains why the budget vote will split the governing coalition again Ann Lee",
        f"* The {section.lower()} desk asks whether the new tram line will ever be finished on time Bo Kim",
    )
]
TEASER_PAGE = page(
    TEASER_MENU,
    "Log out Sign in",
    "Tuesday, Mar 3, 2021 09:15 AM UTC",
    "Harbour bridge to close for two years",
    "Engineers found the steel supports corroded: cars must find another way across.",
    "Jane Doe",
    LONG,
)  # fmt: skip
# A video player's controls between the headline (over its byline) and the article.
PLAYER = ["Captions", "Settings", "Full Screen", "Quality", "Auto", "High", "Low", "Aa", "Arial", "Georgia"] * 8
PLAYER_PAGE = page(
    NAV,
    "Harbour bridge to close for two years",
    "By JANE DOE March 3, 2021 3:46 PM",
    PLAYER,
    "Captions will look like this",
    P1, P2, P3, P4,
)  # fmt: skip
# A share box and a newsletter box inside the article (html2text's Markdown).
SHARE_BOX_PAGE = page(
    "# Harbour bridge to close for two years",
    LONG[:4],
    "### Share this article",
    "[](https://example.org/share)",
    "###### Copied!",
    "* *",
    "### Newsletter",
    "Get Example News delivered to your inbox",
    "Subscribe now",
    "## What happens next",
    LONG[4:6],
    "*",
    LONG[6:],
)  # fmt: skip

CASES = [
    # (name, page, must be in the body, must not be in the body)
    (
        "plain page",
        PLAIN_PAGE,
        [P1, P2, P3, P4],
        ["Home", "Sign in", "By Jane Doe", "Advertisement", "Share this article", "Related stories",
         "Storm damages coastal road", "12 Comments", "I drive over that bridge", "All rights reserved"],
    ),
    (
        "markdown page",
        MARKDOWN_PAGE,
        [P1, "while the bridge is repaired", "What happens next", P3, P4],
        ["](", "![", "https://", "Politics", "Share on Facebook", "Tram line to reopen", "Jane Doe"],
    ),
    (
        "article only",
        page(P1, P2, P3),
        [P1, P2, P3],
        [],
    ),
    (
        "a menu of teasers before the article's date line",
        TEASER_PAGE,
        [LONG[0], LONG[7], "Engineers found the steel supports corroded"],
        ["editor explains", "tram line", "Elections", "Sign in"],
    ),
    (
        "a share box inside the article",
        SHARE_BOX_PAGE,
        [LONG[0], "What happens next", LONG[4], LONG[6]],
        ["Share this article", "Copied!"],
    ),
]  # fmt: skip


@pytest.mark.parametrize("name, text, keep, drop", CASES, ids=[c[0] for c in CASES])
def test_the_article_is_kept_and_the_page_dropped(name, text, keep, drop):
    body = clean_seed_text(text).body_text()
    for line in keep:
        assert line in body, f"{name}: lost {line!r}"
    for line in drop:
        assert line not in body, f"{name}: kept {line!r}"


@pytest.mark.parametrize(
    "text, headline, site",
    [
        (PLAIN_PAGE, "Harbour bridge to close for two years", "Example News"),
        (MARKDOWN_PAGE, "Harbour bridge to close for two years", None),
        (TEASER_PAGE, "Harbour bridge to close for two years", None),
        (PLAYER_PAGE, "Harbour bridge to close for two years", None),  # far above the article
    ],
)
def test_the_headline_is_found_without_the_site_name(text, headline, site):
    doc = clean_seed_text(text)
    title = extract_title(doc)
    assert doc.title == headline
    assert title is not None and title.value == headline
    assert doc.title_site == site
    if site:
        assert site in title.provenance.evidence


def test_a_lone_bullet_mark_inside_the_article_is_dropped():
    doc = clean_seed_text(SHARE_BOX_PAGE)
    assert all(block.plain().strip("*+ ") for block in doc.body_blocks())
    assert any(r.text == "*" for r in doc.removed)


def test_the_site_named_by_the_copyright_line_is_not_the_headline():
    text = page(
        NAV, "Example News", "By Jane Doe", "Harbour bridge to close for two years", P1, P2, P3, P4,
        "© 2021 Example News. All rights reserved.",
    )  # fmt: skip
    assert clean_seed_text(text).title == "Harbour bridge to close for two years"


def test_the_site_s_domain_as_a_heading_is_not_the_headline():
    text = page(NAV, "# [Examplenews.org](/)", "# Harbour bridge to close for two years", P1, P2, P3, P4)
    assert clean_seed_text(text).title == "Harbour bridge to close for two years"
    # even where no other line reads as a headline
    assert clean_seed_text(page(NAV, "# [Examplenews.org](/)", "By Jane Doe", P1, P2, P3, P4)).title != "Examplenews.org"


def test_image_lines_are_captions_only_when_they_carry_words():
    text = page(
        "# Harbour bridge to close for two years",
        P1,
        "![](https://example.org/img/bridge.jpg)",
        "![bridge](https://example.org/img/b2.jpg) The bridge seen from the east bank in January.",
        P2,
        P3,
    )
    doc = clean_seed_text(text)
    assert [b.text for b in doc.of_kind("caption")] == ["The bridge seen from the east bank in January."]
    assert "example.org" not in doc.body_text()
    assert any(r.rule == "image" for r in doc.removed)


def test_every_line_outside_the_article_has_a_reason():
    doc = clean_seed_text(PLAIN_PAGE)
    reasons = {r.text: r.rule for r in doc.removed}
    assert reasons["Sign in"] == "before-article"
    assert reasons["12 Comments"] == "after-article"
    assert "Advertisement" in reasons  # an interruption inside the article


def test_the_summary_is_never_furniture():
    for text in (PLAIN_PAGE, MARKDOWN_PAGE):
        summary = extract_summary(clean_seed_text(text))
        assert summary is not None and not is_furniture_line(summary.value)
        assert summary.value.startswith("The city council voted")


@pytest.mark.parametrize(
    "raw, text, link_chars, image",
    [
        ("[Trump](http://example.org/trump) said", "Trump said", 5, False),
        ("![A bridge](http://x/y.jpg)", "", 0, True),
        ("[ ![logo](http://x/l.png) Home ](http://x/)", "Home", 4, True),
        ("**Bold** and _Minecraft_ and snake_case", "Bold and Minecraft and snake_case", 0, False),
        ("[Share](http://t.co/share?text=A title with spaces)", "Share", 5, False),
    ],
)
def test_markdown_links_keep_their_text(raw, text, link_chars, image):
    assert plain_text(raw) == (text, link_chars, image)


@pytest.mark.parametrize(
    "line, title, site",
    [
        ("Julian Assange: Sweden drops rape investigation - BBC News", "Julian Assange: Sweden drops rape investigation", "BBC News"),
        ("Senate passes the bill | CNN Politics", "Senate passes the bill", "CNN Politics"),
        ("Raspberry Pi 3 - The credit card sized PC", "Raspberry Pi 3 - The credit card sized PC", None),
    ],
)  # fmt: skip
def test_the_site_part_is_split_only_on_evidence(line, title, site):
    from collections import Counter

    keys = ["bbc news home", "cnn politics", "more from bbc news"]
    assert split_site(line, Counter(), keys) == (title, site)


def test_language_is_detected_and_english_rules_skipped_elsewhere():
    german = page(
        NAV,
        "Die Brücke am Hafen wird für zwei Jahre geschlossen",
        "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke am Hafen für Autos zu sperren, nachdem "
        "Ingenieure vor stark verrosteten Stahlträgern gewarnt hatten.",
        "Der Bürgermeister sagte, die Entscheidung sei schmerzhaft, aber unvermeidlich, und versprach eine "
        "Fähre, die alle zwanzig Minuten fahren soll, solange die Brücke repariert wird.",
    )
    doc = clean_seed_text(german)
    assert doc.language == "de"
    assert "Der Stadtrat hat am Dienstag beschlossen" in doc.body_text()
    assert clean_seed_text(PLAIN_PAGE).language == "en"


def test_a_page_without_prose_is_not_cut():
    span = find_article(["Title", "", "Short line.", "Another one."])
    assert span.start == 0 and not span.reasons


@pytest.mark.parametrize(
    "extracted, gone",
    [
        # a page dump: the byline and the label before the first paragraph both go
        (False, {"By Jane Doe", "Key points"}),
        # an article trafilatura found: its own short line stays, the byline still goes
        (True, {"By Jane Doe"}),
    ],
)
def test_an_extracted_article_keeps_its_short_lines_before_the_lead(extracted, gone):
    from generator.extract.article_span import whole_article

    lines = ["The harbour bridge closes", "", "By Jane Doe", "", "Key points", "", P1, "", P2, "", P3]
    span = whole_article(lines)
    span = span if extracted else replace(span, extracted=False)
    trimmed = span.anchored(1).trimmed()
    dropped = {ln.text for ln in trimmed.lines if ln.no not in trimmed.kept and ln.no != 1}
    assert dropped == gone


# --- the dev corpus -------------------------------------------------------------------------


# Lines for the headline's credit and caption-mark shortcuts: each answer must be the
# plain regexes' (a paragraph without "/", ":", "getty", " by" or "caption" skips them).
_CREDIT_PROBES = [
    "GETTY IMAGES", "Getty Images", "Photo: Jane Doe/Reuters", "Chuck Burton/AP", "(Credit: AP)",
    "hide caption", "HIDE CAPTION", "Photo by Jane Doe", "PHOTOGRAPH BY JANE DOE", "VIDEO 3:49 03:49",
    "Watch 2:01", "The talks in Moscow ended on Friday without a deal.", "Images of the summit",
    "A captİon", "Hİde captİon", "Photo By\u212aate", "Reuters reported the AP story", "ap/afp",
    "Sources say the talks will resume", "Video of the day", "Illustration: Studio X",
]


@pytest.mark.parametrize("text", _CREDIT_PROBES)
def test_credit_shortcuts_answer_as_the_plain_patterns_do(text):
    from generator.extract import headline

    assert headline._names_credit(text) is bool(headline._CREDIT.search(text))
    plain = bool(headline._CREDIT.search(text) or headline._CAPTION_MARK.search(text))
    assert headline._is_credit(text) is plain
    if headline._CAPTION_MARK.search(text):
        assert headline._may_be_caption_mark(text)


@pytest.mark.parametrize(
    "text", ["REUTERS/Jane Doe", "Image: the square", "A picture of the talks", "EPA-EFE/ANATOLIA", "(Photo)", "The talks ended."]
)
def test_caption_shortcut_answers_as_the_plain_markers_do(text):
    from generator.extract import headline

    assert headline._is_caption(text) is bool(headline._caption_markers().search(text))


@pytest.mark.parametrize(
    "text", ["plain prose, no marks.", "a \\* b", "[link](x)", "**bold**", "snake_case", "<b>x</b>", "a ] b", "é ü ſ"]
)
def test_markup_shortcut_is_the_character_class_it_replaced(text):
    from generator.extract import page_lines

    assert any(c in text for c in page_lines._MARKUP_CHARS) is bool(re.search(r"[\\\[\]*_<]", text))


@pytest.mark.parametrize(
    "sentence", ["Share this article", "The talks in Moscow ended on Friday without any deal at all.", "By Jane Doe", ""]
)
def test_a_read_line_is_furniture_as_its_text_is(sentence):
    from generator.extract.article_span import is_furniture_read
    from generator.extract.page_lines import read_lines

    lines = read_lines([sentence])
    assert is_furniture_line(sentence) is (not lines or is_furniture_read(lines[0]))


@pytest.mark.parametrize("line", ["Don't STOP the Talks", "O'Neil's x2 ALL-CAPS", "naïve CAFÉ Straße", "İstanbul talks", "1 2 3"])
def test_a_line_s_lowered_words_are_its_lowered_text_s_words(line):
    from generator.extract.page_lines import WORD, read_lines

    read = read_lines([line])[0]
    assert read.lower == tuple(WORD.findall(read.text.lower()))
