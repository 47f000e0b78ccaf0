"""Cleaning: from a seed's raw text to a structured, furniture-free document.

Each stripped line is first judged against the furniture rules of
``data/boilerplate.yml`` (:mod:`generator.extract.furniture_rules`); a dropped line is kept in ``CleanDoc.removed`` with
the rule that dropped it, so the archivist can audit every cut. The kept lines
are then given structure with the patterns of ``data/structure.yml``: title,
standfirst (summary), captions, bullet lists, date lines and paragraphs.

Indentation is never meaningful in a copied page (seed text often indents
paragraphs), so every line is stripped: no paragraph can turn into a Markdown
code block.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from generator.extract import body_doubt
from generator.extract.article_span import Span, find_article, is_date_line, is_meta_line, whole_article
from generator.extract.page_lines import Line
from generator.extract.dates import extract_date_spans
from generator.extract.furniture_rules import match_furniture
from generator.extract.headline import Headline, find_headline, no_headline_doubt
from generator.extract.required_texts import extract_required_texts, lower_for_required_texts
from generator.files.html import MAX_TITLE_CHARS
from generator.files.rules import load_rules
from generator.model import Block, CleanDoc, Doubt, Removed
from generator.text import normalise_key

# Characters that render as spaces or nothing and would defeat string matching.
_SPACES = {"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\t": " "}
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_INVISIBLE_TEXT = "".join(map(chr, _INVISIBLE))

_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.+?)\s*#*$")


@lru_cache(maxsize=1)
def _structure() -> dict[str, re.Pattern[str] | tuple[re.Pattern[str], ...]]:
    data = load_rules("structure")
    return {
        # one alternation: a line is searched once, not once per marker
        "captions": re.compile("|".join(f"(?:{p})" for p in data["caption_markers"]), re.IGNORECASE),
        "bullet": re.compile(data["bullet"]),
        "dateline": re.compile(data["dateline"]),
        "date_line": re.compile(data["date_line"], re.IGNORECASE),
        "sentence_end": re.compile(data["sentence_end"]),
        "head_date_zone": data["head_date_zone"],
    }


@lru_cache(maxsize=1)
def _caption_needs() -> frozenset[str] | None:
    return extract_required_texts(_structure()["captions"])  # type: ignore[arg-type]


def _is_caption_text(text: str) -> bool:
    """A caption marker stands in the text; the pattern runs only on a text holding one
    of the texts it needs (most paragraphs hold none)."""
    needs = _caption_needs()
    lower = lower_for_required_texts(text) if needs is not None else None
    if lower is not None and not any(map(lower.__contains__, needs)):  # type: ignore[arg-type]
        return False
    return bool(_structure()["captions"].search(text))  # type: ignore[union-attr]


def normalise_text(text: str) -> str:
    """Unify line ends, spaces and Unicode form; keep quotes and dashes as written."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    # rare; translate reads every character. Each one looked for with `in`, which scans a
    # page several times faster than a character-class search does.
    if any(char in text for char in _INVISIBLE_TEXT):
        text = text.translate(_INVISIBLE)
    for char, repl in _SPACES.items():
        text = text.replace(char, repl)
    return text


@dataclass
class _Unit:
    """A run of kept text being assembled into a block (mutable, local only)."""

    line_no: int
    text: str
    after_blank: bool


def clean_seed_text(text: str, *, extracted_article: bool = False) -> CleanDoc:
    """Clean one seed's text into structured blocks plus the record of what was cut
    (see :func:`clean_with_span`)."""
    return clean_with_span(text, extracted_article=extracted_article)[0]


def clean_with_span(text: str, *, extracted_article: bool = False) -> tuple[CleanDoc, Span]:
    """Clean one seed's text into structured blocks plus the record of what was cut;
    also the article's span as the cleaning left it (training reads its evidence).

    The article's span is found first (:mod:`generator.article_span`): lines outside
    it are removed with its reason; the furniture rules run as a second pass over the
    article and the lines near it (its headline, byline and furniture stand there).

    ``extracted_article``: the text is already an article, its headline on the first
    line (an HTML page read by ``files/html.py``: trafilatura found the article in the
    page's markup, which a text dump no longer has): every line is the span, and the
    first is the headline; the furniture rules still run.
    """
    lines = normalise_text(text).split("\n")
    span = whole_article(lines) if extracted_article else find_article(lines)
    # The furniture rules: a second pass over the article and the lines around it.
    units, removed, source_url = _split_furniture(span.marked_lines(len(lines), only_kept=True))
    furniture = frozenset(r.line_no for r in removed)
    if extracted_article and span.lines:
        # files/html.py puts the page's own headline on top; a page that states none starts
        # with its first paragraph, which is no headline
        first = span.lines[0]
        fits = len(first.text) <= MAX_TITLE_CHARS  # the bound files/html.py puts on a stated title
        headline: Headline | None = Headline(first.text, first.no, raw=first.raw) if fits else None
    else:
        headline = find_headline(span, text, furniture=furniture)
    if headline is not None:
        span = span.anchored(headline.line_no)
    span = span.trimmed()
    units, outside = span.split_units(units, headline.line_no if headline else None, furniture)
    removed.extend(Removed(no, line, rule) for no, line, rule in outside)
    units = _join_broken_sentences(units)
    units, repeats, keys = _drop_repeats(units)
    removed.extend(repeats)
    blocks = _structure_units(
        units, headline, no_title=bool(span.start) and headline is None, captions=span.captions, keys=keys
    )
    blocks, removed = _keep_head_dates(blocks, removed)
    dateline = _extract_dateline(blocks)
    # the body's doubt is fitted on page dumps: an article trafilatura found is no such page
    doubt = None if extracted_article else body_doubt.judge(body_doubt.evidence(span, _is_stamp))
    return CleanDoc(
        blocks=blocks,
        removed=tuple(sorted(removed, key=lambda r: r.line_no)),
        source_url=source_url,
        dateline=dateline,
        language=span.language,
        title_site=headline.site if headline else None,
        body_doubt=doubt,
        # an HTML page's title is its own markup's (files/html.py): the headline model did not judge it
        title_doubt=None if extracted_article else _title_doubt(headline, blocks),
    ), span


def _is_stamp(line: Line) -> bool:
    """A byline or time stamp ("name — date" heads every comment of a thread)."""
    return is_meta_line(line) or is_date_line(line)


def _title_doubt(headline: Headline | None, blocks: Sequence[Block]) -> Doubt | None:
    """How likely the title block is right: the headline model's calibrated doubt, or,
    for a title taken without a headline line (a heading, a first short line), a low one."""
    if headline is not None:
        return headline.doubt
    return no_headline_doubt() if any(b.kind == "title" for b in blocks) else None


def _split_furniture(lines: list[str]) -> tuple[list[_Unit], list[Removed], str | None]:
    units: list[_Unit] = []
    removed: list[Removed] = []
    source_url: str | None = None
    payload_left = 0
    blank_before = True
    labelled = False  # the last non-blank line was a URL's label
    for line_no, raw in enumerate(lines, start=1):
        line = " ".join(raw.split())
        if not line:
            blank_before = True
            continue
        if payload_left:
            payload_left -= 1
            removed.append(Removed(line_no, line, "widget-payload"))
            continue
        rule = match_furniture(line)
        after_label, labelled = labelled, False
        if rule is None:
            units.append(_Unit(line_no, line, blank_before))
            blank_before = False
            continue
        removed.append(Removed(line_no, line, rule.id))
        payload_left = rule.drop_next
        # The saver's own label ("Original url:") says whose URL it is: the URL it labels
        # wins over a bare URL line elsewhere; else the first bare URL line is taken.
        if rule.id == "source-url" and (source_url is None or after_label):
            source_url = line.strip("<>")
        elif rule.id == "source-url-labelled":
            source_url = line.split(None, 2)[-1].strip("<>")
        labelled = rule.id == "source-url-label"
    return units, removed, source_url


def _join_broken_sentences(units: list[_Unit]) -> list[_Unit]:
    """Join a paragraph that a stray line break cut mid-sentence."""
    ends = _structure()["sentence_end"]
    bullet = _structure()["bullet"]
    out: list[_Unit] = []
    for unit in units:
        prev = out[-1] if out else None
        if (
            prev is not None
            and unit.text[:1].islower()
            and not ends.search(prev.text)
            and not bullet.match(unit.text)
            and not _MARKDOWN_HEADING.match(prev.text)
        ):
            out[-1] = _Unit(prev.line_no, f"{prev.text} {unit.text}", prev.after_blank)
        else:
            out.append(unit)
    return out


def _drop_repeats(units: list[_Unit]) -> tuple[list[_Unit], list[Removed], list[str]]:
    """Keep a line printed twice in a row once; later repeats of earlier lines too.
    Also returned: the kept units' keys (:func:`normalise_key`).

    A standfirst repeated later as the body's opening is not a repeat to drop: it
    is recognised as the summary when structure is assigned.
    """
    kept: list[_Unit] = []
    kept_keys: list[str] = []
    removed: list[Removed] = []
    first: dict[str, int] = {}  # each key's first unit
    last_key = None  # the last kept unit's
    for index, unit in enumerate(units):
        key = normalise_key(unit.text)
        if key in first and (last_key == key or not _is_lead(first[key], index)):
            removed.append(Removed(unit.line_no, unit.text, "repeated-line"))
            continue
        first.setdefault(key, index)
        kept.append(unit)
        kept_keys.append(key)
        last_key = key
    return kept, removed, kept_keys


def _is_lead(first: int, index: int) -> bool:
    """True when the first copy of a line (unit ``first``) sat among the first lines (a
    standfirst) and this copy (unit ``index``) does not follow it at once."""
    return first <= 3 and index > first + 1


def _structure_units(
    units: list[_Unit],
    headline: Headline | None = None,
    no_title: bool = False,
    captions: frozenset[int] = frozenset(),
    keys: list[str] | None = None,
) -> tuple[Block, ...]:
    """The units as blocks; ``keys``: their :func:`normalise_key`, when known."""
    patterns = _structure()
    keys = list(keys) if keys is not None else []  # read once a standfirst is looked for (before the body only)
    blocks: list[Block] = [Block("title", headline.text, line_no=headline.line_no)] if headline else []
    bullet_items: list[str] = []
    bullet_line = 0
    have_title = headline is not None or no_title  # no_title: the page was read and has no headline line
    seen_body = False

    def flush_bullets() -> None:
        nonlocal bullet_items
        if bullet_items:
            blocks.append(Block("bullets", items=tuple(bullet_items), line_no=bullet_line))
            bullet_items = []

    for index, unit in enumerate(units):
        text = unit.text
        bullet = patterns["bullet"].match(text)
        if bullet and patterns["date_line"].match(bullet.group("item")):
            # "* 24 July 2015": a date set as a list item is the page's date line, not a highlight
            flush_bullets()
            blocks.append(Block("meta", bullet.group("item"), line_no=unit.line_no))
            continue
        if bullet:
            if not bullet_items:
                bullet_line = unit.line_no
            bullet_items.append(bullet.group("item"))
            continue
        flush_bullets()
        heading = _MARKDOWN_HEADING.match(text)
        if heading and not have_title:
            blocks.append(Block("title", heading.group("text"), line_no=unit.line_no))
            have_title = True
        elif heading:
            blocks.append(Block("heading", heading.group("text"), line_no=unit.line_no))
        elif patterns["date_line"].match(text):
            blocks.append(Block("meta", text, line_no=unit.line_no))
        elif unit.line_no in captions or _is_caption_text(text):
            blocks.append(Block("caption", text, line_no=unit.line_no))
        elif not have_title and not seen_body and len(text) <= 200:
            blocks.append(Block("title", text, line_no=unit.line_no))
            have_title = True
        elif not seen_body and _is_standfirst(text, *_keys_from(keys, units, index), patterns):
            blocks.append(Block("summary", text, line_no=unit.line_no))
            seen_body = True
        else:
            blocks.append(Block("paragraph", text, line_no=unit.line_no))
            seen_body = True
    flush_bullets()
    return tuple(blocks)


def _keys_from(keys: list[str], units: list[_Unit], index: int) -> tuple[str, list[str]]:
    """Unit ``index``'s key and those of the units after it (``keys`` filled on first use)."""
    if not keys:
        keys.extend(normalise_key(u.text) for u in units)
    return keys[index], keys[index + 1 :]


def _is_standfirst(text: str, key: str, later_keys: list[str], patterns: dict) -> bool:
    """A lead line that opens a later paragraph, or a short lead without closing punctuation."""
    if not later_keys:
        return False
    if any(later.startswith(key) for later in later_keys):
        return True
    return 30 <= len(text) <= 300 and not patterns["sentence_end"].search(text)


def _extract_dateline(blocks: tuple[Block, ...]) -> str | None:
    """The place a first paragraph opens with ("Moscow: ..."), or ``None``."""
    first = next((b for b in blocks if b.kind == "paragraph"), None)
    if first is None:
        return None
    match = _structure()["dateline"].match(first.text)
    if not match:
        return None
    place = match.group("place").strip()
    return place.title() if place.isupper() else place


def _keep_head_dates(blocks: tuple[Block, ...], removed: list[Removed]) -> tuple[tuple[Block, ...], list[Removed]]:
    """Short dated lines around the headline, dropped as not the article's prose
    ("Dan Goodin - Apr 16, 2015 8:02 pm UTC", "· Posted on 3 Oct 2016", "Thu 3 Jan
    2019 02.00 EST"), kept as ``meta`` blocks: not body, but the article's own date
    evidence, which the date extractor weighs by its label and its distance to the byline.

    Only a few lines above the headline (further up is the site's masthead: the day
    the page was saved) and a screen below it (further down are related stories).
    """
    titles = [b for b in blocks if b.kind == "title"]
    if not titles:
        return blocks, removed
    zone = _structure()["head_date_zone"]
    top = titles[0].line_no - zone["max_lines_above_headline"]
    bottom = titles[0].line_no + zone["max_lines_below_headline"]
    kept = [
        r
        for r in removed
        if top <= r.line_no <= bottom
        and len(r.text) <= zone["max_chars"]
        and r.rule not in zone["never_rules"]
        and _DATE_HINT.search(r.text)
        and extract_date_spans(r.text)
    ]
    if not kept:
        return blocks, removed
    meta = [Block("meta", r.text, line_no=r.line_no) for r in kept]
    return tuple(sorted((*blocks, *meta), key=lambda b: b.line_no)), [r for r in removed if r not in kept]


# A line can hold a date only if it has a digit: most lines are passed over unparsed.
_DATE_HINT = re.compile(r"\d")
