"""Reading a saved HTML page: its article as plain text, and what its tags state.

Pure: ``seeds.py`` hands over the decoded page. The article's text is found by
trafilatura (main-content extraction, offline, no model), which drops
navigation, scripts, styles and comments; every link becomes its plain text, so
nothing of the page's markup reaches the pipeline. The page's own tags (title,
canonical URL, published time, listed in ``data/html_meta.yml``) are returned
as *stated* values: extracted-tier evidence with method ``html-meta``, never
curated, since they are the page's claim and not the archivist's word.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from generator.text import normalise_key
from generator.files.rules import load_rules

HTML_SUFFIXES = (".html", ".htm")
# A title longer than this is not a headline (a template put the whole lead in).
MAX_TITLE_CHARS = 300
# Fewer words than this, beyond the title, is a menu or a cookie wall that
# trafilatura fell back on, not an article.
MIN_ARTICLE_WORDS = 15
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class HtmlArticle:
    """The text of one HTML page and the values its tags state."""

    text: str  # plain text: the title line, then paragraphs separated by blank lines
    stated: tuple[tuple[str, str, str], ...]  # (key, value, evidence)


class _HeadTags(HTMLParser):
    """Collects <meta>, <link> and <title> wherever they are (broken pages put them anywhere)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.title_parts: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "link"):
            self.tags.append((tag, {k.lower(): (v or "") for k, v in attrs}))
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)


def extract_html_article(page: str) -> HtmlArticle | None:
    """The article in an HTML page, or ``None`` when the page holds no article text."""
    stated = extract_stated_values(page)
    body = _extract_main_text(page)
    title = next((value for key, value, _ in stated if key == "title"), None)
    lines = [line.strip() for line in (body or "").split("\n") if line.strip()]
    if len(" ".join(lines[1:]).split()) < MIN_ARTICLE_WORDS:
        return None
    if title and normalise_key(lines[0]) != normalise_key(title):
        # The cleaner takes the first line as the headline: give it the page's
        # own, so a lead paragraph is never promoted to title.
        lines.insert(0, title)
    return HtmlArticle("\n\n".join(lines) + "\n", stated)


def extract_stated_values(page: str) -> tuple[tuple[str, str, str], ...]:
    """(key, value, evidence) for title, source_url and date, as the page's tags state them."""
    parser = _HeadTags()
    try:
        parser.feed(page)
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser rarely raises; a broken page just states nothing
        return ()
    rules = load_rules("html_meta")
    found: list[tuple[str, str, str]] = []
    for key in ("title", "source_url", "date"):
        for rule in rules[key]:
            hit = _first_tag(parser.tags, rule)
            value = _accept(key, hit[0]) if hit else None
            if value is not None:
                found.append((key, value, hit[1]))
                break
        else:
            if key == "title":
                value = _accept("title", "".join(parser.title_parts))
                if value is not None:
                    found.append(("title", value, f"<title>{value}</title>"))
    return tuple(found)


def _first_tag(tags: list[tuple[str, dict[str, str]]], rule: dict[str, Any]) -> tuple[str, str] | None:
    element = "link" if "link" in rule else "meta"
    attribute = rule[element]
    source = "href" if element == "link" else "content"
    for tag, attrs in tags:
        if tag != element:
            continue
        names = attrs.get(attribute, "").lower().split()
        if rule["name"].lower() in names and attrs.get(source, "").strip():
            value = attrs[source].strip()
            return value, f'<{element} {attribute}="{rule["name"]}" {source}="{value}">'
    return None


def _accept(key: str, value: str) -> str | None:
    """The value normalised, or ``None`` when it is not a usable one."""
    value = " ".join(value.split())
    if not value:
        return None
    if key == "title":
        return value if len(value) <= MAX_TITLE_CHARS else None
    if key == "source_url":
        # Only a web address is a source; a javascript: or data: "URL" is not.
        return value if re.match(r"^https?://[^\s<>\"']+$", value, re.IGNORECASE) else None
    m = _ISO_DAY.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def _extract_main_text(page: str) -> str | None:
    import trafilatura  # imported here: only archives with HTML seeds pay its import time

    # trafilatura logs every page it finds thin; the caller reports what matters.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    try:
        return trafilatura.extract(
            page,
            output_format="txt",
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            deduplicate=False,
        )
    except Exception:  # noqa: BLE001 - lxml can choke on hostile markup: treat as no article
        return None
