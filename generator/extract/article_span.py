"""Finding the article in a page dump: which lines are the story, which are the page.

A seed is often a whole web page as a scraper left it (plain text or html2text's
Markdown): menus, share bars, related headlines and comments around the article.
The method, all of it pure functions over the page's lines:

1. :func:`~generator.extract.page_lines.read_lines` turns each line into plain text (a Markdown link keeps its
   text, an image is dropped unless its line also carries words) and measures it:
   words, share of function words, share of characters inside links, digits,
   sentence punctuation, words that are furniture on every site.
2. :func:`score_line` gives each line a score: positive for prose (about its
   length in words), negative for navigation, link lists, images and labels.
3. :func:`best_span` takes the contiguous run of lines with the largest total score (a
   maximum-sum subarray), ended where the running score falls far below its best; its
   start is moved below a byline over a menu of teasers, then (:func:`decide`) the line
   model (:mod:`generator.extract.line_model`, fitted weights) cuts a tail of it that reads
   as page and drops the lines inside it that are not the article's (comments, teasers,
   sign-up boxes); the start moves to the headline (:mod:`generator.extract.headline`).
4. Before the article's first paragraph, bylines, time stamps, credits and labels
   go; a standfirst or highlights list between headline and article stays.
5. Inside the span, a non-prose line is kept when it reads like a subheading or
   bullet between prose lines and dropped when it is links, an image or furniture
   (jusText's idea: short lines are judged by their neighbours); a heading that heads
   no text (a share box's "Share this article", "Copied!") goes too.

Thresholds and weights are data, each with its reason: ``data/article_span.yml``.
The language of the article (:mod:`generator.extract.page_language`) picks the function-word list
(``data/stopwords.yml``); a language without one is judged without that feature.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import filterfalse
from typing import Sequence, TypeVar

from generator.extract import line_model
from generator.extract.page_language import detect_language, function_words
from generator.extract.page_lines import WORD, Line, read_lines
from generator.files.rules import load_rules

T = TypeVar("T")

_DIGIT = re.compile(r"\d")
_ALNUM = re.compile(r"[^\W_]")
_CODE = re.compile(r"[;{}(,]\s*$|^\s*[{}()\]]|\w\(.*\)|^(//|#|/\*)|\s=\s|==|=>|->|[a-z]_[a-z]|[│┼|]")
# A sentence's end: closing punctuation at the line's end, or between a word and a capital.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$|[^\W\d_]{2}[.!?…][\"'”’)\]]*\s+[\"“‘(]?[A-Z]")


# --- scoring ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def span_rules() -> dict:
    """``data/article_span.yml`` with its patterns compiled: the span's and the headline's thresholds."""
    data = load_rules("article_span")
    data["_furniture"] = frozenset(data["furniture_words"])
    # a line that is only a date (structure.yml): page metadata the cleaner keeps as
    # "meta" (evidence for the date extractor), never body
    data["_date_line"] = re.compile(load_rules("structure")["date_line"], re.IGNORECASE)
    data["_meta"] = re.compile("|".join(f"(?:{p})" for p in data["meta_lines"]), re.IGNORECASE)
    return data


def stopword_share(line: Line, stops: frozenset[str] | None) -> float | None:
    if stops is None or not line.words:
        return None
    return sum(map(stops.__contains__, line.lower)) / line.n_words


def is_furniture_words(line: Line, stops: frozenset[str] | None = None) -> bool:
    """A short line made only of words that are furniture on every site (and function words)."""
    cfg = span_rules()
    if not line.words:
        return False
    stops = stops if stops is not None else function_words()["en"]
    furniture = cfg["_furniture"]
    lowered = line.lower
    if ":" in line.text:  # "Share all sharing options for: <headline>": a label and its payload
        label = WORD.findall(line.text.split(":", 1)[0].lower())
        if len(label) >= 2 and all(w in furniture or w in stops for w in label) and any(w in furniture for w in label):
            return True
    if line.n_words > cfg["furniture_line_max_words"]:
        return False
    content = list(filterfalse(stops.__contains__, lowered))  # the words that are not function words
    hits = sum(map(furniture.__contains__, content))
    if len(content) >= 5:  # a row of buttons may name a network the list lacks
        return hits >= cfg["furniture_row_share"] * len(content)
    return hits > 0 and hits == len(content)


def is_prose(line: Line, stops: frozenset[str] | None) -> bool:
    """A line that reads like a sentence of running text."""
    cfg = span_rules()["prose"]
    if line.n_words < cfg["min_words"] or line.link_density > cfg["max_link_density"]:
        return False
    share = stopword_share(line, stops)
    if share is not None and share < cfg["min_stopword_share"]:
        return False
    digits = len(_DIGIT.findall(line.text))
    if digits / max(1, len(line.text)) > cfg["max_digit_share"]:
        return False
    # A sentence ends with punctuation, or is long enough to be one regardless.
    return line.n_words >= 2 * cfg["min_words"] or bool(_SENTENCE_END.search(line.text))


def score_line(line: Line, stops: frozenset[str] | None, english: bool = True) -> tuple[float, str]:
    """How much a line reads like article prose, and (when negative) why not.

    ``english``: the furniture words (English) are asked only of English pages."""
    s = span_rules()["scores"]
    if not line.text:
        return (s["image_line"], "image") if line.image else (s["non_prose"], "not-prose")
    if line.link_density > span_rules()["prose"]["max_link_density"]:
        return s["link_line"] + s["link_per_word"] * line.n_words, "link-list"
    if english and is_furniture_words(line, stops):
        return s["furniture_line"], "not-prose"
    if line.url and line.n_words < 8:
        return s["non_prose"], "not-prose"
    if line.n_words <= 1:
        # figures of a chart, a table's numbers: data, not navigation
        return s["data_line"], "data"
    if is_prose(line, stops):
        return min(s["max_line"], s["per_word"] * line.n_words), ""
    if _CODE.search(line.text):  # a line of code or of a table
        return s["data_line"], "data"
    if line.n_words >= 4 and (stopword_share(line, stops) or 0) >= 0.1:
        if line.image:
            return s["image_line"], ""
        return (s["short_prose"] if _SENTENCE_END.search(line.text) else s["short_unpunctuated"]), ""
    return s["non_prose"], "not-prose"


def is_date_line(line: Line) -> bool:
    """A line that is only a date: the page's date, kept as metadata."""
    return line.n_words <= 8 and bool(span_rules()["_date_line"].match(line.text))


def is_meta_line(line: Line) -> bool:
    """A byline, a time stamp, a photo credit: about the article, not of it."""
    cfg = span_rules()
    if line.n_words > cfg["meta_max_words"] or (line.n_words >= 8 and line.text.endswith(".")):
        return False
    return _is_meta_text(line.text)


@lru_cache(maxsize=8192)
def _is_meta_text(text: str) -> bool:
    # asked of the same short lines by the span, the headline and the trimming: once each
    return bool(span_rules()["_meta"].search(text))


def _lead_worthy(line: Line, score: float) -> bool:
    """A line that may open the article: prose, a whole sentence (a standfirst full
    of names has few function words) or a bullet, never a byline or time stamp."""
    if line.n_words < span_rules()["prose"]["lead_min_words"] or is_meta_line(line):
        return False
    # a highlights list ("Story highlights" bullets) is a standfirst too
    return score > 0 or ((line.bullet or bool(_SENTENCE_END.search(line.text))) and not is_furniture_words(line))


def _is_label(line: Line) -> bool:
    """A name or label line: a few words, no sentence punctuation, no heading mark."""
    return (
        not line.heading
        and line.n_words <= span_rules()["label_max_words"]
        and not _SENTENCE_END.search(line.text)
    )


def is_furniture_line(text: str) -> bool:
    """True for a line that is page furniture whatever the page: links, furniture words,
    bylines, time stamps, credits, no words."""
    lines = read_lines([text])
    return not lines or is_furniture_read(lines[0])


def is_furniture_read(line: Line) -> bool:
    """:func:`is_furniture_line` of a line already read."""
    if not line.words:
        return True
    return (
        line.link_density > span_rules()["prose"]["max_link_density"] or is_furniture_words(line) or is_meta_line(line)
    )


# --- the span -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """What :func:`find_article` found in a page."""

    lines: tuple[Line, ...]  # every non-blank line, read
    kept: frozenset[int]  # line numbers of the article
    reasons: dict[int, str]  # line number -> why it was dropped
    start: int  # first and last line numbers of the span (0 when none)
    end: int
    language: str | None = None
    scores: tuple[float, ...] = ()  # each line's prose score, in the order of ``lines``
    odds: tuple[float, ...] = ()  # each line's log-odds of being the article's (the line model)
    extracted: bool = False  # the text is an article already (:func:`whole_article`), not a page

    @property
    def captions(self) -> frozenset[int]:
        """Numbers of the article's image lines that carry words of their own: captions
        (an image line without them is dropped)."""
        return frozenset(
            ln.no for ln in self.lines if ln.image and ln.text and ln.no in self.kept and ln.link_density <= 0.5
        )

    def anchored(self, headline_no: int) -> "Span":
        """The span starting after its headline, when the headline stands inside it:
        what came before the headline is another story's (a teaser, a neighbour)."""
        if self.start and headline_no < self.start:
            return self._with_lead(headline_no)
        if not self.start or not self.start <= headline_no <= self.end:
            return self
        before = sum(v for ln, v in zip(self.lines, self.scores) if self.start <= ln.no < headline_no and v > 0)
        after = sum(v for ln, v in zip(self.lines, self.scores) if headline_no < ln.no <= self.end and v > 0)
        if before > span_rules()["span"]["max_prose_before_headline"] * after:
            return self  # much of the article before it: the "headline" is a subheading
        reasons = dict(self.reasons)
        for line in self.lines:
            if line.no < headline_no and line.no >= self.start:
                reasons[line.no] = "before-article"
        first = next((ln.no for ln in self.lines if ln.no > headline_no), self.end)
        # the headline is the title, not the article's first line (so not its lead either)
        kept = frozenset(no for no in self.kept if no not in reasons and no != headline_no)
        return replace(self, kept=kept, reasons=reasons, start=first)

    def _with_lead(self, headline_no: int) -> "Span":
        """Keep the prose lines between the headline and the span (a standfirst)."""
        lead = [
            line.no
            for line, score in zip(self.lines, self.scores)
            if headline_no < line.no < self.start
            and (_lead_worthy(line, score) or is_date_line(line))
            and not line.link_chars
            and not line.image
            and not is_meta_line(line)
        ]
        if not lead:
            return self
        reasons = {no: why for no, why in self.reasons.items() if no not in lead}
        return replace(self, kept=self.kept | frozenset(lead), reasons=reasons)

    def trimmed(self) -> "Span":
        """The span without the bylines, time stamps, credits and labels before its
        first paragraph: an article opens with its lead (or standfirst). In an
        :attr:`extracted` article only bylines, stamps and credits go (web2 HTML:
        must-have snippets in +3%, must-not-have out -1%: the short lines are its own)."""
        if not self.start:
            return self
        reasons = dict(self.reasons)
        prose_seen = 0
        for line, score in zip(self.lines, self.scores):
            if line.no not in self.kept:
                continue
            lead_worthy = _lead_worthy(line, score)
            if lead_worthy and (score > 0 or _SENTENCE_END.search(line.text)):
                prose_seen += 1
                if prose_seen >= 2:
                    break  # the article is under way
                continue
            if is_date_line(line):
                continue  # kept as the page's date (a "meta" block), not as body
            label = not lead_worthy or is_furniture_words(line) or _is_label(line)
            if is_meta_line(line) or (label and not self.extracted):
                reasons[line.no] = "before-article" if not prose_seen else "not-prose"
        if len(reasons) == len(self.reasons):
            return self
        kept = frozenset(no for no in self.kept if no not in reasons)
        if not kept:
            return self
        return replace(self, kept=kept, reasons=reasons)

    def near_range(self) -> tuple[int, int]:
        """First and last line numbers of the article and the lines around it where its
        headline, byline and furniture stand (``headline.window_before`` non-blank lines
        each side); the whole page when no article was found."""
        if not self.start or not self.lines:
            return 0, 1 << 30
        window = span_rules()["headline"]["window_before"]
        first = next((k for k, ln in enumerate(self.lines) if ln.no >= self.start), 0)
        last = next((k for k in range(len(self.lines) - 1, -1, -1) if self.lines[k].no <= self.end), len(self.lines) - 1)
        return self.lines[max(0, first - window)].no, self.lines[min(len(self.lines) - 1, last + window)].no

    def marked_lines(self, n_lines: int, only_kept: bool = False) -> list[str]:
        """The page's ``n_lines`` lines as plain text, headings and bullets marked the
        Markdown way ("# ", "* "), blank where nothing is left (an image).

        ``only_kept``: blank too the lines far from the article (see :meth:`near_range`),
        but for those naming a URL (the page's own address is evidence wherever it stands)."""
        out = [""] * n_lines
        lo, hi = self.near_range()
        for line in self.lines:
            if only_kept and not lo <= line.no <= hi and not line.url:
                continue
            if line.text:
                mark = "#" * line.heading + " " if line.heading else ("* " if line.bullet else "")
                out[line.no - 1] = mark + line.text
        return out

    def split_units(
        self, units: list[T], headline_no: int | None = None, recorded: frozenset[int] = frozenset()
    ) -> tuple[list[T], list[tuple[int, str, str]]]:
        """The units (anything with ``line_no`` and ``text``) inside the article, and
        ``(line_no, text, reason)`` for those outside it and for dropped lines that
        left no unit (an image) and are not ``recorded`` already (by a furniture rule).
        The headline's line is in neither: it is the title."""
        kept: list[T] = []
        seen = set()
        outside: list[tuple[int, str, str]] = []
        for unit in units:
            no = unit.line_no  # type: ignore[attr-defined]
            seen.add(no)
            if no == headline_no:
                continue
            if no in self.kept:
                kept.append(unit)
            else:
                outside.append((no, unit.text, self.reasons.get(no, "not-prose")))  # type: ignore[attr-defined]
        for line in self.lines:
            if line.no not in seen and line.no not in recorded and line.no in self.reasons:
                outside.append((line.no, line.text or line.raw, self.reasons[line.no]))
        return kept, outside


def _max_subarray(scores: Sequence[float]) -> tuple[int, int, float]:
    """Indices ``[i, j]`` (inclusive) of the contiguous run with the largest sum."""
    best = (0, -1, 0.0)
    start = 0
    total = 0.0
    for i, value in enumerate(scores):
        if total <= 0:
            start, total = i, value
        else:
            total += value
        if total > best[2]:
            best = (start, i, total)
    return best


def _bounded_end(scores: Sequence[float], i: int, j: int, max_drawdown: float) -> int:
    """The end of the best run from ``i`` that never falls more than ``max_drawdown``
    below its best total: a long stretch of furniture ends the article even when
    prose (comments, a gallery, another story) follows it."""
    total = best = 0.0
    end = i
    for k in range(i, j + 1):
        total += scores[k]
        if total > best:
            best, end = total, k
        elif best - total > max_drawdown:
            break
    return end


def best_span(lines: Sequence[Line], scores: Sequence[float]) -> tuple[int, int]:
    """Indices (into ``lines``, inclusive) of the article's span; ``(0, -1)`` when none."""
    i, j, _ = _max_subarray(scores)
    if j < i:
        return 0, -1
    # Not Kadane's end: comments, a gallery or the next story after a long stretch
    # of furniture would join the article whenever their prose outweighs the stretch.
    # (Cutting at "Comments" / "Related stories" markers was tried and lost more
    # articles than it saved: such boxes stand inside articles too.)
    j = _bounded_end(scores, i, j, span_rules()["span"]["max_drawdown"])
    return i, j


@dataclass(frozen=True)
class PageReading:
    """A page's lines read and scored by the rules: what the line model is fed."""

    lines: tuple[Line, ...]
    language: str | None
    stops: frozenset[str] | None
    english: bool
    scored: tuple[tuple[float, str], ...]
    rule_span: tuple[int, int]  # the rules' best span (indices, inclusive); (0, -1) when none

    @property
    def scores(self) -> list[float]:
        return [s for s, _ in self.scored]

    def rows(self) -> list[list[float]]:
        """The line model's features of every line."""
        stops = self.stops if self.stops is not None else line_model.fallback_stopwords(self.language)
        return line_model.features(
            self.lines, self.scores, self.rule_span, stops, self.english, is_meta_line, is_furniture_words
        )


def read_page(page_lines: Sequence[str], language: str | None = None) -> PageReading:
    """The page's lines read, its language found, each line scored by the rules."""
    lines = read_lines(page_lines)
    if language is None:
        language = detect_language(lines)
    stops = function_words().get(language or "en")
    english = language in (None, "en")  # English-only evidence is skipped on other languages
    scored = tuple(score_line(line, stops, english) for line in lines)
    rule_span = best_span(lines, [s for s, _ in scored])
    return PageReading(tuple(lines), language, stops, english, scored, rule_span)


def find_article(page_lines: Sequence[str], language: str | None = None, model: dict | None = None) -> Span:
    """The article's lines in a page dump, with a reason for every other line.

    ``page_lines`` are the page's lines (blank ones included, for numbering).
    Reasons: ``before-article``, ``after-article``, ``link-list``, ``image``,
    ``not-prose``, ``not-article`` (the line model's). ``model``: the line model's
    weights and settings (those of ``data/span_model.yml`` unless given).
    """
    page = read_page(page_lines, language)
    lines, scores, language = page.lines, page.scores, page.language
    rule = rule_span(page)
    if rule is None:
        return Span(lines, frozenset(ln.no for ln in lines), {}, 0, 0, language, tuple(scores))
    m = model or line_model.model()
    z = line_model.log_odds(page.rows(), [m["weights"][n] for n in line_model.FEATURES], m["weights"]["bias"])
    i, j, reasons = decide(page, rule, z, m["decoder"])
    kept = frozenset(ln.no for ln in lines if ln.no not in reasons)
    return Span(lines, kept, reasons, lines[i].no, lines[j].no, language, tuple(scores), tuple(z))


def whole_article(page_lines: Sequence[str]) -> Span:
    """A text that is already an article (an HTML page's, as trafilatura found it in the
    markup): every line is the span, read as :func:`find_article` reads a page (language,
    prose scores), without its search for the article (nor the line model's odds)."""
    page = read_page(page_lines)
    lines = page.lines
    bounds = (lines[0].no, lines[-1].no) if lines else (0, 0)
    kept = frozenset(ln.no for ln in lines)
    return Span(lines, kept, {}, *bounds, page.language, tuple(page.scores), extracted=True)


def rule_span(page: PageReading) -> tuple[int, int] | None:
    """The rules' span (indices, inclusive): the best run of rule scores, its start moved
    to a byline over a menu of teasers and back over a standfirst; ``None`` when the
    page has too little prose to tell article from page."""
    scores = page.scores
    i, j = page.rule_span
    if j < i or sum(v for v in scores[i : j + 1] if v > 0) < span_rules()["span"]["min_article_score"]:
        return None
    i = _start_at_anchor(page.lines, scores, i, j)
    return _extend_to_lead(page.lines, scores, i, page.stops), j


def decide(page: PageReading, rule: tuple[int, int], z: Sequence[float], decoder: dict) -> tuple[int, int, dict[int, str]]:
    """The article's span ``(i, j)`` and the reasons of the lines left out: the rules'
    span less a tail the model finds more page than article (:func:`line_model.trim_end`),
    the lines inside it the model rejects (log-odds below ``drop_below``) and the rules'
    interruptions."""
    lines = page.lines
    i, j = rule
    if decoder["trim_offset"] is not None:
        j = line_model.trim_end(z, i, j, decoder["trim_offset"])
    reasons: dict[int, str] = {}
    for k, line in enumerate(lines):
        if k < i:
            reasons[line.no] = "before-article"
        elif k > j:
            reasons[line.no] = "after-article"
        elif z[k] < decoder["drop_below"]:
            reasons[line.no] = "not-article"
    rescue = decoder.get("keep_above")
    index = {line.no: k for k, line in enumerate(lines)} if rescue is not None else {}
    for no, why in _interruptions(lines, page.scored, i, j).items():
        if rescue is not None and z[index[no]] > rescue and why not in ("image", "link-list"):
            continue  # the model reads it as the article's (a list entry, a short quote)
        reasons.setdefault(no, why)
    return i, j, reasons


def _start_at_anchor(lines: Sequence[Line], scores: Sequence[float], i: int, j: int) -> int:
    """The span's start moved below a byline or time stamp inside it when what stands
    before that is weak (no paragraph, little prose beside what follows): a menu of
    teasers or a list of other stories the maximum-sum run took in."""
    cfg = span_rules()["span"]
    before = 0.0
    n_before = 0  # lines of prose before: a headline and its standfirst are two, a list more
    after = sum(v for v in scores[i : j + 1] if v > 0)
    best = i
    for k in range(i, j + 1):
        v = scores[k]
        if v > cfg["anchor_max_line_before"]:
            break  # a paragraph: the article is under way
        if v > 0:
            before += v
            after -= v
            n_before += 1
        if (
            n_before >= cfg["anchor_min_lines_before"]
            and before <= cfg["anchor_max_prose_before"] * after
            and (is_meta_line(lines[k]) or is_date_line(lines[k]))
        ):
            best = k + 1
    return best


def _extend_to_lead(lines: Sequence[Line], scores: Sequence[float], i: int, stops: frozenset[str] | None) -> int:
    """Move the span's start back over a standfirst and subheading just before it."""
    k = i - 1
    while k >= 0:
        line = lines[k]
        if line.link_density > 0.3 or line.image or not line.words:
            break
        if scores[k] > 0 and line.n_words >= 4:
            i = k
            k -= 1
            continue
        break
    return i


def _interruptions(lines: Sequence[Line], scored: Sequence[tuple[float, str]], i: int, j: int) -> dict[int, str]:
    """Reasons for dropping non-prose lines inside the span ``[i, j]``."""
    cfg = span_rules()["interruptions"]
    out: dict[int, str] = {}
    for k in range(i, j + 1):
        score, reason = scored[k]
        line = lines[k]
        if is_date_line(line):
            continue
        if is_meta_line(line):
            out[line.no] = "not-prose"
            continue
        if line.heading and score <= 0 and not _heads_text(lines, scored, k, j, cfg["heading_max_gap"]):
            out[line.no] = "not-prose"  # a heading over no text: a share or newsletter box's label
            continue
        if reason == "data" and not _ALNUM.search(line.text):
            out[line.no] = "not-prose"  # a lone bullet mark or rule ("*", "+"): nothing to read
            continue
        if score >= 0 or not reason or reason == "data":
            continue  # prose, or a line of a table, chart or code inside the article: kept
        if reason in ("link-list", "image"):
            # a bullet list of links inside an article is the article's when prose surrounds it
            out[line.no] = reason
            continue
        if line.heading and line.n_words <= cfg["subheading_max_words"] and not is_furniture_words(line):
            continue  # a subheading
        if (
            reason == "not-prose"
            and 1 <= line.n_words <= cfg["subheading_max_words"]
            and not is_furniture_words(line)
            and not line.url
            and _between_prose(scored, k, i, j)
        ):
            continue  # a subheading or list entry between paragraphs
        out[line.no] = reason
    return out


def _heads_text(lines: Sequence[Line], scored: Sequence[tuple[float, str]], k: int, j: int, max_gap: int) -> bool:
    """True when text follows the heading at ``k`` within ``max_gap`` lines (images and
    empty lines aside): prose, a list entry or a table's line. A heading over another
    label, a button or a mark ("Share this article", "Copied!") heads no text."""
    gap = 0
    for n in range(k + 1, j + 1):
        line = lines[n]
        if not line.text:
            continue  # an image or an empty link between a heading and its text
        score, reason = scored[n]
        if score > 0 or (not line.heading and line.words and (line.bullet or reason == "data")):
            return True
        gap += 1
        if gap > max_gap:
            return False
    return False


def _between_prose(scored: Sequence[tuple[float, str]], k: int, i: int, j: int) -> bool:
    before = next((scored[n][0] for n in range(k - 1, i - 1, -1) if scored[n][1] != "not-prose" or scored[n][0] > 0), None)
    after = next((scored[n][0] for n in range(k + 1, j + 1) if scored[n][1] != "not-prose" or scored[n][0] > 0), None)
    return before is not None and after is not None and before > 0 and after > 0
