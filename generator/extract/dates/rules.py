"""The rules of data/dates.yml, checked against their schema and compiled once: date span
patterns, month and weekday names (their one home), labels, sentence ends and the cue lists
that give a date its role (spans.py reads dates with them, stamps.py stamps).

The schema (:data:`SCHEMA`) says what type each entry of data/dates.yml has; a file that
breaks it stops the run at load with the entry named, not later with a KeyError deep in
a page's reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from generator.files.rules import load_rules

# The types of data/dates.yml's entries: a Python type, a list ``[type]`` of such, a dict
# ``{key: type}`` of named entries, or ``("map", key type, value type)`` for a mapping of
# any keys (month and weekday numbers).
_PATTERNS = [str]
_WINDOW = {"above": int, "below": int}
SCHEMA: dict[str, Any] = {
    "languages": [str],
    "months": ("map", int, [str]),
    "weekdays": ("map", int, [str]),
    "fragments": {"day": str, "year": str},
    "spans": [{"name": str, "parts": [str], "regex": str}],
    "url_patterns": [{"name": str, "precision": str, "regex": str}],
    "own_links": str,
    "labels": {"published": _PATTERNS, "updated": _PATTERNS, "updated_in_line": _PATTERNS},
    "date_line": {"max_chars": int, "byline_window": _WINDOW, "filler": _PATTERNS},
    "stamp_window": {
        "above_title": int, "below_title": int, "further_below_title": int, "above_byline": int,
        "below_byline": int, "max_chars": int, "max_words": int, "filler": _PATTERNS, "segment_break": str,
    },
    "sentence_break": str,
    "dateline_prefix": {"before": str, "after": str, "date_first_after": str},
    "caption_end": {"before": str, "after": str},
    "photo_before": _PATTERNS,
    "photo_after": _PATTERNS,
    "photo_reused": _PATTERNS,
    "reject_before": _PATTERNS,
    "reject_after": _PATTERNS,
    "comments": {"heading": _PATTERNS, "speaker": _PATTERNS, "max_chars": int},
    "lead_before": str,
    "weekday_mentions": {"skip_before": _PATTERNS, "future_before": _PATTERNS, "window_chars": int},
    "anchors": ("map", str, int),
}


def check_schema(value: Any, schema: Any, where: str = "dates.yml") -> None:
    """Raise ``ValueError`` naming the entry where ``value`` does not have the type ``schema`` says."""
    if isinstance(schema, type):
        if not isinstance(value, schema) or (schema is int and isinstance(value, bool)):
            raise ValueError(f"{where}: expected {schema.__name__}, found {type(value).__name__} {value!r:.60}")
    elif isinstance(schema, list):
        if not isinstance(value, list) or not value:
            raise ValueError(f"{where}: expected a non-empty list, found {value!r:.60}")
        for i, item in enumerate(value):
            check_schema(item, schema[0], f"{where}[{i}]")
    elif isinstance(schema, tuple):
        _, key_type, value_type = schema
        if not isinstance(value, dict) or not value:
            raise ValueError(f"{where}: expected a non-empty mapping, found {value!r:.60}")
        for key, item in value.items():
            check_schema(key, key_type, f"{where} key {key!r}")
            check_schema(item, value_type, f"{where}.{key}")
    else:
        if not isinstance(value, dict):
            raise ValueError(f"{where}: expected a mapping, found {value!r:.60}")
        if set(value) != set(schema):
            raise ValueError(f"{where}: keys {sorted(value)} are not {sorted(schema)}")
        for key, item_schema in schema.items():
            check_schema(value[key], item_schema, f"{where}.{key}")


@dataclass(frozen=True, slots=True)
class SpanRule:
    """One entry of ``spans`` in data/dates.yml, compiled."""

    name: str
    parts: tuple[str, ...]
    pattern: re.Pattern[str]
    names_month: bool  # the pattern writes ``{month}``: it matches only a text naming a month


@dataclass(frozen=True, slots=True)
class DateRules:
    """data/dates.yml, compiled once (:func:`date_rules`)."""

    spans: tuple[SpanRule, ...]
    # Any month name as the span patterns write it (title case or capitals), shortest
    # forms only ("Jan" stands for "January"): whether a text names a month at all.
    month_hint: re.Pattern[str]
    # Every spelling of a month name, as a set of words: whether a text's words name a
    # month (month_hint's substrings, "mai", "mar", "dez", are in many words of the corpus's
    # languages: "Mail", "Markt", "dezent").
    month_words: frozenset[str]
    month_numbers: dict[str, int]
    weekday_numbers: dict[str, int]
    weekday_before: re.Pattern[str]  # any weekday name (full or short) ending the text
    weekday_full: re.Pattern[str]
    weekday_full_hint: re.Pattern[str]  # any full weekday name, as month_hint is for months
    weekday_any: re.Pattern[str]
    url_patterns: tuple[tuple[str, str, re.Pattern[str]], ...]
    own_links: re.Pattern[str]  # a link to the page itself: its share buttons', its comments' (group "url")
    published: re.Pattern[str]
    updated: re.Pattern[str]
    published_end: re.Pattern[str]  # the label ends the text, but for spaces and ":,-"
    updated_end: re.Pattern[str]
    line_max: int
    line_filler: tuple[re.Pattern[str], ...]
    dateline_before: re.Pattern[str]
    dateline_after: re.Pattern[str]
    lead_date_first_after: re.Pattern[str]  # after a day opening the lead: its dash, stop or quote
    caption_before: re.Pattern[str]
    caption_after: re.Pattern[str]
    # Each list of data/dates.yml asked "does any of them match?" as one pattern (_any_of).
    photo_before: re.Pattern[str]
    photo_after: re.Pattern[str]
    photo_reused: re.Pattern[str]
    reject_before: re.Pattern[str]
    reject_after: re.Pattern[str]  # right after a date: it starts a range
    comment_heading: re.Pattern[str]  # a line opening the readers' comments
    comment_speaker: re.Pattern[str]  # a commenter's "<name> says:" line
    comment_line_max: int
    lead_before: re.Pattern[str]
    skip_before: re.Pattern[str]
    future_before: re.Pattern[str]
    future_window: int
    anchors: dict[str, int]
    languages: frozenset[str]  # the languages whose dates in words are read (data/dates.yml)
    month_names: dict[int, tuple[str, ...]]  # 1 = January: every spelling, as data/dates.yml lists them
    weekday_names: dict[int, tuple[str, ...]]  # 0 = Monday: the English full name first
    sentence_break: re.Pattern[str]  # where a sentence ends, for the words before a date
    byline_window: dict[str, int]  # date_line.byline_window: how far from the byline a stamp is the article's
    stamp_window: dict[str, Any]  # stamp_window, as data/dates.yml writes it (stamps.py compiles its fillers)


def name_forms(name: str) -> tuple[str, ...]:
    """The spellings a month or weekday name of data/dates.yml is matched in: as written and in
    capitals; a name written in lower case (French "août", Spanish "agosto") also capitalised,
    as a line may open with it. A capitalised one ("May") is never matched in lower case."""
    forms = [name, name.upper()]
    if name[:1].islower():
        forms.append(name[:1].upper() + name[1:])
    return tuple(forms)


def word_alternation(names: list[str]) -> str:
    """A pattern for any of ``names`` as a whole word, in the forms of :func:`name_forms`, longest first."""
    forms = sorted({f for n in names for f in name_forms(n)}, key=len, reverse=True)
    return r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b"


def _name_hint(forms: set[str]) -> re.Pattern[str]:
    """Any of the ``forms`` (month or weekday names, as written) anywhere in a text, without ``\\b``.

    A form holding a shorter one ("January", "Jan") is left out: the shorter is found
    wherever the longer is. Without a leading ``\\b``, ``re`` skips to the positions
    that hold one of the first letters, so this one search costs far less than the
    patterns' own, which try their ``\\b`` at every position of the text.
    """
    shortest = sorted(f for f in forms if not any(o != f and o in f for o in forms))
    return re.compile("|".join(re.escape(f) for f in shortest))


def _any_of(patterns: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One pattern searching for any of ``patterns``: one search where there were one per
    pattern (they hold no back-references, whose group numbers joining would change)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


@lru_cache(maxsize=1)
def date_rules() -> DateRules:
    """The rules of data/dates.yml, compiled once."""
    data = load_rules("dates")
    check_schema(data, SCHEMA)
    months = {int(k): v for k, v in data["months"].items()}
    weekdays = {int(k): v for k, v in data["weekdays"].items()}
    if sorted(months) != list(range(1, 13)) or sorted(weekdays) != list(range(7)):
        raise ValueError("dates.yml: months must be numbered 1-12 and weekdays 0-6 (0 = Monday)")
    if {u["precision"] for u in data["url_patterns"]} - {"day", "month"}:
        raise ValueError("dates.yml: url_patterns' precision is day or month")
    fills = {
        "month": word_alternation([n for ns in months.values() for n in ns]),
        "weekday": word_alternation([n for ns in weekdays.values() for n in ns]),
        **data["fragments"],
    }
    spans = tuple(
        SpanRule(s["name"], tuple(s["parts"]), re.compile(_fill(s["regex"], fills)), "{month}" in s["regex"])
        for s in data["spans"]
    )
    labels = data["labels"]
    published = r"\b(?:" + "|".join(labels["published"]) + r")\b"
    updated_prose = r"\b(?:" + "|".join(labels["updated"]) + r")\b"
    updated = r"\b(?:" + "|".join([*labels["updated"], *labels.get("updated_in_line", [])]) + r")\b"
    line = data["date_line"]
    wm = data["weekday_mentions"]
    return DateRules(
        spans=spans,
        month_hint=_name_hint({f for ns in months.values() for n in ns for f in name_forms(n)}),
        month_words=frozenset(f for ns in months.values() for n in ns for f in name_forms(n)),
        month_numbers={n.lower(): k for k, ns in months.items() for n in ns},
        weekday_numbers={n.lower(): k for k, ns in weekdays.items() for n in ns},
        weekday_before=re.compile(r"(" + fills["weekday"] + r")\.?,?\s*$"),
        weekday_any=re.compile(fills["weekday"]),
        weekday_full=re.compile(
            r"\b(" + "|".join(ns[0] for ns in weekdays.values()) + r")(?:['’]s)?\b"
        ),
        weekday_full_hint=_name_hint({ns[0] for ns in weekdays.values()}),
        url_patterns=tuple(
            (u["name"], u["precision"], re.compile(u["regex"], re.IGNORECASE))
            for u in data["url_patterns"]
        ),
        own_links=re.compile(data["own_links"]),
        published=re.compile(published, re.IGNORECASE),
        updated=re.compile(updated, re.IGNORECASE),
        published_end=re.compile(r"(?:" + published + r")[\s:,-]*$", re.IGNORECASE),
        updated_end=re.compile(r"(?:" + updated_prose + r")[\s:,-]*$", re.IGNORECASE),
        line_max=int(line["max_chars"]),
        line_filler=tuple(re.compile(p) for p in line["filler"]),
        dateline_before=re.compile(data["dateline_prefix"]["before"]),
        dateline_after=re.compile(data["dateline_prefix"]["after"]),
        lead_date_first_after=re.compile(data["dateline_prefix"]["date_first_after"]),
        caption_before=re.compile(data["caption_end"]["before"]),
        caption_after=re.compile(data["caption_end"]["after"]),
        photo_before=_any_of(data["photo_before"]),
        photo_after=_any_of(data["photo_after"]),
        photo_reused=_any_of(data["photo_reused"]),
        reject_before=_any_of(data["reject_before"]),
        reject_after=_any_of(data["reject_after"]),
        comment_heading=_any_of(data["comments"]["heading"]),
        comment_speaker=_any_of(data["comments"]["speaker"]),
        comment_line_max=int(data["comments"]["max_chars"]),
        lead_before=re.compile(data["lead_before"], re.IGNORECASE),
        skip_before=_any_of(wm["skip_before"], flags=0),
        future_before=_any_of(wm["future_before"]),
        future_window=int(wm["window_chars"]),
        anchors={k: int(v) for k, v in data["anchors"].items()},
        languages=frozenset(data["languages"]),
        month_names={k: tuple(v) for k, v in months.items()},
        weekday_names={k: tuple(v) for k, v in weekdays.items()},
        sentence_break=re.compile(data["sentence_break"]),
        byline_window=dict(line["byline_window"]),
        stamp_window=dict(data["stamp_window"]),
    )


def _fill(pattern: str, fills: dict[str, str]) -> str:
    for key, value in fills.items():
        pattern = pattern.replace("{" + key + "}", value)
    return pattern
