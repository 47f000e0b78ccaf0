"""The article's headline in a page dump, and the site's name split off it.

Candidates are the short lines near the start of the article's span (see
:mod:`generator.article_span`): up to ``headline.window_before`` non-blank lines
before it and ``headline.look_inside`` into it (further up, to ``headline.anchor_window``,
only a level-1 heading or a line over a byline). Furniture-rule lines, bylines,
time stamps, credits, link lists and paragraphs' sentences are never candidates.
Each candidate's evidence (heading level, repetition on the page and in its URL
slugs and alt texts, title case, words shared with the article, a byline or time
stamp below it with at most a standfirst between, being the nearest candidate above
that byline (a bare date line counts as one), a photo credit below it (a caption),
a heading right above it (then it is that heading's standfirst), an echo in a breadcrumb
or ``<title>`` line, naming the page's copyright owner (the site), distance to the
article, menu separators ...) is weighed by a linear
model kept as data (``data/headline_model.yml``, rebuilt by
:mod:`generator.train_headline`); the best candidate wins.

A trailing part after a separator (" - ", " | ", " — "), or a leading part before
a bar ("Section | Headline"), is split off as the site's (or section's) name when
the page bears it out: the part stands on the page in a short line of its own, or
the rest stands alone as a line. The part is kept (``Headline.site``): evidence of
the outlet.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import chain
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Sequence

from generator.extract.article_span import (
    Line,
    Span,
    span_rules,
    is_date_line,
    is_furniture_words,
    is_meta_line,
)
from generator.extract.furniture_rules import match_furniture
from generator.extract.page_language import function_words
from generator.extract.headline_features import calibrated, calibration_inputs, confidence_inputs, doubt_reason, page_features, split_parts, variants
from generator.extract.outlets.sites import is_bare_domain
from generator.extract.required_texts import extract_required_texts, lower_for_required_texts
from generator.files.rules import load_rules
from generator.model import Doubt

_SEPARATOR = re.compile(r"\s+(?:[-|–—·•:]{1,2}|::)\s+|\s*\|\s*")
_TRAILING_SEPARATOR = re.compile(r"(?:\s+(?:[-|–—·•:]{1,2}|::)|\s*\|)\s*$")
_LEADING_SEPARATOR = re.compile(r"^\s*(?:(?:[-|–—·•:]{1,2}|::)\s+|\|\s*)")
_PIPE_AFTER_FIRST = re.compile(r"\s*\|")
_BYLINE = re.compile(r"^(by|written by|posted by|photo|image|credit)\b", re.IGNORECASE)
_DATEISH = re.compile(
    r"\b(\d{1,2}:\d{2}|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2})\b", re.IGNORECASE
)
_NON_WORD = re.compile(r"\W+")
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b", re.IGNORECASE)
# "Fantastic Beasts : A Nice Place": a space an inline element left before a colon,
# comma or semicolon (English sets none; French sets one before a colon: English pages only)
_SPACE_BEFORE_MARK = re.compile(r"(?<=\w)\s+([:;,])(?=\s)")
_NAV_SEPARATOR = re.compile(r"\s[·|→»>/•]\s")
_WORDS = re.compile(r"\w+")
_KEY_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# A photo credit ("GETTY IMAGES", "[Photo: Name/iStock]", "(Credit: AP/...)"): never a headline.
_CREDIT = re.compile(r"\b(getty|images?|photo|photograph|credit|istock|shutterstock|reuters|afp|ap)\b.*[/:]|^[^/]{0,40}/[^/]{0,40}$|getty images|\bcredit:", re.IGNORECASE)
# A byline's label on a line of its own, the names on the next ("By", "Author:", "Words by"):
# a text dump splits "By <a>Name</a>" so.
_BYLINE_LABEL = re.compile(r"^(?:(?:written|posted|reported|story|words)\s+)?by\s*:?$|^authors?\s*:?$", re.IGNORECASE)
# An image's credit or caption control ("Photo by X", "Chuck Burton/AP", "hide caption"):
# the line before it is a caption, not a headline, even though it is a meta line.
_CAPTION_MARK = re.compile(
    r"^(photo|photograph|photography|illustration|image|video|graphic|credit|courtesy|source)s?( by|:)|\bcaption$"
    # a player's label and running time ("VIDEO 3:49 03:49"): the line after it is the clip's title
    r"|^(video|audio|watch|play)\b\W*(\d{1,2}:)?\d{1,2}:\d{2}\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Headline:
    """The headline found, the line it stands on, and the part split off it."""

    text: str
    line_no: int
    site: str | None = None  # "BBC News" of "... - BBC News": evidence of the outlet
    raw: str = ""  # the line as it stood
    doubt: Doubt | None = None  # how likely it is right (calibrated), and why it may not be


@lru_cache(maxsize=8192)
def key(text: str) -> str:
    """The words of a text, case-folded: what two printings of a headline share
    (a typographic apostrophe and a straight one are one: "Let’s", "Let's")."""
    return " ".join(_KEY_WORDS.findall(text.casefold())).replace("’", "'")


def _line_key(line: Line) -> str:
    return " ".join(line.lower).replace("’", "'")  # as key() folds it


@dataclass(frozen=True)
class Candidate:
    """A line that may be the headline, with the evidence for it."""

    line: Line
    title: str  # the line's text with the site part split off
    site: str | None
    features: dict[str, float]


def candidates(span: Span, page: str = "", furniture: frozenset[int] | None = None) -> list[Candidate]:
    """The lines near the article's start that may be its headline, with their features.

    ``page`` is the page's whole text: a headline is repeated in its meta places
    (the ``<title>``, an image's alt text, the URL slug of share links), so how
    often a candidate stands in it is evidence. ``furniture``: numbers of the lines
    the furniture rules dropped (never candidates); ``None``: the rules are asked here.
    """
    cfg = span_rules()["headline"]
    lines = span.lines
    if not lines:
        return []
    start_index = next((k for k, ln in enumerate(lines) if ln.no >= span.start), 0) if span.start else 0
    lo = max(0, start_index - cfg["window_before"])
    hi = min(len(lines), start_index + cfg["look_inside"] + 1)
    near = lines[max(0, lo - cfg["window_before"]) : hi + cfg["window_before"]]
    longest = cfg["max_words"] * 2
    counts = Counter([_line_key(ln) for ln in near if ln.n_words <= longest])
    all_keys = list(counts)
    joined_keys = "\n" + "\n".join(all_keys) + "\n"  # one string to look for a key's echoes in
    page_lower = page.lower()
    first_parts = frozenset(key(part) for part in split_parts(lines[0].text)) - {""}  # the <title> line's parts
    # the site's own name: what its copyright notice names ("© 2022 The New Republic")
    owners = [key(ln.text) for ln in lines if _names_copyright(ln.text)]
    stops = function_words().get(span.language or "en", function_words()["en"])
    kept = span.kept
    body_words = Counter(
        chain.from_iterable(ln.lower for ln in lines[start_index : start_index + cfg["body_lines"]] if ln.no in kept)
    )
    furniture_words = span_rules()["_furniture"]
    memo: dict[int, bool] = {}

    def meta(n: int) -> bool:
        if n not in memo:
            # a bare date ("December 19, 2016") stands where a byline or time stamp does
            memo[n] = is_meta_line(lines[n]) or is_date_line(lines[n])
        return memo[n]

    def credit(n: int) -> bool:
        return _is_credit(lines[n].text)

    bylines: dict[int, bool] = {}  # asked of each line below every candidate above it: once each

    def byline(n: int) -> bool:  # a byline or time stamp, not an image's credit
        if n not in bylines:
            bylines[n] = (meta(n) and not credit(n)) or bool(_BYLINE_LABEL.match(lines[n].text))
        return bylines[n]

    english = (span.language or "en") == "en"
    check_rules = furniture is None  # the caller did not run the furniture rules: ask them here
    furniture = furniture or frozenset()
    reach = cfg["byline_reach"]
    # Far above the window, only an anchored line is a candidate: a level-1 heading, or a
    # line with a byline or time stamp just below it (a video player, a gallery or a
    # sidebar may stand between the headline and the article's first paragraph).
    far_lo = max(0, start_index - cfg["anchor_window"])
    far = [
        k
        for k in range(far_lo, lo)
        if _eligible(lines[k], cfg, first_parts)
        and (lines[k].heading == 1 or any(byline(m) for m in range(k + 1, min(len(lines), k + 1 + reach))))
        and not _is_furniture(lines, k)  # the furniture rules ran only near the article
    ]
    out: list[Candidate] = []
    places: dict[int, tuple[int, int | None]] = {}
    for k in far + list(range(lo, hi)):
        line = lines[k]
        # (a far line is eligible already: asked above)
        if line.no in furniture or not (k < lo or _eligible(line, cfg, first_parts)) or (check_rules and _is_furniture(lines, k)):
            continue
        title, site = split_site(line.text, counts, all_keys)
        title = title.replace("\xad", "")  # a soft hyphen (a browser's copy keeps them) is no character of the title
        if english:
            title = _SPACE_BEFORE_MARK.sub(r"\1", title)
        content = {word for word in line.lower if len(word) > 2} - stops
        overlap = 0.0
        if content:
            # a word counts when the article has it beyond the line's own printing of it
            own = line.lower if line.no in kept else ()
            overlap = sum(1 for word in content if body_words[word] > own.count(word)) / len(content)
        n = line.n_words
        text = line.text
        f = {
            "h1": float(line.heading == 1),
            "h2": float(line.heading == 2),
            "h3_plus": float(line.heading >= 3),
            "bullet": float(line.bullet),
            "repeated": float(counts[key(title)] >= 2),
            "in_meta": min(3.0, float(_repeats_in_page(title, page_lower))) if page_lower else 0.0,
            "title_case": sum(word[:1].isupper() for word in line.words) / max(1, n),
            "all_caps": float(text.isupper()),
            "full_stop": float(text.endswith(".")),
            "question_or_bang": float(text.endswith(("?", "!"))),
            "words_1_2": float(n <= 2),
            "words_3_4": float(3 <= n <= 4),
            "words_over_15": max(0, n - 15) / 10,
            "inside_span": float(k > start_index),
            "lines_inside": max(0, k - start_index) / 10,
            "lines_before": max(0, start_index - k) / 10,
            "next_is_start": float(k + 1 == start_index),
            "body_overlap": overlap,
            "has_link": float(line.link_chars > 0),
            "digits": sum(map(str.isdigit, text)) / max(1, len(text)),
            "image": float(line.image),
            "prose_after": _share(span.scores, k + 1, k + 9, lambda v: v > 1.0),
            "prose_before": _share(span.scores, k - 8, k, lambda v: v > 1.0),
            "links_before": _share(span.scores, k - 8, k, lambda v: v < -1.2),
            "colon": float(": " in text),
            # a plain line right under a heading: its standfirst, not the headline
            "under_heading": float(k > 0 and lines[k - 1].heading > 0 and not line.heading),
            "separators": min(3, len(_NAV_SEPARATOR.findall(text))) / 3,
            "furniture_share": sum(w in furniture_words for w in line.lower) / max(1, n),
            "meta_before": float(any(meta(n) for n in range(max(0, k - 3), k))),
            "deck_after": float(
                k + 1 < len(lines)
                and lines[k + 1].n_words > n
                and not lines[k + 1].heading
                and not lines[k + 1].link_chars
                and not meta(k + 1)
                and lines[k + 1].n_words <= cfg["max_words"] * 2
            ),
        }
        # the byline or time stamp the headline stands over, a standfirst or share bar between
        first_byline = next((m for m in range(k + 1, min(len(lines), k + 1 + reach)) if byline(m)), None)
        f["byline_below"] = float(
            first_byline is not None and sum(span.scores[m] > 1.0 for m in range(k + 1, first_byline)) <= 1
        )
        f["credit_after"] = float(any(credit(m) for m in range(k + 1, min(len(lines), k + 3))))
        title_key = key(title)
        # the headline echoed in a longer line: a breadcrumb ending in it, a <title> or
        # meta description opening with it
        f["names_owner"] = float(n <= cfg["max_site_words"] and any(f" {title_key} " in f" {o} " for o in owners))
        f["echoed"] = float(
            len(title_key.split()) >= 3 and (f" {title_key}\n" in joined_keys or f"\n{title_key} " in joined_keys)
        )
        places[id(line)] = (k, first_byline)
        out.append(Candidate(line, title, site, f))
    # a deck: a longer line, in fewer capitals, right under another candidate (its headline)
    by_index = {places[id(c.line)][0]: c for c in out}
    for k, cand in by_index.items():
        above = by_index.get(k - 1)
        # (a line of three words or fewer above is a kicker, not a headline)
        cand.features["is_deck"] = float(
            above is not None
            and above.line.n_words >= 4
            and cand.line.n_words > above.line.n_words
            and cand.features["title_case"] < above.features["title_case"]
        )
    for k, cand in by_index.items():  # a short line right above: a kicker over its headline
        above = by_index.get(k - 1)
        cand.features["under_kicker"] = float(above is not None and above.line.n_words <= 3 < cand.line.n_words)
    # the candidate nearest above a byline: no other candidate but a deck, or a name of
    # one or two words (the byline's own name: "Tim O'Reilly", "Follow", date), stands between
    for cand in out:
        k, b = places[id(cand.line)]
        cand.features["last_before_byline"] = float(
            b is not None
            and not cand.features["is_deck"]
            and not any(
                k < places[id(o.line)][0] < b and not o.features["is_deck"] and o.line.n_words > 2
                for o in out
                if o is not cand
            )
        )
    out += _sub_line_candidates(out, counts, page_lower, lines)
    # evidence relative to the page's other candidates: the one the page repeats most
    top = max((c.features["in_meta"] for c in out), default=0.0)
    for cand in out:
        cand.features["meta_best"] = float(top > 0 and cand.features["in_meta"] == top)
    for cand in out:  # the page's first level-1 heading among the candidates
        cand.features["first_h1"] = float(cand.line.heading == 1 and cand is next((c for c in out if c.line.heading == 1), None))
    page_stops = stops if span.language in function_words() else frozenset()
    page_features(out, {id(c): places[id(c.line)][0] for c in out}, lines, start_index, page_stops, key)
    return out


def _sub_line_candidates(
    out: list[Candidate], counts: Counter[str], page_lower: str, lines: Sequence[Line]
) -> list[Candidate]:
    """The candidates' sub-line readings (``headline_features.variants``): a list number, a
    breadcrumb, a kicker or a date glued before the headline removed."""
    first_key = key(lines[0].text) if lines else ""
    first_no = lines[0].no if lines else 0
    top_no = lines[min(2, len(lines) - 1)].no if lines else 0  # the <title> line and its copies

    def echo_in(own_no: int) -> Callable[[str], bool]:
        def echoed(text: str) -> bool:  # printed elsewhere on the page than on line own_no
            k = key(text)
            if len(k.split()) < 2:
                return False
            in_first = own_no != first_no and f" {k} " in f" {first_key} "
            return counts.get(k, 0) >= 1 or in_first or page_lower.count(text.lower()) >= 2

        return echoed

    extra = []
    for cand in out:
        echoed = echo_in(cand.line.no)
        for title, kind in variants(cand.title, echoed, _rules()["max_glued_words"]):
            n = len(_KEY_WORDS.findall(title))
            echo = echoed(title)
            if n < 1 or (kind == "part" and not echo and cand.line.no > top_no):
                continue  # a part of a line is a reading only where the page bears it out
            f = dict(cand.features)
            title_key = key(title)
            f.update(
                {
                    f"variant_{kind}": 1.0,
                    "repeated": float(counts[title_key] >= 2),
                    "in_meta": min(3.0, float(_repeats_in_page(title, page_lower))) if page_lower else 0.0,
                    "words_1_2": float(n <= 2),
                    "words_3_4": float(3 <= n <= 4),
                    "words_over_15": max(0, n - 15) / 10,
                    "full_stop": float(title.endswith(".")),
                }
            )
            extra.append(Candidate(cand.line, title, None, f))
    return extra


def _names_copyright(text: str) -> bool:
    # asked of every line of the page: the regex only where its marks can stand
    return ("©" in text or "opyright" in text or "OPYRIGHT" in text or "(c)" in text or "(C)" in text) and bool(
        _COPYRIGHT.search(text)
    )


@lru_cache(maxsize=8192)
def _names_credit(text: str) -> bool:
    # asked of the same lines as candidates and as their neighbours: once each. Every
    # branch of _CREDIT needs a "/" or ":" but "getty images" (letters without a look-alike
    # outside ASCII): a paragraph holding none is answered without the slow search
    if "/" not in text and ":" not in text and "getty" not in text.lower():
        return False
    return bool(_CREDIT.search(text))


def _may_be_caption_mark(text: str) -> bool:
    """False only when ``_CAPTION_MARK`` cannot match: each of its branches needs a ":",
    " by" or "caption" (in any case)."""
    if ":" in text:
        return True
    lower = lower_for_required_texts(text)
    return lower is None or " by" in lower or "caption" in lower


@lru_cache(maxsize=1)
def _caption_markers() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in load_rules("structure")["caption_markers"]), re.IGNORECASE)


@lru_cache(maxsize=1)
def _caption_needs() -> frozenset[str] | None:
    return extract_required_texts(_caption_markers())


@lru_cache(maxsize=8192)
def _is_caption(text: str) -> bool:
    """A line the cleaner takes for a photo's caption (``structure.yml``'s markers); the
    pattern is run only on a line holding one of the texts it needs (as the cleaner does)."""
    needs = _caption_needs()
    lower = lower_for_required_texts(text) if needs is not None else None
    if lower is not None and not any(map(lower.__contains__, needs)):  # type: ignore[arg-type]
        return False
    return bool(_caption_markers().search(text))


@lru_cache(maxsize=8192)
def _is_credit(text: str) -> bool:
    """An image's credit or caption control."""
    return _names_credit(text) or (_may_be_caption_mark(text) and bool(_CAPTION_MARK.search(text)))


def _share(scores: Sequence[float], lo: int, hi: int, test: Callable[[float], bool]) -> float:
    window = scores[max(0, lo) : max(0, hi)]
    return sum(map(test, window)) / len(window) if window else 0.0


@lru_cache(maxsize=1)
def _rules() -> dict:
    return load_rules("headline")


@lru_cache(maxsize=1)
def _model() -> dict[str, float]:
    return {str(k): float(v) for k, v in load_rules("headline_model")["weights"].items()}


@lru_cache(maxsize=1)
def _calibration() -> dict[str, float]:
    return {str(k): float(v) for k, v in load_rules("headline_model")["calibration"].items()}


def no_headline_doubt() -> Doubt:
    """The doubt of a title the cleaner took without a headline line (``data/headline.yml``)."""
    rule = _rules()["no_headline"]
    return Doubt(float(rule["probability"]), str(rule["reason"]))


def candidate_score(features: dict[str, float]) -> float:
    """The linear model's score of a candidate (``data/headline_model.yml``)."""
    weights = _model()
    # features at zero add nothing (most are): the sum is the same without them
    return weights.get("bias", 0.0) + sum(weights.get(name, 0.0) * value for name, value in features.items() if value)


def find_headline(span: Span, page: str = "", furniture: frozenset[int] | None = None) -> Headline | None:
    """The headline of the article ``span`` found, or ``None`` when no line qualifies.

    ``furniture``: numbers of lines the furniture rules dropped, never the headline
    (``None``: the rules are asked about each candidate).
    """
    if not span.start:  # no prose found: the page is too short to tell; the cleaner's rules decide
        return None
    best: tuple[float, Candidate] | None = None
    found = candidates(span, page, furniture)
    scores = []
    for cand in found:
        score = candidate_score(cand.features)
        scores.append(score)
        if best is None or score > best[0]:
            best = (score, cand)
    if best is None:
        return None
    cand = best[1]
    margin = confidence_inputs(scores)[1]
    probability = round(calibrated(_calibration(), calibration_inputs(scores, cand.features)), 3)
    reason = doubt_reason(cand.features, margin, _rules()) if probability < _rules()["reason_below"] else None
    doubt = Doubt(probability, reason)
    # the headline printed twice with other punctuation ("Prince -- Woman Warns ...",
    # "Prince Woman Warns ..."): the first printing, the page's own, is kept
    # (of that first line's readings, a list number or breadcrumb cut off or not, the best scored)
    # (the page's first lines are passed over: a scraper's copy of the <title> stands there)
    same = key(cand.title)
    top_no = span.lines[min(2, len(span.lines) - 1)].no
    first_no = next((c.line.no for c in found if key(c.title) == same and c.line.no > top_no), cand.line.no)
    cand = max(
        (c for c, s in zip(found, scores) if c.line.no == first_no and key(c.title) == same),
        key=lambda c: scores[found.index(c)],
    )
    return Headline(cand.title, cand.line.no, cand.site, cand.line.raw, doubt)


def _repeats_in_page(title: str, page_lower: str) -> int:
    """How often the headline, or its URL slug, stands in the page's text."""
    words = _WORDS.findall(title.lower())
    if len(words) < 3:
        return 0
    # the line itself is one printing of the title: only the others count
    return max(0, page_lower.count(title.lower()) - 1) + page_lower.count("-".join(words[:6]))


def _is_furniture(lines: Sequence[Line], k: int) -> bool:
    """True when a furniture rule drops line ``k``, or the line is a widget's payload
    (the line after a rule with ``drop_next``)."""
    if match_furniture(lines[k].text) is not None:
        return True
    for back in (1, 2):
        if k - back >= 0 and lines[k - back].link_density < 0.5:  # a menu's "Video" entry is no player
            rule = match_furniture(lines[k - back].text)
            if rule is not None and rule.drop_next >= back:
                return True
    return False


def _eligible(line: Line, cfg: dict, first_parts: frozenset[str] = frozenset()) -> bool:
    if not line.words or line.image and line.n_words < 3:
        return False
    # a one-word headline ("Zeitphilosophie") only as a heading or echoed in the <title> line
    one_word = line.n_words == 1 and _rules()["one_word_headlines"] and (line.heading > 0 or key(line.text) in first_parts)
    if not (cfg["min_words"] <= line.n_words <= cfg["max_words"] or one_word):
        return False
    if line.link_density > 0.5 and not line.heading:
        return False
    text = line.text
    if line.url or text.endswith((":", ",", ";")) or text[:1].islower():
        return False
    if len(_NAV_SEPARATOR.findall(text)) >= cfg["max_nav_separators"]:
        return False  # a menu row ("US · UK · Australia · France"), not a headline
    if text.endswith(".") and line.n_words >= cfg["max_words_full_stop"]:
        return False  # a paragraph's sentence, not a headline
    if _BYLINE.match(text) or _is_credit(text) or _is_caption(text) or is_furniture_words(line) or is_meta_line(line):
        return False
    if is_bare_domain(text):
        return False  # the site's name as its domain ("Marketplace.org" in a logo heading)
    return not (_DATEISH.search(text) and line.n_words <= 6)



def split_site(text: str, counts: Counter[str] | None = None, all_keys: Sequence[str] = ()) -> tuple[str, str | None]:
    """``("Headline", "Site")`` from "Headline - Site" (or "Site | Headline") when the page bears it out.

    The part split off must be short, and the page must show it is not the
    headline's: the part stands on the page outside this line, or the rest stands
    alone as a line of its own.
    """
    cfg = span_rules()["headline"]
    parts = [p for p in _SEPARATOR.split(text) if p]
    if len(parts) < 2:
        return text, None
    counts = counts or Counter()
    options = [(parts[-1], _before_last(text, parts[-1]))]
    if _PIPE_AFTER_FIRST.match(text[len(parts[0]) :]):
        # "Section | Headline": a leading part is split off at a bar only; "Raspberry
        # Pi 3 - The credit card sized PC" is one headline
        options.append((parts[0], _after_first(text, parts[0])))
    for site, title in options:
        if not title or len(site.split()) > cfg["max_site_words"] or len(site) > cfg["max_site_chars"]:
            continue
        if len(_KEY_WORDS.findall(title)) < 3:
            continue
        site_key, title_key = key(site), key(title)
        standalone = counts.get(title_key, 0) >= 1
        # the site's name stands on the page in a short line of its own ("© 2021 Site", a logo's text)
        limit = len(site_key.split()) + 3
        elsewhere = any(
            site_key and site_key in k and k != key(text) and len(k.split()) <= limit for k in all_keys
        )
        if standalone or elsewhere:
            return title, site
    return text, None


def _before_last(text: str, last: str) -> str:
    head = text[: text.rfind(last)]
    return _TRAILING_SEPARATOR.sub("", head).strip()


def _after_first(text: str, first: str) -> str:
    tail = text[len(first) :]
    return _LEADING_SEPARATOR.sub("", tail).strip()
