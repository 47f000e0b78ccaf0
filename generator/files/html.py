"""Reading a saved HTML page: its article as plain text, and what the page states about it.

Pure: ``seeds.py`` hands over the decoded page. trafilatura (main-content extraction,
offline, no model) finds the article's text, dropping navigation, scripts, styles and
comments; every link becomes its plain text, so nothing of the page's markup reaches
the pipeline. The same call reads the page's metadata the way the field's libraries
do: JSON-LD, Open Graph, Dublin Core and the like for the author, the site's name and
the canonical URL (courlan), htmldate for the original publication date (not the
last update). Those are returned as *stated* values: extracted-tier evidence with
method ``html-meta``, never curated, since they are the page's claim and not the
archivist's word.

The headline is the text the page's own statements of it agree on: its ``<h1>``,
``og:title``, ``twitter:title``, JSON-LD ``headline`` and ``<title>``, the site's name
split off and a kicker glued in the ``<h1>`` dropped (see ``_find_headline``). On web2's
959 pages this matched the labelled title on 85% of half A and 86% of half B (the first
echoed ``<h1>`` alone: 78%; ``og:title`` alone: 51%).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
import re
from dataclasses import dataclass
from typing import Any

from generator.text import normalise_key

HTML_SUFFIXES = (".html", ".htm")
# A title longer than this is not a headline (a template put the whole lead in).
MAX_TITLE_CHARS = 300
# An author or site name longer than this is a sentence a template put in a tag.
MAX_NAME_CHARS = 120
# Fewer words than this, beyond the title, is a menu or a cookie wall that
# trafilatura fell back on, not an article.
MIN_ARTICLE_WORDS = 15
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_HOST_LIKE = re.compile(r"^(?:https?://)?[\w-]+(?:\.[\w-]+)+/?$", re.IGNORECASE)
_WEB_ADDRESS = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)
# The loggers of the libraries reading the page: they log every page they find thin
# or undated; the caller reports what matters.
_QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "charset_normalizer")


@dataclass(frozen=True)
class HtmlArticle:
    """The text of one HTML page and the values it states."""

    text: str  # plain text: the title line, then paragraphs separated by blank lines
    stated: tuple[tuple[str, str, str], ...]  # (key, value, evidence); authors joined by "; "


def extract_html_article(page: str) -> HtmlArticle | None:
    """The article in an HTML page, or ``None`` when the page holds no article text."""
    read = _read_page(page)
    if read is None:
        return None
    document, stated = read
    title = next((value for key, value, _ in stated if key == "title"), None)
    lines = [line.strip() for line in (document.text or "").split("\n") if line.strip()]
    title_key = normalise_key(title) if title else None
    if len(" ".join(line for line in lines if normalise_key(line) != title_key).split()) < MIN_ARTICLE_WORDS:
        return None
    if title and normalise_key(lines[0]) != title_key:
        # The cleaner takes the first line as the headline: give it the page's
        # own, so a lead paragraph is never promoted to title.
        lines.insert(0, title)
    return HtmlArticle("\n\n".join(lines) + "\n", stated)


def extract_stated_values(page: str) -> tuple[tuple[str, str, str], ...]:
    """(key, value, evidence) for title, source_url, date, authors and outlet, as the page states them."""
    read = _read_page(page)
    return () if read is None else read[1]


def _read_page(page: str) -> tuple[Any, tuple[tuple[str, str, str], ...]] | None:
    """trafilatura's document of the page and the values it states, or ``None``."""
    tree = _parse(page)
    if tree is None:
        return None
    body_lines = _body_lines(tree)
    headline = _find_headline(tree, body_lines)  # before trafilatura, which prunes the tree it is given
    body_text = "\n".join(body_lines)
    byline_lines = _lines_around_headline(body_lines, headline[0]) if headline else None
    document = _extract_document(tree)
    if document is None:
        return None
    stated = _stated_values(document, headline, body_text)
    if byline_lines:
        stated += (("byline_lines", byline_lines, "the page's lines around its headline (its <body> as text)"),)
    return document, stated


def _stated_values(document: Any, headline: tuple[str, str] | None, body_text: str = "") -> tuple[tuple[str, str, str], ...]:
    found: list[tuple[str, str, str]] = []
    if headline is not None:
        found.append(("title", *headline))
    else:
        title = _accept_text(document.title, MAX_TITLE_CHARS)
        if title:
            found.append(("title", title, f"the page's metadata (trafilatura): title {title!r}"))
    url = " ".join((document.url or "").split())
    if url and _WEB_ADDRESS.match(url):
        # Only a web address is a source; a javascript: or data: "URL" is not.
        found.append(("source_url", url, f"the page's canonical URL (trafilatura, courlan): {url}"))
    day = _accept_day(document.date)
    if day:
        found.append(("date", day, f"the page's publication date (htmldate, original date): {document.date}"))
    authors = [_as_written(a, body_text) for a in (_accept_text(a, MAX_NAME_CHARS) for a in (document.author or "").split(";")) if a]
    if authors:
        joined = "; ".join(authors)
        found.append(("authors", joined, f"the page's author metadata (trafilatura): {joined!r}"))
    site = _accept_text(document.sitename, MAX_NAME_CHARS)
    # trafilatura falls back on the host name ("x.example") when the page names no site:
    # a domain is the outlet registry's evidence (extract/outlet_sites.py), not a name the page states
    if site and not _HOST_LIKE.match(site):
        found.append(("outlet", site, f"the page's site name (og:site_name or JSON-LD publisher, trafilatura): {site!r}"))
    return tuple(found)


# Elements whose text is no reading: scripts, styles, forms' options, inline pictures.
_UNREAD_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "select", "option", "iframe", "button"})
# Elements that start a line of their own when a page is read as text.
_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd tr td th table section article header footer aside nav "
    "main figure figcaption blockquote address br hr time form fieldset details summary".split()
)
# The lines around the headline a byline is looked for in (extract/bylines.py reads them as
# a text dump's): a byline sits under the headline, or just over it; an author box or a
# signature ("Von: Jane Doe") may close a long article further down. Its date stamp is read
# there too (extract/fields.py, with_page_date). On web2's saved pages, 80 lines under the
# headline rather than 30 gave half A 3 right authors more and 2 fewer (a menu's words repeated
# further down read as an author box's), half B 5 more and 1 fewer.
BYLINE_LINES_BEFORE = 6
BYLINE_LINES_AFTER = 80
_LINK_TO_PERSON = re.compile(r"/(?:authors?|autor(?:en|in)?|auteurs?|autore?s?|people|profiles?|contributors?|writers?|staff|redakteur\w*|user)/", re.I)


def _body_lines(tree: Any) -> list[str]:
    """The page's ``<body>`` read as text lines, one per block element, as a user's text
    dump would give it. A link to an author's page keeps its address as Markdown ("[Jane
    Doe](/author/jane-doe/)"), as a dump's link would."""
    body = next(iter(tree.iter("body")), None)
    if body is None:
        return []
    parts: list[str] = []
    _read_element(body, parts)
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    return [line for line in lines if line]


def _lines_around_headline(lines: list[str], headline: str) -> str | None:
    """From a few lines over the headline's line to some under it: where the byline stands.
    ``None`` when the headline is not found in the body."""
    key = normalise_key(headline)
    at = next((i for i, line in enumerate(lines) if normalise_key(line) == key), None)
    if at is None:
        return None
    return "\n".join(lines[max(0, at - BYLINE_LINES_BEFORE) : at + BYLINE_LINES_AFTER + 1])


def _read_element(element: Any, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _UNREAD_TAGS:
        return
    block = tag in _BLOCK_TAGS
    if block:
        parts.append("\n")
    href = element.get("href") if tag == "a" else None
    linked = href is not None and _LINK_TO_PERSON.search(href) is not None
    if linked:
        parts.append("[")
    if element.text and tag:
        parts.append(element.text)
    for child in element:
        _read_element(child, parts)
        if child.tail:
            parts.append(child.tail)
    if linked:
        parts.append(f"]({' '.join(href.split())})")
    if block:
        parts.append("\n")


def _as_written(name: str, body_text: str) -> str:
    """An author's name as the page writes it: trafilatura drops the dots of initials ("T V
    Raman", "Joe S"), the page's text keeps them ("T. V. Raman", "Joe S.")."""
    words = name.split()
    if not body_text or not any(len(w) == 1 or not w.isalpha() for w in words):
        return name
    closing = r"\." if len(words[-1]) == 1 else ""
    pattern = r"(?<!\w)" + r"\.?\s*".join(re.escape(w) for w in words) + closing + r"(?!\w)"
    found = re.search(pattern, body_text)
    return " ".join(found.group(0).split()) if found else name


# Where a <title> or og:title joins its parts: "Headline | Site", "Site » Blog » Headline",
# "Headline - Site" (a colon is not one: "Kicker: Headline" is one headline).
_TITLE_PARTS = re.compile(r"\s+(?:[-|–—·•»/]{1,2}|::)\s+|\s*\|\s*|\s*»\s*")
# Most words of a kicker glued before the headline in an <h1> ("Tunesien Große Aufgaben ...").
MAX_KICKER_WORDS = 4


def _find_headline(tree: Any, body_lines: list[str]) -> tuple[str, str] | None:
    """(headline, evidence): the text the page's own statements of its headline agree on.

    The statements: its ``<h1>`` elements, ``og:title``, ``twitter:title``, the JSON-LD
    ``headline`` and ``<title>``. In order: an ``<h1>`` with a kicker glued before the
    headline the metadata states (the stated headline); an ``<h1>`` a statement gives whole
    (not the site's ``og:site_name``); the headline's part of "Headline | Site" whose site
    part is the ``<h1>``; an ``<h1>`` a statement gives as a part; a stated headline
    the body shows as a line of its own (the ``<h1>`` is then the site's or a widget's);
    an ``<h1>`` inside a statement; a part of a statement the body shows as a line; the
    first ``<h1>``; ``og:title``; ``<title>``. On web2's pages (``evaluate.web2_html``) this took
    the headline from 78.4% to 85.1% (half A, where it was chosen; the site's-<h1> step was
    seen in the misses of both halves) and 78.8% to 86.3% (half B).
    Dropped (each helped only the half it was chosen on): an ``<h1>`` inside a statement only
    with 2+ words; an ``<h1>`` that is a stated headline and " | Site"; a glued kicker before a
    part of a statement (half A: -3 points).
    """
    accept = lambda values: [t for t in (_accept_text(v, MAX_TITLE_CHARS) for v in values) if t]  # noqa: E731
    h1s = accept(h.text_content() for h in tree.iter("h1"))
    stated = [
        *accept(tree.xpath("//meta[@property='og:title']/@content"))[:1],
        *accept(tree.xpath("//meta[@name='twitter:title']/@content"))[:1],
        *_json_ld_headlines(tree)[:1],
    ]
    titles = accept(t.text_content() for t in tree.iter("title"))[:1]
    sites = {normalise_key(s) for s in tree.xpath("//meta[@property='og:site_name']/@content")}
    body = {normalise_key(line) for line in body_lines}
    found = _agreed_headline(h1s, stated, titles, sites, body)
    return (found[0], f"{found[1]}: {found[0]!r}") if found else None


def _agreed_headline(h1s: list[str], stated: list[str], titles: list[str], sites: set[str], body: set[str]) -> tuple[str, str] | None:
    """(headline, why) of :func:`_find_headline`, from the texts it read."""
    metas = stated + titles
    stated_keys = [normalise_key(t) for t in stated]
    parts = {normalise_key(p) for t in metas for p in (*_TITLE_PARTS.split(t), *re.split(r":\s+", t)) if p} | {normalise_key(t) for t in metas}
    for h in h1s:  # "Tunesien Große Aufgaben ...": a kicker glued before the stated headline
        words = h.split()
        for j in range(1, min(MAX_KICKER_WORDS, len(words) - 3) + 1):
            if normalise_key(" ".join(words[j:])) in stated_keys and not words[j - 1].endswith((":", "|", "-", "–", "»")):
                return stated[stated_keys.index(normalise_key(" ".join(words[j:])))], "the stated headline, a kicker before it in the <h1>"
    stated_whole = [h for h in h1s if normalise_key(h) in stated_keys and normalise_key(h) not in sites]
    if stated_whole:
        return max(stated_whole, key=len), "<h1> stated whole"
    beside_site = _headline_beside_site_h1(h1s, metas, sites, body)
    if beside_site:
        return beside_site, "the headline's part of the <title> or og:title, the <h1> its site's part"
    stated_part = [h for h in h1s if normalise_key(h) in parts and normalise_key(h) not in sites]
    if stated_part:
        return max(stated_part, key=len), "<h1> a part of the <title> or og:title"
    shown = next((t for t in stated if normalise_key(t) in body and normalise_key(t) not in sites), None)
    if shown:
        return shown, "the stated headline (og:title, twitter:title or JSON-LD), a line of the body"
    inside = sorted((h for h in h1s if normalise_key(h) and any(normalise_key(h) in normalise_key(m) for m in metas)), key=len, reverse=True)
    if inside:
        return inside[0], "<h1> inside the <title> or og:title"
    for t in metas:
        for p in _TITLE_PARTS.split(t):
            k = normalise_key(p)
            if k in body and len(k.split()) >= 3 and k not in sites:
                return p.strip(), "a part of the <title> or og:title, a line of the body"
    for text, why in ((h1s, "the first <h1>"), (stated[:1], "og:title"), (titles, "<title>")):
        if text:
            return text[0], why
    return None


def _headline_beside_site_h1(h1s: list[str], metas: list[str], sites: set[str], body: set[str]) -> str | None:
    """The headline's part of a "Headline | Site" (or "Site » Blog » Headline") statement whose
    other part is the page's ``<h1>`` (a blog's or site's name set as its heading), when the
    body shows that part as a line of its own."""
    h1_keys = {normalise_key(h) for h in h1s}
    for text in metas:
        pieces = [p.strip() for p in _TITLE_PARTS.split(text) if p.strip()]
        if len(pieces) < 2:
            continue
        head = pieces[-1] if "»" in text else pieces[0]  # a breadcrumb's ends with the headline
        head_key = normalise_key(head)
        others = {normalise_key(p) for p in pieces if p != head}
        if head_key not in h1_keys and others & h1_keys and head_key in body and len(head_key.split()) >= 3 and head_key not in sites:
            return head
    return None


def _json_ld_headlines(tree: Any) -> list[str]:
    """The ``headline`` values of the page's JSON-LD blocks (in document order)."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for name, value in node.items():
                if name == "headline" and isinstance(value, str):
                    found.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            walk(json.loads(script))
        except ValueError:  # a template's broken JSON: no statement
            continue
    return [t for t in (_accept_text(v, MAX_TITLE_CHARS) for v in found) if t]


def _accept_text(value: Any, limit: int) -> str | None:
    """The value on one line, or ``None`` when empty or too long to be a name or a title."""
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value if value and len(value) <= limit else None


def _accept_day(value: Any) -> str | None:
    """An ISO day (``YYYY-MM-DD``), or ``None``."""
    m = _ISO_DAY.match(value) if isinstance(value, str) else None
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def _quiet() -> None:
    for name in _QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL)


def _parse(page: str | bytes) -> Any:
    """The page's element tree (lxml, as trafilatura parses it; bytes it decodes itself), or ``None``."""
    if not page.strip():
        return None
    from trafilatura.utils import load_html  # imported here: only archives with HTML seeds pay its import time

    _quiet()
    try:
        return load_html(page)
    except Exception:  # noqa: BLE001 - lxml can choke on hostile markup: treat as no page
        return None


def _extract_document(tree: Any) -> Any:
    """trafilatura's reading of the parsed page: main text and metadata, or ``None``."""
    import trafilatura

    _quiet()
    try:
        return trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            # precision over recall: on web2's HTML pages (the text path keeping the short lines
            # before the first paragraph) must-not-have snippets out 90.6% -> 92.1% (half A
            # 92.4%, B 91.8%), must-have in 90.8% -> 91.1% (A 91.0%, B 91.2%): the default kept
            # comments, teasers and boxes
            favor_precision=True,
            # a table inside an article is its content (results, figures, schedules)
            include_tables=True,
            include_images=False,
            include_links=False,
            deduplicate=False,
            # htmldate's extensive search reads free text with dateparser in every language:
            # on web2 it added 28 right dates and 10 wrong ones for 3x the time; the text's
            # own date reading (extract/dates/choose.py) looks for those dates anyway
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception:  # noqa: BLE001 - lxml can choke on hostile markup: treat as no article
        return None


def extract_stated_site_name(page: str | bytes) -> str | None:
    """The name a saved page gives its own site in its markup: its ``og:site_name``, else
    its JSON-LD publisher's (or Organization's, WebSite's) name, as trafilatura's metadata
    extraction reads each; ``None`` when it states neither. None of trafilatura's
    fallbacks (a ``twitter:site`` handle, a part of the ``<title>``, the host name) counts.
    ``og:site_name`` goes first: trafilatura also takes a JSON-LD *WebPage*'s name, which
    is the page's title, not the site's. The outlet evaluation on web2 takes it as the
    label (generator/evaluate/web2.py)."""
    tree = _parse(page)
    if tree is None:
        return None
    from trafilatura.metadata import extract_meta_json, extract_opengraph
    from trafilatura.settings import Document

    og = _accept_text(html.unescape(extract_opengraph(tree).get("sitename") or ""), MAX_NAME_CHARS)
    if og:
        return og
    try:
        json_ld = extract_meta_json(tree, Document()).sitename
    except Exception:  # noqa: BLE001 - trafilatura's JSON-LD reader can fail on hostile data: no name
        return None
    name = _accept_text(html.unescape(json_ld or ""), MAX_NAME_CHARS)
    return None if name is None or name.startswith("http") else name
