"""The headline model's feature names and what a winner's confidence is read from.

The features themselves are measured in :func:`generator.extract.headline.candidates`;
their weights are data (``data/headline_model.yml``, rebuilt by ``make train``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Callable, Sequence

FEATURES: tuple[str, ...] = (
    "h1", "h2", "h3_plus", "bullet", "repeated", "title_case", "all_caps",
    "full_stop", "question_or_bang", "words_1_2", "words_3_4", "words_over_15", "inside_span",
    "lines_inside", "lines_before", "next_is_start", "body_overlap", "has_link", "digits", "image",
    "prose_after", "prose_before", "links_before", "colon", "separators", "furniture_share", "meta_before",
    "first_h1", "byline_below", "credit_after", "echoed", "last_before_byline", "meta_best", "under_heading",
    "names_owner",
    "first_line_echo", "stop_share", "order",
    "crowded", "long_words", "in_meta", "log_distance", "nearest_above", "max_overlap",
    "variant_mark", "variant_part", "variant_glued", "extends_other",
    "is_deck", "deck_after", "under_kicker", "stamp_below", "stamp_above", "name_below",
)  # fmt: skip


# What the calibration reads besides the winner's softmax probability and margin: how many
# candidates there were and the winner's own evidence (a heading, a byline under it, an echo of
# the <title> line, a cut reading of its line, a place far from the article ...).
# (Session 7 added the second block, out of fold on web/ + web2: the check-first list's share of
# wrong headlines at <= 15% of right ones 51% -> 54%, wrong at >= 0.9 8.0% -> 7.1%, log loss
# 0.468 -> 0.459; every feature of the ranker: no better.)
CALIBRATION_FEATURES: tuple[str, ...] = (
    "h1", "byline_below", "first_line_echo", "in_meta", "meta_best", "variant_part", "variant_glued",
    "inside_span", "lines_before", "words_1_2", "body_overlap", "prose_after", "furniture_share",
    "first_h1", "stamp_below", "echoed", "repeated", "title_case", "full_stop", "extends_other",
    "crowded", "order", "log_distance", "all_caps", "words_over_15", "stop_share", "names_owner",
    "bullet", "has_link",
)  # fmt: skip
CALIBRATION_INPUTS: tuple[str, ...] = ("logit_p", "margin", "log_candidates", *CALIBRATION_FEATURES)


def calibration_inputs(scores: Sequence[float], winner: dict[str, float]) -> dict[str, float]:
    """What P(the winner is the headline) is read from: its softmax probability (as a logit),
    its score's margin over the runner-up (at most 10), the number of candidates (log) and
    the winner's features named in ``CALIBRATION_FEATURES``."""
    p, margin = confidence_inputs(scores)
    p = min(max(p, 1e-6), 1 - 1e-6)
    inputs = {"logit_p": math.log(p / (1 - p)), "margin": min(margin, 10.0), "log_candidates": math.log(len(scores))}
    inputs.update({name: winner.get(name, 0.0) for name in CALIBRATION_FEATURES})
    return inputs


def calibrated(calibration: dict[str, float], inputs: dict[str, float]) -> float:
    """P(the winner is the headline): a logistic regression (``calibration``: its weights and
    ``bias``, from the model file) on ``calibration_inputs``."""
    z = calibration.get("bias", 0.0) + sum(calibration.get(name, 0.0) * value for name, value in inputs.items())
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def doubt_reason(features: dict[str, float], margin: float, rules: dict) -> str | None:
    """Why the winner may not be the headline, in a reader's words (``data/headline.yml``'s
    ``doubt`` rules: the first whose evidence the winner shows), ``None`` when none does."""
    for rule in rules["doubt"]:
        # (rules are asked in order; a rule's reason is given whatever the probability: the
        # caller asks only below ``reason_below``)
        when = rule["when"]
        hit = (
            margin < when["margin_below"]
            if "margin_below" in when
            else any(features.get(name, 0.0) >= value for name, value in when["any"].items())
        )
        if hit:
            return str(rule["reason"])
    return None


def confidence_inputs(scores: Sequence[float]) -> tuple[float, float]:
    """The winner's softmax probability among a page's candidates and its score's
    margin over the runner-up (10 when it has none)."""
    top = max(scores)
    total = sum(math.exp(s - top) for s in scores)
    second = max((s for i, s in enumerate(scores) if i != scores.index(top)), default=None)
    return 1 / total, (top - second) if second is not None else 10.0


def page_features(out: list, index_of: dict[int, int], lines: Sequence, start_index: int, stops, key) -> None:  # type: ignore[no-untyped-def]
    """Evidence any site and language has, added to each candidate's features (in place).

    ``out``: the candidates; ``index_of``: a candidate's ``id`` -> its line's index in
    ``lines``; ``start_index``: the article's first line's; ``stops``: the page language's
    function words (empty when it has no list); ``key``: :func:`headline.key`.
    """
    # the page's first line: html-text dumps (and some scrapers) put the <title> there,
    # "Headline - Site" or "Headline | Site"; its parts are echoes of the headline
    first = lines[0].text if lines else ""
    first_key = key(first)
    first_parts = {key(part) for part in split_parts(first)} - {""}
    stamps: dict[int, bool] = {}

    def stamp(m: int) -> bool:  # a short line with a date or time in figures (any language's)
        if m not in stamps:
            stamps[m] = lines[m].n_words <= 12 and bool(_STAMP.search(lines[m].text))
        return stamps[m]

    at_index = Counter(index_of[id(c)] for c in out)
    n = len(out)
    for order, cand in enumerate(out):
        f = cand.features
        k = index_of[id(cand)]
        line = cand.line
        title_key = key(cand.title)
        at_top = k <= 2 and title_key and (title_key == first_key or title_key in first_parts)
        f["first_line_echo"] = float(
            not at_top
            and bool(title_key)
            and (title_key in first_parts or (len(title_key) >= 12 and first_key.startswith(title_key + " ")))
        )
        f["stop_share"] = sum(w in stops for w in line.lower) / max(1, line.n_words) if stops else 0.0
        f["order"] = order / (n - 1) if n > 1 else 0.0
        # other candidates' lines close around it: a list of teasers or a menu, not a headline's solitude
        f["crowded"] = min(4, sum(at_index[m] for m in range(k - 2, k + 3)) - at_index[k]) / 4
        f["long_words"] = float(line.n_words >= 8)
        f["stamp_below"] = float(any(stamp(m) for m in range(k + 1, min(len(lines), k + 4))))
        f["stamp_above"] = float(any(stamp(m) for m in range(max(0, k - 2), k)))
        f["name_below"] = float(k + 1 < len(lines) and _is_name(lines[k + 1], stops))
        f["log_distance"] = math.log1p(abs(k - start_index)) / 3
    # a longer printing of another line's text (or of the <title> line's): a kicker, a
    # breadcrumb or a standfirst glued to it; the shorter printing is the headline
    owner: dict[str, set[int]] = {}
    for c in out:
        owner.setdefault(key(c.title), set()).add(c.line.no)
    for part in first_parts:  # the <title> line's parts: echoes of any line, its own copies too
        owner.setdefault(part, set()).add(-1)
    for cand in out:
        words = key(cand.title).split()
        pieces = [" ".join(words[:j]) for j in range(2, len(words))] + [" ".join(words[j:]) for j in range(1, len(words) - 1)]
        no = cand.line.no
        cand.features["extends_other"] = float(any(" " in p and owner.get(p, set()) - {no} for p in pieces))
    # evidence relative to the page's other candidates
    above = [c for c in out if index_of[id(c)] < start_index]
    if above:
        nearest = max(above, key=lambda c: index_of[id(c)])
        nearest.features["nearest_above"] = 1.0
    if out:
        best = max(c.features.get("body_overlap", 0.0) for c in out)
        for c in out:
            c.features["max_overlap"] = float(best > 0 and c.features.get("body_overlap", 0.0) == best)


# A date or time in figures: "19.10.2019", "6.11.22", "2019-10-19", "18:34", "19. Oktober 2019",
# "October 19, 2019" (a day's figures near a year's)
_STAMP = re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}\.?\s+\w+\.?,?\s+(?:19|20)\d{2}\b|\w+\s+\d{1,2},\s+(?:19|20)\d{2}\b")


def _is_name(line, stops) -> bool:  # type: ignore[no-untyped-def]
    """A byline's name: two to five words, the capitalised ones a name's (a leading function
    word, "By", "Von", "Par", may stand before), no figures, no sentence mark."""
    words = line.words
    if not 2 <= len(words) <= 5 or line.text.endswith((".", "!", "?", ":")) or any(ch.isdigit() for ch in line.text):
        return False
    rest = words[1:] if words[0].lower() in stops or len(words[0]) <= 3 else words
    return len(rest) >= 2 and all(w[:1].isupper() for w in rest)


def split_parts(text: str) -> list[str]:
    import re

    return [p for p in re.split(r"\s+(?:[-|–—·•:»]{1,2}|::)\s+|\s*\|\s*", text) if p]


# A mark before a headline that is no part of it: a list number ("5. "), Markdown heading
# or bullet marks left inside a line ("3. # Headline", "* # Headline"), a quote's ">".
_LEADING_MARKS = re.compile(r"^(?:\d{1,3}[.)]\s+)?(?:[#*>+›»→•·]+\s+)+|^\d{1,3}[.)]\s+(?=\S)")
# A date or time stamp glued before a headline ("27.01.2022 Headline", "23.01.2022 - Headline",
# "2022-01-27 Headline", "09:31 Headline"): figures only, so any language's.
_LEADING_STAMP = re.compile(r"^(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2})(?:\s*[-–|]\s*|\s+)(?=\S)")
# Where a breadcrumb, kicker or site name is glued to a headline: " » ", " > ", " / ", ": ",
# " – ", " - ", " | ".
_PARTS = re.compile(r"\s*(?:»|>>|>|/|\||::)\s+|:\s+|\s+[-–—|]\s+|\s+:\s*")


_EDGE_SEPARATORS = re.compile(r"^(?:[-–—|»>:/]+\s+)+|(?:\s+[-–—|»>:/]+)+$")


def variants(title: str, echoed: Callable[[str], bool], max_glued: int) -> list[tuple[str, str]]:
    """Sub-line readings of a candidate line's title, each with its kind:

    * ``mark``: a list number, a stray heading or bullet mark or a leading date removed;
    * ``part``: the part after a breadcrumb's or kicker's separator, or the part before
      a trailing one (a site's or section's name);
    * ``glued``: the line without its first one to ``max_glued`` words (a kicker or
      breadcrumb printed without a separator), only when the rest is ``echoed`` elsewhere
      on the page (the <title> line, another line, a share link's text).
    """
    out: list[tuple[str, str]] = []
    seen = {title}

    def add(text: str, kind: str) -> None:
        text = _EDGE_SEPARATORS.sub("", text.strip())
        if text and text not in seen and len(text.split()) >= 1:
            seen.add(text)
            out.append((text, kind))

    base = title
    for pattern in (_LEADING_MARKS, _LEADING_STAMP):
        m = pattern.match(base)
        if m:
            base = base[m.end() :]
            add(base, "mark")
    cuts = [m for m in _PARTS.finditer(base) if 0 < m.start() and m.end() < len(base)]
    for m in cuts[:4]:
        add(base[m.end() :], "part")
    if cuts:
        add(base[: cuts[-1].start()], "part")
    words = base.split()
    for j in range(1, min(max_glued, len(words) - 2) + 1):
        rest = " ".join(words[j:])
        if echoed(rest):
            add(rest, "glued")
    return out
