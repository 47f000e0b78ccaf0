"""The rules of data/dates.yml, compiled once: date span patterns, month and weekday
names, labels and the cue lists that give a date its role (date_spans.py reads
dates with them, date_stamps.py stamps).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from generator.files.rules import load_rules


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
    published: re.Pattern[str]
    updated: re.Pattern[str]
    published_end: re.Pattern[str]  # the label ends the text, but for spaces and ":,-"
    updated_end: re.Pattern[str]
    line_max: int
    line_filler: tuple[re.Pattern[str], ...]
    dateline_before: re.Pattern[str]
    dateline_after: re.Pattern[str]
    caption_before: re.Pattern[str]
    caption_after: re.Pattern[str]
    # Each list of data/dates.yml asked "does any of them match?" as one pattern (_any_of).
    photo_before: re.Pattern[str]
    photo_after: re.Pattern[str]
    photo_reused: re.Pattern[str]
    reject_before: re.Pattern[str]
    lead_before: re.Pattern[str]
    skip_before: re.Pattern[str]
    future_before: re.Pattern[str]
    future_window: int
    anchors: dict[str, int]
    languages: frozenset[str]  # the languages whose dates in words are read (data/dates.yml)


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
    months = {int(k): v for k, v in data["months"].items()}
    weekdays = {int(k): v for k, v in data["weekdays"].items()}
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
        published=re.compile(published, re.IGNORECASE),
        updated=re.compile(updated, re.IGNORECASE),
        published_end=re.compile(r"(?:" + published + r")[\s:,-]*$", re.IGNORECASE),
        updated_end=re.compile(r"(?:" + updated_prose + r")[\s:,-]*$", re.IGNORECASE),
        line_max=int(line["max_chars"]),
        line_filler=tuple(re.compile(p) for p in line["filler"]),
        dateline_before=re.compile(data["dateline_prefix"]["before"]),
        dateline_after=re.compile(data["dateline_prefix"]["after"]),
        caption_before=re.compile(data["caption_end"]["before"]),
        caption_after=re.compile(data["caption_end"]["after"]),
        photo_before=_any_of(data["photo_before"]),
        photo_after=_any_of(data["photo_after"]),
        photo_reused=_any_of(data["photo_reused"]),
        reject_before=_any_of(data["reject_before"]),
        lead_before=re.compile(data["lead_before"], re.IGNORECASE),
        skip_before=_any_of(wm["skip_before"], flags=0),
        future_before=_any_of(wm["future_before"]),
        future_window=int(wm["window_chars"]),
        anchors={k: int(v) for k, v in data["anchors"].items()},
        languages=frozenset(data["languages"]),
    )


def _fill(pattern: str, fills: dict[str, str]) -> str:
    for key, value in fills.items():
        pattern = pattern.replace("{" + key + "}", value)
    return pattern
