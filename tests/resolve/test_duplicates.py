"""One article saved twice is one article; two pages sharing a teaser are two (resolve/duplicates.py).

Every text here is made up for these tests: a town's ferry vote told by one
outlet's page (saved as HTML and as a text dump, or pasted with other furniture)
and by another outlet's own article on the same story.
"""

from __future__ import annotations

import random

import pytest

from generator.extract.clean import clean_seed_text
from generator.extract.fields import extract_article
from generator.files.html import extract_html_article
from generator.model import Article, Block, CleanDoc, Field, Provenance, Removed, Seed
from generator.resolve.duplicates import (
    BodySketch,
    DuplicateThresholds,
    Overlap,
    estimate_containment,
    find_candidate_pairs,
    is_same_article,
    measure_overlap,
    select_distinct_articles,
    teaser_sides,
)
from generator.text import normalise_key

TITLE = "Kestrel Bay approves ferry link to the islands"
STORY = [
    "The town council of Kestrel Bay voted on Tuesday to build a year-round ferry link to the three outer islands, "
    "ending a decade of disputes over who should pay for the crossing and where the boats would dock.",
    "The plan, approved by nine votes to four, commits the town to a new pier at the old salt wharf and to two "
    "electric ferries that would each carry up to 180 passengers and a dozen cars.",
    "\u201cThis is the day the islands stop being a summer postcard and become part of the town again,\u201d said the "
    "council leader, Maren Holt, after the vote.",
    "Opponents said the cost, put at 46 million crowns over ten years, would fall on residents of the mainland who "
    "rarely visit the islands. A petition against the pier gathered 2,300 signatures in the spring.",
    "The islands lost their winter service in 2014 when the private operator withdrew its last boat, saying it "
    "carried fewer than twenty passengers a day between November and March.",
    "Fishermen at the salt wharf have asked for a guarantee that the new pier will leave room for their boats. The "
    "council said a separate berth would be built for them before the ferries arrive.",
    "Construction is due to start next autumn, and the first ferry could sail in the summer of the following year "
    "if the shipyard keeps to its schedule.",
]
# Another outlet's own report of the same vote: it shares the leader's quote and
# the paragraph on the lost winter service, and is written otherwise.
OTHER_OUTLET = [
    "Islanders cheered in the public gallery as the council of Kestrel Bay backed a permanent ferry service on "
    "Tuesday night, the first since the winter boats stopped a decade ago.",
    STORY[2],
    "For Jonas Ekberg, who runs the only shop on the largest island, the decision means he can stop ordering stock "
    "by helicopter in January. \u201cWe have been cut off every winter for ten years,\u201d he said.",
    STORY[4],
    "The vote was closer than expected. Four councillors from the mainland wards voted against, arguing that the "
    "money would be better spent on the town's roads and its crowded primary school.",
    "The council will now seek bids from shipyards for the two ferries. A decision on the contract is expected "
    "before Christmas.",
]
TEASER = (
    "Sign up to the Harbour Letter: the week's news from the coast, the islands and the fishing fleet, "
    "every Friday morning in your inbox."
)
HTML_PAGE = f"""<!doctype html><html><head>
<title>{TITLE} | The Coastal Courier</title>
<meta property="og:title" content="{TITLE}">
<link rel="canonical" href="https://courier.example/news/kestrel-bay-ferry-link">
<meta property="article:published_time" content="2024-03-12T18:40:00+01:00">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>{TITLE}</h1>
{''.join(f'<p>{p}</p>' for p in STORY[:3])}
<figure><img src="wharf.jpg"><figcaption>The old salt wharf, where the new pier is to be built.</figcaption></figure>
{''.join(f'<p>{p}</p>' for p in STORY[3:])}
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Storm closes coast road</a></li><li><a href="/b">Lifeboat crew honoured</a></li></ul></aside>
<footer><p>&copy; The Coastal Courier</p></footer>
</body></html>"""
TEXT_DUMP = "\n".join(
    [
        "Skip to content", "Home", "News", "Sport", "Weather", "",
        TITLE, "", "By Lena Dahl", "12 March 2024", "",
        *(f"{p}\n" for p in STORY[:3]),
        # what the browser's copy kept and trafilatura did not: the photo's caption, the author's note
        "The old salt wharf, where the new pier is to be built, on a grey morning in March.", "",
        *(f"{p}\n" for p in STORY[3:]),
        "Lena Dahl is the Courier's islands correspondent and has covered the ferry dispute since it began.", "",
        "Share this article", "", "Most read", "Storm closes coast road", "Lifeboat crew honoured", "",
    ]
)  # fmt: skip


def _from_text(name: str, text: str, curated: tuple = ()) -> Article:
    seed = Seed(id=name, path=f"seeds/{name}.txt", text=text, sha256=name, curated=curated)
    return extract_article(seed, clean_seed_text(text))


def _from_html(name: str, page: str, curated: tuple = ()) -> Article:
    html = extract_html_article(page)
    assert html is not None
    seed = Seed(id=name, path=f"seeds/{name}.html", text=html.text, sha256=name, curated=curated, stated=html.stated)
    return extract_article(seed, clean_seed_text(html.text))


def _page(*paragraphs: str, furniture: tuple[str, ...] = ()) -> str:
    return "\n\n".join([TITLE, *paragraphs, *furniture]) + "\n"


def _doc(paragraphs: list[str], removed: list[str]) -> CleanDoc:
    """A cleaned page as select_distinct_articles sees it: what was kept, and the rest of the file."""
    return CleanDoc(
        tuple(Block("paragraph", p, line_no=n) for n, p in enumerate(paragraphs, start=2)),
        tuple(Removed(100 + n, line, "test") for n, line in enumerate(removed)),
    )


def _made(name: str, doc: CleanDoc) -> Article:
    return Article(id=name, source_path=f"seeds/{name}.txt", sha256=name, title=Field(name, Provenance("test", "", 1.0)), doc=doc)


# Each page's own text, all of it removed as furniture: a review, a recipe page...
REVIEW_PAGE = [f"The reviewer found chapter {n} of the memoir slow but honest, its harbour scenes vivid and exact." for n in range(80)]
OTHER_PAGE = [f"Result {n}: the regatta's class {n} was won by a crew from the north shore in a light breeze." for n in range(80)]


@pytest.mark.parametrize(
    "name, seeds, kept",
    [
        # a page pasted twice, once with other furniture and a photo's caption
        (
            "a copy with other furniture",
            lambda: [
                _from_text("a-courier", _page(*STORY)),
                _from_text(
                    "b-courier-again",
                    "Advertisement\n\nCookie settings\n\n"
                    + _page(*STORY[:4], "The council leader, Maren Holt (L), after the vote on Tuesday.", *STORY[4:])
                    + "Share this article\n",
                ),
            ],
            ["a-courier"],
        ),
        # one line more at the end: the same text (within same_text_margin), the longer body stays
        (
            "a copy with a closing line more",
            lambda: [
                _from_text("a-courier", _page(*STORY)),
                _from_text("b-courier-again", _page(*STORY, "Lena Dahl is the Courier's islands correspondent.")),
            ],
            ["b-courier-again"],
        ),
        # two outlets' own articles on one story, sharing a quote and a paragraph
        ("two outlets on one story", lambda: [_from_text("a-courier", _page(*STORY)), _from_text("b-herald", _page(*OTHER_OUTLET))], ["a-courier", "b-herald"]),
        # the story cut to its first three paragraphs by another site: all in it, but another edit
        ("half of it, elsewhere", lambda: [_from_text("a-courier", _page(*STORY)), _from_text("b-digest", _page(*STORY[:3]))], ["a-courier", "b-digest"]),
        # two different pages that cleaned down to one newsletter teaser (issue 22)
        (
            "two pages with one short teaser",
            lambda: [_made("a-review", _doc([TEASER], REVIEW_PAGE)), _made("b-results", _doc([TEASER], OTHER_PAGE))],
            ["a-review", "b-results"],
        ),
        # long enough, but a small part of each page: a paragraph both pages carry
        (
            "one long paragraph of two long pages",
            lambda: [
                _made("a-review", _doc([" ".join(STORY[:3])], REVIEW_PAGE)),
                _made("b-results", _doc([" ".join(STORY[:3])], OTHER_PAGE)),
            ],
            ["a-review", "b-results"],
        ),
    ],
)
def test_copies_and_distinct_pages(name, seeds, kept):
    articles = seeds()
    result, problems = select_distinct_articles(articles)
    assert [a.id for a in result] == kept, name
    skips = [p for p in problems if "same article" in p.message]
    if len(kept) == 1:
        [other] = [a for a in articles if a.id not in kept]
        [problem] = skips
        assert (problem.path, problem.severity) == (other.source_path, "warning")
        assert f"is the same article as seeds/{kept[0]}.txt" in problem.message
    else:
        assert skips == []


def test_the_html_and_the_text_dump_of_one_page_are_one_article():
    html, dump = _from_html("courier-ferry", HTML_PAGE), _from_text("courier-ferry-dump", TEXT_DUMP)
    kept, problems = select_distinct_articles([dump, html])
    # as rich a record (a date and its address, against a date and a byline), and the
    # tighter text: the dump's extra lines are a caption and the author's note
    assert [a.id for a in kept] == ["courier-ferry"]
    [problem] = problems
    assert (problem.path, problem.severity) == ("seeds/courier-ferry-dump.txt", "warning")
    assert "is the same article as seeds/courier-ferry.html" in problem.message and "% of its text is in it" in problem.message


@pytest.mark.parametrize(
    "html_curated, dump_curated, kept, lost",
    [
        ((), (("outlet", "The Coastal Courier"),), "courier-ferry-dump", None),  # the copy with a sidecar stays
        ((("outlet", "The Coastal Courier"),), (("outlet", "The Coastal Courier"),), "courier-ferry", None),  # same values
        ((("title", "Ferry link approved"),), (("outlet", "The Coastal Courier"), ("summary", None)), "courier-ferry", "outlet, summary"),
    ],
)
def test_curated_values_are_never_dropped_silently(html_curated, dump_curated, kept, lost):
    html = _from_html("courier-ferry", HTML_PAGE, html_curated)
    dump = _from_text("courier-ferry-dump", TEXT_DUMP, dump_curated)
    result, problems = select_distinct_articles([html, dump])
    assert [a.id for a in result] == [kept]
    [problem] = problems
    if lost is None:
        assert "curated" not in problem.message
    else:
        assert f"Its curated values ({lost}) are not used: move them to seeds/courier-ferry.meta.yml" in problem.message


def test_two_pages_sharing_a_teaser_are_both_kept_and_both_flagged():
    a, b = _made("a-review", _doc([TEASER], REVIEW_PAGE)), _made("b-results", _doc([TEASER], OTHER_PAGE))
    kept, problems = select_distinct_articles([b, a])
    assert [x.id for x in kept] == ["b-results", "a-review"]  # the given order
    assert [(p.path, p.severity) for p in problems] == [("seeds/a-review.txt", "warning"), ("seeds/b-results.txt", "warning")]
    assert "seeds/b-results.txt" in problems[0].message and "teaser" in problems[0].message


def test_three_copies_keep_one_and_name_it():
    copies = [_from_text(f"{c}-courier", ("Advertisement\n\n" * n) + _page(*STORY)) for n, c in enumerate("abc")]
    kept, problems = select_distinct_articles(copies)
    assert [a.id for a in kept] == ["a-courier"]
    assert [p.path for p in problems] == ["seeds/b-courier.txt", "seeds/c-courier.txt"]
    assert all("seeds/a-courier.txt" in p.message for p in problems)


def test_the_choice_does_not_depend_on_the_order_given():
    html, dump = _from_html("courier-ferry", HTML_PAGE), _from_text("courier-ferry-dump", TEXT_DUMP)
    other = _from_text("herald", _page(*OTHER_OUTLET))
    first = select_distinct_articles([html, dump, other])
    again = select_distinct_articles([other, dump, html])
    assert sorted(a.id for a in first[0]) == sorted(a.id for a in again[0]) == ["courier-ferry", "herald"]
    assert first[1] == again[1]


LIMITS = DuplicateThresholds.from_rules()


@pytest.mark.parametrize(
    "overlap, same, teaser",
    [
        (Overlap(1.0, 1.0, 0.9, 0.9, 300, 300), True, (False, False)),
        (Overlap(0.95, 0.6, 0.9, 0.5, 300, 480), True, (False, False)),
        (Overlap(0.89, 0.89, 0.9, 0.9, 300, 300), False, (False, False)),  # too much differs
        (Overlap(1.0, 0.3, 0.9, 0.3, 100, 330), False, (False, False)),  # a third of the longer
        (Overlap(1.0, 1.0, 0.9, 0.9, 59, 59), False, (True, True)),  # too short to tell
        (Overlap(1.0, 1.0, 0.09, 0.8, 200, 200), False, (True, False)),  # a small part of one file
    ],
)
def test_is_same_article(overlap, same, teaser):
    assert is_same_article(overlap, LIMITS) is same
    assert teaser_sides(overlap, LIMITS) == teaser
    assert is_same_article(overlap.swapped(), LIMITS) is same
    assert teaser_sides(overlap.swapped(), LIMITS) == teaser[::-1]


def test_overlap_counts_word_runs_and_the_file_share():
    a = _doc(STORY, ["Home", "News", "Share this article"])
    b = _doc([*STORY[:6], "An extra closing line of the other copy, a few words long."], [])
    overlap = measure_overlap(a, b, 5)
    words = len(normalise_key(" ".join(STORY)).split())
    assert overlap.a_words == words and 0.85 < overlap.a_in_b < 1.0 and overlap.b_in_a > 0.9
    # the shared runs cover every word of the first six paragraphs
    assert overlap.a_raw_share == pytest.approx(len(normalise_key(" ".join(STORY[:6])).split()) / (words + 5), abs=0.01)


def test_copies_are_found_among_many_without_comparing_every_pair():
    vocabulary = [f"{a}{b}" for a in ("kel", "mar", "sto", "fen", "bru", "lin") for b in ("ad", "orn", "ish", "eth", "um", "ix")]
    draw = random.Random(22)
    many = [_made(f"p{n:02d}", _doc([" ".join(draw.choice(vocabulary) for _ in range(120))], [])) for n in range(40)]
    original, copy = _made("original", _doc(STORY, [])), _made("copy", _doc(STORY[:6], ["Advertisement"]))
    pairs = find_candidate_pairs([*many, original, copy], LIMITS)
    assert (40, 41) in pairs and len(pairs) < 10


def test_a_wire_story_in_more_seeds_than_an_anchor_indexes_is_one_article():
    # equal bodies are paired without anchors, which would be shared by too many seeds
    copies = [_made(f"wire-{n:02d}", _doc(STORY, [f"Outlet {n} home page", "Advertisement"])) for n in range(LIMITS.max_anchor_seeds + 8)]
    kept, problems = select_distinct_articles(copies)
    assert [a.id for a in kept] == ["wire-00"]
    assert len(problems) == len(copies) - 1 and all("seeds/wire-00.txt" in p.message for p in problems)


@pytest.mark.parametrize("cut", [2, 4, 6, 7])
def test_the_sketch_estimate_is_near_the_exact_share(cut):
    long_story = [f"{p} {q}" for p in STORY for q in OTHER_OUTLET]  # long enough that the sketch is a sample
    a, b = _doc(long_story, []), _doc(long_story[: len(long_story) * cut // 7], [])
    exact = measure_overlap(b, a, LIMITS.shingle_words).a_in_b
    estimate = estimate_containment(BodySketch.of(a, LIMITS), BodySketch.of(b, LIMITS))
    assert exact == 1.0 and estimate == pytest.approx(exact, abs=0.2)
