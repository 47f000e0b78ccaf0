"""The furniture rules: which lines of a page are its template, not its article.

``data/boilerplate.yml`` holds the rules (a pattern and a why each: share bars, cookie
notices, "Advertisement", sign-in boxes, newsletter prompts ...). :func:`match_furniture`
answers for one line; :mod:`generator.extract.clean` applies it to a page and keeps each
dropped line with its rule, and :mod:`generator.extract.headline` asks it of candidate
lines (a furniture line is never a headline). Kept apart from both so that neither
imports the other for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from generator.extract.required_texts import extract_longest_match, extract_required_texts, lower_for_required_texts
from generator.files.rules import load_rules

# The rules whose line is an address (the article's own URL): never a quotation.
URL_RULES = ("source-url", "source-url-labelled")

# A line that quotes somebody is news even when it says "we need your help".
_ATTRIBUTED_SPEECH = re.compile(r"[\"”]\s*,?\s*([\w'’.-]+\s+){1,4}(said|says|told|added|wrote)\b")


@dataclass(frozen=True)
class FurnitureRule:
    """One line rule of ``boilerplate.yml``."""

    id: str
    pattern: re.Pattern[str]
    why: str
    max_chars: int | None = None
    drop_next: int = 0
    # Lower-case texts one of which a line must hold for the pattern to match it
    # (see extract_required_texts); None: no such test, the pattern is always run.
    needs: frozenset[str] | None = None
    # The longest line the pattern can match (see extract_longest_match); None: any.
    longest_match: int | None = None

    def matches(self, line: str) -> bool:
        if self.max_chars is not None and len(line) > self.max_chars:
            return False
        if self.max_chars is None and self.id not in URL_RULES and _ATTRIBUTED_SPEECH.search(line):
            return False
        return bool(self.pattern.search(line))


@lru_cache(maxsize=1)
def furniture_rules() -> tuple[FurnitureRule, ...]:
    """The furniture rules, compiled once."""
    rules = []
    for entry in load_rules("boilerplate")["rules"]:
        flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
        pattern = re.compile(entry["pattern"], flags)
        rules.append(
            FurnitureRule(
                id=entry["id"],
                pattern=pattern,
                why=entry["why"],
                max_chars=entry.get("max_chars"),
                drop_next=entry.get("drop_next", 0),
                needs=extract_required_texts(pattern),
                longest_match=extract_longest_match(pattern),
            )
        )
    return tuple(rules)


def rule_reason(rule_id: str) -> str:
    """The ``why`` of a furniture rule, for the cleaning record."""
    for rule in furniture_rules():
        if rule.id == rule_id:
            return rule.why
    return _BUILTIN_REASONS.get(rule_id, rule_id)


_BUILTIN_REASONS = {
    "recurring-line": "a short line standing in several articles of the same outlet: its page template",
    "repeated-line": "the same line printed twice in a row (a caption, a standfirst); kept once",
    "widget-payload": "the title of an embedded video, under its player label",
}


# Cached: short furniture lines recur within a page and across an outlet's pages
# ("Advertisement", "Share this article"), and the answer depends on the line alone.
@lru_cache(maxsize=4096)
def match_furniture(line: str) -> FurnitureRule | None:
    """The first furniture rule matching a stripped line, or ``None``.

    The same as asking each rule's :meth:`FurnitureRule.matches` in turn; a rule
    is passed over without running its pattern when the line lacks every text
    the pattern needs (most lines are prose that no rule matches).
    """
    lower = lower_for_required_texts(line)
    # only the rules a line this long can match (most match only short lines: a paragraph
    # is asked about a third of them), and their texts looked for once: they share many
    rules, texts = _rules_fitting(min(len(line), _longest_limit() + 1))
    present = None if lower is None else {text for text in texts if text in lower}
    attributed = None  # whether the line quotes somebody: asked once, not once per rule
    for rule in rules:
        if present is not None and rule.needs is not None and rule.needs.isdisjoint(present):
            continue
        # FurnitureRule.matches, inline (a rule's max_chars was asked by _rules_fitting)
        if rule.max_chars is None and rule.id not in URL_RULES:
            if attributed is None:
                attributed = bool(_ATTRIBUTED_SPEECH.search(line))
            if attributed:
                continue
        if rule.pattern.search(line):
            return rule
    return None


def _length_limit(rule: FurnitureRule) -> int | None:
    """The longest line the rule can remove: its ``max_chars`` or its pattern's longest match."""
    limits = [n for n in (rule.max_chars, rule.longest_match) if n is not None]
    return min(limits) if limits else None


@lru_cache(maxsize=1)
def _longest_limit() -> int:
    return max((n for n in map(_length_limit, furniture_rules()) if n is not None), default=0)


@lru_cache(maxsize=None)
def _rules_fitting(length: int) -> tuple[tuple[FurnitureRule, ...], tuple[str, ...]]:
    """The rules, in order, that may remove a line of ``length`` characters, and every
    text they need (the same for all lengths over :func:`_longest_limit`)."""
    rules = tuple(r for r in furniture_rules() if (limit := _length_limit(r)) is None or length <= limit)
    return rules, tuple(sorted({text for rule in rules if rule.needs for text in rule.needs}))
