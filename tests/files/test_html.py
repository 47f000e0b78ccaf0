"""Reading HTML seeds: the article's text, and only what the page's tags honestly state."""

from __future__ import annotations

import pytest

from generator.files.html import extract_html_article, extract_stated_values

BODY = (
    "<article><h1>Dockers end strike</h1>"
    "<p>Dock workers in Antwerp returned to work on Thursday after a four-day strike over pensions, the union said.</p>"
    "<p>Shipping companies said forty vessels had been delayed. <script>alert('x')</script>"
    "<a href='javascript:alert(2)'>More</a></p></article>"
)


TITLE = {"title": "Dockers end strike"}  # the page's <h1>


@pytest.mark.parametrize(
    "head, expected",
    [
        ("<title>Dockers end strike | Times</title>", TITLE),
        ("<title>T | Times</title><meta property='og:title' content='Dockers end four-day strike'>", TITLE),
        ("<link rel='canonical' href='https://x.example/a'>", {**TITLE, "source_url": "https://x.example/a"}),
        ("<link rel='canonical' href='javascript:alert(1)'><meta property='og:url' content='https://x.example/b'>", {**TITLE, "source_url": "https://x.example/b"}),
        ("<meta property='article:published_time' content='2019-03-14T09:30:00+01:00'>", {**TITLE, "date": "2019-03-14"}),
        # htmldate: the original date first, a revision date only when nothing states publication
        ("<meta property='article:published_time' content='2019-03-14'><meta property='article:modified_time' content='2019-03-20'>", {**TITLE, "date": "2019-03-14"}),
        ("<meta name='DATE' content='2012-12-28'>", {**TITLE, "date": "2012-12-28"}),
        ("<meta property='og:site_name' content='The Antwerp Times'><meta name='author' content='Jan Peeters; An Claes'>", {**TITLE, "outlet": "The Antwerp Times", "authors": "Jan Peeters; An Claes"}),
        ("<meta property='og:site_name' content='x.example'>", TITLE),  # a host name is no name the page gives
        ("<meta name='author' content='" + "x" * 400 + "'>", TITLE),
    ],
)
def test_stated_values(head, expected):
    stated = extract_stated_values(f"<html><head>{head}</head><body>{BODY}</body></html>")
    assert {k: v for k, v, _ in stated if k != "byline_lines"} == expected
    for _, value, evidence in stated:
        assert value.split(";")[0] in evidence or "-" in value


@pytest.mark.parametrize(
    "body, lines",
    [
        # the lines around the headline, one per block, a link to an author's page kept as Markdown
        (
            "<nav><ul><li>Home</li><li>Port</li></ul></nav><article><h1>Dockers end strike</h1>"
            "<div class='byline'>Von <a href='/autor/jan-peeters/'>Jan Peeters</a> | 14.03.2019</div>"
            "<p>Dock workers in Antwerp returned to work on Thursday after a four-day strike, the union said.</p></article>",
            ["Home", "Port", "Dockers end strike", "Von [Jan Peeters](/autor/jan-peeters/) | 14.03.2019",
             "Dock workers in Antwerp returned to work on Thursday after a four-day strike, the union said."],
        ),
        # scripts are no text; a link elsewhere is its text only
        (
            "<article><h1>Dockers end strike</h1><script>var by = 'x';</script><p>By <a href='/news/'>Jan</a> Peeters</p>"
            "<p>Dock workers in Antwerp returned to work on Thursday after a four-day strike, the union said.</p></article>",
            ["Dockers end strike", "By Jan Peeters", "Dock workers in Antwerp returned to work on Thursday after a four-day strike, the union said."],
        ),
    ],
)
def test_the_lines_around_the_headline(body, lines):
    stated = dict((k, v) for k, v, _ in extract_stated_values(f"<html><head><title>Dockers end strike</title></head><body>{body}</body></html>"))
    assert stated["byline_lines"].split("\n") == lines


@pytest.mark.parametrize(
    "meta, text, expected",
    [
        ("J. R. Tolk", "by J. R. Tolk", "J. R. Tolk"),
        # trafilatura drops an initial's dot: the page's own spelling is taken back
        ("J R Tolk", "by J. R. Tolk, in Oxford", "J. R. Tolk"),
        ("Ann B", "Words: Ann B. and friends", "Ann B."),
        ("J R Tolk", "nothing here names him", "J R Tolk"),
    ],
)
def test_an_author_as_the_page_writes_it(meta, text, expected):
    html = f"<html><head><meta name='author' content='{meta}'></head><body>{BODY}<p>{text}</p></body></html>"
    assert dict((k, v) for k, v, _ in extract_stated_values(html))["authors"] == expected


ARTICLE = BODY.replace("<h1>Dockers end strike</h1>", "")


@pytest.mark.parametrize(
    "head, h1s, title",
    [
        # the longest <h1> the title tags echo: the headline, not the logo's <h1>
        ("<title>Dockers end strike - Times</title>", ["Times", "Dockers end strike"], "Dockers end strike"),
        ("<title>Port | Times</title>", ["Dockers end strike"], "Dockers end strike"),  # no echo: the first <h1>
        ("<meta property='og:title' content='Dockers end strike'>", [], "Dockers end strike"),
        ("<title>Dockers end strike | Times</title>", [], "Dockers end strike | Times"),
    ],
)
def test_the_headline_is_the_h1_the_title_tags_echo(head, h1s, title):
    headings = "".join(f"<h1>{h}</h1>" for h in h1s)
    html = f"<html><head>{head}</head><body>{headings}{ARTICLE}</body></html>"
    assert dict((k, v) for k, v, _ in extract_stated_values(html))["title"] == title


@pytest.mark.parametrize(
    "head, top, title",
    [
        # a kicker glued before the stated headline in the <h1>: the stated headline
        ("<meta property='og:title' content='Dockers end strike'>", "<h1>Antwerp Dockers end strike</h1>", "Dockers end strike"),
        # ... not after a separator: "Port: Dockers end strike" is one headline
        ("<meta property='og:title' content='Dockers end strike'>", "<h1>Port: Dockers end strike</h1>", "Port: Dockers end strike"),
        # the <h1> is the site's (og:site_name), the stated headline a line of the body
        (
            "<meta property='og:site_name' content='Port News'><meta property='og:title' content='Port News'>"
            "<meta name='twitter:title' content='Dockers end strike'>",
            "<h1>Port News</h1><h2>Dockers end strike</h2>",
            "Dockers end strike",
        ),
        # the <h1> is a blog's name no statement gives; the JSON-LD headline is a line of the body
        (
            "<script type='application/ld+json'>{\"@graph\": [{\"headline\": \"Dockers end strike\"}]}</script>",
            "<h1>Notes from the quay</h1><h2>Dockers end strike</h2>",
            "Dockers end strike",
        ),
        # no <h1> states it: the <title>'s part the body shows, the site's name split off
        ("<title>Dockers end strike | Port News</title>", "<h1>Port News Blog</h1><h2>Dockers end strike</h2>", "Dockers end strike"),
        # the <h1> is the blog's name, the <title>'s other part the headline (a breadcrumb's: its last)
        ("<title>Dockers end strike | Port Notes</title>", "<h1>Port Notes</h1><h2>Dockers end strike</h2>", "Dockers end strike"),
        ("<title>Port Notes » Blog » Dockers end strike</title>", "<h1>Port Notes</h1><h2>Dockers end strike</h2>", "Dockers end strike"),
        # an <h1> the <title> gives as a part, the site's name after it
        ("<title>Dockers end strike - Port News</title>", "<h1>Menu</h1><h1>Dockers end strike</h1>", "Dockers end strike"),
    ],
)
def test_the_headline_is_what_the_pages_statements_agree_on(head, top, title):
    html = f"<html><head>{head}</head><body>{top}{ARTICLE}</body></html>"
    assert dict((k, v) for k, v, _ in extract_stated_values(html))["title"] == title


def test_the_article_text_has_no_markup_and_starts_with_the_title():
    page = extract_html_article(f"<html><head><meta property='og:title' content='Dockers end strike'></head><body>{BODY}</body></html>")
    assert page.text.split("\n\n")[0] == "Dockers end strike"
    assert "Antwerp" in page.text and "alert" not in page.text and "javascript" not in page.text


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
        "<html><head><script>alert(1)</script></head><body></body></html>",
        "not html at all <<<>>>",
        "",
    ],
)
def test_a_page_without_an_article_gives_none(page):
    assert extract_html_article(page) is None


@pytest.mark.parametrize(
    ("page", "name"),
    [
        ('<html><head><meta property="og:site_name" content="Gulf &amp; Courier"></head><body>x</body></html>', "Gulf & Courier"),
        (
            '<html><head><script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Harbour Daily"}}</script></head><body>x</body></html>',
            "Harbour Daily",
        ),
        # og:site_name goes first; a twitter handle or the <title> is no stated site name
        ('<html><head><meta property="og:site_name" content="A"><script type="application/ld+json">{"@type": "WebSite", "name": "B site"}</script></head></html>', "A"),
        ('<html><head><title>Story - Gulf Courier</title><meta name="twitter:site" content="@gulf"></head><body>x</body></html>', None),
    ],
)
def test_extract_stated_site_name(page, name):
    from generator.files.html import extract_stated_site_name

    assert extract_stated_site_name(page) == name
    assert extract_stated_site_name(page.encode("utf-8")) == name
