"""The article's headline in a page dump, and the site's name split off it.

Candidates are the short lines standing shortly before the article's span (see
:mod:`generator.article_span`), and its first line: Markdown headings, lines a
``<title>``-like line repeats ("Headline - Site", "Section | Headline"), short
lines without closing punctuation. Furniture lines, bylines, date lines and link
lists are never candidates. Each candidate is scored by generic evidence
(heading level, repetition on the page, closeness to the article, title case);
the best wins. A trailing or leading part after a separator (" - ", " | ", " — ")
is split off as the site's (or section's) name when the page gives evidence for
it: the part stands elsewhere on the page, or the rest stands alone as a line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from .article_span import Line, Span, _config, _stopwords, is_furniture_words

_SEPARATOR = re.compile(r"\s+(?:[-|–—·•:]{1,2}|::)\s+|\s*\|\s*")
_TRAILING_SEPARATOR = re.compile(r"(?:\s+(?:[-|–—·•:]{1,2}|::)|\s*\|)\s*$")
_LEADING_SEPARATOR = re.compile(r"^\s*(?:(?:[-|–—·•:]{1,2}|::)\s+|\|\s*)")
_BYLINE = re.compile(r"^(by|written by|posted by|photo|image|credit)\b", re.IGNORECASE)
_DATEISH = re.compile(
    r"\b(\d{1,2}:\d{2}|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2})\b", re.IGNORECASE
)
_NON_WORD = re.compile(r"\W+")
_DEBUG = False
_WORDS = re.compile(r"\w+")
# A photo credit ("GETTY IMAGES", "[Photo: Name/iStock]", "(Credit: AP/...)"): never a headline.
_CREDIT = re.compile(r"\b(getty|images?|photo|photograph|credit|istock|shutterstock|reuters|afp|ap)\b.*[/:]|^[^/]{0,40}/[^/]{0,40}$|getty images|\bcredit:", re.IGNORECASE)


@dataclass(frozen=True)
class Headline:
    """The headline found, the line it stands on, and the part split off it."""

    text: str
    line_no: int
    site: str | None = None  # "BBC News" of "... - BBC News": evidence of the outlet
    raw: str = ""  # the line as it stood


def key(text: str) -> str:
    return _NON_WORD.sub(" ", text).strip().casefold()


def find_headline(span: Span, page: str = "") -> Headline | None:
    """The headline of the article ``span`` found, or ``None`` when no line qualifies.

    ``page`` is the page's whole text: a headline is repeated in its meta places
    (the ``<title>``, an image's alt text, the URL slug of share links), so how
    often a candidate stands in it is evidence.
    """
    cfg = _config()["headline"]
    w = cfg["weights"]
    lines = span.lines
    if not lines:
        return None
    start_index = next((k for k, ln in enumerate(lines) if ln.no >= span.start), 0) if span.start else 0
    window = _config()["span"]["headline_window"]
    lo = max(0, start_index - window)
    hi = min(len(lines), start_index + cfg["look_inside"] + 1)
    counts = Counter(key(ln.text) for ln in lines[max(0, lo - window) : hi + window] if ln.n_words <= cfg["max_words"] * 2)
    all_keys = list(counts)
    page_lower = page.lower()
    stops = _stopwords().get(span.language or "en", _stopwords()["en"])
    body_words = Counter(
        word.lower() for ln in lines[start_index : start_index + cfg["body_lines"]] if ln.no in span.kept for word in ln.words
    )
    best: tuple[float, Line, str, str | None] | None = None
    for k in range(lo, hi):
        line = lines[k]
        if not _eligible(line, cfg):
            continue
        title, site = split_site(line.text, counts, all_keys)
        score = w["heading"].get(line.heading, w["heading"]["other"]) if line.heading else 0.0
        if line.bullet:
            score += w["bullet"]
        if counts[key(title)] >= 2 or site is not None:
            score += w["repeated"]
        if page_lower and _repeats_in_page(title, page_lower) >= 2:
            score += w["in_meta"]
        content = {word.lower() for word in line.words if len(word) > 2} - stops
        if content:
            own = Counter(word.lower() for word in line.words) if line.no in span.kept else Counter()
            found = sum(1 for word in content if body_words[word] > own[word])
            score += w["body_overlap"] * found / len(content)
        caps = sum(word[:1].isupper() for word in line.words) / max(1, line.n_words)
        score += w["title_case"] if caps >= 0.6 else 0.0
        if line.text.endswith("."):
            score += w["full_stop"]
        if line.n_words <= 2:
            score += w["one_or_two_words"]
        elif line.n_words <= 4:
            score += w["three_or_four_words"]
        if line.n_words > w["long_from"]:
            score += w["per_word_over"] * (line.n_words - w["long_from"])
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if nxt is not None and nxt.n_words > line.n_words and not nxt.heading and _eligible(nxt, cfg):
            score += w["deck_follows"]
        if k > start_index:
            score += w["inside_span"] + w["per_line_inside"] * (k - start_index)
        else:
            score += w["per_line_away"] * (start_index - k)
        if _DEBUG:
            print(f"{score:6.2f} {line.no:4d} {line.text[:90]}")
        if best is None or score > best[0]:
            best = (score, line, title, site)
    if best is None:
        return None
    _, line, title, site = best
    return Headline(title, line.no, site, line.raw)


def _repeats_in_page(title: str, page_lower: str) -> int:
    """How often the headline, or its URL slug, stands in the page's text."""
    words = [w.lower() for w in _WORDS.findall(title)]
    if len(words) < 3:
        return 0
    text = " ".join(words[:8])
    slug = "-".join(words[:6])
    found = page_lower.count(slug)
    if "  " not in text:
        found += len(re.findall(r"\W+".join(map(re.escape, words[:8])), page_lower)) if page_lower.count(words[0]) > 1 else 0
    return found


def _eligible(line: Line, cfg: dict) -> bool:
    if not line.words or line.image and line.n_words < 3:
        return False
    if not cfg["min_words"] <= line.n_words <= cfg["max_words"]:
        return False
    if line.link_density > 0.5 and not line.heading:
        return False
    if line.url or _BYLINE.match(line.text) or _CREDIT.search(line.text) or is_furniture_words(line):
        return False
    if _DATEISH.search(line.text) and line.n_words <= 6:
        return False
    if line.text.endswith((":", ",", ";")) or line.text[:1].islower():
        return False
    from .clean import match_furniture  # clean imports this module

    return match_furniture(line.text) is None


def split_site(text: str, counts: Counter[str] | None = None, all_keys: Sequence[str] = ()) -> tuple[str, str | None]:
    """``("Headline", "Site")`` from "Headline - Site" (or "Site | Headline") when the page bears it out.

    The part split off must be short, and the page must show it is not the
    headline's: the part stands on the page outside this line, or the rest stands
    alone as a line of its own.
    """
    cfg = _config()["headline"]
    parts = [p for p in _SEPARATOR.split(text) if p]
    if len(parts) < 2:
        return text, None
    counts = counts or Counter()
    for site, title in ((parts[-1], _before_last(text, parts[-1])), (parts[0], _after_first(text, parts[0]))):
        if not title or len(site.split()) > cfg["max_site_words"] or len(site) > cfg["max_site_chars"]:
            continue
        if len(title.split()) < 2:
            continue
        site_key, title_key = key(site), key(title)
        standalone = counts.get(title_key, 0) >= 1
        elsewhere = sum(1 for k in all_keys if site_key and site_key in k and k != key(text)) >= 1
        if standalone or elsewhere:
            return title, site
    return text, None


def _before_last(text: str, last: str) -> str:
    head = text[: text.rfind(last)]
    return _TRAILING_SEPARATOR.sub("", head).strip()


def _after_first(text: str, first: str) -> str:
    tail = text[len(first) :]
    return _LEADING_SEPARATOR.sub("", tail).strip()
